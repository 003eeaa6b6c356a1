import { describe, expect, it } from 'vitest';
import defs from './importDefs.json';
import { ORDER_STATUSES, PLATFORMS, REFUND_STATUSES } from './domain';
import { zhCNStrings, enUSStrings, type Tree } from '../locales/resources';

// importDefs.json is written by the Go side (internal/importer TestFrontendDefinitions
// fails when it drifts from Go): the UI's own lists must be the same.
describe('the lists shared with Go', () => {
  it('are the same platforms, order statuses and refund states', () => {
    expect([...PLATFORMS]).toEqual(defs.platforms);
    expect([...ORDER_STATUSES]).toEqual(defs.orderStatuses);
    expect([...REFUND_STATUSES]).toEqual(defs.refundStatuses);
  });

  const get = (tree: Tree, path: string): unknown =>
    path.split('.').reduce<unknown>((t, k) => (t && typeof t === 'object' ? (t as Record<string, unknown>)[k] : undefined), tree);

  it.each([
    ['zh-CN', zhCNStrings],
    ['en-US', enUSStrings],
  ])('have a %s label for every kind and mapping field', (_lang, strings) => {
    const missing: string[] = [];
    for (const k of defs.kinds) {
      if (typeof get(strings, `mapping.kinds.${k.id}`) !== 'string') missing.push(`mapping.kinds.${k.id}`);
      for (const f of k.fields) {
        if (typeof get(strings, `mapping.field.${f.key}`) !== 'string') missing.push(`mapping.field.${f.key}`);
      }
    }
    for (const p of defs.platforms) if (typeof get(strings, `platform.${p}`) !== 'string') missing.push(`platform.${p}`);
    expect(missing).toEqual([]);
  });
});
