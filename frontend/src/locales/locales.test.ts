import { describe, expect, it } from 'vitest';
import { enUSStrings, zhCNStrings, type Tree } from './resources';

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  const zh = leaves(zhCNStrings);
  const en = leaves(enUSStrings);

  it('have exactly the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [name, m] of [['zh-CN', zh], ['en-US', en]] as const) {
      const empty = [...m].filter(([, v]) => v.trim() === '').map(([k]) => `${name}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    const diff: string[] = [];
    for (const [k, v] of zh) {
      const other = en.get(k);
      if (other !== undefined && placeholders(v).join() !== placeholders(other).join()) diff.push(k);
    }
    expect(diff).toEqual([]);
  });

  it('have a Chinese text for every key of the Chinese file', () => {
    const han = /\p{Script=Han}/u;
    // keys whose Chinese value can legitimately be without Han characters
    const allowed = new Set(['lang.en', 'platform.1688', 'shops.listSep', 'import.listSep', 'import.result.colon']);
    const notChinese = [...zh].filter(([k, v]) => !allowed.has(k) && !han.test(v)).map(([k]) => k);
    expect(notChinese).toEqual([]);
  });
});
