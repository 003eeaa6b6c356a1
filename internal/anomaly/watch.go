package anomaly

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"time"

	"shopdesk/db/sqldb"
)

// What a run keeps of each order for the next one (anomaly_watch, migration 00011): the
// next time the passing time changes what a rule says of it, and what it counts for the
// shop-wide numbers (the notices, the big-order median). Those numbers are kept per shop
// (anomaly_shop, anomaly_amount) and each run adds what its scope changed: what the last
// run counted of an order comes out, what it counts now goes in. A full run starts them
// from nothing.

// What an order counts for (anomaly_watch.flags).
const (
	flagNoPromised = 1 << iota // to ship, without 承诺发货时间 (notice no_promised_time)
	flagNoShipped              // shipped, without 发货时间 (notice no_shipped_time)
	flagRefundData             // a sub-order refund status or 售后状态 (the refund rule has data)
	flagWindow                 // paid, in the median window (pay_fen counts for the median)
)

// wallSeconds is a shop-local wall time as stored in anomaly_watch and anomaly_shop.
func wallSeconds(t time.Time) int64 { return t.Unix() }

// windowBounds is the median window of a shop now: created_at >= from and < to.
func (e *evaluation) windowBounds(sc *shopClock) (from, to string) {
	if sc.windowTo == "" {
		sc.windowFrom, sc.windowTo = fmtWall(sc.now.Add(-days(e.t.BigOrderMedianDays))), fmtWall(sc.now)
	}
	return sc.windowFrom, sc.windowTo
}

// orderState is what an order's flags depend on.
type orderState struct {
	status, created, paid, promised, shipped, afterSale string
	itemRefunds                                         bool
}

func (e *evaluation) orderFlags(sc *shopClock, o orderState) int64 {
	var f int64
	switch o.status {
	case "to_ship":
		_, promised := parseWall(o.promised)
		_, paid := parseWall(o.paid)
		_, created := parseWall(o.created)
		if !promised && (paid || created) {
			f |= flagNoPromised
		}
	case "shipped":
		if _, ok := parseWall(o.shipped); !ok {
			f |= flagNoShipped
		}
	}
	if o.itemRefunds || o.afterSale != "" {
		f |= flagRefundData
	}
	// Compared as text, as the window's SQL compares them (CountWindowAmounts).
	if from, to := e.windowBounds(sc); paidStatus(o.status) && o.created >= from && o.created < to {
		f |= flagWindow
	}
	return f
}

// count adds (sign 1) or takes out (-1) what an order counts for in its shop's notices.
// (Its place in the median window is counted by AddWindowChanges.)
func (e *evaluation) count(shopID, flags, sign int64) {
	sc := e.shops[shopID]
	if sc == nil {
		return // a shop an undo removed: its numbers go with it
	}
	st := &sc.state
	if flags&flagNoPromised != 0 {
		st.NoPromised += sign
	}
	if flags&flagNoShipped != 0 {
		st.NoShipped += sign
	}
	if flags&flagRefundData != 0 {
		st.RefundOrders += sign
	}
}

// uncount takes out what the last run counted of an order. A shop the last run did not
// know counts from nothing: what was kept under its id was counted for a shop an undo
// removed (ids are used again).
func (e *evaluation) uncount(shopID, flags int64) {
	if sc := e.shops[shopID]; sc != nil && sc.prev != nil {
		e.count(shopID, flags, -1)
	}
}

// countScope brings each shop's median window up to date for the scope's orders before
// the rules run (big orders need the median as it is now), and takes the orders an undo
// removed out of the shops' numbers. The rules' pass counts the rest (checkChunk). A full
// run counts the windows from the orders instead (medians).
func (e *evaluation) countScope(ctx context.Context) error {
	if e.full {
		return nil
	}
	q := e.q
	for _, sc := range e.shops {
		if sc.prev == nil {
			continue // counted from its orders (medians)
		}
		from, to := e.windowBounds(sc)
		n, err := q.AddWindowChanges(ctx, sqldb.AddWindowChangesParams{ShopID: sc.id, FromTime: from, ToTime: to})
		if err != nil {
			return fmt.Errorf("anomaly rules: median: %w", err)
		}
		sc.windowChanged = n > 0
	}
	undos, err := q.PendingUndos(ctx, e.pending)
	if err != nil || undos == 0 {
		return err
	}
	gone, err := q.ScopeGoneWatch(ctx)
	if err != nil {
		return fmt.Errorf("anomaly rules: count orders: %w", err)
	}
	var ids []int64
	for _, w := range gone {
		e.uncount(w.ShopID, w.Flags)
		ids = append(ids, w.OrderID)
	}
	if len(ids) > 0 {
		e.scoped = true
		if err := q.DeleteWatch(ctx, jsonText(ids)); err != nil {
			return fmt.Errorf("anomaly rules: count orders: %w", err)
		}
	}
	return nil
}

// medians stores the changes to the windows' amounts and reads each changed shop's median.
// Where the median moved, the shop's big orders join the scope: the ones the rule finds
// now, and the paid orders above the lower of the old and the new threshold.
func (e *evaluation) medians(ctx context.Context) error {
	q := e.q
	if !e.full {
		negative, err := q.CountNegativeAmounts(ctx)
		if err != nil {
			return fmt.Errorf("anomaly rules: median: %w", err)
		}
		if negative > 0 {
			return errRecount
		}
	}
	for _, sc := range e.shops {
		old := median{}
		if sc.prev != nil {
			old = median{sc.prev.WindowN, sc.prev.MedianFen}
		}
		switch {
		case e.full || sc.prev == nil:
			if !e.full { // a new shop, perhaps under the id of one an undo removed
				if err := q.ResetShopAmounts(ctx, sc.id); err != nil {
					return fmt.Errorf("anomaly rules: median: %w", err)
				}
			}
			from, to := e.windowBounds(sc)
			if err := q.CountWindowAmounts(ctx, sqldb.CountWindowAmountsParams{ShopID: sc.id, FromTime: from, ToTime: to}); err != nil {
				return fmt.Errorf("anomaly rules: median: %w", err)
			}
		case sc.prev != nil && !sc.windowChanged:
			sc.median = old
			continue
		default:
			if err := q.PruneAmounts(ctx, sc.id); err != nil {
				return fmt.Errorf("anomaly rules: median: %w", err)
			}
		}
		amounts, err := q.ShopAmounts(ctx, sc.id)
		if err != nil {
			return fmt.Errorf("anomaly rules: median: %w", err)
		}
		sc.median = lowerMedian(amounts)
		sc.state.WindowN, sc.state.MedianFen = sc.median.n, sc.median.fen
		if sc.prev != nil && e.bar(old) != e.bar(sc.median) {
			if err := e.bigOrderScope(ctx, sc, old); err != nil {
				return err
			}
		}
	}
	return nil
}

// lowerMedian is the median of the counted amounts (the lower one of an even count, as
// the rule has always taken it).
func lowerMedian(rows []sqldb.ShopAmountsRow) median {
	var n int64
	for _, r := range rows {
		n += r.N
	}
	if n == 0 {
		return median{}
	}
	k := (n - 1) / 2
	for _, r := range rows {
		if k < r.N {
			return median{n, r.PayFen}
		}
		k -= r.N
	}
	return median{n, rows[len(rows)-1].PayFen}
}

// bar is the amount above which an order is big by the median (+Inf: the median does not
// apply), and the median the finding names: both change what the rule says.
func (e *evaluation) bar(m median) [2]float64 {
	t := e.t
	if t.BigOrderMultiple > 0 && m.n >= int64(t.BigOrderMinOrders) && m.fen > 0 {
		return [2]float64{t.BigOrderMultiple * float64(m.fen), float64(m.fen)}
	}
	return [2]float64{math.Inf(1), 0}
}

func (e *evaluation) bigOrderScope(ctx context.Context, sc *shopClock, old median) error {
	q := e.q
	if err := q.ScopeBigOrderAnomalies(ctx, sc.id); err != nil {
		return fmt.Errorf("anomaly rules: big orders: %w", err)
	}
	low, high := e.bar(sc.median)[0], e.bar(old)[0]
	if low >= high {
		return nil // a higher bar: only orders the rule finds now can change
	}
	// Paid orders that may be big now: above the new bar (pay > bar ⟺ pay > ⌊bar⌋ in fen)
	// and not above the old one. The window's amounts say whether there are any; outside
	// the window only the look-back's newest second (the window ends before now) and, with
	// a look-back longer than the median days, its older days may hold some.
	lowFen, highFen := int64(math.Floor(low)), int64(math.MaxInt64)
	if !math.IsInf(high, 1) {
		highFen = int64(math.Floor(high))
	}
	n, err := q.CountAmountsBetween(ctx, sqldb.CountAmountsBetweenParams{ShopID: sc.id, AboveFen: lowFen, UptoFen: highFen})
	if err != nil {
		return fmt.Errorf("anomaly rules: big orders: %w", err)
	}
	from, to := fmtWall(sc.now.Add(-days(e.t.LookbackDays))), fmtWall(sc.now)
	if n == 0 && e.t.LookbackDays <= e.t.BigOrderMedianDays {
		from = to
	}
	if err := q.ScopeBigOrderCandidates(ctx, sqldb.ScopeBigOrderCandidatesParams{ShopID: sc.id, FromTime: from,
		ToTime: to, AboveFen: lowFen}); err != nil {
		return fmt.Errorf("anomaly rules: big orders: %w", err)
	}
	return nil
}

// saveWatch keeps what the run saw of the orders it checked (rows of [order id, shop id,
// wall seconds or nil, flags, pay_fen]); gone are orders with nothing to keep.
func (e *evaluation) saveWatch(ctx context.Context, rows []any, gone []int64) error {
	if len(rows) > 0 {
		if err := e.q.SaveWatch(ctx, jsonText(rows)); err != nil {
			return fmt.Errorf("anomaly rules: save: %w", err)
		}
	}
	if len(gone) > 0 {
		if err := e.q.DeleteWatch(ctx, jsonText(gone)); err != nil {
			return fmt.Errorf("anomaly rules: save: %w", err)
		}
	}
	return nil
}

// shopNotices says, per shop, what a rule lacks and what it does instead.
func (e *evaluation) shopNotices(ctx context.Context) error {
	t := e.t
	for _, sc := range e.shops {
		st := sc.state
		if st.NoPromised > 0 {
			e.notice(sc, KindOverdueShipment, "no_promised_time", int64(t.ShipHours), int(st.NoPromised))
		}
		if st.NoShipped > 0 {
			e.notice(sc, KindLogistics, "no_shipped_time", int64(t.ShipHours), int(st.NoShipped))
		}
		if !slices.Contains(compPlatforms, sc.platform) {
			e.notice(sc, KindLateShipComp, "no_comp_data", 0, 0)
		}
		withData := st.RefundOrders > 0
		if !withData {
			has, err := e.q.ShopHasRefunds(ctx, sc.id)
			if err != nil {
				return fmt.Errorf("anomaly rules: refunds: %w", err)
			}
			withData = has != 0
		}
		if !withData {
			e.notice(sc, KindRefund, "no_refund_status", 0, 0)
		}
		if t.BigOrderMultiple > 0 && sc.median.n < int64(t.BigOrderMinOrders) {
			e.notice(sc, KindBigOrder, "few_orders", int64(t.BigOrderMinOrders), int(sc.median.n))
		}
	}
	return nil
}

// jsonText is rows as the JSON array the queries read with json_each.
func jsonText(rows any) string {
	b, err := json.Marshal(rows)
	if err != nil {
		panic(err) // numbers and strings only
	}
	return string(b)
}
