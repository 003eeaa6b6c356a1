import * as ImportService from '../../wailsjs/go/app/ImportService';
import { baseName } from '../lib/domain';
import type { importer } from '../../wailsjs/go/models';

export type FileResult = importer.FileResult;
export type Batch = importer.Batch;
export type UndoResult = importer.UndoResult;
export type Preview = importer.Preview;

/** Payload of the "import:progress" event (importer.Progress; events are not in models.ts). */
export interface ImportProgress {
  file: string;
  index: number; // 0-based file index in this ImportFiles call
  files: number;
  rows: number;
  bytes: number;
  totalBytes: number;
  done: boolean;
  /** Set while the file waits for another write (another import, a restore) or for the
   *  backup before the import: what it waits for, in Chinese. */
  waiting?: string;
}

/**
 * Imports files already on this computer, each with the shop it was previewed with:
 * shopIds[i] for paths[i] (0 = from the file, its remembered shop or its platform's only one).
 */
export async function importFiles(paths: string[], shopIds: number[]): Promise<FileResult[]> {
  return (await ImportService.ImportFiles(paths, shopIds)) ?? [];
}

/** Native file dialog (desktop only); resolves [] when the user cancels. */
export async function pickFiles(): Promise<string[]> {
  return (await ImportService.PickFiles()) ?? [];
}

export async function listBatches(): Promise<Batch[]> {
  return (await ImportService.ListBatches()) ?? [];
}

/** Takes an import back: its new orders go, the orders it changed get their old values. */
export async function undoBatch(batchId: number): Promise<UndoResult> {
  return ImportService.UndoBatch(batchId);
}

/** Stops the running import: the current file rolls back, later files do not start. */
export async function cancelImport(): Promise<void> {
  await ImportService.Cancel();
}

/** Dry-runs the files, each with its shop as importFiles takes them (nothing is kept): what importing each would do, and its first rows. */
export async function previewFiles(paths: string[], shopIds: number[]): Promise<Preview[]> {
  return (await ImportService.PreviewFiles(paths, shopIds)) ?? [];
}

/** A preview that could not be made (the call failed): shown as the file's error. */
export function failedPreview(path: string, error: string): Preview {
  return { result: { file: baseName(path), path, error, errorCode: 'unreadable' } as FileResult, columns: [], rows: [] } as unknown as Preview;
}

/** Another sheet of an xlsx being mapped: its header row and first rows (nothing is imported). */
export async function sheetHeader(path: string, sheet: string): Promise<FileResult> {
  return ImportService.SheetHeader(path, sheet);
}

export type Template = importer.Template;
export type TemplateInput = importer.TemplateInput;
export type ShopChoice = importer.ShopChoice;

/** Stores a template made on the mapping screen; files with its header import with it from now on. */
export async function saveTemplate(input: TemplateInput): Promise<Template> {
  return ImportService.SaveTemplate(input);
}

export async function listTemplates(): Promise<Template[]> {
  return (await ImportService.ListTemplates()) ?? [];
}

export async function renameTemplate(id: number, name: string): Promise<Template> {
  return ImportService.RenameTemplate(id, name);
}

export async function deleteTemplate(id: number): Promise<void> {
  await ImportService.DeleteTemplate(id);
}

/** The shops remembered for files without 店铺名称 (by header and file-name pattern). */
export async function listShopChoices(): Promise<ShopChoice[]> {
  return (await ImportService.ListShopChoices()) ?? [];
}

export async function forgetShopChoice(id: number): Promise<void> {
  await ImportService.ForgetShopChoice(id);
}
