package staff

import (
	"context"
	"slices"
	"strings"
	"time"
)

// AttendanceMonth is a month's attendance as the 考勤 tab shows it.
type AttendanceMonth struct {
	Month  string             `json:"month"`
	Closed bool               `json:"closed"`
	People []AttendancePerson `json:"people"`
	// Corrections touching the month's punches, newest first: the owner's history.
	Corrections []CorrectionRecord `json:"corrections"`
	Leaves      []Leave            `json:"leaves"`
	Swaps       []Swap             `json:"swaps"`
}

// AttendancePerson is one person's month: each rostered shift as attended, and the
// punches that belong to none (on a rest day, far from any shift).
type AttendancePerson struct {
	ID      int64         `json:"id"`
	Name    string        `json:"name"`
	Records []ShiftRecord `json:"records"`
	Strays  []Punch       `json:"strays"`
	Punches []Punch       `json:"punches"` // every punch of the month (for corrections)
}

// Attendance returns a month's attendance of everyone with a rostered shift or a punch.
func (s *Store) Attendance(ctx context.Context, month string) (AttendanceMonth, error) {
	m, err := ParseMonth(month)
	if err != nil {
		return AttendanceMonth{}, err
	}
	q := s.db.Queries()
	in, err := s.loadInput(ctx, q, m, m.First(), m.Last().AddDate(0, 0, 1))
	if err != nil {
		return AttendanceMonth{}, err
	}
	closed, err := monthClosed(ctx, q, m)
	if err != nil {
		return AttendanceMonth{}, err
	}
	out := AttendanceMonth{Month: m.String(), Closed: closed, People: []AttendancePerson{}}
	people, err := List(ctx, q)
	if err != nil {
		return AttendanceMonth{}, err
	}
	window := time.Duration(in.rules.PunchWindowH) * time.Hour
	inMonth := func(at string) bool { return m.Contains(at[:min(len(at), 10)]) }
	for _, p := range people {
		records, strays := attend(p.ID, in.rosterOf(p.ID), in.punches[p.ID], in.leaves[p.ID], in.now, window)
		records = slices.DeleteFunc(records, func(r ShiftRecord) bool { return !m.Contains(r.Day) })
		strays = slices.DeleteFunc(strays, func(x Punch) bool { return !inMonth(x.At) })
		punches := slices.DeleteFunc(slices.Clone(in.punches[p.ID]), func(x Punch) bool { return !inMonth(x.At) })
		if len(records) == 0 && len(punches) == 0 {
			continue
		}
		out.People = append(out.People, AttendancePerson{ID: p.ID, Name: p.Name, Records: nonNil(records),
			Strays: nonNil(strays), Punches: nonNil(punches)})
	}
	from, to := fmtDay(m.First()), fmtDay(m.Next().First())
	if out.Corrections, err = s.corrections(ctx, q, from, to); err != nil {
		return AttendanceMonth{}, err
	}
	if out.Leaves, err = s.leaves(ctx, q, from, fmtDay(m.Last())); err != nil {
		return AttendanceMonth{}, err
	}
	if out.Swaps, err = s.swaps(ctx, q, from, fmtDay(m.Last())); err != nil {
		return AttendanceMonth{}, err
	}
	slices.SortStableFunc(out.People, func(a, b AttendancePerson) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
