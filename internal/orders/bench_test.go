package orders_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/orders"
)

// benchRows is the table size for the paging benchmark (SHOPDESK_BENCH_ORDERS overrides).
func benchRows() int {
	if n, err := strconv.Atoi(os.Getenv("SHOPDESK_BENCH_ORDERS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// BenchmarkOrderPages compares a deep page fetched by keyset (what the UI does) with the
// same page fetched by OFFSET (the reference a naive table would use), on one table in
// one run, and reports both and their ratio. Figures, not a timed assertion.
func BenchmarkOrderPages(b *testing.B) {
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	n := benchRows()
	start := time.Now()
	seedSQL := []string{
		`INSERT INTO shop (id, platform, name) VALUES (1, 'taobao', '甲店'), (2, 'jd', '乙店')`,
		`INSERT INTO import_batch (id, file_name, file_sha256, file_size, platform, format, started_at, finished_at)
		 VALUES (1, 'bench.csv', 'x', 1, 'taobao', 'taobao_orders_csv', '', '')`,
		`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ` + strconv.Itoa(n) + `)
		 INSERT INTO orders (shop_id, order_no, buyer, status, status_text, pay_fen, title, created_at,
		                     first_batch_id, last_batch_id)
		 SELECT 1 + i % 2, printf('21654378%011d', i), 'buyer' || (i % 5000),
		        CASE i % 5 WHEN 0 THEN 'unpaid' WHEN 1 THEN 'to_ship' WHEN 2 THEN 'shipped' ELSE 'completed' END,
		        '', 1000 + i % 90000, '宝贝标题',
		        datetime('2024-01-01', '+' || (i * 60) || ' seconds'), 1, 1
		 FROM seq`,
		`ANALYZE`,
	}
	for _, q := range seedSQL {
		if _, err := d.SQL.ExecContext(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("seeded %d orders in %s", n, time.Since(start).Round(time.Millisecond))

	// The cursor of the row in the middle of the table, as the UI would hold it after
	// paging that far.
	depth := n / 2
	var created string
	var id int64
	if err := d.SQL.QueryRowContext(ctx, `SELECT created_at, id FROM orders ORDER BY created_at DESC, id DESC
		LIMIT 1 OFFSET ?`, depth-1).Scan(&created, &id); err != nil {
		b.Fatal(err)
	}
	cursor := orders.EncodeCursorForTest(created, id)

	const pageSize = 50
	timeIt := func(f func()) time.Duration {
		const runs = 5
		var total time.Duration
		for i := 0; i < runs; i++ {
			t0 := time.Now()
			f()
			total += time.Since(t0)
		}
		return total / runs
	}
	var keysetIDs, offsetIDs []int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// The first page also counts the matching rows (later pages do not).
		first := timeIt(func() {
			if _, err := orders.List(ctx, d.SQL, orders.Query{Limit: pageSize}); err != nil {
				b.Fatal(err)
			}
		})
		keyset := timeIt(func() {
			p, err := orders.List(ctx, d.SQL, orders.Query{Limit: pageSize, Cursor: cursor})
			if err != nil {
				b.Fatal(err)
			}
			keysetIDs = keysetIDs[:0]
			for _, o := range p.Rows {
				keysetIDs = append(keysetIDs, o.ID)
			}
		})
		shopKeyset := timeIt(func() {
			if _, err := orders.List(ctx, d.SQL, orders.Query{Limit: pageSize, ShopID: 2, Status: "unpaid", Cursor: cursor}); err != nil {
				b.Fatal(err)
			}
		})
		offset := timeIt(func() {
			// The same columns as the list query, paged by OFFSET.
			rows, err := d.SQL.QueryContext(ctx, `SELECT o.id, o.shop_id, s.name, s.platform, o.order_no, o.buyer,
				o.status, o.status_text, o.pay_fen, o.refund_fen, o.title, o.item_count, o.address, o.created_at,
				o.paid_at, o.shipped_at, o.tracking_no, o.carrier
				FROM orders o JOIN shop s ON s.id = o.shop_id
				ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?`, pageSize, depth)
			if err != nil {
				b.Fatal(err)
			}
			offsetIDs = offsetIDs[:0]
			cols := make([]any, 18)
			for rows.Next() {
				var id int64
				ptrs := []any{&id}
				for k := 1; k < len(cols); k++ {
					ptrs = append(ptrs, &cols[k])
				}
				if err := rows.Scan(ptrs...); err != nil {
					b.Fatal(err)
				}
				offsetIDs = append(offsetIDs, id)
			}
			rows.Close()
		})
		b.ReportMetric(float64(first.Microseconds())/1000, "first-page-ms")
		b.ReportMetric(float64(keyset.Microseconds())/1000, "keyset-deep-page-ms")
		b.ReportMetric(float64(shopKeyset.Microseconds())/1000, "keyset-filtered-deep-page-ms")
		b.ReportMetric(float64(offset.Microseconds())/1000, "offset-deep-page-ms")
		b.ReportMetric(float64(offset)/float64(keyset), "offset/keyset")
	}
	// Both ways must fetch the same page, or the comparison means nothing.
	if len(keysetIDs) != pageSize || keysetIDs[0] != offsetIDs[0] || keysetIDs[pageSize-1] != offsetIDs[pageSize-1] {
		b.Fatalf("keyset page %v differs from OFFSET page %v", keysetIDs[:3], offsetIDs[:3])
	}
}
