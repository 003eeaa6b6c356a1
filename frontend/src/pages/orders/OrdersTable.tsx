import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useMemo, type ReactNode } from 'react';
import type { Order } from '../../api/orders';
import { platformLabel } from '../../components/labels';
import { formatFen } from '../../lib/money';
import { bodyFont, fitWidth, textWidth, widestText } from '../../lib/textWidth';
import { OrderStatusTag } from './OrderStatusTag';

interface Props {
  rows: Order[];
  loading: boolean;
  onOpen: (o: Order) => void;
  empty: ReactNode;
}

export function OrderNo({ value }: { value: string }) {
  const { t } = useTranslation();
  // Always a string: 18-19 digits lose precision as numbers and Excel shows them as 3.6E+18.
  const text = String(value ?? '');
  return (
    <Typography.Text
      className="sd-mono"
      data-testid="order-no"
      copyable={{
        text,
        tooltips: [t('common.copy'), t('common.copied')],
        onCopy: (e) => e?.stopPropagation(),
      }}
    >
      {text}
    </Typography.Text>
  );
}

/** The font .sd-mono draws order numbers in (styles.css). */
export const MONO = 'ui-monospace, SFMono-Regular, Consolas, "Liberation Mono", Menlo, monospace';
/** A small table's cell padding, both sides. */
export const PAD = 16;
/** The copy icon after an order number, with its margin. */
export const COPY_ICON = 22;
/** The least width the title column keeps; the table scrolls sideways below it. */
const TITLE_MIN = 160;

/**
 * The widths of the columns whose text varies, from this page's rows: an order number
 * (拼多多: 22 characters) and its copy icon fit beside the shop, a shop name is shown
 * whole up to 16 characters (longer ones are cut, whole on hover).
 */
function useContentWidths(rows: Order[], headers: { orderNo: string; shop: string; buyer: string; logistics: string }) {
  return useMemo(() => {
    const body = bodyFont(14);
    const head = (h: string) => textWidth(h, `600 ${body}`);
    return {
      orderNo: fitWidth(Math.max(widestText(rows.map((o) => String(o.orderNo ?? '')), `14px ${MONO}`) + COPY_ICON, head(headers.orderNo)), { extra: PAD + 4, min: 150, max: 300 }),
      shop: fitWidth(Math.max(widestText(rows.map((o) => o.shopName), body), head(headers.shop)), { extra: PAD + 4, min: 90, max: 16 * 14 + PAD + 4 }),
      buyer: fitWidth(Math.max(widestText(rows.map((o) => o.buyer), body), head(headers.buyer)), { extra: PAD + 4, min: 80, max: 180 }),
      // 物流: the carrier over the tracking number (12 px, monospace); "-" when none
      logistics: fitWidth(
        Math.max(widestText(rows.map((o) => o.carrier), body), widestText(rows.map((o) => o.trackingNo), `12px ${MONO}`), head(headers.logistics)),
        { extra: PAD + 4, min: 64, max: 190 },
      ),
    };
  }, [rows, headers.orderNo, headers.shop, headers.buyer, headers.logistics]);
}

export function OrdersTable({ rows, loading, onOpen, empty }: Props) {
  const { t } = useTranslation();
  const dash = <Typography.Text type="secondary">-</Typography.Text>;
  const w = useContentWidths(rows, { orderNo: t('orders.col.orderNo'), shop: t('orders.col.shop'), buyer: t('orders.col.buyer'), logistics: t('orders.col.logistics') });
  const fixedWidths = w.orderNo + w.shop + w.buyer + 100 + 84 + 104 + w.logistics;

  const columns: ColumnsType<Order> = [
    {
      key: 'orderNo',
      title: t('orders.col.orderNo'),
      dataIndex: 'orderNo',
      width: w.orderNo,
      fixed: 'left',
      render: (v: string) => <OrderNo value={v} />,
    },
    {
      key: 'shop',
      title: t('orders.col.shop'),
      dataIndex: 'shopName',
      width: w.shop,
      ellipsis: { showTitle: false },
      render: (_: string, o) => (
        <Tooltip title={`${o.shopName}（${platformLabel(t, o.platform)}）`}>
          <span data-testid="order-shop">{o.shopName}</span>
        </Tooltip>
      ),
    },
    {
      key: 'buyer',
      title: t('orders.col.buyer'),
      dataIndex: 'buyer',
      width: w.buyer,
      ellipsis: { showTitle: false },
      render: (v: string) => (
        <Tooltip title={v} placement="topLeft">
          <span>{v}</span>
        </Tooltip>
      ),
    },
    {
      key: 'title',
      title: t('orders.col.title'),
      dataIndex: 'title',
      // no width: the title takes what the other columns leave
      ellipsis: { showTitle: false },
      render: (v: string) => (v ? <Tooltip title={v} placement="topLeft"><span>{v}</span></Tooltip> : dash),
    },
    {
      key: 'pay',
      title: t('orders.col.pay'),
      dataIndex: 'payFen',
      width: 100,
      align: 'right',
      render: (v: number, o) => (
        <div className="sd-nowrap">
          <div>{formatFen(v)}</div>
          {o.refundFen > 0 && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('orders.refund', { amount: formatFen(o.refundFen) })}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      key: 'status',
      title: t('orders.col.status'),
      dataIndex: 'status',
      width: 84,
      render: (_: string, o) => <OrderStatusTag status={o.status} statusText={o.statusText} />,
    },
    {
      key: 'createdAt',
      title: t('orders.col.createdAt'),
      dataIndex: 'createdAt',
      width: 104,
      // Month-day and minutes fit the column; the full time is in the tooltip and the drawer.
      render: (v: string) =>
        v ? (
          <Tooltip title={v}>
            <span className="sd-nowrap">{v.slice(5, 16)}</span>
          </Tooltip>
        ) : (
          dash
        ),
    },
    {
      key: 'logistics',
      title: t('orders.col.logistics'),
      width: w.logistics,
      render: (_: unknown, o: Order) =>
        o.carrier || o.trackingNo ? (
          <div className="sd-nowrap" style={{ lineHeight: 1.3 }}>
            <div>{o.carrier}</div>
            {o.trackingNo && (
              <Typography.Text type="secondary" className="sd-mono" style={{ fontSize: 12 }}>
                {o.trackingNo}
              </Typography.Text>
            )}
          </div>
        ) : (
          dash
        ),
    } as ColumnsType<Order>[number],
  ];

  return (
    <div data-testid="orders-table">
      <Table<Order>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: fixedWidths + TITLE_MIN }}
        sticky
        locale={{ emptyText: empty }}
        rowClassName={() => 'sd-table-row-clickable'}
        onRow={(o) =>
          ({
            onClick: () => onOpen(o),
            'data-testid': 'order-row',
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}
