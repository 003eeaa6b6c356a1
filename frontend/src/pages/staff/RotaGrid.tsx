/*
 * The rota grid (排班表): people × days, typed into with the keyboard (see rota.ts
 * keyAction: 1-9 a shift, 0/R 休, Delete clears, arrows move, Shift+arrows select, Ctrl+C/V,
 * Ctrl+Z). Each change goes to onChange at once; the grid keeps its own undo steps.
 *
 * data-testid: rota-grid (the focusable grid), rota-cell (data-staff, data-day, data-value),
 *   rota-rest (a person's rest days), rota-cover (footer: data-day, data-shift, data-short)
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RotaMonth, Shift } from '../../api/staff';
import {
  EMPTY,
  cellKey,
  cellLabel,
  clampPos,
  copyBlock,
  coverage,
  inRange,
  keyAction,
  pasteTargets,
  rangeOf,
  toggleShift,
  type CellValue,
  type Clip,
  type Pos,
} from './rota';

export interface CellChange {
  staffId: number;
  day: string;
  value: CellValue;
}

interface RotaGridProps {
  rota: RotaMonth;
  cells: Map<string, CellValue>;
  readOnly: boolean;
  onChange: (changes: CellChange[]) => void;
  /** A cell to move to (from a check), bumped by its `at`. */
  focusOn?: { staffId: number; day: string; at: number } | null;
}

const MAX_UNDO = 200;

export function RotaGrid({ rota, cells, readOnly, onChange, focusOn }: RotaGridProps) {
  const { t } = useTranslation();
  const rest = t('staff.rota.rest');
  const [focus, setFocus] = useState<Pos>({ r: 0, c: 0 });
  const [anchor, setAnchor] = useState<Pos>({ r: 0, c: 0 });
  const clip = useRef<Clip | null>(null);
  const undo = useRef<CellChange[][]>([]);
  const wrap = useRef<HTMLDivElement>(null);
  const shifts = useMemo(() => new Map<number, Shift>(rota.shifts.map((s) => [s.id, s])), [rota.shifts]);
  const covered = useMemo(() => coverage(rota, cells), [rota, cells]);
  const needed = rota.shifts.filter((s) => s.active && s.need > 0);
  const rows = rota.people.length;
  const cols = rota.days.length;

  useEffect(() => {
    if (!focusOn) return;
    const r = rota.people.findIndex((p) => p.id === focusOn.staffId);
    const c = rota.days.findIndex((d) => d.day === focusOn.day);
    if (r < 0 && c < 0) return;
    const p = { r: Math.max(r, 0), c: Math.max(c, 0) };
    setFocus(p);
    setAnchor(p);
    wrap.current?.focus();
  }, [focusOn, rota.people, rota.days]);

  useEffect(() => {
    wrap.current?.querySelector('.sd-rota-focus')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [focus]);

  const valueAt = (p: Pos): CellValue => cells.get(cellKey(rota.people[p.r].id, rota.days[p.c].day)) ?? EMPTY;

  const apply = (targets: { pos: Pos; value: CellValue }[]) => {
    const changes: CellChange[] = [];
    const before: CellChange[] = [];
    for (const { pos, value } of targets) {
      const person = rota.people[pos.r];
      const day = rota.days[pos.c].day;
      const old = valueAt(pos);
      if (cellLabel(old, shifts, rest) === cellLabel(value, shifts, rest)) continue;
      changes.push({ staffId: person.id, day, value });
      before.push({ staffId: person.id, day, value: old });
    }
    if (changes.length === 0) return;
    undo.current = [...undo.current.slice(-MAX_UNDO + 1), before];
    onChange(changes);
  };

  const moveTo = (p: Pos, extend: boolean) => {
    const q = clampPos(p, rows, cols);
    setFocus(q);
    if (!extend) setAnchor(q);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (rows === 0 || cols === 0) return;
    const a = keyAction(e, rota.shifts);
    if (!a) return;
    e.preventDefault();
    const selection = rangeOf(anchor, focus);
    const single = selection.length === 1;
    switch (a.type) {
      case 'move':
        moveTo({ r: focus.r + a.dr, c: focus.c + a.dc }, a.extend);
        return;
      case 'home':
        moveTo({ r: focus.r, c: 0 }, a.extend);
        return;
      case 'end':
        moveTo({ r: focus.r, c: cols - 1 }, a.extend);
        return;
      case 'copy':
        clip.current = copyBlock(valueAt, anchor, focus);
        return;
    }
    if (readOnly) return;
    switch (a.type) {
      case 'set':
        apply(selection.map((pos) => ({ pos, value: a.value })));
        if (single && a.advance) moveTo({ r: focus.r, c: focus.c + 1 }, false);
        return;
      case 'toggle':
        apply(selection.map((pos) => ({ pos, value: toggleShift(valueAt(pos), a.shiftId) })));
        return;
      case 'paste':
        if (clip.current) apply(pasteTargets(clip.current, anchor, focus, rows, cols));
        return;
      case 'undo': {
        const step = undo.current.pop();
        if (step) onChange(step);
        return;
      }
    }
  };

  const onCellMouseDown = (p: Pos, e: React.MouseEvent) => {
    e.preventDefault();
    wrap.current?.focus();
    moveTo(p, e.shiftKey);
  };

  return (
    <div ref={wrap} className="sd-rota-wrap" tabIndex={0} onKeyDown={onKeyDown} data-testid="rota-grid" aria-label={t('staff.rota.gridLabel')}>
      <table className="sd-rota">
        <thead>
          <tr>
            <th className="sd-rota-name">{t('staff.rota.name')}</th>
            {rota.days.map((d) => (
              <th key={d.day} className={d.weekday === 0 || d.weekday === 6 ? 'sd-rota-weekend' : undefined}>
                <div>{d.date}</div>
                <div className="sd-rota-wd">{t(`staff.weekday.${d.weekday}`)}</div>
              </th>
            ))}
            <th className="sd-rota-sum">{t('staff.rota.restDays')}</th>
          </tr>
        </thead>
        <tbody>
          {rota.people.map((p, r) => (
            <tr key={p.id}>
              <th className="sd-rota-name" title={p.name}>
                {p.name}
              </th>
              {rota.days.map((d, c) => {
                const v = cells.get(cellKey(p.id, d.day));
                const label = cellLabel(v, shifts, rest);
                const out = (p.joinedOn && d.day < p.joinedOn) || (p.leftOn && d.day > p.leftOn);
                const cls = [
                  'sd-rota-cell',
                  d.weekday === 0 || d.weekday === 6 ? 'sd-rota-weekend' : '',
                  v?.rest ? 'sd-rota-restcell' : '',
                  out ? 'sd-rota-out' : '',
                  inRange({ r, c }, anchor, focus) ? 'sd-rota-selected' : '',
                  focus.r === r && focus.c === c ? 'sd-rota-focus' : '',
                ].join(' ');
                return (
                  <td
                    key={d.day}
                    className={cls}
                    data-testid="rota-cell"
                    data-staff={p.id}
                    data-day={d.day}
                    data-value={label}
                    onMouseDown={(e) => onCellMouseDown({ r, c }, e)}
                  >
                    {label}
                  </td>
                );
              })}
              <td className="sd-rota-sum" data-testid="rota-rest">
                {p.restDays}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {needed.map((s) => (
            <tr key={s.id}>
              <th className="sd-rota-name" title={t('staff.rota.coverTitle', { shift: s.name, need: s.need })}>
                {t('staff.rota.cover', { short: s.short, need: s.need })}
              </th>
              {rota.days.map((d) => {
                const n = covered.get(d.day)?.get(s.id) ?? 0;
                return (
                  <td key={d.day} className={n < s.need ? 'sd-rota-short' : 'sd-rota-ok'} data-testid="rota-cover" data-day={d.day} data-short={s.short}>
                    {n}
                  </td>
                );
              })}
              <td className="sd-rota-sum" />
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}
