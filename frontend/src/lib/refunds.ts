// Refund deadlines (超时时间) are shop-local wall times 'YYYY-MM-DD HH:MM:SS', read here as
// this computer's local time (the shop's zone, Asia/Shanghai by default, is the seller's).

/** Parses 'YYYY-MM-DD HH:MM:SS' as a local wall time; null for '' or anything else. */
export function parseWallTime(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number);
  const t = new Date(y, mo - 1, d, h, mi, se);
  return t.getMonth() === mo - 1 && t.getDate() === d ? t : null;
}

export type DeadlineLeft =
  | { kind: 'none' }
  | { kind: 'overdue' }
  | { kind: 'left'; days: number; hours: number; minutes: number };

/**
 * How long the seller still has before a refund's deadline, for refunds still open:
 * 'none' without a deadline (or when the refund is no longer open), 'overdue' once it passed.
 */
export function deadlineLeft(deadline: string, status: string, now: Date): DeadlineLeft {
  const end = parseWallTime(deadline);
  if (end === null || status !== 'open') return { kind: 'none' };
  const ms = end.getTime() - now.getTime();
  if (ms <= 0) return { kind: 'overdue' };
  const total = Math.floor(ms / 60_000);
  return { kind: 'left', days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}
