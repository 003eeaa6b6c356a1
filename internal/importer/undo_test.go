package importer_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// snapshot renders every row of the data tables, so two states compare exactly. Not
// orders.import_fp: a cache of the values beside it (migration 00008), which undo clears
// rather than restores (TestFingerprintNeverHidesAChange shows what that must not break).
func snapshot(t *testing.T, d *db.DB) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"shop", "import_batch", "import_batch_shop", "orders", "order_item", "order_change", "refund", "refund_change"} {
		rows, err := d.SQL.Query("SELECT * FROM " + table + " ORDER BY 1, 2")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, c := range cols {
				if c == "import_fp" {
					vals[i] = "-"
				}
			}
			fmt.Fprintf(&b, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	return b.String()
}

func TestUndoRestoresThePreviousState(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	im := importer.New(d)
	empty := snapshot(t, d)

	orders := sampleOrders()
	first := im.ImportFile(ctx, writeTaobao(t, "a.csv", orders, exportfile.CSVOptions{GBK: true, ExcelText: true}), importer.Options{})
	if first.Error != "" {
		t.Fatal(first.Error)
	}
	afterFirst := snapshot(t, d)

	// A later export: one order shipped, one paid, a new order.
	orders[0].Status, orders[0].Carrier, orders[0].TrackingNo = "卖家已发货，等待买家确认", "中通快递", "78000000000001"
	orders[1].Status, orders[1].PaidAt = "买家已付款，等待卖家发货", "2026-11-22 00:10:00"
	orders = append(orders, exportfile.TaobaoOrder{OrderNo: "2165437890123456799", Buyer: "新买家", Status: "等待买家付款",
		Shop: "第三家店", Title: "新品", PayFen: 100, Items: 1, CreatedAt: "2026-11-22 08:00:00"})
	second := im.ImportFile(ctx, writeTaobao(t, "b.csv", orders, exportfile.CSVOptions{GBK: true, ExcelText: true}), importer.Options{})
	if second.Error != "" || second.New != 1 || second.Updated != 2 {
		t.Fatalf("second import = %+v", second)
	}

	if _, err := im.Undo(ctx, first.BatchID); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("#%d", second.BatchID)) {
		t.Fatalf("undoing the first batch under the second: %v", err)
	}
	if got := snapshot(t, d); got == afterFirst {
		t.Fatal("refused undo changed nothing visible? state equals the first import")
	}

	res, err := im.Undo(ctx, second.BatchID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Removed != 1 || res.Restored != 2 || res.File != "b.csv" {
		t.Fatalf("undo = %+v", res)
	}
	if got := snapshot(t, d); got != afterFirst {
		t.Fatalf("after undo:\n%s\nwant the state after the first import:\n%s", got, afterFirst)
	}
	if _, err := im.Undo(ctx, first.BatchID); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, d); got != empty {
		t.Fatalf("after undoing everything:\n%s\nwant empty", got)
	}
	if _, err := im.Undo(ctx, first.BatchID); err == nil || !strings.Contains(err.Error(), "没有编号") {
		t.Fatalf("undoing twice: %v", err)
	}
	// The same file can be imported again once its batch is undone.
	if again := im.ImportFile(ctx, writeTaobao(t, "a.csv", sampleOrders(), exportfile.CSVOptions{GBK: true, ExcelText: true}), importer.Options{}); again.Duplicate || again.New != 3 {
		t.Fatalf("re-import after undo = %+v", again)
	}
}

func TestUndoSubOrders(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	im := importer.New(d)
	if _, err := d.SQL.Exec(`INSERT INTO shop (platform, name) VALUES ('taobao', '暖暖家居小铺')`); err != nil {
		t.Fatal(err)
	}
	if r := im.ImportFile(ctx, writeQianniu(t, qianniuRows()), importer.Options{}); r.Error != "" {
		t.Fatal(r.Error)
	}
	before := snapshot(t, d)
	subs := qianniuRows()
	subs[1].RefundStatus, subs[1].RefundFen = "退款成功", 4590
	subs[0].Quantity, subs[0].PayFen = 3, 8970
	subs = append(subs, exportfile.QianniuSubOrder{SubOrderNo: "4002000000000000002", OrderNo: "4002000000000000000",
		Title: "枕套", Status: "卖家已发货，等待买家确认", PriceFen: 2000, Quantity: 2, PayFen: 4000,
		CreatedAt: "2026-11-18 20:00:00", PaidAt: "2026-11-18 20:01:00", Buyer: "王小二"})
	r := im.ImportFile(ctx, writeQianniu(t, subs), importer.Options{})
	if r.Error != "" || r.New != 1 || r.Updated != 2 {
		t.Fatalf("second import = %+v", r)
	}
	if _, err := im.Undo(ctx, r.BatchID); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, d); got != before {
		t.Fatalf("after undo:\n%s\nwant:\n%s", got, before)
	}
}
