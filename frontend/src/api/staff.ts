// Typed wrappers over app.StaffService (员工: the staff list, rota, attendance, handover
// book, pay rules and payroll). Arrays Go may send as null arrive as [].
import * as StaffService from '../../wailsjs/go/app/StaffService';
import type { app, settings, staff } from '../../wailsjs/go/models';

export type Staff = staff.Staff;
export type Auth = staff.Auth;
export type Level = staff.Level;
export type Shift = staff.Shift;
export type RotaMonth = staff.RotaMonth;
export type RotaCell = staff.RotaCell;
export type RotaCheck = staff.Check;
export type ClockResult = staff.ClockResult;
export type ShiftRecord = staff.ShiftRecord;
export type Punch = staff.Punch;
export type AttendanceMonth = staff.AttendanceMonth;
export type AttendancePerson = staff.AttendancePerson;
export type Correction = staff.Correction;
export type CorrectionRecord = staff.CorrectionRecord;
export type Leave = staff.Leave;
export type Swap = staff.Swap;
export type Handover = staff.Handover;
export type PayMonth = staff.PayMonth;
export type Payslip = staff.Payslip;
export type PayLine = staff.Line;
export type Incident = staff.Incident;
export type Rule = settings.Setting;
export type SavedFile = app.SavedFile;

const arr = <T,>(v: T[] | null | undefined): T[] => v ?? [];

/** The shop-local time now, 'YYYY-MM-DD HH:MM:SS' (the UI's today, whatever the PC's zone). */
export function shopNow(): Promise<string> {
  return StaffService.Now();
}

export async function listStaff(): Promise<Staff[]> {
  return arr(await StaffService.List()).map((s) => ({ ...s, accounts: arr(s.accounts) }) as Staff);
}

/** Adds (id 0) or changes a person; pin sets the PIN of a person without one ('' leaves it). */
export function saveStaff(s: Staff, pin = ''): Promise<Staff> {
  return StaffService.Save(s, pin);
}

export function resetPin(staffId: number, pin: string, owner: Auth): Promise<void> {
  return StaffService.ResetPIN(staffId, pin, owner);
}

export async function listLevels(): Promise<Level[]> {
  return arr(await StaffService.Levels());
}

export function saveLevel(l: Level, owner: Auth): Promise<Level> {
  return StaffService.SaveLevel(l, owner);
}

export function deleteLevel(id: number, owner: Auth): Promise<void> {
  return StaffService.DeleteLevel(id, owner);
}

export async function listShifts(): Promise<Shift[]> {
  return arr(await StaffService.Shifts());
}

export function saveShift(s: Shift): Promise<Shift> {
  return StaffService.SaveShift(s);
}

function rotaOf(r: RotaMonth): RotaMonth {
  return {
    ...r,
    days: arr(r.days),
    people: arr(r.people),
    shifts: arr(r.shifts),
    cells: arr(r.cells).map((c) => ({ ...c, shiftIds: arr(c.shiftIds) })),
    checks: arr(r.checks),
  } as RotaMonth;
}

export async function getRota(month: string): Promise<RotaMonth> {
  return rotaOf(await StaffService.Rota(month));
}

/** Changes cells (all or none); resolves the month as now stored, with its checks. */
export async function setRota(month: string, cells: RotaCell[]): Promise<RotaMonth> {
  return rotaOf(await StaffService.SetRota(month, cells));
}

export async function copyRota(month: string): Promise<{ rota: RotaMonth; copied: number }> {
  const r = await StaffService.CopyRota(month);
  return { rota: rotaOf(r.rota), copied: r.copied };
}

/**
 * In the window Go shows a save dialog and answers the path ("" when canceled); in the
 * browser it answers a URL, which this downloads (as api/anomalies.ts does).
 */
function download(f: SavedFile): SavedFile {
  if (f?.url) {
    const a = document.createElement('a');
    a.href = f.url;
    a.download = f.name;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  return f;
}

export async function exportRota(month: string): Promise<SavedFile> {
  return download(await StaffService.ExportRota(month));
}

export function clock(a: Auth, kind: 'in' | 'out'): Promise<ClockResult> {
  return StaffService.Clock(a, kind);
}

export async function getAttendance(month: string): Promise<AttendanceMonth> {
  const a = await StaffService.Attendance(month);
  return {
    ...a,
    people: arr(a.people).map((p) => ({ ...p, records: arr(p.records), strays: arr(p.strays), punches: arr(p.punches) })),
    corrections: arr(a.corrections),
    leaves: arr(a.leaves),
    swaps: arr(a.swaps),
  } as AttendanceMonth;
}

export function correctPunch(c: Correction, owner: Auth): Promise<CorrectionRecord> {
  return StaffService.Correct(c, owner);
}

export function addLeave(l: Leave): Promise<Leave> {
  return StaffService.AddLeave(l);
}

export function cancelLeave(id: number): Promise<void> {
  return StaffService.CancelLeave(id);
}

export function swapShifts(w: Swap): Promise<Swap> {
  return StaffService.SwapShifts(w);
}

export async function listHandovers(): Promise<Handover[]> {
  return arr(await StaffService.Handovers());
}

export function writeHandover(h: Handover, a: Auth): Promise<Handover> {
  return StaffService.WriteHandover(h, a);
}

export function ackHandover(id: number, a: Auth): Promise<Handover> {
  return StaffService.AckHandover(id, a);
}

export async function listRules(): Promise<Rule[]> {
  return arr(await StaffService.Rules());
}

export async function saveRules(values: Record<string, number>, owner: Auth): Promise<Rule[]> {
  return arr(await StaffService.SaveRules(values, owner));
}

function payOf(p: PayMonth): PayMonth {
  return {
    ...p,
    events: arr(p.events),
    payslips: arr(p.payslips).map((s) => ({ ...s, bonuses: arr(s.bonuses), deductions: arr(s.deductions), attendance: arr(s.attendance) })),
  } as PayMonth;
}

export async function getPayroll(month: string): Promise<PayMonth> {
  return payOf(await StaffService.Payroll(month));
}

/** Enters a team score 0-100 (null clears it), by the owner. */
export function setTeamScore(month: string, staffId: number, score: number | null, owner: Auth): Promise<void> {
  return StaffService.SetTeamScore(month, staffId, score ?? -1, owner);
}

export async function closeMonth(month: string, owner: Auth): Promise<PayMonth> {
  return payOf(await StaffService.CloseMonth(month, owner));
}

export async function reopenMonth(month: string, reason: string, owner: Auth): Promise<PayMonth> {
  return payOf(await StaffService.ReopenMonth(month, reason, owner));
}

export async function exportPayroll(month: string): Promise<SavedFile> {
  return download(await StaffService.ExportPayroll(month));
}

export async function listIncidents(month: string): Promise<Incident[]> {
  return arr(await StaffService.Incidents(month));
}

export function addIncident(i: Incident): Promise<Incident> {
  return StaffService.AddIncident(i);
}

export function deleteIncident(id: number): Promise<void> {
  return StaffService.DeleteIncident(id);
}
