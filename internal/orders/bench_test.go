package orders_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"shopdesk/app"
	"shopdesk/db"
	"shopdesk/db/sqldb"
	"shopdesk/internal/orders"
)

// benchRows is the table size for the list benchmark (SHOPDESK_BENCH_ORDERS overrides).
func benchRows() int {
	if n, err := strconv.Atoi(os.Getenv("SHOPDESK_BENCH_ORDERS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// seedYear writes n orders over the year 2025 (ids in created order, as imports make
// them; rows about as wide as an imported order report's) and their refunds, through the
// triggers that keep order_day_count:
//   - shops 1 甲 (taobao) 45 %, 2 乙 (jd) 30 %, 3 丙 (pdd) 15 %, 4 丁 (douyin) 10 %;
//   - statuses by age: the last 2 days unpaid / to_ship / shipped, the 8 before them
//     mostly shipped, older ones completed (85 %) or closed; plus the rare ones: about
//     100 'unknown' orders of 丁 spread over the year, and 20 of 乙 stuck in 'shipped'
//     since months (a status its shop almost never has among old orders);
//   - buyers: mostly about 5 orders each; '刘先生' on 0.1 % and '张**' (a masked name,
//     as some exports write the receiver) on 1 % of the orders;
//   - refunds: 20 % of the last 20 days' orders have an open one (a few of them two),
//     5 % of older orders a finished one, 0.1 % of older orders one still open, and 500
//     open refunds of orders never imported.
func seedYear(tb testing.TB, d *db.DB, n int) {
	tb.Helper()
	ctx := context.Background()
	N := strconv.Itoa(n)
	stmts := []string{
		`INSERT INTO shop (id, platform, name) VALUES (1, 'taobao', '甲店'), (2, 'jd', '乙店'),
		 (3, 'pdd', '丙店'), (4, 'douyin', '丁店')`,
		`INSERT INTO import_batch (id, file_name, file_sha256, file_size, platform, format, started_at, finished_at)
		 VALUES (1, 'bench.csv', 'x', 1, 'taobao', 'taobao_orders_csv', '', '')`,
		`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ` + N + `),
		 x AS (SELECT i, i * 31535999 / ` + N + ` AS sec, (i * 2654435761) % 100 AS h FROM seq),
		 y AS (SELECT i, sec, h, 364 - sec / 86400 AS age FROM x)
		 INSERT INTO orders (id, shop_id, order_no, buyer, status, status_text, pay_fen, title, item_count,
		                     address, created_at, paid_at, tracking_no, carrier, buyer_message,
		                     first_batch_id, last_batch_id)
		 SELECT i,
		        CASE WHEN i % 9973 = 0 THEN 4 WHEN i % 49999 = 7 THEN 2
		             WHEN i % 20 < 9 THEN 1 WHEN i % 20 < 15 THEN 2 WHEN i % 20 < 18 THEN 3 ELSE 4 END,
		        printf('9%018d', i),
		        CASE WHEN i / 20 % 100 = 1 THEN '张**' WHEN i / 20 % 1000 = 2 THEN '刘先生'
		             ELSE 'buyer' || ((i * 7919) % 200000) END,
		        CASE WHEN i % 9973 = 0 THEN 'unknown' WHEN i % 49999 = 7 THEN 'shipped'
		             WHEN age < 2 THEN CASE WHEN h < 10 THEN 'unpaid' WHEN h < 70 THEN 'to_ship' ELSE 'shipped' END
		             WHEN age < 10 THEN CASE WHEN h < 10 THEN 'to_ship' WHEN h < 70 THEN 'shipped'
		                                     WHEN h < 95 THEN 'completed' ELSE 'closed' END
		             WHEN h < 85 THEN 'completed' ELSE 'closed' END,
		        '交易成功', 1000 + i % 90000, '婴儿纯棉连体衣 新生儿哈衣 春秋款 ' || (i % 977), 1 + i % 3,
		        '浙江省 杭州市 西湖区 文三路 ' || (i % 999) || '号 华星时代广场 ' || (i % 31) || '01室',
		        datetime('2025-01-01', '+' || sec || ' seconds'),
		        datetime('2025-01-01', '+' || (sec + 60) || ' seconds'),
		        printf('78%012d', i), '中通快递', CASE WHEN i % 7 = 0 THEN '请尽快发货，谢谢' ELSE '' END, 1, 1
		 FROM y`,
		`INSERT INTO refund (shop_id, refund_no, order_no, status, amount_fen, first_batch_id, last_batch_id)
		 SELECT shop_id, 'R' || id, order_no,
		        CASE WHEN created_at >= '2025-12-12' OR h = 999 THEN 'open'
		             WHEN h % 2 = 0 THEN 'refunded' ELSE 'closed' END,
		        pay_fen, 1, 1
		 FROM (SELECT *, id * 2246822519 % 1000 AS h FROM orders)
		 WHERE (created_at >= '2025-12-12' AND h < 200) OR h < 50 OR h = 999`,
		`INSERT INTO refund (shop_id, refund_no, order_no, status, first_batch_id, last_batch_id)
		 SELECT shop_id, 'S' || id, order_no, 'open', 1, 1 FROM orders
		 WHERE created_at >= '2025-12-12' AND id * 2246822519 % 1000 < 10`,
		`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 500)
		 INSERT INTO refund (shop_id, refund_no, order_no, status, first_batch_id, last_batch_id)
		 SELECT 1 + i % 4, 'X' || i, printf('8%018d', i), 'open', 1, 1 FROM seq`,
		// No ANALYZE: the app never runs it, so the planner has no statistics in the field
		// either.
	}
	for _, q := range stmts {
		if _, err := d.SQL.ExecContext(ctx, q); err != nil {
			tb.Fatalf("seed: %v\n%s", err, q)
		}
	}
}

// benchCase is one filter combination of the orders page.
type benchCase struct {
	name string
	q    orders.Query
}

// benchCases is every combination of the page's filters over seedYear's data: all shops
// or one (a big one, a small one), any status or a common, a recent or a rare one, six
// date ranges, no search or an order number, a buyer, a name on 1 % of the orders, and
// 有售后 off or on.
func benchCases(orderNo string) []benchCase {
	shops := []struct {
		name string
		id   int64
	}{{"", 0}, {"乙店", 2}, {"丁店", 4}}
	statuses := []string{"", "completed", "shipped", "unknown"}
	dates := []struct{ name, from, to string }{
		{"", "", ""},
		{"12月", "2025-12-01", "2025-12-31"},
		{"6月15日", "2025-06-15", "2025-06-15"},
		{"第二季度", "2025-04-01", "2025-06-30"},
		{"11月1日起", "2025-11-01", ""},
		{"3月31日前", "", "2025-03-31"},
	}
	searches := []struct{ name, term string }{{"", ""}, {"订单号", orderNo}, {"买家", "buyer4242"}, {"买家", "刘先生"}, {"买家", "张**"}}
	var out []benchCase
	for _, sh := range shops {
		for _, st := range statuses {
			for _, dt := range dates {
				for _, se := range searches {
					for _, refund := range []bool{false, true} {
						var parts []string
						if sh.id != 0 {
							parts = append(parts, sh.name)
						}
						if st != "" {
							parts = append(parts, st)
						}
						if dt.name != "" {
							parts = append(parts, dt.name)
						}
						if se.term != "" {
							parts = append(parts, se.name+" "+se.term)
						}
						if refund {
							parts = append(parts, "有售后")
						}
						name := strings.Join(parts, " · ")
						if name == "" {
							name = "全部"
						}
						out = append(out, benchCase{name: name, q: orders.Query{ShopID: sh.id, Status: st,
							From: dt.from, To: dt.to, Search: se.term, OpenRefund: refund, Limit: 50}})
					}
				}
			}
		}
	}
	return out
}

// beforeCounts are the counts the page ran before migration 00012, as they were.
var beforeCounts = []struct {
	name string
	q    orders.Query
	sql  string
	args []any
}{
	{"全部", orders.Query{}, `SELECT count(*) FROM orders o
		WHERE (o.status = ? OR ? = '') AND o.created_at >= ? AND o.created_at < ?`, []any{"", "", "", "9999"}},
	{"乙店", orders.Query{ShopID: 2}, `SELECT count(*) FROM orders o
		WHERE o.shop_id = ? AND (o.status = ? OR ? = '') AND o.created_at >= ? AND o.created_at < ?`,
		[]any{2, "", "", "", "9999"}},
	{"completed · 第二季度", orders.Query{Status: "completed", From: "2025-04-01", To: "2025-06-30"},
		`SELECT count(*) FROM orders o
		WHERE (o.status = ? OR ? = '') AND o.created_at >= ? AND o.created_at < ?`,
		[]any{"completed", "completed", "2025-04-01", "2025-07-01"}},
	{"有售后", orders.Query{OpenRefund: true}, `SELECT count(*) FROM orders o
		WHERE o.id IN (SELECT x.id FROM refund r JOIN orders x ON x.shop_id = r.shop_id AND x.order_no = r.order_no
		               WHERE r.status = 'open')
		  AND (o.shop_id = ? OR ? = 0) AND (o.status = ? OR ? = '') AND (o.order_no = ? OR o.buyer = ? OR ? = '')
		  AND o.created_at >= ? AND o.created_at < ?`, []any{0, 0, "", "", "", "", "", "", "9999"}},
}

// timeIt is the median of runs calls of f.
func timeIt(runs int, f func()) time.Duration {
	ds := make([]time.Duration, runs)
	for i := range ds {
		t0 := time.Now()
		f()
		ds[i] = time.Since(t0)
	}
	slices.Sort(ds)
	return ds[runs/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// say prints a line of the benchmark's table: b.Log keeps only the first 10 lines.
func say(format string, args ...any) { fmt.Printf("    "+format+"\n", args...) }

// BenchmarkOrderList times the orders page as the UI asks for it (app.OrderService.List,
// the page encoded to JSON as the transport does) on 1M orders, for every combination
// of its filters: the first page with its count, and the next page by keyset. Beside
// them, in the same run: the unfiltered first page's rows alone (the rows query the
// page runs, no count), a count(*) of the shop table (the smallest query there is), and
// for a few combinations the count as the page made it before order_day_count (a count
// of the matching orders). Figures, not a timed assertion.
func BenchmarkOrderList(b *testing.B) {
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	n := benchRows()
	start := time.Now()
	seedYear(b, d, n)
	var summaryRows, openRefunds int64
	_ = d.SQL.QueryRow(`SELECT count(*) FROM order_day_count`).Scan(&summaryRows)
	_ = d.SQL.QueryRow(`SELECT count(*) FROM refund WHERE status = 'open'`).Scan(&openRefunds)
	say("seeded %d orders, %d open refunds in %s; order_day_count has %d rows",
		n, openRefunds, time.Since(start).Round(time.Millisecond), summaryRows)

	svc := app.NewServices(d, nil).Order
	list := func(q orders.Query) orders.Page {
		p, err := svc.List(q)
		if err != nil {
			b.Fatalf("%+v: %v", q, err)
		}
		if _, err := json.Marshal(p); err != nil {
			b.Fatal(err)
		}
		return p
	}
	var orderNo string
	if err := d.SQL.QueryRow(`SELECT order_no FROM orders WHERE id = ?`, n/2+1).Scan(&orderNo); err != nil {
		b.Fatal(err)
	}
	cases := benchCases(orderNo)
	// The median of 5 runs: the machine is shared, and a burst of another job's work can
	// take one or two of them.
	const runs = 5

	for i := 0; i < b.N; i++ {
		// The references.
		rowsOnly := timeIt(runs, func() {
			if _, err := d.Queries().ListOrders(ctx, sqldb.ListOrdersParams{FromTime: "", BelowCreated: "9999",
				BelowID: 0, Lim: 51}); err != nil {
				b.Fatal(err)
			}
		})
		smallCount := timeIt(runs, func() {
			var k int
			if err := d.SQL.QueryRow(`SELECT count(*) FROM shop`).Scan(&k); err != nil {
				b.Fatal(err)
			}
		})

		type result struct {
			name        string
			total       int64
			first, next time.Duration
		}
		results := make([]result, 0, len(cases))
		for _, c := range cases {
			var p orders.Page
			first := timeIt(runs, func() { p = list(c.q) })
			r := result{name: c.name, total: p.Total, first: first}
			if p.NextCursor != "" {
				q := c.q
				q.Cursor = p.NextCursor
				r.next = timeIt(runs, func() { list(q) })
			}
			results = append(results, r)
		}

		// The count the page made before order_day_count, for the combinations the issue
		// measured.
		for _, c := range beforeCounts {
			var total int64
			took := timeIt(1, func() {
				if err := d.SQL.QueryRow(c.sql, c.args...).Scan(&total); err != nil {
					b.Fatal(err)
				}
			})
			var p orders.Page
			now := timeIt(runs, func() { p = list(c.q) })
			say("before: %-14s count %7d in %7.1f ms; the page now: count %7d, first page %.2f ms",
				c.name, total, ms(took), p.Total, ms(now))
			if p.Total != total || p.Total != recount(b, d.SQL, c.q) {
				b.Fatalf("%s: the page counts %d, the orders are %d", c.name, p.Total, total)
			}
		}

		say("references: unfiltered first page, rows only %.2f ms; SELECT count(*) FROM shop %.3f ms",
			ms(rowsOnly), ms(smallCount))

		// A page deep in the table: after the middle order, as the UI asks for it after
		// paging that far.
		var created string
		var id int64
		if err := d.SQL.QueryRow(`SELECT created_at, id FROM orders ORDER BY created_at DESC, id DESC
			LIMIT 1 OFFSET ?`, n/2).Scan(&created, &id); err != nil {
			b.Fatal(err)
		}
		for _, c := range []benchCase{{"全部", orders.Query{}}, {"乙店 · completed", orders.Query{ShopID: 2, Status: "completed"}},
			{"completed · 有售后", orders.Query{Status: "completed", OpenRefund: true}}} {
			q := c.q
			q.Limit, q.Cursor = 50, orders.EncodeCursor(created, id)
			var p orders.Page
			took := timeIt(runs, func() { p = list(q) })
			say("deep page after order %d of %d, %s: %d rows in %.2f ms", n/2, n, c.name, len(p.Rows), ms(took))
		}
		byFirst := slices.Clone(results)
		slices.SortFunc(byFirst, func(x, y result) int { return int(y.first - x.first) })
		byNext := slices.Clone(results)
		slices.SortFunc(byNext, func(x, y result) int { return int(y.next - x.next) })
		over := 0
		for _, r := range results {
			if r.first > 50*time.Millisecond || r.next > 50*time.Millisecond {
				over++
			}
		}
		verbose := os.Getenv("SHOPDESK_BENCH_VERBOSE") != ""
		pct := func(p float64) time.Duration { return byFirst[len(byFirst)-1-int(p*float64(len(byFirst)-1))].first }
		say("%d filter combinations, first page with its count: median %.2f ms, 90th percentile %.2f ms, 99th %.2f ms "+
			"(%.1fx, %.1fx, %.1fx the rows-only reference); %d over 50 ms. Slowest first pages:", len(results),
			ms(pct(0.5)), ms(pct(0.9)), ms(pct(0.99)), float64(pct(0.5))/float64(rowsOnly),
			float64(pct(0.9))/float64(rowsOnly), float64(pct(0.99))/float64(rowsOnly), over)
		for k, r := range byFirst {
			if k >= 12 && !verbose {
				break
			}
			say("  %-36s total %7d  first %6.2f ms (%5.1fx rows-only)  next %6.2f ms",
				r.name, r.total, ms(r.first), float64(r.first)/float64(rowsOnly), ms(r.next))
		}
		say("slowest next pages (keyset):")
		for _, r := range byNext[:5] {
			say("  %-36s next %6.2f ms", r.name, ms(r.next))
		}
		median := byFirst[len(byFirst)/2]
		b.ReportMetric(ms(pct(0.99)), "p99-first-ms")
		b.ReportMetric(ms(rowsOnly), "rows-only-ms")
		b.ReportMetric(ms(smallCount), "count-shop-ms")
		b.ReportMetric(ms(median.first), "median-first-ms")
		b.ReportMetric(ms(byFirst[0].first), "max-first-ms")
		b.ReportMetric(ms(byNext[0].next), "max-next-ms")
		b.ReportMetric(float64(byFirst[0].first)/float64(rowsOnly), "max-first/rows-only")
		b.ReportMetric(float64(over), "combinations-over-50ms")
	}
}
