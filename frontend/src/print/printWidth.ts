// How a printed table fits the paper: the columns that must not wrap (order numbers,
// amounts, times) take their text's width, the others (titles, names) share the rest and
// wrap; when even the least of that does not fit across A4 portrait, the table is printed
// landscape.
import { textWidth } from '../lib/textWidth';
import type { Orientation } from './pageStyle';

export interface PrintColumn<T> {
  key: string;
  title: string;
  text: (row: T) => string;
  /** Right-aligned figures. */
  num?: boolean;
  /** Never wrapped: the column is as wide as its longest text. */
  nowrap?: boolean;
  /** Drawn in the monospace font (order numbers). */
  mono?: boolean;
  /** The least characters a wrapping column keeps on a line (default 4). */
  minChars?: number;
}

/** .sd-print-doc's font (print.css): 10pt. */
export const PRINT_FONT_PX = (10 * 96) / 72;
const PRINT_FAMILY = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";
const PRINT_MONO = "ui-monospace, SFMono-Regular, Consolas, 'Liberation Mono', Menlo, monospace";
/** A cell's padding (1.5 mm a side) and border. */
const CELL_PAD = 13;
const MM = 96 / 25.4;
/** The width between the margins of pageCSS (10 mm left and right). */
export const PAPER_WIDTH: Record<Orientation, number> = { portrait: (210 - 20) * MM, landscape: (297 - 20) * MM };

export type Measure = (text: string, font: string) => number;

export interface PrintLayout {
  orientation: Orientation;
  /** px of each column that does not wrap; undefined: shares the rest. */
  widths: (number | undefined)[];
}

/** Past this many characters a wrapping column asks for no more room: its text wraps. */
const WRAP_MAX_CHARS = 24;

/**
 * The orientation and column widths of a printed table of these rows. The columns that do
 * not wrap get their text's width; the others share what is left in proportion to their
 * longest text (a product title gets more than an empty logistics column), at least
 * minChars each. The widths are px of the paper; the browser scales them to the table.
 */
export function printOrientation<T>(columns: PrintColumn<T>[], rows: T[], measure: Measure = textWidth): PrintLayout {
  const font = (c: PrintColumn<T>) => `${PRINT_FONT_PX}px ${c.mono ? PRINT_MONO : PRINT_FAMILY}`;
  const natural = columns.map((c) => {
    let w = measure(c.title, `600 ${PRINT_FONT_PX}px ${PRINT_FAMILY}`);
    for (const r of rows) w = Math.max(w, measure(c.text(r), font(c)));
    return Math.ceil(w) + CELL_PAD;
  });
  const least = columns.map((c, i) => (c.nowrap ? natural[i] : Math.min(natural[i], (c.minChars ?? 4) * PRINT_FONT_PX + CELL_PAD)));
  const needed = least.reduce((a, b) => a + b, 0);
  const orientation: Orientation = needed <= PAPER_WIDTH.portrait ? 'portrait' : 'landscape';
  const paper = PAPER_WIDTH[orientation];
  // Wider than landscape too: nothing is kept from wrapping, the paper's width is shared.
  if (needed > paper) return { orientation, widths: columns.map(() => undefined) };
  const fixed = columns.reduce((sum, c, i) => sum + (c.nowrap ? natural[i] : 0), 0);
  const wants = columns.map((c, i) => (c.nowrap ? 0 : Math.min(natural[i], WRAP_MAX_CHARS * PRINT_FONT_PX + CELL_PAD)));
  const wanted = wants.reduce((a, b) => a + b, 0);
  const left = paper - fixed;
  const widths = columns.map((c, i) => {
    if (c.nowrap) return natural[i];
    const share = wanted > 0 ? (left * wants[i]) / wanted : left / columns.length;
    return Math.floor(Math.max(least[i], share));
  });
  return { orientation, widths };
}
