package inquiry

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The exports: the register in the layout of the sheet sellers keep (its twelve columns
// first, so that the file reads like their own and imports again), and the analysis of a
// period (one sheet per breakdown).

// sheetYesNo is how the sheet writes 是否成交.
var sheetYesNo = map[string]string{OutcomeDeal: "是", OutcomeNoDeal: "否", OutcomePending: "跟进中"}

type xlsxWriter struct {
	f     *excelize.File
	bold  int
	money int
	pct   int
	first bool
}

func newXLSX() (*xlsxWriter, error) {
	f := excelize.NewFile()
	w := &xlsxWriter{f: f, first: true}
	var err error
	if w.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return nil, err
	}
	if w.money, err = f.NewStyle(&excelize.Style{NumFmt: 2}); err != nil { // 0.00
		return nil, err
	}
	if w.pct, err = f.NewStyle(&excelize.Style{NumFmt: 10}); err != nil { // 0.00%
		return nil, err
	}
	return w, nil
}

// sheet writes one sheet: a bold header and rows (any cell values).
func (w *xlsxWriter) sheet(name string, widths []float64, header []string, rows [][]any) error {
	if w.first {
		if err := w.f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
		w.first = false
	} else if _, err := w.f.NewSheet(name); err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = excelize.Cell{StyleID: w.bold, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, r); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func (w *xlsxWriter) bytes() ([]byte, error) {
	defer w.f.Close()
	var buf bytes.Buffer
	if _, err := w.f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (w *xlsxWriter) yuan(fen int64) any {
	return excelize.Cell{StyleID: w.money, Value: float64(fen) / 100}
}

// ExportHeader is the register export's header row: Columns' first names.
func ExportHeader() []string {
	out := make([]string, len(Columns))
	for i, c := range Columns {
		out[i] = c.Names[0]
	}
	return out
}

// ExportRegister writes every row lq selects (all pages) as an Excel workbook in the layout
// of the register sheet. It returns the file and the number of rows.
func (s *Store) ExportRegister(ctx context.Context, lq Query) ([]byte, int, error) {
	var rows []Inquiry
	lq.PageSize = 500
	for lq.Page = 1; ; lq.Page++ {
		p, err := s.List(ctx, lq)
		if err != nil {
			return nil, 0, err
		}
		rows = append(rows, p.Rows...)
		if len(p.Rows) < lq.PageSize {
			break
		}
	}
	w, err := newXLSX()
	if err != nil {
		return nil, 0, fmt.Errorf("export register: %w", err)
	}
	cells := make([][]any, 0, len(rows))
	for _, in := range rows {
		var amount any = ""
		if in.AmountFen != 0 || in.Outcome == OutcomeDeal {
			amount = w.yuan(in.AmountFen)
		}
		reason := ""
		if in.Outcome == OutcomeNoDeal {
			reason = in.Reason
		}
		byField := map[string]any{
			FieldAskedOn: in.AskedOn, FieldCustomer: in.Customer, FieldCustomerType: in.CustomerType,
			FieldChannel: in.Channel, FieldProducts: strings.Join(in.Products, "、"), FieldOutcome: sheetYesNo[in.Outcome],
			FieldDealType: in.DealType, FieldAmount: amount, FieldReason: reason, FieldFollowNote: in.FollowNote,
			FieldAgent: in.AgentName, FieldRegion: in.Region, FieldAskedTime: in.AskedTime, FieldShop: in.ShopName,
			FieldNextFollowOn: in.NextFollowOn, FieldNote: in.Note,
		}
		row := make([]any, len(Columns))
		for i, c := range Columns {
			row[i] = byField[c.Field]
		}
		cells = append(cells, row)
	}
	widths := []float64{11, 18, 9, 11, 30, 8, 9, 11, 12, 30, 9, 9, 7, 18, 11, 24}
	if err := w.sheet("询盘登记", widths, ExportHeader(), cells); err != nil {
		return nil, 0, fmt.Errorf("export register: %w", err)
	}
	data, err := w.bytes()
	if err != nil {
		return nil, 0, fmt.Errorf("export register: %w", err)
	}
	return data, len(rows), nil
}

// dimensionName is each breakdown's sheet and column name.
var dimensionName = map[string]string{ByChannel: "询盘渠道", ByAgent: "客服", ByProduct: "咨询产品",
	ByType: "客户类型", ByRegion: "地区", ByReason: "未交易原因"}

// ExportAnalysis writes the analysis of a period: the totals, every breakdown, the no-deal
// reasons, the trend by day and the agent ranking, one sheet each.
func (s *Store) ExportAnalysis(ctx context.Context, from, to string) ([]byte, error) {
	a, err := s.Analyze(ctx, from, to, ByChannel)
	if err != nil {
		return nil, err
	}
	w, err := newXLSX()
	if err != nil {
		return nil, fmt.Errorf("export analysis: %w", err)
	}
	t := a.Totals
	note := "转化率 = 成交数 / 询盘数；“跟进中”的询盘算在询盘数里（还没成交）"
	if err := w.sheet("汇总", []float64{16, 14, 60}, []string{"项目", "数值", "说明"}, [][]any{
		{"期间", from + " 至 " + to, ""},
		{"询盘数", t.Inquiries, "包括跟进中的询盘"},
		{"成交数", t.Deals, ""},
		{"未成交数", t.NoDeals, ""},
		{"跟进中", t.Pending, ""},
		{"转化率", excelize.Cell{StyleID: w.pct, Value: t.Conversion}, note},
		{"成交金额（元）", w.yuan(t.AmountFen), ""},
	}); err != nil {
		return nil, fmt.Errorf("export analysis: %w", err)
	}
	stat := func(rows []StatRow, amount bool) [][]any {
		out := make([][]any, 0, len(rows))
		for _, r := range rows {
			row := []any{r.Key, r.Inquiries, r.Deals, r.Pending, excelize.Cell{StyleID: w.pct, Value: r.Conversion}}
			if amount {
				row = append(row, w.yuan(r.AmountFen))
			}
			out = append(out, row)
		}
		return out
	}
	widths := []float64{30, 9, 9, 9, 9, 14}
	for _, by := range Dimensions {
		if by == ByReason {
			continue
		}
		rows, err := s.Stats(ctx, from, to, by)
		if err != nil {
			return nil, err
		}
		if err := w.sheet("按"+dimensionName[by], widths, []string{dimensionName[by], "询盘数", "成交数", "跟进中", "转化率"},
			stat(rows, false)); err != nil {
			return nil, fmt.Errorf("export analysis: %w", err)
		}
	}
	reasons := make([][]any, 0, len(a.Reasons))
	for i, r := range a.Reasons {
		reasons = append(reasons, []any{i + 1, r.Key, r.Inquiries})
	}
	if err := w.sheet("未成交原因", []float64{6, 20, 9}, []string{"排名", "未交易原因", "次数"}, reasons); err != nil {
		return nil, fmt.Errorf("export analysis: %w", err)
	}
	if err := w.sheet("每日趋势", widths, []string{"日期", "询盘数", "成交数", "跟进中", "转化率"}, stat(a.Trend, false)); err != nil {
		return nil, fmt.Errorf("export analysis: %w", err)
	}
	if err := w.sheet("客服排名", widths, []string{"客服", "询盘数", "成交数", "跟进中", "转化率", "成交金额（元）"}, stat(a.Agents, true)); err != nil {
		return nil, fmt.Errorf("export analysis: %w", err)
	}
	data, err := w.bytes()
	if err != nil {
		return nil, fmt.Errorf("export analysis: %w", err)
	}
	return data, nil
}
