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

// Handover is a note of the handover book (交接本): what is pending at the end of a shift.
// The next shift reads the notes not yet acknowledged first and acknowledges them.
type Handover struct {
	ID         int64  `json:"id"`
	Day        string `json:"day"`
	ShiftID    int64  `json:"shiftId"` // the writer's shift, when they were on one
	ShiftName  string `json:"shiftName"`
	WriterID   int64  `json:"writerId"`
	WriterName string `json:"writerName"`
	Orders     string `json:"orders"`    // orders to follow up (numbers, what)
	Buyers     string `json:"buyers"`    // buyers waiting for an answer
	Anomalies  string `json:"anomalies"` // anomalies being handled
	Note       string `json:"note"`      // anything else
	WrittenAt  string `json:"writtenAt"` // shop-local
	AckName    string `json:"ackName"`
	AckAt      string `json:"ackAt"` // shop-local; '' not acknowledged yet
}

const maxHandoverRunes = 2000

// Handovers lists the handover book: notes not acknowledged first, then the newest.
func (s *Store) Handovers(ctx context.Context, limit int) ([]Handover, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	rows, err := s.db.Queries().ListHandovers(ctx, int64(limit))
	if err != nil {
		return nil, fmt.Errorf("handover book: %w", err)
	}
	out := make([]Handover, 0, len(rows))
	for _, r := range rows {
		h := Handover{ID: r.ID, Day: r.Day, ShiftName: r.ShiftName, WriterName: r.WriterName, Orders: r.Orders,
			Buyers: r.Buyers, Anomalies: r.Anomalies, Note: r.Note, WrittenAt: s.localOf(r.WrittenAt), AckName: r.AckName}
		if r.ShiftID != nil {
			h.ShiftID = *r.ShiftID
		}
		if r.WriterID != nil {
			h.WriterID = *r.WriterID
		}
		if r.AckAt != "" {
			h.AckAt = s.localOf(r.AckAt)
		}
		out = append(out, h)
	}
	return out, nil
}

// WriteHandover adds a note, written by the person whose PIN this is. The note is filed
// under the writer's shift when they are on one now (or it ended within the punch window).
func (s *Store) WriteHandover(ctx context.Context, h Handover, a Auth) (Handover, error) {
	for _, f := range []*string{&h.Orders, &h.Buyers, &h.Anomalies, &h.Note} {
		*f = strings.TrimSpace(*f)
		if utf8.RuneCountInString(*f) > maxHandoverRunes {
			return Handover{}, fmt.Errorf("交接内容太长：每一栏最多 %d 个字", maxHandoverRunes)
		}
	}
	if h.Orders == "" && h.Buyers == "" && h.Anomalies == "" && h.Note == "" {
		return Handover{}, errors.New("交接本是空的：请写下要交接的订单、买家、异常或其他事项")
	}
	st, err := s.Verify(ctx, a)
	if err != nil {
		return Handover{}, err
	}
	now := s.wallNow()
	day, shiftID := fmtDay(now), (*int64)(nil)
	if rec, err := s.currentShift(ctx, st.ID, now); err != nil {
		return Handover{}, err
	} else if rec != nil {
		day, shiftID = rec.Day, &rec.ShiftID
	}
	var id int64
	err = s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) (err error) {
		id, err = q.InsertHandover(ctx, sqldb.InsertHandoverParams{Day: day, ShiftID: shiftID, WriterID: &st.ID,
			WriterName: st.Name, Orders: h.Orders, Buyers: h.Buyers, Anomalies: h.Anomalies, Note: h.Note, Now: s.now().UTC().Format(wallLayout)})
		return err
	})
	if err != nil {
		return Handover{}, fmt.Errorf("write handover: %w", err)
	}
	return s.handover(ctx, id)
}

func (s *Store) handover(ctx context.Context, id int64) (Handover, error) {
	list, err := s.Handovers(ctx, 500)
	if err != nil {
		return Handover{}, err
	}
	for _, h := range list {
		if h.ID == id {
			return h, nil
		}
	}
	return Handover{}, fmt.Errorf("没有编号为 %d 的交接记录", id)
}

// currentShift is the rostered shift the person is on at now (or that ended within the
// punch window: the evening shift writes the book as it leaves).
func (s *Store) currentShift(ctx context.Context, staffID int64, now time.Time) (*ShiftRecord, error) {
	day := now.Truncate(24 * time.Hour)
	in, err := s.loadInput(ctx, s.db.Queries(), MonthOf(day), day.AddDate(0, 0, -1), day.AddDate(0, 0, 1))
	if err != nil {
		return nil, err
	}
	window := time.Duration(in.rules.PunchWindowH) * time.Hour
	var best *ShiftRecord
	for _, r := range in.rosterOf(staffID) {
		if now.Before(r.start) || now.After(r.end.Add(window)) {
			continue
		}
		rec := ShiftRecord{Day: fmtDay(r.day), ShiftID: r.shift.ID, ShiftName: r.shift.Name}
		best = &rec
	}
	return best, nil
}

// AckHandover acknowledges a note: the person whose PIN this is has read it. The writer
// cannot acknowledge their own note: the next shift does.
func (s *Store) AckHandover(ctx context.Context, id int64, a Auth) (Handover, error) {
	st, err := s.Verify(ctx, a)
	if err != nil {
		return Handover{}, err
	}
	q := s.db.Queries()
	w, err := q.GetHandoverWriter(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Handover{}, fmt.Errorf("没有编号为 %d 的交接记录", id)
	}
	if err != nil {
		return Handover{}, fmt.Errorf("handover %d: %w", id, err)
	}
	if w.AckAt != "" {
		return Handover{}, errors.New("这条交接已经有人确认过了")
	}
	if w.WriterID != nil && *w.WriterID == st.ID {
		return Handover{}, fmt.Errorf("%s：自己写的交接要由下一班的同事确认", st.Name)
	}
	n, err := q.AckHandover(ctx, sqldb.AckHandoverParams{ID: id, AckBy: &st.ID, AckName: st.Name, Now: s.now().UTC().Format(wallLayout)})
	if err != nil {
		return Handover{}, fmt.Errorf("acknowledge handover %d: %w", id, err)
	}
	if n == 0 {
		return Handover{}, errors.New("这条交接已经有人确认过了")
	}
	return s.handover(ctx, id)
}
