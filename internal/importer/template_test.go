package importer_test

import (
	"archive/zip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// weidianHeader is an export no built-in layout knows (a 微店-style order list).
var weidianHeader = []string{"订单号", "下单时间", "订单状态", "收件人", "省", "市", "区", "详细地址", "商品名称",
	"数量", "实收款(元)", "快递公司", "快递单号", "买家备注", "店铺"}

type weidianOrder struct {
	no, created, status, buyer, prov, city, dist, street, title, qty, pay, carrier, tracking, note, shop string
}

func (o weidianOrder) cells() map[string]string {
	return map[string]string{"订单号": o.no, "下单时间": o.created, "订单状态": o.status, "收件人": o.buyer,
		"省": o.prov, "市": o.city, "区": o.dist, "详细地址": o.street, "商品名称": o.title, "数量": o.qty,
		"实收款(元)": o.pay, "快递公司": o.carrier, "快递单号": o.tracking, "买家备注": o.note, "店铺": o.shop}
}

func weidianOrders() []weidianOrder {
	return []weidianOrder{
		{"WD202611210001", "2026-11-21 09:15:00", "待发货", "李小姐", "浙江省", "杭州市", "西湖区", "文三路 88 号", "手工香皂礼盒",
			"2", "89.90", "", "", "请周一发", "微店·小李的杂货铺"},
		{"WD202611210002", "2026-11-21 10:02:33", "已发货", "王先生", "广东省", "深圳市", "南山区", "科技园 1 栋", "竹纤维毛巾",
			"1", "1,234.50", "中通快递", "78000000000001", "", "微店·小李的杂货铺"},
		{"WD202611200003", "2026-11-20 22:00:00", "已取消", "赵女士", "江苏省", "苏州市", "", "观前街 2 号", "香薰蜡烛",
			"3", "0", "", "", "", "微店·小李的杂货铺"},
	}
}

// writeWeidian writes orders under header (a subset or superset of weidianHeader, in any
// order) as a UTF-8 CSV named name.
func writeWeidian(t *testing.T, name string, header []string, orders []weidianOrder, preamble ...string) string {
	t.Helper()
	rows := make([][]string, len(orders))
	for i, o := range orders {
		c := o.cells()
		rows[i] = make([]string, len(header))
		for k, h := range header {
			rows[i][k] = c[h]
		}
	}
	p := filepath.Join(t.TempDir(), name)
	if err := exportfile.WriteCSV(p, header, rows, exportfile.CSVOptions{BOM: true, Preamble: preamble}); err != nil {
		t.Fatal(err)
	}
	return p
}

// weidianTemplate is what the mapping screen saves for weidianHeader.
func weidianTemplate(header []string) importer.TemplateInput {
	return importer.TemplateInput{File: "微店订单.csv", Platform: "pdd", Name: "微店订单导出", Header: header,
		Columns: map[string][]string{
			"order_no": {"订单号"}, "status": {"订单状态"}, "created_at": {"下单时间"}, "buyer": {"收件人"},
			"address": {"省", "市", "区", "详细地址"}, "title": {"商品名称"}, "item_count": {"数量"},
			"pay_amount": {"实收款(元)"}, "carrier": {"快递公司"}, "tracking_no": {"快递单号"},
			"buyer_message": {"买家备注"}, "shop_name": {"店铺"}, "paid_at": {},
		}}
}

// An unknown export fails with its header; saved as a template, the same file imports
// with exact values, a re-import changes nothing, a newer export with one more column
// still matches, and undo takes both imports back.
func TestTemplateImportsAnUnknownLayout(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	im := importer.New(d)
	if id := importer.MatchHeader(weidianHeader); id != "" {
		t.Fatalf("the test header is known as %s", id)
	}
	empty := snapshot(t, d)
	first := writeWeidian(t, "微店订单_20261121.csv", weidianHeader, weidianOrders(), "微店订单导出", "导出时间：2026-11-21 18:00")

	r := im.ImportFile(ctx, first, importer.Options{})
	if r.ErrorCode != importer.ErrCodeUnknownFormat || !strings.Contains(r.Error, "认不出") {
		t.Fatalf("before the template: %+v", r)
	}
	if !slices.Equal(r.Header, weidianHeader) || r.HeaderRow != 3 {
		t.Fatalf("header = %q at row %d, want the row under the two preamble lines", r.Header, r.HeaderRow)
	}
	if len(r.Sample) != 3 || r.Sample[1][0] != "WD202611210002" || r.Sample[1][10] != "1,234.50" || len(r.Sample[2]) != len(weidianHeader) {
		t.Fatalf("sample = %q", r.Sample)
	}

	tpl, err := im.SaveTemplate(ctx, weidianTemplate(r.Header))
	if err != nil {
		t.Fatal(err)
	}
	if tpl.Level != "order" || tpl.LayoutID == "" || tpl.Name != "微店订单导出" || len(tpl.Columns["paid_at"]) != 0 ||
		!slices.Equal(tpl.Columns["address"], []string{"省", "市", "区", "详细地址"}) {
		t.Fatalf("saved template = %+v", tpl)
	}

	r = im.ImportFile(ctx, first, importer.Options{})
	if r.Error != "" || r.New != 3 || r.Format != tpl.LayoutID || r.FormatName != "微店订单导出" || r.Platform != "pdd" ||
		r.Shop != "微店·小李的杂货铺" || r.Header != nil {
		t.Fatalf("import with the template = %+v", r)
	}
	got := loadOrder(t, d, "WD202611210002")
	want := orderRow{shop: "微店·小李的杂货铺", orderNo: "WD202611210002", buyer: "王先生", status: "shipped",
		statusText: "已发货", address: "广东省 深圳市 南山区 科技园 1 栋", created: "2026-11-21 10:02:33", pay: 123450, items: 1}
	if got != want {
		t.Fatalf("order =\n%+v, want\n%+v", got, want)
	}
	var carrier, tracking, message, title string
	d.SQL.QueryRow(`SELECT carrier, tracking_no, title FROM orders WHERE order_no = 'WD202611210002'`).Scan(&carrier, &tracking, &title)
	d.SQL.QueryRow(`SELECT buyer_message FROM orders WHERE order_no = 'WD202611210001'`).Scan(&message)
	if carrier != "中通快递" || tracking != "78000000000001" || title != "竹纤维毛巾" || message != "请周一发" {
		t.Fatalf("carrier %q tracking %q title %q message %q", carrier, tracking, title, message)
	}
	if o := loadOrder(t, d, "WD202611200003"); o.status != "closed" || o.address != "江苏省 苏州市 观前街 2 号" || o.items != 3 {
		t.Fatalf("cancelled order = %+v", o)
	}
	afterFirst := snapshot(t, d)

	// The same file again: a duplicate, named by the template.
	again := im.ImportFile(ctx, first, importer.Options{})
	if !again.Duplicate || again.FormatName != "微店订单导出" || again.New != 0 {
		t.Fatalf("re-import = %+v", again)
	}
	if snapshot(t, d) != afterFirst {
		t.Fatal("a re-import changed the database")
	}

	// A later export with one more column, columns in another order, one order shipped.
	wider := append([]string{"优惠券"}, weidianHeader...)
	slices.Reverse(wider)
	orders := weidianOrders()
	orders[0].status, orders[0].carrier, orders[0].tracking = "已发货", "顺丰速运", "SF1234567890"
	second := im.ImportFile(ctx, writeWeidian(t, "微店订单_20261122.csv", wider, orders), importer.Options{})
	if second.Error != "" || second.Format != tpl.LayoutID || second.New != 0 || second.Updated != 1 || second.Unchanged != 2 {
		t.Fatalf("wider export = %+v", second)
	}
	if o := loadOrder(t, d, "WD202611210001"); o.status != "shipped" {
		t.Fatalf("after the wider export: %+v", o)
	}

	batches, err := importer.ListBatches(ctx, d.SQL, 10)
	if err != nil || len(batches) != 2 || batches[0].FormatName != "微店订单导出" || batches[1].Format != tpl.LayoutID {
		t.Fatalf("history = %+v, %v", batches, err)
	}
	list, err := im.Templates(ctx)
	if err != nil || len(list) != 1 || list[0].LastUsedAt == "" {
		t.Fatalf("templates = %+v, %v", list, err)
	}

	// Undo, newest first, brings back exactly the earlier states.
	if _, err := im.Undo(ctx, second.BatchID); err != nil {
		t.Fatal(err)
	}
	if snapshot(t, d) != afterFirst {
		t.Fatal("undo of the wider export did not restore the state after the first import")
	}
	if _, err := im.Undo(ctx, r.BatchID); err != nil {
		t.Fatal(err)
	}
	if snapshot(t, d) != empty {
		t.Fatal("undo of the first import did not restore the empty database")
	}
}

// The header saved for a template must carry the columns it maps: a narrower export that
// lacks one is unknown again. An exact header wins over a wider template; a deleted
// template's files are unknown again and its imports keep a name.
func TestTemplateMatchingRules(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	im := importer.New(d)
	broad, err := im.SaveTemplate(ctx, weidianTemplate(weidianHeader))
	if err != nil {
		t.Fatal(err)
	}
	// A narrower template made for a header without 快递公司/快递单号/买家备注.
	narrowHeader := slices.DeleteFunc(slices.Clone(weidianHeader), func(h string) bool {
		return h == "快递公司" || h == "快递单号" || h == "买家备注"
	})
	in := weidianTemplate(narrowHeader)
	in.Name = "微店简版"
	delete(in.Columns, "carrier")
	delete(in.Columns, "tracking_no")
	delete(in.Columns, "buyer_message")
	narrow, err := im.SaveTemplate(ctx, in)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name   string
		header []string
		want   string // layout id, "" for unknown
	}{
		{"the broad template's own header", weidianHeader, broad.LayoutID},
		{"the narrow template's own header", narrowHeader, narrow.LayoutID},
		{"the broad header plus a column: the template that maps the most", append(slices.Clone(weidianHeader), "备注2"), broad.LayoutID},
		{"the narrow header plus 快递公司 only: only the narrow one fits", append(slices.Clone(narrowHeader), "快递公司"), narrow.LayoutID},
		{"no 订单状态: neither", slices.DeleteFunc(slices.Clone(narrowHeader), func(h string) bool { return h == "订单状态" }), ""},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeWeidian(t, "f"+string(rune('a'+i))+".csv", tt.header, weidianOrders())
			r := im.ImportFile(ctx, p, importer.Options{DryRun: true})
			if tt.want == "" {
				if r.ErrorCode != importer.ErrCodeUnknownFormat {
					t.Fatalf("result = %+v, want unknown_format", r)
				}
				return
			}
			if r.Error != "" || r.Format != tt.want {
				t.Fatalf("format = %q (%s), want %q", r.Format, r.Error, tt.want)
			}
		})
	}

	imported := im.ImportFile(ctx, writeWeidian(t, "wd.csv", weidianHeader, weidianOrders()), importer.Options{})
	if imported.Error != "" {
		t.Fatal(imported.Error)
	}
	renamed, err := im.RenameTemplate(ctx, broad.ID, "  微店订单（完整）  ")
	if err != nil || renamed.Name != "微店订单（完整）" {
		t.Fatalf("rename = %+v, %v", renamed, err)
	}
	if _, err := im.RenameTemplate(ctx, broad.ID, "微店简版"); err == nil || !strings.Contains(err.Error(), "已经有名为“微店简版”") {
		t.Fatalf("rename to a used name: %v", err)
	}
	if b, _ := importer.ListBatches(ctx, d.SQL, 1); b[0].FormatName != "微店订单（完整）" {
		t.Fatalf("history after rename names %q", b[0].FormatName)
	}
	if err := im.DeleteTemplate(ctx, broad.ID); err != nil {
		t.Fatal(err)
	}
	if err := im.DeleteTemplate(ctx, broad.ID); err == nil || !strings.Contains(err.Error(), "没有编号") {
		t.Fatalf("second delete: %v", err)
	}
	if b, _ := importer.ListBatches(ctx, d.SQL, 1); !strings.Contains(b[0].FormatName, "已删除") {
		t.Fatalf("history after delete names %q", b[0].FormatName)
	}
	r := im.ImportFile(ctx, writeWeidian(t, "wd2.csv", weidianHeader, weidianOrders()[:1]), importer.Options{DryRun: true})
	if r.Format != narrow.LayoutID {
		t.Fatalf("after deleting the broad template: %+v (the narrow one still fits)", r)
	}
	if err := im.DeleteTemplate(ctx, narrow.ID); err != nil {
		t.Fatal(err)
	}
	if r := im.ImportFile(ctx, writeWeidian(t, "wd3.csv", weidianHeader, weidianOrders()[:1]), importer.Options{}); r.ErrorCode != importer.ErrCodeUnknownFormat {
		t.Fatalf("with no template left: %+v", r)
	}
}

// A template is refused, with a Chinese message naming what is wrong, unless it maps the
// order number and status to columns of the file, joins only text columns, and has a
// platform and a name of its own.
func TestTemplateValidation(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	im := importer.New(d)
	if _, err := im.SaveTemplate(ctx, weidianTemplate(weidianHeader)); err != nil {
		t.Fatal(err)
	}
	change := func(f func(in *importer.TemplateInput)) importer.TemplateInput {
		in := weidianTemplate(weidianHeader)
		in.Name = "另一个模板"
		f(&in)
		return in
	}
	tests := []struct {
		name     string
		in       importer.TemplateInput
		contains []string
	}{
		{"no order number", change(func(in *importer.TemplateInput) { delete(in.Columns, "order_no") }),
			[]string{"订单编号", "微店订单.csv", "每个订单模板都要对应订单编号和订单状态"}},
		{"order number mapped to nothing", change(func(in *importer.TemplateInput) { in.Columns["order_no"] = []string{""} }),
			[]string{"订单编号"}},
		{"no status", change(func(in *importer.TemplateInput) { delete(in.Columns, "status") }), []string{"订单状态"}},
		{"a header the file does not have", change(func(in *importer.TemplateInput) { in.Columns["buyer"] = []string{"买家昵称"} }),
			[]string{"微店订单.csv", "没有“买家昵称”列", "买家"}},
		{"money from two columns", change(func(in *importer.TemplateInput) { in.Columns["pay_amount"] = []string{"实收款(元)", "数量"} }),
			[]string{"实付金额", "只能对应一列", "实收款(元)", "数量"}},
		{"time from two columns", change(func(in *importer.TemplateInput) { in.Columns["created_at"] = []string{"下单时间", "区"} }),
			[]string{"订单创建时间", "只能对应一列"}},
		{"an item field without 子订单编号", change(func(in *importer.TemplateInput) { in.Columns["item_price"] = []string{"实收款(元)"} }),
			[]string{"价格", "子订单编号"}},
		{"unknown field", change(func(in *importer.TemplateInput) { in.Columns["discount"] = []string{"区"} }), []string{"不认识的字段"}},
		{"no platform", change(func(in *importer.TemplateInput) { in.Platform = "" }), []string{"哪个平台"}},
		{"another platform name", change(func(in *importer.TemplateInput) { in.Platform = "weidian" }), []string{"哪个平台"}},
		{"no name", change(func(in *importer.TemplateInput) { in.Name = "   " }), []string{"起个名字"}},
		{"name too long", change(func(in *importer.TemplateInput) { in.Name = strings.Repeat("长", 41) }), []string{"太长", "40"}},
		{"name taken", change(func(in *importer.TemplateInput) { in.Name = "微店订单导出" }), []string{"已经有名为“微店订单导出”"}},
		{"no header", change(func(in *importer.TemplateInput) { in.Header = []string{"", " "} }), []string{"没有表头"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := im.SaveTemplate(ctx, tt.in)
			if err == nil {
				t.Fatal("saved")
			}
			for _, s := range append(tt.contains, "不能保存导入模板") {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
		})
	}
	if n := count(t, d, "import_template"); n != 1 {
		t.Fatalf("templates stored = %d, want only the first", n)
	}
	// A sub-order template: 子订单编号 makes it one row per item.
	in := change(func(in *importer.TemplateInput) {
		in.Header = append(slices.Clone(weidianHeader), "子订单号")
		in.Columns["sub_order_no"] = []string{"子订单号"}
		in.Columns["item_quantity"] = []string{"数量"}
	})
	if tpl, err := im.SaveTemplate(ctx, in); err != nil || tpl.Level != "sub_order" {
		t.Fatalf("sub-order template = %+v, %v", tpl, err)
	}
}

func TestHeaderSignature(t *testing.T) {
	base := importer.HeaderSignature([]string{"订单号", "实收款(元)", "订单状态"})
	tests := []struct {
		name   string
		header []string
		same   bool
	}{
		{"other column order", []string{"订单状态", "订单号", "实收款(元)"}, true},
		{"full-width brackets, spaces, BOM, =\"…\"", []string{"\ufeff订单号 ", "实收款（元）", `="订单状态"`}, true},
		{"blank and repeated cells", []string{"订单号", "", "实收款(元)", "订单状态", "订单状态", " "}, true},
		{"one column more", []string{"订单号", "实收款(元)", "订单状态", "备注"}, false},
		{"one column renamed", []string{"订单编号", "实收款(元)", "订单状态"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := importer.HeaderSignature(tt.header) == base; got != tt.same {
				t.Fatalf("same signature = %v, want %v", got, tt.same)
			}
		})
	}
	if len(base) != 64 {
		t.Fatalf("signature %q is not hex SHA-256", base)
	}
}

// An unknown file carries its likely header row (the first of its first 15 rows with at
// least 3 cells) and the rows under it, for the mapping screen; a file without one only
// the message.
func TestUnknownFileCarriesItsHeader(t *testing.T) {
	long := strings.Repeat("很长的列名", 40)
	tests := []struct {
		name      string
		content   string
		header    []string
		headerRow int
		sample    [][]string
	}{
		{"customer list", "姓名,电话,地址\n张三,13800000000,杭州\n", []string{"姓名", "电话", "地址"}, 1, [][]string{{"张三", "13800000000", "杭州"}}},
		{"title lines, trailing commas, short and blank rows", "店铺订单\n导出时间,2026-11-21\n\n单号,金额,状态,,\n\n=\"001\",1.5,待发货\nnull,2,已发货,x,y\n",
			[]string{"单号", "金额", "状态"}, 4, [][]string{{"001", "1.5", "待发货"}, {"", "2", "已发货"}}},
		{"long header cell clipped", "a,b," + long + "\n1,2,3\n", []string{"a", "b", string([]rune(long)[:120]) + "…"}, 1, [][]string{{"1", "2", "3"}}},
		{"two columns only", "姓名,电话\n张三,138\n", nil, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "x.csv")
			if err := os.WriteFile(p, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			r := importer.New(openDB(t)).ImportFile(context.Background(), p, importer.Options{})
			if r.ErrorCode != importer.ErrCodeUnknownFormat || !strings.Contains(r.Error, "x.csv") {
				t.Fatalf("result = %+v", r)
			}
			if !slices.Equal(r.Header, tt.header) || r.HeaderRow != tt.headerRow || fmt.Sprint(r.Sample) != fmt.Sprint(tt.sample) {
				t.Fatalf("header %q at row %d, sample %q; want %q at %d, %q", r.Header, r.HeaderRow, r.Sample, tt.header, tt.headerRow, tt.sample)
			}
		})
	}
}

// A workbook that keeps its orders on its second sheet (the first is a note): the unknown
// file offers that sheet's header for mapping, and the template then finds that sheet.
func TestTemplateOnSecondSheet(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	im := importer.New(d)
	p := filepath.Join(t.TempDir(), "微店订单.xlsx")
	if err := os.WriteFile(p, twoSheetWorkbook(t, weidianSheet()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := im.ImportFile(ctx, p, importer.Options{})
	if r.ErrorCode != importer.ErrCodeUnknownFormat || !slices.Equal(r.Header, weidianHeader) || r.HeaderRow != 1 || len(r.Sample) != 3 {
		t.Fatalf("unknown workbook = %+v, want the second sheet's header and rows", r)
	}
	if _, err := im.SaveTemplate(ctx, weidianTemplate(r.Header)); err != nil {
		t.Fatal(err)
	}
	r = im.ImportFile(ctx, p, importer.Options{})
	if r.Error != "" || r.New != 3 || r.Shop != "微店·小李的杂货铺" {
		t.Fatalf("with the template = %+v", r)
	}
	if got := loadOrder(t, d, "WD202611210002"); got.pay != 123450 || got.address != "广东省 深圳市 南山区 科技园 1 栋" {
		t.Fatalf("order = %+v", got)
	}
}

// jdServiceHeader is a 京东 售后服务单 export, which no built-in layout knows.
var jdServiceHeader = []string{"服务单号", "订单号", "服务单状态", "申请时间", "退款金额", "商品名称", "商品编号", "申请原因"}

func jdServiceRows() [][]string {
	return [][]string{
		{"SV20261121001", "301234567890", "待审核", "2026-11-21 10:00:00", "￥59.00", "保温杯 500ml", "100012345678", "质量问题"},
		{"SV20261120002", "301234567891", "已完成", "2026/11/20 9:30", "1,299.00", "空气炸锅", "100012345679", "七天无理由"},
		{"SV20261119003", "301234567892", "已取消", "2026-11-19 18:00:00", "25", "数据线", "100012345680", "不想要了"},
		{"SV20261118004", "301234567893", "审核不通过", "2026-11-18 08:00:00", "0.00", "手机壳", "100012345681", ""},
	}
}

func jdServiceTemplate() importer.TemplateInput {
	return importer.TemplateInput{File: "服务单.csv", Kind: importer.KindRefunds, Platform: "jd", Name: "京东售后服务单",
		Header: jdServiceHeader, Columns: map[string][]string{
			"refund_no": {"服务单号"}, "order_no": {"订单号"}, "refund_status": {"服务单状态"},
			"refund_applied_at": {"申请时间"}, "refund_amount": {"退款金额"}, "item_title": {"商品名称"},
			"item_sku_code": {"商品编号"}, "refund_reason": {"申请原因"},
		}}
}

// A refund export no built-in layout knows (京东 售后服务单) becomes a refund template: its
// rows then import as refunds of the JD shop, their status texts read by the shared rules,
// and undo takes them back.
func TestRefundTemplate(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	im := importer.New(d)
	createShop(t, d, "jd", "京东小家电专营店")
	file := writeCSVFile(t, "服务单20261121.csv", jdServiceHeader, jdServiceRows(), gbkText)

	r := im.ImportFile(ctx, file, importer.Options{})
	if r.ErrorCode != importer.ErrCodeUnknownFormat || !slices.Equal(r.Header, jdServiceHeader) {
		t.Fatalf("before the template: %+v", r)
	}
	tpl, err := im.SaveTemplate(ctx, jdServiceTemplate())
	if err != nil {
		t.Fatal(err)
	}
	if tpl.Level != "refund" {
		t.Fatalf("template level = %q", tpl.Level)
	}
	r = im.ImportFile(ctx, file, importer.Options{})
	if r.Error != "" || r.New != 4 || r.Format != tpl.LayoutID || r.Shop != "京东小家电专营店" || count(t, d, "orders") != 0 {
		t.Fatalf("with the template: %+v", r)
	}
	want := map[string]storedRefund{
		"SV20261121001": {status: "open", statusText: "待审核", applied: "2026-11-21 10:00:00", amount: 5900, title: "保温杯 500ml", sku: "100012345678", reason: "质量问题"},
		"SV20261120002": {status: "refunded", statusText: "已完成", applied: "2026-11-20 09:30:00", amount: 129900, title: "空气炸锅", sku: "100012345679", reason: "七天无理由"},
		"SV20261119003": {status: "closed", statusText: "已取消", applied: "2026-11-19 18:00:00", amount: 2500, title: "数据线", sku: "100012345680", reason: "不想要了"},
		"SV20261118004": {status: "closed", statusText: "审核不通过", applied: "2026-11-18 08:00:00", amount: 0, title: "手机壳", sku: "100012345681"},
	}
	got := loadRefunds(t, d)
	for no, w := range want {
		g := got[no]
		if g.shop != "京东小家电专营店" || g.status != w.status || g.statusText != w.statusText || g.applied != w.applied ||
			g.amount != w.amount || g.title != w.title || g.sku != w.sku || g.reason != w.reason {
			t.Fatalf("refund %s = %+v, want %+v", no, g, w)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d refunds", len(got))
	}
	if _, err := im.Undo(ctx, r.BatchID); err != nil {
		t.Fatal(err)
	}
	if n := count(t, d, "refund"); n != 0 {
		t.Fatalf("%d refunds after undo", n)
	}
}

// What the mapping screen may save for each kind of file.
func TestTemplateKinds(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		edit func(in *importer.TemplateInput)
		want string // part of the error; "" = saved
	}{
		{"a refund template", func(in *importer.TemplateInput) {}, ""},
		{"no refund number", func(in *importer.TemplateInput) { delete(in.Columns, "refund_no") },
			"还没有选“退款编号”"},
		{"no refund status", func(in *importer.TemplateInput) { in.Columns["refund_status"] = nil },
			"每个退款/售后模板都要对应订单编号、退款编号和退款状态"},
		{"an order field in a refund template", func(in *importer.TemplateInput) { in.Columns["status"] = []string{"服务单状态"} },
			"“订单状态”是订单的字段"},
		{"a refund field in an order template", func(in *importer.TemplateInput) {
			in.Kind = importer.KindOrders
			in.Columns["status"] = []string{"服务单状态"}
		}, "是退款/售后的字段，订单模板不能选"},
		{"an unknown kind", func(in *importer.TemplateInput) { in.Kind = "invoices" }, "不认识的文件内容"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im := importer.New(openDB(t))
			in := jdServiceTemplate()
			tt.edit(&in)
			_, err := im.SaveTemplate(ctx, in)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

// workbookOf is a minimal hand-written xlsx whose sheets (name, <sheetData> content) come
// in the given order.
func workbookOf(t *testing.T, sheets ...[2]string) []byte {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	var list, rels strings.Builder
	parts := []string{
		"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
	}
	for i, sh := range sheets {
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, sh[0], i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		parts = append(parts, fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1),
			`<?xml version="1.0" encoding="UTF-8"?><worksheet `+ns+`><sheetData>`+sh[1]+`</sheetData></worksheet>`)
	}
	parts = append(parts,
		"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook `+ns+` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`+list.String()+`</sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	return mfZipParts(t, zip.Deflate, parts...)
}

// weidianSheet is the weidian orders as <sheetData>.
func weidianSheet() string {
	cells := make([]any, len(weidianHeader))
	for i, h := range weidianHeader {
		cells[i] = h
	}
	data := xmlRow(1, cells)
	for n, o := range weidianOrders() {
		c := o.cells()
		row := make([]any, len(weidianHeader))
		for i, h := range weidianHeader {
			row[i] = c[h]
		}
		data += xmlRow(n+2, row)
	}
	return data
}

// A workbook with two table-like sheets (a summary first, the orders second): the mapping
// screen is offered the summary, lists both sheets, reads the orders sheet when asked,
// and the template made from it finds that sheet from then on.
func TestMappingAnotherSheet(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	im := importer.New(d)
	summary := xmlRow(1, []any{"日期", "订单数", "销售额", "退款额"}) + xmlRow(2, []any{"2026-11-21", 3, 1324.4, 0})
	p := filepath.Join(t.TempDir(), "ERP导出.xlsx")
	if err := os.WriteFile(p, workbookOf(t, [2]string{"汇总", summary}, [2]string{"订单明细", weidianSheet()}), 0o644); err != nil {
		t.Fatal(err)
	}
	r := im.ImportFile(ctx, p, importer.Options{})
	if r.ErrorCode != importer.ErrCodeUnknownFormat || r.Sheet != "汇总" || !slices.Equal(r.Sheets, []string{"汇总", "订单明细"}) ||
		!slices.Equal(r.Header, []string{"日期", "订单数", "销售额", "退款额"}) {
		t.Fatalf("unknown workbook = %+v", r)
	}

	tests := []struct {
		sheet, code, header, err string
	}{
		{"订单明细", importer.ErrCodeUnknownFormat, "订单号", ""},
		{"汇总", importer.ErrCodeUnknownFormat, "日期", ""},
		{"没有这页", importer.ErrCodeUnreadable, "", "没有名为“没有这页”的工作表"},
	}
	for _, tt := range tests {
		s := im.SheetHeader(ctx, p, tt.sheet)
		if s.ErrorCode != tt.code || s.Sheet != tt.sheet || (tt.header != "" && (len(s.Header) == 0 || s.Header[0] != tt.header)) ||
			!strings.Contains(s.Error, tt.err) {
			t.Fatalf("SheetHeader(%s) = %+v", tt.sheet, s)
		}
	}
	s := im.SheetHeader(ctx, p, "订单明细")
	if len(s.Sample) != 3 || !slices.Equal(s.Sheets, []string{"汇总", "订单明细"}) {
		t.Fatalf("orders sheet = %+v", s)
	}
	if _, err := im.SaveTemplate(ctx, weidianTemplate(s.Header)); err != nil {
		t.Fatal(err)
	}
	r = im.ImportFile(ctx, p, importer.Options{})
	if r.Error != "" || r.New != 3 || r.Sheet != "订单明细" {
		t.Fatalf("with the template = %+v", r)
	}
}
