package stock

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"shopdesk/db/sqldb"
)

// The reorder list: every active SKU with a reorder quantity, grouped by supplier, and
// the purchase sheet (采购单) made of it: one worksheet per supplier.

// ReorderLine is one SKU to order.
type ReorderLine struct {
	ItemID    int64    `json:"itemId"`
	Code      string   `json:"code"`
	Name      string   `json:"name"`
	Spec      string   `json:"spec"`
	OnHand    int64    `json:"onHand"`
	InTransit int64    `json:"inTransit"`
	AvgDaily  float64  `json:"avgDaily"`
	DaysLeft  *float64 `json:"daysLeft"`
	LeadDays  int64    `json:"leadDays"` // the SKU's, else the default
	PackSize  int64    `json:"packSize"`
	Qty       int64    `json:"qty"`
	CostFen   int64    `json:"costFen"`
	AmountFen int64    `json:"amountFen"` // qty x cost
	Status    string   `json:"status"`
}

// ReorderGroup is one supplier's lines ("" : SKUs without a supplier).
type ReorderGroup struct {
	Supplier  string        `json:"supplier"`
	Lines     []ReorderLine `json:"lines"`
	Qty       int64         `json:"qty"`
	AmountFen int64         `json:"amountFen"`
}

// Reorder returns the reorder list grouped by supplier (SKUs without one last).
func (s *Store) Reorder(ctx context.Context) ([]ReorderGroup, error) {
	if err := s.fresh(ctx); err != nil {
		return nil, err
	}
	p, err := s.settings(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Queries().ReorderList(ctx)
	if err != nil {
		return nil, fmt.Errorf("reorder list: %w", err)
	}
	out := []ReorderGroup{}
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].Supplier != r.Supplier {
			out = append(out, ReorderGroup{Supplier: r.Supplier, Lines: []ReorderLine{}})
		}
		g := &out[len(out)-1]
		lead := int64(p.LeadDays)
		if r.LeadDays != nil {
			lead = *r.LeadDays
		}
		l := ReorderLine{ItemID: r.ID, Code: r.Code, Name: r.Name, Spec: r.Spec, OnHand: r.OnHand, InTransit: r.InTransit,
			AvgDaily: r.AvgWindow, DaysLeft: r.DaysLeft, LeadDays: lead, PackSize: r.PackSize, Qty: r.ReorderQty,
			CostFen: r.CostFen, AmountFen: r.ReorderQty * r.CostFen, Status: r.Status}
		g.Lines = append(g.Lines, l)
		g.Qty += l.Qty
		g.AmountFen += l.AmountFen
	}
	return out, nil
}

// purchaseHeader is the header of each supplier's sheet of the purchase sheet.
var purchaseHeader = []string{"商家编码", "商品名称", "规格", "现有库存", "在途", "日均销量", "可售天数", "采购周期（天）",
	"箱规", "建议采购数量", "成本价（元）", "金额（元）", "备注"}

// PurchaseXLSX writes the purchase sheet: a summary and one worksheet per supplier (only
// the one named, when supplier is not ""). It returns the file and its number of lines.
func (s *Store) PurchaseXLSX(ctx context.Context, supplier string, only bool) ([]byte, int, error) {
	groups, err := s.Reorder(ctx)
	if err != nil {
		return nil, 0, err
	}
	if only {
		kept := groups[:0]
		for _, g := range groups {
			if g.Supplier == supplier {
				kept = append(kept, g)
			}
		}
		groups = kept
	}
	f := excelize.NewFile()
	defer f.Close()
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E6F4FF"}}})
	if err != nil {
		return nil, 0, err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return nil, 0, err
	}
	money, err := f.NewStyle(&excelize.Style{NumFmt: 2})
	if err != nil {
		return nil, 0, err
	}
	const summary = "汇总"
	if err := f.SetSheetName("Sheet1", summary); err != nil {
		return nil, 0, err
	}
	sumRows := [][]any{{"采购单", time.Now().Format("2006-01-02 15:04")}, {"供应商", "商品种数", "采购件数", "金额（元）"}}
	used := map[string]bool{summary: true}
	lines := 0
	for _, g := range groups {
		name := sheetName(g.Supplier, used)
		sumRows = append(sumRows, []any{displaySupplier(g.Supplier), len(g.Lines), g.Qty, yuan(g.AmountFen)})
		if _, err := f.NewSheet(name); err != nil {
			return nil, 0, err
		}
		rows := [][]any{{"供应商：" + displaySupplier(g.Supplier)}, anySlice(purchaseHeader)}
		for _, l := range g.Lines {
			days := any("—")
			if l.DaysLeft != nil {
				days = round1(*l.DaysLeft)
			}
			rows = append(rows, []any{excelize.Cell{Value: l.Code, StyleID: text}, l.Name, l.Spec, l.OnHand, l.InTransit,
				round2(l.AvgDaily), days, l.LeadDays, l.PackSize, l.Qty, excelize.Cell{Value: yuan(l.CostFen), StyleID: money},
				excelize.Cell{Value: yuan(l.AmountFen), StyleID: money}, ""})
			lines++
		}
		rows = append(rows, []any{"合计", "", "", "", "", "", "", "", "", g.Qty, "", excelize.Cell{Value: yuan(g.AmountFen), StyleID: money}})
		if err := writeRows(f, name, rows, 2, head); err != nil {
			return nil, 0, err
		}
		for i, w := range []float64{16, 36, 16, 10, 8, 10, 10, 12, 8, 14, 12, 12, 20} {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := f.SetColWidth(name, col, col, w); err != nil {
				return nil, 0, err
			}
		}
	}
	if len(groups) == 0 {
		sumRows = append(sumRows, []any{"没有要补货的商品"})
	}
	if err := writeRows(f, summary, sumRows, 2, head); err != nil {
		return nil, 0, err
	}
	if err := f.SetColWidth(summary, "A", "A", 24); err != nil {
		return nil, 0, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, 0, err
	}
	return buf.Bytes(), lines, nil
}

func displaySupplier(s string) string {
	if s == "" {
		return "（未填供应商）"
	}
	return s
}

// sheetName is a worksheet name for a supplier: at most 31 characters, none of : \ / ? * [ ],
// not used before.
func sheetName(supplier string, used map[string]bool) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '_'
		}
		return r
	}, displaySupplier(supplier))
	if utf8.RuneCountInString(name) > 28 {
		name = string([]rune(name)[:28])
	}
	base := name
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s(%d)", base, i)
	}
	used[name] = true
	return name
}

// writeRows writes rows from A1, styling the header row (1-based); an excelize.Cell value
// gets its own style.
func writeRows(f *excelize.File, sheet string, rows [][]any, header int, style int) error {
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			st := 0
			if c, ok := v.(excelize.Cell); ok {
				v, st = c.Value, c.StyleID
			}
			if i+1 == header {
				st = style
			}
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				return err
			}
			if st != 0 {
				if err := f.SetCellStyle(sheet, cell, cell, st); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func anySlice(v []string) []any {
	out := make([]any, len(v))
	for i, s := range v {
		out[i] = s
	}
	return out
}

func yuan(fen int64) float64 { return float64(fen) / 100 }

func round1(v float64) float64 { return float64(int64(v*10+0.5)) / 10 }

func round2(v float64) float64 { return float64(int64(v*100+0.5)) / 100 }

// Returns per SKU and day, from the imported refunds (stock_return).

// ReturnDay is one SKU's returns on one day.
type ReturnDay struct {
	Day       string `json:"day"`
	ItemID    int64  `json:"itemId"` // 0: the refund's SKU is not known
	Code      string `json:"code"`
	Name      string `json:"name"`
	Units     int64  `json:"units"`
	AmountFen int64  `json:"amountFen"`
	Refunds   int64  `json:"refunds"`
	Shops     string `json:"shops"`
}

// ReturnsPage is one page of the returns table.
type ReturnsPage struct {
	Rows  []ReturnDay `json:"rows"`
	Total int64       `json:"total"`
	From  string      `json:"from"`
	To    string      `json:"to"`
}

// Returns lists the returns per day and SKU between two days (YYYY-MM-DD, inclusive; ""
// for the last 30 days), newest first.
func (s *Store) Returns(ctx context.Context, from, to string, page, size int) (ReturnsPage, error) {
	if to == "" {
		to = s.today().Format(dayLayout)
	}
	end, err := ParseDay(to)
	if err != nil {
		return ReturnsPage{}, err
	}
	if from == "" {
		from = end.AddDate(0, 0, -(chartDays - 1)).Format(dayLayout)
	}
	if _, err := ParseDay(from); err != nil {
		return ReturnsPage{}, err
	}
	size = min(max(size, 1), 200)
	page = max(page, 1)
	q := s.db.Queries()
	args := sqldb.ReturnsByDayParams{FromAt: from + " 00:00:00", EndAt: to + " 23:59:59", Lim: int64(size), Off: int64((page - 1) * size)}
	rows, err := q.ReturnsByDay(ctx, args)
	if err != nil {
		return ReturnsPage{}, fmt.Errorf("returns: %w", err)
	}
	total, err := q.CountReturnsByDay(ctx, sqldb.CountReturnsByDayParams{FromAt: args.FromAt, EndAt: args.EndAt})
	if err != nil {
		return ReturnsPage{}, fmt.Errorf("returns: %w", err)
	}
	out := ReturnsPage{Rows: []ReturnDay{}, Total: total, From: from, To: to}
	for _, r := range rows {
		out.Rows = append(out.Rows, ReturnDay{Day: r.Day, ItemID: r.StockItemID, Code: r.Code, Name: r.Name, Units: r.Units,
			AmountFen: r.AmountFen, Refunds: r.Refunds, Shops: r.Shops})
	}
	return out, nil
}
