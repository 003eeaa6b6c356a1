// Go errors reach the UI as a rejected promise carrying a (Chinese) string. This turns
// whatever was thrown into text fit to show the user; never raw JSON.

export function errorText(err: unknown, fallback: string): string {
  if (typeof err === 'string') return err.trim() || fallback;
  if (err instanceof Error) return err.message.trim() || fallback;
  if (err && typeof err === 'object') {
    const o = err as Record<string, unknown>;
    for (const key of ['error', 'message']) {
      const v = o[key];
      if (typeof v === 'string' && v.trim()) return v.trim();
    }
  }
  return fallback;
}
