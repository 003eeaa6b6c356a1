/*
 * 退款/售后 section of the order drawer: the order's refunds from imported refund files
 * (淘宝 退款报表, 拼多多 售后), joined by shop and order number.
 *
 * data-testid:
 *   order-refunds          the section
 *   order-refunds-empty    no refund: says which files to import
 *   order-refunds-error    loading failed (with 重试)
 *   order-refund           one refund (data-status = open | refunded | closed)
 *   refund-no              its refund number
 *   refund-deadline        its deadline with the time left (open refunds)
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { listRefunds, type Refund } from '../../api/orders';
import { errorText } from '../../api/errors';
import { formatFen } from '../../lib/money';
import { isKnownRefundStatus, refundColor } from '../../lib/domain';
import { deadlineLeft } from '../../lib/refunds';

export function RefundStatusTag({ status, statusText }: { status: string; statusText: string }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={refundColor(status)} data-refund-status={status} style={{ marginInlineEnd: 0 }}>
      {isKnownRefundStatus(status) ? t(`refundStatus.${status}`) : statusText || status}
    </Tag>
  );
  return statusText ? <Tooltip title={statusText}>{tag}</Tooltip> : tag;
}

function leftText(t: TFunction, r: Refund, now: Date): { text: string; overdue: boolean } | null {
  const left = deadlineLeft(r.deadlineAt, r.status, now);
  switch (left.kind) {
    case 'none':
      return null;
    case 'overdue':
      return { text: t('orders.refunds.overdue'), overdue: true };
    default: {
      const time =
        left.days > 0
          ? t('orders.refunds.dayHour', { days: left.days, hours: left.hours })
          : left.hours > 0
            ? t('orders.refunds.hourMinute', { hours: left.hours, minutes: left.minutes })
            : t('orders.refunds.minute', { minutes: left.minutes });
      return { text: t('orders.refunds.left', { time }), overdue: false };
    }
  }
}

function RefundCard({ r, now }: { r: Refund; now: Date }) {
  const { t } = useTranslation();
  const dash = <Typography.Text type="secondary">-</Typography.Text>;
  const left = leftText(t, r, now);
  const items = [
    {
      key: 'refundNo',
      label: t('orders.refunds.refundNo'),
      children: (
        <Typography.Text data-testid="refund-no" className="sd-mono" copyable={{ text: r.refundNo, tooltips: [t('common.copy'), t('common.copied')] }}>
          {r.refundNo}
        </Typography.Text>
      ),
    },
    { key: 'appliedAt', label: t('orders.refunds.appliedAt'), children: r.appliedAt || dash },
    {
      key: 'deadlineAt',
      label: t('orders.refunds.deadlineAt'),
      children: r.deadlineAt ? (
        <span data-testid="refund-deadline">
          {r.deadlineAt}
          {left && (
            <Typography.Text type={left.overdue ? 'danger' : 'warning'} strong style={{ marginInlineStart: 8 }}>
              {left.text}
            </Typography.Text>
          )}
        </span>
      ) : (
        dash
      ),
    },
    { key: 'reason', label: t('orders.refunds.reason'), children: r.reason || dash },
    ...(r.title ? [{ key: 'title', label: t('orders.refunds.product'), children: r.title }] : []),
    ...(r.goodsStatus ? [{ key: 'goods', label: t('orders.refunds.goodsStatus'), children: r.goodsStatus }] : []),
    {
      key: 'waybill',
      label: t('orders.refunds.returnWaybill'),
      children: r.returnTrackingNo ? (
        <span>
          {r.returnCarrier && <span style={{ marginInlineEnd: 8 }}>{r.returnCarrier}</span>}
          <Typography.Text className="sd-mono" copyable={{ text: r.returnTrackingNo, tooltips: [t('common.copy'), t('common.copied')] }}>
            {r.returnTrackingNo}
          </Typography.Text>
        </span>
      ) : (
        dash
      ),
    },
    ...(r.finishedAt ? [{ key: 'finishedAt', label: t('orders.refunds.finishedAt'), children: r.finishedAt }] : []),
  ];
  return (
    <Card
      size="small"
      data-testid="order-refund"
      data-status={r.status}
      title={
        <Flex gap={8} align="center" wrap>
          <RefundStatusTag status={r.status} statusText={r.statusText} />
          {r.kind && <Typography.Text>{r.kind}</Typography.Text>}
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260, fontWeight: 'normal' }}>
            {r.statusText}
          </Typography.Text>
        </Flex>
      }
      extra={<Typography.Text strong>{formatFen(r.amountFen)}</Typography.Text>}
      styles={{ body: { padding: '8px 12px 4px' } }}
    >
      <Descriptions column={1} size="small" styles={{ label: { width: 96, whiteSpace: 'nowrap' } }} items={items} />
    </Card>
  );
}

/** The refunds of the order shopId/orderNo (found by shop and number, as the import attaches them). */
export function OrderRefunds({ shopId, orderNo }: { shopId: number; orderNo: string }) {
  const { t } = useTranslation();
  const [refunds, setRefunds] = useState<Refund[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    setRefunds(null);
    try {
      setRefunds(await listRefunds(shopId, orderNo));
    } catch (err) {
      setError(errorText(err, t('orders.refunds.loadFailed')));
    }
  }, [shopId, orderNo, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const now = new Date();
  return (
    <section data-testid="order-refunds" style={{ marginTop: 20 }}>
      <Typography.Title level={5} style={{ marginBottom: 12 }}>
        {t('orders.refunds.title')}
        {refunds && refunds.length > 0 && (
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8, fontSize: 14 }}>
            {t('orders.refunds.count', { count: refunds.length })}
          </Typography.Text>
        )}
      </Typography.Title>
      {error ? (
        <Alert
          data-testid="order-refunds-error"
          type="error"
          showIcon
          title={<span className="sd-error-text">{error}</span>}
          action={<Button size="small" onClick={() => void load()}>{t('common.retry')}</Button>}
        />
      ) : refunds === null ? (
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      ) : refunds.length === 0 ? (
        <Empty
          data-testid="order-refunds-empty"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          style={{ marginBlock: 8 }}
          description={
            <span>
              {t('orders.refunds.empty')}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('orders.refunds.emptyHint')}
              </Typography.Text>
            </span>
          }
        />
      ) : (
        <Flex vertical gap={12}>
          {refunds.map((r) => (
            <RefundCard key={r.id} r={r} now={now} />
          ))}
        </Flex>
      )}
    </section>
  );
}
