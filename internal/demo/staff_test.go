package demo_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/demo"
	"shopdesk/internal/staff"
)

// The demo's team on a first run: a clean rota for the month, punches with a few lates,
// an absence and a sick day, last night's handover note, and payslips for everyone on
// the payroll.
func TestDemoStaff(t *testing.T) {
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	now := time.Date(2026, 11, 22, 1, 0, 0, 0, time.UTC) // 09:00 in the shops' zone
	r, err := demo.Create(ctx, d, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Staff.People != 6 || r.Staff.Punches == 0 {
		t.Fatalf("result %+v", r.Staff)
	}
	s := staff.New(d, nil).WithClock(func() time.Time { return now })
	rota, err := s.Rota(ctx, "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	if len(rota.Checks) != 0 {
		for _, c := range rota.Checks {
			t.Errorf("rota check: %s", c.Text)
		}
	}
	pm, err := s.Payroll(ctx, "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]staff.Payslip{}
	for _, p := range pm.Payslips {
		got[p.Name] = p
	}
	if len(got) != 5 || got["张老板"].Name != "" {
		t.Fatalf("payslips of %v", got)
	}
	// 小陈: lates of 5, 7 and 4 minutes, the third one costs 20.
	if p := got["小陈"]; p.Lates != 3 || p.DeductionFen != 2000 {
		t.Errorf("小陈: lates %d deductions %d", p.Lates, p.DeductionFen)
	}
	// 小李: 12 minutes late (20) and 8 minutes early (the month's first small one, free).
	if p := got["小李"]; p.Lates != 2 || p.EarlyLeaves != 1 || p.DeductionFen != 2000 {
		t.Errorf("小李: lates %d early %d deductions %d", p.Lates, p.EarlyLeaves, p.DeductionFen)
	}
	if p := got["阿强"]; p.Absences != 1 || p.DeductionFen != 20000 {
		t.Errorf("阿强: absences %d deductions %d", p.Absences, p.DeductionFen)
	}
	if p := got["小王"]; p.LeaveShifts != 1 || p.Lates != 0 || p.Absences != 0 {
		t.Errorf("小王: leave %d lates %d absences %d", p.LeaveShifts, p.Lates, p.Absences)
	}
	if p := got["小周"]; p.Prorata == nil || p.Prorata.JoinedOn != "2026-11-08" || p.Lates != 1 || p.DeductionFen != 0 {
		t.Errorf("小周: %+v lates %d deductions %d", p.Prorata, p.Lates, p.DeductionFen)
	}
	// Last month is closed, with its payslips frozen.
	oct, err := s.Payroll(ctx, "2026-10")
	if err != nil || !oct.Closed || oct.ClosedBy != "张老板" || len(oct.Payslips) != 4 {
		t.Fatalf("last month: %+v %v", oct, err)
	}
	octRota, err := s.Rota(ctx, "2026-10")
	if err != nil || len(octRota.Checks) != 0 {
		t.Fatalf("last month's rota checks: %+v %v", octRota.Checks, err)
	}
	book, err := s.Handovers(ctx, 10)
	if err != nil || len(book) != 1 || book[0].AckAt != "" || book[0].WrittenAt != "2026-11-21 23:55:00" || book[0].ShiftName != "晚班" {
		t.Fatalf("handover book %+v %v", book, err)
	}
}
