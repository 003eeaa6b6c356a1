package staff

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"shopdesk/db/sqldb"
)

// Leave types.
const (
	LeaveSick     = "sick"     // 病假
	LeavePersonal = "personal" // 事假
	LeaveAnnual   = "annual"   // 年假
	LeaveSwap     = "swap"     // 调休
)

// LeaveTypes lists the leave types in the order the form offers them.
var LeaveTypes = []string{LeaveSick, LeavePersonal, LeaveAnnual, LeaveSwap}

// LeaveName is the Chinese name of a leave type (Excel, CLI).
var LeaveName = map[string]string{LeaveSick: "病假", LeavePersonal: "事假", LeaveAnnual: "年假", LeaveSwap: "调休"}

// Leave is an approved leave, days inclusive. A rostered shift on a day of leave is not an
// absence.
type Leave struct {
	ID           int64  `json:"id"`
	StaffID      int64  `json:"staffId"`
	StaffName    string `json:"staffName"`
	Type         string `json:"type"`
	From         string `json:"from"`
	To           string `json:"to"`
	ApprovedBy   int64  `json:"approvedBy"`
	ApprovedName string `json:"approvedName"`
	Note         string `json:"note"`
	CreatedAt    string `json:"createdAt"`
	Cancelled    bool   `json:"cancelled"`
}

// maxLeaveDays: a longer leave is a typo in a date.
const maxLeaveDays = 90

// AddLeave records an approved leave.
func (s *Store) AddLeave(ctx context.Context, l Leave) (Leave, error) {
	l.Note = strings.TrimSpace(l.Note)
	if !slices.Contains(LeaveTypes, l.Type) {
		return Leave{}, fmt.Errorf("请假类型“%s”不对", l.Type)
	}
	from, err := parseDay(l.From)
	if err != nil {
		return Leave{}, err
	}
	to, err := parseDay(l.To)
	if err != nil {
		return Leave{}, err
	}
	if to.Before(from) {
		return Leave{}, fmt.Errorf("请假结束日期 %s 早于开始日期 %s", l.To, l.From)
	}
	if to.Sub(from).Hours()/24 >= maxLeaveDays {
		return Leave{}, fmt.Errorf("一次请假最多 %d 天：请分几次登记", maxLeaveDays)
	}
	if utf8.RuneCountInString(l.Note) > 200 {
		return Leave{}, errors.New("备注太长：最多 200 个字")
	}
	if l.ApprovedBy == 0 {
		return Leave{}, errors.New("请选择批准人")
	}
	var id int64
	err = s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		st, err := Get(ctx, q, l.StaffID)
		if err != nil {
			return err
		}
		approver, err := Get(ctx, q, l.ApprovedBy)
		if err != nil {
			return err
		}
		if approver.ID == st.ID {
			return fmt.Errorf("%s 不能自己批准自己的请假", st.Name)
		}
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			if d.Day() == 1 || d.Equal(from) {
				if err := closedError(ctx, q, fmtDay(d)); err != nil {
					return err
				}
			}
		}
		id, err = q.InsertLeave(ctx, sqldb.InsertLeaveParams{StaffID: st.ID, Type: l.Type, FromDay: l.From, ToDay: l.To,
			ApprovedBy: &approver.ID, ApprovedName: approver.Name, Note: l.Note, Now: utcNow()})
		if err != nil {
			return fmt.Errorf("leave of %s: %w", st.Name, err)
		}
		return nil
	})
	if err != nil {
		return Leave{}, err
	}
	list, err := s.leaves(ctx, s.db.Queries(), l.From, l.To)
	if err != nil {
		return Leave{}, err
	}
	for _, x := range list {
		if x.ID == id {
			return x, nil
		}
	}
	return Leave{}, fmt.Errorf("leave %d not found", id)
}

// CancelLeave cancels a leave entered by mistake (kept, marked cancelled).
func (s *Store) CancelLeave(ctx context.Context, id int64) error {
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		l, err := q.GetLeave(ctx, id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("没有编号为 %d 的请假记录", id)
		}
		if err != nil {
			return fmt.Errorf("leave %d: %w", id, err)
		}
		if err := closedError(ctx, q, l.FromDay); err != nil {
			return err
		}
		if err := closedError(ctx, q, l.ToDay); err != nil {
			return err
		}
		n, err := q.CancelLeave(ctx, sqldb.CancelLeaveParams{ID: id, Now: utcNow()})
		if err != nil {
			return fmt.Errorf("cancel leave %d: %w", id, err)
		}
		if n == 0 {
			return errors.New("这条请假已经取消了")
		}
		return nil
	})
}

func (s *Store) leaves(ctx context.Context, q *sqldb.Queries, from, to string) ([]Leave, error) {
	rows, err := q.ListLeaves(ctx, sqldb.ListLeavesParams{FromDay: from, ToDay: to})
	if err != nil {
		return nil, fmt.Errorf("list leave: %w", err)
	}
	out := make([]Leave, 0, len(rows))
	for _, r := range rows {
		out = append(out, Leave{ID: r.ID, StaffID: r.StaffID, StaffName: r.StaffName, Type: r.Type, From: r.FromDay,
			To: r.ToDay, ApprovedName: r.ApprovedName, Note: r.Note, CreatedAt: s.localOf(r.CreatedAt),
			Cancelled: r.CancelledAt != ""})
	}
	return out, nil
}

// Swap is a shift swap (调班): two people exchange their cells of a day.
type Swap struct {
	ID           int64  `json:"id"`
	Day          string `json:"day"`
	StaffA       int64  `json:"staffA"`
	NameA        string `json:"nameA"`
	StaffB       int64  `json:"staffB"`
	NameB        string `json:"nameB"`
	CellA        string `json:"cellA"` // a's shifts before the swap, as the rota writes them (白, 休, ...)
	CellB        string `json:"cellB"`
	ApprovedBy   int64  `json:"approvedBy"`
	ApprovedName string `json:"approvedName"`
	Note         string `json:"note"`
	CreatedAt    string `json:"createdAt"`
}

// SwapShifts exchanges two people's cells of a day, approved by a third person or the
// owner; the rota history keeps the cells before.
func (s *Store) SwapShifts(ctx context.Context, w Swap) (Swap, error) {
	w.Note = strings.TrimSpace(w.Note)
	if _, err := parseDay(w.Day); err != nil {
		return Swap{}, err
	}
	if w.StaffA == 0 || w.StaffB == 0 || w.StaffA == w.StaffB {
		return Swap{}, errors.New("调班要选两位不同的员工")
	}
	if w.ApprovedBy == 0 {
		return Swap{}, errors.New("请选择批准人")
	}
	var id int64
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if err := closedError(ctx, q, w.Day); err != nil {
			return err
		}
		a, err := Get(ctx, q, w.StaffA)
		if err != nil {
			return err
		}
		b, err := Get(ctx, q, w.StaffB)
		if err != nil {
			return err
		}
		approver, err := Get(ctx, q, w.ApprovedBy)
		if err != nil {
			return err
		}
		ca, err := readCell(ctx, q, a.ID, w.Day)
		if err != nil {
			return err
		}
		cb, err := readCell(ctx, q, b.ID, w.Day)
		if err != nil {
			return err
		}
		if ca.encode() == cb.encode() {
			return fmt.Errorf("%s 和 %s 在 %s 的排班一样，不用调班", a.Name, b.Name, w.Day)
		}
		for _, x := range []struct {
			p Staff
			c cell
		}{{a, cb}, {b, ca}} {
			if !x.c.empty() && !x.p.employed(w.Day) {
				return fmt.Errorf("%s 在 %s 不在职，不能调班", x.p.Name, w.Day)
			}
			if _, err := writeCell(ctx, q, x.p.ID, w.Day, x.c, "swap", nil); err != nil {
				return err
			}
		}
		shifts, err := shiftsByID(ctx, q)
		if err != nil {
			return err
		}
		id, err = q.InsertSwap(ctx, sqldb.InsertSwapParams{Day: w.Day, StaffA: a.ID, StaffB: b.ID,
			CellA: cellText(ca, shifts), CellB: cellText(cb, shifts), ApprovedBy: &approver.ID,
			ApprovedName: approver.Name, Note: w.Note, Now: utcNow()})
		if err != nil {
			return fmt.Errorf("shift swap: %w", err)
		}
		return nil
	})
	if err != nil {
		return Swap{}, err
	}
	list, err := s.swaps(ctx, s.db.Queries(), w.Day, w.Day)
	if err != nil {
		return Swap{}, err
	}
	for _, x := range list {
		if x.ID == id {
			return x, nil
		}
	}
	return Swap{}, fmt.Errorf("swap %d not found", id)
}

func (s *Store) swaps(ctx context.Context, q *sqldb.Queries, from, to string) ([]Swap, error) {
	rows, err := q.ListSwaps(ctx, sqldb.ListSwapsParams{FromDay: from, ToDay: to})
	if err != nil {
		return nil, fmt.Errorf("list swaps: %w", err)
	}
	out := make([]Swap, 0, len(rows))
	for _, r := range rows {
		out = append(out, Swap{ID: r.ID, Day: r.Day, StaffA: r.StaffA, NameA: r.NameA, StaffB: r.StaffB, NameB: r.NameB,
			CellA: r.CellA, CellB: r.CellB, ApprovedName: r.ApprovedName, Note: r.Note, CreatedAt: s.localOf(r.CreatedAt)})
	}
	return out, nil
}

// cellText writes a cell as the rota does: 休, 白, 白+晚, empty when not planned.
func cellText(c cell, shifts map[int64]Shift) string {
	if c.rest {
		return RestShort
	}
	var parts []string
	for _, id := range c.shifts {
		parts = append(parts, shifts[id].Short)
	}
	return strings.Join(parts, "+")
}
