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
	CheckedAt string   `json:"checkedAt"` // when the run was, in the shops' zone (zones.display)
	Found     int      `json:"found"`     // anomalies the rules see now
	New       int      `json:"new"`
	Changed   int      `json:"changed"`
	Cleared   int      `json:"cleared"` // no longer seen: resolved by the data (or left as the user set them)
	Reopened  int      `json:"reopened"`
	Notices   []Notice `json:"notices"`
	Millis    int64    `json:"millis"`
	// Full says the run looked at every order (the first run, other thresholds, a shop's
	// time zone changed, a clock set back); otherwise it looked at Checked order numbers:
	// the ones imports and undos touched since the last run and the ones the time changed.
	Full    bool `json:"full"`
	Checked int  `json:"checked"`
}

// Evaluate brings the stored anomalies up to date as of clock. It runs after every import
// and undo, when the app opens, and every few minutes while it is open: time-based rules
// change as time passes. It looks only at what changed since the last run (see scope.go),
// and writes only what differs from what is stored: with nothing changed it writes nothing.
func (s *Store) Evaluate(ctx context.Context, clock Clock) (Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var res Result
	run := func(full bool) error {
		return s.db.InTx(ctx, func(tx *sql.Tx, _ *sqldb.Queries) error {
			q, err := prepare(ctx, tx)
			if err != nil {
				return err
			}
			defer q.Close()
			res, err = evaluate(ctx, q, clock, full)
			return err
		})
	}
	err := run(false)
	if errors.Is(err, errRecount) {
		err = run(true)
	}
	if err != nil {
		return Result{}, err
	}
	s.last = res
	return res, nil
}

// errRecount says that what the last runs kept does not add up (a write that bypassed the
// importer, a bug): the run is rolled back and a full one counts everything again.
var errRecount = errors.New("anomaly rules: the kept counts do not add up")

var errRollback = errors.New("as-of evaluation rolled back")

// prepare readies the queries on the run's transaction: the pool's prepared statements,
// called inside a transaction, are bound to it again on every call, and database/sql keeps
// each of those until the commit (170 MB of them in a full run on a million orders).
func prepare(ctx context.Context, tx *sql.Tx) (*sqldb.Queries, error) {
	q, err := sqldb.Prepare(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("anomaly rules: prepare: %w", err)
	}
	return q, nil
}

// AsOf runs the rules as of clock and lists the anomalies q selects then, without keeping
// anything (tests): what the worklist would show at that time (as AsOfEach gives them).
func (s *Store) AsOf(ctx context.Context, clock Clock, lq Query) ([]Anomaly, Result, error) {
	var rows []Anomaly
	res, err := s.AsOfEach(ctx, clock, lq, nil, func(a Anomaly) error {
		rows = append(rows, a)
		return nil
	})
	return rows, res, err
}

// AsOfEach is AsOf for any number of anomalies (`shopdesk anomalies --at`): begin gets the
// counts (Total, Groups) before each gets the anomalies one by one, in the worklist's order,
// as Each gives them (without their order's columns and notes).
func (s *Store) AsOfEach(ctx context.Context, clock Clock, lq Query, begin func(Page) error, each func(Anomaly) error) (Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var res Result
	run := func(full bool) error {
		return s.db.InTx(ctx, func(tx *sql.Tx, _ *sqldb.Queries) error {
			q, err := prepare(ctx, tx)
			if err != nil {
				return err
			}
			defer q.Close()
			if res, err = evaluate(ctx, q, clock, full); err != nil {
				return err
			}
			if err := stream(ctx, q, lq, true, begin, each); err != nil {
				return err
			}
			return errRollback
		})
	}
	err := run(false)
	if errors.Is(err, errRecount) {
		err = run(true)
	}
	if !errors.Is(err, errRollback) {
		return Result{}, err
	}
	return res, nil
}

// evaluate is one run of the rules: it decides what to look at (scope.go), counts what the
// notices and the big-order median need (watch.go), then reads the scope's order numbers a
// chunk at a time, runs every rule on each (rules.go) and writes what differs (sync).
//
// full forces a full run. When what the last runs kept does not add up it says so
// (errRecount): the caller rolls the transaction back and runs again with full set.
func evaluate(ctx context.Context, q *sqldb.Queries, clock Clock, full bool) (Result, error) {
	start := time.Now()
	e, err := newEvaluation(ctx, q, clock)
	if err != nil {
		return Result{}, err
	}

	e.full = e.full || full
	if err := e.buildScope(ctx); err != nil {
		return Result{}, err
	}
	if err := e.countScope(ctx); err != nil {
		return Result{}, err
	}
	if err := e.medians(ctx); err != nil {
		return Result{}, err
	}
	if err := e.checkScope(ctx); err != nil {
		return Result{}, err
	}
	if err := e.shopNotices(ctx); err != nil {
		return Result{}, err
	}
	if err := e.finish(ctx); err != nil {
		return Result{}, err
	}
	res := e.res
	res.Found = int(e.found)
	res.Notices = e.noticeList()
	names := make([]string, 0, len(e.shops))
	for _, sc := range e.shops {
		names = append(names, sc.timezone)
	}
	res.CheckedAt = time.Now().In(displayZone(names)).Format(wallLayout)
	res.Millis = time.Since(start).Milliseconds()
	return res, nil
}

// newEvaluation takes the write lock, reads the thresholds and the shops with their clocks,
// and decides whether this run can build on the last one.
func newEvaluation(ctx context.Context, q *sqldb.Queries, clock Clock) (*evaluation, error) {
	if err := q.LockScope(ctx); err != nil {
		return nil, fmt.Errorf("anomaly rules: %w", err)
	}
	t, err := settings.Load(ctx, q)
	if err != nil {
		return nil, err
	}
	tjson, _ := json.Marshal(t)
	e := &evaluation{q: q, t: t, thresholds: string(tjson), shops: map[int64]*shopClock{}, now: utcNow()}
	last, err := q.GetAnomalyRun(ctx)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		e.full = true
	case err != nil:
		return nil, fmt.Errorf("anomaly rules: last run: %w", err)
	default:
		e.full, e.found = last.Thresholds != e.thresholds, last.Found
	}
	states, err := q.AnomalyShops(ctx)
	if err != nil {
		return nil, fmt.Errorf("anomaly rules: shops: %w", err)
	}
	prev := map[int64]sqldb.AnomalyShop{}
	for _, st := range states {
		prev[st.ShopID] = st
	}
	shops, err := q.RuleShops(ctx)
	if err != nil {
		return nil, fmt.Errorf("anomaly rules: shops: %w", err)
	}
	for _, r := range shops {
		loc, err := time.LoadLocation(r.Timezone)
		if err != nil {
			loc, _ = time.LoadLocation(shop.DefaultTimezone)
		}
		now, off := clock(loc)
		sc := &shopClock{id: r.ID, platform: r.Platform, name: r.Name, timezone: r.Timezone, now: now, offset: off}
		if st, ok := prev[r.ID]; ok {
			// The passing time is all a run looks at besides the changes: a clock set back, or
			// another zone or offset, makes what the last run kept wrong.
			if st.Timezone != r.Timezone || st.OffsetS != int64(off/time.Second) || wallSeconds(now) < st.Wall {
				e.full = true
			}
			sc.prev, sc.state = &st, st
		}
		e.shops[r.ID] = sc
	}
	return e, nil
}

// finish stores what this run leaves for the next one, and only what changed: a run that
// found nothing to do writes nothing.
func (e *evaluation) finish(ctx context.Context) error {
	q := e.q
	if err := q.DeleteAnomalyShops(ctx); err != nil {
		return fmt.Errorf("anomaly rules: save: %w", err)
	}
	if err := q.DeleteGoneShopAmounts(ctx); err != nil {
		return fmt.Errorf("anomaly rules: save: %w", err)
	}
	for _, sc := range e.shops {
		st := sc.state
		st.ShopID, st.Timezone, st.OffsetS = sc.id, sc.timezone, int64(sc.offset/time.Second)
		// The clock moves on when the run looked at orders: the next times it kept are
		// after it. (Unchanged otherwise: the next times kept are all after the old clock.)
		if e.scoped || sc.prev == nil {
			st.Wall = wallSeconds(sc.now)
		}
		if sc.prev != nil && *sc.prev == st {
			continue
		}
		if err := q.SaveAnomalyShop(ctx, sqldb.SaveAnomalyShopParams(st)); err != nil {
			return fmt.Errorf("anomaly rules: save: %w", err)
		}
	}
	if e.pending > 0 {
		if err := q.DeletePending(ctx, e.pending); err != nil {
			return fmt.Errorf("anomaly rules: save: %w", err)
		}
	}
	if e.full || e.activeDelta != 0 {
		if e.full { // counted from the anomalies, once
			found, err := q.CountActiveAnomalies(ctx)
			if err != nil {
				return fmt.Errorf("anomaly rules: count: %w", err)
			}
			e.found, e.activeDelta = found, 0
		}
		e.found += e.activeDelta
		if err := q.SaveAnomalyRun(ctx, sqldb.SaveAnomalyRunParams{Thresholds: e.thresholds, Found: e.found, RanAt: e.now}); err != nil {
			return fmt.Errorf("anomaly rules: save: %w", err)
		}
	}
	if e.scoped {
		if err := q.ClearScopeOrders(ctx); err != nil {
			return fmt.Errorf("anomaly rules: save: %w", err)
		}
		if err := q.ClearScopeKeys(ctx); err != nil {
			return fmt.Errorf("anomaly rules: save: %w", err)
		}
	}
	e.res.Full = e.full
	return nil
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
type stored = sqldb.RuleStoredAnomaliesRow

// sync writes the difference between what the rules find now for one order number of a
// shop (found, in rule order) and what is stored for it (any state). o is the order now
// (nil: none under that number).
func (e *evaluation) sync(ctx context.Context, found []Finding, have []stored, o *sqldb.RuleOrdersRow) error {
	q := e.q
	known := make(map[findingKey]*stored, len(have))
	for i := range have {
		a := &have[i]
		known[findingKey{a.ShopID, a.OrderNo, a.Rule, a.Subject}] = a
	}
	seen := make(map[findingKey]bool, len(found))
	for i := range found {
		f := &found[i]
		k := f.key()
		if seen[k] {
			continue // two rules' sources saw the same thing: the first one counts
		}
		seen[k] = true
		a := known[k]
		if a == nil {
			sc := e.shops[f.ShopID]
			if err := q.InsertAnomaly(ctx, sqldb.InsertAnomalyParams{
				Rule: f.Rule, Kind: f.Kind, ShopID: f.ShopID, Platform: sc.platform, ShopName: sc.name,
				OrderNo: f.OrderNo, Subject: f.Subject, OrderID: orderID(f.OrderID), Since: fmtWall(f.Since),
				Deadline: fmtWall(f.Deadline), Basis: f.Basis, Detail: f.Detail, AmountFen: f.AmountFen,
				Fingerprint: f.Fingerprint, Now: e.now,
			}); err != nil {
				return fmt.Errorf("anomaly rules: add %s of order %s: %w", f.Rule, f.OrderNo, err)
			}
			e.res.New++
			e.activeDelta++
			continue
		}
		d := decide(a, f)
		if !d.changed {
			continue
		}
		if err := q.UpdateAnomalyFinding(ctx, sqldb.UpdateAnomalyFindingParams{
			ID: a.ID, Kind: f.Kind, OrderID: orderID(f.OrderID), Since: fmtWall(f.Since), Deadline: fmtWall(f.Deadline),
			Basis: f.Basis, Detail: f.Detail, AmountFen: f.AmountFen, Fingerprint: f.Fingerprint,
			State: d.state, Resolution: d.resolution, Now: e.now,
		}); err != nil {
			return fmt.Errorf("anomaly rules: update anomaly %d: %w", a.ID, err)
		}
		for _, ev := range d.events {
			if err := systemEvent(ctx, q, a.ID, e.now, ev); err != nil {
				return err
			}
		}
		if d.reopened {
			e.res.Reopened++
		}
		if a.Active == 0 {
			e.activeDelta++
		}
		e.res.Changed++
	}

	// Active anomalies no rule sees any more: the data (or the time) cleared them.
	for i := range have {
		a := &have[i]
		if a.Active == 0 || seen[findingKey{a.ShopID, a.OrderNo, a.Rule, a.Subject}] {
			continue
		}
		var now *sqldb.RuleOrdersRow
		if o != nil && a.OrderID != nil && *a.OrderID == o.ID {
			now = o
		}
		reason, detail := clearReason(a, now)
		state, resolution := a.State, a.Resolution
		if state == StateOpen || state == StateInProgress {
			state, resolution = StateResolved, ResolvedByData
		}
		if err := q.ClearAnomaly(ctx, sqldb.ClearAnomalyParams{ID: a.ID, State: state, Resolution: resolution,
			Reason: reason, ReasonDetail: detail, Now: e.now}); err != nil {
			return fmt.Errorf("anomaly rules: clear anomaly %d: %w", a.ID, err)
		}
		if state != a.State {
			if err := systemEvent(ctx, q, a.ID, e.now, event{ActionCleared, a.State, reason, detail}); err != nil {
				return err
			}
		}
		e.res.Cleared++
		e.activeDelta--
	}
	return nil
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
func clearReason(a *stored, o *sqldb.RuleOrdersRow) (string, string) {
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

// noticeList returns the notices of the run in a stable order: by rule, code, shop.
func (e *evaluation) noticeList() []Notice {
	out := make([]Notice, 0, len(e.notices))
	for _, n := range e.notices {
		out = append(out, *n)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Rule != b.Rule {
			return ruleRank(a.Rule) < ruleRank(b.Rule)
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.ShopID < b.ShopID
	})
	return out
}
