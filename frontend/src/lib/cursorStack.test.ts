import { describe, expect, it } from 'vitest';
import { canGoBack, firstPage, pageNumber, popPrev, pushNext, type CursorStack } from './cursorStack';

type Step = { op: 'next'; cursor: string } | { op: 'prev' };

describe('cursor stack', () => {
  const cases: Array<{ name: string; steps: Step[]; current: string; page: number; back: boolean }> = [
    { name: 'starts on the first page', steps: [], current: '', page: 1, back: false },
    { name: 'next moves forward', steps: [{ op: 'next', cursor: 'c2' }], current: 'c2', page: 2, back: true },
    {
      name: 'two nexts then prev returns to page 2',
      steps: [{ op: 'next', cursor: 'c2' }, { op: 'next', cursor: 'c3' }, { op: 'prev' }],
      current: 'c2',
      page: 2,
      back: true,
    },
    {
      name: 'prev back to the first page uses the empty cursor',
      steps: [{ op: 'next', cursor: 'c2' }, { op: 'prev' }],
      current: '',
      page: 1,
      back: false,
    },
    { name: 'prev on the first page is a no-op', steps: [{ op: 'prev' }, { op: 'prev' }], current: '', page: 1, back: false },
    {
      name: 'empty next cursor (last page) is a no-op',
      steps: [{ op: 'next', cursor: 'c2' }, { op: 'next', cursor: '' }],
      current: 'c2',
      page: 2,
      back: true,
    },
    {
      name: 'forward, back, forward again',
      steps: [
        { op: 'next', cursor: 'c2' },
        { op: 'next', cursor: 'c3' },
        { op: 'prev' },
        { op: 'prev' },
        { op: 'next', cursor: 'c2' },
        { op: 'next', cursor: 'c3' },
        { op: 'next', cursor: 'c4' },
      ],
      current: 'c4',
      page: 4,
      back: true,
    },
  ];

  it.each(cases)('$name', ({ steps, current, page, back }) => {
    let s: CursorStack = firstPage;
    for (const step of steps) s = step.op === 'next' ? pushNext(s, step.cursor) : popPrev(s);
    expect(s.current).toBe(current);
    expect(pageNumber(s)).toBe(page);
    expect(canGoBack(s)).toBe(back);
  });

  it('does not mutate the previous state', () => {
    const a = pushNext(firstPage, 'c2');
    const b = pushNext(a, 'c3');
    popPrev(b);
    expect(a).toEqual({ previous: [''], current: 'c2' });
    expect(b).toEqual({ previous: ['', 'c2'], current: 'c3' });
    expect(firstPage).toEqual({ previous: [], current: '' });
  });
});
