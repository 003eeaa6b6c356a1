import { Descriptions, Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../api/orders';
import { platformLabel, statusLabel } from '../../components/labels';
import { formatFen } from '../../lib/money';
import { OrderNo } from './OrdersTable';
import { OrderStatusTag } from './OrderStatusTag';
import { OrderRefunds } from './OrderRefunds';

export function OrderDrawer({ order, onClose }: { order: Order | null; onClose: () => void }) {
  const { t } = useTranslation();
  const dash = <Typography.Text type="secondary">-</Typography.Text>;
  const text = (v: string | number | undefined | null) => (v === '' || v === undefined || v === null ? dash : String(v));

  return (
    <Drawer open={order !== null} onClose={onClose} size={560} title={t('orders.drawer.title')} destroyOnHidden>
      {order && (
        <div data-testid="order-drawer">
          <Descriptions
            column={1}
            bordered
            size="small"
            styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'orderNo', label: t('orders.col.orderNo'), children: <OrderNo value={order.orderNo} /> },
              { key: 'shop', label: t('orders.col.shop'), children: `${order.shopName}（${platformLabel(t, order.platform)}）` },
              { key: 'buyer', label: t('orders.col.buyer'), children: text(order.buyer) },
              {
                key: 'status',
                label: t('orders.col.status'),
                children: (
                  <span>
                    <OrderStatusTag status={order.status} statusText={order.statusText} />
                    {order.statusText && order.statusText !== statusLabel(t, order.status) && <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{order.statusText}</Typography.Text>}
                  </span>
                ),
              },
              { key: 'pay', label: t('orders.col.pay'), children: formatFen(order.payFen) },
              { key: 'refund', label: t('orders.drawer.refund'), children: order.refundFen > 0 ? formatFen(order.refundFen) : dash },
              { key: 'title', label: t('orders.col.title'), children: text(order.title) },
              { key: 'itemCount', label: t('orders.drawer.itemCount'), children: text(order.itemCount) },
              { key: 'address', label: t('orders.drawer.address'), children: text(order.address) },
              { key: 'createdAt', label: t('orders.col.createdAt'), children: text(order.createdAt) },
              { key: 'paidAt', label: t('orders.col.paidAt'), children: text(order.paidAt) },
              { key: 'shippedAt', label: t('orders.drawer.shippedAt'), children: text(order.shippedAt) },
              { key: 'carrier', label: t('orders.drawer.carrier'), children: text(order.carrier) },
              {
                key: 'trackingNo',
                label: t('orders.drawer.trackingNo'),
                children: order.trackingNo ? (
                  <Typography.Text className="sd-mono" copyable={{ text: order.trackingNo, tooltips: [t('common.copy'), t('common.copied')] }}>
                    {order.trackingNo}
                  </Typography.Text>
                ) : (
                  dash
                ),
              },
            ]}
          />
          <OrderRefunds shopId={order.shopId} orderNo={order.orderNo} />
        </div>
      )}
    </Drawer>
  );
}
