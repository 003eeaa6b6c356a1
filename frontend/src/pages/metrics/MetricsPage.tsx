/*
 * 店铺数据: a shop's month, day by day. Visitors, paying buyers and promotion spend are typed
 * in (Enter or leaving a cell saves it), page views too (usually imported from 生意参谋 and
 * the like); orders, sales and refunds come from the imported
 * orders; conversion, average order value, refund rate and promotion ratio are worked out.
 * The month's sales target is split into days; the alert setting says how far a figure may
 * move against its 7-day average before the checklist names it. Trend chart of 30 days up to
 * today; today and the month it opens on are the shops' (the server's), not the browser's.
 *
 * data-testid: metrics-page, metrics-shop, metrics-month, metrics-target, metrics-alert-pct,
 * metrics-chart, metrics-table, metrics-cell-<day>-<field>
 */
import { useCallback, useEffect, useMemo, useState, lazy, Suspense } from 'react';
import { Alert, App, Card, DatePicker, Empty, Flex, InputNumber, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { alertPct, metricRange, metricsToday, saveMetric, setAlertPct, setTarget, type MetricDay } from '../../api/metrics';
import { errorText } from '../../api/errors';
import { ShopSelect } from '../../components/ShopSelect';
import { useAppData } from '../../state/AppData';

const LazyChart = lazy(() => import('../../components/Chart').then((m) => ({ default: m.Chart })));

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (v: number | undefined | null) => (v == null ? '—' : `${(v * 100).toFixed(2)}%`);

type Field = 'visitors' | 'pageViews' | 'buyers' | 'promoFen';

export function MetricsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { shops, dataVersion } = useAppData();
  const [shopId, setShopId] = useState(0);
  const [today, setToday] = useState('');
  const [month, setMonth] = useState('');
  const [days, setDays] = useState<MetricDay[]>([]);
  const [trend, setTrend] = useState<MetricDay[]>([]);
  const [limit, setLimit] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shop = shopId || shops[0]?.id || 0;

  useEffect(() => {
    metricsToday()
      .then((d) => {
        setToday(d);
        setMonth((m) => m || d.slice(0, 7));
      })
      .catch((err) => setError(errorText(err, t('metrics.loadFailed'))));
  }, [t]);

  const load = useCallback(async () => {
    if (!shop || !today || !month) return;
    try {
      const first = dayjs(`${month}-01`);
      const [m, tr, a] = await Promise.all([
        metricRange(first.format('YYYY-MM-DD'), first.endOf('month').format('YYYY-MM-DD')),
        metricRange(dayjs(today).subtract(29, 'day').format('YYYY-MM-DD'), today),
        alertPct(),
      ]);
      setDays(m[shop] ?? []);
      setTrend(tr[shop] ?? []);
      setLimit(a);
      setError(null);
    } catch (err) {
      setError(errorText(err, t('metrics.loadFailed')));
    }
  }, [shop, month, today, t]);

  useEffect(() => {
    void load();
  }, [load, dataVersion]);

  const save = async (d: MetricDay, field: Field, value: number | null) => {
    const next = { shopId: shop, day: d.day, visitors: d.visitors, pageViews: d.pageViews, buyers: d.buyers, promoFen: d.promoFen };
    next[field] = value == null ? undefined : field === 'promoFen' ? Math.round(value * 100) : value;
    if ((d[field] ?? null) === (next[field] ?? null)) return;
    try {
      await saveMetric(next as Parameters<typeof saveMetric>[0]);
      await load();
    } catch (err) {
      message.error(errorText(err, t('metrics.saveFailed')));
    }
  };

  const monthTarget = days.reduce((s, d) => s + d.targetFen, 0);
  const option = useMemo(
    () => ({
      grid: { left: 56, right: 56, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: trend.map((d) => d.day.slice(5)) },
      yAxis: [{ type: 'value' }, { type: 'value', axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: t('metrics.col.sales'), type: 'bar', data: trend.map((d) => d.salesFen / 100) },
        { name: t('metrics.col.visitors'), type: 'line', data: trend.map((d) => d.visitors ?? null) },
        { name: t('metrics.col.conversion'), type: 'line', yAxisIndex: 1, data: trend.map((d) => (d.conversion == null ? null : +(d.conversion * 100).toFixed(2))) },
      ],
    }),
    [trend, t],
  );

  const cell = (d: MetricDay, field: Field) => (
    <InputNumber
      data-testid={`metrics-cell-${d.day}-${field}`}
      size="small"
      min={0}
      precision={field === 'promoFen' ? 2 : 0}
      style={{ width: '100%' }}
      defaultValue={d[field] == null ? undefined : field === 'promoFen' ? (d[field] as number) / 100 : (d[field] as number)}
      onBlur={(e) => void save(d, field, e.target.value === '' ? null : Number(e.target.value.replace(/,/g, '')))}
      onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
    />
  );

  if (shops.length === 0) return <Empty description={t('metrics.noShops')} />;
  return (
    <div data-testid="metrics-page">
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <ShopSelect shops={shops} value={shop} onChange={setShopId} allLabel={t('metrics.pickShop')} testId="metrics-shop" style={{ minWidth: 280 }} />
        <DatePicker picker="month" data-testid="metrics-month" allowClear={false} value={month ? dayjs(`${month}-01`) : null} onChange={(v) => v && setMonth(v.format('YYYY-MM'))} />
        <span>{t('metrics.target')}</span>
        <InputNumber
          key={`${shop}-${month}-${monthTarget}`}
          data-testid="metrics-target"
          min={0}
          precision={2}
          addonAfter={t('metrics.yuan')}
          defaultValue={monthTarget ? monthTarget / 100 : undefined}
          onBlur={(e) =>
            void setTarget(shop, month, Math.round(Number(e.target.value.replace(/,/g, '') || 0) * 100))
              .then(load)
              .catch((err) => message.error(errorText(err, t('metrics.saveFailed'))))
          }
        />
        <span>{t('metrics.alertPct')}</span>
        <InputNumber
          key={`pct-${limit}`}
          data-testid="metrics-alert-pct"
          min={1}
          max={500}
          addonAfter="%"
          defaultValue={limit ?? undefined}
          onBlur={(e) =>
            void setAlertPct(Number(e.target.value))
              .then(load)
              .catch((err) => message.error(errorText(err, t('metrics.saveFailed'))))
          }
          style={{ width: 110 }}
        />
      </Flex>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Card size="small" title={t('metrics.trend')} style={{ marginBottom: 12 }}>
        <Suspense fallback={<div style={{ height: 240 }} />}>
          <LazyChart option={option} height={240} testId="metrics-chart" />
        </Suspense>
      </Card>
      <Table<MetricDay>
        data-testid="metrics-table"
        size="small"
        rowKey="day"
        dataSource={days}
        pagination={false}
        scroll={{ x: 1130 }}
        columns={[
          { title: t('metrics.col.day'), dataIndex: 'day', width: 72, fixed: 'left', render: (v: string) => v.slice(5) },
          { title: t('metrics.col.visitors'), key: 'visitors', width: 96, render: (_, d) => cell(d, 'visitors') },
          { title: t('metrics.col.pageViews'), key: 'pageViews', width: 96, render: (_, d) => cell(d, 'pageViews') },
          { title: t('metrics.col.buyers'), key: 'buyers', width: 96, render: (_, d) => cell(d, 'buyers') },
          { title: t('metrics.col.promo'), key: 'promo', width: 120, render: (_, d) => cell(d, 'promoFen') },
          { title: t('metrics.col.orders'), dataIndex: 'orders', width: 70, align: 'right' },
          { title: t('metrics.col.sales'), key: 'sales', width: 100, align: 'right', render: (_, d) => yuan(d.salesFen) },
          { title: t('metrics.col.conversion'), key: 'conv', width: 90, align: 'right', render: (_, d) => pct(d.conversion) },
          { title: t('metrics.col.aov'), key: 'aov', width: 90, align: 'right', render: (_, d) => (d.aovFen == null ? '—' : yuan(d.aovFen)) },
          { title: t('metrics.col.refundRate'), key: 'rr', width: 90, align: 'right', render: (_, d) => pct(d.refundRate) },
          { title: t('metrics.col.promoRatio'), key: 'pr', width: 90, align: 'right', render: (_, d) => pct(d.promoRatio) },
          {
            title: t('metrics.col.target'),
            key: 'target',
            width: 120,
            align: 'right',
            render: (_, d) =>
              d.targetFen ? (
                <Typography.Text type={d.salesFen >= d.targetFen ? 'success' : undefined}>
                  {yuan(d.targetFen)} · {Math.round((d.salesFen * 100) / d.targetFen)}%
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </div>
  );
}
