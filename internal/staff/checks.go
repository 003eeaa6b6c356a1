package staff

import (
	"fmt"
	"slices"
	"strings"
)

// Rota check kinds.
const (
	CheckRestDays  = "rest_days"          // a person's rest days (休) differ from the rule
	CheckUnplanned = "unplanned"          // days of a person on the rota with nothing planned
	CheckCoverage  = "coverage"           // a day with fewer people on a shift than it needs
	CheckOverlap   = "overlap"            // one person on two shifts whose times overlap
	CheckOutside   = "outside_employment" // planned before joining or after leaving
)

// CheckKinds lists the check kinds in the order the rota shows them.
var CheckKinds = []string{CheckCoverage, CheckOverlap, CheckRestDays, CheckUnplanned, CheckOutside}

// Check is one thing the rota check found.
type Check struct {
	Kind      string `json:"kind"`
	StaffID   int64  `json:"staffId"`
	StaffName string `json:"staffName"`
	Day       string `json:"day"`
	ShiftID   int64  `json:"shiftId"`
	ShiftName string `json:"shiftName"`
	Other     string `json:"other"`    // overlap: the other shift
	OtherDay  string `json:"otherDay"` // overlap: the other shift's day
	Got       int    `json:"got"`
	Want      int    `json:"want"`
	Text      string `json:"text"` // in Chinese (CLI, tests)
}

// checkRota checks a month's rota: rest days per person (the rule, pro rata for part of a
// month), days left unplanned, coverage of each shift each day, and overlapping shifts of
// one person (also across midnight, with the days around the month). People with nothing
// planned in the month are not on the rota and not checked; coverage is checked once the
// month has any plan.
func checkRota(m Month, people []Staff, shifts []Shift, cells map[int64]map[string]cell, restDays int) []Check {
	byID := map[int64]Shift{}
	for _, sh := range shifts {
		byID[sh.ID] = sh
	}
	var out []Check
	anyPlan := false
	for _, p := range people {
		planned := false
		for day, c := range cells[p.ID] {
			if m.Contains(day) && !c.empty() {
				planned = true
			}
		}
		if !planned {
			continue
		}
		anyPlan = true
		employed, rest, unplanned := 0, 0, 0
		for i := 1; i <= m.Days(); i++ {
			day := fmtDay(m.Day(i))
			c := cells[p.ID][day]
			if !p.employed(day) {
				if !c.empty() {
					out = append(out, Check{Kind: CheckOutside, StaffID: p.ID, StaffName: p.Name, Day: day,
						Text: fmt.Sprintf("%s %s 不在职（入职 %s，离职 %s）却排了班", p.Name, day, orDash(p.JoinedOn), orDash(p.LeftOn))})
				}
				continue
			}
			employed++
			switch {
			case c.rest:
				rest++
			case c.empty():
				unplanned++
			}
		}
		want := restDays
		if employed < m.Days() {
			want = (restDays*employed*2 + m.Days()) / (2 * m.Days()) // rounded half up
		}
		if rest != want {
			out = append(out, Check{Kind: CheckRestDays, StaffID: p.ID, StaffName: p.Name, Got: rest, Want: want,
				Text: fmt.Sprintf("%s 本月休息 %d 天，规定 %d 天", p.Name, rest, want)})
		}
		if unplanned > 0 {
			out = append(out, Check{Kind: CheckUnplanned, StaffID: p.ID, StaffName: p.Name, Got: unplanned,
				Text: fmt.Sprintf("%s 本月有 %d 天还没有排班", p.Name, unplanned)})
		}
		out = append(out, overlaps(m, p, byID, cells[p.ID])...)
	}
	if anyPlan {
		for i := 1; i <= m.Days(); i++ {
			day := fmtDay(m.Day(i))
			for _, sh := range shifts {
				if !sh.Active || sh.Need == 0 {
					continue
				}
				got := 0
				for _, p := range people {
					if slices.Contains(cells[p.ID][day].shifts, sh.ID) && p.employed(day) {
						got++
					}
				}
				if got < sh.Need {
					out = append(out, Check{Kind: CheckCoverage, Day: day, ShiftID: sh.ID, ShiftName: sh.Name, Got: got, Want: sh.Need,
						Text: fmt.Sprintf("%s %s 只排了 %d 人，需要 %d 人", day, sh.Name, got, sh.Need)})
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Check) int {
		if c := slices.Index(CheckKinds, a.Kind) - slices.Index(CheckKinds, b.Kind); c != 0 {
			return c
		}
		return strings.Compare(a.Day, b.Day)
	})
	return out
}

// overlaps finds a person's shifts whose times overlap, in the month and across its edges.
func overlaps(m Month, p Staff, shifts map[int64]Shift, days map[string]cell) []Check {
	var list []rostered
	for i := 0; i <= m.Days()+1; i++ {
		d := m.First().AddDate(0, 0, i-1)
		for _, id := range days[fmtDay(d)].shifts {
			if sh, ok := shifts[id]; ok {
				start, end := sh.at(d)
				list = append(list, rostered{day: d, shift: sh, start: start, end: end})
			}
		}
	}
	slices.SortStableFunc(list, func(a, b rostered) int { return a.start.Compare(b.start) })
	var out []Check
	for i := range list {
		for j := i + 1; j < len(list) && list[j].start.Before(list[i].end); j++ {
			a, b := list[i], list[j]
			if !m.Contains(fmtDay(a.day)) && !m.Contains(fmtDay(b.day)) {
				continue
			}
			out = append(out, Check{Kind: CheckOverlap, StaffID: p.ID, StaffName: p.Name, Day: fmtDay(a.day),
				ShiftID: a.shift.ID, ShiftName: a.shift.Name, Other: b.shift.Name, OtherDay: fmtDay(b.day),
				Text: fmt.Sprintf("%s %s %s（%s）和 %s %s（%s）时间重叠", p.Name, fmtDay(a.day), a.shift.Name, a.shift.Hours(),
					fmtDay(b.day), b.shift.Name, b.shift.Hours())})
		}
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
