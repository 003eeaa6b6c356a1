package app

import (
	"shopdesk/internal/settings"
	"shopdesk/internal/staff"
)

// StaffService is 员工: the staff list (设置 → 员工), pay levels, shifts, the rota,
// clocking in and out, corrections, leave and swaps, the handover book, the pay rules and
// the monthly payroll. Owner-only steps take the owner's name and PIN (staff.Auth).
type StaffService struct{ env *env }

// Now is the shop-local time now ('YYYY-MM-DD HH:MM:SS'): the UI's today and this month,
// whatever the PC's own zone.
func (s *StaffService) Now() string { return s.env.staff.Now() }

// List returns everyone, active people first.
func (s *StaffService) List() ([]staff.Staff, error) { return s.env.staff.List(s.env.ctx) }

// Save adds (id 0) or changes a person; pin, when given, is the PIN of a person without one.
func (s *StaffService) Save(st staff.Staff, pin string) (staff.Staff, error) {
	return s.env.staff.Save(s.env.ctx, st, pin)
}

// ResetPIN gives a person a new PIN, confirmed by the owner.
func (s *StaffService) ResetPIN(staffID int64, pin string, owner staff.Auth) error {
	return s.env.staff.ResetPIN(s.env.ctx, staffID, pin, owner)
}

// Levels lists the pay levels.
func (s *StaffService) Levels() ([]staff.Level, error) { return s.env.staff.Levels(s.env.ctx) }

// SaveLevel adds (id 0) or changes a pay level, confirmed by the owner.
func (s *StaffService) SaveLevel(l staff.Level, owner staff.Auth) (staff.Level, error) {
	return s.env.staff.SaveLevel(s.env.ctx, l, owner)
}

// DeleteLevel removes a pay level nobody has, confirmed by the owner.
func (s *StaffService) DeleteLevel(id int64, owner staff.Auth) error {
	return s.env.staff.DeleteLevel(s.env.ctx, id, owner)
}

// Shifts lists the shift templates.
func (s *StaffService) Shifts() ([]staff.Shift, error) { return s.env.staff.Shifts(s.env.ctx) }

// SaveShift adds (id 0) or changes a shift template.
func (s *StaffService) SaveShift(sh staff.Shift) (staff.Shift, error) {
	return s.env.staff.SaveShift(s.env.ctx, sh)
}

// Rota returns a month's rota ('YYYY-MM') with its checks.
func (s *StaffService) Rota(month string) (staff.RotaMonth, error) {
	return s.env.staff.Rota(s.env.ctx, month)
}

// SetRota changes cells of a month's rota (all or none).
func (s *StaffService) SetRota(month string, cells []staff.RotaCell) (staff.RotaMonth, error) {
	return s.env.staff.SetRota(s.env.ctx, month, cells)
}

// CopyResult is the rota after copying the month before into its empty cells.
type CopyResult struct {
	Rota   staff.RotaMonth `json:"rota"`
	Copied int             `json:"copied"`
}

// CopyRota fills a month's empty cells from the month before, weekday by weekday.
func (s *StaffService) CopyRota(month string) (CopyResult, error) {
	r, n, err := s.env.staff.CopyRota(s.env.ctx, month)
	return CopyResult{Rota: r, Copied: n}, err
}

// ExportRota saves a month's rota as an Excel file.
func (s *StaffService) ExportRota(month string) (SavedFile, error) {
	data, name, err := s.env.staff.ExportRota(s.env.ctx, month)
	if err != nil {
		return SavedFile{}, err
	}
	return s.env.shell.SaveFile(name, data)
}

// Clock records a clock-in (kind "in") or clock-out ("out") now for the person whose PIN
// this is.
func (s *StaffService) Clock(a staff.Auth, kind string) (staff.ClockResult, error) {
	return s.env.staff.Clock(s.env.ctx, a, kind)
}

// Attendance returns a month's attendance, corrections, leave and swaps.
func (s *StaffService) Attendance(month string) (staff.AttendanceMonth, error) {
	return s.env.staff.Attendance(s.env.ctx, month)
}

// Correct adds, changes or voids a punch, confirmed by the owner, with a reason.
func (s *StaffService) Correct(c staff.Correction, owner staff.Auth) (staff.CorrectionRecord, error) {
	return s.env.staff.Correct(s.env.ctx, c, owner)
}

// AddLeave records an approved leave.
func (s *StaffService) AddLeave(l staff.Leave) (staff.Leave, error) {
	return s.env.staff.AddLeave(s.env.ctx, l)
}

// CancelLeave cancels a leave entered by mistake.
func (s *StaffService) CancelLeave(id int64) error { return s.env.staff.CancelLeave(s.env.ctx, id) }

// SwapShifts exchanges two people's cells of a day.
func (s *StaffService) SwapShifts(w staff.Swap) (staff.Swap, error) {
	return s.env.staff.SwapShifts(s.env.ctx, w)
}

// Handovers lists the handover book, notes to acknowledge first.
func (s *StaffService) Handovers() ([]staff.Handover, error) {
	return s.env.staff.Handovers(s.env.ctx, 100)
}

// WriteHandover adds a note to the handover book, signed with the writer's PIN.
func (s *StaffService) WriteHandover(h staff.Handover, a staff.Auth) (staff.Handover, error) {
	return s.env.staff.WriteHandover(s.env.ctx, h, a)
}

// AckHandover acknowledges a note, signed with the reader's PIN.
func (s *StaffService) AckHandover(id int64, a staff.Auth) (staff.Handover, error) {
	return s.env.staff.AckHandover(s.env.ctx, id, a)
}

// Rules returns the pay rules with their values, defaults and ranges.
func (s *StaffService) Rules() ([]settings.Setting, error) { return s.env.staff.RuleList(s.env.ctx) }

// SaveRules changes pay rules (key -> value, all or none), confirmed by the owner.
func (s *StaffService) SaveRules(values map[string]float64, owner staff.Auth) ([]settings.Setting, error) {
	return s.env.staff.SaveRules(s.env.ctx, values, owner)
}

// Payroll returns a month's payslips (live while open, frozen once closed).
func (s *StaffService) Payroll(month string) (staff.PayMonth, error) {
	return s.env.staff.Payroll(s.env.ctx, month)
}

// SetTeamScore enters a person's team score (0-100; -1 clears it), by the owner.
func (s *StaffService) SetTeamScore(month string, staffID int64, score int, owner staff.Auth) error {
	var v *int
	if score >= 0 {
		v = &score
	}
	return s.env.staff.SetTeamScore(s.env.ctx, month, staffID, v, owner)
}

// CloseMonth freezes a month's payslips, by the owner.
func (s *StaffService) CloseMonth(month string, owner staff.Auth) (staff.PayMonth, error) {
	return s.env.staff.CloseMonth(s.env.ctx, month, owner)
}

// ReopenMonth opens a closed month again, by the owner with a reason (logged).
func (s *StaffService) ReopenMonth(month, reason string, owner staff.Auth) (staff.PayMonth, error) {
	return s.env.staff.ReopenMonth(s.env.ctx, month, reason, owner)
}

// ExportPayroll saves a month's payroll as an Excel file.
func (s *StaffService) ExportPayroll(month string) (SavedFile, error) {
	data, name, err := s.env.staff.ExportPayroll(s.env.ctx, month)
	if err != nil {
		return SavedFile{}, err
	}
	return s.env.shell.SaveFile(name, data)
}

// Incidents lists a month's service penalties.
func (s *StaffService) Incidents(month string) ([]staff.Incident, error) {
	return s.env.staff.Incidents(s.env.ctx, month)
}

// AddIncident enters a service penalty.
func (s *StaffService) AddIncident(i staff.Incident) (staff.Incident, error) {
	return s.env.staff.AddIncident(s.env.ctx, i)
}

// DeleteIncident removes a service penalty entered by mistake.
func (s *StaffService) DeleteIncident(id int64) error {
	return s.env.staff.DeleteIncident(s.env.ctx, id)
}
