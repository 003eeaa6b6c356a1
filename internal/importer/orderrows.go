package importer

import (
	"encoding/binary"
	"hash/fnv"
	"strings"

	"shopdesk/db/sqldb"
)

// How a row of an order file is read (the orders kind's parser, orders.go writes them).

// parsedRow is one row of the file with every cell the writer needs already read. A value
// that does not parse is kept as its error; the writer returns it when it reaches that
// point of the row, so the first failing row and check is reported, as if the row were
// read there.
type parsedRow struct {
	no     int      // the row number the seller sees
	cells  []string // the raw cells, for messages
	blank  bool
	rowErr error // the row as a whole cannot be read (see undecodable)

	orderNo    string
	orderNoErr error
	shopName   string

	// The order-level cells (not checked on a row that inherits its order number).
	vals    orderValues
	valsErr error

	// Sub-order layouts: the item's key (before a repeat within its order is numbered)
	// and cells.
	itemKey     string
	itemKeyErr  error
	itemDerived bool // the key is made of item_key cells and a repeat gets "#2"
	item        sqldb.InsertOrderItemParams
	itemErr     error
}

// parse reads one row, which it keeps (the caller must not reuse it).
func (p *rowParser) parse(rowNo int, row []string) parsedRow {
	pr := parsedRow{no: rowNo}
	if isBlank(row) {
		pr.blank = true
		return pr
	}
	pr.cells = row
	if p.badBytes {
		if pr.rowErr = p.undecodable(rowNo, row); pr.rowErr != nil {
			return pr
		}
	}
	pr.orderNo, pr.orderNoErr = parseID(p.cell(row, "order_no"))
	if pr.orderNoErr != nil {
		pr.orderNoErr = p.bad(rowNo, row, "order_no", pr.orderNoErr.Error())
		return pr
	}
	pr.shopName = p.text(row, "shop_name")
	pr.vals, pr.valsErr = p.orderValues(rowNo, row)
	if pr.valsErr == nil {
		if p.layout.has("status") {
			pr.vals.Status = statusCode(p.layout.Platform, pr.vals.StatusText)
		} else {
			pr.vals.Status, pr.vals.StatusText = deriveStatus(&pr.vals)
		}
		pr.vals.ImportFp = p.fingerprint(&pr.vals)
	}
	if p.layout.Level == "sub_order" {
		pr.itemKey, pr.itemDerived, pr.itemKeyErr = p.itemKey(rowNo, row)
		pr.item, pr.itemErr = p.itemValues(rowNo, row)
	}
	return pr
}

// fingerprint is the orders.import_fp of a row's order values: FNV-1a over the layout and
// every value (migration 00008). Equal fingerprints mean the row would change nothing of
// an order this layout wrote last. Never 0, which stands for "no fingerprint".
func (p *rowParser) fingerprint(v *orderValues) int64 {
	b := append(p.fpBuf[:0], p.layout.ID...)
	for _, s := range [...]string{v.Buyer, v.Status, v.StatusText, v.Title, v.Address, v.CreatedAt,
		v.PaidAt, v.ShippedAt, v.TrackingNo, v.Carrier, v.BuyerMessage, v.SellerMemo, v.PromisedShipAt,
		v.CloseReason, v.AfterSale} {
		b = append(append(b, 0x1f), s...)
	}
	for _, n := range [...]int64{v.PayFen, v.RefundFen, v.ItemCount, v.LateShipComp, v.LateShipCompFen, v.AddressChanged} {
		b = binary.LittleEndian.AppendUint64(append(b, 0x1f), uint64(n))
	}
	p.fpBuf = b
	h := fnv.New64a()
	h.Write(b)
	if fp := int64(h.Sum64()); fp != 0 {
		return fp
	}
	return 1
}

// orderValues reads the order-level cells of a row.
func (p *rowParser) orderValues(rowNo int, row []string) (v orderValues, err error) {
	v.Buyer = p.text(row, "buyer")
	v.StatusText = p.text(row, "status")
	v.Title = p.text(row, "title")
	v.Address = p.text(row, "address")
	v.TrackingNo = p.text(row, "tracking_no")
	v.Carrier = p.text(row, "carrier")
	v.BuyerMessage = p.text(row, "buyer_message")
	v.SellerMemo = p.text(row, "seller_memo")
	v.CloseReason = p.text(row, "close_reason")
	v.AfterSale = p.text(row, "after_sale")
	if v.PayFen, err = p.money(rowNo, row, "pay_amount"); err != nil {
		return v, err
	}
	if v.RefundFen, err = p.money(rowNo, row, "refund_amount"); err != nil {
		return v, err
	}
	if v.LateShipCompFen, err = p.money(rowNo, row, "late_ship_comp_amount"); err != nil {
		return v, err
	}
	if v.ItemCount, err = p.integer(rowNo, row, "item_count"); err != nil {
		return v, err
	}
	if v.CreatedAt, err = p.when(rowNo, row, "created_at"); err != nil {
		return v, err
	}
	if v.CreatedAt == "" && p.layout.has("created_at") {
		return v, p.bad(rowNo, row, "created_at", "是空的：每一行都要有订单创建时间")
	}
	if v.PromisedShipAt, err = p.when(rowNo, row, "promised_ship_at"); err != nil {
		return v, err
	}
	if parseFlag(p.cell(row, "address_changed")) {
		v.AddressChanged = 1
	}
	if v.PaidAt, err = p.when(rowNo, row, "paid_at"); err != nil {
		return v, err
	}
	if v.ShippedAt, err = p.when(rowNo, row, "shipped_at"); err != nil {
		return v, err
	}
	comp, err := p.flag(rowNo, row, "late_ship_comp")
	if err != nil {
		return v, err
	}
	if comp || v.LateShipCompFen > 0 {
		v.LateShipComp = 1
	}
	return v, nil
}

// itemValues reads the item cells of a sub-order row (order id, key, status and batch are
// the writer's).
func (p *rowParser) itemValues(rowNo int, row []string) (it sqldb.InsertOrderItemParams, err error) {
	it.Title = p.text(row, "item_title")
	it.SkuCode = p.text(row, "item_sku_code")
	it.RefundStatus = p.text(row, "item_refund_status")
	if it.PriceFen, err = p.money(rowNo, row, "item_price"); err != nil {
		return it, err
	}
	if it.Quantity, err = p.integer(rowNo, row, "item_quantity"); err != nil {
		return it, err
	}
	if it.PayFen, err = p.money(rowNo, row, "item_pay_amount"); err != nil {
		return it, err
	}
	if it.RefundFen, err = p.money(rowNo, row, "item_refund_amount"); err != nil {
		return it, err
	}
	return it, nil
}

// itemKey is the key of a row's item within its order: the sub-order number where the
// export has one, else (item_key layouts: 宝贝报表, JD, 1688, which write one row per
// product line but number none) the layout's item_key cells joined with "|", e.g.
// "MUG-01|颜色分类：白色|北欧风陶瓷马克杯". That key is stable across re-exports of the same
// order, so a re-import updates the line instead of adding it again; it changes only if the
// seller edits the 商家编码, properties or title of a product already sold. A key repeated
// within one order (the same product on two lines) gets "#2", "#3" in row order: that is
// the writer's, which knows the order's rows (derived reports that it applies).
// ":" becomes "：" because order_change names item fields "item:<key>:<field>".
func (p *rowParser) itemKey(rowNo int, row []string) (key string, derived bool, err error) {
	if p.layout.has("sub_order_no") || len(p.layout.ItemKey) == 0 {
		subNo, err := parseID(p.cell(row, "sub_order_no"))
		if err != nil {
			return "", false, p.bad(rowNo, row, "sub_order_no", err.Error())
		}
		if subNo == "" {
			return "", false, p.bad(rowNo, row, "sub_order_no", "是空的：子订单导出的每一行都要有子订单编号")
		}
		return subNo, false, nil
	}
	parts := make([]string, len(p.layout.ItemKey))
	empty := true
	for i, f := range p.layout.ItemKey {
		v, err := parseID(p.cell(row, f))
		if err != nil {
			return "", false, p.bad(rowNo, row, f, err.Error())
		}
		parts[i] = strings.ReplaceAll(v, ":", "：")
		empty = empty && v == ""
	}
	if empty {
		return "", false, p.bad(rowNo, row, p.layout.ItemKey[0], "是空的：这一行认不出是哪件商品（"+p.itemKeyNames()+"都是空的）")
	}
	return strings.Join(parts, "|"), true, nil
}

// itemKeyNames names the columns an item key is made of, for messages.
func (p *rowParser) itemKeyNames() string {
	names := make([]string, 0, len(p.layout.ItemKey))
	for _, f := range p.layout.ItemKey {
		for _, i := range p.layout.col[f] {
			if i < len(p.layout.headers) {
				names = append(names, "“"+p.layout.headers[i]+"”")
			}
		}
	}
	return strings.Join(names, "")
}
