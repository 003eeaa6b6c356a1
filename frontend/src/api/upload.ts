// Browser mode only: the page cannot hand local paths to Go, so the files go to
// `shopdesk serve` first (multipart field "files"). It keeps them and answers with one
// opaque handle per file ("<id>/<file name>"): ImportFiles, PreviewFiles and SheetHeader
// take these handles where the window passes paths, and the server refuses anything else.
// The handle ends with the file's name, so baseName() shows it like a path.
import i18n from '../i18n';
import { listSettings } from './settings';

export const UPLOAD_URL = '/api/upload';

/** The 设置 key of the largest file the server accepts, in MB (internal/settings). */
export const UPLOAD_LIMIT_KEY = 'upload_max_mb';

/** Files over the limit, as "name (size)" for the message; [] when all fit or the limit is unknown. */
export async function tooBig(files: File[]): Promise<{ names: string; limitMB: number } | null> {
  let limitMB: number | undefined;
  try {
    limitMB = (await listSettings()).find((s) => s.key === UPLOAD_LIMIT_KEY)?.value;
  } catch {
    return null; // the server checks again
  }
  if (!limitMB) return null;
  const over = files.filter((f) => f.size > limitMB * 1024 * 1024);
  if (over.length === 0) return null;
  const names = over.map((f) => `“${f.name}”（${(f.size / 1024 / 1024).toFixed(1)} MB）`).join('、');
  return { names, limitMB };
}

export async function uploadFiles(files: File[], fallbackError: string): Promise<string[]> {
  // A file over the limit is refused before it is sent: the server would cut the upload
  // short, and the browser would then report a broken connection instead of the reason.
  const big = await tooBig(files);
  if (big) throw new Error(i18n.t('privacy.upload.tooBig', big));
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  let res: Response;
  try {
    res = await fetch(UPLOAD_URL, { method: 'POST', body: form });
  } catch {
    throw new Error(fallbackError);
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const obj = (body && typeof body === 'object' ? body : {}) as { handles?: unknown; error?: unknown };
  if (!res.ok) {
    const msg = typeof obj.error === 'string' && obj.error ? obj.error : `${fallbackError} (HTTP ${res.status})`;
    throw new Error(msg);
  }
  if (!Array.isArray(obj.handles)) throw new Error(fallbackError);
  return obj.handles.filter((p): p is string => typeof p === 'string');
}
