import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Anomaly, AnomalyQuery } from '../../api/anomalies';
import type { Shop } from '../../api/shops';
import type { Staff } from '../../api/staff';
import { platformLabel } from '../../components/labels';
import { PrintTable, type PrintColumn } from '../../print';
import { describe } from './describe';

interface Props {
  rows: Anomaly[];
  filters: Pick<AnomalyQuery, 'shopId' | 'kind' | 'state' | 'ownerId' | 'search'>;
  shops: Shop[];
  staff: Staff[];
  total: number;
  page: number;
  pages: number;
}

/**
 * 订单异常 on paper (Ctrl+P), on the print foundation like 订单: the anomalies of the page
 * on screen as a plain table (kind, order, shop, what, deadline, state, owner) with the
 * filters they were chosen by; the tile, filters, buttons, checkboxes and pager are not
 * printed (the page marks them sd-no-print).
 */
export function AnomaliesPrint({ rows, filters, shops, staff, total, page, pages }: Props) {
  const { t } = useTranslation();
  const columns = useMemo<PrintColumn<Anomaly>[]>(
    () => [
      { key: 'kind', title: t('anomalies.col.kind'), text: (a) => t(`anomalies.kind.${a.kind}`, { defaultValue: a.kind }), nowrap: true },
      { key: 'orderNo', title: t('anomalies.col.orderNo'), text: (a) => String(a.orderNo ?? '') || '-', nowrap: true, mono: true },
      { key: 'shop', title: t('anomalies.col.shop'), text: (a) => a.shopName, minChars: 5 },
      {
        key: 'what',
        title: t('anomalies.col.what'),
        text: (a) => [describe(t, a), a.title, a.notes > 0 ? t('workbench.print.notes', { count: a.notes }) : ''].filter(Boolean).join(' · '),
        minChars: 10,
      },
      {
        key: 'deadline',
        title: t('anomalies.col.deadline'),
        text: (a) => (a.deadline ? a.deadline.slice(0, 16) : t('anomalies.col.since', { time: a.since.slice(0, 16) })),
        nowrap: true,
      },
      { key: 'state', title: t('anomalies.col.state'), text: (a) => t(`anomalies.state.${a.state}`, { defaultValue: a.state }), nowrap: true },
      { key: 'owner', title: t('anomalies.col.owner'), text: (a) => a.ownerName || t('anomalies.unassigned'), minChars: 3 },
    ],
    [t],
  );
  const meta: string[] = [];
  const shop = shops.find((s) => s.id === filters.shopId);
  if (shop) meta.push(`${shop.name}（${platformLabel(t, shop.platform)}）`);
  if (filters.kind) meta.push(`${t('anomalies.col.kind')}：${t(`anomalies.kind.${filters.kind}`)}`);
  meta.push(`${t('anomalies.col.state')}：${t(`anomalies.filters.state.${filters.state || 'todo'}`)}`);
  if (filters.ownerId) {
    const owner = filters.ownerId === -1 ? t('anomalies.unassigned') : staff.find((s) => s.id === filters.ownerId)?.name ?? '';
    meta.push(`${t('anomalies.col.owner')}：${owner}`);
  }
  if (filters.search.trim()) meta.push(`${t('anomalies.col.orderNo')}：${filters.search.trim()}`);
  meta.push(`${t('workbench.print.total', { count: total })} · ${t('workbench.print.page', { page, pages })}`);
  return <PrintTable testId="anomalies-print" title={t('nav.anomalies')} meta={meta} columns={columns} rows={rows} rowKey={(a) => a.id} />;
}
