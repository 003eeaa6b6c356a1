package importer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"shopdesk/db/sqldb"
	"shopdesk/internal/shop"
)

type rowOutcome int

const (
	rowSkipped rowOutcome = iota // blank line
	rowNew
	rowUpdated
	rowUnchanged
)

// rowError names the file, row, column and value a seller must look at.
type rowError struct {
	file, column, value string
	row                 int
	reason              string
}

func (e *rowError) Error() string {
	if e.value == "" {
		return fmt.Sprintf("文件“%s”第 %d 行，“%s”列：%s", e.file, e.row, e.column, e.reason)
	}
	return fmt.Sprintf("文件“%s”第 %d 行，“%s”列的值“%s”%s", e.file, e.row, e.column, e.value, e.reason)
}

// writer upserts the rows of one file inside its transaction.
type writer struct {
	ctx             context.Context
	q               *sqldb.Queries
	layout          *boundLayout
	batchID         int64
	file            string
	defaultShop     int64
	defaultShopName string
	shops           map[string]sqldb.FindShopRow // by name in the file ("" = no name column)
	shopIDs         map[int64]bool
	shopOrder       []int64 // the shops written to, in order of first appearance
	shopNames       []string
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
	cells []string
}

// cell returns the cleaned cell of field in row ("" when the file has no such column).
// A field read from several columns (省, 市, 区, 街道) joins their non-empty cells with a space.
func (w *writer) cell(row []string, field string) string {
	cols, ok := w.layout.col[field]
	if !ok {
		return ""
	}
	if len(cols) == 1 {
		if cols[0] >= len(row) {
			return ""
		}
		return cleanCell(row[cols[0]])
	}
	parts := make([]string, 0, len(cols))
	for _, i := range cols {
		if i < len(row) {
			if c := cleanCell(row[i]); c != "" {
				parts = append(parts, c)
			}
		}
	}
	return strings.Join(parts, " ")
}

func (w *writer) bad(rowNo int, row []string, field string, reason string) error {
	col := fields[field].name
	if cols, ok := w.layout.col[field]; ok {
		names := make([]string, 0, len(cols))
		for _, i := range cols {
			if i < len(w.layout.headers) {
				names = append(names, w.layout.headers[i])
			}
		}
		if len(names) > 0 {
			col = strings.Join(names, "/")
		}
	}
	return fail(ErrCodeBadValue, &rowError{file: w.file, row: rowNo, column: col,
		value: w.cell(row, field), reason: reason})
}

func (w *writer) text(row []string, field string) string { return w.cell(row, field) }

func (w *writer) money(rowNo int, row []string, field string) (int64, error) {
	v, err := parseFen(w.cell(row, field))
	if err != nil {
		return 0, w.bad(rowNo, row, field, err.Error())
	}
	return v, nil
}

func (w *writer) integer(rowNo int, row []string, field string) (int64, error) {
	v, err := parseInt(w.cell(row, field))
	if err != nil {
		return 0, w.bad(rowNo, row, field, err.Error())
	}
	return v, nil
}

func (w *writer) when(rowNo int, row []string, field string) (string, error) {
	v, err := parseTime(w.cell(row, field))
	if err != nil {
		return "", w.bad(rowNo, row, field, err.Error())
	}
	return v, nil
}

// orderValues are the order-level columns an import may set.
type orderValues = sqldb.GetOrderForImportRow

func (w *writer) row(rowNo int, row []string) (rowOutcome, error) {
	if nonEmpty(row) == 0 {
		return rowSkipped, nil
	}
	orderNo, err := parseID(w.cell(row, "order_no"))
	if err != nil {
		return 0, w.bad(rowNo, row, "order_no", err.Error())
	}
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
		shopRow, err := w.shop(rowNo, row)
		if err != nil {
			return 0, err
		}
		v, err := w.orderValues(rowNo, row)
		if err != nil {
			return 0, err
		}
		v.Status = statusCode(w.layout.Platform, v.StatusText)
		itemStatus = v.StatusText
		if w.lastOrder.shopID == shopRow.ID && w.lastOrder.no == orderNo {
			orderID, outcome = w.lastOrder.id, rowUnchanged
		} else {
			orderID, outcome, err = w.upsertOrder(shopRow.ID, orderNo, v)
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
		return outcome, nil
	}
	itemOutcome, err := w.upsertItem(rowNo, row, orderID, itemStatus)
	if err != nil {
		return 0, err
	}
	if itemOutcome != rowUnchanged {
		if err := w.refreshTotals(orderID); err != nil {
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

// orderValues reads the order-level cells of a row.
func (w *writer) orderValues(rowNo int, row []string) (v orderValues, err error) {
	v.Buyer = w.text(row, "buyer")
	v.StatusText = w.text(row, "status")
	v.Title = w.text(row, "title")
	v.Address = w.text(row, "address")
	v.TrackingNo = w.text(row, "tracking_no")
	v.Carrier = w.text(row, "carrier")
	v.BuyerMessage = w.text(row, "buyer_message")
	v.SellerMemo = w.text(row, "seller_memo")
	if v.PayFen, err = w.money(rowNo, row, "pay_amount"); err != nil {
		return v, err
	}
	if v.RefundFen, err = w.money(rowNo, row, "refund_amount"); err != nil {
		return v, err
	}
	if v.LateShipCompFen, err = w.money(rowNo, row, "late_ship_comp_amount"); err != nil {
		return v, err
	}
	if v.ItemCount, err = w.integer(rowNo, row, "item_count"); err != nil {
		return v, err
	}
	if v.CreatedAt, err = w.when(rowNo, row, "created_at"); err != nil {
		return v, err
	}
	if v.CreatedAt == "" && w.layout.has("created_at") {
		return v, w.bad(rowNo, row, "created_at", "是空的：每一行都要有订单创建时间")
	}
	if v.PromisedShipAt, err = w.when(rowNo, row, "promised_ship_at"); err != nil {
		return v, err
	}
	if parseFlag(w.cell(row, "address_changed")) {
		v.AddressChanged = 1
	}
	if v.PaidAt, err = w.when(rowNo, row, "paid_at"); err != nil {
		return v, err
	}
	if v.ShippedAt, err = w.when(rowNo, row, "shipped_at"); err != nil {
		return v, err
	}
	comp, err := parseBool(w.cell(row, "late_ship_comp"))
	if err != nil {
		return v, w.bad(rowNo, row, "late_ship_comp", err.Error())
	}
	if comp || v.LateShipCompFen > 0 {
		v.LateShipComp = 1
	}
	return v, nil
}

// shop resolves the row's shop: the file's 店铺名称 when it has one, else the caller's
// choice, else the only shop of the platform.
func (w *writer) shop(rowNo int, row []string) (sqldb.FindShopRow, error) {
	name := w.text(row, "shop_name")
	if s, ok := w.shops[name]; ok {
		return s, nil
	}
	key := name
	if name == "" && w.defaultShop == 0 {
		name = w.defaultShopName
	}
	platform := w.layout.Platform
	var s sqldb.FindShopRow
	var err error
	switch {
	case name != "":
		s, err = w.q.FindShop(w.ctx, sqldb.FindShopParams{Platform: platform, Name: name})
		if errors.Is(err, sql.ErrNoRows) {
			s, err = w.createShop(platform, name)
		}
	case w.defaultShop != 0:
		var g sqldb.GetShopRow
		g, err = w.q.GetShop(w.ctx, w.defaultShop)
		s = sqldb.FindShopRow(g)
		if err == nil && s.Platform != platform {
			return s, fail(ErrCodeNeedShop, fmt.Errorf("文件“%s”是%s的导出文件，不能导入到%s店铺“%s”：请选择%s店铺",
				w.file, platformLabel(platform), platformLabel(s.Platform), s.Name, platformLabel(platform)))
		}
	default:
		var list []sqldb.ShopsOnPlatformRow
		list, err = w.q.ShopsOnPlatform(w.ctx, platform)
		if err == nil && len(list) != 1 {
			why := "还没有" + platformLabel(platform) + "店铺"
			if len(list) > 1 {
				why = fmt.Sprintf("有 %d 个%s店铺", len(list), platformLabel(platform))
			}
			return s, fail(ErrCodeNeedShop, fmt.Errorf("文件“%s”里没有店铺名称，%s：请先选择要导入到哪个店铺", w.file, why))
		}
		if err == nil {
			s = sqldb.FindShopRow(list[0])
		}
	}
	if err != nil {
		return s, fmt.Errorf("文件“%s”第 %d 行：查找店铺失败：%w", w.file, rowNo, err)
	}
	w.shops[key] = s
	if w.shopIDs == nil {
		w.shopIDs = map[int64]bool{}
	}
	if !w.shopIDs[s.ID] {
		w.shopIDs[s.ID] = true
		w.shopOrder = append(w.shopOrder, s.ID)
		w.shopNames = append(w.shopNames, s.Name)
	}
	return s, nil
}

func (w *writer) createShop(platform, name string) (sqldb.FindShopRow, error) {
	c, err := w.q.CreateShop(w.ctx, sqldb.CreateShopParams{Platform: platform, Name: name, Timezone: shop.DefaultTimezone})
	return sqldb.FindShopRow(c), err
}

// change is one field an import changed, kept in order_change.
type change struct{ field, old, new string }

// merge copies the fields this file has a column for from v into cur and lists what changed.
// Fields the file lacks keep their stored value: a narrower export never blanks data.
func (w *writer) merge(cur *orderValues, v orderValues) []change {
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
	if w.layout.has("status") && cur.StatusText != v.StatusText {
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
	if w.layout.has("late_ship_comp") || w.layout.has("late_ship_comp_amount") {
		num("late_ship_comp", &cur.LateShipComp, v.LateShipComp)
		num("late_ship_comp_amount", &cur.LateShipCompFen, v.LateShipCompFen)
	}
	return changes
}

func (w *writer) upsertOrder(shopID int64, orderNo string, v orderValues) (int64, rowOutcome, error) {
	cur, err := w.q.GetOrderForImport(w.ctx, sqldb.GetOrderForImportParams{ShopID: shopID, OrderNo: orderNo})
	if errors.Is(err, sql.ErrNoRows) {
		id, err := w.q.InsertOrder(w.ctx, sqldb.InsertOrderParams{
			ShopID: shopID, OrderNo: orderNo, Buyer: v.Buyer, Status: v.Status, StatusText: v.StatusText,
			PayFen: v.PayFen, RefundFen: v.RefundFen, Title: v.Title, ItemCount: v.ItemCount,
			Address: v.Address, CreatedAt: v.CreatedAt, PaidAt: v.PaidAt, ShippedAt: v.ShippedAt,
			TrackingNo: v.TrackingNo, Carrier: v.Carrier, BuyerMessage: v.BuyerMessage,
			SellerMemo: v.SellerMemo, LateShipComp: v.LateShipComp, LateShipCompFen: v.LateShipCompFen,
			PromisedShipAt: v.PromisedShipAt, AddressChanged: v.AddressChanged, BatchID: w.batchID,
		})
		return id, rowNew, err
	}
	if err != nil {
		return 0, 0, err
	}
	changes := w.merge(&cur, v)
	if len(changes) == 0 {
		return cur.ID, rowUnchanged, nil
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
	})
	return cur.ID, rowUpdated, err
}

func (w *writer) upsertItem(rowNo int, row []string, orderID int64, statusText string) (rowOutcome, error) {
	subNo, err := w.itemKey(rowNo, row)
	if err != nil {
		return 0, err
	}
	it := sqldb.InsertOrderItemParams{OrderID: orderID, SubOrderNo: subNo, BatchID: w.batchID,
		Title: w.text(row, "item_title"), SkuCode: w.text(row, "item_sku_code"),
		StatusText: statusText, RefundStatus: w.text(row, "item_refund_status")}
	if it.PriceFen, err = w.money(rowNo, row, "item_price"); err != nil {
		return 0, err
	}
	if it.Quantity, err = w.integer(rowNo, row, "item_quantity"); err != nil {
		return 0, err
	}
	if it.PayFen, err = w.money(rowNo, row, "item_pay_amount"); err != nil {
		return 0, err
	}
	if it.RefundFen, err = w.money(rowNo, row, "item_refund_amount"); err != nil {
		return 0, err
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

// itemKey is the key of a row's item within its order: the sub-order number where the
// export has one, else (item_key layouts: 宝贝报表, JD, 1688, which write one row per
// product line but number none) the layout's item_key cells joined with "|", e.g.
// "MUG-01|颜色分类：白色|北欧风陶瓷马克杯". That key is stable across re-exports of the same
// order, so a re-import updates the line instead of adding it again; it changes only if the
// seller edits the 商家编码, properties or title of a product already sold. A key repeated
// within one order (the same product on two lines) gets "#2", "#3" in row order.
// ":" becomes "：" because order_change names item fields "item:<key>:<field>".
func (w *writer) itemKey(rowNo int, row []string) (string, error) {
	if w.layout.has("sub_order_no") || len(w.layout.ItemKey) == 0 {
		subNo, err := parseID(w.cell(row, "sub_order_no"))
		if err != nil {
			return "", w.bad(rowNo, row, "sub_order_no", err.Error())
		}
		if subNo == "" {
			return "", w.bad(rowNo, row, "sub_order_no", "是空的：子订单导出的每一行都要有子订单编号")
		}
		return subNo, nil
	}
	parts := make([]string, len(w.layout.ItemKey))
	empty := true
	for i, f := range w.layout.ItemKey {
		v, err := parseID(w.cell(row, f))
		if err != nil {
			return "", w.bad(rowNo, row, f, err.Error())
		}
		parts[i] = strings.ReplaceAll(v, ":", "：")
		empty = empty && v == ""
	}
	if empty {
		return "", w.bad(rowNo, row, w.layout.ItemKey[0], "是空的：这一行认不出是哪件商品（"+w.itemKeyNames()+"都是空的）")
	}
	key := strings.Join(parts, "|")
	if w.lastOrder.itemKeys == nil {
		w.lastOrder.itemKeys = map[string]int{}
	}
	w.lastOrder.itemKeys[key]++
	if n := w.lastOrder.itemKeys[key]; n > 1 {
		key += "#" + strconv.Itoa(n)
	}
	return key, nil
}

// itemKeyNames names the columns an item key is made of, for messages.
func (w *writer) itemKeyNames() string {
	names := make([]string, 0, len(w.layout.ItemKey))
	for _, f := range w.layout.ItemKey {
		for _, i := range w.layout.col[f] {
			if i < len(w.layout.headers) {
				names = append(names, "“"+w.layout.headers[i]+"”")
			}
		}
	}
	return strings.Join(names, "")
}

// refreshTotals brings an order's amount, refund, item count and title up to date after
// one of its items changed. Only the totals the layout has no order-level column for come
// from the items (a JD or 1688 order's amount is its own 应付金额/实付款, not a sum of
// items that carry none). A change to an order that existed before this batch is kept as
// history, one row per field and batch however many of its items changed.
func (w *writer) refreshTotals(orderID int64) error {
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
	return w.q.UpdateOrderTotals(w.ctx, sqldb.UpdateOrderTotalsParams{
		PayFen: pay, RefundFen: refund, ItemCount: count, Title: title, BatchID: w.batchID, ID: orderID})
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
