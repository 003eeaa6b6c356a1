import { describe, expect, it } from 'vitest';
import { emptyFilters, hasActiveFilters, toQuery, type OrderFilters } from './filters';

describe('hasActiveFilters', () => {
  const cases: Array<[string, Partial<OrderFilters>, boolean]> = [
    ['nothing set', {}, false],
    ['whitespace search only', { search: '   ' }, false],
    ['shop', { shopId: 3 }, true],
    ['status', { status: 'to_ship' }, true],
    ['from date', { from: '2024-01-01' }, true],
    ['to date', { to: '2024-01-31' }, true],
    ['search', { search: '3612345678901234567' }, true],
    ['有售后', { openRefund: true }, true],
  ];
  it.each(cases)('%s', (_name, patch, want) => {
    expect(hasActiveFilters({ ...emptyFilters, ...patch })).toBe(want);
  });
});

describe('toQuery', () => {
  it('keeps order numbers as strings and trims the search', () => {
    const q = toQuery({ ...emptyFilters, shopId: 2, status: 'shipped', from: '2024-03-01', to: '2024-03-31', search: ' 3612345678901234567 ' }, 'abc', 50);
    expect(q).toEqual({
      shopId: 2,
      status: 'shipped',
      from: '2024-03-01',
      to: '2024-03-31',
      search: '3612345678901234567',
      openRefund: false,
      cursor: 'abc',
      limit: 50,
    });
  });

  it('passes 有售后 on', () => {
    expect(toQuery({ ...emptyFilters, openRefund: true }, '', 20).openRefund).toBe(true);
  });
});
