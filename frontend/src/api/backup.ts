// 设置 → 备份: typed wrappers over BackupService and its events (issue 15 §4).
import * as BackupService from '../../wailsjs/go/app/BackupService';
import { EventsOn } from '../../wailsjs/runtime/runtime';
import type { backup } from '../../wailsjs/go/models';

export type Backup = backup.Backup;
export type BackupStatus = backup.Status;
export type RestoreResult = backup.RestoreResult;

/** The kinds of backup, as package backup names them (a Go test checks the labels). */
export const BACKUP_KINDS = ['daily', 'import', 'migration', 'manual', 'restore'] as const;

/** The settings of the backup card (internal/settings/backup.go). */
export const KEEP_DAILY_KEY = 'backup_keep_daily';
export const KEEP_WEEKLY_KEY = 'backup_keep_weekly';

export const BACKUPS_CHANGED_EVENT = 'backup:changed';
export const RESTORED_EVENT = 'backup:restored';

export async function backupStatus(): Promise<BackupStatus> {
  const s = await BackupService.Status();
  return { ...s, backups: s.backups ?? [] } as BackupStatus;
}

export function backupNow(): Promise<Backup> {
  return BackupService.BackupNow();
}

/** Restores the backup of that name (from backupStatus) in place of the database. */
export function restoreBackup(name: string): Promise<RestoreResult> {
  return BackupService.Restore(name);
}

/** Makes dir the backup folder ('' goes back to the folder beside the database). */
export function setBackupFolder(dir: string): Promise<BackupStatus> {
  return BackupService.SetFolder(dir);
}

/** Desktop only: the native folder dialog; '' when canceled. */
export function pickBackupFolder(): Promise<string> {
  return BackupService.PickFolder();
}

function on<T>(event: string, cb: (data: T) => void): () => void {
  const rt = (window as unknown as { runtime?: Record<string, unknown> }).runtime;
  if (!rt) return () => {};
  const off = EventsOn(event, (d: T) => cb(d));
  return typeof off === 'function' ? off : () => {};
}

/** A backup was made (or an automatic one failed). */
export function onBackupsChanged(cb: () => void): () => void {
  return on(BACKUPS_CHANGED_EVENT, () => cb());
}

/** The database was replaced by a backup (in this window or another). */
export function onRestored(cb: (r: RestoreResult) => void): () => void {
  return on(RESTORED_EVENT, cb);
}
