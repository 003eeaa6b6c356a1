/*
 * The paper copy of a page's table, for Ctrl+P of the page as it is (订单 and the like).
 * On screen it is not shown; on paper it replaces the page's antd table (which the page
 * marks sd-no-print): a plain <table> whose <thead> repeats on every page (an antd sticky
 * header is a table of its own and would print once), as wide as the paper, A4 portrait,
 * or landscape when its columns do not fit across (printOrientation). The page footer
 * (title, page numbers, print date) is installPrintPage's.
 *
 * data-testid: the testId given (default print-table); data-print-orientation on it.
 */
import { useEffect, useMemo } from 'react';
import { PrintHeader } from './PrintView';
import { refreshPrintPage } from './printPage';
import { printOrientation, type PrintColumn } from './printWidth';

interface Props<T> {
  title: string;
  /** Under the title: what is printed (filters, which page). */
  meta: string[];
  columns: PrintColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  testId?: string;
}

export function PrintTable<T>({ title, meta, columns, rows, rowKey, testId = 'print-table' }: Props<T>) {
  const layout = useMemo(() => printOrientation(columns, rows), [columns, rows]);
  // The @page rules follow the orientation this table needs (installPrintPage reads it).
  useEffect(() => {
    refreshPrintPage();
    return () => refreshPrintPage();
  }, [layout.orientation]);
  return (
    <div className="sd-print-only sd-print-doc" data-testid={testId} data-print-orientation={layout.orientation}>
      <PrintHeader title={title} meta={meta} stamped={false} />
      <table>
        <colgroup>
          {columns.map((c, i) => (
            <col key={c.key} style={layout.widths[i] ? { width: layout.widths[i] } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} className={c.num ? 'sd-num' : undefined}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.key} className={[c.num ? 'sd-num' : '', c.nowrap ? 'sd-nowrap' : '', c.mono ? 'sd-print-mono' : ''].filter(Boolean).join(' ') || undefined}>
                  {c.text(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
