package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"shopdesk/internal/exportfile"
)

// `shopdesk checklist --at … --json` prints the date and the items with exactly the issue's
// keys, counted by hand; --html writes one self-contained print file; nothing is kept.
func TestChecklistCommand(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "shop.db")
	order := func(no, status string, fen int64, created, paid string) []string {
		return exportfile.TaobaoOrder{OrderNo: no, Buyer: "买家" + no, Status: status, Title: "加厚珊瑚绒毛毯", Shop: "暖暖家居小铺",
			PayFen: fen, Items: 1, CreatedAt: created, PaidAt: paid, Address: "浙江省 杭州市 西湖区 文三路 1 号"}.Row()
	}
	orders := filepath.Join(dir, "ExportOrderList202611220900.csv")
	if err := exportfile.WriteCSV(orders, exportfile.TaobaoOrderHeader, [][]string{
		order("T-Y1", "交易成功", 12000, "2026-11-21 10:00:00", "2026-11-21 10:01:00"),
		order("T-Y2", "交易成功", 5000, "2026-11-21 11:00:00", "2026-11-21 11:01:00"),
		order("T-OVER", "买家已付款，等待卖家发货", 5000, "2026-11-19 08:00:00", "2026-11-19 08:01:00"),
		order("T-UNPAID", "等待买家付款", 5000, "2026-11-22 06:00:00", ""),
	}, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	sheet := filepath.Join(dir, "库存表.csv")
	if err := exportfile.WriteCSV(sheet, []string{"商家编码", "商品名称", "库存", "盘点时间"}, [][]string{
		{"A", "连体衣", "0", "2026-11-01 09:00:00"},
		{"B", "辅食碗", "5", "2026-11-01 09:00:00"},
	}, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{orders, sheet} {
		if code, out, errOut := runCLI(t, "--db", dbPath, "import", f); code != 0 {
			t.Fatalf("import %s: %q %q", f, out, errOut)
		}
	}

	code, out, errOut := runCLI(t, "--db", dbPath, "checklist", "--at", "2026-11-22 09:00", "--json")
	if code != 0 {
		t.Fatalf("checklist: %d %q", code, errOut)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(raw) != 2 || string(raw["date"]) != `"2026-11-22"` {
		t.Fatalf("top level: %s", out)
	}
	var items []map[string]any
	if err := json.Unmarshal(raw["items"], &items); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		var keys []string
		for k := range it {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, []string{"count", "done", "section", "source", "title"}) {
			t.Fatalf("keys %v", keys)
		}
		got = append(got, it["section"].(string)+" "+it["title"].(string)+" "+jsonText(it["count"])+" "+jsonText(it["done"])+" "+it["source"].(string))
	}
	want := []string{
		"orders 昨日订单：暖暖家居小铺 2 false orders",
		"orders 超时未发货 1 false anomaly",
		"orders 待催付 1 false anomaly",
		"stock 缺货 1 false stock",
		// 11-21's 2 orders and 170.00 against a week with one order of 50.00 (11-19).
		"metrics 店铺数据异常波动（昨日比 7 日均值） 2 false metrics",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	page := filepath.Join(dir, "清单.html")
	if code, out, errOut := runCLI(t, "--db", dbPath, "checklist", "--at", "2026-11-22 09:00", "--html", page); code != 0 || !strings.Contains(out, page) {
		t.Fatalf("html: %d %q %q", code, out, errOut)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	for _, s := range []string{"今日清单 · 2026-11-22 周日", "店铺：暖暖家居小铺", "size: A4 portrait", "超时未发货", "T-OVER", "缺货"} {
		if !strings.Contains(html, s) {
			t.Errorf("the print file lacks %q", s)
		}
	}
	for _, s := range []string{"src=", "href=", "@import", "url("} {
		if strings.Contains(html, s) {
			t.Errorf("the print file is not self-contained: %q", s)
		}
	}
	// --at keeps nothing: no kept day.
	if code, out, _ := runCLI(t, "--db", dbPath, "checklist", "--date", "2026-11-21"); code != 0 || !strings.Contains(out, "没有要处理") {
		t.Fatalf("a past day not kept: %d %q", code, out)
	}
	if code, _, errOut := runCLI(t, "--db", dbPath, "checklist", "--json", "--html", page); code != 2 || !strings.Contains(errOut, "用法") {
		t.Fatalf("--json with --html: %d %q", code, errOut)
	}
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
