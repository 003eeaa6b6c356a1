import { describe, expect, it } from 'vitest';
import { formatFen } from './money';

describe('formatFen', () => {
  const cases: Array<[number | null | undefined, string]> = [
    [0, '¥0.00'],
    [1, '¥0.01'],
    [10, '¥0.10'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [12345, '¥123.45'],
    [99999, '¥999.99'],
    [100000, '¥1,000.00'],
    [123456789, '¥1,234,567.89'],
    [100000000000, '¥1,000,000,000.00'],
    [-5, '-¥0.05'],
    [-12345, '-¥123.45'],
    [-123456789, '-¥1,234,567.89'],
    [12345.4, '¥123.45'],
    [-0, '¥0.00'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [null, ''],
    [undefined, ''],
  ];
  it.each(cases)('formatFen(%s) = %s', (fen, want) => {
    expect(formatFen(fen)).toBe(want);
  });
});
