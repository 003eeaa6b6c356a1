// The stock page's pure helpers: the lists shared with Go (lib/stockDefs.json, written by a Go
// test), colours and number formats.
import defs from '../../lib/stockDefs.json';

export const STATUSES = defs.statuses;
export const RANKS = defs.ranks;
export const ROLES = defs.roles;
export const MOVE_KINDS = defs.moveKinds;
/** The movement kinds recorded by hand (the others come from orders, refunds and sheets). */
export const BY_HAND = defs.byHand;
export const SORT_KEYS = defs.sortKeys;

/** Shown where a figure does not exist (days left with nothing sold), in every language. */
export const DASH = '—';

const STATUS_COLORS: Record<string, string> = { out: 'red', reorder: 'orange', slow: 'purple', overstock: 'gold', ok: 'green' };
const RANK_COLORS: Record<string, string> = { best: 'green', second: 'blue', average: 'default', worst: 'red' };

export function statusColor(s: string): string {
  return STATUS_COLORS[s] ?? 'default';
}

export function rankColor(r: string): string {
  return RANK_COLORS[r] ?? 'default';
}

/** 1.25 -> "1.3"; whole numbers stay whole ("3"). */
export function fmt1(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  const r = Math.round(v * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** Average daily units with two decimals at most: 0.333 -> "0.33", 2 -> "2". */
export function fmtAvg(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  const r = Math.round(v * 100) / 100;
  return String(r);
}

/** A signed change: +3, -2, 0. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** Antd's sort order of a column for the query's sort key. */
export function sortOrderOf(key: string, sort: string, desc: boolean): 'ascend' | 'descend' | null {
  if ((sort || 'status') !== key) return null;
  return desc ? 'descend' : 'ascend';
}
