// Pure helpers of the anomalies workbench (tested in logic.test.ts). Kind and state codes are
// shared with Go (internal/anomaly); their names live in the locale files.
import type { Anomaly, AnomalyGroup } from '../../api/anomalies';

/** Every kind, in the order the worklist groups them (internal/anomaly.Kinds). */
export const KINDS = [
  'overdue_shipment',
  'due_soon',
  'refund',
  'complaint',
  'logistics_stalled',
  'late_ship_compensated',
  'closed_after_payment',
  'unpaid',
  'buyer_message',
  'big_order',
] as const;
export type Kind = (typeof KINDS)[number];

export const STATES = ['open', 'in_progress', 'resolved', 'ignored'] as const;
export type State = (typeof STATES)[number];

/** The state filter: '' = still to do (open and in progress), a state, or 'all'. */
export const STATE_FILTERS = ['', 'open', 'in_progress', 'resolved', 'ignored', 'all'] as const;

export const CHANNELS = ['platform', 'chat', 'phone', 'wechat', 'regulator', 'other'] as const;
export const SEVERITIES = ['normal', 'serious', 'urgent'] as const;

const KIND_COLORS: Record<Kind, string> = {
  overdue_shipment: 'red',
  due_soon: 'orange',
  refund: 'magenta',
  complaint: 'volcano',
  logistics_stalled: 'purple',
  late_ship_compensated: 'gold',
  closed_after_payment: 'default',
  unpaid: 'blue',
  buyer_message: 'cyan',
  big_order: 'green',
};

export function isKnownKind(k: string): k is Kind {
  return (KINDS as readonly string[]).includes(k);
}

export function kindColor(kind: string): string {
  return isKnownKind(kind) ? KIND_COLORS[kind] : 'default';
}

const STATE_COLORS: Record<State, string> = { open: 'red', in_progress: 'processing', resolved: 'success', ignored: 'default' };

export function stateColor(state: string): string {
  return (STATE_COLORS as Record<string, string>)[state] ?? 'default';
}

/**
 * Minutes to the deadline now: the server said minutesLeft (in the shop's zone) when the
 * list was loaded at loadedAt; the clock has moved on since.
 */
export function leftNow(minutesLeft: number, loadedAt: Date, now: Date): number {
  return minutesLeft - Math.floor(Math.max(0, now.getTime() - loadedAt.getTime()) / 60000);
}

/** Splits minutes into the two largest units for "3 天 4 小时" / "5 小时 20 分" / "12 分". */
export function durationParts(minutes: number): { days: number; hours: number; mins: number } {
  const m = Math.max(0, Math.abs(Math.trunc(minutes)));
  return { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), mins: m % 60 };
}

/** "11-22 09:00" from "2026-11-22 09:00:00" ("" stays ""). */
export function shortTime(s: string): string {
  return s && s.length >= 16 ? s.slice(5, 16) : s;
}

export type WorklistItem =
  | { type: 'group'; key: string; group: AnomalyGroup; onPage: number }
  | { type: 'row'; key: string; anomaly: Anomaly };

/**
 * The rows of a page with a header before each kind's first row (the server sends a page
 * sorted by kind, then urgency). The header carries the kind's counts over all pages.
 */
export function withGroupHeaders(rows: Anomaly[], groups: AnomalyGroup[]): WorklistItem[] {
  const out: WorklistItem[] = [];
  const byKind = new Map(groups.map((g) => [g.kind, g]));
  let current = '';
  let header: { type: 'group'; key: string; group: AnomalyGroup; onPage: number } | null = null;
  for (const a of rows) {
    if (a.kind !== current) {
      current = a.kind;
      const group = byKind.get(a.kind) ?? ({ kind: a.kind, count: 0, newest: '', shops: [] } as unknown as AnomalyGroup);
      header = { type: 'group', key: `group-${a.kind}`, group, onPage: 0 };
      out.push(header);
    }
    if (header) header.onPage++;
    out.push({ type: 'row', key: String(a.id), anomaly: a });
  }
  return out;
}

/**
 * How to undo a bulk change: the ids grouped by the value they had before (state or owner id),
 * so each group goes back with one call.
 */
export function undoGroups<T extends string | number>(rows: Anomaly[], ids: number[], before: (a: Anomaly) => T): Map<T, number[]> {
  const want = new Set(ids);
  const out = new Map<T, number[]>();
  for (const a of rows) {
    if (!want.has(a.id)) continue;
    const k = before(a);
    out.set(k, [...(out.get(k) ?? []), a.id]);
  }
  return out;
}

const ACTOR_KEY = 'shopdesk.anomalies.actor';

/** The staff member this computer last acted as (0: none chosen). */
export function savedActor(): number {
  try {
    const n = Number(window.localStorage.getItem(ACTOR_KEY));
    return Number.isInteger(n) && n > 0 ? n : 0;
  } catch {
    return 0;
  }
}

export function saveActor(id: number): void {
  try {
    window.localStorage.setItem(ACTOR_KEY, String(id));
  } catch {
    // not kept; still used for this session
  }
}
