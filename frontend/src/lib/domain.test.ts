import { describe, expect, it } from 'vitest';
import { baseName, percentOf, statusColor } from './domain';

describe('baseName', () => {
  it.each([
    ['/tmp/up/订单报表.csv', '订单报表.csv'],
    ['C:\\Users\\李\\Downloads\\ExportOrderList.csv', 'ExportOrderList.csv'],
    ['plain.xlsx', 'plain.xlsx'],
    ['', ''],
  ])('baseName(%j) = %j', (path, want) => {
    expect(baseName(path)).toBe(want);
  });
});

describe('percentOf', () => {
  it.each([
    [0, 100, 0],
    [50, 100, 50],
    [999, 1000, 99],
    [1000, 1000, 100],
    [2000, 1000, 100],
    [5, 0, 0],
    [-1, 10, 0],
    [Number.NaN, 10, 0],
  ])('percentOf(%d, %d) = %d', (done, total, want) => {
    expect(percentOf(done, total)).toBe(want);
  });
});

describe('statusColor', () => {
  it.each([
    ['unpaid', 'gold'],
    ['completed', 'green'],
    ['closed', 'default'],
    ['something-new', 'default'],
  ])('statusColor(%s) = %s', (status, want) => {
    expect(statusColor(status)).toBe(want);
  });
});
