package stock

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"shopdesk/db/sqldb"
	"shopdesk/internal/settings"
)

// An item's ledger as the seller reads it: the stored movements and the sales and returns
// of the imported orders and refunds, in time order, each with the balance after it. A
// stocktake's change is its count less the balance before it. The balance after the last
// entry is the item's stock on hand (Balances): the ledger adds up.

// Entry is one line of the ledger.
type Entry struct {
	Kind    string `json:"kind"` // in, out, sale, return, adjust, stocktake
	At      string `json:"at"`   // wall time of the shops' zone
	Qty     int64  `json:"qty"`  // the change
	Counted *int64 `json:"counted"`
	Balance int64  `json:"balance"` // after this entry
	Reason  string `json:"reason"`
	Actor   string `json:"actor"`
	Shop    string `json:"shop"`  // sales and returns: the shop
	Lines   int    `json:"lines"` // sales: the order lines summed up here
	Ref     string `json:"ref"`   // a return: its refund number; a sale of one line: its order number
	MoveID  int64  `json:"moveId"`
	BatchID int64  `json:"batchId"` // the import that made it (0: by hand or derived)
}

// ledger reads an item's whole ledger, oldest first. Sales and returns before the item's
// first stored movement are not in it: no stock was known then.
func ledger(ctx context.Context, q *sqldb.Queries, id int64) ([]Entry, error) {
	moves, err := q.ItemMoves(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("ledger of %d: %w", id, err)
	}
	if len(moves) == 0 {
		return []Entry{}, nil
	}
	opening := moves[0].At
	lines, err := q.ItemLines(ctx, sqldb.ItemLinesParams{StockItemID: &id, AfterAt: opening})
	if err != nil {
		return nil, fmt.Errorf("ledger of %d: sales: %w", id, err)
	}
	returns, err := q.ItemReturns(ctx, sqldb.ItemReturnsParams{StockItemID: &id, AfterAt: opening})
	if err != nil {
		return nil, fmt.Errorf("ledger of %d: returns: %w", id, err)
	}
	type ev struct {
		e       Entry
		derived bool
		seq     int64
	}
	evs := make([]ev, 0, len(moves)+len(lines)+len(returns))
	for _, m := range moves {
		e := Entry{Kind: m.Kind, At: m.At, Qty: m.Qty, Counted: m.Counted, Reason: m.Reason, Actor: m.ActorName, MoveID: m.ID}
		if m.BatchID != nil {
			e.BatchID = *m.BatchID
		}
		evs = append(evs, ev{e: e, seq: m.ID})
	}
	for _, l := range lines {
		evs = append(evs, ev{e: Entry{Kind: MoveSale, At: l.At, Qty: -l.Units, Shop: l.ShopName, Lines: 1, Ref: l.OrderNo}, derived: true, seq: l.ID})
	}
	for _, r := range returns {
		evs = append(evs, ev{e: Entry{Kind: MoveReturn, At: r.At, Qty: r.Units, Shop: r.ShopName, Ref: r.RefundNo}, derived: true, seq: r.ID})
	}
	// Time order; at the same second the orders and refunds come first: a count made then
	// has them inside it (as Balances reads it).
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := evs[i], evs[j]
		if a.e.At != b.e.At {
			return a.e.At < b.e.At
		}
		if a.derived != b.derived {
			return a.derived
		}
		return a.seq < b.seq
	})
	out := make([]Entry, 0, len(evs))
	var bal int64
	for _, x := range evs {
		e := x.e
		if e.Kind == MoveStocktake && e.Counted != nil {
			e.Qty = *e.Counted - bal
			bal = *e.Counted
		} else {
			bal += e.Qty
		}
		e.Balance = bal
		// The sales of one shop on one day, one after the other, are one line.
		if n := len(out); n > 0 && e.Kind == MoveSale && out[n-1].Kind == MoveSale && out[n-1].Shop == e.Shop &&
			out[n-1].At[:10] == e.At[:10] {
			prev := &out[n-1]
			prev.Qty += e.Qty
			prev.Lines++
			prev.At, prev.Balance, prev.Ref = e.At, e.Balance, ""
			continue
		}
		out = append(out, e)
	}
	return out, nil
}

// Listing is a shop listing an item is sold under.
type Listing struct {
	ID            int64  `json:"id"` // 0: its lines carry the item's merchant code (no listing to remove)
	ShopID        int64  `json:"shopId"`
	ShopName      string `json:"shopName"`
	Platform      string `json:"platform"`
	Title         string `json:"title"`
	PlatformSkuID string `json:"platformSkuId"`
	Lines         int64  `json:"lines"`
	Units         int64  `json:"units"`
}

// ChartDay is one day of an item's 30-day chart.
type ChartDay struct {
	Day      string `json:"day"`
	Sold     int64  `json:"sold"`
	Returned int64  `json:"returned"`
	// Stock is the balance at the end of the day; nil before the item's first movement.
	Stock *int64 `json:"stock"`
}

// Detail is the SKU drawer: the item, its figures, listings, ledger, chart and history.
type Detail struct {
	Row      Row          `json:"row"`
	Listings []Listing    `json:"listings"`
	Ledger   []Entry      `json:"ledger"` // newest first, at most ledgerShown
	Entries  int          `json:"entries"`
	Chart    []ChartDay   `json:"chart"`
	Changes  []ItemChange `json:"changes"`
}

// ledgerShown is how many ledger lines the drawer shows (the newest).
const ledgerShown = 300

// chartDays is the chart's length.
const chartDays = 30

// Get returns the SKU drawer of one item.
func (s *Store) Get(ctx context.Context, id int64) (Detail, error) {
	if err := s.fresh(ctx); err != nil {
		return Detail{}, err
	}
	q := s.db.Queries()
	item, err := s.GetItem(ctx, id)
	if err != nil {
		return Detail{}, err
	}
	d := Detail{Row: Row{Item: item}, Listings: []Listing{}, Changes: []ItemChange{}}
	f, err := q.GetFigure(ctx, id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Detail{}, fmt.Errorf("figures of %d: %w", id, err)
	}
	d.Row.Figures = Figures{OnHand: f.OnHand, Known: f.Known == 1, Avg7: f.Avg7, Avg14: f.Avg14, Avg30: f.Avg30,
		AvgWindow: f.AvgWindow, DaysLeft: f.DaysLeft, ReorderQty: f.ReorderQty, Status: f.Status, ValueFen: f.ValueFen,
		SoldRank: f.SoldRank, MarginFen: f.MarginFen, RankUnits: f.RankUnits, RankMargin: f.RankMargin,
		LastSaleAt: f.LastSaleAt, ReturnedWindow: f.ReturnedWindow}
	listings, err := q.ListingsOfItem(ctx, id)
	if err != nil {
		return Detail{}, fmt.Errorf("listings of %d: %w", id, err)
	}
	for _, l := range listings {
		d.Listings = append(d.Listings, Listing{ID: l.ID, ShopID: l.ShopID, ShopName: l.ShopName, Platform: l.Platform,
			Title: l.Title, PlatformSkuID: l.PlatformSkuID})
	}
	coded, err := q.CodedListingsOfItem(ctx, &id)
	if err != nil {
		return Detail{}, fmt.Errorf("listings of %d: %w", id, err)
	}
	for _, c := range coded {
		d.Listings = append(d.Listings, Listing{ShopID: c.ShopID, ShopName: c.ShopName, Platform: c.Platform,
			Title: c.Title, Lines: c.Lines, Units: c.Units})
	}
	all, err := ledger(ctx, q, id)
	if err != nil {
		return Detail{}, err
	}
	d.Entries = len(all)
	for i := len(all) - 1; i >= 0 && len(d.Ledger) < ledgerShown; i-- {
		d.Ledger = append(d.Ledger, all[i])
	}
	if d.Ledger == nil {
		d.Ledger = []Entry{}
	}
	if d.Chart, err = s.chart(ctx, q, id, all); err != nil {
		return Detail{}, err
	}
	changes, err := q.StockItemChanges(ctx, id)
	if err != nil {
		return Detail{}, fmt.Errorf("history of %d: %w", id, err)
	}
	for _, c := range changes {
		d.Changes = append(d.Changes, ItemChange{Field: c.Field, Name: FieldName(c.Field), Old: c.OldValue,
			New: c.NewValue, Actor: c.ActorName, File: c.FileName, At: localTime(c.At)})
	}
	return d, nil
}

// chart is the last 30 days of an item: units sold and returned per day, and the balance
// at each day's end (from its ledger).
func (s *Store) chart(ctx context.Context, q *sqldb.Queries, id int64, entries []Entry) ([]ChartDay, error) {
	today := s.today()
	first := today.AddDate(0, 0, -(chartDays - 1))
	days, err := q.ItemDays(ctx, sqldb.ItemDaysParams{StockItemID: &id, FromAt: first.Format(dayLayout)})
	if err != nil {
		return nil, fmt.Errorf("chart of %d: %w", id, err)
	}
	byDay := map[string]*ChartDay{}
	out := make([]ChartDay, chartDays)
	next := 0
	var bal *int64
	for i := range out {
		day := first.AddDate(0, 0, i).Format(dayLayout)
		end := day + " 23:59:59"
		for next < len(entries) && entries[next].At <= end {
			v := entries[next].Balance
			bal = &v
			next++
		}
		out[i] = ChartDay{Day: day, Stock: bal}
		byDay[day] = &out[i]
	}
	for _, d := range days {
		if c := byDay[d.Day]; c != nil {
			c.Sold += d.Sold
			c.Returned += d.Returned
		}
	}
	return out, nil
}

// settings are the stock settings in force.
func (s *Store) settings(ctx context.Context) (settings.Stock, error) {
	return settings.LoadStock(ctx, s.db.Queries())
}
