import { describe, expect, it } from 'vitest';
import zh from '../../locales/zh-CN/stock.json';
import en from '../../locales/en-US/stock.json';
import { BY_HAND, MOVE_KINDS, RANKS, ROLES, STATUSES, fmt1, fmtAvg, signed, sortOrderOf } from './format';

describe('stock lists', () => {
  it('have a label for every code in both languages', () => {
    for (const tree of [zh, en]) {
      for (const s of STATUSES) expect(tree.status[s as keyof typeof tree.status], s).toBeTruthy();
      for (const r of RANKS) expect(tree.rank[r as keyof typeof tree.rank], r).toBeTruthy();
      for (const r of ROLES) expect(tree.role[r as keyof typeof tree.role], r).toBeTruthy();
      for (const k of MOVE_KINDS) expect(tree.ledger.kinds[k as keyof typeof tree.ledger.kinds], k).toBeTruthy();
      for (const k of BY_HAND) expect(tree.move.kinds[k as keyof typeof tree.move.kinds], k).toBeTruthy();
    }
  });
  it('put the most pressing status first', () => {
    expect(STATUSES[0]).toBe('out');
    expect(STATUSES).toContain('slow');
  });
});

describe('formats', () => {
  it('rounds figures for reading', () => {
    expect(fmt1(86)).toBe('86');
    expect(fmt1(3.3333)).toBe('3.3');
    expect(fmt1(null)).toBe('');
    expect(fmtAvg(7 / 22)).toBe('0.32');
    expect(fmtAvg(2)).toBe('2');
    expect(signed(3)).toBe('+3');
    expect(signed(-2)).toBe('-2');
  });
  it('maps the query sort to the column sort order', () => {
    expect(sortOrderOf('status', '', false)).toBe('ascend');
    expect(sortOrderOf('days_left', 'days_left', true)).toBe('descend');
    expect(sortOrderOf('code', 'days_left', true)).toBeNull();
  });
});
