// Typed wrappers of StockService (库存表): the stock sheet, a SKU's drawer, movements, the
// unmapped order lines, the reorder list, returns and stocktakes. Stock and count sheets
// import through ImportService like every file.
import * as StockService from '../../wailsjs/go/app/StockService';
import type { app, stock } from '../../wailsjs/go/models';
import { download } from './download';

export type StockRow = stock.Row;
export type StockPage = stock.Page;
export type StockQuery = stock.Query;
export type StockDetail = stock.Detail;
export type LedgerEntry = stock.Entry;
export type StockItem = stock.Item;
export type StockItemInput = stock.ItemInput;
export type MoveInput = stock.MoveInput;
export type Unmapped = stock.Unmapped;
export type UnmappedPage = stock.UnmappedPage;
export type ReorderGroup = stock.ReorderGroup;
export type ReorderLine = stock.ReorderLine;
export type ReturnsPage = stock.ReturnsPage;
export type CountSheet = stock.CountSheet;
export type CountLine = stock.CountLine;
export type SavedFile = app.SavedFile;

export async function listStock(q: Partial<StockQuery>): Promise<StockPage> {
  const p = await StockService.List(q as StockQuery);
  return { ...p, rows: p?.rows ?? [], counts: p?.counts ?? {} } as StockPage;
}

export async function getStockItem(id: number): Promise<StockDetail> {
  const d = await StockService.Get(id);
  return { ...d, listings: d?.listings ?? [], ledger: d?.ledger ?? [], chart: d?.chart ?? [], changes: d?.changes ?? [] } as StockDetail;
}

export function recomputeStock() {
  return StockService.Recompute();
}

export async function listSuppliers(): Promise<string[]> {
  return (await StockService.Suppliers()) ?? [];
}

export function updateStockItem(id: number, input: StockItemInput, actorId: number): Promise<StockItem> {
  return StockService.UpdateItem(id, input, actorId);
}

export function createStockItem(code: string, input: StockItemInput): Promise<StockItem> {
  return StockService.CreateItem(code, input);
}

/** The inline edit: on hand becomes value, by an adjustment with its reason. */
export function setOnHand(id: number, value: number, reason: string, actorId: number): Promise<LedgerEntry> {
  return StockService.SetOnHand(id, value, reason, actorId);
}

export function addMove(id: number, input: MoveInput): Promise<LedgerEntry> {
  return StockService.AddMove(id, input);
}

export function undoMove(moveId: number, actorId: number): Promise<void> {
  return StockService.UndoMove(moveId, actorId);
}

export async function listUnmapped(page: number, size: number): Promise<UnmappedPage> {
  const p = await StockService.Unmapped(page, size);
  return { ...p, rows: (p?.rows ?? []).map((r) => ({ ...r, suggestions: r.suggestions ?? [] })) } as UnmappedPage;
}

export function mapTitle(shopId: number, title: string, itemId: number, platformSkuId = ''): Promise<number> {
  return StockService.MapTitle(shopId, title, itemId, platformSkuId);
}

export function unmapListing(listingId: number): Promise<void> {
  return StockService.Unmap(listingId);
}

export async function reorderList(): Promise<ReorderGroup[]> {
  return ((await StockService.Reorder()) ?? []).map((g) => ({ ...g, lines: g.lines ?? [] })) as ReorderGroup[];
}

/** Saves the purchase sheet (every supplier, or only the one named): a save dialog or a download. */
export async function exportPurchase(supplier: string, only: boolean): Promise<SavedFile> {
  return download(await StockService.ExportPurchase(supplier, only));
}

export async function listReturns(from: string, to: string, page: number, size: number): Promise<ReturnsPage> {
  const p = await StockService.Returns(from, to, page, size);
  return { ...p, rows: p?.rows ?? [] } as ReturnsPage;
}

export async function exportCountSheet(supplier: string): Promise<SavedFile> {
  return download(await StockService.ExportCountSheet(supplier));
}

export async function countSheets(): Promise<CountSheet[]> {
  return (await StockService.CountSheets()) ?? [];
}

export async function countReview(batchId: number): Promise<CountLine[]> {
  return (await StockService.CountReview(batchId)) ?? [];
}

export function postCounts(batchId: number, actorId: number): Promise<number> {
  return StockService.PostCounts(batchId, actorId);
}
