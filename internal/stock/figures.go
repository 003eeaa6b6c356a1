package stock

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/settings"
)

// Row is one item with its figures, as `shopdesk stock` and the computation see it.
type Row struct {
	Item
	Figures
}

// compute works out every item's figures as of the day asOf (its end: 23:59:59) from the
// ledger, the derived sales and returns, and settings p.
func compute(ctx context.Context, q *sqldb.Queries, asOf time.Time, p settings.Stock) ([]Row, error) {
	end := endOf(asOf)
	items, err := q.AllStockItems(ctx)
	if err != nil {
		return nil, fmt.Errorf("stock figures: items: %w", err)
	}
	bal, err := Balances(ctx, q, nil, end)
	if err != nil {
		return nil, err
	}
	span := max(30, p.WindowDays, p.SlowDays, p.RankDays)
	start := func(n int) string { return asOf.AddDate(0, 0, -(n-1)).Format(dayLayout) + " 00:00:00" }
	from := start(span)
	byID := make(map[int64]*facts, len(items))
	all := make([]facts, len(items))
	for i, it := range items {
		b := bal[it.ID]
		all[i] = facts{ID: it.ID, OnHand: b.OnHand, Known: b.Known, InTransit: it.InTransit, Safety: it.SafetyStock,
			Pack: it.PackSize, CostFen: it.CostFen, Lead: it.LeadDays, Active: it.Active == 1,
			Sold: series{}, Returned: series{}, SoldFen: series{}, ReturnedFen: series{}}
		if b.FirstMoveAt != "" {
			all[i].FirstSeen = dayOf(b.FirstMoveAt)
		}
		byID[it.ID] = &all[i]
	}
	// The windows: 7, 14, 30 days and the settings' (which may be any of those).
	put := func(v series, sums [6]int64) {
		for i, n := range [6]int{7, 14, 30, p.WindowDays, p.SlowDays, p.RankDays} {
			v[n] = sums[i]
		}
	}
	sales, err := q.WindowSales(ctx, sqldb.WindowSalesParams{D7: start(7), D14: start(14), D30: start(30), Dw: start(p.WindowDays),
		Ds: start(p.SlowDays), Dr: start(p.RankDays), FromAt: from, EndAt: end})
	if err != nil {
		return nil, fmt.Errorf("stock figures: sales: %w", err)
	}
	for _, r := range sales {
		f := byID[r.StockItemID]
		if f == nil {
			continue
		}
		put(f.Sold, [6]int64{r.U7, r.U14, r.U30, r.Uw, r.Us, r.Ur})
		f.SoldFen[p.RankDays] = r.Fr
		f.LastSale = r.LastAt[:min(10, len(r.LastAt))]
		if d := dayOf(r.FirstAt); f.FirstSeen.IsZero() || d.Before(f.FirstSeen) {
			f.FirstSeen = d
		}
	}
	returns, err := q.WindowReturns(ctx, sqldb.WindowReturnsParams{D7: start(7), D14: start(14), D30: start(30), Dw: start(p.WindowDays),
		Ds: start(p.SlowDays), Dr: start(p.RankDays), FromAt: from, EndAt: end})
	if err != nil {
		return nil, fmt.Errorf("stock figures: returns: %w", err)
	}
	for _, r := range returns {
		if r.StockItemID == nil {
			continue
		}
		f := byID[*r.StockItemID]
		if f == nil {
			continue
		}
		put(f.Returned, [6]int64{r.U7, r.U14, r.U30, r.Uw, r.Us, r.Ur})
		f.ReturnedFen[p.RankDays] = r.Fr
	}
	// An item's history starts at its first movement or sale. Only a start inside the span
	// shortens an average: of the items whose first movement and sale are in it, those sold
	// before it have the whole span.
	spanStart := asOf.AddDate(0, 0, -(span - 1))
	var ask []int64
	for i := range all {
		if all[i].FirstSeen.IsZero() || !all[i].FirstSeen.Before(spanStart) {
			ask = append(ask, all[i].ID)
		}
	}
	if len(ask) > 0 {
		js, _ := json.Marshal(ask)
		earlier, err := q.SoldBefore(ctx, sqldb.SoldBeforeParams{ItemIds: string(js), BeforeAt: from})
		if err != nil {
			return nil, fmt.Errorf("stock figures: earlier sales: %w", err)
		}
		for _, id := range earlier {
			byID[id].FirstSeen = spanStart.AddDate(0, 0, -1)
		}
	}
	rows := make([]Row, len(items))
	ids := make([]int64, len(items))
	for i, it := range items {
		rows[i] = Row{Item: Item{ID: it.ID, Code: it.Code, Name: it.Name, Spec: it.Spec, CostFen: it.CostFen,
			SafetyStock: it.SafetyStock, Supplier: it.Supplier, LeadDays: it.LeadDays, PackSize: it.PackSize,
			InTransit: it.InTransit, Role: it.Role, Active: it.Active == 1},
			Figures: figuresOf(all[i], p, asOf)}
		ids[i] = it.ID
	}
	active := make(map[int64]bool, len(rows))
	soldBy := make(map[int64]int64, len(rows))
	marginBy := make(map[int64]int64, len(rows))
	for _, r := range rows {
		active[r.ID], soldBy[r.ID], marginBy[r.ID] = r.Active, r.SoldRank, r.MarginFen
	}
	isActive := func(id int64) bool { return active[id] }
	units := rankClasses(ids, func(id int64) int64 { return soldBy[id] }, isActive, p)
	margin := rankClasses(ids, func(id int64) int64 { return marginBy[id] }, isActive, p)
	for i := range rows {
		rows[i].RankUnits, rows[i].RankMargin = units[rows[i].ID], margin[rows[i].ID]
	}
	return rows, nil
}

// Less is the sheet's default order: the most pressing status first, then the fewest days
// of stock left (nothing sold: last), then the merchant code.
func Less(a, b Row) bool {
	if oa, ob := statusOrder(a.Status), statusOrder(b.Status); oa != ob {
		return oa < ob
	}
	da, db := math.Inf(1), math.Inf(1)
	if a.DaysLeft != nil {
		da = *a.DaysLeft
	}
	if b.DaysLeft != nil {
		db = *b.DaysLeft
	}
	if da != db {
		return da < db
	}
	return a.Code < b.Code
}

func dayOf(wall string) time.Time {
	if len(wall) < 10 {
		return time.Time{}
	}
	d, err := time.Parse(dayLayout, wall[:10])
	if err != nil {
		return time.Time{}
	}
	return d
}

// AsOf computes the figures of every item as of the end of day (nothing is kept):
// `shopdesk stock --at`.
func (s *Store) AsOf(ctx context.Context, day time.Time) ([]Row, error) {
	p, err := settings.LoadStock(ctx, s.db.Queries())
	if err != nil {
		return nil, err
	}
	return compute(ctx, s.db.Queries(), day, p)
}

// Recompute works out every item's figures as of today and keeps them for the stock
// sheet (one transaction: the sheet never shows half of them).
func (s *Store) Recompute(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.recompute(ctx)
}

func (s *Store) recompute(ctx context.Context) error {
	p, err := settings.LoadStock(ctx, s.db.Queries())
	if err != nil {
		return err
	}
	day := s.today()
	err = s.db.InTx(ctx, func(tx *sql.Tx, q *sqldb.Queries) error {
		rows, err := compute(ctx, q, day, p)
		if err != nil {
			return err
		}
		if err := q.DeleteFigures(ctx); err != nil {
			return err
		}
		if err := insertFigures(ctx, tx, rows); err != nil {
			return err
		}
		return q.SetStockState(ctx, sqldb.SetStockStateParams{FiguresDay: day.Format(dayLayout),
			FiguresKey: figuresKey(p), ComputedAt: utcNow()})
	})
	if err != nil {
		return fmt.Errorf("stock figures: %w", err)
	}
	return nil
}

// figuresKey names the settings the kept figures were computed with.
func figuresKey(p settings.Stock) string { return fmt.Sprintf("%+v", p) }

// figureColumns are stock_figure's columns in the order figureValues gives them.
const figureColumns = `stock_item_id, on_hand, known, avg7, avg14, avg30, avg_window, days_left, reorder_qty,
	status, status_order, value_fen, sold_rank, margin_fen, rank_units, rank_margin, last_sale_at, returned_window`

const figureCols = 18

// figuresPerInsert rows go in one INSERT … VALUES (…), (…): 20,000 figures took 0.3 s as
// single inserts and 0.7 s through one json_each statement (modernc reads JSON slowly),
// 0.1 s 200 rows at a time (BenchmarkStockSheet).
const figuresPerInsert = 200

func figureValues(r Row) []any {
	var days any
	if r.DaysLeft != nil {
		days = *r.DaysLeft
	}
	known := 0
	if r.Known {
		known = 1
	}
	return []any{r.ID, r.OnHand, known, r.Avg7, r.Avg14, r.Avg30, r.AvgWindow, days, r.ReorderQty, r.Status,
		statusOrder(r.Status), r.ValueFen, r.SoldRank, r.MarginFen, r.RankUnits, r.RankMargin, r.LastSaleAt, r.ReturnedWindow}
}

// insertFigures writes rows into the emptied stock_figure.
func insertFigures(ctx context.Context, tx *sql.Tx, rows []Row) error {
	stmt := func(n int) string {
		one := "(" + strings.TrimSuffix(strings.Repeat("?,", figureCols), ",") + ")"
		return "INSERT INTO stock_figure (" + figureColumns + ") VALUES " + strings.TrimSuffix(strings.Repeat(one+",", n), ",")
	}
	full, err := tx.PrepareContext(ctx, stmt(figuresPerInsert))
	if err != nil {
		return err
	}
	defer full.Close()
	args := make([]any, 0, figuresPerInsert*figureCols)
	for start := 0; start < len(rows); start += figuresPerInsert {
		chunk := rows[start:min(start+figuresPerInsert, len(rows))]
		args = args[:0]
		for _, r := range chunk {
			args = append(args, figureValues(r)...)
		}
		if len(chunk) == figuresPerInsert {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, stmt(len(chunk)), args...)
		}
		if err != nil {
			return fmt.Errorf("write figures: %w", err)
		}
	}
	return nil
}

// fresh recomputes the kept figures when they are of another day or other settings (the
// app left open overnight, a setting changed).
func (s *Store) fresh(ctx context.Context) error {
	st, err := s.db.Queries().GetStockState(ctx)
	if err != nil {
		return fmt.Errorf("stock state: %w", err)
	}
	p, err := settings.LoadStock(ctx, s.db.Queries())
	if err != nil {
		return err
	}
	if st.FiguresDay == s.today().Format(dayLayout) && st.FiguresKey == figuresKey(p) {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.recompute(ctx)
}
