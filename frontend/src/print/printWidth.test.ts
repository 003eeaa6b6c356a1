import { describe, expect, it } from 'vitest';
import { PAPER_WIDTH, PRINT_FONT_PX, printOrientation, type PrintColumn } from './printWidth';
import { fitWidth } from '../lib/textWidth';

// A measure without a canvas: every character as wide as the font (CJK are; Latin less).
const measure = (text: string) => text.length * PRINT_FONT_PX;

interface Row {
  no: string;
  title: string;
}
const cols = (n: number): PrintColumn<Row>[] => [
  { key: 'no', title: '订单号', text: (r) => r.no, nowrap: true, mono: true },
  { key: 'title', title: '商品', text: (r) => r.title, minChars: n },
];

describe('printOrientation', () => {
  it('prints portrait when the columns fit across A4 portrait, the wrapping ones sharing the rest', () => {
    const l = printOrientation(cols(8), [{ no: '2165437890123456789', title: '婴儿湿巾 手口专用 80抽x10包' }], measure);
    expect(l.orientation).toBe('portrait');
    expect(l.widths[0]).toBeGreaterThan(19 * PRINT_FONT_PX);
    expect(l.widths[0]! + l.widths[1]!).toBeCloseTo(PAPER_WIDTH.portrait, -1);
  });
  it('prints landscape when they do not', () => {
    const l = printOrientation(cols(8), [{ no: '9'.repeat(50), title: '加厚抽纸 24包 家庭装 柔韧不易破 母婴可用' }], measure);
    expect(l.orientation).toBe('landscape');
    expect(l.widths[1]).toBeGreaterThanOrEqual(8 * PRINT_FONT_PX);
  });
  it('gives a wrapping column room by its text: a long title more than an empty column', () => {
    const three: PrintColumn<Row>[] = [...cols(4), { key: 'empty', title: '物流', text: () => '', minChars: 6 }];
    const l = printOrientation(three, [{ no: '1', title: '加厚抽纸 24包 家庭装 柔韧不易破 母婴可用' }], measure);
    expect(l.widths[1]!).toBeGreaterThan(2 * l.widths[2]!);
  });
  it('lets everything wrap when even landscape is too narrow', () => {
    const l = printOrientation(cols(4), [{ no: '9'.repeat(200), title: '' }], measure);
    expect(l).toEqual({ orientation: 'landscape', widths: [undefined, undefined] });
  });
});

describe('fitWidth', () => {
  it.each([
    [100, 120],
    [10, 80],
    [500, 300],
    [150.2, 171],
  ])('a widest text of %s px -> %s', (widest, want) => {
    expect(fitWidth(widest, { extra: 20, min: 80, max: 300 })).toBe(want);
  });
});
