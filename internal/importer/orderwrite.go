package importer

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"shopdesk/db/sqldb"
)

// orderWriter is the orders kind's row handler (orders.go): it upserts the orders and
// sub-orders of a file's rows.
type orderWriter struct {
	*writer
	// lastOrder is the order the previous row wrote: the rows of one order in a sub-order
	// export follow each other, and its order-level cells are taken from its first row.
	lastOrder struct {
		shopID     int64
		no         string
		id         int64
		statusText string
		// itemKeys are the derived item keys already used by this order's rows (item_key
		// layouts only), to number a repeated key.
		itemKeys map[string]int
	}
	orders orderStore
	count  orderCount
}

// orderValues are the order-level columns an import may set.
type orderValues = sqldb.GetOrderForImportRow

func (w *orderWriter) row(pr *parsedRow) (rowOutcome, error) {
	if pr.blank {
		return rowSkipped, nil
	}
	if pr.rowErr != nil {
		return 0, pr.rowErr
	}
	rowNo, row := pr.no, pr.cells
	if pr.orderNoErr != nil {
		return 0, pr.orderNoErr
	}
	orderNo := pr.orderNo
	inherited := false
	if orderNo == "" {
		switch {
		case !w.layout.InheritOrderNo:
			return 0, w.bad(rowNo, row, "order_no", "是空的：每一行都要有订单编号")
		case w.lastOrder.no == "":
			return 0, w.bad(rowNo, row, "order_no",
				"是空的：第一个订单行必须有订单编号（下面空着订单编号的行属于它上面最近的订单）")
		}
		orderNo, inherited = w.lastOrder.no, true
	}

	var outcome rowOutcome
	var orderID int64
	itemStatus := w.lastOrder.statusText
	if !inherited {
		shopRow, err := w.shop(rowNo, pr.shopName)
		if err != nil {
			return 0, err
		}
		if pr.valsErr != nil {
			return 0, pr.valsErr
		}
		v := pr.vals
		itemStatus = v.StatusText
		if w.lastOrder.shopID == shopRow.ID && w.lastOrder.no == orderNo {
			orderID, outcome = w.lastOrder.id, rowUnchanged
		} else {
			orderID, outcome, err = w.upsertOrder(rowNo, shopRow.ID, orderNo, v)
			if err != nil {
				return 0, fmt.Errorf("文件“%s”第 %d 行：写入订单 %s 失败：%w", w.file, rowNo, orderNo, err)
			}
			w.lastOrder.shopID, w.lastOrder.no, w.lastOrder.id = shopRow.ID, orderNo, orderID
			w.lastOrder.statusText, w.lastOrder.itemKeys = v.StatusText, nil
		}
	} else {
		// An inherited row (1688) carries only its item: the order-level cells are on the
		// order's first row and are blank here, so they are neither read nor checked.
		orderID, outcome = w.lastOrder.id, rowUnchanged
	}
	if w.layout.Level != "sub_order" {
		w.count.add(orderID, outcome)
		return outcome, nil
	}
	itemOutcome, err := w.upsertItem(pr, orderID, itemStatus)
	if err != nil {
		return 0, err
	}
	if outcome == rowUnchanged && itemOutcome != rowUnchanged {
		w.count.add(orderID, rowUpdated) // a new or changed product line changes its order
	} else {
		w.count.add(orderID, outcome)
	}
	if itemOutcome != rowUnchanged {
		key := orderKey{w.lastOrder.shopID, w.lastOrder.no}
		if err := w.refreshTotals(key, orderID); err != nil {
			return 0, fmt.Errorf("文件“%s”第 %d 行：汇总订单 %s 的商品失败：%w", w.file, rowNo, orderNo, err)
		}
	}
	switch {
	case itemOutcome == rowNew:
		return rowNew, nil
	case itemOutcome == rowUpdated || outcome == rowUpdated:
		return rowUpdated, nil
	}
	return rowUnchanged, nil
}

// merge copies the fields this file has a column for from v into cur and lists what changed.
// Fields the file lacks keep their stored value: a narrower export never blanks data.
func (w *orderWriter) merge(cur *orderValues, v orderValues) []change {
	var changes []change
	str := func(field string, dst *string, src string) {
		if w.layout.has(field) && *dst != src {
			changes = append(changes, change{field, *dst, src})
			*dst = src
		}
	}
	num := func(field string, dst *int64, src int64) {
		if w.layout.has(field) && *dst != src {
			changes = append(changes, change{field, strconv.FormatInt(*dst, 10), strconv.FormatInt(src, 10)})
			*dst = src
		}
	}
	str("buyer", &cur.Buyer, v.Buyer)
	// A status derived from the times (no 订单状态 column) never replaces a platform's own
	// words: only an empty or an earlier derived one.
	derived := !w.layout.has("status") && (cur.StatusText == "" || isDerivedStatus(cur.StatusText))
	if (w.layout.has("status") || derived) && cur.StatusText != v.StatusText {
		changes = append(changes, change{"status", cur.StatusText, v.StatusText})
		cur.StatusText, cur.Status = v.StatusText, v.Status
	}
	num("pay_amount", &cur.PayFen, v.PayFen)
	num("refund_amount", &cur.RefundFen, v.RefundFen)
	str("title", &cur.Title, v.Title)
	num("item_count", &cur.ItemCount, v.ItemCount)
	str("address", &cur.Address, v.Address)
	str("created_at", &cur.CreatedAt, v.CreatedAt)
	str("paid_at", &cur.PaidAt, v.PaidAt)
	str("shipped_at", &cur.ShippedAt, v.ShippedAt)
	str("promised_ship_at", &cur.PromisedShipAt, v.PromisedShipAt)
	num("address_changed", &cur.AddressChanged, v.AddressChanged)
	str("tracking_no", &cur.TrackingNo, v.TrackingNo)
	str("carrier", &cur.Carrier, v.Carrier)
	str("buyer_message", &cur.BuyerMessage, v.BuyerMessage)
	str("seller_memo", &cur.SellerMemo, v.SellerMemo)
	str("close_reason", &cur.CloseReason, v.CloseReason)
	str("after_sale", &cur.AfterSale, v.AfterSale)
	if w.layout.has("late_ship_comp") || w.layout.has("late_ship_comp_amount") {
		num("late_ship_comp", &cur.LateShipComp, v.LateShipComp)
		num("late_ship_comp_amount", &cur.LateShipCompFen, v.LateShipCompFen)
	}
	return changes
}

// errOrderGone: an order prefetch saw is not in the table when read again (cannot happen
// inside the import's transaction; said rather than assumed).
var errOrderGone = errors.New("the order is no longer there")

// upsertOrder inserts the order or merges v into the stored one. A new order is only
// queued (see orderStore); changes to a stored one are written at once, with history.
func (w *orderWriter) upsertOrder(rowNo int, shopID int64, orderNo string, v orderValues) (int64, rowOutcome, error) {
	key := orderKey{shopID, orderNo}
	st, err := w.orders.lookup(w.writer, key)
	if err != nil {
		return 0, 0, err
	}
	if st == nil {
		id, err := w.orders.add(w.writer, rowNo, key, v)
		return id, rowNew, err
	}
	if st.ImportFp != 0 && st.ImportFp == v.ImportFp {
		return st.ID, rowUnchanged, nil // what this layout wrote last, and nothing since
	}
	if !st.full {
		if st, err = w.orders.load(w.writer, key); err != nil || st == nil {
			return 0, 0, fmt.Errorf("read order again: %v", errors.Join(err, errOrderGone))
		}
	}
	cur := &st.orderValues
	changes := w.merge(cur, v)
	if len(changes) == 0 {
		return cur.ID, rowUnchanged, nil
	}
	// The history rows refer to the order: it must be in the table first.
	if err := w.orders.flush(w.writer); err != nil {
		return 0, 0, err
	}
	for _, c := range changes {
		if err := w.q.InsertOrderChange(w.ctx, sqldb.InsertOrderChangeParams{
			OrderID: cur.ID, BatchID: w.batchID, Field: c.field, OldValue: c.old, NewValue: c.new,
		}); err != nil {
			return 0, 0, err
		}
	}
	err = w.q.UpdateOrder(w.ctx, sqldb.UpdateOrderParams{
		ID: cur.ID, Buyer: cur.Buyer, Status: cur.Status, StatusText: cur.StatusText,
		PayFen: cur.PayFen, RefundFen: cur.RefundFen, Title: cur.Title, ItemCount: cur.ItemCount,
		Address: cur.Address, CreatedAt: cur.CreatedAt, PaidAt: cur.PaidAt, ShippedAt: cur.ShippedAt,
		TrackingNo: cur.TrackingNo, Carrier: cur.Carrier, BuyerMessage: cur.BuyerMessage,
		SellerMemo: cur.SellerMemo, LateShipComp: cur.LateShipComp, LateShipCompFen: cur.LateShipCompFen,
		PromisedShipAt: cur.PromisedShipAt, AddressChanged: cur.AddressChanged, BatchID: w.batchID,
		CloseReason: cur.CloseReason, AfterSale: cur.AfterSale, ImportFp: v.ImportFp,
	})
	cur.ImportFp = v.ImportFp
	return cur.ID, rowUpdated, err
}

func (w *orderWriter) upsertItem(pr *parsedRow, orderID int64, statusText string) (rowOutcome, error) {
	rowNo := pr.no
	if pr.itemKeyErr != nil {
		return 0, pr.itemKeyErr
	}
	subNo := pr.itemKey
	if pr.itemDerived {
		if w.lastOrder.itemKeys == nil {
			w.lastOrder.itemKeys = map[string]int{}
		}
		w.lastOrder.itemKeys[subNo]++
		if n := w.lastOrder.itemKeys[subNo]; n > 1 {
			subNo += "#" + strconv.Itoa(n)
		}
	}
	if pr.itemErr != nil {
		return 0, pr.itemErr
	}
	it := pr.item
	it.OrderID, it.SubOrderNo, it.BatchID, it.StatusText = orderID, subNo, w.batchID, statusText
	// The item refers to its order and the totals are summed in SQL: queued orders first.
	if err := w.orders.flush(w.writer); err != nil {
		return 0, fmt.Errorf("文件“%s”第 %d 行：%w", w.file, rowNo, err)
	}
	cur, err := w.q.GetOrderItem(w.ctx, sqldb.GetOrderItemParams{OrderID: orderID, SubOrderNo: subNo})
	if errors.Is(err, sql.ErrNoRows) {
		if err := w.q.InsertOrderItem(w.ctx, it); err != nil {
			return 0, fmt.Errorf("文件“%s”第 %d 行：写入子订单 %s 失败：%w", w.file, rowNo, subNo, err)
		}
		return rowNew, nil
	}
	if err != nil {
		return 0, fmt.Errorf("文件“%s”第 %d 行：读取子订单 %s 失败：%w", w.file, rowNo, subNo, err)
	}
	var changes []change
	cmp := func(field, old, new string) {
		if old != new {
			changes = append(changes, change{"item:" + subNo + ":" + field, old, new})
		}
	}
	i64 := func(v int64) string { return strconv.FormatInt(v, 10) }
	cmp("title", cur.Title, it.Title)
	cmp("sku_code", cur.SkuCode, it.SkuCode)
	cmp("price", i64(cur.PriceFen), i64(it.PriceFen))
	cmp("quantity", i64(cur.Quantity), i64(it.Quantity))
	cmp("pay_amount", i64(cur.PayFen), i64(it.PayFen))
	cmp("status", cur.StatusText, it.StatusText)
	cmp("refund_status", cur.RefundStatus, it.RefundStatus)
	cmp("refund_amount", i64(cur.RefundFen), i64(it.RefundFen))
	if len(changes) == 0 {
		return rowUnchanged, nil
	}
	for _, c := range changes {
		if err := w.q.InsertOrderChange(w.ctx, sqldb.InsertOrderChangeParams{
			OrderID: orderID, BatchID: w.batchID, Field: c.field, OldValue: c.old, NewValue: c.new,
		}); err != nil {
			return 0, err
		}
	}
	if err := w.q.UpdateOrderItem(w.ctx, sqldb.UpdateOrderItemParams{
		ID: cur.ID, Title: it.Title, SkuCode: it.SkuCode, PriceFen: it.PriceFen, Quantity: it.Quantity,
		PayFen: it.PayFen, StatusText: it.StatusText, RefundStatus: it.RefundStatus,
		RefundFen: it.RefundFen, BatchID: w.batchID,
	}); err != nil {
		return 0, fmt.Errorf("文件“%s”第 %d 行：更新子订单 %s 失败：%w", w.file, rowNo, subNo, err)
	}
	return rowUpdated, nil
}

// refreshTotals brings an order's amount, refund, item count and title up to date after
// one of its items changed. Only the totals the layout has no order-level column for come
// from the items (a JD or 1688 order's amount is its own 应付金额/实付款, not a sum of
// items that carry none). A change to an order that existed before this batch is kept as
// history, one row per field and batch however many of its items changed.
func (w *orderWriter) refreshTotals(key orderKey, orderID int64) error {
	t, err := w.q.OrderItemTotals(w.ctx, orderID)
	if err != nil {
		return err
	}
	pay, refund, count, title := t.PayFen, t.RefundFen, t.ItemCount, t.Title
	fromItems := func(itemField, orderField string) bool {
		return w.layout.has(itemField) && !w.layout.has(orderField)
	}
	if fromItems("item_pay_amount", "pay_amount") {
		pay = t.ItemsPayFen
	}
	if fromItems("item_refund_amount", "refund_amount") {
		refund = t.ItemsRefundFen
	}
	if fromItems("item_quantity", "item_count") {
		count = t.ItemsQuantity
	}
	if fromItems("item_title", "title") && t.ItemsTitle != "" {
		title = t.ItemsTitle
	}
	i64 := func(v int64) string { return strconv.FormatInt(v, 10) }
	var changes []change
	if pay != t.PayFen {
		changes = append(changes, change{"pay_amount", i64(t.PayFen), i64(pay)})
	}
	if refund != t.RefundFen {
		changes = append(changes, change{"refund_amount", i64(t.RefundFen), i64(refund)})
	}
	if count != t.ItemCount {
		changes = append(changes, change{"item_count", i64(t.ItemCount), i64(count)})
	}
	if title != t.Title {
		changes = append(changes, change{"title", t.Title, title})
	}
	if len(changes) == 0 {
		return nil
	}
	if t.FirstBatchID != w.batchID {
		for _, c := range changes {
			n, err := w.q.ExtendOrderChange(w.ctx, sqldb.ExtendOrderChangeParams{
				NewValue: c.new, OrderID: orderID, BatchID: w.batchID, Field: c.field})
			if err != nil {
				return err
			}
			if n > 0 {
				continue
			}
			if err := w.q.InsertOrderChange(w.ctx, sqldb.InsertOrderChangeParams{
				OrderID: orderID, BatchID: w.batchID, Field: c.field, OldValue: c.old, NewValue: c.new,
			}); err != nil {
				return err
			}
		}
	}
	if err := w.q.UpdateOrderTotals(w.ctx, sqldb.UpdateOrderTotalsParams{
		PayFen: pay, RefundFen: refund, ItemCount: count, Title: title, BatchID: w.batchID, ID: orderID}); err != nil {
		return err
	}
	// A later row of this chunk naming the order must see the new totals.
	w.orders.setTotals(key, pay, refund, count, title)
	return nil
}

// parseFlag reads a yes/no column, or a text column whose content itself means yes
// (修改后的收货地址 holds the new address): empty and the usual "no" words are false.
func parseFlag(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "否", "no", "false", "0", "n", "无", "未修改":
		return false
	}
	return true
}
