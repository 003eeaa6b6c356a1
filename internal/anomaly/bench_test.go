package anomaly_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/anomaly"
)

// benchOrders is the table size of the benchmark (SHOPDESK_BENCH_ORDERS overrides).
func benchOrders() int {
	if n, err := strconv.Atoi(os.Getenv("SHOPDESK_BENCH_ORDERS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// BenchmarkEvaluate measures, on two years of orders of two shops (1,000,000 by default,
// inserted with SQL, not through the importer), the first evaluation of the rules (every
// anomaly new), a re-evaluation (what runs after each import and every few minutes), and
// the worklist's first page, next to a count of the orders table and a full scan of it
// (sum of the amounts) measured in the same run: the machine is shared and noisy, the
// ratios say more than the times. Figures, not a timed assertion.
func BenchmarkEvaluate(b *testing.B) {
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	n := benchOrders()
	const step = 63 // seconds between orders: a million orders over two years
	start := time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC)
	now := start.Add(time.Duration(n*step)*time.Second + time.Hour) // shop-local wall time
	t0 := time.Now()
	// age = seconds before now; the newest days hold what a shop has in progress, older
	// orders are done (a few closed after payment, a few with a refund).
	seed := []string{
		`INSERT INTO shop (id, platform, name) VALUES (1, 'taobao', '甲店'), (2, 'pdd', '乙店')`,
		`INSERT INTO import_batch (id, file_name, file_sha256, file_size, platform, format, started_at, finished_at)
		 VALUES (1, 'bench.csv', 'x', 1, 'taobao', 'taobao_orders_csv', '2024-12-01 00:00:00', '2024-12-01 00:00:00')`,
		`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ` + strconv.Itoa(n) + `),
		 o AS (SELECT i, (` + strconv.Itoa(n) + ` - i) * ` + strconv.Itoa(step) + ` + 3600 AS age,
		              datetime('2024-12-01', '+' || (i * ` + strconv.Itoa(step) + `) || ' seconds') AS created FROM seq)
		 INSERT INTO orders (id, shop_id, order_no, buyer, status, status_text, pay_fen, refund_fen, title, item_count,
		                     created_at, paid_at, shipped_at, promised_ship_at, buyer_message, late_ship_comp,
		                     late_ship_comp_fen, first_batch_id, last_batch_id)
		 SELECT i, 1 + i % 2, printf('21654378%011d', i), 'buyer' || (i % 5000),
		        CASE WHEN age < 3 * 86400 AND i % 20 = 0 THEN 'unpaid'
		             WHEN age < 3 * 86400 AND i % 10 < 4 THEN 'to_ship'
		             WHEN age < 10 * 86400 AND i % 10 < 7 THEN 'shipped'
		             WHEN i % 100 < 3 THEN 'closed'
		             ELSE 'completed' END,
		        '', 3000 + (i * 7919) % 20000 + CASE WHEN i % 997 = 0 THEN 200000 ELSE 0 END,
		        CASE WHEN i % 100 < 3 OR i % 501 = 0 THEN 1000 ELSE 0 END, '宝贝标题', 1 + i % 3, created,
		        CASE WHEN age < 3 * 86400 AND i % 20 = 0 THEN '' ELSE datetime(created, '+2 minutes') END,
		        CASE WHEN age >= 3 * 86400 OR i % 10 >= 4 THEN datetime(created, '+20 hours') ELSE '' END,
		        CASE WHEN i % 2 = 0 THEN datetime(created, '+48 hours') ELSE '' END,
		        CASE WHEN i % 10 = 1 THEN '请尽快发货' ELSE '' END,
		        CASE WHEN i % 1000 = 7 THEN 1 ELSE 0 END, CASE WHEN i % 1000 = 7 THEN 300 ELSE 0 END, 1, 1
		 FROM o`,
		// Sub-orders for the newest 50,000 orders, some with a refund requested.
		`INSERT INTO order_item (order_id, sub_order_no, title, quantity, pay_fen, refund_status, refund_fen,
		                         first_batch_id, last_batch_id)
		 SELECT id, order_no || '1', title, 1, pay_fen,
		        CASE WHEN id % 50 = 0 THEN '买家已经申请退款，等待卖家同意' WHEN id % 50 = 1 THEN '退款成功' ELSE '' END,
		        CASE WHEN id % 50 < 2 THEN pay_fen ELSE 0 END, 1, 1
		 FROM orders WHERE id > ` + strconv.Itoa(max(0, n-50_000)),
		`ANALYZE`,
	}
	for _, q := range seed {
		if _, err := d.SQL.ExecContext(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("seeded %d orders in %s", n, time.Since(t0).Round(time.Millisecond))
	s := anomaly.New(d)
	clock := anomaly.WallAt(now)
	timeIt := func(runs int, f func()) time.Duration {
		var total time.Duration
		for i := 0; i < runs; i++ {
			t := time.Now()
			f()
			total += time.Since(t)
		}
		return total / time.Duration(runs)
	}
	var found int
	var total int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := d.SQL.ExecContext(ctx, `DELETE FROM anomaly_event; DELETE FROM anomaly`); err != nil {
			b.Fatal(err)
		}
		first := timeIt(1, func() {
			res, err := s.Evaluate(ctx, clock)
			if err != nil {
				b.Fatal(err)
			}
			found = res.Found
		})
		again := timeIt(3, func() {
			res, err := s.Evaluate(ctx, clock)
			if err != nil {
				b.Fatal(err)
			}
			if res.New+res.Changed+res.Cleared != 0 {
				b.Fatalf("a re-evaluation of unchanged data changed something: %+v", res)
			}
		})
		page := timeIt(5, func() {
			p, err := s.List(ctx, anomaly.Query{})
			if err != nil {
				b.Fatal(err)
			}
			total = p.Total
			if len(p.Rows) != 50 {
				b.Fatalf("first page: %d rows", len(p.Rows))
			}
		})
		filtered := timeIt(5, func() {
			if _, err := s.List(ctx, anomaly.Query{ShopID: 2, Kind: anomaly.KindLogistics, OwnerID: -1}); err != nil {
				b.Fatal(err)
			}
		})
		count := timeIt(5, func() {
			var c int64
			if err := d.SQL.QueryRowContext(ctx, `SELECT count(*) FROM orders`).Scan(&c); err != nil {
				b.Fatal(err)
			}
		})
		scan := timeIt(3, func() {
			var sum int64
			if err := d.SQL.QueryRowContext(ctx, `SELECT sum(pay_fen) FROM orders`).Scan(&sum); err != nil {
				b.Fatal(err)
			}
		})
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		b.ReportMetric(ms(first), "first-eval-ms")
		b.ReportMetric(ms(again), "reeval-ms")
		b.ReportMetric(ms(page), "first-page-ms")
		b.ReportMetric(ms(filtered), "filtered-page-ms")
		b.ReportMetric(ms(count), "count-orders-ms")
		b.ReportMetric(ms(scan), "scan-orders-ms")
		b.ReportMetric(float64(again)/float64(count), "reeval/count")
		b.ReportMetric(float64(again)/float64(scan), "reeval/scan")
		b.ReportMetric(float64(page)/float64(count), "page/count")
		b.ReportMetric(float64(found), "anomalies")
	}
	if total != int64(found) {
		b.Fatalf("the worklist counts %d of the %d anomalies found", total, found)
	}
}
