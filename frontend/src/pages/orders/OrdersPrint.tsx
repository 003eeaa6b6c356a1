import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../api/orders';
import type { Shop } from '../../api/shops';
import { platformLabel, statusLabel } from '../../components/labels';
import { formatFen } from '../../lib/money';
import { PrintTable, type PrintColumn } from '../../print';
import type { OrderFilters } from './filters';

interface Props {
  rows: Order[];
  filters: OrderFilters;
  shops: Shop[];
  total: number;
  page: number;
  pages: number;
}

/**
 * 订单 on paper (Ctrl+P): the orders of the page on screen as a plain table with the
 * filters they were chosen by; the screen's table, filters and pager are not printed.
 */
export function OrdersPrint({ rows, filters, shops, total, page, pages }: Props) {
  const { t } = useTranslation();
  const columns = useMemo<PrintColumn<Order>[]>(
    () => [
      { key: 'orderNo', title: t('orders.col.orderNo'), text: (o) => String(o.orderNo ?? ''), nowrap: true, mono: true },
      { key: 'shop', title: t('orders.col.shop'), text: (o) => o.shopName, minChars: 5 },
      { key: 'buyer', title: t('orders.col.buyer'), text: (o) => o.buyer, minChars: 4 },
      { key: 'title', title: t('orders.col.title'), text: (o) => o.title, minChars: 8 },
      {
        key: 'pay',
        title: t('orders.col.pay'),
        text: (o) => formatFen(o.payFen) + (o.refundFen > 0 ? ` ${t('orders.refund', { amount: formatFen(o.refundFen) })}` : ''),
        num: true,
        minChars: 5,
      },
      { key: 'status', title: t('orders.col.status'), text: (o) => statusLabel(t, o.status), nowrap: true },
      { key: 'createdAt', title: t('orders.col.createdAt'), text: (o) => (o.createdAt ?? '').slice(0, 16), nowrap: true },
      { key: 'logistics', title: t('orders.col.logistics'), text: (o) => [o.carrier, o.trackingNo].filter(Boolean).join(' '), minChars: 6 },
    ],
    [t],
  );
  const meta: string[] = [];
  const shop = shops.find((s) => s.id === filters.shopId);
  if (shop) meta.push(`${shop.name}（${platformLabel(t, shop.platform)}）`);
  if (filters.status) meta.push(`${t('orders.col.status')}：${statusLabel(t, filters.status)}`);
  if (filters.from || filters.to) meta.push(`${t('orders.col.createdAt')}：${filters.from || '…'} ~ ${filters.to || '…'}`);
  if (filters.search.trim()) meta.push(`${t('orders.filters.searchPlaceholder')}：${filters.search.trim()}`);
  if (filters.openRefund) meta.push(t('orders.filters.openRefund'));
  meta.push(`${t('orders.pager.total', { count: total })} · ${t('orders.pager.page', { page, pages })}`);
  return <PrintTable testId="orders-print" title={t('nav.orders')} meta={meta} columns={columns} rows={rows} rowKey={(o) => o.id} />;
}
