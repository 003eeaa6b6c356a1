// Keyset pagination can only go forward (the server hands out nextCursor), so going back
// means remembering the cursors of the pages already seen.

export interface CursorStack {
  /** Cursors of the pages before the current one, oldest first ('' = first page). */
  readonly previous: readonly string[];
  /** Cursor that loads the current page ('' = first page). */
  readonly current: string;
}

export const firstPage: CursorStack = { previous: [], current: '' };

/** Moves to the page that nextCursor loads; a '' nextCursor (last page) changes nothing. */
export function pushNext(s: CursorStack, nextCursor: string): CursorStack {
  if (!nextCursor) return s;
  return { previous: [...s.previous, s.current], current: nextCursor };
}

/** Moves back one page; on the first page it changes nothing. */
export function popPrev(s: CursorStack): CursorStack {
  if (s.previous.length === 0) return s;
  return { previous: s.previous.slice(0, -1), current: s.previous[s.previous.length - 1] };
}

export function canGoBack(s: CursorStack): boolean {
  return s.previous.length > 0;
}

/** 1-based page number. */
export function pageNumber(s: CursorStack): number {
  return s.previous.length + 1;
}
