package shop_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/shop"
)

// benchOrders is the orders of each of the two shops (SHOPDESK_BENCH_ORDERS overrides).
func benchOrders() int {
	if n, err := strconv.Atoi(os.Getenv("SHOPDESK_BENCH_ORDERS")); err == nil && n > 0 {
		return n
	}
	return 200_000
}

// BenchmarkMerge merges one Taobao shop into another (each with benchOrders orders of one
// item, a tenth of the order numbers in both, inserted with SQL), undoes the merge, and
// deletes a shop, through shop.Store as the 店铺 page does. The reference, in the same run
// on the same data: the bare move of as many orders (UPDATE orders SET shop_id, and back).
// Figures, not a timed assertion.
//
// Measured 2026-12 (2 shared cores, 200,000 orders a shop): merge 6.3 s (0.58x the floor of
// moving as many orders there and back, i.e. about one bare move), undo 16 s (1.5x),
// delete 15 s (1.4x). The seller waits on the dialog's spinner; a shop of a few tens of
// thousands of orders takes a second or two.
func BenchmarkMerge(b *testing.B) {
	for range b.N {
		b.StopTimer()
		d := benchDB(b)
		b.StartTimer()
		mergeRound(b, d)
		d.Close()
	}
}

// benchDB makes three Taobao shops of benchOrders orders (with one item each); shop 2
// shares a tenth of its order numbers with shop 1, shop 3 none.
func benchDB(b *testing.B) *db.DB {
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	n := benchOrders()
	overlap := n / 10
	seed := []string{
		`INSERT INTO shop (id, platform, name) VALUES (1, 'taobao', '甲店'), (2, 'taobao', '乙店'), (3, 'taobao', '丙店')`,
		`INSERT INTO import_batch (id, file_name, file_sha256, file_size, platform, format, started_at, finished_at)
		 VALUES (1, 'bench.csv', 'x', 1, 'taobao', 'taobao_orders_csv', '2026-01-01 00:00:00', '2026-01-01 00:00:00')`,
		`INSERT INTO import_batch_shop (batch_id, shop_id) VALUES (1, 1), (1, 2), (1, 3)`,
		`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ` + strconv.Itoa(3*n) + `)
		 INSERT INTO orders (id, shop_id, order_no, buyer, status, pay_fen, title, item_count, created_at, paid_at,
		                     first_batch_id, last_batch_id)
		 SELECT i, 1 + (i - 1) / ` + strconv.Itoa(n) + `,
		        printf('21654378%011d', CASE WHEN i > ` + strconv.Itoa(n) + ` AND i <= ` + strconv.Itoa(2*n) + ` THEN i - ` + strconv.Itoa(overlap) + ` ELSE i END),
		        'buyer' || (i % 5000), 'completed', 3000 + i % 20000, '宝贝标题', 1,
		        datetime('2025-01-01', '+' || (i * 60) || ' seconds'), datetime('2025-01-01', '+' || (i * 60 + 120) || ' seconds'), 1, 1
		 FROM seq`,
		`INSERT INTO order_item (order_id, sub_order_no, title, quantity, pay_fen, first_batch_id, last_batch_id)
		 SELECT id, order_no || '1', title, 1, pay_fen, 1, 1 FROM orders`,
		`ANALYZE`,
	}
	for _, q := range seed {
		if _, err := d.SQL.ExecContext(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	return d
}

func mergeRound(b *testing.B, d *db.DB) {
	ctx := context.Background()
	n := benchOrders()
	store := shop.New(d)
	timed := func(name string, fn func() error) time.Duration {
		t0 := time.Now()
		if err := fn(); err != nil {
			b.Fatalf("%s: %v", name, err)
		}
		return time.Since(t0)
	}
	exec := func(q string, args ...any) func() error {
		return func() error { _, err := d.SQL.ExecContext(ctx, q, args...); return err }
	}
	var m shop.Merge
	merge := timed("merge", func() (err error) { m, err = store.Merge(ctx, 2, 1); return err })
	undo := timed("undo", func() error { _, err := store.UndoMerge(ctx, m.ID); return err })
	// The floor: as many orders moved and moved back by one UPDATE each (shop 3's numbers
	// collide with none of shop 1's).
	floor := timed("floor", exec(`UPDATE orders SET shop_id = 1 WHERE shop_id = 3`)) +
		timed("floor back", exec(`UPDATE orders SET shop_id = 3 WHERE id > ?`, 2*n))
	del := timed("delete", func() error { return store.Delete(ctx, 3, "丙店") })
	b.ReportMetric(float64(n), "orders/shop")
	b.ReportMetric(merge.Seconds(), "merge-s")
	b.ReportMetric(undo.Seconds(), "undo-s")
	b.ReportMetric(del.Seconds(), "delete-s")
	b.ReportMetric(floor.Seconds(), "update-floor-s")
	b.ReportMetric(merge.Seconds()/floor.Seconds(), "merge/floor")
	b.ReportMetric(undo.Seconds()/floor.Seconds(), "undo/floor")
	b.ReportMetric(del.Seconds()/floor.Seconds(), "delete/floor")
}
