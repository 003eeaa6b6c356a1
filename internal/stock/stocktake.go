package stock

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/xuri/excelize/v2"

	"shopdesk/db/sqldb"
)

// A stocktake (盘点): export the count sheet (every active SKU with its book stock and a
// blank 实盘数量 column), count, fill it in, import it back (the import engine reads it as
// a count sheet: the stock kind's "stocktake" layout), review the differences here, post
// them as stocktake movements. Undoing the count sheet's import takes it all back.

// CountSheetHeader is the header of the count sheet; the importer's layout
// stock_count_sheet (layouts_stock.json) reads files with it.
var CountSheetHeader = []string{"商家编码", "商品名称", "规格", "供应商", "账面库存", "实盘数量", "备注"}

// CountSheetXLSX writes the count sheet of the active SKUs (of one supplier when given),
// as of now. It returns the file and its number of SKUs.
func (s *Store) CountSheetXLSX(ctx context.Context, supplier string) ([]byte, int, error) {
	if err := s.fresh(ctx); err != nil {
		return nil, 0, err
	}
	items, err := s.db.Queries().CountSheetItems(ctx, supplier)
	if err != nil {
		return nil, 0, fmt.Errorf("count sheet: %w", err)
	}
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "盘点表"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, 0, err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": codes stay text
	if err != nil {
		return nil, 0, err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E6F4FF"}}})
	if err != nil {
		return nil, 0, err
	}
	count, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#FFFBE6"}},
		Border: []excelize.Border{{Type: "left", Color: "#D9D9D9", Style: 1}, {Type: "right", Color: "#D9D9D9", Style: 1},
			{Type: "top", Color: "#D9D9D9", Style: 1}, {Type: "bottom", Color: "#D9D9D9", Style: 1}}})
	if err != nil {
		return nil, 0, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, 0, err
	}
	for i, w := range []float64{18, 40, 18, 16, 10, 10, 24} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, 0, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, 0, err
	}
	hdr := make([]any, len(CountSheetHeader))
	for i, h := range CountSheetHeader {
		hdr[i] = excelize.Cell{Value: h, StyleID: head}
	}
	if err := sw.SetRow("A1", hdr); err != nil {
		return nil, 0, err
	}
	for i, it := range items {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		var book any = it.OnHand
		if it.Known == 0 {
			book = 0
		}
		row := []any{excelize.Cell{Value: it.Code, StyleID: text}, it.Name, it.Spec, it.Supplier, book,
			excelize.Cell{StyleID: count}, ""}
		if err := sw.SetRow(cell, row); err != nil {
			return nil, 0, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, 0, err
	}
	// A second sheet says what to do (the importer reads the sheet with the header).
	help := []string{"盘点步骤：", "1. 在“实盘数量”列填上数到的件数；没有数的商品留空（不会改动它的库存）。",
		"2. 保存后把文件拖进店务台（或在“导入”页选择文件），确认导入。",
		"3. 到“库存”页的“盘点”里核对差异，确认后点“过账”：实盘数量成为这些商品的库存。",
		"“账面库存”是导出时店务台记的库存，仅供对照；导入以后，可以在“导入”页撤销这次盘点。"}
	if _, err := f.NewSheet("说明"); err != nil {
		return nil, 0, err
	}
	for i, line := range help {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetCellValue("说明", cell, line); err != nil {
			return nil, 0, err
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, 0, err
	}
	return buf.Bytes(), len(items), nil
}

// CountSheet is an imported count sheet (one import batch).
type CountSheet struct {
	BatchID   int64  `json:"batchId"`
	File      string `json:"file"`
	At        string `json:"at"` // when it was counted (imported), wall time
	Rows      int64  `json:"rows"`
	Counted   int64  `json:"counted"`   // rows with a count
	Differing int64  `json:"differing"` // counts that differ from the book
	Posted    int64  `json:"posted"`    // counts posted as movements
}

// CountSheets lists the imported count sheets, newest first.
func (s *Store) CountSheets(ctx context.Context) ([]CountSheet, error) {
	rows, err := s.db.Queries().CountSheets(ctx)
	if err != nil {
		return nil, fmt.Errorf("count sheets: %w", err)
	}
	out := make([]CountSheet, 0, len(rows))
	for _, r := range rows {
		at, _ := r.At.(string)
		out = append(out, CountSheet{BatchID: r.BatchID, File: r.FileName, At: at, Rows: r.RowsTotal,
			Counted: r.CountedRows, Differing: r.Differing, Posted: r.Posted})
	}
	return out, nil
}

// CountLine is one row of a count sheet under review.
type CountLine struct {
	ID        int64  `json:"id"`
	Row       int64  `json:"row"` // its row in the file
	ItemID    int64  `json:"itemId"`
	Code      string `json:"code"`
	Name      string `json:"name"`
	Spec      string `json:"spec"`
	Book      int64  `json:"book"`    // the balance when the sheet was imported
	Counted   *int64 `json:"counted"` // nil: left blank
	Diff      int64  `json:"diff"`    // counted - book
	DiffFen   int64  `json:"diffFen"` // the difference at cost
	Posted    bool   `json:"posted"`
	CountedAt string `json:"countedAt"`
}

// CountReview returns a count sheet's rows: the differing ones first, then the rest.
func (s *Store) CountReview(ctx context.Context, batchID int64) ([]CountLine, error) {
	rows, err := s.db.Queries().CountRows(ctx, batchID)
	if err != nil {
		return nil, fmt.Errorf("count sheet %d: %w", batchID, err)
	}
	out := make([]CountLine, 0, len(rows))
	for _, r := range rows {
		l := CountLine{ID: r.ID, Row: r.RowNo, ItemID: r.StockItemID, Code: r.Code, Name: r.Name, Spec: r.Spec,
			Book: r.Book, Counted: r.Counted, Posted: r.PostedMoveID != nil, CountedAt: r.At}
		if r.Counted != nil {
			l.Diff = *r.Counted - r.Book
			l.DiffFen = l.Diff * r.CostFen
		}
		out = append(out, l)
	}
	rank := func(l CountLine) int {
		switch {
		case l.Counted != nil && l.Diff != 0:
			return 0
		case l.Counted != nil:
			return 1
		}
		return 2
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out, nil
}

// PostCounts posts a count sheet's counts (those not posted yet) as stocktake movements
// at the time they were counted: each counted SKU's stock becomes its count. It returns
// how many it posted. Undoing the count sheet's import takes them back.
func (s *Store) PostCounts(ctx context.Context, batchID, actorID int64) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		aid, name, err := actorName(ctx, q, actorID)
		if err != nil {
			return err
		}
		rows, err := q.CountRows(ctx, batchID)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return fmt.Errorf("没有编号为 %d 的盘点表（可能已经撤销了导入）", batchID)
		}
		b, err := q.GetBatch(ctx, batchID)
		if err != nil {
			return fmt.Errorf("没有编号为 %d 的导入记录：%w", batchID, err)
		}
		file := b.FileName
		for _, r := range rows {
			if r.Counted == nil || r.PostedMoveID != nil {
				continue
			}
			id, err := q.InsertStockMove(ctx, sqldb.InsertStockMoveParams{StockItemID: r.StockItemID, Kind: MoveStocktake,
				Counted: r.Counted, At: r.At, Reason: fmt.Sprintf("盘点表“%s”第 %d 行", file, r.RowNo),
				ActorID: aid, ActorName: name, BatchID: &batchID, CreatedAt: utcNow()})
			if err != nil {
				return err
			}
			if err := q.SetCountPosted(ctx, sqldb.SetCountPostedParams{MoveID: &id, ID: r.ID}); err != nil {
				return err
			}
			n++
		}
		if n == 0 {
			return fmt.Errorf("盘点表里没有要过账的数量（都已过账，或“实盘数量”都是空的）")
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("过账失败：%w", err)
	}
	return n, s.recompute(ctx)
}
