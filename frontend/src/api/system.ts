import * as SystemService from '../../wailsjs/go/app/SystemService';
import type { app } from '../../wailsjs/go/models';

export type AppInfo = app.Info;
export type DemoResult = app.DemoResult;

export function getInfo(): Promise<AppInfo> {
  return SystemService.Info();
}

export function createDemo(): Promise<DemoResult> {
  return SystemService.CreateDemo();
}

/** Event the window gets when files are handed to it from outside (app.FilesOpenedEvent). */
export const FILES_OPENED_EVENT = 'app:files-opened';

/**
 * The files handed to the window from outside since the last call: a file on the command
 * line, or a second start of the app with files (the single instance lock passes them to
 * this window). Desktop only; the browser never has any.
 */
export async function takeOpenedFiles(): Promise<string[]> {
  return (await SystemService.TakeOpenedFiles()) ?? [];
}
