package staff_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/xuri/excelize/v2"

	"shopdesk/internal/staff"
)

func openBook(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func cellOf(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// The rota's Excel: the title line, 姓名 and the day numbers, the cells as the grid writes
// them (the layout the rota import reads back), and the rest days.
func TestExportRota(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	p := f.person(staff.Staff{Name: "小李", Role: "cs_presale", Active: true}, "")
	f.rota(p.ID, map[string]string{"2026-11-01": "休", "2026-11-02": "白", "2026-11-03": "白+晚", "2026-11-30": "值"})
	data, name, err := f.s.ExportRota(ctx, "2026-11")
	if err != nil || name != "2026年11月排班表.xlsx" {
		t.Fatalf("%s %v", name, err)
	}
	book := openBook(t, data)
	// People by name: 小李, then 张老板 (active, nothing planned).
	want := map[string]string{"A1": "2026年11月排班表", "A2": "姓名", "B2": "1", "AE2": "30", "AF2": "休息天数",
		"A3": "小李", "B3": "休", "C3": "白", "D3": "白+晚", "E3": "", "AE3": "值", "AF3": "1", "A4": "张老板", "B4": "", "AF4": "0"}
	for c, w := range want {
		if got := cellOf(t, book, "排班表", c); got != w {
			t.Errorf("%s = %q, want %q", c, got, w)
		}
	}
}

// The month's Excel: the summary with totals, every deduction with its day and rule.
func TestExportPayroll(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	p := f.person(staff.Staff{Name: "小李", Role: "cs_presale", Active: true, LevelID: f.levelID("初级")}, "")
	f.rota(p.ID, map[string]string{"2026-11-02": "白", "2026-11-03": "白"})
	f.punches(p.ID, "2026-11-02 08:45 in", "2026-11-02 17:30 out")
	f.setNow("2026-12-01 09:00")
	data, name, err := f.s.ExportPayroll(ctx, "2026-11")
	if err != nil || name != "2026年11月工资表.xlsx" {
		t.Fatalf("%s %v", name, err)
	}
	book := openBook(t, data)
	// 1500 + 200 - 20 (15 minutes late) - 200 (absent on the 3rd) = 1480.
	want := map[string]map[string]string{
		"工资汇总": {"A1": "姓名", "A2": "小李", "B2": "客服（售前）", "C2": "初级", "D2": "1500.00", "G2": "220.00", "H2": "1480.00", "I2": "1", "J2": "1",
			"A3": "合计", "H3": "1480.00"},
		"扣款明细": {"A2": "小李", "B2": "2026-11-02", "C2": "迟到", "E2": "20.00", "B3": "2026-11-03", "C3": "旷工", "E3": "200.00"},
		"考勤明细": {"B2": "2026-11-02", "C2": "白班", "D2": "2026-11-02 08:45", "F2": "15", "H2": "迟到15分钟", "H3": "旷工"},
	}
	for sheet, cells := range want {
		for c, w := range cells {
			if got := cellOf(t, book, sheet, c); got != w {
				t.Errorf("%s!%s = %q, want %q", sheet, c, got, w)
			}
		}
	}
}
