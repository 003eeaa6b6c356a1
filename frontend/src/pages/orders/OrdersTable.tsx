import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { Order } from '../../api/orders';
import { platformLabel } from '../../components/labels';
import { formatFen } from '../../lib/money';
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

export function OrdersTable({ rows, loading, onOpen, empty }: Props) {
  const { t } = useTranslation();
  const dash = <Typography.Text type="secondary">-</Typography.Text>;

  const columns: ColumnsType<Order> = [
    {
      key: 'orderNo',
      title: t('orders.col.orderNo'),
      dataIndex: 'orderNo',
      width: 190,
      fixed: 'left',
      render: (v: string) => <OrderNo value={v} />,
    },
    {
      key: 'shop',
      title: t('orders.col.shop'),
      dataIndex: 'shopName',
      width: 130,
      ellipsis: { showTitle: false },
      render: (_: string, o) => (
        <Tooltip title={`${o.shopName}（${platformLabel(t, o.platform)}）`}>
          <span>{o.shopName}</span>
        </Tooltip>
      ),
    },
    { key: 'buyer', title: t('orders.col.buyer'), dataIndex: 'buyer', width: 130, ellipsis: true },
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
      width: 150,
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
        scroll={{ x: 1020 }}
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
