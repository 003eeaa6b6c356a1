package stock

import (
	"context"
	"fmt"
	"strings"

	"shopdesk/db/sqldb"
)

// The stock sheet: one page of items with their figures, sorted and filtered in SQL over
// stock_figure (the webview never holds the whole table).

// Query selects a page of the sheet.
type Query struct {
	Status   string `json:"status"`   // "" every status
	Supplier string `json:"supplier"` // "" every supplier
	ShopID   int64  `json:"shopId"`   // 0 every shop; else the items sold in or listed for it
	Search   string `json:"search"`   // part of the merchant code or name
	// All includes the inactive items (the sheet shows the active ones by default).
	All bool `json:"all"`
	// Sort is one of SortKeys ("" = status: the most pressing first); Desc reverses it.
	Sort     string `json:"sort"`
	Desc     bool   `json:"desc"`
	Page     int    `json:"page"`     // 1-based
	PageSize int    `json:"pageSize"` // default 50, at most 200
}

// Page is one page of the sheet.
type Page struct {
	Rows  []Row `json:"rows"`
	Total int64 `json:"total"`
	// Counts are the items of each status under the other filters (the status filter's badges).
	Counts map[string]int64 `json:"counts"`
	// Day is the day the figures are of; Window the days the average of days left is over.
	Day    string `json:"day"`
	Window int    `json:"window"`
}

// sortColumns are the sheet's sort keys and the SQL they sort by: a fixed list, never
// input, spliced into ORDER BY (sqlc cannot bind a sort column). Days left with nothing
// sold sort as if endless.
var sortColumns = map[string]string{
	"code":        "i.code",
	"name":        "i.name",
	"on_hand":     "f.on_hand",
	"avg":         "f.avg_window",
	"days_left":   "coalesce(f.days_left, 1e18)",
	"reorder_qty": "f.reorder_qty",
	"status":      "f.status_order",
	"value":       "f.value_fen",
	"last_sale":   "f.last_sale_at",
	"sold":        "f.sold_rank",
	"margin":      "f.margin_fen",
}

// SortKeys lists the sort keys.
var SortKeys = []string{"status", "code", "name", "on_hand", "avg", "days_left", "reorder_qty", "value", "last_sale", "sold", "margin"}

const sheetColumns = `i.id, i.code, i.name, i.spec, i.cost_fen, i.safety_stock, i.supplier, i.lead_days, i.pack_size,
       i.in_transit, i.role, i.active,
       f.on_hand, f.known, f.avg7, f.avg14, f.avg30, f.avg_window, f.days_left, f.reorder_qty, f.status,
       f.value_fen, f.sold_rank, f.margin_fen, f.rank_units, f.rank_margin, f.last_sale_at, f.returned_window`

// sheetFilter is the WHERE of ListStockSheet and CountStockSheet (db/queries/stock.sql):
// the same filters, in the same order of arguments.
const sheetFilter = `
WHERE (?1 = '' OR f.status = ?1)
  AND (?2 = '' OR i.supplier = ?2)
  AND (?3 = 0 OR i.active = 1)
  AND (?4 = '' OR i.code LIKE '%' || ?4 || '%' OR i.name LIKE '%' || ?4 || '%')
  AND (?5 = 0
       OR EXISTS (SELECT 1 FROM stock_line l WHERE l.shop_id = ?5 AND l.stock_item_id = i.id)
       OR EXISTS (SELECT 1 FROM stock_listing s WHERE s.shop_id = ?5 AND s.stock_item_id = i.id))`

// List returns one page of the stock sheet, computing the figures first when they are of
// another day or settings.
func (s *Store) List(ctx context.Context, lq Query) (Page, error) {
	if err := s.fresh(ctx); err != nil {
		return Page{}, err
	}
	size := lq.PageSize
	switch {
	case size <= 0:
		size = 50
	case size > 200:
		size = 200
	}
	page := max(lq.Page, 1)
	col, ok := sortColumns[lq.Sort]
	if lq.Sort == "" {
		col, ok = sortColumns["status"], true
	}
	if !ok {
		return Page{}, fmt.Errorf("不认识的排序“%s”", lq.Sort)
	}
	dir := "ASC"
	if lq.Desc {
		dir = "DESC"
	}
	// Ties (every item of a status) go by days left, then code: a stable order for paging.
	order := col + " " + dir + ", coalesce(f.days_left, 1e18) ASC, i.code ASC"
	active := 1
	if lq.All {
		active = 0
	}
	search := strings.TrimSpace(lq.Search)
	args := []any{lq.Status, lq.Supplier, active, search, lq.ShopID}
	// The page's keys are sorted alone (narrow rows sort faster), then its rows are read.
	rows, err := s.db.SQL.QueryContext(ctx, `SELECT `+sheetColumns+`
FROM (SELECT f.stock_item_id AS id FROM stock_figure f JOIN stock_item i ON i.id = f.stock_item_id`+sheetFilter+`
      ORDER BY `+order+` LIMIT ?6 OFFSET ?7) p
JOIN stock_figure f ON f.stock_item_id = p.id JOIN stock_item i ON i.id = p.id
ORDER BY `+order, append(args, size, (page-1)*size)...)
	if err != nil {
		return Page{}, fmt.Errorf("list stock sheet: %w", err)
	}
	defer rows.Close()
	out := Page{Rows: []Row{}, Counts: map[string]int64{}}
	for rows.Next() {
		var r Row
		var lead *int64
		var active, known int64
		if err := rows.Scan(&r.ID, &r.Code, &r.Name, &r.Spec, &r.CostFen, &r.SafetyStock, &r.Supplier, &lead,
			&r.PackSize, &r.InTransit, &r.Role, &active, &r.OnHand, &known, &r.Avg7, &r.Avg14, &r.Avg30,
			&r.AvgWindow, &r.DaysLeft, &r.ReorderQty, &r.Status, &r.ValueFen, &r.SoldRank, &r.MarginFen,
			&r.RankUnits, &r.RankMargin, &r.LastSaleAt, &r.ReturnedWindow); err != nil {
			return Page{}, fmt.Errorf("list stock sheet: %w", err)
		}
		r.LeadDays, r.Active, r.Known = lead, active == 1, known == 1
		out.Rows = append(out.Rows, r)
	}
	if err := rows.Err(); err != nil {
		return Page{}, fmt.Errorf("list stock sheet: %w", err)
	}
	counts, err := s.db.Queries().CountStockSheet(ctx, sqldb.CountStockSheetParams{Supplier: lq.Supplier,
		Active: active, Term: search, ShopID: lq.ShopID})
	if err != nil {
		return Page{}, fmt.Errorf("count stock sheet: %w", err)
	}
	for _, c := range counts {
		out.Counts[c.Status] = c.N
		if lq.Status == "" || lq.Status == c.Status {
			out.Total += c.N
		}
	}
	st, err := s.db.Queries().GetStockState(ctx)
	if err != nil {
		return Page{}, fmt.Errorf("stock state: %w", err)
	}
	out.Day = st.FiguresDay
	p, err := s.settings(ctx)
	if err != nil {
		return Page{}, err
	}
	out.Window = p.WindowDays
	return out, nil
}
