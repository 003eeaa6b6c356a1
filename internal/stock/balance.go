package stock

import (
	"context"
	"encoding/json"
	"fmt"

	"shopdesk/db/sqldb"
)

// Balance is an item's stock on hand as of a time, and what it rests on.
type Balance struct {
	OnHand int64
	// Known: the item has a stored movement by then (a count, goods in …). Without one its
	// stock was never told to Shopdesk: on hand reads 0 and its sales are not subtracted.
	Known bool
	// BaseAt is the time the balance starts from: the last count, else the first movement.
	// Sales and returns count from after it.
	BaseAt string
	// FirstMoveAt is the item's first stored movement ("" for none).
	FirstMoveAt string
}

// fold is one item's stored movements read in ledger order.
type fold struct {
	first, baseAt string
	base, after   int64 // the last count (0 before any), the movements after it
}

func (f *fold) add(kind string, qty int64, counted *int64, at string) {
	if f.first == "" {
		f.first, f.baseAt = at, at
	}
	if kind == MoveStocktake && counted != nil {
		f.base, f.after, f.baseAt = *counted, 0, at
		return
	}
	f.after += qty
}

// foldMoves folds movements read in ledger order (by item, time, id), item by item.
func foldMoves(moves []sqldb.MovesUpToRow) map[int64]*fold {
	folds := map[int64]*fold{}
	for _, m := range moves {
		f := folds[m.StockItemID]
		if f == nil {
			f = &fold{}
			folds[m.StockItemID] = f
		}
		f.add(m.Kind, m.Qty, m.Counted, m.At)
	}
	return folds
}

// ledgerFolds folds every item's stored movements up to end (a ledger time, inclusive).
func ledgerFolds(ctx context.Context, q *sqldb.Queries, end string) (map[int64]*fold, error) {
	moves, err := q.MovesUpTo(ctx, end)
	if err != nil {
		return nil, fmt.Errorf("stock balances: movements: %w", err)
	}
	return foldMoves(moves), nil
}

// itemFolds folds the stored movements up to end of the items.
func itemFolds(ctx context.Context, q *sqldb.Queries, items []int64, end string) (map[int64]*fold, error) {
	ids, err := json.Marshal(items)
	if err != nil {
		return nil, err
	}
	rows, err := q.ItemsMovesUpTo(ctx, sqldb.ItemsMovesUpToParams{ItemIds: string(ids), EndAt: end})
	if err != nil {
		return nil, fmt.Errorf("stock balances: movements: %w", err)
	}
	moves := make([]sqldb.MovesUpToRow, len(rows))
	for i, r := range rows {
		moves[i] = sqldb.MovesUpToRow(r)
	}
	return foldMoves(moves), nil
}

// Balances is the stock on hand of items as of end (a ledger time, inclusive): the last
// count (0 before any), plus the stored movements after it, less the units sold and plus
// the units returned after it. items nil: every item with a movement (the others are not
// Known and have 0). The reads run on q: the import's transaction, or the database.
func Balances(ctx context.Context, q *sqldb.Queries, items []int64, end string) (map[int64]Balance, error) {
	var folds map[int64]*fold
	var err error
	if items == nil {
		folds, err = ledgerFolds(ctx, q, end)
	} else {
		folds, err = itemFolds(ctx, q, items, end)
	}
	if err != nil {
		return nil, err
	}
	out := make(map[int64]Balance, len(folds))
	if len(folds) == 0 {
		return out, nil
	}
	// The sales and returns after each base, in one query (the bases worked out again in
	// SQL from the same movements: the last count, else the first movement).
	var derived []sqldb.SoldAfterBasesRow
	if items == nil {
		derived, err = q.SoldAfterBases(ctx, end)
	} else {
		ids, _ := json.Marshal(items)
		var rows []sqldb.ItemsSoldAfterBasesRow
		rows, err = q.ItemsSoldAfterBases(ctx, sqldb.ItemsSoldAfterBasesParams{ItemIds: string(ids), EndAt: end})
		for _, r := range rows {
			derived = append(derived, sqldb.SoldAfterBasesRow(r))
		}
	}
	if err != nil {
		return nil, fmt.Errorf("stock balances: sales since the counts: %w", err)
	}
	for _, d := range derived {
		f := folds[d.StockItemID]
		if f == nil {
			continue
		}
		out[d.StockItemID] = Balance{OnHand: f.base + f.after - d.Sold + d.Returned, Known: true,
			BaseAt: f.baseAt, FirstMoveAt: f.first}
	}
	return out, nil
}
