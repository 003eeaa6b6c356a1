import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../api/imports';
import type { Preview } from '../../api/imports';
import { affectedByShops, countsOf, importRequest, needShopPaths, offersShopChoice, pickShop, resultKind, runTotals, type PreviewEntry } from './results';

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

const entry = (path: string, patch: Partial<FileResult> = {}, shopId = 0): PreviewEntry => ({
  path,
  name: path.slice(1),
  shopId,
  pending: false,
  preview: { result: res(path, { dryRun: true, ...patch }), columns: [], rows: [] } as unknown as Preview,
});

describe('offersShopChoice', () => {
  it.each([
    ['a 店铺名称 column', { shopFrom: 'column', shop: 'A' }, false],
    ['a shop named above the header', { shopFrom: 'preamble', shop: 'A' }, false],
    ['the only shop of the platform', { shopFrom: 'only', shop: 'A', shopId: 3 }, true],
    ['the remembered pick', { shopFrom: 'remembered', shop: 'A', shopId: 3 }, true],
    ['the pick', { shopFrom: 'chosen', shop: 'A', shopId: 3 }, true],
    ['a refund file by its orders', { shopFrom: 'orders', shop: 'A', shopId: 3 }, true],
    ['asks for a shop', needShop, true],
    ['another error', { error: 'x', errorCode: 'bad_value' }, false],
    ['imported before', { duplicate: true }, false],
  ] as const)('%s: %s', (_n, patch, want) => {
    expect(offersShopChoice(res('/a.csv', patch as Partial<FileResult>))).toBe(want);
  });
});

describe('pickShop', () => {
  const entries = [
    entry('/jd1.csv', { ...needShop, platform: 'jd' }),
    entry('/pdd.csv', { ...needShop, platform: 'pdd' }),
    entry('/jd2.csv', { ...needShop, platform: 'jd' }),
    entry('/jd3.csv', { platform: 'jd', shopFrom: 'chosen', shopId: 9 }, 9),
    entry('/tb.csv', { platform: 'taobao', shopFrom: 'column' }),
  ];
  it('sets the pick on the file and on the files of its platform still asking, to be previewed again', () => {
    const { entries: next, again } = pickShop(entries, 0, 7);
    expect(again).toEqual([0, 2]);
    expect(next.map((e) => [e.shopId, e.pending])).toEqual([
      [7, true],
      [0, false],
      [7, true],
      [9, false],
      [0, false],
    ]);
    expect(importRequest(next)).toBeNull(); // nothing imports until the new previews are back
  });
  it('changes only that file when it had a shop', () => {
    const { entries: next, again } = pickShop(entries, 3, 8);
    expect(again).toEqual([3]);
    expect(next[3].shopId).toBe(8);
    expect(next[0].shopId).toBe(0);
  });
});

describe('importRequest', () => {
  it('sends the importable files with the shops their previews used', () => {
    const entries = [
      entry('/a.csv', { shopFrom: 'chosen', shopId: 4 }, 4),
      entry('/b.csv', needShop),
      entry('/c.csv', { shopFrom: 'only', shopId: 5 }),
      entry('/d.csv', { duplicate: true }),
    ];
    expect(importRequest(entries)).toEqual({ paths: ['/a.csv', '/c.csv'], shopIds: [4, 0] });
  });
});

describe('affectedByShops', () => {
  it('is every file whose shop was not read from the file', () => {
    const entries = [entry('/a.csv', { shopFrom: 'column' }), entry('/b.csv', needShop), entry('/c.csv', { shopFrom: 'only', shopId: 5 }), entry('/d.csv', { error: 'x', errorCode: 'bad_value' })];
    expect(affectedByShops(entries)).toEqual([1, 2]);
  });
});

describe('countsOf', () => {
  it('counts orders, with the rows where they are more', () => {
    const r = res('/dy.csv', { kind: 'orders', rows: 250, new: 250, orders: { total: 200, new: 200, updated: 0, unchanged: 0 } as FileResult['orders'] });
    expect(countsOf(r)).toEqual({ unit: 'orders', added: 200, updated: 0, unchanged: 0, rows: 250 });
  });
  it('leaves the rows out when each row is an order', () => {
    const r = res('/tb.csv', { kind: 'orders', rows: 30, new: 25, unchanged: 5, orders: { total: 30, new: 25, updated: 0, unchanged: 5 } as FileResult['orders'] });
    expect(countsOf(r).rows).toBe(0);
  });
  it('counts refunds by their rows', () => {
    expect(countsOf(res('/r.csv', { kind: 'refunds', rows: 3, new: 2, updated: 1 }))).toEqual({ unit: 'refunds', added: 2, updated: 1, unchanged: 0, rows: 0 });
  });
  it('sums a run by orders and refunds', () => {
    const runs = [
      res('/dy.csv', { kind: 'orders', rows: 250, new: 250, orders: { total: 200, new: 200, updated: 0, unchanged: 0 } as FileResult['orders'] }),
      res('/tb.csv', { kind: 'orders', rows: 35, new: 5, updated: 2, unchanged: 28, orders: { total: 35, new: 5, updated: 2, unchanged: 28 } as FileResult['orders'] }),
      res('/r.csv', { kind: 'refunds', rows: 3, new: 3 }),
      res('/x.csv', needShop),
    ];
    expect(runTotals(runs)).toEqual({ files: 3, orders: 205, ordersUpdated: 2, refunds: 3, rows: 0, rowsUpdated: 0, hasOrders: true });
  });
  it('counts a stock sheet by its rows, not as orders', () => {
    const runs = [res('/库存表.xlsx', { kind: 'stock', platform: '', rows: 11, new: 1, updated: 10 })];
    expect(runTotals(runs)).toEqual({ files: 1, orders: 0, ordersUpdated: 0, refunds: 0, rows: 1, rowsUpdated: 10, hasOrders: false });
  });
});
