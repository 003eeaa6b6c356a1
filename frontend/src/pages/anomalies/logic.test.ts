import { describe, expect, it } from 'vitest';
import type { Anomaly, AnomalyGroup } from '../../api/anomalies';
import { durationParts, leftNow, shortTime, undoGroups, withGroupHeaders } from './logic';

const row = (id: number, kind: string, state = 'open', ownerId = 0) => ({ id, kind, state, ownerId }) as Anomaly;
const group = (kind: string, count: number) => ({ kind, count, newest: '', shops: [] }) as unknown as AnomalyGroup;

describe('withGroupHeaders', () => {
  it('puts a header before each kind, with the count over all pages and the rows on this page', () => {
    const items = withGroupHeaders([row(1, 'refund'), row(2, 'refund'), row(3, 'unpaid')], [group('refund', 7), group('unpaid', 1)]);
    expect(items.map((i) => (i.type === 'group' ? `[${i.group.kind} ${i.group.count}/${i.onPage}]` : i.anomaly.id))).toEqual([
      '[refund 7/2]',
      1,
      2,
      '[unpaid 1/1]',
      3,
    ]);
  });
  it('is empty for no rows', () => {
    expect(withGroupHeaders([], [group('refund', 3)])).toEqual([]);
  });
});

describe('time helpers', () => {
  it('counts on from the minutes the server gave when the list was loaded', () => {
    const loaded = new Date(2026, 10, 22, 9, 0, 0);
    expect(leftNow(150, loaded, loaded)).toBe(150);
    expect(leftNow(150, loaded, new Date(2026, 10, 22, 9, 59, 59))).toBe(91);
    expect(leftNow(30, loaded, new Date(2026, 10, 22, 10, 0, 0))).toBe(-30);
    // a clock set back does not add time
    expect(leftNow(30, loaded, new Date(2026, 10, 22, 8, 0, 0))).toBe(30);
  });
  it('splits durations', () => {
    expect(durationParts(-(3 * 1440 + 4 * 60 + 5))).toEqual({ days: 3, hours: 4, mins: 5 });
    expect(durationParts(59)).toEqual({ days: 0, hours: 0, mins: 59 });
  });
  it('shortens stored times', () => {
    expect(shortTime('2026-11-22 09:05:00')).toBe('11-22 09:05');
    expect(shortTime('')).toBe('');
  });
});

describe('undoGroups', () => {
  it('groups the changed ids by their value before the change', () => {
    const rows = [row(1, 'refund', 'open'), row(2, 'refund', 'in_progress'), row(3, 'unpaid', 'open'), row(4, 'unpaid', 'open')];
    const g = undoGroups(rows, [1, 2, 3], (a) => a.state);
    expect([...g.entries()]).toEqual([
      ['open', [1, 3]],
      ['in_progress', [2]],
    ]);
  });
});

describe('hoursBetween', () => {
  it('counts whole hours across midnight and month ends', async () => {
    const { hoursBetween } = await import('./describe');
    expect(hoursBetween('2026-11-29 23:00:00', '2026-12-01 23:00:00')).toBe(48);
    expect(hoursBetween('2027-02-27 12:00:00', '2027-03-01 12:00:00')).toBe(48);
    expect(hoursBetween('', '2027-03-01 12:00:00')).toBe(0);
  });
});
