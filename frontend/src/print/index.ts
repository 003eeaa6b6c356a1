// The app-wide print foundation (issue 14): print.css, the @page footer of every printed
// page, the PrintView for documents made to be printed (rota, payslips, checklist), and
// the PrintTable that is a page's table on paper (订单).
import './print.css';

export { installPrintPage, refreshPrintPage } from './printPage';
export { PrintView, PrintHeader } from './PrintView';
export { PrintTable } from './PrintTable';
export type { PrintColumn } from './printWidth';
export type { Orientation } from './pageStyle';
