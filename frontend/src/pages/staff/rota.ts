// The rota grid's logic, apart from React: cell values, what a key does, ranges, copy and
// paste, and the counts per day. Codes shared with Go: internal/staff (RotaCell, Check kinds).

import type { RotaCell, RotaMonth, Shift } from '../../api/staff';

/** A cell's content: 休, shifts, or nothing planned. */
export interface CellValue {
  rest: boolean;
  shiftIds: number[];
}

export const EMPTY: CellValue = { rest: false, shiftIds: [] };
export const REST: CellValue = { rest: true, shiftIds: [] };
/** A person may work two shifts in one day, not three (internal/staff maxShiftsPerDay). */
export const MAX_SHIFTS_PER_DAY = 2;

export const cellKey = (staffId: number, day: string) => `${staffId}:${day}`;

/** The rota's cells by key. */
export function cellMap(r: RotaMonth): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const c of r.cells) m.set(cellKey(c.staffId, c.day), { rest: c.rest, shiftIds: c.shiftIds ?? [] });
  return m;
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  return a.rest === b.rest && a.shiftIds.length === b.shiftIds.length && a.shiftIds.every((id, i) => id === b.shiftIds[i]);
}

/** How the grid writes a cell: 休, 白, 白+晚, '' when nothing is planned. */
export function cellLabel(v: CellValue | undefined, shifts: Map<number, Shift>, restLabel: string): string {
  if (!v) return '';
  if (v.rest) return restLabel;
  return v.shiftIds.map((id) => shifts.get(id)?.short ?? '?').join('+');
}

/** The shifts the keys 1-9 pick: the active ones in their order. */
export function keyedShifts(shifts: Shift[]): Shift[] {
  return shifts.filter((s) => s.active).slice(0, 9);
}

export type KeyAction =
  | { type: 'set'; value: CellValue; advance: boolean }
  | { type: 'toggle'; shiftId: number }
  | { type: 'move'; dr: number; dc: number; extend: boolean }
  | { type: 'home' | 'end'; extend: boolean }
  | { type: 'undo' }
  | { type: 'copy' }
  | { type: 'paste' };

export interface KeyLike {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * What a key does in the grid: 1-9 the n-th shift (Shift+digit adds it to the cell as a
 * second shift), 0 or R 休, Delete/Backspace clears, arrows move (Shift extends the
 * selection), Enter moves down (Tab leaves the grid), Home/End to the month's first/last day,
 * Ctrl+Z undoes, Ctrl+C/Ctrl+V copy and paste. Uses the physical key (code), so it works
 * with any keyboard layout or input method.
 */
export function keyAction(e: KeyLike, shifts: Shift[]): KeyAction | null {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey) {
    if (e.code === 'KeyZ') return { type: 'undo' };
    if (e.code === 'KeyC') return { type: 'copy' };
    if (e.code === 'KeyV') return { type: 'paste' };
    return null;
  }
  if (e.altKey) return null;
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(e.code);
  if (digit) {
    const n = Number(digit[1]);
    if (n === 0) return { type: 'set', value: REST, advance: true };
    const sh = keyedShifts(shifts)[n - 1];
    if (!sh) return null;
    if (e.shiftKey) return { type: 'toggle', shiftId: sh.id };
    return { type: 'set', value: { rest: false, shiftIds: [sh.id] }, advance: true };
  }
  switch (e.code) {
    case 'KeyR':
      return { type: 'set', value: REST, advance: true };
    case 'Delete':
    case 'Backspace':
      return { type: 'set', value: EMPTY, advance: false };
    case 'ArrowLeft':
      return { type: 'move', dr: 0, dc: -1, extend: e.shiftKey };
    case 'ArrowRight':
      return { type: 'move', dr: 0, dc: 1, extend: e.shiftKey };
    case 'ArrowUp':
      return { type: 'move', dr: -1, dc: 0, extend: e.shiftKey };
    case 'ArrowDown':
      return { type: 'move', dr: 1, dc: 0, extend: e.shiftKey };
    case 'Enter':
    case 'NumpadEnter':
      return { type: 'move', dr: e.shiftKey ? -1 : 1, dc: 0, extend: false };
    case 'Home':
      return { type: 'home', extend: e.shiftKey };
    case 'End':
      return { type: 'end', extend: e.shiftKey };
  }
  return null;
}

/** Adds a shift to a cell (a second shift), or takes it out if it is there. */
export function toggleShift(v: CellValue, shiftId: number): CellValue {
  if (v.shiftIds.includes(shiftId)) return { rest: false, shiftIds: v.shiftIds.filter((id) => id !== shiftId) };
  const ids = [...v.shiftIds, shiftId].sort((a, b) => a - b);
  return { rest: false, shiftIds: ids.slice(-MAX_SHIFTS_PER_DAY) };
}

export interface Pos {
  r: number;
  c: number;
}

export const clampPos = (p: Pos, rows: number, cols: number): Pos => ({
  r: Math.max(0, Math.min(rows - 1, p.r)),
  c: Math.max(0, Math.min(cols - 1, p.c)),
});

/** The rectangle between two corners, row by row. */
export function rangeOf(a: Pos, b: Pos): Pos[] {
  const out: Pos[] = [];
  for (let r = Math.min(a.r, b.r); r <= Math.max(a.r, b.r); r++) {
    for (let c = Math.min(a.c, b.c); c <= Math.max(a.c, b.c); c++) out.push({ r, c });
  }
  return out;
}

export function inRange(p: Pos, a: Pos, b: Pos): boolean {
  return p.r >= Math.min(a.r, b.r) && p.r <= Math.max(a.r, b.r) && p.c >= Math.min(a.c, b.c) && p.c <= Math.max(a.c, b.c);
}

/** A copied block of cells: rows of values. */
export type Clip = CellValue[][];

export function copyBlock(get: (p: Pos) => CellValue, a: Pos, b: Pos): Clip {
  const out: Clip = [];
  for (let r = Math.min(a.r, b.r); r <= Math.max(a.r, b.r); r++) {
    const row: CellValue[] = [];
    for (let c = Math.min(a.c, b.c); c <= Math.max(a.c, b.c); c++) row.push(get({ r, c }));
    out.push(row);
  }
  return out;
}

/**
 * Where a paste goes: the block at the top-left of the selection; a one-row block pasted
 * over a wider selection repeats across it (a week's pattern over the month).
 */
export function pasteTargets(clip: Clip, a: Pos, b: Pos, rows: number, cols: number): { pos: Pos; value: CellValue }[] {
  const top = { r: Math.min(a.r, b.r), c: Math.min(a.c, b.c) };
  const selW = Math.abs(a.c - b.c) + 1;
  const selH = Math.abs(a.r - b.r) + 1;
  const h = clip.length;
  const w = clip[0]?.length ?? 0;
  const repeat = selW > w || selH > h;
  const spanH = repeat ? Math.max(selH, h) : h;
  const spanW = repeat ? Math.max(selW, w) : w;
  const out: { pos: Pos; value: CellValue }[] = [];
  for (let dr = 0; dr < spanH; dr++) {
    for (let dc = 0; dc < spanW; dc++) {
      const pos = { r: top.r + dr, c: top.c + dc };
      if (pos.r >= rows || pos.c >= cols) continue;
      out.push({ pos, value: clip[dr % h][dc % w] });
    }
  }
  return out;
}

/** How many people work each shift on each day: day -> shift id -> count. */
export function coverage(r: RotaMonth, cells: Map<string, CellValue>): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const d of r.days) out.set(d.day, new Map());
  for (const p of r.people) {
    for (const d of r.days) {
      const v = cells.get(cellKey(p.id, d.day));
      for (const id of v?.shiftIds ?? []) {
        const m = out.get(d.day)!;
        m.set(id, (m.get(id) ?? 0) + 1);
      }
    }
  }
  return out;
}

/** A change to send: the cell's new value. */
export function toCell(staffId: number, day: string, v: CellValue): RotaCell {
  return { staffId, day, rest: v.rest, shiftIds: v.shiftIds } as RotaCell;
}

/** 'YYYY-MM' of a shop-local time 'YYYY-MM-DD HH:MM:SS'; the month before or after. */
export function monthOf(wall: string): string {
  return wall.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
