package staff

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"shopdesk/db/sqldb"
)

// RotaCell is one cell of the rota: a person's day. Rest is 休; no shifts and no rest is
// not planned.
type RotaCell struct {
	StaffID  int64   `json:"staffId"`
	Day      string  `json:"day"`
	Rest     bool    `json:"rest"`
	ShiftIDs []int64 `json:"shiftIds"`
}

// cell is a cell's content.
type cell struct {
	rest   bool
	shifts []int64
}

// encode is how rota_change keeps a cell: empty when not planned, 'rest', or shift ids '1,2'.
func (c cell) encode() string {
	if c.rest {
		return "rest"
	}
	parts := make([]string, len(c.shifts))
	for i, id := range c.shifts {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}

func decodeCell(s string) cell {
	if s == "rest" {
		return cell{rest: true}
	}
	var c cell
	for _, p := range strings.Split(s, ",") {
		if id, err := strconv.ParseInt(p, 10, 64); err == nil {
			c.shifts = append(c.shifts, id)
		}
	}
	return c
}

func (c cell) empty() bool { return !c.rest && len(c.shifts) == 0 }

// maxShiftsPerDay keeps a cell readable; a third shift in one day is a typo.
const maxShiftsPerDay = 2

// RotaDay is a column of the rota.
type RotaDay struct {
	Day     string `json:"day"`
	Date    int    `json:"date"`
	Weekday int    `json:"weekday"` // 0 Sunday
}

// RotaPerson is a row of the rota.
type RotaPerson struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Role     string `json:"role"`
	JoinedOn string `json:"joinedOn"`
	LeftOn   string `json:"leftOn"`
	Active   bool   `json:"active"`
	RestDays int    `json:"restDays"` // 休 this month
	WorkDays int    `json:"workDays"` // days with a shift
}

// RotaMonth is the rota of a month with its checks.
type RotaMonth struct {
	Month  string       `json:"month"`
	Days   []RotaDay    `json:"days"`
	People []RotaPerson `json:"people"`
	Shifts []Shift      `json:"shifts"`
	Cells  []RotaCell   `json:"cells"` // planned cells only
	Checks []Check      `json:"checks"`
	Closed bool         `json:"closed"`
	// RestDays is the rule the rest-day check uses.
	RestDays int `json:"restDays"`
}

// readCells reads the cells of [from, to] (days).
func readCells(ctx context.Context, q *sqldb.Queries, from, to time.Time) (map[int64]map[string]cell, error) {
	rows, err := q.ListRotaEntries(ctx, sqldb.ListRotaEntriesParams{FromDay: fmtDay(from), ToDay: fmtDay(to)})
	if err != nil {
		return nil, fmt.Errorf("read rota: %w", err)
	}
	out := map[int64]map[string]cell{}
	for _, r := range rows {
		if out[r.StaffID] == nil {
			out[r.StaffID] = map[string]cell{}
		}
		c := out[r.StaffID][r.Day]
		if r.ShiftID == nil {
			c.rest = true
		} else {
			c.shifts = append(c.shifts, *r.ShiftID)
		}
		out[r.StaffID][r.Day] = c
	}
	return out, nil
}

func readCell(ctx context.Context, q *sqldb.Queries, staffID int64, day string) (cell, error) {
	ids, err := q.ListRotaCell(ctx, sqldb.ListRotaCellParams{StaffID: staffID, Day: day})
	if err != nil {
		return cell{}, fmt.Errorf("read rota cell: %w", err)
	}
	var c cell
	for _, id := range ids {
		if id == nil {
			c.rest = true
		} else {
			c.shifts = append(c.shifts, *id)
		}
	}
	return c, nil
}

// writeCell replaces a cell and records the change (nothing when it is the same).
func writeCell(ctx context.Context, q *sqldb.Queries, staffID int64, day string, c cell, source string, batchID *int64) (bool, error) {
	old, err := readCell(ctx, q, staffID, day)
	if err != nil {
		return false, err
	}
	if old.encode() == c.encode() {
		return false, nil
	}
	if err := q.DeleteRotaCell(ctx, sqldb.DeleteRotaCellParams{StaffID: staffID, Day: day}); err != nil {
		return false, fmt.Errorf("clear rota cell %s: %w", day, err)
	}
	now := utcNow()
	add := func(shift *int64) error {
		return q.InsertRotaEntry(ctx, sqldb.InsertRotaEntryParams{StaffID: staffID, Day: day, ShiftID: shift, BatchID: batchID, Now: now})
	}
	if c.rest {
		err = add(nil)
	}
	for _, id := range c.shifts {
		if err == nil {
			id := id
			err = add(&id)
		}
	}
	if err != nil {
		return false, fmt.Errorf("write rota cell %s: %w", day, err)
	}
	if err := q.InsertRotaChange(ctx, sqldb.InsertRotaChangeParams{StaffID: staffID, Day: day, OldValue: old.encode(),
		NewValue: c.encode(), Source: source, BatchID: batchID, At: now}); err != nil {
		return false, fmt.Errorf("rota history %s: %w", day, err)
	}
	return true, nil
}

// checkCell validates a cell a user or an import gives.
func checkCell(c RotaCell, people map[int64]Staff, shifts map[int64]Shift) (cell, error) {
	p, ok := people[c.StaffID]
	if !ok {
		return cell{}, fmt.Errorf("没有编号为 %d 的员工", c.StaffID)
	}
	if _, err := parseDay(c.Day); err != nil {
		return cell{}, err
	}
	out := cell{rest: c.Rest}
	for _, id := range c.ShiftIDs {
		sh, ok := shifts[id]
		if !ok {
			return cell{}, fmt.Errorf("没有编号为 %d 的班次", id)
		}
		if !sh.Active {
			return cell{}, fmt.Errorf("班次“%s”已停用，不能再排", sh.Name)
		}
		if !slices.Contains(out.shifts, id) {
			out.shifts = append(out.shifts, id)
		}
	}
	slices.Sort(out.shifts)
	switch {
	case out.rest && len(out.shifts) > 0:
		return cell{}, fmt.Errorf("%s %s：同一天不能既休息又上班", p.Name, c.Day)
	case len(out.shifts) > maxShiftsPerDay:
		return cell{}, fmt.Errorf("%s %s：一天最多排 %d 个班次", p.Name, c.Day, maxShiftsPerDay)
	}
	return out, nil
}

// closedError refuses a change to a closed month.
func closedError(ctx context.Context, q *sqldb.Queries, day string) error {
	if len(day) < 7 {
		return nil
	}
	m, err := ParseMonth(day[:7])
	if err != nil {
		return err
	}
	closed, err := monthClosed(ctx, q, m)
	if err != nil {
		return err
	}
	if closed {
		return fmt.Errorf("%s已经结账，不能再改：请老板先在“工资”里重新打开这个月", m.Name())
	}
	return nil
}

func monthClosed(ctx context.Context, q *sqldb.Queries, m Month) (bool, error) {
	_, err := q.GetPayMonth(ctx, m.String())
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("month %s: %w", m, err)
	}
	return true, nil
}

// setCells writes cells in the caller's transaction; source says who (edit, copy,
// import). It returns how many cells changed.
func setCells(ctx context.Context, q *sqldb.Queries, cells []RotaCell, source string, batchID *int64) (int, error) {
	people, err := peopleByID(ctx, q)
	if err != nil {
		return 0, err
	}
	shifts, err := shiftsByID(ctx, q)
	if err != nil {
		return 0, err
	}
	checked := map[string]bool{}
	changed := 0
	for _, rc := range cells {
		c, err := checkCell(rc, people, shifts)
		if err != nil {
			return 0, err
		}
		if m := rc.Day[:7]; !checked[m] {
			if err := closedError(ctx, q, rc.Day); err != nil {
				return 0, err
			}
			checked[m] = true
		}
		ok, err := writeCell(ctx, q, rc.StaffID, rc.Day, c, source, batchID)
		if err != nil {
			return 0, err
		}
		if ok {
			changed++
		}
	}
	return changed, nil
}

func peopleByID(ctx context.Context, q *sqldb.Queries) (map[int64]Staff, error) {
	list, err := List(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]Staff, len(list))
	for _, p := range list {
		out[p.ID] = p
	}
	return out, nil
}

func shiftsByID(ctx context.Context, q *sqldb.Queries) (map[int64]Shift, error) {
	list, err := listShifts(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]Shift, len(list))
	for _, sh := range list {
		out[sh.ID] = sh
	}
	return out, nil
}

// SetRota changes cells of the rota (all or none) and returns the month as it is now.
func (s *Store) SetRota(ctx context.Context, month string, cells []RotaCell) (RotaMonth, error) {
	m, err := ParseMonth(month)
	if err != nil {
		return RotaMonth{}, err
	}
	for _, c := range cells {
		if !m.Contains(c.Day) {
			return RotaMonth{}, fmt.Errorf("日期 %s 不在 %s", c.Day, m.Name())
		}
	}
	if err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		_, err := setCells(ctx, q, cells, "edit", nil)
		return err
	}); err != nil {
		return RotaMonth{}, err
	}
	return s.Rota(ctx, month)
}

// CopyRota fills the month's empty cells from the month before, weekday by weekday (the
// first Monday takes the previous month's first Monday, and so on; days after the
// previous month's last such weekday take the last one). Planned cells are kept.
func (s *Store) CopyRota(ctx context.Context, month string) (RotaMonth, int, error) {
	m, err := ParseMonth(month)
	if err != nil {
		return RotaMonth{}, 0, err
	}
	prev := m.Prev()
	n := 0
	err = s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		from, err := readCells(ctx, q, prev.First(), prev.Last())
		if err != nil {
			return err
		}
		if len(from) == 0 {
			return fmt.Errorf("%s没有排班，没有可以复制的", prev.Name())
		}
		now, err := readCells(ctx, q, m.First(), m.Last())
		if err != nil {
			return err
		}
		people, err := peopleByID(ctx, q)
		if err != nil {
			return err
		}
		shifts, err := shiftsByID(ctx, q)
		if err != nil {
			return err
		}
		var cells []RotaCell
		for id, days := range from {
			p := people[id]
			if !p.Active {
				continue
			}
			for i := 1; i <= m.Days(); i++ {
				d := m.Day(i)
				day := fmtDay(d)
				if !now[id][day].empty() || !p.employed(day) {
					continue
				}
				src := sameWeekday(prev, d)
				c, ok := days[fmtDay(src)]
				if !ok {
					continue
				}
				c.shifts = slices.DeleteFunc(slices.Clone(c.shifts), func(id int64) bool { return !shifts[id].Active })
				if c.empty() {
					continue
				}
				cells = append(cells, RotaCell{StaffID: id, Day: day, Rest: c.rest, ShiftIDs: c.shifts})
			}
		}
		n, err = setCells(ctx, q, cells, "copy", nil)
		return err
	})
	if err != nil {
		return RotaMonth{}, 0, err
	}
	r, err := s.Rota(ctx, month)
	return r, n, err
}

// sameWeekday is the day of month prev with d's weekday and its week of the month.
func sameWeekday(prev Month, d time.Time) time.Time {
	week := (d.Day() - 1) / 7
	first := prev.First()
	offset := (int(d.Weekday()) - int(first.Weekday()) + 7) % 7
	src := first.AddDate(0, 0, offset+7*week)
	for src.Month() != prev.Mon {
		src = src.AddDate(0, 0, -7)
	}
	return src
}

// Rota returns a month's rota: the people (active ones, and anyone planned that month),
// the cells and the checks.
func (s *Store) Rota(ctx context.Context, month string) (RotaMonth, error) {
	m, err := ParseMonth(month)
	if err != nil {
		return RotaMonth{}, err
	}
	q := s.db.Queries()
	people, err := List(ctx, q)
	if err != nil {
		return RotaMonth{}, err
	}
	shifts, err := listShifts(ctx, q)
	if err != nil {
		return RotaMonth{}, err
	}
	// The day after the month too: its shifts may overlap the month's last night shift.
	cells, err := readCells(ctx, q, m.First().AddDate(0, 0, -1), m.Last().AddDate(0, 0, 1))
	if err != nil {
		return RotaMonth{}, err
	}
	rules, err := loadRules(ctx, q)
	if err != nil {
		return RotaMonth{}, err
	}
	closed, err := monthClosed(ctx, q, m)
	if err != nil {
		return RotaMonth{}, err
	}
	out := RotaMonth{Month: m.String(), Shifts: shifts, Closed: closed, RestDays: rules.RestDays,
		Days: []RotaDay{}, People: []RotaPerson{}, Cells: []RotaCell{}}
	for i := 1; i <= m.Days(); i++ {
		d := m.Day(i)
		out.Days = append(out.Days, RotaDay{Day: fmtDay(d), Date: i, Weekday: int(d.Weekday())})
	}
	var rows []Staff
	for _, p := range people {
		planned := false
		for day := range cells[p.ID] {
			planned = planned || m.Contains(day)
		}
		inMonth := (p.JoinedOn == "" || p.JoinedOn <= fmtDay(m.Last())) && (p.LeftOn == "" || p.LeftOn >= fmtDay(m.First()))
		if planned || (p.Active && inMonth) {
			rows = append(rows, p)
		}
	}
	for _, p := range rows {
		rp := RotaPerson{ID: p.ID, Name: p.Name, Role: p.Role, JoinedOn: p.JoinedOn, LeftOn: p.LeftOn, Active: p.Active}
		for day, c := range cells[p.ID] {
			if !m.Contains(day) {
				continue
			}
			if c.rest {
				rp.RestDays++
			} else if len(c.shifts) > 0 {
				rp.WorkDays++
			}
			out.Cells = append(out.Cells, RotaCell{StaffID: p.ID, Day: day, Rest: c.rest, ShiftIDs: c.shifts})
		}
		out.People = append(out.People, rp)
	}
	slices.SortFunc(out.Cells, func(a, b RotaCell) int {
		if a.StaffID != b.StaffID {
			return int(a.StaffID - b.StaffID)
		}
		return strings.Compare(a.Day, b.Day)
	})
	out.Checks = checkRota(m, rows, shifts, cells, rules.RestDays)
	return out, nil
}
