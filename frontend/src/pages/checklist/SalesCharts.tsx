/*
 * The home page's side: what is still to do by section, and each shop's paid sales of the
 * last 7 days (ECharts). Clicking a shop's chart opens its orders.
 *
 * data-testid: cl-overview, cl-alerts, cl-sales, cl-sales-<shopId>
 */
import { lazy, Suspense, useMemo } from 'react';
import { Card, Empty, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChecklistDay, ShopSales } from '../../api/checklist';
import type { MetricAlert } from '../../api/metrics';
import { SECTIONS, isDone } from './text';

const LazyChart = lazy(() => import('../../components/Chart').then((m) => ({ default: m.Chart })));

export function Overview({ day }: { day: ChecklistDay }) {
  const { t } = useTranslation();
  const total = day.items.length;
  const done = day.items.filter(isDone).length + day.items.filter((it) => it.state === 'skipped').length;
  return (
    <Card size="small" title={t('checklist.side.overview')} data-testid="cl-overview">
      <Progress percent={total ? Math.round((done * 100) / total) : 100} size="small" />
      <Typography.Text type="secondary">
        {total - done > 0 ? t('checklist.side.openCount', { n: total - done }) : t('checklist.side.allDone')}
      </Typography.Text>
      <div style={{ marginTop: 8 }}>
        {SECTIONS.map((sec) => {
          const items = day.items.filter((it) => it.section === sec);
          if (items.length === 0) return null;
          const open = items.filter((it) => it.state === 'open').length;
          return (
            <div key={sec} style={{ display: 'flex', justifyContent: 'space-between', fontSize: 13, padding: '2px 0' }}>
              <span>{t(`checklist.section.${sec}`)}</span>
              <Typography.Text type={open ? 'warning' : 'success'}>
                {items.length - open}/{items.length}
              </Typography.Text>
            </div>
          );
        })}
      </div>
    </Card>
  );
}

function ShopChart({ s }: { s: ShopSales }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 12, top: 12, bottom: 22 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: s.days.map((d) => d.slice(5)), axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', axisLabel: { fontSize: 10 } },
      series: [
        { name: t('checklist.side.salesSeries'), type: 'bar', data: s.salesFen.map((f) => f / 100), itemStyle: { color: '#1677ff' } },
      ],
    }),
    [s, t],
  );
  const total = s.salesFen.reduce((a, b) => a + b, 0) / 100;
  return (
    <div data-testid={`cl-sales-${s.shopId}`} style={{ marginBottom: 8 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, fontSize: 13 }}>
        <Typography.Text strong ellipsis={{ tooltip: s.shopName }}>
          {s.shopName}
        </Typography.Text>
        <Typography.Text type="secondary" className="sd-nowrap">
          ¥{total.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
        </Typography.Text>
      </div>
      <Suspense fallback={<div style={{ height: 120 }} />}>
        <LazyChart option={option} height={120} />
      </Suspense>
    </div>
  );
}

export function SalesCharts({ sales }: { sales: ShopSales[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('checklist.side.sales')} data-testid="cl-sales">
      {sales.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checklist.side.salesEmpty')} />
      ) : (
        sales.map((s) => <ShopChart key={s.shopId} s={s} />)
      )}
    </Card>
  );
}

/** Yesterday's figures that moved more than the setting against their 7-day average; a click opens 店铺数据. */
export function AlertsCard({ alerts, onOpen }: { alerts: MetricAlert[]; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('metrics.alerts')} data-testid="cl-alerts">
      {alerts.length === 0 ? (
        <Typography.Text type="secondary">{t('metrics.alertsNone')}</Typography.Text>
      ) : (
        alerts.slice(0, 8).map((a) => (
          <div key={`${a.shopId}-${a.figure}`} style={{ fontSize: 13, padding: '2px 0', cursor: 'pointer' }} onClick={onOpen}>
            <Typography.Text type={a.change < 0 ? 'danger' : 'success'}>
              {t('metrics.alertLine', {
                shop: a.shopName,
                figure: t(`metrics.figure.${a.figure}`),
                dir: t(a.change < 0 ? 'metrics.down' : 'metrics.up'),
                pct: Math.round(Math.abs(a.change) * 100),
              })}
            </Typography.Text>
          </div>
        ))
      )}
    </Card>
  );
}
