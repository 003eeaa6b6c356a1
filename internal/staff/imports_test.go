package staff_test

import (
	"context"
	"database/sql"
	"testing"

	"shopdesk/db/sqldb"
	"shopdesk/internal/staff"
)

// What the later rota and punch import kinds call, in the import's transaction: names
// resolved (new ones added as 客服（售前）, 初级), cells written with the batch, punches
// added once, and an undo that puts everything back.
func TestImportWritesAndUndo(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	li := f.person(staff.Staff{Name: "小李", Role: "cs_aftersale", Active: true, Accounts: []string{"暖暖家居:小李"}}, "")
	shifts, err := f.s.Shifts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cell := func(staffID int64, day, text string) staff.RotaCell {
		rest, ids, err := staff.ParseCell(shifts, text)
		if err != nil {
			t.Fatal(err)
		}
		return staff.RotaCell{StaffID: staffID, Day: day, Rest: rest, ShiftIDs: ids}
	}
	// The hand-made rota before any import.
	f.rota(li.ID, map[string]string{"2026-11-02": "晚"})

	b1 := f.batch("2026年11月排班表.xlsx")
	var ids map[string]int64
	f.inTx(func(q *sqldb.Queries) error {
		var added []string
		ids, added, err = staff.ResolveNames(ctx, q, b1, []string{"小李", "暖暖家居:小李", "小新", " "})
		if err != nil {
			return err
		}
		if len(added) != 1 || added[0] != "小新" || ids["暖暖家居:小李"] != li.ID {
			t.Fatalf("resolved %v added %v", ids, added)
		}
		n, err := staff.WriteRota(ctx, q, b1, []staff.RotaCell{cell(li.ID, "2026-11-02", "白"), cell(li.ID, "2026-11-03", "休"),
			cell(ids["小新"], "2026-11-02", "晚")})
		if n != 3 {
			t.Fatalf("%d cells changed", n)
		}
		return err
	})
	xin, err := staff.Get(ctx, f.d.Queries(), ids["小新"])
	if err != nil || xin.Role != "cs_presale" || xin.LevelName != "初级" || xin.JoinedOn != "" {
		t.Fatalf("added person %+v %v", xin, err)
	}
	// Punches: the second import of the same punches adds none.
	b2 := f.batch("考勤打卡记录.xlsx")
	rows := []staff.PunchRow{{StaffID: li.ID, At: "2026-11-02 08:31", Kind: ""}, {StaffID: li.ID, At: "2026-11-02 17:35:00", Note: "正常"}}
	f.inTx(func(q *sqldb.Queries) error {
		added, dup, err := staff.AddPunches(ctx, q, b2, rows)
		if added != 2 || dup != 0 {
			t.Fatalf("added %d dup %d", added, dup)
		}
		return err
	})
	b3 := f.batch("考勤打卡记录(1).xlsx")
	f.inTx(func(q *sqldb.Queries) error {
		added, dup, err := staff.AddPunches(ctx, q, b3, rows)
		if added != 0 || dup != 2 {
			t.Fatalf("again: added %d dup %d", added, dup)
		}
		return err
	})
	f.setNow("2026-12-01 09:00")
	if ps := f.payslip("2026-11", xin.ID); ps.Absences != 1 {
		t.Fatalf("小新's imported 晚班 unpunched: %+v", ps)
	}
	att, err := f.s.Attendance(ctx, "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range att.People {
		if p.ID == li.ID && (len(p.Records) != 1 || p.Records[0].LateMin != 1 || p.Records[0].Out != "2026-11-02 17:35:00") {
			t.Fatalf("小李's imported punches: %+v", p.Records)
		}
	}

	undo := func(batch int64) error {
		return f.d.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error { return staff.UndoImport(ctx, q, batch) })
	}
	// Undoing the punch import removes its punches.
	if err := undo(b2); err != nil {
		t.Fatal(err)
	}
	if att, _ := f.s.Attendance(ctx, "2026-11"); len(att.People) != 2 || att.People[0].Records[0].Status != staff.StatusAbsent {
		t.Fatalf("after undoing the punches: %+v", att.People)
	}
	// A later hand edit of a cell the import wrote blocks its undo.
	f.rota(li.ID, map[string]string{"2026-11-03": "白"})
	errContains(t, undo(b1), "之后排班表又改过 1 处，不能撤销这次导入")

	// An import over planned and empty cells, undone: the cells as they were.
	b4 := f.batch("排班表(2).xlsx")
	f.inTx(func(q *sqldb.Queries) error {
		_, err := staff.WriteRota(ctx, q, b4, []staff.RotaCell{cell(li.ID, "2026-11-02", "值"), cell(li.ID, "2026-11-10", "白")})
		return err
	})
	if err := undo(b4); err != nil {
		t.Fatal(err)
	}
	r, _ := f.s.Rota(ctx, "2026-11")
	got := map[string]string{}
	for _, c := range r.Cells {
		if c.StaffID == li.ID {
			got[c.Day] = cellName(shifts, c)
		}
	}
	if len(got) != 2 || got["2026-11-02"] != "白" || got["2026-11-03"] != "白" {
		t.Fatalf("小李's cells after the undo: %v", got)
	}
	// An import that added a person: undone, the person goes too.
	b5 := f.batch("排班表(3).xlsx")
	f.inTx(func(q *sqldb.Queries) error {
		ids, _, err := staff.ResolveNames(ctx, q, b5, []string{"小美"})
		if err != nil {
			return err
		}
		_, err = staff.WriteRota(ctx, q, b5, []staff.RotaCell{cell(ids["小美"], "2026-11-12", "白")})
		return err
	})
	if err := undo(b5); err != nil {
		t.Fatal(err)
	}
	list, _ := f.s.List(ctx)
	for _, p := range list {
		if p.Name == "小美" {
			t.Fatal("the person the undone import added is still there")
		}
	}
	// A closed month refuses imported punches.
	if _, err := f.s.CloseMonth(ctx, "2026-11", f.owner); err != nil {
		t.Fatal(err)
	}
	late := f.batch("late.xlsx") // before the transaction, as in fixture.punches
	err = f.d.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		_, _, err := staff.AddPunches(ctx, q, late, []staff.PunchRow{{StaffID: li.ID, At: "2026-11-20 08:30", Kind: "in"}})
		return err
	})
	errContains(t, err, "2026年11月已经结账")
}

func cellName(shifts []staff.Shift, c staff.RotaCell) string {
	if c.Rest {
		return staff.RestShort
	}
	out := ""
	for _, id := range c.ShiftIDs {
		for _, sh := range shifts {
			if sh.ID == id {
				out += sh.Short
			}
		}
	}
	return out
}
