import { describe, expect, it } from 'vitest';
import type { Shift } from '../../api/staff';
import { EMPTY, REST, addMonths, cellLabel, keyAction, pasteTargets, rangeOf, toggleShift, type KeyLike } from './rota';

const shift = (id: number, short: string, active = true) => ({ id, name: short + '班', short, active }) as Shift;
const SHIFTS = [shift(1, '白'), shift(2, '晚'), shift(4, '夜', false), shift(3, '值')];
const byId = new Map(SHIFTS.map((s) => [s.id, s]));
const key = (code: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: '', code, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keyAction', () => {
  it.each([
    ['Digit1', {}, { type: 'set', value: { rest: false, shiftIds: [1] }, advance: true }],
    ['Numpad2', {}, { type: 'set', value: { rest: false, shiftIds: [2] }, advance: true }],
    // the inactive 夜 is skipped: 3 is 值
    ['Digit3', {}, { type: 'set', value: { rest: false, shiftIds: [3] }, advance: true }],
    ['Digit4', {}, null],
    ['Digit2', { shiftKey: true }, { type: 'toggle', shiftId: 2 }],
    ['Digit0', {}, { type: 'set', value: REST, advance: true }],
    ['KeyR', {}, { type: 'set', value: REST, advance: true }],
    ['Delete', {}, { type: 'set', value: EMPTY, advance: false }],
    ['ArrowRight', { shiftKey: true }, { type: 'move', dr: 0, dc: 1, extend: true }],
    ['Enter', {}, { type: 'move', dr: 1, dc: 0, extend: false }],
    ['KeyZ', { ctrlKey: true }, { type: 'undo' }],
    ['KeyV', { metaKey: true }, { type: 'paste' }],
    ['KeyQ', {}, null],
    ['Digit1', { altKey: true }, null],
  ] as const)('%s %j', (code, mods, want) => {
    expect(keyAction(key(code, mods), SHIFTS)).toEqual(want);
  });
});

describe('cellLabel and toggleShift', () => {
  it('writes cells as the rota does', () => {
    expect(cellLabel(undefined, byId, '休')).toBe('');
    expect(cellLabel(REST, byId, '休')).toBe('休');
    expect(cellLabel({ rest: false, shiftIds: [1, 2] }, byId, '休')).toBe('白+晚');
  });
  it('adds a second shift, takes one out, never three, never with 休', () => {
    expect(toggleShift(REST, 1)).toEqual({ rest: false, shiftIds: [1] });
    expect(toggleShift({ rest: false, shiftIds: [2] }, 1)).toEqual({ rest: false, shiftIds: [1, 2] });
    expect(toggleShift({ rest: false, shiftIds: [1, 2] }, 2)).toEqual({ rest: false, shiftIds: [1] });
    expect(toggleShift({ rest: false, shiftIds: [1, 2] }, 3)).toEqual({ rest: false, shiftIds: [2, 3] });
  });
});

describe('ranges and paste', () => {
  it('lists a rectangle row by row', () => {
    expect(rangeOf({ r: 1, c: 3 }, { r: 0, c: 2 })).toEqual([
      { r: 0, c: 2 },
      { r: 0, c: 3 },
      { r: 1, c: 2 },
      { r: 1, c: 3 },
    ]);
  });
  it('repeats a week pattern over a wider selection, within the grid', () => {
    const W = { rest: false, shiftIds: [1] };
    const targets = pasteTargets([[W, REST]], { r: 0, c: 0 }, { r: 0, c: 4 }, 3, 4);
    expect(targets.map((t) => `${t.pos.c}:${t.value.rest ? '休' : '白'}`)).toEqual(['0:白', '1:休', '2:白', '3:休']);
  });
  it('pastes a block at the focus', () => {
    const W = { rest: false, shiftIds: [1] };
    const targets = pasteTargets([[W], [REST]], { r: 1, c: 2 }, { r: 1, c: 2 }, 3, 31);
    expect(targets.map((t) => `${t.pos.r},${t.pos.c}`)).toEqual(['1,2', '2,2']);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-11', -13, '2025-10'],
  ])('addMonths(%s, %d) = %s', (m, n, want) => {
    expect(addMonths(m, n)).toBe(want);
  });
});
