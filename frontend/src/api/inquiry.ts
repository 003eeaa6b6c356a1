// The inquiry and deal register (询盘成交登记): typed wrappers over app.InquiryService that
// unwrap nulls into empty arrays.
import * as InquiryService from '../../wailsjs/go/app/InquiryService';
import { EventsOn } from '../../wailsjs/runtime/runtime';
import type { app, inquiry } from '../../wailsjs/go/models';

export type Inquiry = inquiry.Inquiry;
export type InquiryQuery = inquiry.Query;
export type InquiryPage = inquiry.Page;
export type InquiryOption = inquiry.Option;
export type PasteDefaults = inquiry.PasteDefaults;
export type PastePreview = inquiry.PastePreview;
export type CustomerHint = inquiry.CustomerHint;
export type History = inquiry.History;
export type FollowUp = inquiry.FollowUp;
export type FollowUps = inquiry.FollowUps;
export type Match = inquiry.Match;
export type MatchResult = inquiry.MatchResult;
export type Analysis = inquiry.Analysis;
export type StatRow = inquiry.StatRow;
export type Revisits = inquiry.Revisits;
export type Credit = inquiry.Credit;
export type SavedFile = app.SavedFile;

/** Event the Go side emits after orders were matched to inquiries (payload: MatchResult). */
export const INQUIRIES_EVENT = 'inquiries:changed';

const arr = <T,>(v: T[] | null | undefined): T[] => v ?? [];

export async function listInquiries(q: Partial<InquiryQuery>): Promise<InquiryPage> {
  const p = await InquiryService.List(q as InquiryQuery);
  return { ...p, rows: arr(p?.rows).map(fixRow) } as InquiryPage;
}

function fixRow(r: Inquiry): Inquiry {
  return { ...r, products: arr(r.products) } as Inquiry;
}

export async function addInquiry(r: Partial<Inquiry>): Promise<Inquiry> {
  return fixRow(await InquiryService.Add(r as Inquiry));
}

export async function updateInquiry(r: Inquiry): Promise<Inquiry> {
  return fixRow(await InquiryService.Update(r));
}

export async function deleteInquiry(id: number): Promise<Inquiry> {
  return fixRow(await InquiryService.Delete(id));
}

export async function listOptions(): Promise<InquiryOption[]> {
  return arr(await InquiryService.Options());
}

export function saveOption(o: InquiryOption): Promise<app.SavedOption> {
  return InquiryService.SaveOption(o);
}

export async function previewPaste(text: string, d: PasteDefaults): Promise<PastePreview> {
  const p = await InquiryService.PreviewPaste(text, d);
  return {
    ...p,
    rows: arr(p?.rows).map(fixRow),
    lines: arr(p?.lines),
    errors: arr(p?.errors),
    newValues: arr(p?.newValues),
    ignored: arr(p?.ignored),
    columns: arr(p?.columns),
  } as PastePreview;
}

export function addPasted(text: string, d: PasteDefaults): Promise<number> {
  return InquiryService.AddPasted(text, d);
}

export async function suggestCustomers(prefix: string): Promise<CustomerHint[]> {
  return arr(await InquiryService.SuggestCustomers(prefix));
}

export async function customerHistory(customer: string): Promise<History> {
  const h = await InquiryService.CustomerHistory(customer);
  return { ...h, inquiries: arr(h?.inquiries), orders: arr(h?.orders), followUps: arr(h?.followUps) } as History;
}

export async function suggestProducts(text: string): Promise<string[]> {
  return arr(await InquiryService.SuggestProducts(text));
}

export async function listRegions(): Promise<string[]> {
  return arr(await InquiryService.Regions());
}

export async function followUps(): Promise<FollowUps> {
  const f = await InquiryService.FollowUps();
  return { ...f, rows: arr(f?.rows) } as FollowUps;
}

export function addFollowUp(inquiryId: number, day: string, agentId: number): Promise<number> {
  return InquiryService.AddFollowUp(inquiryId, day, agentId);
}

export function finishFollowUp(id: number, state: 'done' | 'canceled', note: string, actorId: number): Promise<void> {
  return InquiryService.FinishFollowUp(id, state, note, actorId);
}

export function reopenFollowUp(id: number): Promise<void> {
  return InquiryService.ReopenFollowUp(id);
}

export async function scheduleRevisits(inquiryId: number): Promise<Revisits> {
  const r = await InquiryService.ScheduleRevisits(inquiryId);
  return { planned: arr(r?.planned), skipped: arr(r?.skipped) } as Revisits;
}

export async function listMatches(state: string): Promise<Match[]> {
  return arr(await InquiryService.Matches(state));
}

export function matchOrders(): Promise<MatchResult> {
  return InquiryService.MatchOrders();
}

export function confirmMatch(matchId: number, flaggedBy: number, actorId: number): Promise<void> {
  return InquiryService.Confirm(matchId, flaggedBy, actorId);
}

export function rejectMatch(matchId: number, actorId: number): Promise<void> {
  return InquiryService.Reject(matchId, actorId);
}

export function unconfirmMatch(matchId: number, actorId: number): Promise<void> {
  return InquiryService.Unconfirm(matchId, actorId);
}

export async function analyze(from: string, to: string, by: string): Promise<Analysis> {
  const a = await InquiryService.Analyze(from, to, by);
  return { ...a, rows: arr(a?.rows), reasons: arr(a?.reasons), trend: arr(a?.trend), agents: arr(a?.agents) } as Analysis;
}

/** In the window Go shows a save dialog; in the browser it answers a URL, which this downloads. */
function download(f: SavedFile): SavedFile {
  if (f?.url) {
    const a = document.createElement('a');
    a.href = f.url;
    a.download = f.name;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  return f;
}

export async function exportRegister(q: Partial<InquiryQuery>): Promise<SavedFile> {
  return download(await InquiryService.ExportRegister(q as InquiryQuery));
}

export async function exportAnalysis(from: string, to: string): Promise<SavedFile> {
  return download(await InquiryService.ExportAnalysis(from, to));
}

/** Calls cb after orders were matched to inquiries; returns the unsubscribe function. */
export function onInquiriesChanged(cb: (r: MatchResult) => void): () => void {
  const rt = (window as unknown as { runtime?: Record<string, unknown> }).runtime;
  if (!rt) return () => {};
  const off = EventsOn(INQUIRIES_EVENT, (r: MatchResult) => cb(r));
  return typeof off === 'function' ? off : () => {};
}
