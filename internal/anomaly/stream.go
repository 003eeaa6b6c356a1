package anomaly

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"shopdesk/db/sqldb"
)

// The worklist's order is: kind (Kinds), then the anomalies with a deadline (soonest first,
// then newest since, then id), then those without (newest since first, then id). The
// anomaly_list index (migration 00011) holds each run of a kind, state, shop and owner in
// that order; walk merges the few runs the filters select (anomaly_count says which hold
// rows), so that a page reads its own rows and not every matching one.

// Cursors before the first row: "\x01" sorts after the empty deadline and before any time;
// "~" after any time.
const (
	firstDeadline = "\x01"
	firstSince    = "~"
)

// run is one run of a kind's anomalies being merged: first its rows with a deadline, then
// those without.
type run struct {
	c         count
	noDL      bool // reading the rows without a deadline
	done      bool // both read
	rows      []sqldb.ListRunDeadlineRow
	pos       int
	cursor    sqldb.ListRunDeadlineRow // the last row read
	exhausted bool                     // of the current part
}

func (r *run) head() *sqldb.ListRunDeadlineRow {
	if r.pos < len(r.rows) {
		return &r.rows[r.pos]
	}
	return nil
}

// fill reads the run's next rows when the ones read are used up.
func (r *run) fill(ctx context.Context, q *sqldb.Queries, batch int64) error {
	for !r.done && r.pos >= len(r.rows) {
		if r.exhausted {
			if r.noDL {
				r.done = true
				return nil
			}
			r.noDL, r.exhausted, r.cursor = true, false, sqldb.ListRunDeadlineRow{Since: firstSince}
		}
		owner := r.c.OwnerID
		var rows []sqldb.ListRunDeadlineRow
		var err error
		if r.noDL {
			var got []sqldb.ListRunNoDeadlineRow
			got, err = q.ListRunNoDeadline(ctx, sqldb.ListRunNoDeadlineParams{Kind: r.c.Kind, State: r.c.State,
				ShopID: r.c.ShopID, OwnerID: &owner, AfterSince: r.cursor.Since, AfterID: r.cursor.ID, Lim: batch})
			for _, g := range got {
				rows = append(rows, sqldb.ListRunDeadlineRow(g))
			}
		} else {
			rows, err = q.ListRunDeadline(ctx, sqldb.ListRunDeadlineParams{Kind: r.c.Kind, State: r.c.State,
				ShopID: r.c.ShopID, OwnerID: &owner, AfterDeadline: r.cursor.Deadline, AfterSince: r.cursor.Since,
				AfterID: r.cursor.ID, Lim: batch})
		}
		if err != nil {
			return fmt.Errorf("list anomalies: %w", err)
		}
		r.rows, r.pos, r.exhausted = rows, 0, int64(len(rows)) < batch
		if len(rows) > 0 {
			r.cursor = rows[len(rows)-1]
		}
	}
	return nil
}

// before reports whether a comes before b within one part (with or without a deadline).
func before(a, b *sqldb.ListRunDeadlineRow) bool {
	if a.Deadline != b.Deadline {
		return a.Deadline < b.Deadline
	}
	if a.Since != b.Since {
		return a.Since > b.Since
	}
	return a.ID < b.ID
}

// next returns the id of the kind's next anomaly over every run (0: none left).
func next(ctx context.Context, q *sqldb.Queries, runs []*run, batch int64) (int64, error) {
	for _, part := range []bool{false, true} {
		var best *run
		for _, r := range runs {
			if err := r.fill(ctx, q, batch); err != nil {
				return 0, err
			}
			if r.done || r.noDL != part || r.head() == nil {
				continue
			}
			if best == nil || before(r.head(), best.head()) {
				best = r
			}
		}
		if best != nil {
			id := best.head().ID
			best.pos++
			return id, nil
		}
		// No run has rows with a deadline left (a run still in them has one filled in
		// above): the rows without one follow.
	}
	return 0, nil
}

// walk calls fn with lq's anomalies in the worklist's order, after skipping skip of them,
// at most limit (-1: all). brief leaves out the orders' columns and the notes.
func walk(ctx context.Context, q *sqldb.Queries, lq Query, counts []count, skip, limit int64, brief bool, fn func(Anomaly) error) error {
	if strings.TrimSpace(lq.Search) != "" {
		return walkSearch(ctx, q, lq, skip, limit, fn)
	}
	batch := int64(500)
	if limit >= 0 {
		batch = min(max(skip+limit, 16), batch)
	}
	var ids []int64
	emitted := int64(0)
	flush := func() error {
		if len(ids) == 0 {
			return nil
		}
		byID := make(map[int64]sqldb.ListAnomaliesRow, len(ids))
		if brief {
			rows, err := q.ListAnomalyBriefsByID(ctx, jsonText(ids))
			if err != nil {
				return fmt.Errorf("list anomalies: %w", err)
			}
			for _, r := range rows {
				byID[r.ID] = sqldb.ListAnomaliesRow(r)
			}
		} else {
			rows, err := q.ListAnomaliesByID(ctx, jsonText(ids))
			if err != nil {
				return fmt.Errorf("list anomalies: %w", err)
			}
			for _, r := range rows {
				byID[r.ID] = sqldb.ListAnomaliesRow(r)
			}
		}
		for _, id := range ids {
			if r, ok := byID[id]; ok {
				if err := fn(anomalyOf(r)); err != nil {
					return err
				}
			}
		}
		emitted += int64(len(ids))
		ids = ids[:0]
		return nil
	}
	for _, kind := range Kinds {
		if lq.Kind != "" && kind != lq.Kind {
			continue
		}
		var runs []*run
		n := int64(0)
		for _, c := range counts {
			if c.Kind == kind {
				runs = append(runs, &run{c: c, cursor: sqldb.ListRunDeadlineRow{Deadline: firstDeadline, Since: firstSince}})
				n += c.N
			}
		}
		if skip >= n { // the page starts after this kind: its count says how far
			skip -= n
			continue
		}
		for {
			id, err := next(ctx, q, runs, batch)
			if err != nil {
				return err
			}
			if id == 0 {
				break
			}
			if skip > 0 {
				skip--
				continue
			}
			ids = append(ids, id)
			if limit >= 0 && emitted+int64(len(ids)) >= limit {
				return flush()
			}
			if len(ids) >= 200 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}

// walkSearch lists the anomalies of one order number: a few rows, sorted by SQL.
func walkSearch(ctx context.Context, q *sqldb.Queries, lq Query, skip, limit int64, fn func(Anomaly) error) error {
	states, err := lq.states()
	if err != nil {
		return err
	}
	list, _ := json.Marshal(states)
	rows, err := q.ListAnomalies(ctx, sqldb.ListAnomaliesParams{States: string(list), ShopID: lq.ShopID,
		Kind: lq.Kind, OwnerID: lq.OwnerID, Search: strings.TrimSpace(lq.Search)})
	if err != nil {
		return fmt.Errorf("list anomalies: %w", err)
	}
	for i, r := range rows {
		if int64(i) < skip {
			continue
		}
		if limit >= 0 && int64(i) >= skip+limit {
			break
		}
		if err := fn(anomalyOf(r)); err != nil {
			return err
		}
	}
	return nil
}

func anomalyOf(r sqldb.ListAnomaliesRow) Anomaly {
	return Anomaly{ID: r.ID, Rule: r.Rule, Kind: r.Kind, ShopID: r.ShopID, ShopName: r.ShopName,
		Platform: r.Platform, OrderNo: r.OrderNo, Subject: r.Subject, Since: r.Since, Deadline: r.Deadline,
		Basis: r.Basis, Detail: r.Detail, AmountFen: r.AmountFen, Active: r.Active == 1, State: r.State,
		Resolution: r.Resolution, OwnerID: r.OwnerID, OwnerName: r.OwnerName, ClearedReason: r.ClearedReason,
		ClearedDetail: r.ClearedDetail, DetectedAt: r.DetectedAt, UpdatedAt: r.UpdatedAt, // UTC: zones.row shows them
		Buyer: r.Buyer, OrderStatus: r.OrderStatus, OrderStatusText: r.OrderStatusText, PayFen: r.PayFen,
		Title: r.Title, Notes: r.Notes}
}
