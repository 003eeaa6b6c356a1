package importer_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/stock"
)

// Stock sheets (库存表) through the engine: the seller's own files, written the ways sellers
// write them (GBK CSV from an ERP, xlsx, placeholders, a total line at the end, a title above
// the header), and the messages when a cell does not read.

type stockWant struct {
	code, name, supplier string
	onHand, costFen      int64
	safety               int64
}

// stockItems reads the SKUs with their on hand (as of the end of time).
func stockItems(t *testing.T, d *db.DB) map[string]stockWant {
	t.Helper()
	ctx := context.Background()
	bal, err := stock.Balances(ctx, d.Queries(), nil, "9999-12-31 23:59:59")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := d.SQL.Query(`SELECT id, code, name, supplier, cost_fen, safety_stock FROM stock_item`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]stockWant{}
	for rows.Next() {
		var id int64
		var w stockWant
		if err := rows.Scan(&id, &w.code, &w.name, &w.supplier, &w.costFen, &w.safety); err != nil {
			t.Fatal(err)
		}
		w.onHand = bal[id].OnHand
		out[w.code] = w
	}
	return out
}

func TestStockSheetVariants(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		make   fileMaker
		want   []stockWant
		footer int
	}{
		{"ERP 导出 CSV (GBK, =\"…\"): 商家编码 库存 商品名称 成本价",
			mfCSV("库存表.csv", []string{"商家编码", "商品名称", "规格", "库存", "成本价"}, [][]string{
				{"6901234567890", "婴儿湿巾 80抽", "10包", "120", "19.00"},
				{"MY-HY-066", "连体衣", "66码", "0", "23.50"},
			}, gbkText),
			[]stockWant{{code: "6901234567890", name: "婴儿湿巾 80抽", onHand: 120, costFen: 1900}, {code: "MY-HY-066", name: "连体衣", costFen: 2350}}, 0},
		{"xlsx: 货号 可用库存 安全库存 供应商",
			mfXLSX("库存.xlsx", []string{"货号", "品名", "可用库存", "安全库存", "供应商"}, [][]string{
				{"A-01", "马克杯", "35", "5", "景德镇陶瓷"},
				{"A-02", "收纳箱", "-3", "", ""},
			}),
			[]stockWant{{code: "A-01", name: "马克杯", onHand: 35, safety: 5, supplier: "景德镇陶瓷"}, {code: "A-02", name: "收纳箱", onHand: -3}}, 0},
		{"SKU编码 数量, placeholders in 成本价 and 安全库存 read as not given",
			mfCSV("sku.csv", []string{"SKU编码", "数量", "成本价", "安全库存"}, [][]string{
				{"B-1", "7", "-", "暂无"},
				{"B-2", "1,200", "N/A", "--"},
			}, exportfile.CSVOptions{BOM: true}),
			[]stockWant{{code: "B-1", onHand: 7}, {code: "B-2", onHand: 1200}}, 0},
		{"a total line and the export time after the data, a title above the header",
			mfCSV("盘点结果.csv", []string{"商家编码", "实际库存", "库存"}, [][]string{
				{"C-1", "10", "12"},
				{"C-2", "4", "4"},
				{"合计", "14", "16"},
				{"2026-11-22 09:00:00"},
			}, exportfile.CSVOptions{Preamble: []string{"店铺库存表（导出于 2026-11-22）"}}),
			[]stockWant{{code: "C-1", onHand: 10}, {code: "C-2", onHand: 4}}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := openDB(t)
			path := tc.make(t, t.TempDir())
			res := importer.New(d).ImportFile(ctx, path, importer.Options{})
			if res.Error != "" {
				t.Fatalf("import: %s", res.Error)
			}
			if res.Platform != "" || res.Shop != "" || res.New != len(tc.want) || res.FooterSkipped != tc.footer {
				t.Fatalf("result %+v", res)
			}
			got := stockItems(t, d)
			for _, w := range tc.want {
				if g := got[w.code]; g != w {
					t.Errorf("%s: got %+v, want %+v", w.code, g, w)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("%d SKUs, want %d: %v", len(got), len(tc.want), got)
			}
		})
	}
}

func TestStockSheetErrors(t *testing.T) {
	ctx := context.Background()
	header := []string{"商家编码", "商品名称", "库存", "成本价", "箱规"}
	tests := []struct {
		name string
		rows [][]string
		want []string // every part must be in the message
	}{
		{"blank stock", [][]string{{"A", "杯子", "3", "", ""}, {"B", "碗", "", "", ""}},
			[]string{"库存表.csv", "第 3 行", "“库存”列", "是空的"}},
		{"not a number", [][]string{{"A", "杯子", "十件", "", ""}}, []string{"第 2 行", "“库存”列的值“十件”"}},
		{"bad money", [][]string{{"A", "杯子", "3", "12元5角", ""}}, []string{"第 2 行", "“成本价”列的值“12元5角”"}},
		{"pack below 1", [][]string{{"A", "杯子", "3", "", "0"}}, []string{"第 2 行", "“箱规”列的值“0”", "不能小于 1"}},
		{"a code twice", [][]string{{"A", "杯子", "3", "", ""}, {"A", "杯子", "4", "", ""}},
			[]string{"第 3 行", "“A”", "第 2 行已经出现过"}},
		{"no code", [][]string{{"", "杯子", "3", "", ""}}, []string{"第 2 行", "“商家编码”列", "是空的"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := openDB(t)
			path := mfCSV("库存表.csv", header, tc.rows, gbkText)(t, t.TempDir())
			res := importer.New(d).ImportFile(ctx, path, importer.Options{})
			for _, w := range tc.want {
				if !strings.Contains(res.Error, w) {
					t.Errorf("error %q lacks %q", res.Error, w)
				}
			}
			if res.ErrorCode != importer.ErrCodeBadValue {
				t.Errorf("code %q", res.ErrorCode)
			}
			// All or nothing: not one SKU or movement.
			if n := count(t, d, "stock_item") + count(t, d, "stock_move") + count(t, d, "import_batch"); n != 0 {
				t.Errorf("%d rows written by a refused file", n)
			}
		})
	}
}

// A stock sheet and an order export are told apart by their headers: the order exports
// that carry a code and a quantity column (1688: 货号, 数量) are still orders, and the count
// sheet Shopdesk exports is a count sheet.
func TestStockSheetRecognition(t *testing.T) {
	tests := []struct {
		header []string
		want   string
	}{
		{[]string{"商家编码", "库存"}, "stock_sheet"},
		{[]string{"货号", "库存数量", "颜色"}, "stock_sheet"},
		{[]string{"SKU编码", "实际库存", "可用库存"}, "stock_sheet"},
		{exportfile.Order1688Header, "1688_orders_xlsx"},
		{exportfile.QianniuSubOrderHeader, "taobao_suborders_xlsx"},
		{exportfile.TaobaoItemReportHeader, "taobao_item_report_csv"},
		{[]string{"商家编码", "库存", "订单号"}, ""},
		{stock.CountSheetHeader, "stock_count_sheet"},
		{[]string{"商家编码", "商品名称"}, ""},
	}
	for _, tc := range tests {
		if got := importer.MatchHeader(tc.header); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.header, got, tc.want)
		}
	}
}

// A stock sheet names no shop: a shop chosen for the other files of a drop neither applies
// to it nor is remembered for its header.
func TestStockSheetHasNoShop(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	im := importer.New(d)
	orders := writeTaobao(t, "ExportOrderList1.csv", sampleOrders(), gbkText)
	if r := im.ImportFile(ctx, orders, importer.Options{}); r.Error != "" {
		t.Fatal(r.Error)
	}
	var shopID int64
	if err := d.SQL.QueryRow(`SELECT min(id) FROM shop`).Scan(&shopID); err != nil {
		t.Fatal(err)
	}
	path := mfXLSX("库存表.xlsx", []string{"商家编码", "库存"}, [][]string{{"A", "1"}})(t, t.TempDir())
	r := im.ImportFile(ctx, path, importer.Options{ShopID: shopID})
	if r.Error != "" || r.Shop != "" || r.Platform != "" || r.ShopRemembered {
		t.Fatalf("%+v", r)
	}
	if n := count(t, d, "import_shop_choice"); n != 0 {
		t.Fatalf("%d shop choices remembered for a stock sheet", n)
	}
	batches, err := importer.ListBatches(ctx, d.SQL, 10)
	if err != nil || batches[0].Platform != "" || batches[0].ShopName != "" || batches[0].Level != "stock" {
		t.Fatalf("%+v %v", batches[0], err)
	}
}

// A sheet no layout knows becomes a template of the stock kind: of no platform, whatever
// the screen sent.
func TestStockTemplate(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	im := importer.New(d)
	header := []string{"存货编码", "存货名称", "现存量", "单价"}
	path := mfXLSX("用友库存.xlsx", header, [][]string{{"X1", "毛毯", "40", "26.00"}, {"X2", "凉席", "0", "45"}})(t, t.TempDir())
	r := im.ImportFile(ctx, path, importer.Options{})
	if r.ErrorCode != importer.ErrCodeUnknownFormat || !slices.Equal(r.Header, header) {
		t.Fatalf("%+v", r)
	}
	tpl, err := im.SaveTemplate(ctx, importer.TemplateInput{File: r.File, Kind: importer.KindStock, Platform: "taobao",
		Name: "用友库存", Header: r.Header, Columns: map[string][]string{"sku_code": {"存货编码"}, "on_hand": {"现存量"},
			"sku_name": {"存货名称"}, "cost": {"单价"}}})
	if err != nil {
		t.Fatal(err)
	}
	if tpl.Platform != "" || tpl.Level != "stock" || tpl.Kind != importer.KindStock {
		t.Fatalf("template %+v", tpl)
	}
	r = im.ImportFile(ctx, path, importer.Options{})
	if r.Error != "" || r.New != 2 || r.Platform != "" {
		t.Fatalf("%+v", r)
	}
	if got := stockItems(t, d)["X1"]; got.onHand != 40 || got.costFen != 2600 || got.name != "毛毯" {
		t.Fatalf("%+v", got)
	}
	// A template must map the code and the quantity.
	_, err = im.SaveTemplate(ctx, importer.TemplateInput{File: r.File, Kind: importer.KindStock, Name: "缺数量",
		Header: header, Columns: map[string][]string{"sku_code": {"存货编码"}}})
	if err == nil || !strings.Contains(err.Error(), "库存数量") {
		t.Fatalf("%v", err)
	}
}

// Undo takes a sheet back: its movements go, the SKUs it made go, and a field it changed
// comes back unless someone changed it since.
func TestStockSheetUndo(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	im := importer.New(d)
	dir := t.TempDir()
	header := []string{"商家编码", "商品名称", "库存", "成本价", "供应商"}
	first := mfCSV("库存1.csv", header, [][]string{{"A", "杯子", "10", "9.00", "甲"}, {"B", "碗", "5", "3.00", "乙"}}, gbkText)(t, dir)
	second := mfCSV("库存2.csv", header, [][]string{{"A", "杯子", "8", "9.50", "丙"}, {"C", "盘子", "2", "", ""}}, gbkText)(t, dir)
	r1 := im.ImportFile(ctx, first, importer.Options{})
	r2 := im.ImportFile(ctx, second, importer.Options{})
	if r1.Error != "" || r2.Error != "" || r2.New != 1 || r2.Updated != 1 {
		t.Fatalf("%+v %+v", r1, r2)
	}
	// The seller changes A's supplier by hand after the second sheet.
	if _, err := d.SQL.Exec(`UPDATE stock_item SET supplier = '丁' WHERE code = 'A'`); err != nil {
		t.Fatal(err)
	}
	u, err := im.Undo(ctx, r2.BatchID)
	if err != nil {
		t.Fatal(err)
	}
	if u.Level != "stock" || u.StockMovesRemoved != 2 || u.StockItemsRemoved != 1 || u.StockItemsRestored != 1 {
		t.Fatalf("undo %+v", u)
	}
	got := stockItems(t, d)
	if a := got["A"]; a.onHand != 10 || a.costFen != 900 || a.supplier != "丁" {
		t.Fatalf("A after undo: %+v", a)
	}
	if _, ok := got["C"]; ok || len(got) != 2 {
		t.Fatalf("SKUs after undo: %v", got)
	}
	if _, err := im.Undo(ctx, r1.BatchID); err != nil {
		t.Fatal(err)
	}
	if n := count(t, d, "stock_item") + count(t, d, "stock_move"); n != 0 {
		t.Fatalf("%d rows left after undoing both sheets", n)
	}
}

// The preview of a stock sheet shows its columns as read.
func TestPreviewStockSheet(t *testing.T) {
	d := openDB(t)
	path := filepath.Join(t.TempDir(), "库存.xlsx")
	f := excelize.NewFile()
	for i, row := range [][]any{{"商家编码", "商品名称", "库存", "备注"}, {"0012", "杯子", 3, "x"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p := importer.New(d).PreviewFile(context.Background(), path, importer.Options{})
	if p.Result.Error != "" || p.Result.FormatName != "库存表" || !slices.Equal(p.Columns, []string{"商家编码", "商品名称", "库存"}) ||
		len(p.Rows) != 1 || !slices.Equal(p.Rows[0], []string{"0012", "杯子", "3"}) {
		t.Fatalf("%+v", p)
	}
	if n := count(t, d, "stock_item"); n != 0 {
		t.Fatalf("a preview wrote %d SKUs", n)
	}
}
