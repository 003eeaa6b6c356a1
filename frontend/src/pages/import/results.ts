import type { FileResult } from '../../api/imports';

export type ResultKind = 'success' | 'duplicate' | 'error';

export function resultKind(r: Pick<FileResult, 'error' | 'errorCode' | 'duplicate'>): ResultKind {
  if (r.error || r.errorCode) return 'error';
  if (r.duplicate) return 'duplicate';
  return 'success';
}

/** Paths of the files that said need_shop (the result's path, else the path that was sent). */
export function needShopPaths(results: FileResult[], sent: string[]): string[] {
  return results.flatMap((r, i) => (r.errorCode === 'need_shop' ? [r.path || sent[i] || ''] : [])).filter(Boolean);
}

/**
 * After 重试 of the need_shop files: the previous list with those files' results replaced
 * by the new ones (same order); new results whose path matched nothing are appended.
 */
export function mergeRetry(previous: FileResult[], sent: string[], fresh: FileResult[]): FileResult[] {
  const byPath = new Map<string, FileResult>();
  sent.forEach((p, i) => {
    if (fresh[i]) byPath.set(p, fresh[i]);
  });
  const used = new Set<FileResult>();
  const merged = previous.map((r) => {
    const again = r.errorCode === 'need_shop' ? byPath.get(r.path) : undefined;
    if (!again) return r;
    used.add(again);
    return again;
  });
  return [...merged, ...fresh.filter((r) => !used.has(r))];
}
