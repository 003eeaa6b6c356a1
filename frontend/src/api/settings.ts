import * as SettingsService from '../../wailsjs/go/app/SettingsService';
import type { settings } from '../../wailsjs/go/models';

export type Setting = settings.Setting;

export async function listSettings(): Promise<Setting[]> {
  return (await SettingsService.List()) ?? [];
}

/** Stores changed values (key -> value, all or none); resolves every setting as now stored. */
export async function saveSettings(values: Record<string, number>): Promise<Setting[]> {
  return (await SettingsService.Save(values)) ?? [];
}
