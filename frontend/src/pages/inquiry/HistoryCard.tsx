/*
 * What the register and the orders know of the customer being typed: earlier inquiries
 * (outcome, reason, agent), paid orders, follow-ups still open. A new customer says so.
 *
 * data-testid: customer-history (data-customer), history-inquiry, history-order.
 */
import { Flex, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { History } from '../../api/inquiry';
import { formatFen } from '../../lib/money';
import { outcomeColor } from './domain';

export function HistoryCard({ history: h }: { history: History }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const known = h.inquiries.length > 0 || h.orders.length > 0;
  return (
    <div
      data-testid="customer-history"
      data-customer={h.customer}
      style={{ marginTop: 8, padding: '8px 12px', background: token.colorFillQuaternary, borderRadius: token.borderRadius, fontSize: 12 }}
    >
      {!known ? (
        <Typography.Text type="secondary">{t('inquiry.history.new', { name: h.customer })}</Typography.Text>
      ) : (
        <Flex vertical gap={4}>
          <Flex gap={12} wrap>
            <Typography.Text strong>{t('inquiry.history.title', { name: h.customer })}</Typography.Text>
            <span>{t('inquiry.history.inquiries', { n: h.inquiries.length })}</span>
            <span>{t('inquiry.history.orders', { n: h.paidOrders, amount: formatFen(h.paidFen) })}</span>
            {h.followUps.length > 0 && (
              <Tag color="orange">{t('inquiry.history.followUps', { days: h.followUps.map((f) => f.dueOn.slice(5)).join('、') })}</Tag>
            )}
          </Flex>
          {h.inquiries.slice(0, 4).map((i) => (
            <Flex key={i.id} gap={8} data-testid="history-inquiry" wrap>
              <span style={{ width: 80 }}>{i.askedOn}</span>
              <span>{i.channel}</span>
              <Tag color={outcomeColor(i.outcome)} style={{ marginInlineEnd: 0 }}>
                {t(`inquiry.outcome.${i.outcome}`)}
              </Tag>
              {i.outcome === 'deal' && <span>{formatFen(i.amountFen)}</span>}
              {i.outcome === 'no_deal' && <span>{i.reason}</span>}
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
                {i.products}
              </Typography.Text>
              {i.agentName && <span>· {i.agentName}</span>}
              {i.followNote && (
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>
                  · {i.followNote}
                </Typography.Text>
              )}
            </Flex>
          ))}
          {h.orders.slice(0, 3).map((o) => (
            <Flex key={o.orderNo} gap={8} data-testid="history-order" wrap>
              <span style={{ width: 80 }}>{o.createdAt.slice(0, 10)}</span>
              <span>{o.shopName}</span>
              <span>{o.statusText || o.status}</span>
              <span>{formatFen(o.payFen)}</span>
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
                {o.title}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </div>
  );
}
