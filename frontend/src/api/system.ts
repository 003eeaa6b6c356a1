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
