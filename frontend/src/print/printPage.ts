// The @page rules of a page printed as it is (Ctrl+P): its footer and orientation.
import i18n from '../i18n';
import { pageCSS, printStamp, setPageStyle } from './pageStyle';

let apply: () => void = () => {};

/**
 * Gives a page printed as it is (Ctrl+P) the app's footer: the page's title, page numbers
 * and the print date, A4 portrait, or landscape when the page marks itself wide with
 * data-print-orientation="landscape". Refreshed before printing (and every minute, for
 * printers that do not say beforeprint).
 */
export function installPrintPage(): void {
  apply = () => {
    const title = document.querySelector('[data-testid="page-title"]')?.textContent?.trim() || i18n.t('app.name');
    const wide = document.querySelector('[data-print-orientation="landscape"]') !== null;
    setPageStyle(
      'sd-print-page',
      pageCSS({
        title: `${i18n.t('app.name')} · ${title}`,
        orientation: wide ? 'landscape' : 'portrait',
        printed: i18n.t('print.printedAt', { time: printStamp(new Date()) }),
        pageLabel: i18n.t('print.pageLabel'),
      }),
    );
  };
  apply();
  window.addEventListener('beforeprint', apply);
  window.setInterval(apply, 60_000);
}

/**
 * Applies the page rules again now: a page whose orientation changed (a PrintTable that
 * became too wide for portrait) calls it, as not every print path says beforeprint.
 */
export function refreshPrintPage(): void {
  apply();
}
