package importer_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// Real exports that no one here wrote, by class of quirk (issue 13 §1): placeholders where a
// number or time should be, summary lines after the data, order lists without a status.
// Each class is tried in several variants, across platforms and CSV/xlsx.

// taobaoCells is the Taobao sample orders with cells replaced: by order number, header ->
// value.
func taobaoCells(change map[string]map[string]string) [][]string {
	out := rows(sampleOrders())
	for _, r := range out {
		for h, v := range change[r[0]] {
			r[colOf(exportfile.TaobaoOrderHeader, h)] = v
		}
	}
	return out
}

func pddSample() []exportfile.PDDOrder {
	return []exportfile.PDDOrder{
		{OrderNo: "261121-000000000001", Status: "待发货", Title: "宝宝辅食碗", GoodsFen: 5000, PayFen: 4500, Quantity: 1,
			Receiver: "张**", Province: "浙江省", City: "杭州市", District: "西湖区", Street: "文三路 1 号",
			CreatedAt: "2026-11-20 11:58:00", PaidAt: "2026-11-20 12:00:00", PromisedShipAt: "2026-11-22 12:00:00"},
		{OrderNo: "261121-000000000002", Status: "已发货，待收货", Title: "硅胶围兜", GoodsFen: 2900, PayFen: 2900, Quantity: 2,
			Receiver: "李**", Province: "广东省", City: "深圳市", District: "南山区", Street: "科技园 2 栋",
			CreatedAt: "2026-11-19 08:00:00", PaidAt: "2026-11-19 08:01:00", ShippedAt: "2026-11-20 09:00:00",
			TrackingNo: "YT1234567890", Carrier: "圆通快递"},
	}
}

func pddRows(change map[string]map[string]string) [][]string {
	var out [][]string
	for _, o := range pddSample() {
		r := o.Row()
		for h, v := range change[o.OrderNo] {
			r[colOf(exportfile.PDDOrderHeader, h)] = v
		}
		out = append(out, r)
	}
	return out
}

var pddCSV = exportfile.CSVOptions{BOM: true}

func TestPlaceholderCells(t *testing.T) {
	ctx := context.Background()
	tb := exportfile.TaobaoOrderHeader
	type want struct {
		orderNo, paid string
		refund, items int64
	}
	tests := []struct {
		name  string
		make  fileMaker
		opts  importer.Options
		want  []want
		error string // "" = imports
	}{
		{"淘宝 CSV (GBK, =\"…\"): 无退款申请 in 退款金额, - and 暂无 in 订单付款时间",
			mfCSV("ExportOrderList1.csv", tb, taobaoCells(map[string]map[string]string{
				"2165437890123456789": {"退款金额": "无退款申请"},
				"2165437890123456790": {"订单付款时间": "-", "退款金额": "--"},
				"3165437890123456791": {"订单付款时间": "暂无"},
			}), gbkText), importer.Options{},
			[]want{{"2165437890123456789", "2026-11-21 10:01:30", 0, 1}, {"2165437890123456790", "", 0, 12}, {"3165437890123456791", "", 6800, 1}}, ""},
		{"淘宝 xlsx: N/A, NULL and / in money, count and time",
			mfXLSX("ExportOrderList2.xlsx", tb, taobaoCells(map[string]map[string]string{
				"2165437890123456789": {"退款金额": "N/A", "宝贝总数量": "NULL"},
				"2165437890123456790": {"订单付款时间": "/", "退款金额": "—"},
				"3165437890123456791": {"订单付款时间": "0000-00-00 00:00:00"},
			})), importer.Options{},
			[]want{{"2165437890123456789", "2026-11-21 10:01:30", 0, 0}, {"2165437890123456790", "", 0, 12}, {"3165437890123456791", "", 6800, 1}}, ""},
		{"拼多多 CSV: 无 and 0000-00-00 in times, 未发货 (a 拼多多 word) in 发货时间",
			mfCSV("pdd.csv", exportfile.PDDOrderHeader, pddRows(map[string]map[string]string{
				"261121-000000000001": {"发货时间": "未发货", "承诺发货时间": "0000-00-00", "确认收货时间": "无"},
				"261121-000000000002": {"确认收货时间": "暂无"},
			}), pddCSV), importer.Options{ShopName: "小米粒拼多多店"},
			[]want{{"261121-000000000001", "2026-11-20 12:00:00", 0, 1}, {"261121-000000000002", "2026-11-19 08:01:00", 0, 2}}, ""},
		{"still refused: a word that is no placeholder",
			mfCSV("ExportOrderList3.csv", tb, taobaoCells(map[string]map[string]string{
				"2165437890123456790": {"退款金额": "大约十元"},
			}), gbkText), importer.Options{}, nil,
			"文件“ExportOrderList3.csv”第 3 行，“退款金额”列的值“大约十元”不是金额"},
		{"still refused: another platform's word (未发货 is 拼多多's)",
			mfCSV("ExportOrderList4.csv", tb, taobaoCells(map[string]map[string]string{
				"2165437890123456789": {"订单付款时间": "未发货"},
			}), gbkText), importer.Options{}, nil,
			"第 2 行，“订单付款时间”列的值“未发货”不是日期时间"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			r := importer.New(d).ImportFile(ctx, tt.make(t, t.TempDir()), tt.opts)
			if tt.error != "" {
				if r.ErrorCode != importer.ErrCodeBadValue || !strings.Contains(r.Error, tt.error) {
					t.Fatalf("result = %q (%s), want an error with %q", r.Error, r.ErrorCode, tt.error)
				}
				if n := count(t, d, "orders"); n != 0 {
					t.Fatalf("%d orders written by a refused file", n)
				}
				return
			}
			if r.Error != "" || r.New != len(tt.want) {
				t.Fatalf("import = %+v", r)
			}
			for _, w := range tt.want {
				var paid string
				var refund, items int64
				if err := d.SQL.QueryRow(`SELECT paid_at, refund_fen, item_count FROM orders WHERE order_no = ?`, w.orderNo).
					Scan(&paid, &refund, &items); err != nil {
					t.Fatal(err)
				}
				if paid != w.paid || refund != w.refund || items != w.items {
					t.Errorf("%s: paid %q refund %d items %d, want %q %d %d", w.orderNo, paid, refund, items, w.paid, w.refund, w.items)
				}
			}
		})
	}
}

// A refund file's placeholders read the same: 无退款申请 and -- are empty.
func TestPlaceholderCellsRefunds(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	importRefundOrders(t, d)
	rs := sampleRefunds()
	rs[0].DeadlineAt, rs[1].FinishedAt = "--", "暂无"
	rows := refundRows(rs, exportfile.TaobaoRefundHeader)
	rows[2][colOf(exportfile.TaobaoRefundHeader, "买家退款金额")] = "无退款申请"
	p := writeCSVFile(t, "退款报表.csv", exportfile.TaobaoRefundHeader, rows, gbkText)
	r := importer.New(d).ImportFile(ctx, p, importer.Options{})
	if r.Error != "" || r.New != 3 {
		t.Fatalf("import = %+v", r)
	}
	got := loadRefunds(t, d)
	if g := got["168234567890123456"]; g.deadline != "" {
		t.Errorf("超时时间 -- = %q, want empty", g.deadline)
	}
	if g := got["168234567890123457"]; g.finished != "" {
		t.Errorf("退款完结时间 暂无 = %q, want empty", g.finished)
	}
	if g := got["168234567890123458"]; g.amount != 0 {
		t.Errorf("退款金额 无退款申请 = %d, want 0", g.amount)
	}
}

func TestFooterLines(t *testing.T) {
	ctx := context.Background()
	tb := exportfile.TaobaoOrderHeader
	xlsxRows := append(rows(sampleOrders()), []string{"总计：", "", "", "", "", "", "", "", "1302.56"}, []string{"导出时间：2026-11-21 18:00:00"})
	tests := []struct {
		name     string
		make     fileMaker
		opts     importer.Options
		orders   int
		skipped  int
		text     string
		errorHas string // the file is refused (a footer-like line in the middle)
	}{
		{"拼多多 CSV ending in a blank line and 合计,300单", mfCSV("pdd.csv", exportfile.PDDOrderHeader, pddRows(nil),
			exportfile.CSVOptions{BOM: true, Footer: []string{"", "合计,300单"}}), importer.Options{ShopName: "拼多多店"}, 2, 2, "合计 300单", ""},
		{"淘宝 CSV (GBK) ending in 共 3 条记录", mfCSV("ExportOrderList.csv", tb, rows(sampleOrders()),
			exportfile.CSVOptions{GBK: true, ExcelText: true, Footer: []string{"共 3 条记录"}}), importer.Options{}, 3, 1, "共 3 条记录", ""},
		{"淘宝 CSV ending in a line with only the export time", mfCSV("ExportOrderList.csv", tb, rows(sampleOrders()),
			exportfile.CSVOptions{BOM: true, Footer: []string{"2026-11-21 18:00:00", ""}}), importer.Options{}, 3, 2, "2026-11-21 18:00:00", ""},
		{"淘宝 xlsx ending in 总计 with an amount and 导出时间", mfXLSX("ExportOrderList.xlsx", tb, xlsxRows), importer.Options{}, 3, 2,
			"总计： 1302.56；导出时间：2026-11-21 18:00:00", ""},
		{"blank lines only: no footer to name", mfCSV("ExportOrderList.csv", tb, rows(sampleOrders()),
			exportfile.CSVOptions{BOM: true, Footer: []string{"", ",,", ""}}), importer.Options{}, 3, 0, "", ""},
		{"合计 between two orders is data, and refused as such", mfCSV("pdd.csv", exportfile.PDDOrderHeader,
			slices.Insert(pddRows(nil), 1, []string{"合计", "300单"}), exportfile.CSVOptions{BOM: true}), importer.Options{ShopName: "拼多多店"}, 0, 0, "",
			"文件“pdd.csv”第 3 行"},
		{"a short line between two orders is refused", mfCSV("ExportOrderList.csv", tb,
			slices.Insert(rows(sampleOrders()), 2, []string{"2165437890123456799", "短行"}), exportfile.CSVOptions{BOM: true}), importer.Options{}, 0, 0, "",
			"第 4 行"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			im := importer.New(d)
			path := tt.make(t, t.TempDir())
			p := im.PreviewFile(ctx, path, tt.opts)
			r := p.Result
			if tt.errorHas != "" {
				if r.Error == "" || !strings.Contains(r.Error, tt.errorHas) {
					t.Fatalf("preview = %q, want an error with %q", r.Error, tt.errorHas)
				}
				if r = im.ImportFile(ctx, path, tt.opts); r.Error == "" || count(t, d, "orders") != 0 {
					t.Fatalf("import = %+v, %d orders: want refused, nothing written", r, count(t, d, "orders"))
				}
				return
			}
			if r.Error != "" || r.New != tt.orders || r.FooterSkipped != tt.skipped || r.FooterText != tt.text {
				t.Fatalf("preview = new %d footer %d %q (%s), want %d, %d %q", r.New, r.FooterSkipped, r.FooterText, r.Error, tt.orders, tt.skipped, tt.text)
			}
			if len(p.Rows) != tt.orders { // the footer is no row of the preview either
				t.Fatalf("preview rows %q, want the %d orders", p.Rows, tt.orders)
			}
			r = im.ImportFile(ctx, path, tt.opts)
			if r.Error != "" || r.New != tt.orders || r.Rows != tt.orders || r.FooterSkipped != tt.skipped || count(t, d, "orders") != tt.orders {
				t.Fatalf("import = %+v, %d orders", r, count(t, d, "orders"))
			}
		})
	}
}

// A refund file's footer is skipped like an order file's.
func TestFooterLinesRefunds(t *testing.T) {
	d := openDB(t)
	importRefundOrders(t, d)
	p := filepath.Join(t.TempDir(), "退款报表.csv")
	if err := exportfile.WriteCSV(p, exportfile.TaobaoRefundHeader, refundRows(sampleRefunds(), exportfile.TaobaoRefundHeader),
		exportfile.CSVOptions{GBK: true, ExcelText: true, Footer: []string{"小计,3笔"}}); err != nil {
		t.Fatal(err)
	}
	r := importer.New(d).ImportFile(context.Background(), p, importer.Options{})
	if r.Error != "" || r.New != 3 || r.FooterSkipped != 1 || r.FooterText != "小计 3笔" {
		t.Fatalf("import = %+v", r)
	}
}

// An analyst's or ERP's re-save of an order list: no 订单状态, header cells with trailing
// spaces, dates as Excel writes them (2020/2/21 0:00).
var resaveHeader = []string{"订单编号 ", "买家实际支付金额 ", "收货地址 ", "订单创建时间 ", "订单付款时间 ", "退款金额 "}

var resaveRows = [][]string{
	{"2165437890123456789", "59.00", "浙江省 杭州市 西湖区", "2020/2/21 0:00", "2020/2/21 0:01", "0"},
	{"2165437890123456790", "1234.56", "广东省 深圳市", "2020/2/21 9:30", "", "0"},
	{"3165437890123456791", "68.00", "江苏省 苏州市", "2020/2/20 8:00", "2020/2/20 8:05", "68.00"},
}

func TestOrdersWithoutStatus(t *testing.T) {
	ctx := context.Background()
	makers := []struct {
		name string
		make fileMaker
	}{
		{"CSV (UTF-8 with BOM)", mfCSV("订单分析_20200221.csv", resaveHeader, resaveRows, exportfile.CSVOptions{BOM: true})},
		{"CSV (GBK)", mfCSV("订单分析_20200221.csv", resaveHeader, resaveRows, exportfile.CSVOptions{GBK: true})},
		{"xlsx", mfXLSX("订单分析_20200221.xlsx", resaveHeader, resaveRows)},
	}
	wantStatus := map[string][2]string{
		"2165437890123456789": {"to_ship", "已付款（按付款时间推断）"},
		"2165437890123456790": {"unpaid", "未付款（按付款时间推断）"},
		"3165437890123456791": {"closed", "已全额退款（按退款金额推断）"},
	}
	for _, m := range makers {
		t.Run(m.name, func(t *testing.T) {
			d := openDB(t)
			im := importer.New(d)
			path := m.make(t, t.TempDir())
			opts := importer.Options{ShopName: "小米粒母婴旗舰店"}

			// Unknown: the mapping screen gets the header and the columns the layouts know.
			r := im.ImportFile(ctx, path, opts)
			if r.ErrorCode != importer.ErrCodeUnknownFormat {
				t.Fatalf("first import = %+v, want unknown_format", r)
			}
			wantGuess := map[string][]string{"order_no": {"订单编号"}, "created_at": {"订单创建时间"}, "paid_at": {"订单付款时间"},
				"pay_amount": {"买家实际支付金额"}, "refund_amount": {"退款金额"}, "address": {"收货地址"}}
			for f, cols := range wantGuess {
				if !slices.Equal(r.Guess[f], cols) {
					t.Errorf("guess %s = %q, want %q (all: %q)", f, r.Guess[f], cols, r.Guess)
				}
			}

			// Without 订单状态 and 付款时间 a template is refused; with 付款时间 it is saved.
			in := importer.TemplateInput{File: r.File, Kind: importer.KindOrders, Platform: "taobao", Name: "订单分析",
				Header: r.Header, Columns: map[string][]string{"order_no": r.Guess["order_no"], "created_at": r.Guess["created_at"]}}
			if _, err := im.SaveTemplate(ctx, in); err == nil || !strings.Contains(err.Error(), "订单状态") {
				t.Fatalf("template without status nor paid time: %v", err)
			}
			in.Columns = r.Guess
			if _, err := im.SaveTemplate(ctx, in); err != nil {
				t.Fatal(err)
			}

			p := im.PreviewFile(ctx, path, opts)
			if p.Result.Error != "" || !p.Result.StatusDerived || p.Result.New != 3 {
				t.Fatalf("preview = %+v", p.Result)
			}
			if last := p.Columns[len(p.Columns)-1]; last != "订单状态（推断）" || len(p.Rows) != 3 || p.Rows[1][len(p.Rows[1])-1] != wantStatus["2165437890123456790"][1] {
				t.Fatalf("preview columns %q rows %q", p.Columns, p.Rows)
			}
			r = im.ImportFile(ctx, path, opts)
			if r.Error != "" || r.New != 3 || !r.StatusDerived {
				t.Fatalf("import = %+v", r)
			}
			for no, want := range wantStatus {
				o := loadOrder(t, d, no)
				if o.status != want[0] || o.statusText != want[1] {
					t.Errorf("%s: status %s %q, want %s %q", no, o.status, o.statusText, want[0], want[1])
				}
			}
			if o := loadOrder(t, d, "2165437890123456790"); o.created != "2020-02-21 09:30:00" || o.pay != 123456 {
				t.Errorf("Excel re-saved date and amount: %+v", o)
			}
		})
	}
}

// A derived status never replaces a platform's own words; a platform export replaces a
// derived one; undo puts back what was there.
func TestDerivedStatusAndPlatformStatus(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	im := importer.New(d)
	resave := func(name string, paid string) string {
		rs := [][]string{slices.Clone(resaveRows[1])}
		rs[0][4] = paid
		return writeCSVFile(t, name, resaveHeader, rs, exportfile.CSVOptions{BOM: true})
	}
	first := resave("订单分析_1.csv", "")
	r := im.ImportFile(ctx, first, importer.Options{ShopName: "小米粒母婴旗舰店"})
	if _, err := im.SaveTemplate(ctx, importer.TemplateInput{Kind: importer.KindOrders, Platform: "taobao", Name: "订单分析",
		Header: r.Header, Columns: r.Guess}); err != nil {
		t.Fatal(err)
	}
	status := func() (string, string) {
		o := loadOrder(t, d, "2165437890123456790")
		return o.status, o.statusText
	}
	if r := im.ImportFile(ctx, first, importer.Options{ShopName: "小米粒母婴旗舰店"}); r.Error != "" || r.New != 1 {
		t.Fatalf("re-save import = %+v", r)
	}
	if s, text := status(); s != "unpaid" || text != "未付款（按付款时间推断）" {
		t.Fatalf("derived = %s %q", s, text)
	}
	// The platform's export says 交易成功: it replaces the derived status.
	orders := sampleOrders()[1:2]
	orders[0].Status, orders[0].PaidAt = "交易成功", "2026-11-22 00:00:00"
	platform := im.ImportFile(ctx, writeTaobao(t, "ExportOrderList.csv", orders, gbkText), importer.Options{})
	if platform.Error != "" || platform.Updated != 1 {
		t.Fatalf("platform import = %+v", platform)
	}
	if s, text := status(); s != "completed" || text != "交易成功" {
		t.Fatalf("after the platform export = %s %q", s, text)
	}
	// A later re-save (now paid) derives 已付款, but keeps the platform's 交易成功.
	again := im.ImportFile(ctx, resave("订单分析_2.csv", "2026-11-22 00:00:00"), importer.Options{ShopName: "小米粒母婴旗舰店"})
	if again.Error != "" {
		t.Fatalf("second re-save = %+v", again)
	}
	if s, text := status(); s != "completed" || text != "交易成功" {
		t.Fatalf("a derived status replaced the platform's: %s %q", s, text)
	}
	// Undo, newest first: the platform's status goes back to the derived one.
	for _, id := range []int64{again.BatchID, platform.BatchID} {
		if _, err := im.Undo(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if s, text := status(); s != "unpaid" || text != "未付款（按付款时间推断）" {
		t.Fatalf("after undo = %s %q", s, text)
	}
}
