package staff

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"shopdesk/db/sqldb"
)

// doublePunch: the same kind of punch again within this is a double press, refused.
const doublePunch = 2 * time.Minute

// ClockResult is what the clock tells the person who just punched.
type ClockResult struct {
	Punch Punch  `json:"punch"`
	Name  string `json:"name"`
	// Record is the rostered shift the punch belongs to (nil: none, e.g. a rest day).
	Record *ShiftRecord `json:"record"`
	// OpenHandovers is how many handover notes wait to be acknowledged (read them first).
	OpenHandovers int `json:"openHandovers"`
}

// Clock records a clock-in or clock-out now (the machine's time) for the person whose PIN
// this is.
func (s *Store) Clock(ctx context.Context, a Auth, kind string) (ClockResult, error) {
	if kind != PunchIn && kind != PunchOut {
		return ClockResult{}, fmt.Errorf("打卡类型“%s”不对：上班（in）或下班（out）", kind)
	}
	st, err := s.Verify(ctx, a)
	if err != nil {
		return ClockResult{}, err
	}
	now := s.wallNow()
	var p Punch
	err = s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		last, err := q.LastPunchOfStaff(ctx, st.ID)
		if err == nil && last.Kind == kind {
			if t, perr := time.Parse(wallLayout, last.At); perr == nil && now.Sub(t) >= 0 && now.Sub(t) < doublePunch {
				return fmt.Errorf("%s 刚刚（%s）已经打过%s卡了", st.Name, t.Format("15:04"), kindName(kind))
			}
		} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("last punch of %s: %w", st.Name, err)
		}
		id, err := q.InsertPunch(ctx, sqldb.InsertPunchParams{StaffID: st.ID, At: fmtWall(now), Kind: kind,
			Source: SourceClock, RecordedAt: s.now().UTC().Format(wallLayout)})
		if err != nil {
			return fmt.Errorf("punch of %s: %w", st.Name, err)
		}
		p = Punch{ID: id, StaffID: st.ID, At: fmtWall(now), Kind: kind, Source: SourceClock, at: now}
		return nil
	})
	if err != nil {
		return ClockResult{}, err
	}
	res := ClockResult{Punch: p, Name: st.Name}
	if rec, err := s.recordOf(ctx, st.ID, p); err != nil {
		return ClockResult{}, err
	} else if rec != nil {
		res.Record = rec
	}
	n, err := s.db.Queries().CountOpenHandovers(ctx)
	if err != nil {
		return ClockResult{}, fmt.Errorf("handover book: %w", err)
	}
	res.OpenHandovers = int(n)
	return res, nil
}

func kindName(kind string) string {
	switch kind {
	case PunchIn:
		return "上班"
	case PunchOut:
		return "下班"
	}
	return ""
}

// recordOf finds the rostered shift a punch belongs to, judged as of now.
func (s *Store) recordOf(ctx context.Context, staffID int64, p Punch) (*ShiftRecord, error) {
	q := s.db.Queries()
	day := p.at.Truncate(24 * time.Hour)
	from, to := day.AddDate(0, 0, -1), day.AddDate(0, 0, 1)
	in, err := s.loadInput(ctx, q, MonthOf(day), from, to)
	if err != nil {
		return nil, err
	}
	records, _ := attend(staffID, in.rosterOf(staffID), in.punches[staffID], in.leaves[staffID], s.wallNow(),
		time.Duration(in.rules.PunchWindowH)*time.Hour)
	for _, r := range records {
		if r.InID == p.ID || r.OutID == p.ID {
			return &r, nil
		}
	}
	return nil, nil
}

// Correction actions.
const (
	CorrectAdd    = "add"    // 补卡: a punch that was missed
	CorrectChange = "change" // a punch at the wrong time or of the wrong kind
	CorrectDelete = "delete" // a punch that should not count
)

// CorrectionActions lists the correction actions.
var CorrectionActions = []string{CorrectAdd, CorrectChange, CorrectDelete}

// Correction is an owner's change to a person's punches, with the reason.
type Correction struct {
	Action  string `json:"action"`
	PunchID int64  `json:"punchId"` // change, delete
	StaffID int64  `json:"staffId"` // add
	At      string `json:"at"`      // add, change: the right shop-local time
	Kind    string `json:"kind"`    // add, change: in or out
	Reason  string `json:"reason"`
}

// CorrectionRecord is a correction as the history shows it.
type CorrectionRecord struct {
	ID        int64  `json:"id"`
	StaffID   int64  `json:"staffId"`
	StaffName string `json:"staffName"`
	Action    string `json:"action"`
	OldAt     string `json:"oldAt"`
	OldKind   string `json:"oldKind"`
	NewAt     string `json:"newAt"`
	NewKind   string `json:"newKind"`
	Reason    string `json:"reason"`
	OwnerName string `json:"ownerName"`
	At        string `json:"at"` // shop-local time of the correction
}

// Correct changes punches as the owner says, with a reason. Nothing is deleted: the old
// punch is voided, the new one is a punch of source correction, and the history keeps both.
func (s *Store) Correct(ctx context.Context, c Correction, owner Auth) (CorrectionRecord, error) {
	c.Reason = strings.TrimSpace(c.Reason)
	switch {
	case c.Action != CorrectAdd && c.Action != CorrectChange && c.Action != CorrectDelete:
		return CorrectionRecord{}, fmt.Errorf("更正类型“%s”不对", c.Action)
	case c.Reason == "":
		return CorrectionRecord{}, errors.New("请写明更正的原因")
	case utf8.RuneCountInString(c.Reason) > 200:
		return CorrectionRecord{}, errors.New("原因太长：最多 200 个字")
	}
	var newAt time.Time
	if c.Action != CorrectDelete {
		if c.Kind != PunchIn && c.Kind != PunchOut {
			return CorrectionRecord{}, errors.New("请选择上班卡还是下班卡")
		}
		t, err := ParseWall(c.At)
		if err != nil {
			return CorrectionRecord{}, err
		}
		if t.After(s.wallNow().Add(time.Minute)) {
			return CorrectionRecord{}, fmt.Errorf("%s 还没到：不能补将来的卡", fmtWall(t))
		}
		newAt = t
	}
	boss, err := s.Owner(ctx, owner)
	if err != nil {
		return CorrectionRecord{}, err
	}
	var id int64
	err = s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		params := sqldb.InsertCorrectionParams{Action: c.Action, Reason: c.Reason, OwnerID: &boss.ID,
			OwnerName: boss.Name, At: utcNow()}
		if c.Action != CorrectAdd {
			old, err := q.GetPunch(ctx, c.PunchID)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("没有编号为 %d 的打卡记录", c.PunchID)
			}
			if err != nil {
				return fmt.Errorf("punch %d: %w", c.PunchID, err)
			}
			if old.VoidedAt != "" {
				return errors.New("这条打卡记录已经更正过了：请刷新后再改")
			}
			if err := closedError(ctx, q, old.At); err != nil {
				return err
			}
			if _, err := q.VoidPunch(ctx, sqldb.VoidPunchParams{ID: old.ID, Now: utcNow()}); err != nil {
				return fmt.Errorf("void punch %d: %w", old.ID, err)
			}
			c.StaffID = old.StaffID
			params.OldPunchID, params.OldAt, params.OldKind = &old.ID, old.At, old.Kind
		}
		st, err := Get(ctx, q, c.StaffID)
		if err != nil {
			return err
		}
		params.StaffID = st.ID
		if c.Action != CorrectDelete {
			if err := closedError(ctx, q, fmtDay(newAt)); err != nil {
				return err
			}
			pid, err := q.InsertPunch(ctx, sqldb.InsertPunchParams{StaffID: st.ID, At: fmtWall(newAt), Kind: c.Kind,
				Source: SourceCorrection, Note: c.Reason, RecordedAt: utcNow()})
			if err != nil {
				return fmt.Errorf("corrected punch of %s: %w", st.Name, err)
			}
			params.NewPunchID, params.NewAt, params.NewKind = &pid, fmtWall(newAt), c.Kind
		}
		id, err = q.InsertCorrection(ctx, params)
		if err != nil {
			return fmt.Errorf("correction history: %w", err)
		}
		return nil
	})
	if err != nil {
		return CorrectionRecord{}, err
	}
	list, err := s.corrections(ctx, s.db.Queries(), "0000", "9999")
	if err != nil {
		return CorrectionRecord{}, err
	}
	for _, r := range list {
		if r.ID == id {
			return r, nil
		}
	}
	return CorrectionRecord{}, fmt.Errorf("correction %d not found", id)
}

// corrections lists the corrections touching punch times in [from, to).
func (s *Store) corrections(ctx context.Context, q *sqldb.Queries, from, to string) ([]CorrectionRecord, error) {
	rows, err := q.ListCorrections(ctx, sqldb.ListCorrectionsParams{FromAt: from, ToAt: to})
	if err != nil {
		return nil, fmt.Errorf("list corrections: %w", err)
	}
	out := make([]CorrectionRecord, 0, len(rows))
	for _, r := range rows {
		out = append(out, CorrectionRecord{ID: r.ID, StaffID: r.StaffID, StaffName: r.StaffName, Action: r.Action,
			OldAt: r.OldAt, OldKind: r.OldKind, NewAt: r.NewAt, NewKind: r.NewKind, Reason: r.Reason,
			OwnerName: r.OwnerName, At: s.localOf(r.At)})
	}
	return out, nil
}

// localOf shows a UTC time Shopdesk recorded as a shop-local wall time.
func (s *Store) localOf(utc string) string {
	t, err := time.ParseInLocation(wallLayout, utc, time.UTC)
	if err != nil {
		return utc
	}
	return t.In(s.loc).Format(wallLayout)
}

func readPunches(ctx context.Context, q *sqldb.Queries, from, to time.Time) (map[int64][]Punch, error) {
	rows, err := q.ListPunches(ctx, sqldb.ListPunchesParams{FromAt: fmtWall(from), ToAt: fmtWall(to)})
	if err != nil {
		return nil, fmt.Errorf("read punches: %w", err)
	}
	out := map[int64][]Punch{}
	for _, r := range rows {
		t, err := time.Parse(wallLayout, r.At)
		if err != nil {
			return nil, fmt.Errorf("punch %d: time %q: %w", r.ID, r.At, err)
		}
		out[r.StaffID] = append(out[r.StaffID], Punch{ID: r.ID, StaffID: r.StaffID, At: r.At, Kind: r.Kind,
			Source: r.Source, Note: r.Note, at: t})
	}
	return out, nil
}
