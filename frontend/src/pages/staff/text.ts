// Words for what Go sends as codes: payslip lines, rota checks, attendance states, leave
// types. Codes are internal/staff's (Line*, Check*, Status*, Leave*); the words are in
// locales/<lang>/staff.json; text.test.ts checks every code has its words.
import type { TFunction } from 'i18next';
import type { PayLine, RotaCheck, ShiftRecord } from '../../api/staff';

export const LINE_RULES = ['late', 'early', 'absence', 'missing_punch', 'slow_reply', 'no_reply_30m', 'no_reply_2h', 'away_2h', 'team', 'full_attendance', 'living'] as const;
export const TIERS = ['free', 'small', 'big'] as const;
export const CHECK_KINDS = ['coverage', 'overlap', 'rest_days', 'unplanned', 'outside_employment'] as const;
export const LEAVE_TYPES = ['sick', 'personal', 'annual', 'swap'] as const;
export const INCIDENT_KINDS = ['slow_reply', 'no_reply_30m', 'no_reply_2h', 'away_2h'] as const;
export const CORRECTION_ACTIONS = ['add', 'change', 'delete'] as const;
export const ROLES = ['owner', 'operations', 'cs_presale', 'cs_insale', 'cs_aftersale', 'warehouse', 'designer'] as const;

/** 2026-11-05 -> 11月5日 / Nov 5 */
export function dayText(t: TFunction, day: string): string {
  if (!day) return '';
  const [, m, d] = day.split('-').map(Number);
  return t('staff.day', { month: m, date: d });
}

/** 'YYYY-MM' -> 2026年11月 / November 2026 */
export function monthText(t: TFunction, month: string): string {
  const [y, m] = month.split('-').map(Number);
  return t('staff.monthName', { year: y, month: m });
}

/** 'YYYY-MM-DD HH:MM:SS' -> 'HH:MM', with the day when it is not `day`. */
export function clockText(t: TFunction, wall: string, day?: string): string {
  if (!wall) return '';
  const hm = wall.slice(11, 16);
  return day && wall.slice(0, 10) !== day ? `${dayText(t, wall.slice(0, 10))} ${hm}` : hm;
}

/** A shift's hours as planned on its day: 08:30–17:30, 17:00–24:00, 17:00–次日02:00. */
export function hoursText(t: TFunction, r: { day: string; start: string; end: string }): string {
  const end = r.end.slice(11, 16);
  const nextDay = r.end.slice(0, 10) !== r.day;
  return `${r.start.slice(11, 16)}–${nextDay ? (end === '00:00' ? '24:00' : t('staff.shifts.nextDay', { time: end })) : end}`;
}

/** A payslip line in words. */
export function lineText(t: TFunction, l: PayLine): string {
  const v = { day: dayText(t, l.day), shift: l.shiftName, minutes: l.minutes, nth: l.nth, count: l.count };
  if (l.rule === 'late' || l.rule === 'early') return t(`staff.line.${l.rule}.${l.tier}`, v);
  if (l.rule === 'team') return l.count || l.amountFen ? t('staff.line.team.scored', v) : t('staff.line.team.none');
  if (l.rule === 'full_attendance') return l.amountFen ? t('staff.line.full_attendance.yes') : t('staff.line.full_attendance.no');
  return t(`staff.line.${l.rule}`, v);
}

/** A rota check in words. */
export function checkText(t: TFunction, c: RotaCheck): string {
  return t(`staff.check.${c.kind}`, {
    name: c.staffName,
    day: dayText(t, c.day),
    shift: c.shiftName,
    other: c.other,
    otherDay: dayText(t, c.otherDay),
    got: c.got,
    want: c.want,
  });
}

export interface Tag {
  color: string;
  text: string;
}

/** How a rostered shift went, as tags. */
export function recordTags(t: TFunction, r: ShiftRecord): Tag[] {
  switch (r.status) {
    case 'pending':
      return [{ color: 'default', text: t('staff.status.pending') }];
    case 'absent':
      return [{ color: 'red', text: t('staff.status.absent') }];
    case 'leave':
      return [{ color: 'blue', text: t(`staff.leaveType.${r.leave}`) }];
  }
  const out: Tag[] = [];
  if (r.lateMin > 0) out.push({ color: r.lateMin >= 10 ? 'red' : 'orange', text: t('staff.status.late', { minutes: r.lateMin }) });
  if (r.earlyMin > 0) out.push({ color: r.earlyMin >= 10 ? 'red' : 'orange', text: t('staff.status.early', { minutes: r.earlyMin }) });
  if (r.missingIn) out.push({ color: 'purple', text: t('staff.status.missingIn') });
  if (r.missingOut) out.push({ color: 'purple', text: t('staff.status.missingOut') });
  if (!r.out && !r.missingOut && r.in) out.push({ color: 'processing', text: t('staff.status.onShift') });
  if (out.length === 0) out.push({ color: 'green', text: t('staff.status.ok') });
  return out;
}

/** Whether a record needs a look (late, early, missing, absent). */
export const recordIsIssue = (r: ShiftRecord) => r.status === 'absent' || r.lateMin > 0 || r.earlyMin > 0 || r.missingIn || r.missingOut;
