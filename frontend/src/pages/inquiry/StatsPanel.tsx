/*
 * 分析: for any period, inquiries, deals and conversion (deals / inquiries, 跟进中 counted
 * in the inquiries, and the page says so) by channel, agent, product, customer type or
 * region; the no-deal reasons ranked; the trend by day; the agent ranking. Charts beside
 * tables; the whole analysis exports to Excel.
 *
 * data-testid: stats-panel, stats-preset-<key>, stats-by (Segmented), stats-total-<name>,
 * stats-note, stats-row (data-key), stats-reason (data-key), stats-agent (data-key),
 * stats-chart-by, stats-chart-reasons, stats-chart-trend, stats-export, stats-empty.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Flex, Row, Segmented, Statistic, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { analyze, exportAnalysis, type Analysis, type StatRow } from '../../api/inquiry';
import { errorText } from '../../api/errors';
import { formatFen } from '../../lib/money';
import { DIMENSIONS, type Dimension } from './domain';
import { monthOf, percent, shopDay } from './logic';

// ECharts is loaded with the analysis only: the rest of the app does not carry it.
const LazyChart = lazy(() => import('../../components/Chart').then((m) => ({ default: m.Chart })));
function Chart(p: { option: Record<string, unknown>; height: number; testId?: string }) {
  return (
    <Suspense fallback={<div style={{ height: p.height }} />}>
      <LazyChart {...p} />
    </Suspense>
  );
}

function preset(key: string): [string, string] {
  const today = shopDay();
  const back = (n: number) => dayjs(today).subtract(n, 'day').format('YYYY-MM-DD');
  switch (key) {
    case 'lastMonth':
      return monthOf(today, -1);
    case 'last7':
      return [back(6), today];
    case 'last30':
      return [back(29), today];
    default:
      return [monthOf(today)[0], today];
  }
}

export function StatsPanel({ version }: { version: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [[from, to], setPeriod] = useState<[string, string]>(() => preset('last30'));
  const [by, setBy] = useState<Dimension>('channel');
  const [a, setA] = useState<Analysis | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setA(await analyze(from, to, by));
      setError(null);
    } catch (err) {
      setError(errorText(err, t('inquiry.common.loadFailed')));
    }
  }, [from, to, by, t]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const doExport = async () => {
    try {
      await exportAnalysis(from, to);
    } catch (err) {
      message.error(errorText(err, t('inquiry.common.saveFailed')));
    }
  };

  const statColumns = (keyTitle: string) => [
    { title: keyTitle, dataIndex: 'key', ellipsis: true },
    { title: t('inquiry.stats.inquiries'), dataIndex: 'inquiries', width: 76, align: 'right' as const },
    { title: t('inquiry.stats.deals'), dataIndex: 'deals', width: 70, align: 'right' as const },
    { title: t('inquiry.stats.pending'), dataIndex: 'pending', width: 70, align: 'right' as const },
    { title: t('inquiry.stats.conversion'), width: 84, align: 'right' as const, render: (_: unknown, r: StatRow) => percent(r.conversion) },
  ];

  const byOption = useMemo(() => {
    const rows = (a?.rows ?? []).slice(0, 15);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 50, top: 30, bottom: 60 },
      xAxis: { type: 'category', data: rows.map((r) => r.key), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0, width: 90, overflow: 'truncate' } },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: t('inquiry.stats.inquiries'), type: 'bar', data: rows.map((r) => r.inquiries) },
        { name: t('inquiry.stats.deals'), type: 'bar', data: rows.map((r) => r.deals) },
        { name: t('inquiry.stats.conversion'), type: 'line', yAxisIndex: 1, data: rows.map((r) => Math.round(r.conversion * 10000) / 100) },
      ],
    };
  }, [a, t]);

  const reasonOption = useMemo(() => {
    const rows = [...(a?.reasons ?? [])].slice(0, 10).reverse();
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 90, right: 30, top: 10, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.key), axisLabel: { width: 80, overflow: 'truncate' } },
      series: [{ name: t('inquiry.stats.times'), type: 'bar', data: rows.map((r) => r.inquiries), itemStyle: { color: '#fa8c16' } }],
    };
  }, [a, t]);

  const trendOption = useMemo(() => {
    const rows = a?.trend ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: rows.map((r) => r.key.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('inquiry.stats.inquiries'), type: 'line', smooth: true, data: rows.map((r) => r.inquiries) },
        { name: t('inquiry.stats.deals'), type: 'line', smooth: true, data: rows.map((r) => r.deals) },
      ],
    };
  }, [a, t]);

  const tot = a?.totals;
  const empty = a !== null && (tot?.inquiries ?? 0) === 0;

  return (
    <Flex vertical gap={12} data-testid="stats-panel" data-from={from} data-to={to} data-by={by}>
      <Card size="small">
        <Flex gap={8} wrap align="center" justify="space-between">
          <Flex gap={8} wrap align="center">
            {['thisMonth', 'lastMonth', 'last7', 'last30'].map((k) => (
              <Button key={k} size="small" data-testid={`stats-preset-${k}`} type={preset(k).join() === [from, to].join() ? 'primary' : 'default'} onClick={() => setPeriod(preset(k))}>
                {t(`inquiry.stats.${k}`)}
              </Button>
            ))}
            <DatePicker.RangePicker
              size="small"
              allowClear={false}
              value={[dayjs(from), dayjs(to)]}
              onChange={(v) => v?.[0] && v?.[1] && setPeriod([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
            />
          </Flex>
          <Button size="small" icon={<DownloadOutlined />} data-testid="stats-export" onClick={() => void doExport()}>
            {t('inquiry.stats.export')}
          </Button>
        </Flex>
        <Row gutter={16} style={{ marginTop: 12 }}>
          {(
            [
              ['inquiries', tot?.inquiries],
              ['deals', tot?.deals],
              ['pending', tot?.pending],
              ['noDeals', tot?.noDeals],
              ['conversion', tot ? percent(tot.conversion) : '-'],
              ['amount', tot ? formatFen(tot.amountFen) : '-'],
            ] as const
          ).map(([k, v]) => (
            <Col key={k} xs={8} lg={4}>
              <Statistic title={t(`inquiry.stats.${k}`)} value={v ?? '-'} data-testid={`stats-total-${k}`} />
            </Col>
          ))}
        </Row>
        <Alert type="info" showIcon data-testid="stats-note" style={{ marginTop: 8 }} title={t('inquiry.stats.note')} />
      </Card>
      {error && <Alert type="error" showIcon title={<span className="sd-error-text">{error}</span>} />}
      {empty ? (
        <Card size="small">
          <Empty data-testid="stats-empty" description={t('inquiry.stats.empty')} />
        </Card>
      ) : (
        <>
          <Card
            size="small"
            title={
              <Flex gap={8} align="center">
                <span>{t('inquiry.stats.by')}</span>
                <Segmented<Dimension>
                  size="small"
                  data-testid="stats-by"
                  value={by}
                  onChange={setBy}
                  options={DIMENSIONS.filter((d) => d !== 'reason').map((d) => ({ value: d, label: t(`inquiry.dim.${d}`) }))}
                />
              </Flex>
            }
          >
            <Row gutter={16}>
              <Col xs={24} xl={11}>
                <Table<StatRow>
                  size="small"
                  rowKey="key"
                  dataSource={a?.rows ?? []}
                  columns={statColumns(t(`inquiry.dim.${by}`))}
                  pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
                  onRow={(r) => ({ 'data-testid': 'stats-row', 'data-key': r.key }) as React.HTMLAttributes<HTMLElement>}
                />
              </Col>
              <Col xs={24} xl={13}>
                <Chart option={byOption} height={300} testId="stats-chart-by" />
              </Col>
            </Row>
          </Card>
          <Row gutter={12}>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('inquiry.stats.reasons')} style={{ height: '100%' }}>
                {(a?.reasons.length ?? 0) === 0 ? (
                  <Empty description={t('inquiry.stats.noReasons')} />
                ) : (
                  <>
                    <Chart option={reasonOption} height={Math.max(120, (a?.reasons.length ?? 0) * 26 + 30)} testId="stats-chart-reasons" />
                    <Table<StatRow>
                      size="small"
                      rowKey="key"
                      dataSource={a?.reasons ?? []}
                      pagination={false}
                      onRow={(r) => ({ 'data-testid': 'stats-reason', 'data-key': r.key }) as React.HTMLAttributes<HTMLElement>}
                      columns={[
                        { title: t('inquiry.stats.rank'), width: 56, render: (_: unknown, __: StatRow, i: number) => i + 1 },
                        { title: t('inquiry.field.reason'), dataIndex: 'key' },
                        { title: t('inquiry.stats.times'), dataIndex: 'inquiries', width: 70, align: 'right' as const },
                      ]}
                    />
                  </>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('inquiry.stats.ranking')} style={{ height: '100%' }}>
                <Table<StatRow>
                  size="small"
                  rowKey="key"
                  dataSource={a?.agents ?? []}
                  pagination={false}
                  onRow={(r) => ({ 'data-testid': 'stats-agent', 'data-key': r.key }) as React.HTMLAttributes<HTMLElement>}
                  columns={[
                    { title: t('inquiry.stats.rank'), width: 56, render: (_: unknown, __: StatRow, i: number) => i + 1 },
                    ...statColumns(t('inquiry.field.agent')),
                    { title: t('inquiry.stats.amount'), width: 110, align: 'right' as const, render: (_: unknown, r: StatRow) => formatFen(r.amountFen ?? 0) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('inquiry.stats.trend')}>
            <Chart option={trendOption} height={240} testId="stats-chart-trend" />
          </Card>
        </>
      )}
    </Flex>
  );
}
