package checklist

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/shop"
)

// Open returns a day's list ("" = today). Today's is made from the data as the modules keep
// it and kept: lines are added, their counts brought up to date, and a line whose count
// fell to zero is ticked by the data. A past day is read as it was kept. A day to come is a
// preview of its recurring items (nothing is kept).
func (s *Store) Open(ctx context.Context, day string) (Day, error) {
	now := s.wallNow()
	today := now.Format(dayLayout)
	if day == "" {
		day = today
	}
	d, err := time.Parse(dayLayout, day)
	if err != nil {
		return Day{}, fmt.Errorf("“%s”不是日期：请写成 2026-11-22 这样", day)
	}
	switch {
	case day < today:
		return s.kept(ctx, day, today, now)
	case day > today:
		m := moment{day: d, now: now}
		lines, err := s.taskLines(ctx, m)
		if err != nil {
			return Day{}, err
		}
		return s.made(ctx, m, today, nil, lines)
	}
	m := moment{day: d, now: now, live: true}
	lines, err := s.lines(ctx, m)
	if err != nil {
		return Day{}, err
	}
	stored, err := s.stored(ctx, day)
	if err != nil {
		return Day{}, err
	}
	items, changes := merge(stored, lines, now.Format(wallLayout))
	if len(changes) > 0 {
		if err := s.keep(ctx, day, items, changes, now.Format(wallLayout)); err != nil {
			return Day{}, err
		}
	}
	return s.kept(ctx, day, today, now)
}

// AsOf makes the list of day as of the shop-local time at, from the data as it was then
// (the anomaly rules and stock figures computed for that time), with the ticks kept for the
// day; nothing is kept (`shopdesk checklist --at`, tests).
func (s *Store) AsOf(ctx context.Context, day string, at time.Time) (Day, error) {
	if day == "" {
		day = at.Format(dayLayout)
	}
	d, err := time.Parse(dayLayout, day)
	if err != nil {
		return Day{}, fmt.Errorf("“%s”不是日期：请写成 2026-11-22 这样", day)
	}
	m := moment{day: d, now: at}
	lines, err := s.lines(ctx, m)
	if err != nil {
		return Day{}, err
	}
	stored, err := s.stored(ctx, day)
	if err != nil {
		return Day{}, err
	}
	return s.made(ctx, m, at.Format(dayLayout), stored, lines)
}

// made is a list that is not kept: the lines with the ticks kept for the day.
func (s *Store) made(ctx context.Context, m moment, today string, stored []Item, lines []Line) (Day, error) {
	items, _ := merge(stored, lines, m.now.Format(wallLayout))
	for i := range items {
		items[i].ID = 0
	}
	shops, err := s.shopNames(ctx)
	if err != nil {
		return Day{}, err
	}
	return Day{Date: m.dayText(), Today: today, Past: m.dayText() < today, Now: m.now.Format(wallLayout),
		Shops: shops, Items: items, Events: []Event{}}, nil
}

// kept reads a kept day with its history.
func (s *Store) kept(ctx context.Context, day, today string, now time.Time) (Day, error) {
	items, err := s.stored(ctx, day)
	if err != nil {
		return Day{}, err
	}
	evs, err := s.db.Queries().ListChecklistEvents(ctx, day)
	if err != nil {
		return Day{}, fmt.Errorf("checklist: history of %s: %w", day, err)
	}
	events := make([]Event, 0, len(evs))
	for _, e := range evs {
		ev := Event{ItemID: e.ItemID, At: e.At, ActorName: e.ActorName, Action: e.Action, Note: e.Note}
		if e.ActorID != nil {
			ev.ActorID = *e.ActorID
		}
		events = append(events, ev)
	}
	shops, err := s.shopNames(ctx)
	if err != nil {
		return Day{}, err
	}
	return Day{Date: day, Today: today, Kept: true, Past: day < today, Now: now.Format(wallLayout), Shops: shops,
		Items: items, Events: events}, nil
}

func (s *Store) shopNames(ctx context.Context) ([]string, error) {
	shops, err := shop.New(s.db).List(ctx)
	if err != nil {
		return nil, fmt.Errorf("checklist: shops: %w", err)
	}
	out := make([]string, 0, len(shops))
	for _, sh := range shops {
		out = append(out, sh.Name)
	}
	return out, nil
}

// stored reads the kept lines of day.
func (s *Store) stored(ctx context.Context, day string) ([]Item, error) {
	rows, err := s.db.Queries().ListChecklistItems(ctx, day)
	if err != nil {
		return nil, fmt.Errorf("checklist: read %s: %w", day, err)
	}
	out := make([]Item, 0, len(rows))
	for _, r := range rows {
		out = append(out, itemOf(sqldb.GetChecklistItemRow(r)))
	}
	return out, nil
}

// stored is one kept line; params are kept inside top's JSON (see keepTop).
type keptTop struct {
	Top    []Top             `json:"top"`
	Kind   string            `json:"kind"`
	Params map[string]string `json:"params"`
}

func itemOf(r sqldb.GetChecklistItemRow) Item {
	it := Item{ID: r.ID, Key: r.ItemKey, Section: r.Section, Source: r.Source, Title: r.Title, Count: r.Count,
		Detail: r.Detail, Link: r.Link, Owner: r.OwnerName, State: r.State, DoneBy: r.DoneBy, DoneAt: r.DoneAt,
		Note: r.Note, Top: []Top{}, Params: map[string]string{}}
	var k keptTop
	if json.Unmarshal([]byte(r.Top), &k) == nil {
		if k.Top != nil {
			it.Top = k.Top
		}
		if k.Params != nil {
			it.Params = k.Params
		}
		it.Kind = k.Kind
	}
	if r.DoneByID != nil {
		it.DoneByID = *r.DoneByID
	}
	return it
}

func keepTop(it Item) string {
	b, _ := json.Marshal(keptTop{Top: it.Top, Kind: it.Kind, Params: it.Params})
	return string(b)
}

// change is what keep writes for one line.
type change struct {
	index  int    // in the merged items
	insert bool   // a new line
	event  string // the data's own event: auto (cleared), reappeared; "" none
}

// merge lays the lines made now over the kept ones: kept lines keep their state and get the
// new counts; a new line is open; a kept line of the data (not a recurring item) that is no
// longer made is cleared by the data (its count is zero now) and ticks itself; a line the
// data cleared that comes back is open again. It returns the list in the routine's order
// and what changed.
func merge(stored []Item, lines []Line, now string) ([]Item, []change) {
	byKey := map[string]int{}
	for i, it := range stored {
		byKey[it.Key] = i
	}
	made := map[string]bool{}
	var items []Item
	var changes []change
	for _, l := range lines {
		made[l.Key] = true
		it := Item{Key: l.Key, Section: l.Section, Kind: l.Kind, Source: l.Source, Title: l.Title, Count: l.Count,
			Detail: l.Detail, Top: l.Top, Link: l.Link, Owner: l.Owner, State: StateOpen, Params: l.Params}
		if it.Top == nil {
			it.Top = []Top{}
		}
		if it.Params == nil {
			it.Params = map[string]string{}
		}
		c := change{index: len(items)}
		if i, ok := byKey[l.Key]; ok {
			old := stored[i]
			it.ID, it.State, it.DoneByID, it.DoneBy, it.DoneAt, it.Note = old.ID, old.State, old.DoneByID, old.DoneBy, old.DoneAt, old.Note
			if old.State == StateAuto {
				it.State, it.DoneBy, it.DoneAt, it.Note = StateOpen, "", "", ""
				c.event = "reappeared"
			}
			if c.event != "" || !sameLine(old, it) {
				changes = append(changes, c)
			}
		} else {
			c.insert = true
			changes = append(changes, c)
		}
		items = append(items, it)
	}
	for _, old := range stored {
		if made[old.Key] {
			continue
		}
		it := old
		if old.Source != "manual" && old.State == StateOpen {
			it.State, it.Count, it.DoneAt = StateAuto, 0, now
			it.Note = "数据已处理完（" + old.Title + "：0），自动勾选"
			changes = append(changes, change{index: len(items), event: StateAuto})
		}
		items = append(items, it)
	}
	// The routine's order: by section, then as made (kept lines no longer made stay in their
	// section, after the ones made).
	order := make([]int, len(items))
	for i := range items {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return slices.Index(Sections, items[a].Section) - slices.Index(Sections, items[b].Section)
	})
	sorted := make([]Item, len(items))
	pos := make([]int, len(items))
	for to, from := range order {
		sorted[to] = items[from]
		pos[from] = to
	}
	for i := range changes {
		changes[i].index = pos[changes[i].index]
	}
	return sorted, changes
}

// sameLine says whether a kept line already says what the data says now.
func sameLine(a, b Item) bool {
	return a.Section == b.Section && a.Title == b.Title && a.Count == b.Count && a.Detail == b.Detail &&
		a.Link == b.Link && a.Owner == b.Owner && keepTop(a) == keepTop(b)
}

// keep writes the changes of today's list (one transaction). Positions follow the list.
func (s *Store) keep(ctx context.Context, day string, items []Item, changes []change, now string) error {
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		for _, c := range changes {
			it := items[c.index]
			pos := int64(c.index)
			if c.insert {
				_, err := q.InsertChecklistItem(ctx, sqldb.InsertChecklistItemParams{Day: day, ItemKey: it.Key, Position: pos,
					Section: it.Section, Source: it.Source, Title: it.Title, Count: it.Count, Detail: it.Detail,
					Top: keepTop(it), Link: it.Link, OwnerName: it.Owner, State: it.State, Now: now})
				if err != nil {
					return err
				}
				continue
			}
			if err := q.RefreshChecklistItem(ctx, sqldb.RefreshChecklistItemParams{ID: it.ID, Position: pos, Section: it.Section,
				Title: it.Title, Count: it.Count, Detail: it.Detail, Top: keepTop(it), Link: it.Link, OwnerName: it.Owner,
				Now: now}); err != nil {
				return err
			}
			if c.event == "" {
				continue
			}
			var by *int64
			if err := q.SetChecklistItemState(ctx, sqldb.SetChecklistItemStateParams{ID: it.ID, State: it.State, DoneByID: by,
				DoneBy: it.DoneBy, DoneAt: it.DoneAt, Note: it.Note, Now: now}); err != nil {
				return err
			}
			if err := q.AddChecklistEvent(ctx, sqldb.AddChecklistEventParams{ItemID: it.ID, At: now, Action: c.event,
				Note: it.Note}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("checklist: keep %s: %w", day, err)
	}
	return nil
}

// Days lists the kept days, newest first.
func (s *Store) Days(ctx context.Context, limit int) ([]DaySummary, error) {
	if limit <= 0 || limit > 400 {
		limit = 60
	}
	rows, err := s.db.Queries().ListChecklistDays(ctx, int64(limit))
	if err != nil {
		return nil, fmt.Errorf("checklist: days: %w", err)
	}
	out := make([]DaySummary, 0, len(rows))
	for _, r := range rows {
		out = append(out, DaySummary{Date: r.Day, Items: r.Items, Done: r.Done, Skipped: r.Skipped})
	}
	return out, nil
}

// Tick marks a line done by a person (actorID 0: not said who).
func (s *Store) Tick(ctx context.Context, id, actorID int64) (Item, error) {
	return s.setState(ctx, id, actorID, StateDone, "")
}

// Skip marks a line skipped, with the reason (required).
func (s *Store) Skip(ctx context.Context, id, actorID int64, reason string) (Item, error) {
	return s.setState(ctx, id, actorID, StateSkipped, reason)
}

// Reopen takes a tick or a skip back; the history keeps both.
func (s *Store) Reopen(ctx context.Context, id, actorID int64) (Item, error) {
	return s.setState(ctx, id, actorID, StateOpen, "")
}

var errNoItem = errors.New("清单上没有这一项（刷新一下）")

func (s *Store) setState(ctx context.Context, id, actorID int64, state, note string) (Item, error) {
	note = cut(note, 200)
	if state == StateSkipped && note == "" {
		return Item{}, fmt.Errorf("跳过要写原因")
	}
	now := s.wallNow().Format(wallLayout)
	var out Item
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		r, err := q.GetChecklistItem(ctx, id)
		if errors.Is(err, sql.ErrNoRows) {
			return errNoItem
		}
		if err != nil {
			return err
		}
		var by *int64
		name := ""
		if actorID != 0 {
			st, err := q.GetStaff(ctx, actorID)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("员工名单里没有编号为 %d 的人", actorID)
			}
			if err != nil {
				return err
			}
			by, name = &actorID, st.Name
		}
		action := state
		if state == StateOpen {
			action = "reopened"
		}
		p := sqldb.SetChecklistItemStateParams{ID: id, State: state, DoneByID: by, DoneBy: name, DoneAt: now, Note: note, Now: now}
		if state == StateOpen {
			p.DoneByID, p.DoneBy, p.DoneAt, p.Note = nil, "", "", ""
		}
		if err := q.SetChecklistItemState(ctx, p); err != nil {
			return err
		}
		if err := q.AddChecklistEvent(ctx, sqldb.AddChecklistEventParams{ItemID: id, At: now, ActorID: by, ActorName: name,
			Action: action, Note: note}); err != nil {
			return err
		}
		r, err = q.GetChecklistItem(ctx, id)
		out = itemOf(r)
		return err
	})
	if err != nil {
		if errors.Is(err, errNoItem) {
			return Item{}, err
		}
		return Item{}, fmt.Errorf("checklist: %s item %d: %w", state, id, err)
	}
	return out, nil
}
