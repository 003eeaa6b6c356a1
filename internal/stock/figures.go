package stock

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"slices"
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
// ledger, the derived sales and returns, and settings p. The lines from the week's cut on
// are read once, in time order, and added up here: the windows, and the sales on hand
// subtracts after each item's base (its last count). For a base before the cut the sales
// between the two come from stock_sold_cut; the stale or missing ones are summed from the
// lines, and written back when tx is not nil (the recompute; `stock --at` reads only).
func compute(ctx context.Context, q *sqldb.Queries, tx *sql.Tx, asOf time.Time, p settings.Stock) ([]Row, error) {
	end := endOf(asOf)
	items, err := q.FigureItems(ctx)
	if err != nil {
		return nil, fmt.Errorf("stock figures: items: %w", err)
	}
	folds, err := ledgerFolds(ctx, q, end)
	if err != nil {
		return nil, err
	}
	span := max(30, p.WindowDays, p.SlowDays, p.RankDays)
	start := func(n int) string { return asOf.AddDate(0, 0, -(n-1)).Format(dayLayout) + " 00:00:00" }
	from := start(span)
	spanStart := asOf.AddDate(0, 0, -(span - 1))
	cut := cutOf(spanStart)
	byID := make(map[int64]*facts, len(items))
	all := make([]facts, len(items))
	var stale []int64
	for i, it := range items {
		all[i] = facts{ID: it.ID, InTransit: it.InTransit, Safety: it.SafetyStock,
			Pack: it.PackSize, CostFen: it.CostFen, Lead: it.LeadDays, Active: it.Active == 1,
			Sold: series{}, Returned: series{}, SoldFen: series{}, ReturnedFen: series{}}
		if f := folds[it.ID]; f != nil {
			all[i].Known, all[i].OnHand, all[i].baseAt = true, f.base+f.after, f.baseAt
			all[i].FirstSeen = dayOf(f.first)
			switch {
			case f.baseAt >= cut: // every sale after the base is in the lines read below
			case it.BaseAt != nil && *it.BaseAt == f.baseAt && *it.CutAt == cut:
				all[i].OnHand -= *it.Sold - *it.Returned
			default:
				stale = append(stale, it.ID)
			}
		}
		byID[it.ID] = &all[i]
	}
	if len(stale) > 0 {
		js, _ := json.Marshal(stale)
		before, err := q.SoldBeforeCut(ctx, sqldb.SoldBeforeCutParams{ItemIds: string(js), EndAt: end, CutAt: cut})
		if err != nil {
			return nil, fmt.Errorf("stock figures: sales before the cut: %w", err)
		}
		for _, r := range before {
			if f := byID[r.StockItemID]; f != nil {
				f.OnHand -= r.Sold - r.Returned
			}
		}
		if tx != nil {
			if err := keepSoldCuts(ctx, tx, cut, before); err != nil {
				return nil, err
			}
		}
	}
	// The windows: 7, 14, 30 days and the settings' (which may be any of those), each once.
	var windows []int
	var starts []string
	for _, n := range []int{7, 14, 30, p.WindowDays, p.SlowDays, p.RankDays} {
		if !slices.Contains(windows, n) {
			windows, starts = append(windows, n), append(starts, start(n))
		}
	}
	rankFrom := start(p.RankDays)
	// tally adds a sale line or a return of units and amount (fen) at a time to its item:
	// change to on hand when after the base, units and amount to the windows' sums when in
	// the span. It says whether it was in the span.
	tally := func(f *facts, at string, units, amount, change int64, unitSums, fenSums series) bool {
		if f.Known && at > f.baseAt {
			f.OnHand += change
		}
		if at < from {
			return false
		}
		for i, w := range windows {
			if at >= starts[i] {
				unitSums[w] += units
			}
		}
		if at >= rankFrom {
			fenSums[p.RankDays] += amount
		}
		return true
	}
	lines, err := q.LinesSince(ctx, sqldb.LinesSinceParams{CutAt: cut, EndAt: end})
	if err != nil {
		return nil, fmt.Errorf("stock figures: sales: %w", err)
	}
	for _, l := range lines {
		f := byID[l.StockItemID]
		if f == nil || !tally(f, l.At, l.Units, l.PayFen, -l.Units, f.Sold, f.SoldFen) {
			continue
		}
		f.LastSale = max(f.LastSale, l.At)
		if f.firstSale == "" || l.At < f.firstSale {
			f.firstSale = l.At
		}
	}
	for i := range all {
		if f := &all[i]; f.firstSale != "" {
			f.LastSale = f.LastSale[:min(10, len(f.LastSale))]
			if d := dayOf(f.firstSale); f.FirstSeen.IsZero() || d.Before(f.FirstSeen) {
				f.FirstSeen = d
			}
		}
	}
	returns, err := q.ReturnsSince(ctx, sqldb.ReturnsSinceParams{CutAt: cut, EndAt: end})
	if err != nil {
		return nil, fmt.Errorf("stock figures: returns: %w", err)
	}
	for _, r := range returns {
		if f := byID[r.StockItemID]; f != nil {
			tally(f, r.At, r.Units, r.AmountFen, r.Units, f.Returned, f.ReturnedFen)
		}
	}
	// An item's history starts at its first movement or sale. Only a start inside the span
	// shortens an average: of the items whose first movement and sale are in it, those sold
	// before it have the whole span.
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
		rows[i] = Row{Item: Item{ID: it.ID, CostFen: it.CostFen, SafetyStock: it.SafetyStock, LeadDays: it.LeadDays,
			PackSize: it.PackSize, InTransit: it.InTransit, Active: it.Active == 1},
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

// cutOf is the cut of figures whose span starts on the day spanStart: the Monday of its
// week. It moves once a week, and the kept sums before it with it (the first recompute of a
// week sums them again); the figures read up to six days of lines more than their span.
func cutOf(spanStart time.Time) string {
	back := (int(spanStart.Weekday()) + 6) % 7 // days since Monday
	return spanStart.AddDate(0, 0, -back).Format(dayLayout) + " 00:00:00"
}

// soldCutsPerInsert rows go in one INSERT (as figuresPerInsert).
const soldCutsPerInsert = 200

// keepSoldCuts writes the sums before the cut that compute summed from the lines.
func keepSoldCuts(ctx context.Context, tx *sql.Tx, cut string, rows []sqldb.SoldBeforeCutRow) error {
	for start := 0; start < len(rows); start += soldCutsPerInsert {
		chunk := rows[start:min(start+soldCutsPerInsert, len(rows))]
		args := make([]any, 0, len(chunk)*5)
		for _, r := range chunk {
			args = append(args, r.StockItemID, r.BaseAt, cut, r.Sold, r.Returned)
		}
		stmt := "INSERT OR REPLACE INTO stock_sold_cut (stock_item_id, base_at, cut_at, sold, returned) VALUES " +
			strings.TrimSuffix(strings.Repeat("(?,?,?,?,?),", len(chunk)), ",")
		if _, err := tx.ExecContext(ctx, stmt, args...); err != nil {
			return fmt.Errorf("keep sales before the cut: %w", err)
		}
	}
	return nil
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
	rows, err := compute(ctx, s.db.Queries(), nil, day, p)
	if err != nil {
		return nil, err
	}
	items, err := s.db.Queries().AllStockItems(ctx)
	if err != nil {
		return nil, fmt.Errorf("stock figures: items: %w", err)
	}
	byID := make(map[int64]sqldb.AllStockItemsRow, len(items))
	for _, it := range items {
		byID[it.ID] = it
	}
	for i := range rows {
		it := byID[rows[i].ID]
		rows[i].Code, rows[i].Name, rows[i].Spec, rows[i].Supplier, rows[i].Role = it.Code, it.Name, it.Spec, it.Supplier, it.Role
	}
	return rows, nil
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
		rows, err := compute(ctx, q, tx, day, p)
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
