// The app-wide print foundation (issue 14): print.css, the @page footer of every printed
// page, and the PrintView for documents made to be printed (rota, payslips, checklist).
import i18n from '../i18n';
import { pageCSS, printStamp, setPageStyle } from './pageStyle';
import './print.css';

export { PrintView, PrintHeader } from './PrintView';
export type { Orientation } from './pageStyle';

/**
 * Gives a page printed as it is (Ctrl+P) the app's footer: the page's title, page numbers
 * and the print date, A4 portrait, or landscape when the page marks itself wide with
 * data-print-orientation="landscape". Refreshed before printing (and every minute, for
 * printers that do not say beforeprint).
 */
export function installPrintPage(): void {
  const apply = () => {
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
