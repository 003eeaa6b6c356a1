package inquiry

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/shop"
)

// FollowUp is one planned contact with a customer: an inquiry's next follow-up (跟进) or a
// step of the 1-3-10-30 revisit plan (回访). There is never more than one per customer,
// kind and day ("never contact the same buyer twice for the same thing").
type FollowUp struct {
	ID         int64  `json:"id"`
	Customer   string `json:"customer"`
	Kind       string `json:"kind"` // follow_up, revisit
	DueOn      string `json:"dueOn"`
	Step       int64  `json:"step"` // the revisit day: 1, 3, 10, 30 (0 for follow-ups)
	InquiryID  int64  `json:"inquiryId"`
	AgentID    int64  `json:"agentId"`
	AgentName  string `json:"agentName"`
	State      string `json:"state"` // open, done, canceled
	Note       string `json:"note"`  // what was said
	DoneAt     string `json:"doneAt"`
	Products   string `json:"products"` // of the inquiry it follows
	Channel    string `json:"channel"`
	Outcome    string `json:"outcome"`
	AskedOn    string `json:"askedOn"`
	FollowNote string `json:"followNote"`
	Overdue    bool   `json:"overdue"` // open and due before today
}

// FollowUps is the follow-up list of a day: what is due today or overdue, and what was
// done today (so the list shows the day's work).
type FollowUps struct {
	Today string     `json:"today"`
	Rows  []FollowUp `json:"rows"`
	Due   int64      `json:"due"` // open, due today or before
}

// afterWrite keeps the follow-ups in step with a row just written (old: the row before,
// zero for a new one): its next follow-up date becomes a follow-up, a moved date moves
// it, and a new customer's first deal schedules the revisit plan when the setting says so.
func (s *Store) afterWrite(ctx context.Context, q *sqldb.Queries, cur, old Inquiry) error {
	if cur.NextFollowOn != old.NextFollowOn || cur.Customer != old.Customer {
		open, err := q.OpenFollowUpOfInquiry(ctx, ptr(cur.ID))
		if err != nil {
			return fmt.Errorf("follow-ups of inquiry %d: %w", cur.ID, err)
		}
		for _, f := range open {
			if err := q.DeleteFollowUp(ctx, f.ID); err != nil {
				return fmt.Errorf("move follow-up %d: %w", f.ID, err)
			}
		}
		if cur.NextFollowOn != "" {
			if _, _, err := plan(ctx, q, cur.Customer, KindFollowUp, cur.NextFollowOn, 0, cur.ID, cur.AgentID); err != nil {
				return err
			}
		}
	}
	if cur.Outcome == OutcomeDeal && old.Outcome != OutcomeDeal {
		r, err := rules(ctx, q)
		if err != nil {
			return err
		}
		if r.RevisitPlan {
			isNew, err := newCustomer(ctx, q, cur)
			if err != nil {
				return err
			}
			if isNew {
				if _, err := scheduleRevisits(ctx, q, cur); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// plan adds a follow-up unless the customer already has one of this kind that day (then
// that one stands for both: created is false).
func plan(ctx context.Context, q *sqldb.Queries, customer, kind, day string, step, inquiryID, agentID int64) (int64, bool, error) {
	f, err := q.GetFollowUpByKey(ctx, sqldb.GetFollowUpByKeyParams{Customer: customer, Kind: kind, DueOn: day})
	if err == nil {
		return f.ID, false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("follow-up of %s on %s: %w", customer, day, err)
	}
	id, err := q.InsertFollowUp(ctx, sqldb.InsertFollowUpParams{Customer: customer, Kind: kind, DueOn: day,
		Step: step, InquiryID: ptr(inquiryID), AgentID: ptr(agentID), Now: utcNow()})
	if err != nil {
		return 0, false, fmt.Errorf("plan follow-up of %s on %s: %w", customer, day, err)
	}
	return id, true, nil
}

// newCustomer: no earlier deal in the register and no paid order before the deal's day.
func newCustomer(ctx context.Context, q *sqldb.Queries, in Inquiry) (bool, error) {
	deals, err := q.CustomerDealsBefore(ctx, sqldb.CustomerDealsBeforeParams{Customer: in.Customer, Day: in.AskedOn, ID: in.ID})
	if err != nil {
		return false, fmt.Errorf("earlier deals of %s: %w", in.Customer, err)
	}
	orders, err := q.CustomerPaidOrdersBefore(ctx, sqldb.CustomerPaidOrdersBeforeParams{Customer: in.Customer, Day: in.AskedOn})
	if err != nil {
		return false, fmt.Errorf("earlier orders of %s: %w", in.Customer, err)
	}
	return deals == 0 && orders == 0, nil
}

// Revisits says what scheduling the revisit plan did.
type Revisits struct {
	Planned []string `json:"planned"` // the days added
	Skipped []string `json:"skipped"` // days the customer already had a revisit on
}

func scheduleRevisits(ctx context.Context, q *sqldb.Queries, in Inquiry) (Revisits, error) {
	base := in.DealOn
	if base == "" {
		base = in.AskedOn
	}
	b, err := time.Parse("2006-01-02", base)
	if err != nil {
		return Revisits{}, fmt.Errorf("revisits of inquiry %d: day %q: %w", in.ID, base, err)
	}
	var out Revisits
	for _, d := range RevisitDays {
		day := b.AddDate(0, 0, d).Format("2006-01-02")
		_, created, err := plan(ctx, q, in.Customer, KindRevisit, day, int64(d), in.ID, in.AgentID)
		if err != nil {
			return out, err
		}
		if created {
			out.Planned = append(out.Planned, day)
		} else {
			out.Skipped = append(out.Skipped, day)
		}
	}
	return out, nil
}

// ScheduleRevisits adds the 1-3-10-30 revisit plan for a deal (the button on a deal row;
// with the setting on, a new customer's first deal gets it by itself).
func (s *Store) ScheduleRevisits(ctx context.Context, inquiryID int64) (Revisits, error) {
	var out Revisits
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		in, err := get(ctx, q, inquiryID)
		if err != nil {
			return err
		}
		if in.Outcome != OutcomeDeal {
			return fmt.Errorf("“%s”的这次询盘还没有成交：回访计划从成交那天算起", in.Customer)
		}
		out, err = scheduleRevisits(ctx, q, in)
		return err
	})
	return out, err
}

// AddFollowUp plans a follow-up of an inquiry on a day (e.g. "call again on Friday").
// A second one for the same customer and day is refused: one contact a day for one thing.
func (s *Store) AddFollowUp(ctx context.Context, inquiryID int64, day string, agentID int64) (int64, error) {
	var id int64
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		in, err := get(ctx, q, inquiryID)
		if err != nil {
			return err
		}
		d, _, err := parseDay(day, 0)
		if err != nil {
			return fieldErr(FieldNextFollowOn, day, err.Error())
		}
		if agentID == 0 {
			agentID = in.AgentID
		}
		var created bool
		if id, created, err = plan(ctx, q, in.Customer, KindFollowUp, d, 0, in.ID, agentID); err != nil {
			return err
		}
		if !created {
			return fmt.Errorf("“%s”在 %s 已经有一条跟进了：同一件事同一天只联系一次", in.Customer, d)
		}
		return nil
	})
	return id, err
}

// DueFollowUps returns the follow-up list for today (shop-local "YYYY-MM-DD").
func (s *Store) DueFollowUps(ctx context.Context, today string) (FollowUps, error) {
	q := s.db.Queries()
	since, err := dayStartUTC(today)
	if err != nil {
		return FollowUps{}, err
	}
	rows, err := q.DueFollowUps(ctx, sqldb.DueFollowUpsParams{Day: today, DoneSince: since})
	if err != nil {
		return FollowUps{}, fmt.Errorf("follow-ups due %s: %w", today, err)
	}
	out := FollowUps{Today: today, Rows: make([]FollowUp, 0, len(rows))}
	for _, r := range rows {
		f := FollowUp{ID: r.ID, Customer: r.Customer, Kind: r.Kind, DueOn: r.DueOn, Step: r.Step,
			InquiryID: val(r.InquiryID), AgentID: val(r.AgentID), AgentName: r.AgentName, State: r.State,
			Note: r.Note, DoneAt: r.DoneUtc, Products: r.Products, Channel: r.Channel, Outcome: r.Outcome,
			AskedOn: r.AskedOn, FollowNote: r.FollowNote, Overdue: r.State == "open" && r.DueOn < today}
		if f.State == "open" {
			out.Due++
		}
		out.Rows = append(out.Rows, f)
	}
	return out, nil
}

// dayStartUTC is the UTC time (as done_utc is written) at which the shop-local day begins:
// a follow-up done at 00:30 in Shanghai is done "today" although its UTC date is yesterday's.
func dayStartUTC(day string) (string, error) {
	t, err := time.ParseInLocation("2006-01-02", day, shop.Location(shop.DefaultTimezone))
	if err != nil {
		return "", fmt.Errorf("follow-ups: day %q: %w", day, err)
	}
	return t.UTC().Format(utcLayout), nil
}

// FinishFollowUp records a follow-up as done (or canceled) with what was said and who did
// it. A follow-up of an inquiry writes the note into its 跟进情况 and clears its next date.
func (s *Store) FinishFollowUp(ctx context.Context, id int64, state, note string, actorID int64) error {
	if state != "done" && state != "canceled" {
		return fmt.Errorf("跟进的状态“%s”不是 done 或 canceled", state)
	}
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		f, err := q.GetFollowUp(ctx, id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("没有编号为 %d 的跟进", id)
		} else if err != nil {
			return fmt.Errorf("follow-up %d: %w", id, err)
		}
		n, err := q.FinishFollowUp(ctx, sqldb.FinishFollowUpParams{ID: id, State: state, Note: note,
			DoneBy: ptr(actorID), Now: utcNow()})
		if err != nil {
			return fmt.Errorf("finish follow-up %d: %w", id, err)
		}
		if n == 0 || f.InquiryID == nil || f.Kind != KindFollowUp || state != "done" {
			return nil
		}
		in, err := get(ctx, q, *f.InquiryID)
		if err != nil {
			return err
		}
		if in.NextFollowOn != f.DueOn && note == "" {
			return nil
		}
		text := in.FollowNote
		if note != "" {
			line := f.DueOn[5:] + " " + note
			if text != "" {
				text += "；"
			}
			text += line
		}
		next := in.NextFollowOn
		if next == f.DueOn {
			next = ""
		}
		if err := q.SetInquiryFollow(ctx, sqldb.SetInquiryFollowParams{ID: in.ID, NextFollowOn: next, FollowNote: text,
			Now: utcNow()}); err != nil {
			return fmt.Errorf("inquiry %d follow-up note: %w", in.ID, err)
		}
		return nil
	})
}

// ReopenFollowUp takes back a follow-up marked done or canceled by mistake.
func (s *Store) ReopenFollowUp(ctx context.Context, id int64) error {
	var n int64
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) (err error) {
		n, err = q.ReopenFollowUp(ctx, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("reopen follow-up %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("跟进 %d 没有完成过，不用撤销", id)
	}
	return nil
}
