import { describe, expect, it } from 'vitest';
import type { Anomaly, AnomalyGroup } from '../../api/anomalies';
import { durationParts, minutesLeft, parseLocal, shortTime, undoGroups, withGroupHeaders } from './logic';

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
  const now = new Date(2026, 10, 22, 9, 0, 0);
  it('counts minutes to a deadline, negative once passed, across midnight and month ends', () => {
    expect(minutesLeft('2026-11-22 11:30:00', now)).toBe(150);
    expect(minutesLeft('2026-11-22 09:00:00', now)).toBe(0);
    expect(minutesLeft('2026-11-21 23:00:00', now)).toBe(-600);
    expect(minutesLeft('2026-12-01 09:00:00', now)).toBe(9 * 1440);
    expect(minutesLeft('', now)).toBeNull();
    expect(minutesLeft('tomorrow', now)).toBeNull();
  });
  it('splits durations', () => {
    expect(durationParts(-(3 * 1440 + 4 * 60 + 5))).toEqual({ days: 3, hours: 4, mins: 5 });
    expect(durationParts(59)).toEqual({ days: 0, hours: 0, mins: 59 });
  });
  it('parses stored times as local times', () => {
    expect(parseLocal('2026-02-28 23:59:59')?.getDate()).toBe(28);
    expect(parseLocal('2026-11-22')).toBeNull();
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
