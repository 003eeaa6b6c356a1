// A link to the list behind a number ("anomalies?kind=refund", "stock?status=out"): the
// page to open and the filter it opens with. The filter waits in sessionStorage until the
// page takes it on mount (pages keep their own filter state; the hash names the page only).
const PREFIX = 'shopdesk.link.';

export interface PageLink {
  page: string;
  params: Record<string, string>;
}

export function parseLink(link: string): PageLink {
  const [page, query = ''] = link.split('?', 2);
  return { page, params: Object.fromEntries(new URLSearchParams(query)) };
}

/** Leaves the filter for page (the caller then navigates to it). */
export function leaveFilter(page: string, params: Record<string, string>): void {
  try {
    window.sessionStorage.setItem(PREFIX + page, JSON.stringify(params));
  } catch {
    // not kept: the page opens unfiltered
  }
}

/** The filter left for page, once (read on mount). */
export function takeFilter(page: string): Record<string, string> {
  try {
    const raw = window.sessionStorage.getItem(PREFIX + page);
    window.sessionStorage.removeItem(PREFIX + page);
    return raw ? (JSON.parse(raw) as Record<string, string>) : {};
  } catch {
    return {};
  }
}
