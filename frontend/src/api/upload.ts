// Browser mode only: the page cannot hand local paths to Go, so the files go to
// `shopdesk serve` first (multipart field "files"), which stores them and answers with paths.

export const UPLOAD_URL = '/api/upload';

export async function uploadFiles(files: File[], fallbackError: string): Promise<string[]> {
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
  const obj = (body && typeof body === 'object' ? body : {}) as { paths?: unknown; error?: unknown };
  if (!res.ok) {
    const msg = typeof obj.error === 'string' && obj.error ? obj.error : `${fallbackError} (HTTP ${res.status})`;
    throw new Error(msg);
  }
  if (!Array.isArray(obj.paths)) throw new Error(fallbackError);
  return obj.paths.filter((p): p is string => typeof p === 'string');
}
