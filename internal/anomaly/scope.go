package anomaly

import (
	"context"
	"fmt"
	"time"

	"shopdesk/db/sqldb"
)

// What a run looks at (the scope): order ids in anomaly_scope_order, (shop, order number)
// keys in anomaly_scope_key (migration 00011). Every rule is a function of one order
// number's rows (the order, its sub-orders, refunds and complaints), of the thresholds, the
// shop's clock and the shop's median (big orders). So between two runs, what a rule says of
// an order number changes only if
//   - an import or an undo touched its rows: the triggers note the batches, and what an
//     undo removed or put back, in anomaly_pending;
//   - the time passed one of its turning points (due soon, overdue, stalled, aged out …):
//     the last run kept the next one of every order in anomaly_watch.next_at;
//   - its shop's median moved (big orders): medians() adds that shop's big orders;
//   - the thresholds or a shop's zone changed, or a clock went back: a full run.
// A full run's scope is every order a rule may look at now or later, every open refund,
// complaint and active anomaly.

// recentMargin widens the full run's window of recent orders by a day: shops may be in
// other time zones than the earliest clock.
const recentMargin = 24 * time.Hour

func (e *evaluation) buildScope(ctx context.Context) error {
	q := e.q
	// A shop the last run did not know: an undo may have removed a shop that anomalies and
	// complaints point to, and this import made it again: find it by platform and name.
	relink := e.full
	for _, sc := range e.shops {
		relink = relink || sc.prev == nil
	}
	if relink {
		moved, err := q.RelinkAnomalyShops(ctx)
		if err != nil {
			return fmt.Errorf("anomaly rules: relink shops: %w", err)
		}
		for _, m := range moved {
			if err := q.ScopeKey(ctx, sqldb.ScopeKeyParams{ShopID: m.ShopID, OrderNo: m.OrderNo}); err != nil {
				return fmt.Errorf("anomaly rules: scope: %w", err)
			}
		}
		if err := q.RelinkComplaintShops(ctx); err != nil { // the complaint triggers note the keys
			return fmt.Errorf("anomaly rules: relink shops: %w", err)
		}
	}
	var err error
	if e.pending, err = q.MaxPending(ctx); err != nil {
		return fmt.Errorf("anomaly rules: scope: %w", err)
	}
	var steps []step
	if e.full {
		var earliest time.Time
		for _, sc := range e.shops {
			if earliest.IsZero() || sc.now.Before(earliest) {
				earliest = sc.now
			}
		}
		back := days(max(e.t.BigOrderMedianDays, e.t.LookbackDays))
		steps = append(steps,
			step{"reset", func() error { return e.reset(ctx) }},
			step{"candidates", func() error { return q.ScopeCandidates(ctx, fmtWall(earliest.Add(-back-recentMargin))) }},
			step{"open refunds, complaints, anomalies", func() error { return q.ScopeAllKeys(ctx) }},
		)
	} else {
		steps = append(steps,
			step{"imports", func() error { return q.ScopeImportedOrders(ctx, e.pending) }},
			step{"imported refunds", func() error { return q.ScopeImportedKeys(ctx, e.pending) }},
			step{"undos", func() error { return q.ScopeUndoneOrders(ctx, e.pending) }},
			step{"undone anomalies", func() error { return q.ScopeUndoneKeys(ctx, e.pending) }},
			step{"time", func() error {
				for _, sc := range e.shops {
					var err error
					if sc.prev == nil {
						err = q.ScopeShopOrders(ctx, sc.id)
					} else {
						wall := wallSeconds(sc.now)
						err = q.ScopeDue(ctx, sqldb.ScopeDueParams{ShopID: sc.id, Wall: &wall})
					}
					if err != nil {
						return err
					}
				}
				return nil
			}},
		)
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return fmt.Errorf("anomaly rules: scope: %s: %w", s.name, err)
		}
	}
	return nil
}

type step = struct {
	name string
	run  func() error
}

// reset forgets what the last run kept: a full run counts from nothing.
func (e *evaluation) reset(ctx context.Context) error {
	for _, f := range []func(context.Context) error{e.q.ResetAnomalyState, e.q.ResetAnomalyWatch, e.q.ResetAnomalyAmounts} {
		if err := f(ctx); err != nil {
			return err
		}
	}
	for _, sc := range e.shops {
		sc.prev, sc.state = nil, sqldb.AnomalyShop{}
	}
	return nil
}

// keyChunk is how many order numbers a run reads at a time: memory stays flat however
// many anomalies there are.
const keyChunk = 1000

// checkScope runs the rules on every key of the scope, a chunk at a time, and writes what
// differs from what is stored.
func (e *evaluation) checkScope(ctx context.Context) error {
	q := e.q
	if err := q.ScopeKeysOfOrders(ctx); err != nil {
		return fmt.Errorf("anomaly rules: scope: %w", err)
	}
	last, err := q.MaxScopeKey(ctx)
	if err != nil {
		return fmt.Errorf("anomaly rules: scope: %w", err)
	}
	if last > 0 {
		has, err := q.AnyComplaints(ctx)
		if err != nil {
			return fmt.Errorf("anomaly rules: complaints: %w", err)
		}
		e.complaints = has != 0
	}
	for after := int64(0); after < last; after += keyChunk {
		if err := e.checkChunk(ctx, after, min(after+keyChunk, last)); err != nil {
			return err
		}
	}
	e.res.Checked = int(last)
	e.scoped = e.scoped || last > 0
	return nil
}

// orderKey is one order number of a shop: the unit the rules look at.
type orderKey struct {
	shopID  int64
	orderNo string
}

// chunk is everything the rules read for a chunk of keys.
type chunk struct {
	orders     map[orderKey]*sqldb.RuleOrdersRow
	items      map[int64][]sqldb.RuleRefundItemsRow
	refunds    map[orderKey][]sqldb.RuleRefundsRow
	complaints map[orderKey][]sqldb.RuleComplaintsRow
	stored     map[orderKey][]stored
	keys       []orderKey // every key with any row, in the order first seen
}

func (c *chunk) add(k orderKey) {
	if _, ok := c.orders[k]; ok {
		return
	}
	if _, ok := c.refunds[k]; ok {
		return
	}
	if _, ok := c.complaints[k]; ok {
		return
	}
	if _, ok := c.stored[k]; ok {
		return
	}
	c.keys = append(c.keys, k)
}

func (e *evaluation) readChunk(ctx context.Context, after, upto int64) (*chunk, error) {
	q := e.q
	c := &chunk{orders: map[orderKey]*sqldb.RuleOrdersRow{}, items: map[int64][]sqldb.RuleRefundItemsRow{},
		refunds: map[orderKey][]sqldb.RuleRefundsRow{}, complaints: map[orderKey][]sqldb.RuleComplaintsRow{},
		stored: map[orderKey][]stored{}}
	orders, err := q.RuleOrders(ctx, sqldb.RuleOrdersParams{After: after, Upto: upto})
	if err != nil {
		return nil, fmt.Errorf("anomaly rules: orders: %w", err)
	}
	for i := range orders {
		k := orderKey{orders[i].ShopID, orders[i].OrderNo}
		c.add(k)
		c.orders[k] = &orders[i]
	}
	// The sub-orders, refunds and complaints of the chunk, where it may have any: most order
	// numbers have none, and each look-up costs about what reading the order does.
	itemRefunds, refundRows := false, len(orders) < int(upto-after)
	for i := range orders {
		itemRefunds = itemRefunds || orders[i].HasItemRefunds != 0
		refundRows = refundRows || orders[i].HasRefunds != 0
	}
	if itemRefunds {
		items, err := q.RuleRefundItems(ctx, sqldb.RuleRefundItemsParams{After: after, Upto: upto})
		if err != nil {
			return nil, fmt.Errorf("anomaly rules: sub-orders: %w", err)
		}
		for _, it := range items {
			c.items[it.OrderID] = append(c.items[it.OrderID], it)
		}
	}
	if refundRows {
		refunds, err := q.RuleRefunds(ctx, sqldb.RuleRefundsParams{After: after, Upto: upto})
		if err != nil {
			return nil, fmt.Errorf("anomaly rules: refunds: %w", err)
		}
		for _, r := range refunds {
			k := orderKey{r.ShopID, r.OrderNo}
			c.add(k)
			c.refunds[k] = append(c.refunds[k], r)
		}
	}
	if e.complaints {
		complaints, err := q.RuleComplaints(ctx, sqldb.RuleComplaintsParams{After: after, Upto: upto})
		if err != nil {
			return nil, fmt.Errorf("anomaly rules: complaints: %w", err)
		}
		for _, r := range complaints {
			k := orderKey{r.ShopID, r.OrderNo}
			c.add(k)
			c.complaints[k] = append(c.complaints[k], r)
		}
	}
	have, err := q.RuleStoredAnomalies(ctx, sqldb.RuleStoredAnomaliesParams{After: after, Upto: upto})
	if err != nil {
		return nil, fmt.Errorf("anomaly rules: read anomalies: %w", err)
	}
	for _, a := range have {
		k := orderKey{a.ShopID, a.OrderNo}
		c.add(k)
		c.stored[k] = append(c.stored[k], a)
	}
	return c, nil
}

func (e *evaluation) checkChunk(ctx context.Context, after, upto int64) error {
	c, err := e.readChunk(ctx, after, upto)
	if err != nil {
		return err
	}
	var keep []any
	var gone []int64
	for _, k := range c.keys {
		o := c.orders[k]
		found, due := e.rules(k, o, c)
		if err := e.sync(ctx, found, c.stored[k], o); err != nil {
			return err
		}
		if o == nil {
			continue
		}
		sc := e.shops[o.ShopID]
		flags := e.orderFlags(sc, orderState{status: o.Status, created: o.CreatedAt, paid: o.PaidAt,
			promised: o.PromisedShipAt, shipped: o.ShippedAt, afterSale: o.AfterSale, itemRefunds: o.HasItemRefunds != 0})
		if o.WatchShop != o.ShopID || o.WatchFlags&^flagWindow != flags&^flagWindow {
			// The kept row may be another order's that had this id before an undo.
			e.uncount(o.WatchShop, o.WatchFlags&^flagWindow)
			e.count(o.ShopID, flags&^flagWindow, 1)
		}
		var at any
		if !due.IsZero() {
			at = wallSeconds(due)
		}
		switch {
		case flags == 0 && at == nil:
			if o.Watched != 0 {
				gone = append(gone, o.ID)
			}
		case o.Watched == 0 || flags != o.WatchFlags || o.PayFen != o.WatchPay || !sameNext(o.WatchNext, at):
			keep = append(keep, []any{o.ID, o.ShopID, at, flags, o.PayFen})
		}
	}
	return e.saveWatch(ctx, keep, gone)
}

func sameNext(kept *int64, at any) bool {
	if kept == nil || at == nil {
		return kept == nil && at == nil
	}
	return *kept == at.(int64)
}
