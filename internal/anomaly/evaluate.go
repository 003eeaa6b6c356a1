package anomaly

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/settings"
	"shopdesk/internal/shop"
)

// Result says what one evaluation of the rules found and changed.
type Result struct {
	CheckedAt string   `json:"checkedAt"` // this computer's local time of the run
	Found     int      `json:"found"`     // anomalies the rules see now
	New       int      `json:"new"`
	Changed   int      `json:"changed"`
	Cleared   int      `json:"cleared"` // no longer seen: resolved by the data (or left as the user set them)
	Reopened  int      `json:"reopened"`
	Notices   []Notice `json:"notices"`
	Millis    int64    `json:"millis"`
}

// Evaluate runs every rule as of clock and brings the stored anomalies up to date. It runs
// after every import and undo, when the app opens, and every few minutes while it is open:
// time-based rules change as time passes.
func (s *Store) Evaluate(ctx context.Context, clock Clock) (Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var res Result
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		var err error
		res, err = evaluate(ctx, q, clock)
		return err
	})
	if err != nil {
		return Result{}, err
	}
	s.last = res
	return res, nil
}

var errRollback = errors.New("as-of evaluation rolled back")

// AsOf runs the rules as of clock and lists the anomalies q selects then, without keeping
// anything (`shopdesk anomalies --at`): what the worklist would show at that time.
func (s *Store) AsOf(ctx context.Context, clock Clock, lq Query) ([]Anomaly, Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var res Result
	var rows []Anomaly
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		var err error
		if res, err = evaluate(ctx, q, clock); err != nil {
			return err
		}
		lq.PageSize = -1
		if rows, err = listRows(ctx, q, lq); err != nil {
			return err
		}
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		return nil, Result{}, err
	}
	return rows, res, nil
}

func evaluate(ctx context.Context, q *sqldb.Queries, clock Clock) (Result, error) {
	start := time.Now()
	// An undo may have removed a shop that anomalies and complaints point to, and a later
	// import made it again: find it by platform and name. (This write also takes the write
	// lock first, so that the reads below see what the writes will change.)
	if err := q.RelinkAnomalyShops(ctx); err != nil {
		return Result{}, fmt.Errorf("anomaly rules: relink shops: %w", err)
	}
	if err := q.RelinkComplaintShops(ctx); err != nil {
		return Result{}, fmt.Errorf("anomaly rules: relink shops: %w", err)
	}
	t, err := settings.Load(ctx, q)
	if err != nil {
		return Result{}, err
	}
	shops, err := q.RuleShops(ctx)
	if err != nil {
		return Result{}, fmt.Errorf("anomaly rules: shops: %w", err)
	}
	e := &evaluation{t: t, shops: map[int64]*shopClock{}, notices: map[[3]string]*Notice{}}
	for _, r := range shops {
		loc, err := time.LoadLocation(r.Timezone)
		if err != nil {
			loc, _ = time.LoadLocation(shop.DefaultTimezone)
		}
		now, off := clock(loc)
		e.shops[r.ID] = &shopClock{id: r.ID, platform: r.Platform, name: r.Name, now: now, offset: off}
	}
	if err := e.run(ctx, q); err != nil {
		return Result{}, err
	}
	res, err := syncFindings(ctx, q, e)
	if err != nil {
		return Result{}, err
	}
	res.Notices = make([]Notice, 0, len(e.notices))
	for _, n := range e.notices {
		res.Notices = append(res.Notices, *n)
	}
	sort.Slice(res.Notices, func(i, j int) bool {
		a, b := res.Notices[i], res.Notices[j]
		if a.Rule != b.Rule {
			return ruleRank(a.Rule) < ruleRank(b.Rule)
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.ShopID < b.ShopID
	})
	res.CheckedAt = time.Now().Format(wallLayout)
	res.Millis = time.Since(start).Milliseconds()
	return res, nil
}

func ruleRank(rule string) int {
	for i, k := range Kinds {
		if k == rule {
			return i
		}
	}
	return len(Kinds)
}

// stored is an anomaly row as the evaluation compares it.
type stored = sqldb.ActiveAnomaliesRow

// syncFindings writes the difference between what the rules found and what is stored.
func syncFindings(ctx context.Context, q *sqldb.Queries, e *evaluation) (Result, error) {
	now := utcNow()
	active, err := q.ActiveAnomalies(ctx)
	if err != nil {
		return Result{}, fmt.Errorf("anomaly rules: read anomalies: %w", err)
	}
	known := make(map[findingKey]*stored, len(active))
	for i := range active {
		a := &active[i]
		known[findingKey{a.ShopID, a.OrderNo, a.Rule, a.Subject}] = a
	}
	// The findings not active now may have been seen before (cleared, resolved): read
	// those by their order numbers.
	found := make(map[findingKey]bool, len(e.findings))
	var lookup []string
	seenNo := map[string]bool{}
	for i := range e.findings {
		k := e.findings[i].key()
		if _, ok := known[k]; !ok && !seenNo[k.orderNo] {
			seenNo[k.orderNo] = true
			lookup = append(lookup, k.orderNo)
		}
	}
	for start := 0; start < len(lookup); start += 500 {
		list, _ := json.Marshal(lookup[start:min(start+500, len(lookup))])
		rows, err := q.AnomaliesOfOrderNos(ctx, string(list))
		if err != nil {
			return Result{}, fmt.Errorf("anomaly rules: read anomalies: %w", err)
		}
		for _, r := range rows {
			a := stored(r)
			k := findingKey{a.ShopID, a.OrderNo, a.Rule, a.Subject}
			if _, ok := known[k]; !ok {
				known[k] = &a
			}
		}
	}

	res := Result{}
	for i := range e.findings {
		f := &e.findings[i]
		k := f.key()
		if found[k] {
			continue // two rules' sources saw the same thing: the first one counts
		}
		found[k] = true
		res.Found++
		a := known[k]
		if a == nil {
			sc := e.shops[f.ShopID]
			if _, err := q.InsertAnomaly(ctx, sqldb.InsertAnomalyParams{
				Rule: f.Rule, Kind: f.Kind, ShopID: f.ShopID, Platform: sc.platform, ShopName: sc.name,
				OrderNo: f.OrderNo, Subject: f.Subject, OrderID: orderID(f.OrderID), Since: fmtWall(f.Since),
				Deadline: fmtWall(f.Deadline), Basis: f.Basis, Detail: f.Detail, AmountFen: f.AmountFen,
				Fingerprint: f.Fingerprint, Now: now,
			}); err != nil {
				return Result{}, fmt.Errorf("anomaly rules: add %s of order %s: %w", f.Rule, f.OrderNo, err)
			}
			res.New++
			continue
		}
		d := decide(a, f)
		if !d.changed {
			continue
		}
		if err := q.UpdateAnomalyFinding(ctx, sqldb.UpdateAnomalyFindingParams{
			ID: a.ID, Kind: f.Kind, OrderID: orderID(f.OrderID), Since: fmtWall(f.Since), Deadline: fmtWall(f.Deadline),
			Basis: f.Basis, Detail: f.Detail, AmountFen: f.AmountFen, Fingerprint: f.Fingerprint,
			State: d.state, Resolution: d.resolution, Now: now,
		}); err != nil {
			return Result{}, fmt.Errorf("anomaly rules: update anomaly %d: %w", a.ID, err)
		}
		for _, ev := range d.events {
			if err := systemEvent(ctx, q, a.ID, now, ev); err != nil {
				return Result{}, err
			}
		}
		if d.reopened {
			res.Reopened++
		}
		res.Changed++
	}

	// Active anomalies no rule sees any more: the data (or the time) cleared them.
	var gone []*stored
	var ids []int64
	for i := range active {
		a := &active[i]
		if !found[findingKey{a.ShopID, a.OrderNo, a.Rule, a.Subject}] {
			gone = append(gone, a)
			if a.OrderID != nil {
				ids = append(ids, *a.OrderID)
			}
		}
	}
	current := map[int64]sqldb.OrdersByIDsRow{}
	for start := 0; start < len(ids); start += 500 {
		list, _ := json.Marshal(ids[start:min(start+500, len(ids))])
		rows, err := q.OrdersByIDs(ctx, string(list))
		if err != nil {
			return Result{}, fmt.Errorf("anomaly rules: read orders: %w", err)
		}
		for _, r := range rows {
			current[r.ID] = r
		}
	}
	for _, a := range gone {
		var o *sqldb.OrdersByIDsRow
		if a.OrderID != nil {
			if r, ok := current[*a.OrderID]; ok && r.ShopID == a.ShopID && r.OrderNo == a.OrderNo {
				o = &r
			}
		}
		reason, detail := clearReason(a, o)
		state, resolution := a.State, a.Resolution
		if state == StateOpen || state == StateInProgress {
			state, resolution = StateResolved, ResolvedByData
		}
		if err := q.ClearAnomaly(ctx, sqldb.ClearAnomalyParams{ID: a.ID, State: state, Resolution: resolution,
			Reason: reason, ReasonDetail: detail, Now: now}); err != nil {
			return Result{}, fmt.Errorf("anomaly rules: clear anomaly %d: %w", a.ID, err)
		}
		if state != a.State {
			if err := systemEvent(ctx, q, a.ID, now, event{ActionCleared, a.State, reason, detail}); err != nil {
				return Result{}, err
			}
		}
		res.Cleared++
	}
	return res, nil
}

func orderID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

type event struct{ action, old, new, note string }

func systemEvent(ctx context.Context, q *sqldb.Queries, id int64, now string, ev event) error {
	if err := q.InsertAnomalyEvent(ctx, sqldb.InsertAnomalyEventParams{AnomalyID: id, At: now, Action: ev.action,
		OldValue: ev.old, NewValue: ev.new, Note: ev.note}); err != nil {
		return fmt.Errorf("anomaly rules: history of anomaly %d: %w", id, err)
	}
	return nil
}

// decision is what the evaluation does with a stored anomaly a rule sees again.
type decision struct {
	changed, reopened bool
	state, resolution string
	events            []event
}

// decide keeps the user's state, except that an anomaly the data had cleared comes back
// open when it reappears, and one the user resolved opens again when what the rule sees
// changes (due soon became overdue, a new buyer message, the next stage of a refund).
// Ignored stays ignored.
func decide(a *stored, f *Finding) decision {
	d := decision{state: a.State, resolution: a.Resolution}
	switch {
	case a.Active == 0 && a.Resolution == ResolvedByData:
		d.state, d.resolution, d.reopened = StateOpen, "", true
		d.events = append(d.events, event{ActionReopened, a.State, "reappeared", ""})
	case a.State == StateResolved && a.Resolution == ResolvedByUser && a.Fingerprint != f.Fingerprint:
		d.state, d.resolution, d.reopened = StateOpen, "", true
		d.events = append(d.events, event{ActionReopened, a.State, "changed", ""})
	}
	if a.Kind != f.Kind {
		d.events = append(d.events, event{ActionEscalate, a.Kind, f.Kind, ""})
	}
	d.changed = a.Active == 0 || d.state != a.State || a.Kind != f.Kind || !sameID(a.OrderID, f.OrderID) ||
		a.Since != fmtWall(f.Since) || a.Deadline != fmtWall(f.Deadline) || a.Basis != f.Basis ||
		a.Detail != f.Detail || a.AmountFen != f.AmountFen || a.Fingerprint != f.Fingerprint
	return d
}

func sameID(a *int64, b int64) bool {
	if a == nil {
		return b == 0
	}
	return *a == b
}

// The status an order must have for a rule to look at it; any other status clears it.
var ruleStatus = map[string]string{
	KindOverdueShipment: "to_ship", KindBuyerMessage: "to_ship", KindLogistics: "shipped",
	KindUnpaid: "unpaid", KindClosedPaid: "closed",
}

// clearReason says why the rules no longer see a (o: its order now, nil when gone).
// Codes: order_gone, status (detail: the platform's status text), expired (unpaid: the
// platform has closed it by now), aged_out (older than the look-back), refund_done,
// complaint_deleted, data (the data changed otherwise).
func clearReason(a *stored, o *sqldb.OrdersByIDsRow) (string, string) {
	switch {
	case a.Rule == KindComplaint:
		return "complaint_deleted", ""
	case strings.HasPrefix(a.Subject, "return:"):
		return "refund_done", "" // the return waybill's refund is finished
	case a.OrderID != nil && o == nil:
		return "order_gone", ""
	case o != nil && ruleStatus[a.Rule] != "" && o.Status != ruleStatus[a.Rule]:
		return "status", o.StatusText
	}
	switch a.Rule {
	case KindUnpaid:
		return "expired", ""
	case KindBigOrder, KindClosedPaid, KindLateShipComp:
		return "aged_out", ""
	case KindRefund:
		if o != nil {
			return "refund_done", o.StatusText
		}
		return "refund_done", ""
	}
	return "data", ""
}
