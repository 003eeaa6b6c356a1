import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { rowList } from './rows';
import { enUSStrings, zhCNStrings } from '../../locales/resources';

describe('rowList', () => {
  it.each([
    ['zh-CN', [{ key: 'orders', rows: 30 }, { key: 'refunds', rows: 0 }, { key: 'anomalies', rows: 2 }], '30 个订单、2 条订单异常'],
    ['en-US', [{ key: 'orders', rows: 1 }, { key: 'complaints', rows: 3 }], '1 order(s), 3 complaint(s)'],
    ['zh-CN', [{ key: 'orders', rows: 0 }], ''],
    ['zh-CN', undefined, ''],
  ])('%s %j', async (lang, counts, want) => {
    const t = i18n.createInstance();
    await t.init({ lng: lang, resources: { 'zh-CN': { translation: zhCNStrings }, 'en-US': { translation: enUSStrings } } });
    expect(rowList(t.t, counts)).toBe(want);
  });
});
