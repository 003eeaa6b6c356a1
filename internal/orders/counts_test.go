package orders_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/pressly/goose/v3"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/orders"
	"shopdesk/internal/shop"
)

// The order numbers of testdata/exports/ExportOrderList202611211800.csv the refunds name.
const (
	toShipOrder    = "2165437890123456789" // 小米粒母婴旗舰店, to_ship, then shipped in the 0900 export
	twoRefundOrder = "6993387794102731478" // 小米粒母婴旗舰店, to_ship
	shippedOrder   = "8888621598945477128" // 小米粒母婴旗舰店, shipped, then completed
	completedOrder = "4098048364357870905" // 小米粒母婴旗舰店, completed
	otherOrder     = "7470889196649062586" // 小米粒母婴旗舰店, shipped
)

func refund(orderNo, refundNo, status string) exportfile.TaobaoRefund {
	return exportfile.TaobaoRefund{OrderNo: orderNo, RefundNo: refundNo, Title: "婴儿湿巾", Status: status,
		GoodsStatus: "买家未收到货", Reason: "不想要了", PayFen: 14970, RefundFen: 14970,
		PaidAt: "2026-11-12 06:31:44", AppliedAt: "2026-11-21 12:30:00", DeadlineAt: "2026-11-23 12:30:00"}
}

// writeRefunds writes a 退款报表 as the back office does (GBK, ="…" cells).
func writeRefunds(t *testing.T, name string, rs ...exportfile.TaobaoRefund) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	rows := make([][]string, len(rs))
	for i, r := range rs {
		rows[i] = r.Row(exportfile.TaobaoRefundHeader)
	}
	if err := exportfile.WriteCSV(path, exportfile.TaobaoRefundHeader, rows,
		exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	return path
}

// order_day_count and order_open_refund stay equal to a count of the orders and refunds
// through everything that writes them: refunds imported before their orders, the real
// exports of testdata imported and imported again with changed statuses, refunds that
// close, reopen, move to another order or go, a second platform, undo of each import,
// and shops merged and deleted in SQL. After each step the page's counts of a few filters
// are the orders' counts too.
func TestCountsFollowEveryWrite(t *testing.T) {
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(t.TempDir(), "shop.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	im := importer.New(d)
	xiaomi, err := shop.New(d).Create(ctx, "taobao", "小米粒母婴旗舰店")
	if err != nil {
		t.Fatal(err)
	}
	batches := map[string]int64{}
	importFile := func(key, path string, opts importer.Options) func(t *testing.T) {
		return func(t *testing.T) {
			r := im.ImportFile(ctx, path, opts)
			if r.Error != "" || r.BatchID == 0 {
				t.Fatalf("import %s: %+v", path, r)
			}
			batches[key] = r.BatchID
		}
	}
	undo := func(key string) func(t *testing.T) {
		return func(t *testing.T) {
			if _, err := im.Undo(ctx, batches[key]); err != nil {
				t.Fatalf("undo %s: %v", key, err)
			}
		}
	}
	exec := func(stmts ...string) func(t *testing.T) {
		return func(t *testing.T) {
			for _, s := range stmts {
				if _, err := d.SQL.ExecContext(ctx, s); err != nil {
					t.Fatalf("%s: %v", s, err)
				}
			}
		}
	}
	openRefunds := func(t *testing.T, want int64) {
		t.Helper()
		if n := recount(t, d.SQL, orders.Query{OpenRefund: true}); n != want {
			t.Fatalf("%d orders with an open refund, the step should leave %d", n, want)
		}
	}
	exports := func(name string) string { return filepath.Join("..", "..", "testdata", "exports", name) }

	steps := []struct {
		name string
		do   func(t *testing.T)
		open int64 // orders with an open refund after the step: the step did what it says
	}{
		{"refunds before their orders", importFile("refunds1", writeRefunds(t, "退款报表1.csv",
			refund(toShipOrder, "168000000000000001", "买家已经申请退款，等待卖家同意"),
			refund(twoRefundOrder, "168000000000000002", "买家已经申请退款，等待卖家同意"),
			refund(twoRefundOrder, "168000000000000003", "卖家同意退款，等待买家退货"),
			refund(completedOrder, "168000000000000004", "退款成功"),
			refund("9999000000000000001", "168000000000000005", "买家已经申请退款，等待卖家同意"),
		), importer.Options{ShopID: xiaomi.ID}), 0},
		{"the orders arrive", importFile("orders1", exports("ExportOrderList202611211800.csv"), importer.Options{}), 2},
		{"statuses change", importFile("orders2", exports("ExportOrderList202611220900.csv"), importer.Options{}), 2},
		{"refunds close and open", importFile("refunds2", writeRefunds(t, "退款报表2.csv",
			refund(toShipOrder, "168000000000000001", "退款成功"),
			refund(twoRefundOrder, "168000000000000002", "退款关闭"),
			refund(shippedOrder, "168000000000000006", "买家已经申请退款，等待卖家同意"),
		), importer.Options{ShopID: xiaomi.ID}), 2},
		{"another platform", func(t *testing.T) {
			if _, err := shop.New(d).Create(ctx, "jd", "京东自营旗舰店"); err != nil {
				t.Fatal(err)
			}
			importFile("jd", exports("京东订单导出_20261121.csv"), importer.Options{})(t)
		}, 2},
		{"a refund moves to another order", exec(
			`UPDATE refund SET order_no = '` + otherOrder + `' WHERE refund_no = '168000000000000003'`), 2},
		{"a refund reopens", exec(
			`UPDATE refund SET status = 'open' WHERE refund_no = '168000000000000002'`), 3},
		{"an order's day changes", exec(
			`UPDATE orders SET created_at = '2026-10-31 23:59:59' WHERE order_no = '` + shippedOrder + `'`), 3},
		{"a refund is deleted", exec(`DELETE FROM refund WHERE refund_no = '168000000000000006'`), 2},
		{"undo the refund changes", undo("refunds2"), 3},
		{"undo the status changes", undo("orders2"), 3},
		{"undo the orders", undo("orders1"), 0},
		{"the orders again", importFile("orders1", exports("ExportOrderList202611211800.csv"), importer.Options{}), 3},
		{"shops merged in SQL", exec(
			`UPDATE orders SET shop_id = `+fmt.Sprint(xiaomi.ID)+` WHERE shop_id = (SELECT id FROM shop WHERE name = '暖暖家居小铺')`,
			`UPDATE refund SET shop_id = `+fmt.Sprint(xiaomi.ID)+` WHERE shop_id = (SELECT id FROM shop WHERE name = '暖暖家居小铺')`,
			`DELETE FROM import_batch_shop WHERE shop_id = (SELECT id FROM shop WHERE name = '暖暖家居小铺')`,
			`DELETE FROM shop WHERE name = '暖暖家居小铺'`), 3},
		{"undo the orders and the refunds", func(t *testing.T) {
			undo("orders1")(t)
			undo("jd")(t)
			undo("refunds1")(t)
		}, 0},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			step.do(t)
			openRefunds(t, step.open)
			if diff := countsMismatch(t, d.SQL); diff != "" {
				t.Fatal(diff)
			}
			var shops []int64
			if err := func() error {
				rows, err := d.SQL.Query(`SELECT id FROM shop`)
				if err != nil {
					return err
				}
				defer rows.Close()
				for rows.Next() {
					var id int64
					if err := rows.Scan(&id); err != nil {
						return err
					}
					shops = append(shops, id)
				}
				return rows.Err()
			}(); err != nil {
				t.Fatal(err)
			}
			for _, id := range append(shops, 0) {
				for _, q := range []orders.Query{{ShopID: id}, {ShopID: id, OpenRefund: true},
					{ShopID: id, Status: "shipped"}, {ShopID: id, Status: "to_ship", OpenRefund: true},
					{ShopID: id, From: "2026-11-12", To: "2026-11-17"}} {
					p, err := orders.List(ctx, d.SQL, q)
					if err != nil {
						t.Fatal(err)
					}
					if n := recount(t, d.SQL, q); p.Total != n || int64(len(p.Rows)) != n {
						t.Errorf("%+v: Total %d, %d rows; %d orders match", q, p.Total, len(p.Rows), n)
					}
				}
			}
		})
	}
}

// A database of before migration 00012 gets its counts in the migration: orders over
// several days, shops and statuses, one with two open refunds, one whose refunds are all
// closed, an open refund of an order never imported.
func TestMigrationCountsTheOrdersOfBefore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	provider, err := goose.NewProvider(goose.DialectSQLite3, old, os.DirFS(filepath.Join("..", "..", "db", "migrations")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := provider.UpTo(ctx, 11); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`INSERT INTO shop (id, platform, name) VALUES (1, 'taobao', '甲店'), (2, 'pdd', '乙店')`,
		`INSERT INTO import_batch (id, file_name, file_sha256, file_size, platform, format, started_at, finished_at)
		 VALUES (1, 'old.csv', 'x', 1, 'taobao', 'taobao_orders_csv', '', '')`,
		`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 500)
		 INSERT INTO orders (shop_id, order_no, buyer, status, created_at, first_batch_id, last_batch_id)
		 SELECT 1 + i % 2, printf('3%018d', i), 'buyer' || (i % 40),
		        CASE i % 4 WHEN 0 THEN 'to_ship' WHEN 1 THEN 'shipped' WHEN 2 THEN 'completed' ELSE 'closed' END,
		        datetime('2026-10-01', '+' || (i * 3571) || ' seconds'), 1, 1
		 FROM seq`,
		`INSERT INTO refund (shop_id, refund_no, order_no, status, first_batch_id, last_batch_id)
		 SELECT shop_id, 'A' || id, order_no, CASE WHEN id % 3 = 0 THEN 'open' ELSE 'closed' END, 1, 1
		 FROM orders WHERE id % 7 = 0`,
		`INSERT INTO refund (shop_id, refund_no, order_no, status, first_batch_id, last_batch_id)
		 SELECT shop_id, 'B' || id, order_no, 'open', 1, 1 FROM orders WHERE id % 21 = 0`,
		`INSERT INTO refund (shop_id, refund_no, order_no, status, first_batch_id, last_batch_id)
		 VALUES (1, 'C1', '3999999999999999999', 'open', 1, 1)`,
	} {
		if _, err := old.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	old.Close()

	d, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if diff := countsMismatch(t, d.SQL); diff != "" {
		t.Fatal(diff)
	}
	var days, open int64
	d.SQL.QueryRow(`SELECT count(DISTINCT day), sum(n_open_refund) FROM order_day_count`).Scan(&days, &open)
	if days < 20 || open != recount(t, d.SQL, orders.Query{OpenRefund: true}) || open == 0 {
		t.Fatalf("%d days, %d orders with an open refund counted", days, open)
	}
}
