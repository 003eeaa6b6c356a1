package staff_test

import (
	"context"
	"slices"
	"testing"

	"shopdesk/internal/staff"
)

// A person and their rota cells for the rota check cases.
type rotaPerson struct {
	name, joined, left string
	cells              map[string]string
}

func TestRotaChecks(t *testing.T) {
	// Every day of November with 白, except the days given.
	fullWhite := func(except map[string]string) map[string]string {
		return merge(days(1, 30, "2026-11", "白"), except)
	}
	fourRest := map[string]string{"2026-11-01": "休", "2026-11-08": "休", "2026-11-15": "休", "2026-11-22": "休"}
	evening := merge(days(1, 30, "2026-11", "晚"), map[string]string{"2026-11-07": "休", "2026-11-14": "休", "2026-11-21": "休", "2026-11-28": "休"})
	cases := []struct {
		name   string
		people []rotaPerson
		kind   string
		want   []string
	}{
		{"four rest days: nothing to say", []rotaPerson{{name: "甲", cells: fullWhite(fourRest)}}, staff.CheckRestDays, nil},
		{"three rest days", []rotaPerson{{name: "甲", cells: fullWhite(map[string]string{"2026-11-01": "休", "2026-11-08": "休", "2026-11-15": "休"})}},
			staff.CheckRestDays, []string{"甲 本月休息 3 天，规定 4 天"}},
		{"part of a month: rest days pro rata (4 x 15/30 = 2)", []rotaPerson{{name: "乙", joined: "2026-11-16",
			cells: merge(days(16, 30, "2026-11", "白"), map[string]string{"2026-11-22": "休"})}},
			staff.CheckRestDays, []string{"乙 本月休息 1 天，规定 2 天"}},
		{"days not planned", []rotaPerson{{name: "甲", cells: days(1, 10, "2026-11", "白")}},
			staff.CheckUnplanned, []string{"甲 本月有 20 天还没有排班"}},
		{"every day covered", []rotaPerson{{name: "甲", cells: fullWhite(fourRest)}, {name: "乙", cells: evening},
			{name: "丙", cells: map[string]string{"2026-11-01": "白", "2026-11-08": "白", "2026-11-15": "白", "2026-11-22": "白",
				"2026-11-07": "晚", "2026-11-14": "晚", "2026-11-21": "晚", "2026-11-28": "晚"}}},
			staff.CheckCoverage, []string{}},
		{"a day without its evening shift", []rotaPerson{{name: "甲", cells: fullWhite(nil)},
			{name: "乙", cells: merge(days(1, 30, "2026-11", "晚"), map[string]string{"2026-11-05": "休"})}},
			staff.CheckCoverage, []string{"2026-11-05 晚班 只排了 0 人，需要 1 人"}},
		{"两班 in one day overlap (白班 ends 17:30, 晚班 starts 17:00)", []rotaPerson{{name: "甲", cells: map[string]string{"2026-11-03": "白+晚"}}},
			staff.CheckOverlap, []string{"甲 2026-11-03 白班（08:30-17:30）和 2026-11-03 晚班（17:00-24:00）时间重叠"}},
		{"值班 then 白班 the next morning do not overlap", []rotaPerson{{name: "甲", cells: map[string]string{"2026-11-03": "值", "2026-11-04": "白"}}},
			staff.CheckOverlap, nil},
		{"值班 across midnight into an early shift", []rotaPerson{{name: "甲", cells: map[string]string{"2026-11-03": "值", "2026-11-04": "早"}}},
			staff.CheckOverlap, []string{"甲 2026-11-03 值班（17:00-次日02:00）和 2026-11-04 早班（00:00-08:00）时间重叠"}},
		{"planned before joining and after leaving", []rotaPerson{{name: "丁", joined: "2026-11-10", left: "2026-11-20",
			cells: map[string]string{"2026-11-09": "白", "2026-11-10": "白", "2026-11-21": "白"}}},
			staff.CheckOutside, []string{"丁 2026-11-09 不在职（入职 2026-11-10，离职 2026-11-20）却排了班", "丁 2026-11-21 不在职（入职 2026-11-10，离职 2026-11-20）却排了班"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			f := newFixture(t, nil)
			if _, err := f.s.SaveShift(ctx, staff.Shift{Name: "早班", Short: "早", Start: "00:00", End: "08:00", Need: 0, Active: true}); err != nil {
				t.Fatal(err)
			}
			for _, p := range c.people {
				// People who are on the rota are planned after their joining date too.
				st := f.person(staff.Staff{Name: p.name, Role: "cs_presale", Active: true, JoinedOn: p.joined, LeftOn: p.left}, "")
				f.rota(st.ID, p.cells)
			}
			r, err := f.s.Rota(ctx, "2026-11")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ch := range r.Checks {
				if ch.Kind == c.kind {
					got = append(got, ch.Text)
				}
			}
			if !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
				t.Fatalf("%s checks\n got %q\nwant %q", c.kind, got, c.want)
			}
		})
	}
}

func TestRotaCellsRefused(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	p := f.person(staff.Staff{Name: "甲", Role: "cs_presale", Active: true, LevelID: f.levelID("初级")}, "")
	shifts, err := f.s.Shifts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	white, evening, duty := shifts[0].ID, shifts[1].ID, shifts[2].ID
	cases := []struct {
		name string
		cell staff.RotaCell
		want string
	}{
		{"rest and a shift", staff.RotaCell{StaffID: p.ID, Day: "2026-11-03", Rest: true, ShiftIDs: []int64{white}}, "同一天不能既休息又上班"},
		{"three shifts", staff.RotaCell{StaffID: p.ID, Day: "2026-11-03", ShiftIDs: []int64{white, evening, duty}}, "一天最多排 2 个班次"},
		{"another month", staff.RotaCell{StaffID: p.ID, Day: "2026-12-01", ShiftIDs: []int64{white}}, "不在 2026年11月"},
		{"unknown person", staff.RotaCell{StaffID: 999, Day: "2026-11-03", ShiftIDs: []int64{white}}, "没有编号为 999 的员工"},
		{"unknown shift", staff.RotaCell{StaffID: p.ID, Day: "2026-11-03", ShiftIDs: []int64{999}}, "没有编号为 999 的班次"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.s.SetRota(ctx, "2026-11", []staff.RotaCell{{StaffID: p.ID, Day: "2026-11-02", ShiftIDs: []int64{white}}, c.cell})
			errContains(t, err, c.want)
			r, err := f.s.Rota(ctx, "2026-11")
			if err != nil || len(r.Cells) != 0 {
				t.Fatalf("all or none: cells %+v %v", r.Cells, err)
			}
		})
	}
	if _, _, err := staff.ParseCell(shifts, "夜"); err == nil {
		t.Fatal("an unknown shift name was read")
	}
	for text, want := range map[string]string{"白": "false [1]", "白班": "false [1]", "休": "true []", "白+晚": "false [1 2]", "晚、值": "false [2 3]", "": "false []"} {
		rest, ids, err := staff.ParseCell(shifts, text)
		if err != nil || fmtCell(rest, ids) != want {
			t.Errorf("ParseCell(%q) = %s %v, want %s", text, fmtCell(rest, ids), err, want)
		}
	}
}

func fmtCell(rest bool, ids []int64) string {
	s := "false"
	if rest {
		s = "true"
	}
	out := s + " ["
	for i, id := range ids {
		if i > 0 {
			out += " "
		}
		out += string(rune('0' + id))
	}
	return out + "]"
}

// Copying last month fills the empty cells weekday by weekday; planned cells stay.
func TestCopyRota(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	p := f.person(staff.Staff{Name: "甲", Role: "cs_presale", Active: true}, "")
	// October 2026 starts on a Thursday; its Mondays are the 5th, 12th, 19th, 26th.
	f.rota(p.ID, map[string]string{"2026-10-05": "休", "2026-10-06": "白", "2026-10-07": "晚", "2026-10-26": "值"})
	// November's Mondays: 2nd, 9th, 16th, 23rd, 30th. The 3rd is kept as planned.
	f.rota(p.ID, map[string]string{"2026-11-03": "晚"})
	r, n, err := f.s.CopyRota(ctx, "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range r.Cells {
		if c.Rest {
			got[c.Day] = "休"
		} else {
			got[c.Day] = string(rune('0' + c.ShiftIDs[0]))
		}
	}
	// 2nd (1st Monday) <- Oct 5th 休; 4th (1st Wednesday) <- Oct 7th 晚; 3rd kept;
	// 23rd (4th Monday) <- Oct 26th 值; 30th (5th Monday) <- the last Monday, Oct 26th.
	want := map[string]string{"2026-11-02": "休", "2026-11-03": "2", "2026-11-04": "2", "2026-11-23": "3", "2026-11-30": "3"}
	if n != 4 || len(got) != len(want) {
		t.Fatalf("copied %d: %v, want %v", n, got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}
