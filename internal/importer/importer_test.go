package importer_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

func openDB(t *testing.T) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "shop.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func count(t *testing.T, d *db.DB, table string) int {
	t.Helper()
	var n int
	if err := d.SQL.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// sampleOrders are three Taobao orders with the values real exports carry: 19-digit
// numbers, a comma and a line break inside an address, a refund.
func sampleOrders() []exportfile.TaobaoOrder {
	return []exportfile.TaobaoOrder{
		{OrderNo: "2165437890123456789", Buyer: "tb_小鱼儿2019", Status: "买家已付款，等待卖家发货",
			Address: "浙江省 杭州市 西湖区 文三路 123号,华星时代广场\n1201室", Title: "婴儿纯棉连体衣", Shop: "小米粒母婴旗舰店",
			PayFen: 5900, Items: 1, CreatedAt: "2026-11-21 10:00:00", PaidAt: "2026-11-21 10:01:30"},
		{OrderNo: "2165437890123456790", Buyer: "快乐的胖子", Status: "等待买家付款", Address: "广东省 深圳市",
			Title: "宝宝辅食碗", Shop: "小米粒母婴旗舰店", PayFen: 123456, Items: 12, CreatedAt: "2026-11-21 23:59:59"},
		{OrderNo: "3165437890123456791", Buyer: "abc妈妈", Status: "交易关闭", Address: "江苏省 苏州市",
			Title: "加厚珊瑚绒毛毯", Shop: "暖暖家居小铺", PayFen: 6800, RefundFen: 6800, Items: 1,
			CreatedAt: "2026-11-20 08:00:00", PaidAt: "2026-11-20 08:05:00", Carrier: "中通快递", TrackingNo: "78123456789012"},
	}
}

func rows(orders []exportfile.TaobaoOrder) [][]string {
	out := make([][]string, len(orders))
	for i, o := range orders {
		out[i] = o.Row()
	}
	return out
}

func writeTaobao(t *testing.T, name string, orders []exportfile.TaobaoOrder, opt exportfile.CSVOptions) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := exportfile.WriteCSV(p, exportfile.TaobaoOrderHeader, rows(orders), opt); err != nil {
		t.Fatal(err)
	}
	return p
}

type orderRow struct {
	shop, orderNo, buyer, status, statusText, address, created, paid string
	pay, refund, items                                               int64
}

func loadOrder(t *testing.T, d *db.DB, orderNo string) orderRow {
	t.Helper()
	var o orderRow
	err := d.SQL.QueryRow(`SELECT s.name, o.order_no, o.buyer, o.status, o.status_text, o.address, o.created_at,
		o.paid_at, o.pay_fen, o.refund_fen, o.item_count FROM orders o JOIN shop s ON s.id = o.shop_id
		WHERE o.order_no = ?`, orderNo).Scan(&o.shop, &o.orderNo, &o.buyer, &o.status, &o.statusText,
		&o.address, &o.created, &o.paid, &o.pay, &o.refund, &o.items)
	if err != nil {
		t.Fatalf("order %s: %v", orderNo, err)
	}
	return o
}

// utf16File rewrites src as UTF-16: little-endian with a BOM (as Excel's "Unicode text"
// writes it), or without a BOM in either byte order.
func utf16File(t *testing.T, src string, bom bool, bigEndian bool) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	units := utf16.Encode([]rune(string(data)))
	var b bytes.Buffer
	if bom {
		b.Write([]byte{0xFF, 0xFE})
	}
	for _, u := range units {
		if bigEndian {
			b.WriteByte(byte(u >> 8))
			b.WriteByte(byte(u))
		} else {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
	}
	p := filepath.Join(t.TempDir(), "utf16.csv")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// The classic 订单报表 in every encoding and quirk it arrives in gives the same orders.
func TestImportTaobaoCSVQuirks(t *testing.T) {
	orders := sampleOrders()
	tests := []struct {
		name string
		file func(t *testing.T) string
	}{
		{"GBK with =\"…\" cells", func(t *testing.T) string {
			return writeTaobao(t, "ExportOrderList1.csv", orders, exportfile.CSVOptions{GBK: true, ExcelText: true})
		}},
		{"UTF-8 with BOM, plain quoting", func(t *testing.T) string {
			return writeTaobao(t, "ExportOrderList2.csv", orders, exportfile.CSVOptions{BOM: true})
		}},
		{"UTF-8 without BOM, =\"…\" cells", func(t *testing.T) string {
			return writeTaobao(t, "ExportOrderList3.csv", orders, exportfile.CSVOptions{ExcelText: true})
		}},
		{"UTF-16 with BOM", func(t *testing.T) string {
			return utf16File(t, writeTaobao(t, "x.csv", orders, exportfile.CSVOptions{ExcelText: true}), true, false)
		}},
		{"UTF-16LE without BOM", func(t *testing.T) string {
			return utf16File(t, writeTaobao(t, "x.csv", orders, exportfile.CSVOptions{ExcelText: true}), false, false)
		}},
		{"UTF-16BE without BOM", func(t *testing.T) string {
			return utf16File(t, writeTaobao(t, "x.csv", orders, exportfile.CSVOptions{}), false, true)
		}},
		{"preamble and footer lines", func(t *testing.T) string {
			return writeTaobao(t, "ExportOrderList4.csv", orders, exportfile.CSVOptions{GBK: true, ExcelText: true,
				Preamble: []string{"淘宝订单导出", "导出时间：2026-11-22 09:00", ""}, Footer: []string{""}})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			r := importer.New(d).ImportFile(context.Background(), tt.file(t), importer.Options{})
			if r.Error != "" {
				t.Fatalf("import failed: %s", r.Error)
			}
			if r.New != 3 || r.Updated != 0 || r.Unchanged != 0 || r.Rows != 3 {
				t.Fatalf("counts = new %d updated %d unchanged %d rows %d, want 3/0/0/3", r.New, r.Updated, r.Unchanged, r.Rows)
			}
			if r.Platform != "taobao" || r.Format != "taobao_orders_csv" {
				t.Fatalf("detected %s/%s", r.Platform, r.Format)
			}
			got := loadOrder(t, d, "2165437890123456789")
			want := orderRow{shop: "小米粒母婴旗舰店", orderNo: "2165437890123456789", buyer: "tb_小鱼儿2019",
				status: "to_ship", statusText: "买家已付款，等待卖家发货",
				address: "浙江省 杭州市 西湖区 文三路 123号,华星时代广场\n1201室",
				created: "2026-11-21 10:00:00", paid: "2026-11-21 10:01:30", pay: 5900, items: 1}
			if got != want {
				t.Fatalf("order =\n%+v, want\n%+v", got, want)
			}
			big := loadOrder(t, d, "2165437890123456790")
			if big.pay != 123456 || big.status != "unpaid" || big.paid != "" {
				t.Fatalf("unpaid order = %+v", big)
			}
			closed := loadOrder(t, d, "3165437890123456791")
			if closed.shop != "暖暖家居小铺" || closed.refund != 6800 || closed.status != "closed" {
				t.Fatalf("closed order = %+v", closed)
			}
			if n := count(t, d, "shop"); n != 2 {
				t.Fatalf("shops = %d, want 2 (taken from 店铺名称)", n)
			}
		})
	}
}

// Re-importing the same file changes nothing and says so; a newer export of the same
// orders updates them and keeps what changed as history.
func TestImportIdempotentAndHistory(t *testing.T) {
	d := openDB(t)
	im := importer.New(d)
	ctx := context.Background()
	orders := sampleOrders()
	first := writeTaobao(t, "ExportOrderList.csv", orders, exportfile.CSVOptions{GBK: true, ExcelText: true})
	if r := im.ImportFile(ctx, first, importer.Options{}); r.Error != "" || r.New != 3 {
		t.Fatalf("first import: %+v", r)
	}
	again := im.ImportFile(ctx, first, importer.Options{})
	if !again.Duplicate || again.New != 0 || again.Updated != 0 || again.Unchanged != 3 || again.Error != "" {
		t.Fatalf("re-import = %+v, want duplicate with 3 unchanged", again)
	}
	if n := count(t, d, "import_batch"); n != 1 {
		t.Fatalf("batches after re-import = %d, want 1", n)
	}
	batches, err := importer.ListBatches(ctx, d.SQL, 10)
	if err != nil || len(batches) != 1 || batches[0].ShopName != "小米粒母婴旗舰店、暖暖家居小铺" || again.Shop != batches[0].ShopName ||
		batches[0].New != 3 || batches[0].FormatName != "淘宝/天猫 订单报表" {
		t.Fatalf("history = %+v, %v (re-import named shops %q)", batches, err, again.Shop)
	}

	// The same orders exported a day later: one shipped, the others as they were.
	orders[0].Status = "卖家已发货，等待买家确认"
	orders[0].Carrier, orders[0].TrackingNo = "中通快递", "78000000000001"
	later := writeTaobao(t, "ExportOrderList-later.csv", orders, exportfile.CSVOptions{GBK: true, ExcelText: true})
	r := im.ImportFile(ctx, later, importer.Options{})
	if r.Error != "" || r.New != 0 || r.Updated != 1 || r.Unchanged != 2 {
		t.Fatalf("later import = %+v, want 0 new, 1 updated, 2 unchanged", r)
	}
	if got := loadOrder(t, d, "2165437890123456789"); got.status != "shipped" {
		t.Fatalf("status after update = %s", got.status)
	}
	changes := map[string][2]string{}
	rowsQ, err := d.SQL.Query(`SELECT c.field, c.old_value, c.new_value FROM order_change c
		JOIN orders o ON o.id = c.order_id WHERE o.order_no = '2165437890123456789' AND c.batch_id = ?`, r.BatchID)
	if err != nil {
		t.Fatal(err)
	}
	defer rowsQ.Close()
	for rowsQ.Next() {
		var f, o, n string
		rowsQ.Scan(&f, &o, &n)
		changes[f] = [2]string{o, n}
	}
	want := map[string][2]string{
		"status":      {"买家已付款，等待卖家发货", "卖家已发货，等待买家确认"},
		"carrier":     {"", "中通快递"},
		"tracking_no": {"", "78000000000001"},
	}
	if len(changes) != len(want) {
		t.Fatalf("history = %v, want %v", changes, want)
	}
	for f, v := range want {
		if changes[f] != v {
			t.Fatalf("history[%s] = %v, want %v", f, changes[f], v)
		}
	}
}

// A dry run reports real counts and keeps nothing.
func TestImportDryRun(t *testing.T) {
	d := openDB(t)
	p := writeTaobao(t, "ExportOrderList.csv", sampleOrders(), exportfile.CSVOptions{GBK: true, ExcelText: true})
	r := importer.New(d).ImportFile(context.Background(), p, importer.Options{DryRun: true})
	if r.Error != "" || r.New != 3 || !r.DryRun {
		t.Fatalf("dry run = %+v", r)
	}
	for _, table := range []string{"orders", "shop", "import_batch"} {
		if n := count(t, d, table); n != 0 {
			t.Fatalf("%s has %d rows after a dry run", table, n)
		}
	}
}

func qianniuRows() []exportfile.QianniuSubOrder {
	return []exportfile.QianniuSubOrder{
		{SubOrderNo: "4001000000000000001", OrderNo: "4001000000000000000", Title: "北欧风陶瓷马克杯", Status: "买家已付款，等待卖家发货",
			SkuCode: "MUG-01", PriceFen: 2990, Quantity: 2, PayFen: 5980, CreatedAt: "2026-11-21 09:00:00", PaidAt: "2026-11-21 09:02:00", Buyer: "晴天娃娃"},
		{SubOrderNo: "4001000000000000002", OrderNo: "4001000000000000000", Title: "厨房置物架", Status: "买家已付款，等待卖家发货",
			SkuCode: "RACK-02", PriceFen: 4590, Quantity: 1, PayFen: 4590, CreatedAt: "2026-11-21 09:00:00", PaidAt: "2026-11-21 09:02:00",
			RefundStatus: "买家已经申请退款，等待卖家同意", RefundFen: 4590, Buyer: "晴天娃娃"},
		{SubOrderNo: "4002000000000000001", OrderNo: "4002000000000000000", Title: "纯棉四件套", Status: "卖家已发货，等待买家确认",
			SkuCode: "BED-4", PriceFen: 19900, Quantity: 1, PayFen: 19900, CreatedAt: "2026-11-18 20:00:00", PaidAt: "2026-11-18 20:01:00",
			ShippedAt: "2026-11-21 20:00:00", Carrier: "韵达快递", TrackingNo: "4312345678901", Compensated: true, LateCompFen: 300, Buyer: "王小二"},
	}
}

func writeQianniu(t *testing.T, subs []exportfile.QianniuSubOrder) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "千牛订单导出.xlsx")
	r := make([][]string, len(subs))
	for i, s := range subs {
		r[i] = s.Row()
	}
	if err := exportfile.WriteXLSX(p, "订单列表", exportfile.QianniuSubOrderHeader, r); err != nil {
		t.Fatal(err)
	}
	return p
}

// The 千牛 sub-order xlsx: items attach to their order, the order sums its items, the
// late-shipment compensation is kept, and a re-export with nothing new changes nothing.
func TestImportQianniuSubOrders(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	im := importer.New(d)
	p := writeQianniu(t, qianniuRows())

	r := im.ImportFile(ctx, p, importer.Options{})
	if r.ErrorCode != importer.ErrCodeNeedShop {
		t.Fatalf("without a shop: %+v, want need_shop", r)
	}
	if n := count(t, d, "orders"); n != 0 {
		t.Fatalf("orders written by a failed import: %d", n)
	}
	r = im.ImportFile(ctx, p, importer.Options{ShopName: "暖暖家居小铺"})
	if r.Error != "" || r.New != 3 || r.Format != "taobao_suborders_xlsx" || r.Shop != "暖暖家居小铺" {
		t.Fatalf("import = %+v", r)
	}
	o := loadOrder(t, d, "4001000000000000000")
	if o.pay != 5980+4590 || o.items != 3 || o.refund != 4590 || o.status != "to_ship" || o.buyer != "晴天娃娃" {
		t.Fatalf("order from sub-orders = %+v", o)
	}
	var comp, compFen int64
	d.SQL.QueryRow(`SELECT late_ship_comp, late_ship_comp_fen FROM orders WHERE order_no = '4002000000000000000'`).Scan(&comp, &compFen)
	if comp != 1 || compFen != 300 {
		t.Fatalf("late shipment compensation = %d/%d, want 1/300", comp, compFen)
	}
	if n := count(t, d, "order_item"); n != 3 {
		t.Fatalf("items = %d", n)
	}

	// A second export (new file, same content plus one change) into the only shop.
	subs := qianniuRows()
	subs[1].RefundStatus = "退款成功"
	r = im.ImportFile(ctx, writeQianniu(t, subs), importer.Options{})
	if r.Error != "" || r.New != 0 || r.Updated != 1 || r.Unchanged != 2 {
		t.Fatalf("re-export = %+v, want 0/1/2", r)
	}
}

// A narrower export (no buyer column) never blanks what an earlier import stored.
func TestImportNarrowFileKeepsOtherFields(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	im := importer.New(d)
	if r := im.ImportFile(ctx, writeQianniu(t, qianniuRows()), importer.Options{ShopName: "店"}); r.Error != "" {
		t.Fatal(r.Error)
	}
	header := []string{"子订单编号", "主订单编号", "标题", "订单状态", "订单创建时间"}
	p := filepath.Join(t.TempDir(), "narrow.csv")
	if err := exportfile.WriteCSV(p, header, [][]string{{"4002000000000000001", "4002000000000000000", "纯棉四件套",
		"交易成功", "2026-11-18 20:00:00"}}, exportfile.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if r := im.ImportFile(ctx, p, importer.Options{}); r.Error != "" || r.Updated != 1 {
		t.Fatalf("narrow import = %+v", r)
	}
	o := loadOrder(t, d, "4002000000000000000")
	if o.buyer != "王小二" || o.status != "completed" || o.paid != "2026-11-18 20:01:00" {
		t.Fatalf("after narrow import = %+v", o)
	}
}

// Files that are not order exports, or carry a bad value, give a Chinese message naming
// the file (and row, column, value where there is one) and write nothing.
func TestImportRejectsBadFiles(t *testing.T) {
	goodRows := rows(sampleOrders())
	badMoney := rows(sampleOrders())
	badMoney[1][8] = "十二块" // 买家实际支付金额
	badDate := rows(sampleOrders())
	badDate[2][17] = "昨天下午" // 订单创建时间
	sci := rows(sampleOrders())
	sci[0][0] = "2.16544E+18"
	noKey := rows(sampleOrders())
	noKey[2][0] = ""

	write := func(content []byte) func(t *testing.T, dir string) string {
		return func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "file.csv")
			os.WriteFile(p, content, 0o644)
			return p
		}
	}
	csvOf := func(header []string, r [][]string) func(t *testing.T, dir string) string {
		return func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "ExportOrderList.csv")
			if err := exportfile.WriteCSV(p, header, r, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	tests := []struct {
		name     string
		file     func(t *testing.T, dir string) string
		code     string
		contains []string
	}{
		{"0-byte file", write(nil), importer.ErrCodeUnreadable, []string{"file.csv", "空的"}},
		{"binary junk", write([]byte{0x00, 0x01, 0x02, 0xff, 0x00, 'a'}), importer.ErrCodeUnreadable, []string{"二进制"}},
		{"old Excel / Word file", write([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}), importer.ErrCodeUnreadable, []string{".xls"}},
		{"truncated xlsx", func(t *testing.T, dir string) string {
			data, _ := os.ReadFile(writeQianniu(t, qianniuRows()))
			p := filepath.Join(dir, "broken.xlsx")
			os.WriteFile(p, data[:len(data)/2], 0o644)
			return p
		}, importer.ErrCodeUnreadable, []string{"broken.xlsx", "Excel"}},
		{"a CSV that is not an order export", write([]byte("姓名,电话\n张三,13800000000\n")), importer.ErrCodeUnknownFormat,
			[]string{"file.csv", "认不出", "姓名"}},
		{"header only", csvOf(exportfile.TaobaoOrderHeader, nil), importer.ErrCodeUnreadable, []string{"没有任何订单行"}},
		{"bad money", csvOf(exportfile.TaobaoOrderHeader, badMoney), importer.ErrCodeBadValue,
			[]string{"ExportOrderList.csv", "第 3 行", "买家实际支付金额", "十二块", "不是金额"}},
		{"bad date", csvOf(exportfile.TaobaoOrderHeader, badDate), importer.ErrCodeBadValue,
			[]string{"第 4 行", "订单创建时间", "昨天下午"}},
		{"order number in scientific notation", csvOf(exportfile.TaobaoOrderHeader, sci), importer.ErrCodeBadValue,
			[]string{"第 2 行", "订单编号", "2.16544E+18", "科学计数法"}},
		{"missing order number", csvOf(exportfile.TaobaoOrderHeader, noKey), importer.ErrCodeBadValue,
			[]string{"第 4 行", "订单编号", "是空的"}},
		{"unclosed quote", write([]byte("订单编号,买家会员名,订单状态,订单创建时间\n\"123,a,交易成功,2026-11-01 10:00:00\n")),
			importer.ErrCodeUnreadable, []string{"引号"}},
		{"good rows then a bad one roll back together", csvOf(exportfile.TaobaoOrderHeader, append(goodRows, badMoney[1])),
			importer.ErrCodeBadValue, []string{"第 5 行"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			r := importer.New(d).ImportFile(context.Background(), tt.file(t, t.TempDir()), importer.Options{})
			if r.ErrorCode != tt.code {
				t.Fatalf("code = %q, want %q (error %q)", r.ErrorCode, tt.code, r.Error)
			}
			for _, s := range tt.contains {
				if !strings.Contains(r.Error, s) {
					t.Errorf("error %q does not mention %q", r.Error, s)
				}
			}
			for _, table := range []string{"orders", "shop", "import_batch", "order_item"} {
				if n := count(t, d, table); n != 0 {
					t.Errorf("%s has %d rows after a failed import", table, n)
				}
			}
		})
	}
}

var _ = sql.ErrNoRows

// Cancelling while a file imports rolls the whole file back; files after it do not start.
func TestImportCancel(t *testing.T) {
	d := openDB(t)
	dir := t.TempDir()
	big := filepath.Join(dir, "big.csv")
	writeBenchCSV(t, big, 3000, nil)
	small := writeTaobao(t, "small.csv", sampleOrders(), exportfile.CSVOptions{GBK: true, ExcelText: true})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var seen []importer.Progress
	results := importer.New(d).ImportFiles(ctx, []importer.File{{Path: big}, {Path: small}}, importer.Options{Progress: func(p importer.Progress) {
		seen = append(seen, p)
		cancel() // as soon as the first progress arrives
	}})
	if len(seen) == 0 || seen[0].File != "big.csv" || seen[0].Files != 2 {
		t.Fatalf("progress = %+v", seen)
	}
	for i, r := range results {
		if r.ErrorCode != importer.ErrCodeCanceled || !strings.Contains(r.Error, "已取消") {
			t.Fatalf("result %d = %+v, want canceled", i, r)
		}
	}
	for _, table := range []string{"orders", "shop", "import_batch"} {
		if n := count(t, d, table); n != 0 {
			t.Fatalf("%s has %d rows after a canceled import", table, n)
		}
	}
}

// A preview reports what the import would do, shows the first rows, and keeps nothing.
func TestPreview(t *testing.T) {
	d := openDB(t)
	p := importer.New(d).PreviewFile(context.Background(),
		writeTaobao(t, "ExportOrderList.csv", sampleOrders(), exportfile.CSVOptions{GBK: true, ExcelText: true}), importer.Options{})
	if p.Result.Error != "" || p.Result.New != 3 || !p.Result.DryRun || p.Result.Shop != "小米粒母婴旗舰店、暖暖家居小铺" {
		t.Fatalf("preview result = %+v", p.Result)
	}
	wantCols := []string{"订单编号", "买家会员名", "订单状态", "买家实际支付金额", "宝贝标题", "订单创建时间", "店铺名称"}
	if strings.Join(p.Columns, ",") != strings.Join(wantCols, ",") {
		t.Fatalf("columns = %v, want %v", p.Columns, wantCols)
	}
	if len(p.Rows) != 3 || p.Rows[0][0] != "2165437890123456789" || p.Rows[2][3] != "68.00" {
		t.Fatalf("rows = %q", p.Rows)
	}
	for _, table := range []string{"orders", "shop", "import_batch"} {
		if n := count(t, d, table); n != 0 {
			t.Fatalf("%s has %d rows after a preview", table, n)
		}
	}
	bad := importer.New(d).PreviewFile(context.Background(), filepath.Join(t.TempDir(), "missing.csv"), importer.Options{})
	if bad.Result.Error == "" || len(bad.Rows) != 0 {
		t.Fatalf("preview of a missing file = %+v", bad)
	}
}

// A path that is not a file gets a Chinese message naming it, not the system's English.
func TestInputPathsInChinese(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "订单导出")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		want       string
	}{
		{"missing", filepath.Join(dir, "没有这个文件.csv"), "找不到这个文件"},
		{"a folder", folder, "这是一个文件夹，不是文件"},
	}
	d := openDB(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range []importer.FileResult{
				importer.New(d).ImportFile(context.Background(), tt.path, importer.Options{}),
				importer.New(d).PreviewFile(context.Background(), tt.path, importer.Options{}).Result,
				importer.New(d).SheetHeader(context.Background(), tt.path, "订单"),
			} {
				if r.ErrorCode != importer.ErrCodeUnreadable || !strings.Contains(r.Error, "文件“"+filepath.Base(tt.path)+"”") ||
					!strings.Contains(r.Error, tt.want) {
					t.Errorf("%s: %s", r.ErrorCode, r.Error)
				}
				for _, english := range []string{"no such file", "is a directory", "open ", "read "} {
					if strings.Contains(r.Error, english) {
						t.Errorf("English in %q", r.Error)
					}
				}
			}
		})
	}
}

// A file whose name is GBK bytes (made by a Windows or GBK tool) is recorded under its
// name as text.
func TestGBKFileNameIsStoredAsText(t *testing.T) {
	gbkName, err := simplifiedchinese.GBK.NewEncoder().String("淘宝订单导出.csv")
	if err != nil {
		t.Fatal(err)
	}
	path := writeTaobao(t, gbkName, sampleOrders(), exportfile.CSVOptions{GBK: true, ExcelText: true})
	d := openDB(t)
	r := importer.New(d).ImportFile(context.Background(), path, importer.Options{})
	if r.Error != "" || r.File != "淘宝订单导出.csv" {
		t.Fatalf("result %q: %s", r.File, r.Error)
	}
	var stored string
	if err := d.SQL.QueryRow(`SELECT file_name FROM import_batch`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored != "淘宝订单导出.csv" || !utf8.ValidString(stored) {
		t.Fatalf("stored %q", stored)
	}
}
