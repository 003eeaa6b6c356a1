import { describe, expect, it } from 'vitest';
import { deadlineLeft, parseWallTime } from './refunds';

describe('parseWallTime', () => {
  it.each([
    ['2026-11-23 12:30:00', new Date(2026, 10, 23, 12, 30, 0)],
    ['', null],
    ['2026-02-30 10:00:00', null],
    ['2026/11/23 12:30', null],
  ])('parseWallTime(%j)', (s, want) => {
    expect(parseWallTime(s)).toEqual(want);
  });
});

describe('deadlineLeft', () => {
  const now = new Date(2026, 10, 22, 9, 0, 0);
  it.each([
    ['2026-11-23 12:30:00', 'open', { kind: 'left', days: 1, hours: 3, minutes: 30 }],
    ['2026-11-22 09:45:59', 'open', { kind: 'left', days: 0, hours: 0, minutes: 45 }],
    ['2026-11-22 09:00:00', 'open', { kind: 'overdue' }],
    ['2026-11-21 18:00:00', 'open', { kind: 'overdue' }],
    ['2026-11-23 12:30:00', 'refunded', { kind: 'none' }],
    ['2026-11-23 12:30:00', 'closed', { kind: 'none' }],
    ['', 'open', { kind: 'none' }],
  ])('deadlineLeft(%j, %s)', (deadline, status, want) => {
    expect(deadlineLeft(deadline, status, now)).toEqual(want);
  });
});
