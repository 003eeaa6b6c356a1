package importer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"shopdesk/db/sqldb"
	"shopdesk/internal/orders"
)

// The orders kind: order reports (one row per order) and sub-order reports (one row per
// product line), of every platform and of the seller's templates. Rows are parsed in
// orderrows.go, written by orderWriter (orderwrite.go) through orderStore (orderstore.go).
var ordersKind = &fileKind{
	ID:     KindOrders,
	Name:   "订单",
	Levels: []string{levelOrder, levelSubOrder},
	Fields: []Field{
		{Key: "order_no", Type: kindID, Name: "订单编号", Group: "order", Required: true},
		{Key: "status", Type: kindText, Name: "订单状态", Group: "order", Suggested: true},
		{Key: "created_at", Type: kindTime, Name: "订单创建时间", Group: "order", Suggested: true},
		{Key: "paid_at", Type: kindTime, Name: "付款时间", Group: "order"},
		{Key: "pay_amount", Type: kindMoney, Name: "实付金额", Group: "order"},
		{Key: "refund_amount", Type: kindMoney, Name: "退款金额", Group: "order"},
		{Key: "buyer", Type: kindText, Name: "买家", Group: "order"},
		{Key: "address", Type: kindText, Name: "收货地址", Group: "order", Multi: true},
		{Key: "title", Type: kindText, Name: "商品标题", Group: "order", Multi: true},
		{Key: "item_count", Type: kindInt, Name: "商品数量", Group: "order"},
		{Key: "tracking_no", Type: kindText, Name: "物流单号", Group: "order"},
		{Key: "carrier", Type: kindText, Name: "物流公司", Group: "order"},
		{Key: "shipped_at", Type: kindTime, Name: "发货时间", Group: "order"},
		{Key: "promised_ship_at", Type: kindTime, Name: "承诺发货时间", Group: "order"},
		{Key: "shop_name", Type: kindText, Name: "店铺名称", Group: "order"},
		{Key: "buyer_message", Type: kindText, Name: "买家留言", Group: "order", Multi: true},
		{Key: "seller_memo", Type: kindText, Name: "卖家备注", Group: "order", Multi: true},
		{Key: "after_sale", Type: kindText, Name: "售后状态", Group: "order"},
		{Key: "close_reason", Type: kindText, Name: "关闭原因", Group: "order"},
		{Key: "sub_order_no", Type: kindID, Name: "子订单编号", Group: "item"},
		{Key: "item_title", Type: kindText, Name: "商品标题", Group: "item", Multi: true},
		{Key: "item_price", Type: kindMoney, Name: "价格", Group: "item"},
		{Key: "item_quantity", Type: kindInt, Name: "购买数量", Group: "item"},
		{Key: "item_sku_code", Type: kindText, Name: "商家编码", Group: "item"},
		{Key: "item_pay_amount", Type: kindMoney, Name: "实付金额", Group: "item"},
		{Key: "item_refund_status", Type: kindText, Name: "退款状态", Group: "item"},
		{Key: "item_refund_amount", Type: kindMoney, Name: "退款金额", Group: "item"},
		// Read by built-in layouts only.
		{Key: "late_ship_comp", Type: kindBool, Name: "是否赔付", Group: "order", LayoutOnly: true},
		{Key: "late_ship_comp_amount", Type: kindMoney, Name: "延迟发货赔付金额", Group: "order", LayoutOnly: true},
		{Key: "address_changed", Type: kindFlag, Name: "是否修改过地址", Group: "order", LayoutOnly: true},
		// Read only to derive an item key (item_key) where the export has no sub-order number.
		{Key: "item_spec", Type: kindText, Name: "商品属性", Group: "item", LayoutOnly: true},
		{Key: "item_product_id", Type: kindID, Name: "商品ID", Group: "item", LayoutOnly: true},
	},
	// Without 订单状态 the status is derived from the times (deriveStatus): 付款时间 at least.
	// created_at is not required: the Taobao 宝贝报表 has no time column (its orders get their
	// time from the 订单报表 exported with it); a layout that maps created_at needs it on
	// every row.
	OneOf:           [][]string{{"status", "paid_at"}},
	requirementNote: "文件里没有订单状态时，选上付款时间，店务台按它推断状态",
	Preview:         []string{"order_no", "sub_order_no", "buyer", "status", "pay_amount", "item_pay_amount", "title", "item_title", "created_at", "shop_name"},
}

// The kind's code, set apart from its data: the registry's data is what the layouts are
// checked against while the package loads, and the code refers back to it.
func init() {
	k := ordersKind
	k.templateLevel = func(columns map[string][]string) string {
		if len(columns["sub_order_no"]) > 0 {
			return levelSubOrder
		}
		return levelOrder
	}
	k.checkTemplate = func(columns map[string][]string) error {
		if len(columns["sub_order_no"]) > 0 {
			return nil
		}
		for _, f := range ordersKind.Fields {
			if itemField(f.Key) && len(columns[f.Key]) > 0 {
				return fmt.Errorf("选了商品字段“%s”，也要选“子订单编号”对应哪一列：每行一个商品的文件靠子订单编号区分商品", f.Name)
			}
		}
		return nil
	}
	k.newHandler = func(r *run) (rowHandler, error) {
		r.res.StatusDerived = !r.layout.has("status")
		return &ordersHandler{layout: r.layout, file: r.res.File, facts: r.facts, res: r.res}, nil
	}
	k.laterBatch = func(ctx context.Context, q *sqldb.Queries, b sqldb.GetBatchRow) (int64, error) {
		return q.LaterBatchTouchingOrders(ctx, sqldb.LaterBatchTouchingOrdersParams{
			BatchID: b.ID, FirstOrderID: b.FirstOrderID, LastOrderID: b.LastOrderID})
	}
	k.undo = undoOrders
}

// itemField reports whether f is read into order_item (item_count is the order's 商品数量).
func itemField(f string) bool { return strings.HasPrefix(f, "item_") && f != "item_count" }

// ordersHandler is the orders kind's rowHandler: rows parsed by rowParser.parse, written
// by an orderWriter.
type ordersHandler struct {
	layout *boundLayout
	file   string
	facts  fileFacts
	res    *FileResult // gets the order counts
	ow     *orderWriter
}

func (h *ordersHandler) parser() parseFunc {
	p := newRowParser(h.layout, h.file, h.facts)
	return func(nos []int, cells [][]string) any {
		rows := make([]parsedRow, len(cells))
		for i, c := range cells {
			rows[i] = p.parse(nos[i], c)
		}
		return rows
	}
}

func (h *ordersHandler) write(w *writer, chunk any, count func(rowOutcome) error) error {
	if h.ow == nil {
		h.ow = &orderWriter{writer: w}
	}
	rows := chunk.([]parsedRow)
	// The stored orders the chunk names, with one query or two (orderstore.go).
	if err := h.ow.orders.prefetch(w, rows); err != nil {
		return fmt.Errorf("文件“%s”：%w", w.file, err)
	}
	for i := range rows {
		outcome, err := h.ow.row(&rows[i])
		if err != nil {
			return err
		}
		if err := count(outcome); err != nil {
			return err
		}
	}
	return nil
}

func (h *ordersHandler) finish(w *writer) (first, last int64, err error) {
	if h.ow == nil {
		return 0, -1, nil
	}
	if err := h.ow.orders.flush(w); err != nil {
		return 0, 0, fmt.Errorf("文件“%s”：%w", w.file, err)
	}
	first, last = h.ow.orders.created()
	counts := h.ow.count.OrderCounts
	h.res.Orders = &counts
	return first, last, nil
}

// Derived statuses: an order list without 订单状态 (an ERP's or an analyst's re-save) gets
// its status from its times and amounts. The text says it was derived wherever it shows;
// statusCode knows these texts on every platform, and a derived status never replaces a
// platform's own (orderWriter.merge).
var derivedStatuses = []struct{ code, text, rule string }{
	{orders.StatusClosed, "已全额退款（按退款金额推断）", "退款金额等于实付金额→已关闭"},
	{orders.StatusShipped, "已发货（按发货时间推断）", "有发货时间→已发货"},
	{orders.StatusToShip, "已付款（按付款时间推断）", "有付款时间→待发货"},
	{orders.StatusUnpaid, "未付款（按付款时间推断）", "没有付款时间→待付款"},
}

// deriveStatus is the status of an order row without a status column: fully refunded
// -> closed, shipped -> shipped, paid -> to ship, else unpaid.
func deriveStatus(v *orderValues) (code, text string) {
	i := 3
	switch {
	case v.PayFen > 0 && v.RefundFen == v.PayFen:
		i = 0
	case v.ShippedAt != "":
		i = 1
	case v.PaidAt != "":
		i = 2
	}
	return derivedStatuses[i].code, derivedStatuses[i].text
}

// DerivedStatusRules says how a status is derived, for the command line and messages.
func DerivedStatusRules() string {
	rules := make([]string, len(derivedStatuses))
	for i, d := range derivedStatuses {
		rules[i] = d.rule
	}
	return strings.Join(rules, "；")
}

// isDerivedStatus reports whether a status text is one deriveStatus wrote.
func isDerivedStatus(text string) bool {
	for _, d := range derivedStatuses {
		if d.text == text {
			return true
		}
	}
	return false
}

// orderColumns maps the field names kept in order_change to their orders column.
// Every field merge can change must be here, or undo cannot put it back.
var orderColumns = map[string]string{
	"buyer": "buyer", "pay_amount": "pay_fen", "refund_amount": "refund_fen", "title": "title",
	"item_count": "item_count", "address": "address", "created_at": "created_at", "paid_at": "paid_at",
	"shipped_at": "shipped_at", "tracking_no": "tracking_no", "carrier": "carrier",
	"buyer_message": "buyer_message", "seller_memo": "seller_memo", "late_ship_comp": "late_ship_comp",
	"late_ship_comp_amount": "late_ship_comp_fen",
	"promised_ship_at":      "promised_ship_at", "address_changed": "address_changed",
	"close_reason": "close_reason", "after_sale": "after_sale",
}

// itemColumns maps the item fields kept in order_change ("item:<sub-order>:<field>").
var itemColumns = map[string]string{
	"title": "title", "sku_code": "sku_code", "price": "price_fen", "quantity": "quantity",
	"pay_amount": "pay_fen", "status": "status_text", "refund_status": "refund_status",
	"refund_amount": "refund_fen",
}

// undoOrders takes a batch's orders back: the ones it changed get their previous values
// (newest change first, so the oldest old value is written last), the items and orders it
// created are removed.
func undoOrders(ctx context.Context, tx *sql.Tx, q *sqldb.Queries, b sqldb.GetBatchRow, res *UndoResult) error {
	changes, err := q.BatchChanges(ctx, b.ID)
	if err != nil {
		return fmt.Errorf("order changes: %w", err)
	}
	restored := map[int64]bool{}
	for _, c := range changes {
		if err := restore(ctx, tx, c); err != nil {
			return fmt.Errorf("order %d field %s: %w", c.OrderID, c.Field, err)
		}
		restored[c.OrderID] = true
	}
	res.Restored = int64(len(restored))
	steps := []struct {
		name string
		run  func() error
	}{
		{"reset last batch", func() error { return q.ResetLastBatch(ctx, b.ID) }},
		{"delete changes", func() error { return q.DeleteBatchChanges(ctx, b.ID) }},
		{"reset item last batch", func() error { return q.ResetItemLastBatch(ctx, b.ID) }},
		{"delete items", func() error { _, err := q.DeleteItemsOfBatch(ctx, b.ID); return err }},
		{"delete orders", func() error {
			n, err := q.DeleteOrdersOfBatch(ctx, sqldb.DeleteOrdersOfBatchParams{
				BatchID: b.ID, FirstOrderID: b.FirstOrderID, LastOrderID: b.LastOrderID})
			res.Removed = n
			return err
		}},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return nil
}

// restore writes one old value back. The column comes from a fixed map, never from input.
// An order's import_fp is cleared: it hashed the values being undone (migration 00008).
func restore(ctx context.Context, tx *sql.Tx, c sqldb.BatchChangesRow) error {
	if rest, ok := strings.CutPrefix(c.Field, "item:"); ok {
		sub, field, found := strings.Cut(rest, ":")
		col, known := itemColumns[field]
		if !found || !known {
			return errors.New("unknown item field")
		}
		_, err := tx.ExecContext(ctx, `UPDATE order_item SET `+col+` = ? WHERE order_id = ? AND sub_order_no = ?`,
			c.OldValue, c.OrderID, sub)
		return err
	}
	if c.Field == "status" {
		_, err := tx.ExecContext(ctx, `UPDATE orders SET status_text = ?, status = ?, import_fp = 0 WHERE id = ?`,
			c.OldValue, statusCode(c.Platform, c.OldValue), c.OrderID)
		return err
	}
	col, ok := orderColumns[c.Field]
	if !ok {
		return errors.New("unknown field")
	}
	_, err := tx.ExecContext(ctx, `UPDATE orders SET `+col+` = ?, import_fp = 0 WHERE id = ?`, c.OldValue, c.OrderID)
	return err
}
