package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/staff"
)

// `payroll --month --json`: one object per person on the payroll, amounts in yuan as
// strings with two decimals, lates and absences as numbers.
func TestPayrollCommand(t *testing.T) {
	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "s.db")
	d, err := db.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	s := staff.New(d, nil)
	levels, _ := s.Levels(ctx)
	if _, err := s.Save(ctx, staff.Staff{Name: "张老板", Role: "owner", Active: true}, "9999"); err != nil {
		t.Fatal(err)
	}
	li, err := s.Save(ctx, staff.Staff{Name: "小李", Role: "cs_presale", Active: true, LevelID: levels[0].ID}, "1234")
	if err != nil {
		t.Fatal(err)
	}
	shifts, _ := s.Shifts(ctx)
	white := []int64{shifts[0].ID}
	if _, err := s.SetRota(ctx, "2025-03", []staff.RotaCell{{StaffID: li.ID, Day: "2025-03-03", ShiftIDs: white},
		{StaffID: li.ID, Day: "2025-03-04", ShiftIDs: white}, {StaffID: li.ID, Day: "2025-03-05", ShiftIDs: white}}); err != nil {
		t.Fatal(err)
	}
	cst := time.FixedZone("CST", 8*3600)
	for _, p := range []struct {
		at   time.Time
		kind string
	}{
		{time.Date(2025, 3, 3, 8, 41, 10, 0, cst), "in"}, {time.Date(2025, 3, 3, 17, 30, 0, 0, cst), "out"},
		{time.Date(2025, 3, 4, 8, 25, 0, 0, cst), "in"}, {time.Date(2025, 3, 4, 17, 32, 0, 0, cst), "out"},
	} {
		if _, err := s.WithClock(func() time.Time { return p.at }).Clock(ctx, staff.Auth{StaffID: li.ID, PIN: "1234"}, p.kind); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()

	// 11 minutes late on the 3rd (20), absent on the 5th (200): 1500 + living 200 - 220 = 1480.
	code, out, errOut := runCLI(t, "--db", dbPath, "payroll", "--month", "2025-03", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("not a JSON array: %q", out)
	}
	want := `[{"absences":1,"base":"1500.00","bonus":"200.00","commission":"0.00","deductions":"220.00","lates":1,"net":"1480.00","staff":"小李"}]`
	if got, _ := json.Marshal(rows); string(got) != want {
		t.Fatalf("payroll --json\n got %s\nwant %s", got, want)
	}
	code, out, _ = runCLI(t, "--db", dbPath, "payroll", "--month", "2025-03")
	if code != 0 || !strings.Contains(out, "2025年3月工资：未结账") || !strings.Contains(out, "1480.00") ||
		!strings.Contains(out, "2025-03-05 白班 旷工") || !strings.Contains(out, "提成来自询盘登记") {
		t.Fatalf("payroll:\n%s", out)
	}
	if code, _, errOut := runCLI(t, "--db", dbPath, "payroll", "--month", "2025-13"); code != 1 || !strings.Contains(errOut, "不是月份") {
		t.Fatalf("bad month: %d %q", code, errOut)
	}
}
