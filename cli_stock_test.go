package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"shopdesk/internal/exportfile"
)

// `shopdesk import` recognises a stock sheet, and `shopdesk stock --at DATE --json` prints
// one object per SKU with exactly the keys: every status once, by hand.
func TestStockCommand(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "shop.db")
	sheet := filepath.Join(dir, "库存表.csv")
	if err := exportfile.WriteCSV(sheet, []string{"商家编码", "商品名称", "库存", "盘点时间"}, [][]string{
		{"A", "连体衣", "100", "2026-11-01 09:00:00"},
		{"B", "辅食碗", "0", "2026-11-01 09:00:00"},
		{"C", "毛毯", "500", "2026-11-01 09:00:00"},
		{"D", "凉席", "20", "2026-10-01 09:00:00"},
		{"E", "马克杯", "10", "2026-11-01 09:00:00"},
	}, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "--db", dbPath, "import", sheet)
	if code != 0 || !strings.Contains(out, "库存表") || strings.Contains(out, "店铺") || !strings.Contains(out, "新增 5") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	sale := func(no, sku string, qty int, paid string) []string {
		return exportfile.QianniuSubOrder{SubOrderNo: no + "1", OrderNo: no, Title: "商品" + sku, Status: "交易成功", SkuCode: sku,
			PriceFen: 1000, Quantity: qty, PayFen: 1000 * int64(qty), CreatedAt: paid, PaidAt: paid, ShippedAt: paid,
			TrackingNo: "YT" + no, Carrier: "圆通速递", Buyer: "买家"}.Row()
	}
	orders := filepath.Join(dir, "千牛.xlsx")
	if err := exportfile.WriteXLSX(orders, "订单列表", exportfile.QianniuSubOrderHeader, [][]string{
		sale("3100000000000000001", "A", 14, "2026-11-15 10:00:00"),
		sale("3100000000000000002", "C", 14, "2026-11-15 11:00:00"),
		sale("3100000000000000003", "E", 7, "2026-11-20 10:00:00"),
	}); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCLI(t, "--db", dbPath, "import", "--shop", "淘宝小铺", orders); code != 0 {
		t.Fatalf("import orders: %q %q", out, errOut)
	}

	code, out, errOut = runCLI(t, "--db", dbPath, "stock", "--at", "2026-11-22", "--json")
	if code != 0 {
		t.Fatalf("stock: %d %q", code, errOut)
	}
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	keys := []string{"avg_daily_14", "avg_daily_30", "avg_daily_7", "days_left", "name", "on_hand", "reorder_qty", "sku", "status"}
	for _, m := range raw {
		var got []string
		for k := range m {
			got = append(got, k)
		}
		sort.Strings(got)
		if !slices.Equal(got, keys) {
			t.Fatalf("keys %v, want %v", got, keys)
		}
	}
	type skuLine struct {
		SKU        string   `json:"sku"`
		OnHand     int64    `json:"on_hand"`
		Avg14      float64  `json:"avg_daily_14"`
		Avg30      float64  `json:"avg_daily_30"`
		DaysLeft   *float64 `json:"days_left"`
		ReorderQty int64    `json:"reorder_qty"`
		Status     string   `json:"status"`
	}
	var rows []skuLine
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	f := func(v float64) *float64 { return &v }
	// A: 14 in 14 days = 1 a day, 86 left = 86 days. B: nothing: out, no figure. C: 486
	// days: overstock. D: unsold since 10-01: slow. E: 7 in 14 days = 0.5 a day; 3 left is
	// below 7 x 0.5; (7 + 14) x 0.5 - 3 = 7.5 -> 8. A and C have 22 days of history: 14/22.
	want := map[string]skuLine{
		"A": {"A", 86, 1, 14.0 / 22, f(86), 0, "ok"},
		"B": {"B", 0, 0, 0, nil, 0, "out"},
		"C": {"C", 486, 1, 14.0 / 22, f(486), 0, "overstock"},
		"D": {"D", 20, 0, 0, nil, 0, "slow"},
		"E": {"E", 3, 0.5, 7.0 / 22, f(6), 8, "reorder"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows: %s", len(rows), out)
	}
	for _, r := range rows {
		w := want[r.SKU]
		if r.OnHand != w.OnHand || r.Avg14 != w.Avg14 || r.Avg30 != round(w.Avg30, 2) || r.ReorderQty != w.ReorderQty ||
			r.Status != w.Status || (r.DaysLeft == nil) != (w.DaysLeft == nil) || (r.DaysLeft != nil && *r.DaysLeft != *w.DaysLeft) {
			t.Errorf("%s: got %+v (days %v), want %+v (days %v)", r.SKU, r, deref(r.DaysLeft), w, deref(w.DaysLeft))
		}
	}
	// The most pressing first.
	if rows[0].Status != "out" || rows[1].Status != "reorder" {
		t.Errorf("order: %s", out)
	}
	if !strings.Contains(out, `"days_left":null`) {
		t.Errorf("no null days_left in %s", out)
	}

	code, out, _ = runCLI(t, "--db", dbPath, "stock", "--at", "2026-11-22")
	if code != 0 || !strings.Contains(out, "缺货  B") || !strings.Contains(out, "滞销  D") {
		t.Fatalf("text: %q", out)
	}
	if code, _, errOut := runCLI(t, "--db", dbPath, "stock", "--at", "11/22"); code != 2 || !strings.Contains(errOut, "不是日期") {
		t.Fatalf("bad date: %d %q", code, errOut)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
