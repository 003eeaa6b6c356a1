// Column widths from the text they show. A table with fixed column widths cuts what is
// longer (a 22-character 拼多多 order number ran under its copy icon into the shop column;
// shop names were cut at 1920 px while other columns had room): the widths of the page's
// own texts, measured in the font they are drawn in, make each column as wide as its
// longest cell, up to a cap; a cell past the cap is cut and shows all on hover.

let ctx: CanvasRenderingContext2D | null | undefined;

/** The width in px of text drawn in a CSS font ('14px ui-monospace, monospace'); 0 without a canvas. */
export function textWidth(text: string, font: string): number {
  if (ctx === undefined) ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return 0;
  ctx.font = font;
  return ctx.measureText(text).width;
}

export interface Fit {
  /** px the cell adds around its text (padding, an icon beside it). */
  extra: number;
  /** The width when there is nothing to measure, and the least one. */
  min: number;
  /** The most a column takes; longer texts are cut (with their full text on hover). */
  max: number;
}

/** The width of a column whose widest text measures widest px: min..max, whole pixels. */
export function fitWidth(widest: number, { extra, min, max }: Fit): number {
  return Math.round(Math.min(max, Math.max(min, Math.ceil(widest) + extra)));
}

/** The widest of the texts in a font. */
export function widestText(texts: string[], font: string): number {
  let w = 0;
  for (const t of texts) if (t) w = Math.max(w, textWidth(t, font));
  return w;
}

/** The font of the body text ('14px …'), for measuring cells drawn in it. */
export function bodyFont(size = 14, family?: string): string {
  const f = family ?? (typeof document === 'undefined' ? 'sans-serif' : getComputedStyle(document.body).fontFamily);
  return `${size}px ${f}`;
}
