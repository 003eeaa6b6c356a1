import * as AnomalyService from '../../wailsjs/go/app/AnomalyService';
import { EventsOn } from '../../wailsjs/runtime/runtime';
import type { anomaly, app } from '../../wailsjs/go/models';

export type Anomaly = anomaly.Anomaly;
export type AnomalyPage = anomaly.Page;
export type AnomalyQuery = anomaly.Query;
export type AnomalyGroup = anomaly.Group;
export type AnomalyNotice = anomaly.Notice;
export type AnomalySummary = anomaly.Summary;
export type AnomalyDetail = anomaly.Detail;
export type AnomalyEvent = anomaly.Event;
export type AnomalyResult = anomaly.Result;
export type Complaint = anomaly.Complaint;
export type SavedFile = app.SavedFile;

/** Event the Go side emits after every evaluation of the rules (payload: AnomalyResult). */
export const ANOMALIES_EVENT = 'anomalies:changed';

export async function listAnomalies(q: AnomalyQuery): Promise<AnomalyPage> {
  const p = await AnomalyService.List(q);
  return { ...p, rows: p?.rows ?? [], groups: p?.groups ?? [], notices: p?.notices ?? [] } as AnomalyPage;
}

export async function anomalySummary(): Promise<AnomalySummary> {
  const s = await AnomalyService.Summary();
  return { ...s, kinds: s?.kinds ?? [] } as AnomalySummary;
}

export async function getAnomaly(id: number): Promise<AnomalyDetail> {
  const d = await AnomalyService.Get(id);
  return {
    ...d,
    events: d?.events ?? [],
    items: d?.items ?? [],
    refunds: d?.refunds ?? [],
    changes: d?.changes ?? [],
    others: d?.others ?? [],
  } as AnomalyDetail;
}

/** Moves anomalies to a state; actorId is the staff member acting (0: not chosen). Resolves how many changed. */
export function setAnomalyState(ids: number[], state: string, actorId: number, note = ''): Promise<number> {
  return AnomalyService.SetState(ids, state, actorId, note);
}

/** Gives anomalies to a staff member (ownerId 0: to nobody). */
export function assignAnomalies(ids: number[], ownerId: number, actorId: number): Promise<number> {
  return AnomalyService.Assign(ids, ownerId, actorId);
}

export function addAnomalyNote(id: number, text: string, actorId: number): Promise<void> {
  return AnomalyService.AddNote(id, text, actorId);
}

/** Runs the rules now. */
export function recheckAnomalies(): Promise<AnomalyResult> {
  return AnomalyService.Recheck();
}

export function addComplaint(c: Complaint, actorId: number): Promise<number> {
  return AnomalyService.AddComplaint(c, actorId);
}

export function deleteComplaint(id: number): Promise<void> {
  return AnomalyService.DeleteComplaint(id);
}

/**
 * Exports the list to Excel. In the window Go shows a save dialog and answers the path ("" when
 * canceled); in the browser it answers a URL, which this downloads.
 */
export async function exportAnomalies(q: AnomalyQuery): Promise<SavedFile> {
  const f = await AnomalyService.Export(q);
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

/** Calls cb after every evaluation of the rules; returns the unsubscribe function. */
export function onAnomaliesChanged(cb: (r: AnomalyResult) => void): () => void {
  const rt = (window as unknown as { runtime?: Record<string, unknown> }).runtime;
  if (!rt) return () => {};
  const off = EventsOn(ANOMALIES_EVENT, (r: AnomalyResult) => cb(r));
  return typeof off === 'function' ? off : () => {};
}
