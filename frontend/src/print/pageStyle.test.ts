import { describe, expect, it } from 'vitest';
import { counterContent, cssString, pageCSS, printStamp } from './pageStyle';

describe('cssString', () => {
  it.each([
    ['排班表', '"排班表"'],
    ['a "quoted" name', '"a \\"quoted\\" name"'],
    ['back\\slash', '"back\\\\slash"'],
    ['two\nlines', '"two\\A lines"'],
  ])('cssString(%j) = %s', (s, want) => {
    expect(cssString(s)).toBe(want);
  });
});

describe('counterContent', () => {
  it.each([
    ['第 {page} / {pages} 页', '"第 " counter(page) " / " counter(pages) " 页"'],
    ['Page {page} of {pages}', '"Page " counter(page) " of " counter(pages)'],
    ['{page}', 'counter(page)'],
  ])('counterContent(%j)', (label, want) => {
    expect(counterContent(label)).toBe(want);
  });
});

describe('pageCSS', () => {
  it('sets the paper and the three footer boxes', () => {
    const css = pageCSS({ title: '2026年11月排班表', orientation: 'landscape', printed: '打印于 2026-11-22 09:00', pageLabel: '第 {page} / {pages} 页' });
    expect(css).toContain('size: A4 landscape;');
    expect(css).toContain('@bottom-left { content: "2026年11月排班表";');
    expect(css).toContain('@bottom-center { content: "第 " counter(page) " / " counter(pages) " 页";');
    expect(css).toContain('@bottom-right { content: "打印于 2026-11-22 09:00";');
  });
});

describe('printStamp', () => {
  it("writes the shop's date and time to the minute, whatever the PC's zone", () => {
    expect(printStamp(new Date(Date.UTC(2026, 10, 2, 0, 5, 59)))).toBe('2026-11-02 08:05');
    expect(printStamp(new Date(Date.UTC(2026, 10, 2, 16, 0, 0)))).toBe('2026-11-03 00:00');
    expect(printStamp(new Date(Date.UTC(2026, 10, 2, 16, 0, 0)), 'UTC')).toBe('2026-11-02 16:00');
  });
});
