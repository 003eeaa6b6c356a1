// Typed wrappers of ChecklistService (今日清单, the home page): a day's list, ticks and
// skips, the kept days, the recurring items, the print file and the week's sales.
import * as ChecklistService from '../../wailsjs/go/app/ChecklistService';
import type { app, checklist } from '../../wailsjs/go/models';
import { download } from './download';

export type ChecklistDay = checklist.Day;
export type ChecklistItem = checklist.Item;
export type ChecklistTask = checklist.Task;
export type DaySummary = checklist.DaySummary;
export type ShopSales = checklist.ShopSales;

function item(it: ChecklistItem): ChecklistItem {
  return { ...it, top: it?.top ?? [], params: it?.params ?? {} } as ChecklistItem;
}

/** A day's list ("" today). */
export async function openDay(day = ''): Promise<ChecklistDay> {
  const d = await ChecklistService.Open(day);
  return { ...d, shops: d?.shops ?? [], items: (d?.items ?? []).map(item), events: d?.events ?? [] } as ChecklistDay;
}

export async function listDays(limit = 60): Promise<DaySummary[]> {
  return (await ChecklistService.Days(limit)) ?? [];
}

export async function tickItem(id: number, actorId: number): Promise<ChecklistItem> {
  return item(await ChecklistService.Tick(id, actorId));
}

export async function skipItem(id: number, actorId: number, reason: string): Promise<ChecklistItem> {
  return item(await ChecklistService.Skip(id, actorId, reason));
}

export async function reopenItem(id: number, actorId: number): Promise<ChecklistItem> {
  return item(await ChecklistService.Reopen(id, actorId));
}

export async function listTasks(): Promise<ChecklistTask[]> {
  return (await ChecklistService.Tasks()) ?? [];
}

export function saveTask(t: ChecklistTask): Promise<ChecklistTask> {
  return ChecklistService.SaveTask(t);
}

export function deleteTask(id: number): Promise<void> {
  return ChecklistService.DeleteTask(id);
}

export async function salesWeek(day = ''): Promise<ShopSales[]> {
  return (await ChecklistService.SalesWeek(day)) ?? [];
}

/** Saves the day's print view as one HTML file (a download in the browser). */
export async function exportHTML(day: string): Promise<app.SavedFile> {
  return download(await ChecklistService.ExportHTML(day));
}
