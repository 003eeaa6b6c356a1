import type { TFunction } from 'i18next';
import type { Anomaly } from '../../api/anomalies';
import { formatFen } from '../../lib/money';

/** What the rule saw, in the UI language (Go's anomaly.Describe says the same for exports). */
/** Whole hours from one stored wall time to another ("2026-11-20 09:00:00" -> "2026-11-22 09:00:00" = 48). */
export function hoursBetween(from: string, to: string): number {
  const ms = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s);
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
  };
  const h = Math.round((ms(to) - ms(from)) / 3_600_000);
  return Number.isFinite(h) ? h : 0;
}

export function describe(t: TFunction, a: Pick<Anomaly, 'kind' | 'basis' | 'detail' | 'amountFen' | 'deadline' | 'since'>): string {
  const amount = formatFen(a.amountFen);
  const d = (key: string, extra: Record<string, unknown> = {}) => t(`anomalies.describe.${key}`, { detail: a.detail, amount, ...extra });
  switch (a.kind) {
    case 'overdue_shipment':
    case 'due_soon':
      if (a.basis === 'promised') return d('promised');
      if (a.basis === 'created_plus') return d('createdPlus', { hours: hoursBetween(a.since, a.deadline) });
      return d('paidPlus', { hours: hoursBetween(a.since, a.deadline) });
    case 'logistics_stalled':
      if (a.basis === 'return_waybill') return d('returnWaybill');
      if (a.basis === 'estimated') return d('stalledEstimated');
      if (a.basis === 'status_change') return d('stalledStatus');
      return d('stalled');
    case 'refund':
      if (a.basis === 'refund_amount') return d('refundAmount');
      if (a.basis === 'item_status') return d('refundItem');
      if (a.basis === 'after_sale') return d('refundAfterSale');
      return d('refundFile');
    case 'closed_after_payment':
      return d('closedPaid');
    case 'late_ship_compensated':
      return d('lateComp');
    case 'unpaid':
      return d('unpaid');
    case 'big_order':
      if (a.basis === 'median') return d('bigMedian', { median: formatFen(Number(a.detail)) });
      if (a.basis === 'fixed') return d('bigFixed', { limit: formatFen(Number(a.detail)) });
      return d('bigQuantity', { count: a.detail });
    case 'buyer_message':
      if (a.basis === 'address') return d('address');
      if (a.basis === 'message_address') return d('messageAddress');
      return d('message');
    case 'complaint':
      return d('complaint', { severity: t(`anomalies.severity.${a.basis}`, { defaultValue: a.basis }) });
  }
  return a.detail;
}

/** Why the data cleared an anomaly, in the UI language. */
export function clearedText(t: TFunction, reason: string, detail: string): string {
  const known = ['order_gone', 'status', 'expired', 'aged_out', 'refund_done', 'complaint_deleted'];
  return t(`anomalies.cleared.${known.includes(reason) ? reason : 'data'}`, { detail });
}
