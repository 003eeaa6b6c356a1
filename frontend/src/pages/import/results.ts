import type { FileResult, Preview } from '../../api/imports';

export type ResultKind = 'success' | 'duplicate' | 'error';

export function resultKind(r: Pick<FileResult, 'error' | 'errorCode' | 'duplicate'>): ResultKind {
  if (r.error || r.errorCode) return 'error';
  if (r.duplicate) return 'duplicate';
  return 'success';
}

/** Paths of the files that said need_shop (the result's path, else the path that was sent). */
export function needShopPaths(results: FileResult[], sent: string[]): string[] {
  return results.flatMap((r, i) => (r.errorCode === 'need_shop' ? [r.path || sent[i] || ''] : [])).filter(Boolean);
}

/**
 * One file of the preview: the shop it was previewed with is the shop it imports with.
 * shopId is the seller's pick for a file that does not name its shop (0: none, the file's
 * remembered pick or its platform's only shop, as the preview says). pending: the file is
 * being previewed again with shopId, and preview is still the earlier one (it cannot be
 * imported until the new one is back).
 */
export interface PreviewEntry {
  path: string;
  name: string;
  shopId: number;
  preview: Preview;
  pending: boolean;
}

/** Where the shop of a file came from (importer.ShopFrom*). */
export type ShopFrom = 'column' | 'preamble' | 'chosen' | 'named' | 'remembered' | 'only' | 'orders' | '';

/** The file says its own shop (a 店铺名称 column, or 店铺：… above the header): nothing to choose. */
export function namesOwnShop(r: Pick<FileResult, 'shopFrom'>): boolean {
  return r.shopFrom === 'column' || r.shopFrom === 'preamble';
}

/**
 * Whether the preview offers a shop choice for this file: it does not name its shop and
 * either asks for one (need_shop) or would go to a shop the seller did not see in the file
 * (the platform's only shop, the remembered pick, the pick, the refunds' orders' shop).
 */
export function offersShopChoice(r: FileResult): boolean {
  if (r.errorCode === 'need_shop') return true;
  if (r.error || r.errorCode || r.duplicate) return false;
  return !namesOwnShop(r) && r.shopFrom !== '';
}

/**
 * The seller picks shopId for entry index. When that file was asking for a shop, the files
 * of its platform still asking (need_shop, nothing picked) get the same pick: a batch of one back office's exports
 * is picked once, and each row still shows and can change it. Returns the new entries and
 * the indexes to preview again (their preview is cleared).
 */
export function pickShop(entries: PreviewEntry[], index: number, shopId: number): { entries: PreviewEntry[]; again: number[] } {
  const target = entries[index];
  if (!target) return { entries, again: [] };
  const asking = (e: PreviewEntry) => e.shopId === 0 && e.preview.result.errorCode === 'need_shop';
  const platform = asking(target) ? target.preview.result.platform : '';
  const again: number[] = [];
  const next = entries.map((e, i) => {
    const sibling = platform !== '' && asking(e) && e.preview.result.platform === platform;
    if (i !== index && !sibling) return e;
    again.push(i);
    return { ...e, shopId, pending: true };
  });
  return { entries: next, again };
}

/**
 * After the shop list changed (a shop made, renamed, merged or deleted elsewhere): the
 * files whose shop was not read from the file are previewed again, so that "the only shop"
 * or a pick that is gone is never what the import does differently from the preview.
 */
export function affectedByShops(entries: PreviewEntry[]): number[] {
  return entries.flatMap((e, i) => (offersShopChoice(e.preview.result) ? [i] : []));
}

/** What 确认导入 sends: the importable files with the shops they were previewed with; null while a preview is pending. */
export function importRequest(entries: PreviewEntry[]): { paths: string[]; shopIds: number[] } | null {
  if (entries.some((e) => e.pending)) return null;
  const ok = entries.filter((e) => resultKind(e.preview.result) === 'success');
  return { paths: ok.map((e) => e.path), shopIds: ok.map((e) => e.shopId) };
}

/** What a file did, for the summary line: orders for an orders file (with rows where they differ), else its rows. */
export interface Counts {
  unit: 'orders' | 'refunds' | 'rows' | 'inquiries' | 'rota' | 'punches' | 'penalties' | 'metrics';
  added: number;
  updated: number;
  unchanged: number;
  /** The file's rows, when they are more than its orders (one row per product line); 0 otherwise. */
  rows: number;
}

export function countsOf(r: FileResult): Counts {
  const o = r.orders;
  if (o) {
    return { unit: 'orders', added: o.new, updated: o.updated, unchanged: o.unchanged, rows: r.rows !== o.total ? r.rows : 0 };
  }
  const units: Record<string, Counts['unit']> = { refunds: 'refunds', inquiries: 'inquiries', rota: 'rota', punches: 'punches', penalties: 'penalties', metrics: 'metrics' };
  return { unit: units[r.kind] ?? 'rows', added: r.new, updated: r.updated, unchanged: r.unchanged, rows: 0 };
}

/** Totals of a run's successful files, for the message after an import: orders, refunds, and the rows of other kinds (库存表). */
export function runTotals(results: FileResult[]): { files: number; orders: number; ordersUpdated: number; refunds: number; rows: number; rowsUpdated: number; hasOrders: boolean } {
  const ok = results.filter((r) => resultKind(r) === 'success');
  const sum = { files: ok.length, orders: 0, ordersUpdated: 0, refunds: 0, rows: 0, rowsUpdated: 0, hasOrders: false };
  for (const r of ok) {
    const c = countsOf(r);
    if (c.unit === 'orders') {
      sum.hasOrders = true;
      sum.orders += c.added;
      sum.ordersUpdated += c.updated;
    } else if (c.unit === 'refunds') sum.refunds += c.added;
    else {
      sum.rows += c.added;
      sum.rowsUpdated += c.updated;
    }
  }
  return sum;
}
