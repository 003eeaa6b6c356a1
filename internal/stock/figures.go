package stock

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
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
	from := asOf.AddDate(0, 0, -(span-1)).Format(dayLayout) + " 00:00:00"
	byID := make(map[int64]*facts, len(items))
	all := make([]facts, len(items))
	for i, it := range items {
		b := bal[it.ID]
		all[i] = facts{ID: it.ID, OnHand: b.OnHand, Known: b.Known, InTransit: it.InTransit, Safety: it.SafetyStock,
			Pack: it.PackSize, CostFen: it.CostFen, Lead: it.LeadDays, Active: it.Active == 1,
			Sold: make([]int64, span), Returned: make([]int64, span), SoldFen: make([]int64, span), ReturnedFen: make([]int64, span)}
		if b.FirstMoveAt != "" {
			all[i].FirstSeen = dayOf(b.FirstMoveAt)
		}
		byID[it.ID] = &all[i]
	}
	index := func(day string) int {
		d, err := time.Parse(dayLayout, day)
		if err != nil {
			return -1
		}
		i := int(asOf.Sub(d).Hours() / 24)
		if i < 0 || i >= span {
			return -1
		}
		return i
	}
	sales, err := q.DailySales(ctx, sqldb.DailySalesParams{FromAt: from, EndAt: end})
	if err != nil {
		return nil, fmt.Errorf("stock figures: sales: %w", err)
	}
	for _, r := range sales {
		if r.StockItemID == nil {
			continue
		}
		if f, i := byID[*r.StockItemID], index(r.Day); f != nil && i >= 0 {
			f.Sold[i] += r.Units
			f.SoldFen[i] += r.Fen
		}
	}
	returns, err := q.DailyReturns(ctx, sqldb.DailyReturnsParams{FromAt: from, EndAt: end})
	if err != nil {
		return nil, fmt.Errorf("stock figures: returns: %w", err)
	}
	for _, r := range returns {
		if r.StockItemID == nil {
			continue
		}
		if f, i := byID[*r.StockItemID], index(r.Day); f != nil && i >= 0 {
			f.Returned[i] += r.Units
			f.ReturnedFen[i] += r.Fen
		}
	}
	spans, err := q.SaleSpan(ctx, end)
	if err != nil {
		return nil, fmt.Errorf("stock figures: first and last sales: %w", err)
	}
	for _, sp := range spans {
		f := byID[sp.StockItemID]
		if f == nil || sp.FirstAt == "" {
			continue
		}
		f.LastSale = sp.LastAt
		if d := dayOf(sp.FirstAt); f.FirstSeen.IsZero() || d.Before(f.FirstSeen) {
			f.FirstSeen = d
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
	pos := make(map[int64]int, len(rows))
	for i, r := range rows {
		pos[r.ID] = i
	}
	active := func(id int64) bool { return rows[pos[id]].Active }
	units := rankClasses(ids, func(id int64) int64 { return rows[pos[id]].SoldRank }, active, p)
	margin := rankClasses(ids, func(id int64) int64 { return rows[pos[id]].MarginFen }, active, p)
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
	err = s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		rows, err := compute(ctx, q, day, p)
		if err != nil {
			return err
		}
		if err := q.DeleteFigures(ctx); err != nil {
			return err
		}
		// One statement with every row as JSON: 20,000 single inserts cost more than the
		// computation itself (BenchmarkStockSheet).
		const chunk = 5000
		for start := 0; start < len(rows); start += chunk {
			data, err := json.Marshal(figureRows(rows[start:min(start+chunk, len(rows))]))
			if err != nil {
				return err
			}
			if err := q.InsertFigures(ctx, string(data)); err != nil {
				return err
			}
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

// figureRows are rows as InsertFigures reads them (its column order).
func figureRows(rows []Row) [][]any {
	out := make([][]any, len(rows))
	b := func(v bool) int {
		if v {
			return 1
		}
		return 0
	}
	for i, r := range rows {
		var days any
		if r.DaysLeft != nil {
			days = *r.DaysLeft
		}
		out[i] = []any{r.ID, r.OnHand, b(r.Known), r.Avg7, r.Avg14, r.Avg30, r.AvgWindow, days, r.ReorderQty,
			r.Status, statusOrder(r.Status), r.ValueFen, r.SoldRank, r.MarginFen, r.RankUnits, r.RankMargin,
			r.LastSaleAt, r.ReturnedWindow}
	}
	return out
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
