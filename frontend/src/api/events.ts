import { EventsOn, OnFileDrop, OnFileDropOff } from '../../wailsjs/runtime/runtime';
import type { ImportProgress } from './imports';
import { FILES_OPENED_EVENT } from './system';

export const IMPORT_PROGRESS_EVENT = 'import:progress';

type Off = () => void;

/** Listens to import progress; returns the unsubscribe function. */
export function onImportProgress(cb: (p: ImportProgress) => void): Off {
  const rt = (window as unknown as { runtime?: Record<string, unknown> }).runtime;
  if (!rt) return () => {};
  const handler = (p: ImportProgress) => cb(p);
  // The generated wrapper calls runtime.EventsOnMultiple; a shim that only has EventsOn still works.
  if (typeof rt.EventsOnMultiple !== 'function' && typeof rt.EventsOn === 'function') {
    const off = (rt.EventsOn as (n: string, f: (p: ImportProgress) => void) => unknown)(IMPORT_PROGRESS_EVENT, handler);
    return typeof off === 'function' ? (off as Off) : () => {};
  }
  const off = EventsOn(IMPORT_PROGRESS_EVENT, handler);
  return typeof off === 'function' ? off : () => {};
}

/** Desktop only: files dropped anywhere on the window. Returns a function that stops listening. */
export function onNativeFileDrop(cb: (paths: string[]) => void): Off {
  const rt = (window as unknown as { runtime?: Record<string, unknown> }).runtime;
  if (!rt || typeof rt.OnFileDrop !== 'function') return () => {};
  OnFileDrop((_x, _y, paths) => cb(paths ?? []), false);
  return () => OnFileDropOff();
}

/** Desktop only: files were handed to the window from outside (see takeOpenedFiles). */
export function onFilesOpened(cb: () => void): Off {
  const rt = (window as unknown as { runtime?: Record<string, unknown> }).runtime;
  if (!rt) return () => {};
  const off = EventsOn(FILES_OPENED_EVENT, () => cb());
  return typeof off === 'function' ? off : () => {};
}

export const WRITE_WAITING_EVENT = 'db:waiting';

/** A change asked for waits for another write (an import); done closes the notice of id. */
export type WriteWaiting = { id: number; text: string; done: boolean };

/** Listens to the waits of changes (settings, undo, restore); returns the unsubscribe function. */
export function onWriteWaiting(cb: (w: WriteWaiting) => void): Off {
  const rt = (window as unknown as { runtime?: Record<string, unknown> }).runtime;
  if (!rt) return () => {};
  const off = EventsOn(WRITE_WAITING_EVENT, (w: WriteWaiting) => cb(w));
  return typeof off === 'function' ? off : () => {};
}
