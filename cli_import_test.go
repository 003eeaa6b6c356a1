package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// shopdesk import on the real files of issue 13 §1: the footer is named (text and
// footer_skipped), an order list without a status says how to make a template, and once
// there is one, that the status was derived (status_derived).
func TestImportCommandRealFiles(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "s.db")

	footer := filepath.Join(dir, "ExportOrderList.csv")
	o := exportfile.TaobaoOrder{OrderNo: "2165437890123456700", Buyer: "买家", Status: "交易成功", Title: "宝贝",
		Shop: "小米粒母婴旗舰店", PayFen: 1000, Items: 1, CreatedAt: "2026-11-21 10:00:00"}
	if err := exportfile.WriteCSV(footer, exportfile.TaobaoOrderHeader, [][]string{o.Row()},
		exportfile.CSVOptions{GBK: true, ExcelText: true, Footer: []string{"", "共 1 条记录"}}); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, "--db", dbPath, "import", "--dry-run", footer)
	if code != 0 || !strings.Contains(out, "跳过文件末尾 2 行：共 1 条记录") {
		t.Fatalf("footer, text: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "--db", dbPath, "import", "--json", footer)
	var res struct {
		New           int    `json:"new"`
		FooterSkipped int    `json:"footer_skipped"`
		Footer        string `json:"footer"`
		StatusDerived bool   `json:"status_derived"`
		TemplateHint  string `json:"template_hint"`
		Error         string `json:"error"`
	}
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil || res.New != 1 || res.FooterSkipped != 2 || res.Footer != "共 1 条记录" {
		t.Fatalf("footer, JSON: %d %s %v", code, out, err)
	}

	resave := filepath.Join(dir, "订单分析.csv")
	if err := exportfile.WriteCSV(resave, []string{"订单编号 ", "买家实际支付金额", "订单创建时间", "订单付款时间", "退款金额"},
		[][]string{{"2165437890123456701", "12.00", "2020/2/21 0:00", "2020/2/21 0:01", "0"}}, exportfile.CSVOptions{BOM: true}); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCLI(t, "--db", dbPath, "import", "--shop", "小米粒母婴旗舰店", resave)
	if code != 1 || !strings.Contains(out, "认不出") || !strings.Contains(out, "文件里有“订单编号”和“订单创建时间”列") ||
		!strings.Contains(out, "设置列对应") {
		t.Fatalf("unknown re-save, text: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "--db", dbPath, "import", "--json", "--shop", "小米粒母婴旗舰店", resave)
	if err := json.Unmarshal([]byte(out), &res); code != 1 || err != nil || !strings.Contains(res.TemplateHint, "设置列对应") {
		t.Fatalf("unknown re-save, JSON: %d %s", code, out)
	}

	// The template the mapping screen would save (the app's SaveTemplate).
	ctx := context.Background()
	d, err := db.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	im := importer.New(d)
	r := im.ImportFile(ctx, resave, importer.Options{DryRun: true})
	if _, err := im.SaveTemplate(ctx, importer.TemplateInput{Kind: importer.KindOrders, Platform: "taobao", Name: "订单分析",
		Header: r.Header, Columns: r.Guess}); err != nil {
		t.Fatal(err)
	}
	d.Close()
	code, out, _ = runCLI(t, "--db", dbPath, "import", "--shop", "小米粒母婴旗舰店", resave)
	if code != 0 || !strings.Contains(out, "新增 1") || !strings.Contains(out, "状态按付款时间推断") {
		t.Fatalf("re-save with a template, text: %d %s", code, out)
	}
}

// shopdesk import of a 抖店 export of product lines: the text and the JSON count orders
// beside rows (new/updated/unchanged keep meaning rows; orders_* are the orders), and
// `imports` says both; --shop still names the shop of a file without one, and a file
// whose second line names its shop goes there whatever --shop says.
func TestImportCommandCountsOrders(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "s.db")
	var rows [][]string
	for i := range 4 {
		o := exportfile.DouyinOrder{OrderNo: fmt.Sprintf("692000000000000%04d", i), SubOrderNo: fmt.Sprintf("692100000000000%04d", i),
			Title: "羊毛围巾", Status: "待发货", PriceFen: 100, PayFen: 100, Quantity: 1,
			CreatedAt: "2026-11-21 20:00:00", PaidAt: "2026-11-21 20:00:20"}
		rows = append(rows, o.Row())
		if i < 2 {
			o.SubOrderNo = fmt.Sprintf("692200000000000%04d", i)
			rows = append(rows, o.Row())
		}
	}
	file := filepath.Join(dir, "抖店订单.csv")
	if err := exportfile.WriteCSV(file, exportfile.DouyinSubOrderHeader, rows, exportfile.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, "--db", dbPath, "import", "--dry-run", "--shop", "暖暖抖音小店", file)
	if code != 0 || !strings.Contains(out, "4 个订单：新增 4，更新 0，未变 0（文件 6 行") {
		t.Fatalf("text: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "--db", dbPath, "import", "--json", "--shop", "暖暖抖音小店", file)
	var res map[string]any
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil {
		t.Fatalf("JSON: %d %s %v", code, out, err)
	}
	want := map[string]any{"kind": "orders", "rows": 6.0, "new": 6.0, "orders": 4.0, "orders_new": 4.0, "orders_updated": 0.0,
		"orders_unchanged": 0.0, "shop": "暖暖抖音小店", "shop_from": "named"}
	for k, v := range want {
		if res[k] != v {
			t.Errorf("%s = %v, want %v (%s)", k, res[k], v, out)
		}
	}
	code, out, _ = runCLI(t, "--db", dbPath, "imports")
	if code != 0 || !strings.Contains(out, "4 个订单：新增 4，更新 0，未变 0（6 行）") {
		t.Fatalf("imports: %d %s", code, out)
	}

	pdd := filepath.Join(dir, "拼多多订单.csv")
	p := exportfile.PDDOrder{OrderNo: "261121-123456789012345", Status: "待发货", Title: "抽纸", PayFen: 100, GoodsFen: 100, Quantity: 1,
		CreatedAt: "2026-11-21 08:00:00", PaidAt: "2026-11-21 08:00:05"}
	if err := exportfile.WriteCSV(pdd, exportfile.PDDOrderHeader, [][]string{p.Row()},
		exportfile.CSVOptions{Preamble: []string{"拼多多订单导出", "店铺：暖暖家居拼多多店"}}); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCLI(t, "--db", dbPath, "import", "--shop", "别的店", pdd)
	if code != 0 || !strings.Contains(out, "店铺 暖暖家居拼多多店（文件第 2 行写明）") || !strings.Contains(out, "1 个订单：新增 1") {
		t.Fatalf("preamble: %d %s", code, out)
	}
}
