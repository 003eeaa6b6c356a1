// Codes shared with the Go side (internal/shop, internal/orders). Display names live in the locale files.

export const PLATFORMS = ['taobao', 'jd', 'pdd', 'douyin', 'kuaishou', '1688'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ORDER_STATUSES = ['unpaid', 'to_ship', 'shipped', 'completed', 'closed', 'unknown'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const STATUS_COLORS: Record<OrderStatus, string> = {
  unpaid: 'gold',
  to_ship: 'volcano',
  shipped: 'blue',
  completed: 'green',
  closed: 'default',
  unknown: 'purple',
};

export function statusColor(status: string): string {
  return (STATUS_COLORS as Record<string, string>)[status] ?? 'default';
}

export function isKnownStatus(status: string): status is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(status);
}

/** Normalised refund states (internal/orders Refund*): still being handled, money returned, closed. */
export const REFUND_STATUSES = ['open', 'refunded', 'closed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

const REFUND_COLORS: Record<RefundStatus, string> = { open: 'orange', refunded: 'green', closed: 'default' };

export function refundColor(status: string): string {
  return (REFUND_COLORS as Record<string, string>)[status] ?? 'default';
}

export function isKnownRefundStatus(status: string): status is RefundStatus {
  return (REFUND_STATUSES as readonly string[]).includes(status);
}

export function isKnownPlatform(p: string): p is Platform {
  return (PLATFORMS as readonly string[]).includes(p);
}

/** Base name of a path written with / or \ (Windows). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** 0..100, rounded down so a bar only shows 100 when really done. */
export function percentOf(done: number, total: number): number {
  if (!Number.isFinite(done) || !Number.isFinite(total) || total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}
