package importer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/shop"
	"shopdesk/internal/stock"
)

// Stock sheets (库存表) and count sheets (盘点表): the seller's own files, of no platform and
// no shop. Each row names a SKU by its merchant code (商家编码) and a quantity.
//   - A stock sheet (level "stock": the built-in layout, or a template of the kind) sets the
//     stock on hand of each SKU it names: one stocktake movement per row, the row's count.
//     SKUs it names that Shopdesk does not know yet are created; the SKU fields it has a
//     column for (name, cost, supplier …) are set, the old values kept for undo.
//   - A count sheet (level "stocktake": the file StockService exports, filled in) keeps its
//     counts aside (stock_count) for the seller to review on the stock page before they
//     are posted as movements. A row whose count is blank was not counted.
// Undoing either removes what it wrote (the movements of its counts too, once posted).

var stockKind = &fileKind{
	ID:         KindStock,
	Name:       "库存",
	Levels:     []string{levelStock, levelStocktake},
	NoPlatform: true,
	Fields: []Field{
		{Key: "sku_code", Type: kindID, Name: "商家编码", Group: "stock", Required: true},
		{Key: "on_hand", Type: kindInt, Name: "库存数量", Group: "stock", Required: true},
		{Key: "sku_name", Type: kindText, Name: "商品名称", Group: "stock", Suggested: true, Multi: true},
		{Key: "sku_spec", Type: kindText, Name: "规格", Group: "stock", Multi: true},
		{Key: "cost", Type: kindMoney, Name: "成本价", Group: "stock"},
		{Key: "safety_stock", Type: kindInt, Name: "安全库存", Group: "stock"},
		{Key: "supplier", Type: kindText, Name: "供应商", Group: "stock"},
		{Key: "lead_days", Type: kindInt, Name: "采购周期（天）", Group: "stock"},
		{Key: "pack_size", Type: kindInt, Name: "箱规（每箱件数）", Group: "stock"},
		{Key: "in_transit", Type: kindInt, Name: "在途数量", Group: "stock"},
		{Key: "counted_at", Type: kindTime, Name: "盘点时间", Group: "stock"},
	},
	Preview: []string{"sku_code", "sku_name", "sku_spec", "on_hand", "cost", "supplier"},
}

func init() {
	k := stockKind
	k.newHandler = func(r *run) (rowHandler, error) {
		loc, err := time.LoadLocation(shop.DefaultTimezone)
		if err != nil {
			loc = time.FixedZone("CST", 8*3600)
		}
		return &stockHandler{layout: r.layout, file: r.res.File, facts: r.facts,
			at: time.Now().In(loc).Format("2006-01-02 15:04:05"), seen: map[string]int{}}, nil
	}
	// A batch's movements and counts are its own rows: a later sheet never changes them.
	// The SKU fields a later sheet changed again are left as they are (undo restores only
	// a field that still holds the undone sheet's value).
	k.laterBatch = func(context.Context, *sqldb.Queries, sqldb.GetBatchRow) (int64, error) { return 0, nil }
	k.undo = undoStock
}

// stockHandler is the stock kind's rowHandler.
type stockHandler struct {
	layout *boundLayout
	file   string
	facts  fileFacts
	at     string         // the import's time: the time of rows without 盘点时间
	seen   map[string]int // merchant code -> the row that named it first
}

// stockRow is one row as read; nil numbers and "" texts are cells the file leaves blank
// (or has no column for): they change nothing.
type stockRow struct {
	no                            int
	blank                         bool
	err                           error
	code                          string
	qty                           *int64 // the count; nil: not counted (a blank count sheet cell)
	at                            string
	name, spec, supplier          string
	cost, safety, lead, pack, trn *int64
}

func (h *stockHandler) parser() parseFunc {
	p := newRowParser(h.layout, h.file, h.facts)
	counts := h.layout.Level == levelStocktake
	return func(nos []int, cells [][]string) any {
		rows := make([]stockRow, len(cells))
		for i, c := range cells {
			rows[i] = p.parseStock(nos[i], c, counts)
		}
		return rows
	}
}

// optInt reads a count that may be left blank (or hold a placeholder: 暂无, -): nil then.
func (p *rowParser) optInt(rowNo int, row []string, field string) (*int64, error) {
	c := p.cell(row, field)
	if c == "" {
		return nil, nil
	}
	v, err := parseInt(c)
	if err != nil {
		if p.empty(c) {
			return nil, nil
		}
		return nil, p.bad(rowNo, row, field, err.Error())
	}
	return &v, nil
}

// optMoney is optInt for an amount in yuan (fen).
func (p *rowParser) optMoney(rowNo int, row []string, field string) (*int64, error) {
	c := p.cell(row, field)
	if c == "" {
		return nil, nil
	}
	v, err := parseFen(c)
	if err != nil {
		if p.empty(c) {
			return nil, nil
		}
		return nil, p.bad(rowNo, row, field, err.Error())
	}
	return &v, nil
}

func (p *rowParser) parseStock(rowNo int, row []string, counts bool) (r stockRow) {
	r.no = rowNo
	if nonEmpty(row) == 0 {
		r.blank = true
		return r
	}
	r.err = p.stockValues(rowNo, row, counts, &r)
	return r
}

func (p *rowParser) stockValues(rowNo int, row []string, counts bool, r *stockRow) (err error) {
	if r.code, err = p.requiredID(rowNo, row, "sku_code"); err != nil {
		return err
	}
	if r.qty, err = p.optInt(rowNo, row, "on_hand"); err != nil {
		return err
	}
	if r.qty == nil && !counts {
		return p.bad(rowNo, row, "on_hand", "是空的：库存表的每一行都要有库存数量（没有数的商品请删掉这一行，或填 0）")
	}
	if r.at, err = p.when(rowNo, row, "counted_at"); err != nil {
		return err
	}
	r.name, r.spec, r.supplier = p.text(row, "sku_name"), p.text(row, "sku_spec"), p.text(row, "supplier")
	if r.cost, err = p.optMoney(rowNo, row, "cost"); err != nil {
		return err
	}
	if r.cost != nil && *r.cost < 0 {
		return p.bad(rowNo, row, "cost", "是负数：成本价不能小于 0")
	}
	for _, f := range []struct {
		key string
		dst **int64
		min int64
	}{{"safety_stock", &r.safety, 0}, {"lead_days", &r.lead, 0}, {"pack_size", &r.pack, 1}, {"in_transit", &r.trn, 0}} {
		if *f.dst, err = p.optInt(rowNo, row, f.key); err != nil {
			return err
		}
		if *f.dst != nil && **f.dst < f.min {
			return p.bad(rowNo, row, f.key, fmt.Sprintf("不能小于 %d", f.min))
		}
	}
	return nil
}

func (h *stockHandler) write(w *writer, chunk any, count func(rowOutcome) error) error {
	rows := chunk.([]stockRow)
	for i := range rows {
		outcome, err := h.row(w, &rows[i])
		if err != nil {
			return err
		}
		if err := count(outcome); err != nil {
			return err
		}
	}
	return nil
}

// finish: a stock file creates no order.
func (h *stockHandler) finish(*writer) (first, last int64, err error) { return 0, -1, nil }

func (h *stockHandler) row(w *writer, r *stockRow) (rowOutcome, error) {
	if r.blank {
		return rowSkipped, nil
	}
	if r.err != nil {
		return 0, r.err
	}
	if first, dup := h.seen[r.code]; dup {
		return 0, fail(ErrCodeBadValue, fmt.Errorf("文件“%s”第 %d 行：商家编码“%s”在第 %d 行已经出现过：同一个商品只能有一行（几个仓库的库存请先加在一起）",
			w.file, r.no, r.code, first))
	}
	h.seen[r.code] = r.no
	at := r.at
	if at == "" {
		at = h.at
	}
	item, created, changed, err := h.item(w, r)
	if err != nil {
		return 0, err
	}
	bal, err := stock.Balances(w.ctx, w.q, []int64{item}, at)
	if err != nil {
		return 0, fmt.Errorf("文件“%s”第 %d 行：%w", w.file, r.no, err)
	}
	book := bal[item].OnHand
	if h.layout.Level == levelStocktake {
		err = w.q.InsertStockCount(w.ctx, sqldb.InsertStockCountParams{BatchID: w.batchID, RowNo: int64(r.no),
			StockItemID: item, Counted: r.qty, Book: book, At: at})
	} else {
		_, err = w.q.InsertStockMove(w.ctx, sqldb.InsertStockMoveParams{StockItemID: item, Kind: stock.MoveStocktake,
			Counted: r.qty, At: at, Reason: fmt.Sprintf("导入库存表“%s”第 %d 行", w.file, r.no),
			BatchID: &w.batchID, CreatedAt: utcNow()})
	}
	if err != nil {
		return 0, fmt.Errorf("文件“%s”第 %d 行：写入商家编码 %s 的库存失败：%w", w.file, r.no, r.code, err)
	}
	switch {
	case created:
		return rowNew, nil
	case changed || (r.qty != nil && *r.qty != book):
		return rowUpdated, nil
	}
	return rowUnchanged, nil
}

// item finds or creates the row's SKU and sets the fields the row gives (a stock sheet
// only: a count sheet changes no SKU it finds), keeping each change for undo.
func (h *stockHandler) item(w *writer, r *stockRow) (id int64, created, changed bool, err error) {
	cur, err := w.q.GetStockItemByCode(w.ctx, r.code)
	if errors.Is(err, sql.ErrNoRows) {
		p := sqldb.CreateStockItemParams{Code: r.code, Name: r.name, Spec: r.spec, Supplier: r.supplier,
			LeadDays: r.lead, PackSize: 1, Source: "sheet", CreatedBatchID: &w.batchID, Now: utcNow()}
		for _, f := range []struct{ dst, src *int64 }{{&p.CostFen, r.cost}, {&p.SafetyStock, r.safety}, {&p.PackSize, r.pack}, {&p.InTransit, r.trn}} {
			if f.src != nil {
				*f.dst = *f.src
			}
		}
		id, err = w.q.CreateStockItem(w.ctx, p)
		if err != nil {
			return 0, false, false, fmt.Errorf("文件“%s”第 %d 行：新建商家编码 %s 失败：%w", w.file, r.no, r.code, err)
		}
		return id, true, false, nil
	}
	if err != nil {
		return 0, false, false, fmt.Errorf("文件“%s”第 %d 行：读取商家编码 %s 失败：%w", w.file, r.no, r.code, err)
	}
	if h.layout.Level == levelStocktake {
		return cur.ID, false, false, nil
	}
	next := cur
	var changes []change
	text := func(field string, dst *string, v string) {
		if v != "" && *dst != v {
			changes = append(changes, change{field, *dst, v})
			*dst = v
		}
	}
	num := func(field string, dst *int64, v *int64) {
		if v != nil && *dst != *v {
			changes = append(changes, change{field, strconv.FormatInt(*dst, 10), strconv.FormatInt(*v, 10)})
			*dst = *v
		}
	}
	text("name", &next.Name, r.name)
	text("spec", &next.Spec, r.spec)
	text("supplier", &next.Supplier, r.supplier)
	num("cost_fen", &next.CostFen, r.cost)
	num("safety_stock", &next.SafetyStock, r.safety)
	num("pack_size", &next.PackSize, r.pack)
	num("in_transit", &next.InTransit, r.trn)
	if r.lead != nil && (next.LeadDays == nil || *next.LeadDays != *r.lead) {
		changes = append(changes, change{"lead_days", stock.FormatOptional(next.LeadDays), strconv.FormatInt(*r.lead, 10)})
		next.LeadDays = r.lead
	}
	if len(changes) == 0 {
		return cur.ID, false, false, nil
	}
	now := utcNow()
	for _, c := range changes {
		if err := w.q.InsertStockItemChange(w.ctx, sqldb.InsertStockItemChangeParams{StockItemID: cur.ID,
			BatchID: &w.batchID, Field: c.field, OldValue: c.old, NewValue: c.new, At: now}); err != nil {
			return 0, false, false, fmt.Errorf("文件“%s”第 %d 行：记录商家编码 %s 的变化失败：%w", w.file, r.no, r.code, err)
		}
	}
	err = w.q.UpdateStockItem(w.ctx, sqldb.UpdateStockItemParams{ID: cur.ID, Name: next.Name, Spec: next.Spec,
		CostFen: next.CostFen, SafetyStock: next.SafetyStock, Supplier: next.Supplier, LeadDays: next.LeadDays,
		PackSize: next.PackSize, InTransit: next.InTransit, Role: next.Role, Active: next.Active,
		Edited: next.Edited, Now: now})
	if err != nil {
		return 0, false, false, fmt.Errorf("文件“%s”第 %d 行：更新商家编码 %s 失败：%w", w.file, r.no, r.code, err)
	}
	return cur.ID, false, true, nil
}

// undoStock takes a stock or count sheet back inside Undo's transaction: its movements
// and counts go, the SKU fields it changed get their old values where they still hold
// the sheet's (newest change first), and the SKUs it created go when nothing else uses them.
func undoStock(ctx context.Context, tx *sql.Tx, q *sqldb.Queries, b sqldb.GetBatchRow, res *UndoResult) error {
	batch := b.ID
	var err error
	if res.StockMovesRemoved, err = q.DeleteStockMovesOfBatch(ctx, &batch); err != nil {
		return fmt.Errorf("delete stock movements: %w", err)
	}
	if res.StockCountsRemoved, err = q.DeleteStockCountsOfBatch(ctx, batch); err != nil {
		return fmt.Errorf("delete stock counts: %w", err)
	}
	changes, err := q.StockItemChangesOfBatch(ctx, &batch)
	if err != nil {
		return fmt.Errorf("stock item changes: %w", err)
	}
	restored := map[int64]bool{}
	for _, c := range changes {
		ok, err := stock.RestoreField(ctx, tx, c.StockItemID, c.Field, c.OldValue, c.NewValue)
		if err != nil {
			return fmt.Errorf("stock item %d field %s: %w", c.StockItemID, c.Field, err)
		}
		if ok {
			restored[c.StockItemID] = true
		}
	}
	res.StockItemsRestored = int64(len(restored))
	if err := q.DeleteStockItemChangesOfBatch(ctx, &batch); err != nil {
		return fmt.Errorf("delete stock item changes: %w", err)
	}
	if res.StockItemsRemoved, err = q.DeleteUnusedStockItemsOfBatch(ctx, &batch); err != nil {
		return fmt.Errorf("delete stock items: %w", err)
	}
	return nil
}
