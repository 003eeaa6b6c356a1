import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../api/imports';
import { mergeRetry, needShopPaths, resultKind } from './results';

function res(path: string, patch: Partial<FileResult> = {}): FileResult {
  return {
    file: path.split('/').pop() ?? path,
    path,
    shop: '',
    platform: 'taobao',
    format: 'taobao_orders_csv',
    formatName: '淘宝订单报表 (CSV)',
    batchId: 0,
    rows: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    duplicate: false,
    dryRun: false,
    error: '',
    errorCode: '',
    ...patch,
  } as FileResult;
}

const needShop = { error: '文件里没有店铺名称', errorCode: 'need_shop' };

describe('resultKind', () => {
  it.each([
    ['success', {}, 'success'],
    ['duplicate', { duplicate: true }, 'duplicate'],
    ['error text', { error: '第 3 行金额不对', errorCode: 'bad_value' }, 'error'],
    ['error code only', { errorCode: 'unreadable' }, 'error'],
    ['error wins over duplicate', { duplicate: true, error: 'x' }, 'error'],
  ] as const)('%s', (_n, patch, want) => {
    expect(resultKind(res('/a.csv', patch))).toBe(want);
  });
});

describe('needShopPaths', () => {
  it('keeps only need_shop files, falling back to the sent path', () => {
    const sent = ['/a.csv', '/b.xlsx', '/c.xlsx'];
    const results = [res('/a.csv'), res('/b.xlsx', needShop), res('', needShop)];
    expect(needShopPaths(results, sent)).toEqual(['/b.xlsx', '/c.xlsx']);
  });
  it('is empty when nothing needs a shop', () => {
    expect(needShopPaths([res('/a.csv'), res('/b.csv', { duplicate: true })], ['/a.csv', '/b.csv'])).toEqual([]);
  });
});

describe('mergeRetry', () => {
  it('replaces the retried need_shop results in place', () => {
    const prev = [res('/a.csv', { new: 5 }), res('/b.xlsx', needShop), res('/c.csv', { error: 'bad', errorCode: 'bad_value' })];
    const fresh = [res('/b.xlsx', { new: 7, shop: '小李的杂货铺' })];
    const got = mergeRetry(prev, ['/b.xlsx'], fresh);
    expect(got.map((r) => [r.path, resultKind(r), r.new])).toEqual([
      ['/a.csv', 'success', 5],
      ['/b.xlsx', 'success', 7],
      ['/c.csv', 'error', 0],
    ]);
  });
  it('keeps a still-failing retry and appends unmatched results', () => {
    const prev = [res('/b.xlsx', needShop)];
    const fresh = [res('/b.xlsx', needShop), res('/z.csv', { new: 1 })];
    const got = mergeRetry(prev, ['/b.xlsx', '/z.csv'], fresh);
    expect(got.map((r) => [r.path, r.errorCode])).toEqual([
      ['/b.xlsx', 'need_shop'],
      ['/z.csv', ''],
    ]);
    expect(got[0]).toBe(fresh[0]);
  });
});
