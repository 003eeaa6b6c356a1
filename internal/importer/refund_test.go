package importer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/orders"
)

// refundOrders are the orders the refund tests attach refunds to: sampleOrders (two shops)
// and a completed order of 小米粒母婴旗舰店.
func refundOrders() []exportfile.TaobaoOrder {
	return append(sampleOrders(), exportfile.TaobaoOrder{OrderNo: "2165437890123456795", Buyer: "星星点灯88",
		Status: "交易成功", Address: "上海 上海市 浦东新区", Title: "宝宝学步鞋 软底防滑", Shop: "小米粒母婴旗舰店",
		PayFen: 13800, Items: 2, CreatedAt: "2026-11-15 09:00:00", PaidAt: "2026-11-15 09:01:00",
		Carrier: "中通快递", TrackingNo: "78000000000777"})
}

// importRefundOrders imports refundOrders and returns the batch.
func importRefundOrders(t *testing.T, d *db.DB) importer.FileResult {
	t.Helper()
	r := importer.New(d).ImportFile(context.Background(),
		writeTaobao(t, "ExportOrderList.csv", refundOrders(), exportfile.CSVOptions{GBK: true, ExcelText: true}), importer.Options{})
	if r.Error != "" || r.New != 4 {
		t.Fatalf("orders import = %+v", r)
	}
	return r
}

// sampleRefunds are three refunds of 小米粒母婴旗舰店's orders, one per normalised state, with
// the values a real 退款报表 carries (18-digit refund numbers, no deadline once finished).
func sampleRefunds() []exportfile.TaobaoRefund {
	return []exportfile.TaobaoRefund{
		{OrderNo: "2165437890123456789", RefundNo: "168234567890123456", Title: "婴儿纯棉连体衣", SkuCode: "BABY-07",
			Status: "买家已经申请退款，等待卖家同意", GoodsStatus: "买家未收到货", Reason: "不想要了/拍错了",
			PayFen: 5900, RefundFen: 5900, PaidAt: "2026-11-21 10:01:30", AppliedAt: "2026-11-21 12:30:00",
			DeadlineAt: "2026-11-23 12:30:00"},
		{OrderNo: "2165437890123456795", RefundNo: "168234567890123457", Title: "宝宝学步鞋 软底防滑", SkuCode: "SHOE-02",
			Status: "退款成功", GoodsStatus: "买家已退货", Reason: "尺码不合适", NeedReturn: true, AfterSale: true,
			ReturnTrackingNo: "SF1234567890123", ReturnCarrier: "顺丰速运", PayFen: 13800, RefundFen: 6900,
			PaidAt: "2026-11-15 09:01:00", AppliedAt: "2026-11-17 20:00:00", ReturnedAt: "2026-11-18 10:00:00",
			FinishedAt: "2026-11-20 15:00:00"},
		{OrderNo: "2165437890123456790", RefundNo: "168234567890123458", Title: "宝宝辅食碗", Status: "卖家拒绝退款",
			GoodsStatus: "买家已收到货", Reason: "质量问题", NeedReturn: true, PayFen: 123456, RefundFen: 123456,
			AppliedAt: "2026-11-22 08:00:00", DeadlineAt: "2026-11-27 08:00:00"},
	}
}

func refundRows(rs []exportfile.TaobaoRefund, header []string) [][]string {
	out := make([][]string, len(rs))
	for i, r := range rs {
		out[i] = r.Row(header)
	}
	return out
}

func writeTaobaoRefunds(t *testing.T, name string, rs []exportfile.TaobaoRefund, opt exportfile.CSVOptions) string {
	t.Helper()
	return writeCSVFile(t, name, exportfile.TaobaoRefundHeader, refundRows(rs, exportfile.TaobaoRefundHeader), opt)
}

// storedRefund is a refund row as the tests compare it.
type storedRefund struct {
	shop, orderNo, status, statusText, kind, applied, deadline, goods, tracking, carrier, reason, title, sku, finished string
	amount                                                                                                             int64
}

func loadRefunds(t *testing.T, d *db.DB) map[string]storedRefund {
	t.Helper()
	rows, err := d.SQL.Query(`SELECT r.refund_no, s.name, r.order_no, r.status, r.status_text, r.kind, r.applied_at,
		r.deadline_at, r.goods_status, r.return_tracking_no, r.return_carrier, r.reason, r.title, r.sku_code,
		r.finished_at, r.amount_fen FROM refund r JOIN shop s ON s.id = r.shop_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]storedRefund{}
	for rows.Next() {
		var no string
		var r storedRefund
		if err := rows.Scan(&no, &r.shop, &r.orderNo, &r.status, &r.statusText, &r.kind, &r.applied, &r.deadline,
			&r.goods, &r.tracking, &r.carrier, &r.reason, &r.title, &r.sku, &r.finished, &r.amount); err != nil {
			t.Fatal(err)
		}
		out[no] = r
	}
	return out
}

// The 退款报表 in the encodings and quirks it arrives in: every one gives the same refunds,
// filed under the shop whose orders they name (the file has no 店铺名称, two Taobao shops exist).
func TestImportTaobaoRefundsQuirks(t *testing.T) {
	header := exportfile.TaobaoRefundHeader
	rows := func() [][]string {
		r := refundRows(sampleRefunds(), header)
		return set(r, header, 2, "买家退款金额", "￥1,234.56") // GBK has the full-width ￥ only
	}
	tests := []struct {
		name string
		file func(t *testing.T) string
	}{
		{"GBK with =\"…\" cells", func(t *testing.T) string {
			return writeCSVFile(t, "退款报表1.csv", header, rows(), exportfile.CSVOptions{GBK: true, ExcelText: true})
		}},
		{"UTF-8 with BOM, plain quoting", func(t *testing.T) string {
			return writeCSVFile(t, "退款报表2.csv", header, rows(), exportfile.CSVOptions{BOM: true})
		}},
		{"UTF-16 with BOM", func(t *testing.T) string {
			return utf16File(t, writeCSVFile(t, "x.csv", header, rows(), exportfile.CSVOptions{ExcelText: true}), true, false)
		}},
		{"GBK with preamble and footer lines", func(t *testing.T) string {
			return writeCSVFile(t, "退款报表3.csv", header, rows(), exportfile.CSVOptions{GBK: true, ExcelText: true,
				Preamble: []string{"退款报表", "导出时间：2026-11-22 09:00", ""}, Footer: []string{""}})
		}},
	}
	want := map[string]storedRefund{
		"168234567890123456": {shop: "小米粒母婴旗舰店", orderNo: "2165437890123456789", status: "open",
			statusText: "买家已经申请退款，等待卖家同意", kind: "仅退款", applied: "2026-11-21 12:30:00",
			deadline: "2026-11-23 12:30:00", goods: "买家未收到货", reason: "不想要了/拍错了", title: "婴儿纯棉连体衣",
			sku: "BABY-07", amount: 5900},
		"168234567890123457": {shop: "小米粒母婴旗舰店", orderNo: "2165437890123456795", status: "refunded",
			statusText: "退款成功", kind: "退货退款", applied: "2026-11-17 20:00:00", goods: "买家已退货",
			tracking: "SF1234567890123", carrier: "顺丰速运", reason: "尺码不合适", title: "宝宝学步鞋 软底防滑",
			sku: "SHOE-02", finished: "2026-11-20 15:00:00", amount: 6900},
		"168234567890123458": {shop: "小米粒母婴旗舰店", orderNo: "2165437890123456790", status: "closed",
			statusText: "卖家拒绝退款", kind: "退货退款", applied: "2026-11-22 08:00:00", deadline: "2026-11-27 08:00:00",
			goods: "买家已收到货", reason: "质量问题", title: "宝宝辅食碗", amount: 123456},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			importRefundOrders(t, d)
			r := importer.New(d).ImportFile(context.Background(), tt.file(t), importer.Options{})
			if r.Error != "" {
				t.Fatalf("import failed: %s", r.Error)
			}
			if r.Platform != "taobao" || r.Format != "taobao_refunds_csv" || r.FormatName != "淘宝/天猫 退款报表" ||
				r.Shop != "小米粒母婴旗舰店" || r.New != 3 || r.Updated != 0 || r.Unchanged != 0 || r.Rows != 3 {
				t.Fatalf("result = %+v", r)
			}
			got := loadRefunds(t, d)
			if len(got) != len(want) {
				t.Fatalf("refunds = %+v", got)
			}
			for no, w := range want {
				if got[no] != w {
					t.Errorf("refund %s =\n%+v, want\n%+v", no, got[no], w)
				}
			}
			if n := count(t, d, "orders"); n != 4 {
				t.Fatalf("orders = %d: a refund file must not add orders", n)
			}
		})
	}
}

// pddAfterSales are 拼多多 售后 rows: a dash in the order number, date serials, numbers.
func pddAfterSales() []exportfile.PDDAfterSale {
	return []exportfile.PDDAfterSale{
		{AfterSaleNo: "2611221234567890", OrderNo: "261122-058461930276491", Title: "北欧风陶瓷马克杯", Spec: "白色 350ml",
			SkuCode: "MUG-01", Kind: "退货退款", Status: "待商家处理", Reason: "商品破损", GoodsStatus: "已收到货",
			OrderFen: 2990, RefundFen: 2990, Quantity: 1, AppliedAt: "2026-11-21 18:30:00", DeadlineAt: "2026-11-23 18:30:00"},
		{AfterSaleNo: "2611221234567891", OrderNo: "261120-771234567890123", Title: "儿童防蚊手环", Spec: "6条装",
			Kind: "仅退款", Status: "退款成功", Reason: "多拍/拍错/不想要", GoodsStatus: "未收到货", OrderFen: 1990,
			RefundFen: 1990, Quantity: 1, AppliedAt: "2026-11-20 09:15:00", FinishedAt: "2026-11-20 10:00:00"},
		{AfterSaleNo: "2611221234567892", OrderNo: "261119-123456789012345", Title: "家用收纳箱 大号", Spec: "3个装",
			Kind: "退货退款", Status: "驳回", Reason: "七天无理由退货", GoodsStatus: "已收到货", ReturnTrackingNo: "YT8888888888888",
			ReturnCarrier: "圆通速递", OrderFen: 8900, RefundFen: 8900, Quantity: 1, AppliedAt: "2026-11-19 11:00:00",
			DeadlineAt: "2026-11-22 11:00:00"},
	}
}

// xmlRow is one <row> of a hand-written sheet: strings as inline strings, numbers as <v>.
func xmlRow(n int, cells []any) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, n)
	for i, c := range cells {
		ref := fmt.Sprintf("%s%d", colName(i), n)
		switch v := c.(type) {
		case nil:
		case string:
			if v != "" {
				v = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(v)
				fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
			}
		default:
			fmt.Fprintf(&b, `<c r="%s" s="1"><v>%v</v></c>`, ref, v)
		}
	}
	b.WriteString("</row>")
	return b.String()
}

// twoSheetWorkbook is a minimal hand-written xlsx (workbookOf): sheet 说明 (not a table)
// first, then 售后信息 with the given <sheetData> content.
func twoSheetWorkbook(t *testing.T, data string) []byte {
	return workbookOf(t, [2]string{"说明", xmlRow(1, []any{"售后导出说明：本页不是数据"}) + xmlRow(2, []any{"订单编号", "售后编号"})},
		[2]string{"售后信息", data})
}

func pddSheetData(rows []exportfile.PDDAfterSale, header []string) string {
	var b strings.Builder
	h := make([]any, len(header))
	for i, c := range header {
		h[i] = c
	}
	b.WriteString(xmlRow(1, h))
	for i, r := range rows {
		b.WriteString(xmlRow(i+2, r.Cells(header)))
	}
	return b.String()
}

// The 拼多多 售后 xlsx: its sheet 售后信息 is found behind an unrelated first sheet, times are
// Excel date serials, amounts numbers, the title is 商品名称 and 商品规格 joined.
func TestImportPDDAfterSalesXLSX(t *testing.T) {
	header := exportfile.PDDAfterSaleHeader
	tests := []struct {
		name string
		file func(t *testing.T) string
	}{
		{"back-office xlsx (shared strings, styled date serials)", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "售后列表_20261122.xlsx")
			if err := exportfile.WriteWorkbook(p, exportfile.PDDAfterSaleWorkbook(header, pddAfterSales())); err != nil {
				t.Fatal(err)
			}
			return p
		}},
		{"hand-written xlsx (inline strings)", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "售后列表.xlsx")
			if err := os.WriteFile(p, twoSheetWorkbook(t, pddSheetData(pddAfterSales(), header)), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}},
	}
	want := map[string]storedRefund{
		"2611221234567890": {shop: "多多好物店", orderNo: "261122-058461930276491", status: "open", statusText: "待商家处理",
			kind: "退货退款", applied: "2026-11-21 18:30:00", deadline: "2026-11-23 18:30:00", goods: "已收到货",
			reason: "商品破损", title: "北欧风陶瓷马克杯 白色 350ml", sku: "MUG-01", amount: 2990},
		"2611221234567891": {shop: "多多好物店", orderNo: "261120-771234567890123", status: "refunded", statusText: "退款成功",
			kind: "仅退款", applied: "2026-11-20 09:15:00", goods: "未收到货", reason: "多拍/拍错/不想要",
			title: "儿童防蚊手环 6条装", finished: "2026-11-20 10:00:00", amount: 1990},
		"2611221234567892": {shop: "多多好物店", orderNo: "261119-123456789012345", status: "closed", statusText: "驳回",
			kind: "退货退款", applied: "2026-11-19 11:00:00", deadline: "2026-11-22 11:00:00", goods: "已收到货",
			tracking: "YT8888888888888", carrier: "圆通速递", reason: "七天无理由退货", title: "家用收纳箱 大号 3个装", amount: 8900},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			r := importer.New(d).ImportFile(context.Background(), tt.file(t), importer.Options{ShopName: "多多好物店"})
			if r.Error != "" {
				t.Fatalf("import failed: %s", r.Error)
			}
			if r.Platform != "pdd" || r.Format != "pdd_aftersales_xlsx" || r.Shop != "多多好物店" || r.New != 3 || r.Rows != 3 {
				t.Fatalf("result = %+v", r)
			}
			got := loadRefunds(t, d)
			for no, w := range want {
				if got[no] != w {
					t.Errorf("after-sale %s =\n%+v, want\n%+v", no, got[no], w)
				}
			}
			if len(got) != 3 {
				t.Fatalf("refunds = %+v", got)
			}
		})
	}
}

// A re-import of the same refunds reports them unchanged; a later export in which a refund
// moved on is an update whose every changed field is kept with the batch that saw it.
func TestRefundReimportAndHistory(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	im := importer.New(d)
	importRefundOrders(t, d)
	first := im.ImportFile(ctx, writeTaobaoRefunds(t, "退款报表.csv", sampleRefunds(), gbkText), importer.Options{})
	if first.Error != "" || first.New != 3 {
		t.Fatalf("first = %+v", first)
	}
	if again := im.ImportFile(ctx, writeTaobaoRefunds(t, "退款报表.csv", sampleRefunds(), gbkText), importer.Options{}); !again.Duplicate || again.Unchanged != 3 {
		t.Fatalf("the same file again = %+v", again)
	}
	// The same refunds in another file (UTF-8 this time): read, and all unchanged.
	same := im.ImportFile(ctx, writeTaobaoRefunds(t, "退款报表-2.csv", sampleRefunds(), exportfile.CSVOptions{BOM: true}), importer.Options{})
	if same.Error != "" || same.Duplicate || same.New != 0 || same.Updated != 0 || same.Unchanged != 3 {
		t.Fatalf("same refunds, other file = %+v", same)
	}
	if n := count(t, d, "refund_change"); n != 0 {
		t.Fatalf("refund_change = %d after an unchanged re-import", n)
	}

	// Next day: the open refund was agreed and the buyer sent the goods back.
	rs := sampleRefunds()
	rs[0].Status, rs[0].NeedReturn = "买家已经退货，等待卖家确认收货", true
	rs[0].ReturnTrackingNo, rs[0].ReturnCarrier, rs[0].DeadlineAt = "78000000012345", "中通快递", "2026-11-30 12:30:00"
	rs[2].Status = "退款关闭"
	later := im.ImportFile(ctx, writeTaobaoRefunds(t, "退款报表-3.csv", rs, gbkText), importer.Options{})
	if later.Error != "" || later.New != 0 || later.Updated != 2 || later.Unchanged != 1 {
		t.Fatalf("later = %+v", later)
	}
	rows, err := d.SQL.Query(`SELECT r.refund_no, c.field, c.old_value, c.new_value, c.batch_id, r.last_batch_id, r.first_batch_id
		FROM refund_change c JOIN refund r ON r.id = c.refund_id ORDER BY c.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var no, field, old, new string
		var batch, last, firstBatch int64
		if err := rows.Scan(&no, &field, &old, &new, &batch, &last, &firstBatch); err != nil {
			t.Fatal(err)
		}
		if batch != later.BatchID || last != later.BatchID || firstBatch != first.BatchID {
			t.Errorf("%s %s: batch %d, last %d, first %d; want batch = last = %d, first %d", no, field, batch, last, firstBatch, later.BatchID, first.BatchID)
		}
		got = append(got, fmt.Sprintf("%s %s: %s -> %s", no, field, old, new))
	}
	want := []string{
		"168234567890123456 status_text: 买家已经申请退款，等待卖家同意 -> 买家已经退货，等待卖家确认收货",
		"168234567890123456 kind: 仅退款 -> 退货退款",
		"168234567890123456 deadline_at: 2026-11-23 12:30:00 -> 2026-11-30 12:30:00",
		"168234567890123456 return_tracking_no:  -> 78000000012345",
		"168234567890123456 return_carrier:  -> 中通快递",
		"168234567890123458 status_text: 卖家拒绝退款 -> 退款关闭",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("refund_change =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A change of the normalised state is its own history row.
	rs[0].Status, rs[0].FinishedAt = "退款成功", "2026-11-24 09:00:00"
	done := im.ImportFile(ctx, writeTaobaoRefunds(t, "退款报表-4.csv", rs, gbkText), importer.Options{})
	if done.Error != "" || done.Updated != 1 {
		t.Fatalf("done = %+v", done)
	}
	var status string
	if err := d.SQL.QueryRow(`SELECT old_value || ' -> ' || new_value FROM refund_change WHERE batch_id = ? AND field = 'status'`,
		done.BatchID).Scan(&status); err != nil || status != "open -> refunded" {
		t.Fatalf("status change = %q, %v", status, err)
	}
	batches, err := importer.ListBatches(ctx, d.SQL, 10)
	if err != nil || batches[0].Level != "refund" || batches[0].FormatName != "淘宝/天猫 退款报表" || batches[0].ShopName != "小米粒母婴旗舰店" {
		t.Fatalf("history = %+v, %v", batches[0], err)
	}
}

// A bad cell anywhere fails the whole file with the file, row, column and value named,
// and writes nothing.
func TestRefundBadAmountWritesNothing(t *testing.T) {
	d := openDB(t)
	importRefundOrders(t, d)
	header := exportfile.TaobaoRefundHeader
	before := snapshot(t, d)
	rows := set(refundRows(sampleRefunds(), header), header, 1, "买家退款金额", "六十九元")
	r := importer.New(d).ImportFile(context.Background(), writeCSVFile(t, "退款报表.csv", header, rows, gbkText), importer.Options{})
	want := "文件“退款报表.csv”第 3 行，“买家退款金额”列的值“六十九元”不是金额"
	if r.ErrorCode != importer.ErrCodeBadValue || r.Error != want {
		t.Fatalf("result = %+v\nwant error %q", r, want)
	}
	if got := snapshot(t, d); got != before {
		t.Fatalf("a failed refund import changed the database:\n%s", got)
	}
}

// Refunds attach to orders by (shop, order number) whichever comes first: a refund file
// imported before its orders shows on them once they arrive, and the order list's 有售后
// filter finds the orders with an open refund.
func TestRefundBeforeItsOrders(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	im := importer.New(d)
	r := im.ImportFile(ctx, writeTaobaoRefunds(t, "退款报表.csv", sampleRefunds(), gbkText), importer.Options{ShopName: "小米粒母婴旗舰店"})
	if r.Error != "" || r.New != 3 || r.Shop != "小米粒母婴旗舰店" {
		t.Fatalf("refunds first = %+v", r)
	}
	page, err := orders.List(ctx, d.SQL, orders.Query{OpenRefund: true})
	if err != nil || len(page.Rows) != 0 || page.Total != 0 {
		t.Fatalf("有售后 before the orders = %+v, %v", page, err)
	}
	importRefundOrders(t, d)
	var orderShop int64
	if err := d.SQL.QueryRow(`SELECT shop_id FROM orders WHERE order_no = '2165437890123456789'`).Scan(&orderShop); err != nil {
		t.Fatal(err)
	}
	refunds, err := orders.Refunds(ctx, d.SQL, orderShop, "2165437890123456789")
	if err != nil || len(refunds) != 1 {
		t.Fatalf("refunds of the order = %+v, %v", refunds, err)
	}
	if got := refunds[0]; got.RefundNo != "168234567890123456" || got.Status != orders.RefundOpen || got.AmountFen != 5900 ||
		got.DeadlineAt != "2026-11-23 12:30:00" || got.Kind != "仅退款" {
		t.Fatalf("refund = %+v", got)
	}
	tests := []struct {
		name string
		q    orders.Query
		want []string
	}{
		{"有售后", orders.Query{OpenRefund: true}, []string{"2165437890123456789"}},
		{"有售后, other shop", orders.Query{OpenRefund: true, ShopID: shopID(t, d, "暖暖家居小铺")}, nil},
		{"有售后 and status to_ship", orders.Query{OpenRefund: true, Status: "to_ship"}, []string{"2165437890123456789"}},
		{"有售后 and status shipped", orders.Query{OpenRefund: true, Status: "shipped"}, nil},
		{"有售后 and search", orders.Query{OpenRefund: true, Search: "tb_小鱼儿2019"}, []string{"2165437890123456789"}},
		{"有售后 and a date range without it", orders.Query{OpenRefund: true, From: "2026-11-22"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := orders.List(ctx, d.SQL, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range page.Rows {
				got = append(got, o.OrderNo)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") || page.Total != int64(len(tt.want)) {
				t.Fatalf("orders = %v (total %d), want %v", got, page.Total, tt.want)
			}
		})
	}
	// An order without refunds answers [] (not null).
	var otherShop int64
	if err := d.SQL.QueryRow(`SELECT shop_id FROM orders WHERE order_no = '3165437890123456791'`).Scan(&otherShop); err != nil {
		t.Fatal(err)
	}
	if rs, err := orders.Refunds(ctx, d.SQL, otherShop, "3165437890123456791"); err != nil || rs == nil || len(rs) != 0 {
		t.Fatalf("refunds of an order without any = %#v, %v", rs, err)
	}
}

func shopID(t *testing.T, d *db.DB, name string) int64 {
	t.Helper()
	var id int64
	if err := d.SQL.QueryRow(`SELECT id FROM shop WHERE name = ?`, name).Scan(&id); err != nil {
		t.Fatalf("shop %s: %v", name, err)
	}
	return id
}

// Undo of refund imports: the refunds a batch created go, the ones it changed get their
// previous values, a shop it created goes; the tables are exactly as before.
func TestUndoRefunds(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	im := importer.New(d)
	empty := snapshot(t, d)
	orderBatch := importRefundOrders(t, d)
	afterOrders := snapshot(t, d)
	first := im.ImportFile(ctx, writeTaobaoRefunds(t, "退款报表.csv", sampleRefunds(), gbkText), importer.Options{})
	if first.Error != "" {
		t.Fatal(first.Error)
	}
	afterFirst := snapshot(t, d)

	rs := sampleRefunds()
	rs[0].Status, rs[0].ReturnTrackingNo = "卖家已经同意退款，等待买家退货", "78000000099999"
	rs = append(rs, exportfile.TaobaoRefund{OrderNo: "2165437890123456789", RefundNo: "168234567890123499", Title: "婴儿纯棉连体衣",
		Status: "退款关闭", PayFen: 5900, RefundFen: 100, AppliedAt: "2026-11-22 10:00:00"})
	second := im.ImportFile(ctx, writeTaobaoRefunds(t, "退款报表-2.csv", rs, gbkText), importer.Options{})
	if second.Error != "" || second.New != 1 || second.Updated != 1 {
		t.Fatalf("second = %+v", second)
	}
	if _, err := im.Undo(ctx, first.BatchID); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("#%d", second.BatchID)) {
		t.Fatalf("undoing the first refund batch under the second: %v", err)
	}
	// A refund file naming a new shop (--shop) creates it; undo takes it away again.
	third := im.ImportFile(ctx, writeTaobaoRefunds(t, "退款报表-3.csv", sampleRefunds()[:1], gbkText), importer.Options{ShopName: "新开的店"})
	if third.Error != "" || third.New != 1 || third.Shop != "新开的店" {
		t.Fatalf("third = %+v", third)
	}
	res, err := im.Undo(ctx, third.BatchID)
	if err != nil || res.Level != "refund" || res.RefundsRemoved != 1 || res.RefundsRestored != 0 {
		t.Fatalf("undo third = %+v, %v", res, err)
	}
	res, err = im.Undo(ctx, second.BatchID)
	if err != nil || res.RefundsRemoved != 1 || res.RefundsRestored != 1 || res.Removed != 0 {
		t.Fatalf("undo second = %+v, %v", res, err)
	}
	if got := snapshot(t, d); got != afterFirst {
		t.Fatalf("after undoing the second refund file:\n%s\nwant:\n%s", got, afterFirst)
	}
	if _, err := im.Undo(ctx, first.BatchID); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, d); got != afterOrders {
		t.Fatalf("after undoing the refunds:\n%s\nwant:\n%s", got, afterOrders)
	}
	if _, err := im.Undo(ctx, orderBatch.BatchID); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, d); got != empty {
		t.Fatalf("after undoing everything:\n%s", got)
	}
}

// The shop of a refund file without 店铺名称: the caller's choice, else the one shop whose
// orders carry its order numbers, else the only shop of the platform, else ask.
func TestRefundShopInference(t *testing.T) {
	ctx := context.Background()
	ours := sampleRefunds()[:1] // order 2165437890123456789 of 小米粒母婴旗舰店
	tests := []struct {
		name     string
		setup    func(t *testing.T, d *db.DB)
		file     func(t *testing.T) string
		opts     func(t *testing.T, d *db.DB) importer.Options
		shop     string
		needShop bool
	}{
		{"orders of one shop among two", func(t *testing.T, d *db.DB) { importRefundOrders(t, d) },
			func(t *testing.T) string { return writeTaobaoRefunds(t, "a.csv", ours, gbkText) }, nil, "小米粒母婴旗舰店", false},
		{"order numbers in two shops", func(t *testing.T, d *db.DB) { importRefundOrders(t, d) },
			func(t *testing.T) string {
				two := append(sampleRefunds()[:1], exportfile.TaobaoRefund{OrderNo: "3165437890123456791", RefundNo: "168234567890123460",
					Status: "退款成功", RefundFen: 6800, AppliedAt: "2026-11-20 09:00:00"})
				return writeTaobaoRefunds(t, "b.csv", two, gbkText)
			}, nil, "", true},
		{"no order known, two shops", func(t *testing.T, d *db.DB) { importRefundOrders(t, d) },
			func(t *testing.T) string {
				rs := sampleRefunds()[:1]
				rs[0].OrderNo = "9999999999999999999"
				return writeTaobaoRefunds(t, "c.csv", rs, gbkText)
			}, nil, "", true},
		{"no order known, the only shop", func(t *testing.T, d *db.DB) {
			if _, err := d.SQL.Exec(`INSERT INTO shop (platform, name) VALUES ('taobao', '唯一的店')`); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T) string { return writeTaobaoRefunds(t, "d.csv", ours, gbkText) }, nil, "唯一的店", false},
		{"the caller's shop wins", func(t *testing.T, d *db.DB) { importRefundOrders(t, d) },
			func(t *testing.T) string { return writeTaobaoRefunds(t, "e.csv", ours, gbkText) },
			func(t *testing.T, d *db.DB) importer.Options {
				return importer.Options{ShopID: shopID(t, d, "暖暖家居小铺")}
			}, "暖暖家居小铺", false},
		{"the file's 店铺名称 wins", func(t *testing.T, d *db.DB) { importRefundOrders(t, d) },
			func(t *testing.T) string {
				rs := sampleRefunds()[:1]
				rs[0].Shop = "暖暖家居小铺"
				h := exportfile.TaobaoRefundHeaderWithShop
				return writeCSVFile(t, "f.csv", h, refundRows(rs, h), gbkText)
			}, nil, "暖暖家居小铺", false},
		{"orders of another platform do not count", func(t *testing.T, d *db.DB) {
			importRefundOrders(t, d)
			if _, err := d.SQL.Exec(`INSERT INTO shop (platform, name) VALUES ('pdd', '多多好物店')`); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T) string {
			a := pddAfterSales()[:1]
			a[0].OrderNo = "2165437890123456789" // a Taobao order's number
			p := filepath.Join(t.TempDir(), "售后.xlsx")
			if err := exportfile.WriteWorkbook(p, exportfile.PDDAfterSaleWorkbook(exportfile.PDDAfterSaleHeader, a)); err != nil {
				t.Fatal(err)
			}
			return p
		}, nil, "多多好物店", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			tt.setup(t, d)
			opts := importer.Options{}
			if tt.opts != nil {
				opts = tt.opts(t, d)
			}
			before := count(t, d, "refund")
			r := importer.New(d).ImportFile(ctx, tt.file(t), opts)
			if tt.needShop {
				if r.ErrorCode != importer.ErrCodeNeedShop || !strings.Contains(r.Error, "请先选择要导入到哪个店铺") {
					t.Fatalf("result = %+v, want need_shop", r)
				}
				if n := count(t, d, "refund"); n != before {
					t.Fatalf("refunds = %d after need_shop", n)
				}
				return
			}
			if r.Error != "" || r.Shop != tt.shop {
				t.Fatalf("result = %+v, want shop %s", r, tt.shop)
			}
			for no, got := range loadRefunds(t, d) {
				if got.shop != tt.shop {
					t.Fatalf("refund %s in shop %s, want %s", no, got.shop, tt.shop)
				}
			}
		})
	}
}

// The preview of a refund file shows refund columns and what the import would do.
func TestPreviewRefunds(t *testing.T) {
	d := openDB(t)
	importRefundOrders(t, d)
	p := importer.New(d).PreviewFile(context.Background(), writeTaobaoRefunds(t, "退款报表.csv", sampleRefunds(), gbkText), importer.Options{})
	if p.Result.Error != "" || p.Result.New != 3 || p.Result.Shop != "小米粒母婴旗舰店" || p.Result.BatchID != 0 {
		t.Fatalf("preview = %+v", p.Result)
	}
	if got := strings.Join(p.Columns, ","); got != "退款编号,订单编号,退款状态,是否需要退货,买家退款金额,退款的申请时间" {
		t.Fatalf("columns = %s", got)
	}
	if len(p.Rows) != 3 || p.Rows[0][0] != "168234567890123456" || p.Rows[0][4] != "59.00" {
		t.Fatalf("rows = %v", p.Rows)
	}
	if n := count(t, d, "refund"); n != 0 {
		t.Fatalf("a preview kept %d refunds", n)
	}
}

// Order and refund layouts never take each other's files: every order export's header is
// an order layout, every refund export's header a refund layout, also with order columns
// added to it.
func TestOrderAndRefundHeadersApart(t *testing.T) {
	with := func(h []string, extra ...string) []string { return append(append([]string{}, h...), extra...) }
	orderHeaders := map[string][]string{
		"淘宝 订单报表": exportfile.TaobaoOrderHeader, "千牛 子订单": exportfile.QianniuSubOrderHeader,
		"千牛 订单列表": exportfile.QianniuOrderHeader, "宝贝报表": exportfile.TaobaoItemReportHeader,
		"京东": exportfile.JDOrderHeader, "拼多多": exportfile.PDDOrderHeader, "抖店 子订单": exportfile.DouyinSubOrderHeader,
		"抖店 主订单": exportfile.DouyinOrderHeader, "快手": exportfile.KuaishouOrderHeader, "1688": exportfile.Order1688Header,
	}
	for name, h := range orderHeaders {
		id := importer.MatchHeader(h)
		if id == "" || importer.LayoutLevel(id) == "refund" {
			t.Errorf("%s header reads as %q (level %q)", name, id, importer.LayoutLevel(id))
		}
	}
	refundHeaders := []struct {
		name   string
		header []string
		want   string
	}{
		{"淘宝 退款报表", exportfile.TaobaoRefundHeader, "taobao_refunds_csv"},
		{"淘宝 退款报表 with 店铺名称", exportfile.TaobaoRefundHeaderWithShop, "taobao_refunds_csv"},
		{"淘宝 退款报表 with order columns", with(exportfile.TaobaoRefundHeader, "买家会员名", "订单状态", "订单创建时间", "宝贝总数量", "买家实付金额"), "taobao_refunds_csv"},
		{"淘宝 退款报表 with sub-order columns", with(exportfile.TaobaoRefundHeader, "主订单编号", "子订单编号", "订单状态", "标题", "价格", "购买数量", "商品属性"), "taobao_refunds_csv"},
		{"拼多多 售后", exportfile.PDDAfterSaleHeader, "pdd_aftersales_xlsx"},
		{"拼多多 售后 with order columns", with(exportfile.PDDAfterSaleHeader, "订单号", "订单状态", "用户实付金额(元)", "商品数量(件)"), "pdd_aftersales_xlsx"},
	}
	for _, tt := range refundHeaders {
		if got := importer.MatchHeader(tt.header); got != tt.want {
			t.Errorf("%s reads as %q, want %s", tt.name, got, tt.want)
		}
	}
}

// mfPDDAfterSales is a malformed-corpus maker: the hand-written 售后 xlsx with its data
// rows (cells as PDDAfterSale.Cells gives them) changed by change.
func mfPDDAfterSales(name string, change func(rows [][]any)) fileMaker {
	return func(t *testing.T, dir string) string {
		header := exportfile.PDDAfterSaleHeader
		h := make([]any, len(header))
		for i, c := range header {
			h[i] = c
		}
		var rows [][]any
		for _, a := range pddAfterSales() {
			rows = append(rows, a.Cells(header))
		}
		change(rows)
		var b strings.Builder
		b.WriteString(xmlRow(1, h))
		for i, r := range rows {
			b.WriteString(xmlRow(i+2, r))
		}
		return mfRaw(name, twoSheetWorkbook(t, b.String()))(t, dir)
	}
}

// mfRefundRows are sampleRefunds under the 退款报表 header, with row r's column h set to v.
func mfRefundRows(r int, h, v string) [][]string {
	return set(refundRows(sampleRefunds(), exportfile.TaobaoRefundHeader), exportfile.TaobaoRefundHeader, r, h, v)
}

// renamed is header with column from called to.
func renamed(header []string, from, to string) []string {
	h := append([]string{}, header...)
	h[colOf(h, from)] = to
	return h
}

// BenchmarkImportRefunds imports a 20,000-row 退款报表 (a big shop's year of refunds) into a
// fresh database, then again with every refund changed, and prints rows per second.
func BenchmarkImportRefunds(b *testing.B) {
	const n = 20_000
	statuses := []string{"买家已经申请退款，等待卖家同意", "卖家已经同意退款，等待买家退货", "退款成功", "退款关闭"}
	file := func(dir, name string, shift int) string {
		rows := make([][]string, n)
		for i := range rows {
			rows[i] = exportfile.TaobaoRefund{OrderNo: fmt.Sprintf("3%018d", i), RefundNo: fmt.Sprintf("1%017d", i),
				Title: "婴儿纯棉连体衣", Status: statuses[(i+shift)%len(statuses)], PayFen: 5900, RefundFen: 5900,
				AppliedAt: "2026-11-21 12:30:00", DeadlineAt: "2026-11-23 12:30:00", Reason: "不想要了", Shop: "小米粒母婴旗舰店",
			}.Row(exportfile.TaobaoRefundHeaderWithShop)
		}
		p := filepath.Join(dir, name)
		if err := exportfile.WriteCSV(p, exportfile.TaobaoRefundHeaderWithShop, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
			b.Fatal(err)
		}
		return p
	}
	dir := b.TempDir()
	first, second := file(dir, "a.csv", 0), file(dir, "b.csv", 1)
	for i := 0; i < b.N; i++ {
		d, err := db.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		im := importer.New(d)
		for _, step := range []struct {
			name, path string
		}{{"new", first}, {"all changed", second}} {
			start := time.Now()
			r := im.ImportFile(context.Background(), step.path, importer.Options{})
			if r.Error != "" || r.Rows != n {
				b.Fatalf("%s: %+v", step.name, r)
			}
			el := time.Since(start)
			b.Logf("%s: %d refunds in %v (%.0f rows/s)", step.name, n, el.Round(time.Millisecond), float64(n)/el.Seconds())
		}
		d.Close()
	}
}

// A refund file without 店铺名称 whose orders Shopdesk does not know asks for its shop once:
// the pick is remembered for its header and file-name pattern like an order file's, so the
// next day's refund report goes there without asking.
func TestRefundShopRemembered(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	importRefundOrders(t, d) // two taobao shops
	im := importer.New(d)
	unknown := func(no string) []exportfile.TaobaoRefund {
		rs := sampleRefunds()[:1]
		rs[0].OrderNo, rs[0].RefundNo = "99999999999999999"+no, "16823456789012"+no
		return rs
	}
	steps := []struct {
		name, file string
		opts       importer.Options
		code       string
		shop       string
		remembered bool
	}{
		{"unknown orders, two shops: ask", writeTaobaoRefunds(t, "退款报表20261121.csv", unknown("01"), gbkText),
			importer.Options{}, importer.ErrCodeNeedShop, "", false},
		{"the seller picks 暖暖家居小铺", writeTaobaoRefunds(t, "退款报表20261121.csv", unknown("02"), gbkText),
			importer.Options{ShopID: shopID(t, d, "暖暖家居小铺")}, "", "暖暖家居小铺", false},
		{"the next day's report: no question", writeTaobaoRefunds(t, "退款报表20261122.csv", unknown("03"), gbkText),
			importer.Options{}, "", "暖暖家居小铺", true},
		{"another file-name pattern still asks", writeTaobaoRefunds(t, "别的名字.csv", unknown("04"), gbkText),
			importer.Options{}, importer.ErrCodeNeedShop, "", false},
	}
	for _, s := range steps {
		r := im.ImportFile(ctx, s.file, s.opts)
		if r.ErrorCode != s.code || r.ShopRemembered != s.remembered || (s.shop != "" && r.Shop != s.shop) {
			t.Fatalf("%s: %+v, want code %q shop %q remembered %v", s.name, r, s.code, s.shop, s.remembered)
		}
	}
	got := loadRefunds(t, d)
	if len(got) != 2 || got["1682345678901203"].shop != "暖暖家居小铺" {
		t.Fatalf("refunds = %+v", got)
	}
	choices, err := im.ShopChoices(ctx)
	if err != nil || len(choices) != 1 || choices[0].FilePattern != "退款报表*.csv" || choices[0].ShopName != "暖暖家居小铺" {
		t.Fatalf("choices = %+v, %v", choices, err)
	}
}
