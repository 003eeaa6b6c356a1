// The @page rules of a print: paper size and orientation, margins, and the margin boxes
// Chromium (and WebView2, which is Chromium) fill on every page: the title at the bottom
// left, "第 N / M 页" in the middle, the print date at the bottom right. A page of the app
// printed as it is gets the same footer (installPrintPage); a print view sets its own
// title and orientation while it is open.

export type Orientation = 'portrait' | 'landscape';

export interface PageOptions {
  /** Printed at the bottom left of every page ('' none). */
  title: string;
  orientation: Orientation;
  /** e.g. '打印于 2026-11-22 09:00' */
  printed: string;
  /** e.g. '第 {page} / {pages} 页': {page} and {pages} become the counters. */
  pageLabel: string;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
export function cssString(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ') + '"';
}

/** '第 {page} / {pages} 页' -> "第 " counter(page) " / " counter(pages) " 页" */
export function counterContent(label: string): string {
  const parts = label.split(/(\{page\}|\{pages\})/).filter((p) => p !== '');
  return parts.map((p) => (p === '{page}' ? 'counter(page)' : p === '{pages}' ? 'counter(pages)' : cssString(p))).join(' ');
}

/** The @page CSS for these options. Margins leave room for the footer boxes. */
export function pageCSS(o: PageOptions): string {
  const box = 'font-size: 8pt; color: #666; font-family: inherit;';
  return `@page {
  size: A4 ${o.orientation};
  margin: 12mm 10mm 14mm 10mm;
  @bottom-left { content: ${cssString(o.title)}; ${box} }
  @bottom-center { content: ${counterContent(o.pageLabel)}; ${box} }
  @bottom-right { content: ${cssString(o.printed)}; ${box} }
}`;
}

/** The shops' zone (shop.DefaultTimezone in Go): printed times are the shop's, whatever the PC's zone. */
export const SHOP_ZONE = 'Asia/Shanghai';

/** 'YYYY-MM-DD HH:mm' of an instant in the shop's zone, for the print date. */
export function printStamp(d: Date, timeZone = SHOP_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/**
 * Sets (or replaces) the @page rules in a <style> element of its own id. The print
 * view's element comes after the app's default one, so it wins while the view is open.
 */
export function setPageStyle(id: string, css: string): () => void {
  let el = document.getElementById(id) as HTMLStyleElement | null;
  if (!el) {
    el = document.createElement('style');
    el.id = id;
    document.head.appendChild(el);
  }
  el.textContent = css;
  return () => el?.remove();
}
