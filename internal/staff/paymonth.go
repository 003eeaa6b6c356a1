package staff

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"shopdesk/db/sqldb"
)

// loadInput reads what the payslips of month depend on, with the rota, punches and leave
// of [from, to] (days) and the days around them (night shifts, punches after midnight).
func (s *Store) loadInput(ctx context.Context, q *sqldb.Queries, m Month, from, to time.Time) (payInput, error) {
	in := payInput{month: m, now: s.wallNow()}
	var err error
	if in.rules, err = loadRules(ctx, q); err != nil {
		return in, err
	}
	people, err := List(ctx, q)
	if err != nil {
		return in, err
	}
	first, last := fmtDay(m.First()), fmtDay(m.Last())
	for _, p := range people {
		inMonth := (p.JoinedOn == "" || p.JoinedOn <= last) && (p.LeftOn == "" || p.LeftOn >= first)
		if p.LevelID != 0 && inMonth && (p.Active || p.LeftOn != "") {
			in.people = append(in.people, p)
		}
	}
	if in.shifts, err = shiftsByID(ctx, q); err != nil {
		return in, err
	}
	if in.cells, err = readCells(ctx, q, from.AddDate(0, 0, -1), to); err != nil {
		return in, err
	}
	if in.punches, err = readPunches(ctx, q, from.AddDate(0, 0, -1), to.AddDate(0, 0, 2)); err != nil {
		return in, err
	}
	leaves, err := q.ListLeaves(ctx, sqldb.ListLeavesParams{FromDay: fmtDay(from.AddDate(0, 0, -1)), ToDay: fmtDay(to)})
	if err != nil {
		return in, fmt.Errorf("read leave: %w", err)
	}
	in.leaves = map[int64][]leaveSpan{}
	for _, l := range leaves {
		if l.CancelledAt == "" {
			in.leaves[l.StaffID] = append(in.leaves[l.StaffID], leaveSpan{Type: l.Type, From: l.FromDay, To: l.ToDay})
		}
	}
	incidents, err := q.ListIncidents(ctx, sqldb.ListIncidentsParams{FromDay: first, ToDay: last})
	if err != nil {
		return in, fmt.Errorf("read service penalties: %w", err)
	}
	in.incidents = map[int64][]Incident{}
	for _, i := range incidents {
		in.incidents[i.StaffID] = append(in.incidents[i.StaffID], incidentOf(sqldb.ListIncidentsRow(i)))
	}
	inputs, err := q.ListPayInputs(ctx, m.String())
	if err != nil {
		return in, fmt.Errorf("read team scores: %w", err)
	}
	in.scores = map[int64]int{}
	for _, r := range inputs {
		if r.TeamScore != nil {
			in.scores[r.StaffID] = int(*r.TeamScore)
		}
	}
	return in, nil
}

func incidentOf(r sqldb.ListIncidentsRow) Incident {
	return Incident{ID: r.ID, StaffID: r.StaffID, StaffName: r.StaffName, Day: r.Day, Kind: r.Kind, Count: int(r.Count),
		Note: r.Note, Imported: r.BatchID != nil}
}

// PayMonth is a month's payroll: live while open, the frozen payslips once closed.
type PayMonth struct {
	Month    string     `json:"month"`
	Closed   bool       `json:"closed"`
	ClosedAt string     `json:"closedAt"` // shop-local
	ClosedBy string     `json:"closedBy"`
	Payslips []Payslip  `json:"payslips"`
	Events   []PayEvent `json:"events"`
	// Running: the month is not over yet (shifts still to come are not counted).
	Running bool `json:"running"`
	// CreditSource: credited sales are connected (else commission is 0 for everyone).
	CreditSource bool `json:"creditSource"`
}

// PayEvent is a closing or reopening of a month.
type PayEvent struct {
	ID        int64  `json:"id"`
	Action    string `json:"action"` // close, reopen
	ActorName string `json:"actorName"`
	Reason    string `json:"reason"`
	At        string `json:"at"` // shop-local
}

// compute computes a month's payslips now.
func (s *Store) compute(ctx context.Context, q *sqldb.Queries, m Month) ([]Payslip, error) {
	in, err := s.loadInput(ctx, q, m, m.First(), m.Last().AddDate(0, 0, 1))
	if err != nil {
		return nil, err
	}
	if s.credits != nil {
		in.creditSource = true
		in.credited, err = s.credits.CreditedSales(ctx, fmtDay(m.First()), fmtDay(m.Last()))
		if err != nil {
			return nil, fmt.Errorf("credited sales of %s: %w", m.Name(), err)
		}
	}
	return computePayslips(in), nil
}

// Payroll returns a month's payslips: computed now while the month is open, as closed
// once it is.
func (s *Store) Payroll(ctx context.Context, month string) (PayMonth, error) {
	m, err := ParseMonth(month)
	if err != nil {
		return PayMonth{}, err
	}
	q := s.db.Queries()
	out := PayMonth{Month: m.String(), CreditSource: s.credits != nil,
		Running: !s.wallNow().After(m.Last().AddDate(0, 0, 1))}
	closed, err := q.GetPayMonth(ctx, m.String())
	switch {
	case err == nil:
		out.Closed, out.ClosedAt, out.ClosedBy = true, s.localOf(closed.ClosedAt), closed.ClosedName
		if err := json.Unmarshal([]byte(closed.Payslips), &out.Payslips); err != nil {
			return PayMonth{}, fmt.Errorf("payslips of closed %s: %w", m.Name(), err)
		}
		out.Running = false
	case errors.Is(err, sql.ErrNoRows):
		if out.Payslips, err = s.compute(ctx, q, m); err != nil {
			return PayMonth{}, err
		}
	default:
		return PayMonth{}, fmt.Errorf("month %s: %w", m, err)
	}
	events, err := q.ListPayMonthEvents(ctx, m.String())
	if err != nil {
		return PayMonth{}, fmt.Errorf("history of %s: %w", m, err)
	}
	out.Events = []PayEvent{}
	for _, e := range events {
		out.Events = append(out.Events, PayEvent{ID: e.ID, Action: e.Action, ActorName: e.ActorName, Reason: e.Reason, At: s.localOf(e.At)})
	}
	return out, nil
}

// CloseMonth freezes a month's payslips as they are now, confirmed by the owner.
func (s *Store) CloseMonth(ctx context.Context, month string, owner Auth) (PayMonth, error) {
	m, err := ParseMonth(month)
	if err != nil {
		return PayMonth{}, err
	}
	boss, err := s.Owner(ctx, owner)
	if err != nil {
		return PayMonth{}, err
	}
	err = s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if closed, err := monthClosed(ctx, q, m); err != nil {
			return err
		} else if closed {
			return fmt.Errorf("%s已经结账了", m.Name())
		}
		slips, err := s.compute(ctx, q, m)
		if err != nil {
			return err
		}
		data, err := json.Marshal(slips)
		if err != nil {
			return fmt.Errorf("payslips of %s: %w", m.Name(), err)
		}
		now := utcNow()
		if err := q.InsertPayMonth(ctx, sqldb.InsertPayMonthParams{Month: m.String(), Now: now, ClosedBy: &boss.ID,
			ClosedName: boss.Name, Payslips: string(data)}); err != nil {
			return fmt.Errorf("close %s: %w", m.Name(), err)
		}
		return q.InsertPayMonthEvent(ctx, sqldb.InsertPayMonthEventParams{Month: m.String(), Action: "close",
			ActorID: &boss.ID, ActorName: boss.Name, Payslips: string(data), Now: now})
	})
	if err != nil {
		return PayMonth{}, err
	}
	return s.Payroll(ctx, month)
}

// ReopenMonth opens a closed month again, confirmed by the owner with a reason; the
// payslips it was closed with stay in its history.
func (s *Store) ReopenMonth(ctx context.Context, month, reason string, owner Auth) (PayMonth, error) {
	m, err := ParseMonth(month)
	if err != nil {
		return PayMonth{}, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return PayMonth{}, errors.New("请写明重新打开的原因")
	}
	boss, err := s.Owner(ctx, owner)
	if err != nil {
		return PayMonth{}, err
	}
	err = s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		closed, err := q.GetPayMonth(ctx, m.String())
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%s没有结账，不需要重新打开", m.Name())
		}
		if err != nil {
			return fmt.Errorf("month %s: %w", m, err)
		}
		if _, err := q.DeletePayMonth(ctx, m.String()); err != nil {
			return fmt.Errorf("reopen %s: %w", m.Name(), err)
		}
		return q.InsertPayMonthEvent(ctx, sqldb.InsertPayMonthEventParams{Month: m.String(), Action: "reopen",
			ActorID: &boss.ID, ActorName: boss.Name, Reason: reason, Payslips: closed.Payslips, Now: utcNow()})
	})
	if err != nil {
		return PayMonth{}, err
	}
	return s.Payroll(ctx, month)
}

// SetTeamScore enters a person's team score for a month (0-100; nil clears it), by the
// owner.
func (s *Store) SetTeamScore(ctx context.Context, month string, staffID int64, score *int, owner Auth) error {
	m, err := ParseMonth(month)
	if err != nil {
		return err
	}
	if score != nil && (*score < 0 || *score > 100) {
		return fmt.Errorf("团队评分 %d 不在 0 到 100 之间", *score)
	}
	boss, err := s.Owner(ctx, owner)
	if err != nil {
		return err
	}
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if err := closedError(ctx, q, fmtDay(m.First())); err != nil {
			return err
		}
		if _, err := Get(ctx, q, staffID); err != nil {
			return err
		}
		var v *int64
		if score != nil {
			x := int64(*score)
			v = &x
		}
		if err := q.PutTeamScore(ctx, sqldb.PutTeamScoreParams{Month: m.String(), StaffID: staffID, TeamScore: v,
			SetBy: boss.Name, Now: utcNow()}); err != nil {
			return fmt.Errorf("team score: %w", err)
		}
		return nil
	})
}

// Incidents lists a month's service penalties.
func (s *Store) Incidents(ctx context.Context, month string) ([]Incident, error) {
	m, err := ParseMonth(month)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Queries().ListIncidents(ctx, sqldb.ListIncidentsParams{FromDay: fmtDay(m.First()), ToDay: fmtDay(m.Last())})
	if err != nil {
		return nil, fmt.Errorf("service penalties: %w", err)
	}
	out := make([]Incident, 0, len(rows))
	for _, r := range rows {
		out = append(out, incidentOf(r))
	}
	return out, nil
}

// AddIncident enters a service penalty (entered by hand; imports use addIncidents).
func (s *Store) AddIncident(ctx context.Context, i Incident) (Incident, error) {
	var id int64
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		ids, err := addIncidents(ctx, q, nil, []Incident{i})
		if err == nil {
			id = ids[0]
		}
		return err
	})
	if err != nil {
		return Incident{}, err
	}
	list, err := s.Incidents(ctx, i.Day[:7])
	if err != nil {
		return Incident{}, err
	}
	for _, x := range list {
		if x.ID == id {
			return x, nil
		}
	}
	return Incident{}, fmt.Errorf("service penalty %d not found", id)
}

func addIncidents(ctx context.Context, q *sqldb.Queries, batchID *int64, list []Incident) ([]int64, error) {
	var ids []int64
	for _, i := range list {
		i.Note = strings.TrimSpace(i.Note)
		if !slices.Contains(IncidentKinds, i.Kind) {
			return nil, fmt.Errorf("客服考核类型“%s”不对", i.Kind)
		}
		if i.Count < 1 || i.Count > 10000 {
			return nil, fmt.Errorf("次数 %d 不对：至少 1 次", i.Count)
		}
		if _, err := parseDay(i.Day); err != nil {
			return nil, err
		}
		if _, err := Get(ctx, q, i.StaffID); err != nil {
			return nil, err
		}
		if err := closedError(ctx, q, i.Day); err != nil {
			return nil, err
		}
		id, err := q.InsertIncident(ctx, sqldb.InsertIncidentParams{StaffID: i.StaffID, Day: i.Day, Kind: i.Kind,
			Count: int64(i.Count), Note: i.Note, BatchID: batchID, Now: utcNow()})
		if err != nil {
			return nil, fmt.Errorf("service penalty: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// DeleteIncident removes a service penalty entered by mistake.
func (s *Store) DeleteIncident(ctx context.Context, id int64) error {
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		i, err := q.GetIncident(ctx, id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("没有编号为 %d 的客服考核记录", id)
		}
		if err != nil {
			return fmt.Errorf("service penalty %d: %w", id, err)
		}
		if err := closedError(ctx, q, i.Day); err != nil {
			return err
		}
		if _, err := q.DeleteIncident(ctx, id); err != nil {
			return fmt.Errorf("delete service penalty %d: %w", id, err)
		}
		return nil
	})
}
