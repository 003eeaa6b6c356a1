package stock

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"shopdesk/db/sqldb"
)

// Sync keeps the derived sales and returns (stock_line, stock_return) in step with the
// imports. It compares the import history with what it derived from before (stock_sync):
//   - a new batch: the orders it created (its id range) and changed, and the refunds it
//     created or changed or whose orders it brought, are derived (again); what it touched
//     is remembered with it.
//   - a batch that is gone (undone): the orders and refunds it had touched are derived
//     again (what it created is gone already: lines and returns go with their orders and
//     refunds, ON DELETE CASCADE), and the SKUs only it had brought are removed.
// Then the figures are computed again. The app and the command line call it after every
// import and undo, and at start: a run missed (a crash between the import and here) is
// caught up by the next, since it works from the history, not from what it was told.
//
// Deriving 1,000,000 order lines at once (the first sync of a big database) takes seconds
// (BenchmarkStockSheet prints it); a day's imports take milliseconds.

// SyncResult says what a sync did.
type SyncResult struct {
	Batches      int   `json:"batches"`      // batches derived from (new and undone)
	ItemsCreated int64 `json:"itemsCreated"` // SKUs first seen on order lines
	ItemsRemoved int64 `json:"itemsRemoved"` // SKUs no order line names any more
}

type orderRanges [][2]int64

// syncChunk is how many of a batch's orders one transaction derives: about a second of
// writing on the benchmark's machine.
var syncChunk int64 = 50_000

// merged is the ranges sorted, overlapping and adjoining ones joined: the queries join
// orders to each range, so an order in two ranges would be derived twice.
func (r orderRanges) merged() orderRanges {
	v := slices.Clone(r)
	slices.SortFunc(v, func(a, b [2]int64) int { return cmp.Compare(a[0], b[0]) })
	var out orderRanges
	for _, x := range v {
		if n := len(out); n > 0 && x[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], x[1])
			continue
		}
		out = append(out, x)
	}
	return out
}

func (r orderRanges) json() string {
	if len(r) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(r)
	return string(b)
}

// Sync derives what the imports since the last sync changed, then recomputes the figures.
func (s *Store) Sync(ctx context.Context) (SyncResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	res, err := s.sync(ctx)
	if err != nil {
		return res, err
	}
	return res, s.recompute(ctx)
}

func (s *Store) sync(ctx context.Context) (SyncResult, error) {
	var res SyncResult
	q := s.db.Queries()
	batches, err := q.BatchesForSync(ctx)
	if err != nil {
		return res, fmt.Errorf("stock sync: batches: %w", err)
	}
	synced, err := q.SyncedBatches(ctx)
	if err != nil {
		return res, fmt.Errorf("stock sync: %w", err)
	}
	type key struct{ sha, started string }
	live := map[int64]key{}
	for _, b := range batches {
		live[b.ID] = key{b.FileSha256, b.StartedAt}
	}
	done := map[int64]key{}
	var gone []sqldb.StockSync
	for _, sy := range synced {
		if k, ok := live[sy.BatchID]; ok && k == (key{sy.FileSha256, sy.StartedAt}) {
			done[sy.BatchID] = k
			continue
		}
		gone = append(gone, sy)
	}
	var fresh []sqldb.BatchesForSyncRow
	for _, b := range batches {
		if _, ok := done[b.ID]; !ok {
			fresh = append(fresh, b)
		}
	}
	if len(gone) == 0 && len(fresh) == 0 {
		return res, nil
	}
	res.Batches = len(gone) + len(fresh)
	// The orders a big batch created are derived a chunk a transaction: the first sync of a
	// database of a million orders takes a while, and the imports and the anomaly rules
	// must not wait for all of it (SQLite has one writer; they wait 5 s at most).
	chunked := map[int64]bool{}
	for _, b := range fresh {
		if b.LastOrderID-b.FirstOrderID+1 <= syncChunk {
			continue
		}
		for lo := b.FirstOrderID; lo <= b.LastOrderID; lo += syncChunk {
			hi := min(lo+syncChunk-1, b.LastOrderID)
			err := s.db.InBulkTx(ctx, 64, func(_ *sql.Tx, q *sqldb.Queries) error {
				return deriveLines(ctx, q, orderRanges{{lo, hi}}, &res)
			})
			if err != nil {
				return res, fmt.Errorf("stock sync: batch %d: %w", b.ID, err)
			}
		}
		chunked[b.ID] = true
	}
	// The rest, and the record of what was derived, in one transaction.
	err = s.db.InBulkTx(ctx, 64, func(_ *sql.Tx, q *sqldb.Queries) error {
		for _, g := range gone {
			var orders []int64
			var refunds []int64
			if err := json.Unmarshal([]byte(g.OrderIds), &orders); err != nil {
				return fmt.Errorf("batch %d: %w", g.BatchID, err)
			}
			if err := json.Unmarshal([]byte(g.RefundIds), &refunds); err != nil {
				return fmt.Errorf("batch %d: %w", g.BatchID, err)
			}
			var ranges orderRanges
			for _, id := range orders {
				ranges = append(ranges, [2]int64{id, id})
			}
			if err := deriveLines(ctx, q, ranges, &res); err != nil {
				return fmt.Errorf("batch %d: %w", g.BatchID, err)
			}
			if err := deriveReturns(ctx, q, refunds, &res); err != nil {
				return fmt.Errorf("batch %d: %w", g.BatchID, err)
			}
			if err := q.DeleteSynced(ctx, g.BatchID); err != nil {
				return err
			}
		}
		for _, b := range fresh {
			changed, err := q.OrdersChangedByBatch(ctx, b.ID)
			if err != nil {
				return fmt.Errorf("batch %d: changed orders: %w", b.ID, err)
			}
			ranges := orderRanges{}
			for _, id := range changed {
				ranges = append(ranges, [2]int64{id, id})
			}
			all := ranges
			if b.FirstOrderID <= b.LastOrderID {
				all = append(slices.Clone(ranges), [2]int64{b.FirstOrderID, b.LastOrderID})
				if !chunked[b.ID] {
					ranges = all
				}
			}
			if err := deriveLines(ctx, q, ranges, &res); err != nil {
				return fmt.Errorf("batch %d: %w", b.ID, err)
			}
			refunds, err := q.RefundsOfBatch(ctx, sqldb.RefundsOfBatchParams{BatchID: b.ID, Ranges: all.json()})
			if err != nil {
				return fmt.Errorf("batch %d: refunds: %w", b.ID, err)
			}
			if err := deriveReturns(ctx, q, refunds, &res); err != nil {
				return fmt.Errorf("batch %d: %w", b.ID, err)
			}
			oj, _ := json.Marshal(nonNil(changed))
			rj, _ := json.Marshal(nonNil(refunds))
			if err := q.PutSynced(ctx, sqldb.PutSyncedParams{BatchID: b.ID, FileSha256: b.FileSha256, StartedAt: b.StartedAt,
				FirstOrderID: b.FirstOrderID, LastOrderID: b.LastOrderID, OrderIds: string(oj), RefundIds: string(rj)}); err != nil {
				return err
			}
		}
		if len(gone) > 0 {
			n, err := q.DeleteOrphanOrderItems(ctx)
			if err != nil {
				return fmt.Errorf("remove SKUs no order names: %w", err)
			}
			res.ItemsRemoved = n
		}
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("stock sync: %w", err)
	}
	return res, nil
}

func nonNil(v []int64) []int64 {
	if v == nil {
		return []int64{}
	}
	return v
}

// deriveLines derives the sale lines of the orders in ranges again (first the SKUs of
// merchant codes not seen before).
func deriveLines(ctx context.Context, q *sqldb.Queries, ranges orderRanges, res *SyncResult) error {
	if len(ranges) == 0 {
		return nil
	}
	rj := ranges.merged().json()
	if err := q.DeleteLinesOfOrders(ctx, rj); err != nil {
		return fmt.Errorf("delete lines: %w", err)
	}
	now := utcNow()
	n, err := q.CreateItemsOfOrders(ctx, sqldb.CreateItemsOfOrdersParams{Ranges: rj, Now: now})
	if err != nil {
		return fmt.Errorf("create SKUs: %w", err)
	}
	res.ItemsCreated += n
	if err := q.InsertItemLines(ctx, rj); err != nil {
		return fmt.Errorf("insert lines: %w", err)
	}
	if err := q.InsertOrderLines(ctx, rj); err != nil {
		return fmt.Errorf("insert order lines: %w", err)
	}
	return nil
}

// deriveReturns derives the returns of refunds again: a refunded refund whose kind is a
// return brings back the units of the line it is about. The line is the order's line of
// the refund's sub-order number, else of its merchant code, else of its title, else the
// order's only line; its units are the line's, in proportion to the amount refunded when
// that is less than the line's amount. Without a line: one unit of the refund's merchant
// code (a SKU made for it when new).
func deriveReturns(ctx context.Context, q *sqldb.Queries, ids []int64, res *SyncResult) error {
	if len(ids) == 0 {
		return nil
	}
	js, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	if err := q.DeleteReturnsOfRefunds(ctx, string(js)); err != nil {
		return fmt.Errorf("delete returns: %w", err)
	}
	refunds, err := q.ReturnedRefunds(ctx, sqldb.ReturnedRefundsParams{Ids: string(js), ReturnWord: ReturnWord})
	if err != nil {
		return fmt.Errorf("returned refunds: %w", err)
	}
	for _, r := range refunds {
		if r.At == "" {
			continue // no time to put it at: the export has neither 申请时间 nor 完结时间
		}
		ret := sqldb.InsertReturnParams{RefundID: r.ID, ShopID: r.ShopID, Code: r.SkuCode, Title: r.Title,
			At: r.At, Units: 1, AmountFen: r.AmountFen}
		var line *sqldb.OrderLinesForReturnRow
		if r.OrderID != 0 {
			lines, err := q.OrderLinesForReturn(ctx, r.OrderID)
			if err != nil {
				return fmt.Errorf("lines of order %d: %w", r.OrderID, err)
			}
			line = lineOfRefund(r, lines)
		}
		if line != nil {
			ret.StockItemID, ret.Units = line.StockItemID, line.Units
			if ret.Code == "" {
				ret.Code = line.Code
			}
			if ret.Title == "" {
				ret.Title = line.Title
			}
			if line.PayFen > 0 && r.AmountFen > 0 && r.AmountFen < line.PayFen {
				ret.Units = max(1, int64(math.Round(float64(line.Units)*float64(r.AmountFen)/float64(line.PayFen))))
			}
		}
		if ret.StockItemID == nil && ret.Code != "" {
			item, err := q.GetStockItemByCode(ctx, ret.Code)
			if err == sql.ErrNoRows {
				id, cerr := q.CreateStockItem(ctx, sqldb.CreateStockItemParams{Code: ret.Code, Name: ret.Title,
					PackSize: 1, Source: "order", Now: utcNow()})
				if cerr != nil {
					return fmt.Errorf("create SKU %s: %w", ret.Code, cerr)
				}
				res.ItemsCreated++
				ret.StockItemID = &id
			} else if err != nil {
				return err
			} else {
				ret.StockItemID = &item.ID
			}
		}
		if err := q.InsertReturn(ctx, ret); err != nil {
			return fmt.Errorf("insert return of refund %d: %w", r.ID, err)
		}
	}
	return nil
}

// lineOfRefund picks the order line a refund is about (nil: none fits).
func lineOfRefund(r sqldb.ReturnedRefundsRow, lines []sqldb.OrderLinesForReturnRow) *sqldb.OrderLinesForReturnRow {
	tests := []func(l sqldb.OrderLinesForReturnRow) bool{
		func(l sqldb.OrderLinesForReturnRow) bool { return r.SubOrderNo != "" && l.SubOrderNo == r.SubOrderNo },
		func(l sqldb.OrderLinesForReturnRow) bool { return r.SkuCode != "" && l.Code == r.SkuCode },
		func(l sqldb.OrderLinesForReturnRow) bool {
			return r.Title != "" && strings.TrimSpace(l.Title) == strings.TrimSpace(r.Title)
		},
	}
	for _, t := range tests {
		for i := range lines {
			if t(lines[i]) {
				return &lines[i]
			}
		}
	}
	if len(lines) == 1 && r.SkuCode == "" {
		return &lines[0]
	}
	return nil
}
