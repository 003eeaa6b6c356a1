package anomaly_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
)

// The busy fortnight (issue 13 §3): a seller's last 14 days, 1,000,000 orders of two shops
// (SHOPDESK_BENCH_ORDERS overrides), inserted with SQL the way 14 daily imports of each
// shop would have left them, with about 40 % of them an open anomaly when the rules run an
// hour after the last order: the newest days' orders to ship (due soon, overdue), a backlog
// of overdue ones, parcels shipped days ago and still not received (stalled), closed
// after payment, refund amounts and refund rows, buyer messages, big orders.
//
// Shop 1 is a Taobao shop whose 订单报表 has no 承诺发货时间 and no 发货时间 (the rules fall
// back to paid + 48 h and to the import that saw it shipped); shop 2 a 拼多多 shop whose export
// has both.
const (
	fortnightShop1 = "小米粒母婴旗舰店"
	fortnightShop2 = "暖暖家居小铺"
	fortnightDays  = 14
)

var fortnightStart = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) // shop-local wall time

// fortnightNow is when the rules run: an hour after the last order.
func fortnightNow() time.Time { return fortnightStart.Add(fortnightDays*24*time.Hour + time.Hour) }

// TestMain removes the seeded fortnight the benchmarks made.
func TestMain(m *testing.M) {
	code := m.Run()
	if fortnight.dir != "" {
		os.RemoveAll(fortnight.dir)
	}
	os.Exit(code)
}

var fortnight struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// fortnightDB returns a copy of the seeded busy fortnight at a new path in dir. The seeded
// database is made once per test binary run (about 20 s for a million orders) and copied
// for each use.
func fortnightDB(tb testing.TB, dir, name string) string {
	tb.Helper()
	fortnight.once.Do(func() {
		fortnight.dir, fortnight.err = os.MkdirTemp("", "shopdesk-fortnight-")
		if fortnight.err != nil {
			return
		}
		fortnight.path = filepath.Join(fortnight.dir, "fortnight.db")
		t0 := time.Now()
		fortnight.err = seedFortnight(context.Background(), fortnight.path, benchOrders())
		tb.Logf("seeded the busy fortnight (%d orders) in %s", benchOrders(), time.Since(t0).Round(time.Millisecond))
	})
	if fortnight.err != nil {
		tb.Fatal(fortnight.err)
	}
	dst := filepath.Join(dir, name)
	if err := copyFile(fortnight.path, dst); err != nil {
		tb.Fatal(err)
	}
	return dst
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func seedFortnight(ctx context.Context, path string, n int) error {
	d, err := db.Open(ctx, path)
	if err != nil {
		return err
	}
	N := strconv.Itoa(n)
	span := strconv.Itoa(fortnightDays * 86400)
	start := fortnightStart.Format("2006-01-02 15:04:05")
	// age: seconds between the order and the rules' now; day: the import it came with.
	// Shop 1 + i % 2; batch 2 × day + shop.
	stmts := []string{
		`WITH RECURSIVE d(day) AS (SELECT 0 UNION ALL SELECT day + 1 FROM d WHERE day < ` + strconv.Itoa(fortnightDays-1) + `),
		 s(shop, platform, format) AS (VALUES (1, 'taobao', 'taobao_orders_csv'), (2, 'pdd', 'pdd_orders_csv'))
		 INSERT INTO import_batch (id, file_name, file_sha256, file_size, platform, format, started_at, finished_at)
		 SELECT 2 * day + shop, 'day' || day || '-' || shop || '.csv', 'sha' || (2 * day + shop), 1, platform, format,
		        datetime('` + start + `', '+' || (day + 1) || ' days', '-8 hours', '-5 minutes'),
		        datetime('` + start + `', '+' || (day + 1) || ' days', '-8 hours', '-4 minutes')
		 FROM d, s`,
		`INSERT INTO shop (id, platform, name, created_batch_id) VALUES (1, 'taobao', '` + fortnightShop1 + `', 1), (2, 'pdd', '` + fortnightShop2 + `', 2)`,
		`INSERT INTO import_batch_shop (batch_id, shop_id) SELECT id, 2 - id % 2 FROM import_batch`,
		`WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ` + N + ` - 1),
		 base AS (SELECT i, 1 + i % 2 AS shop, i * ` + span + ` / ` + N + ` AS off, i * ` + strconv.Itoa(fortnightDays) + ` / ` + N + ` AS day FROM seq),
		 o AS (SELECT i, shop, day, datetime('` + start + `', '+' || off || ' seconds') AS created, ` + span + ` + 3600 - off AS age FROM base),
		 st AS (SELECT *, CASE
		          WHEN age < 86400 AND i % 20 = 1 THEN 'unpaid'
		          WHEN age < 86400 THEN CASE WHEN i % 10 < 8 THEN 'to_ship' ELSE 'shipped' END
		          WHEN age < 3 * 86400 THEN CASE WHEN i % 10 < 7 THEN 'to_ship' ELSE 'shipped' END
		          WHEN i % 20 IN (0, 5) THEN 'to_ship'
		          WHEN i % 20 BETWEEN 2 AND 8 OR i % 100 = 98 THEN 'shipped'
		          WHEN i % 100 IN (95, 96, 97) THEN 'closed'
		          ELSE 'completed' END AS status,
		        3000 + (i * 7919) % 20000 + CASE WHEN i % 997 = 0 THEN 200000 ELSE 0 END AS pay FROM o)
		 INSERT INTO orders (id, shop_id, order_no, buyer, status, status_text, pay_fen, refund_fen, title, item_count,
		                     address, created_at, paid_at, shipped_at, promised_ship_at, tracking_no, carrier, buyer_message,
		                     late_ship_comp, late_ship_comp_fen, first_batch_id, last_batch_id)
		 SELECT i + 1, shop, printf('4%018d', i), '买家' || (i % 50000), status,
		        CASE WHEN shop = 1 THEN CASE status WHEN 'unpaid' THEN '等待买家付款' WHEN 'to_ship' THEN '买家已付款，等待卖家发货'
		                               WHEN 'shipped' THEN '卖家已发货，等待买家确认' WHEN 'completed' THEN '交易成功' ELSE '交易关闭' END
		             ELSE CASE status WHEN 'unpaid' THEN '待支付' WHEN 'to_ship' THEN '待发货' WHEN 'shipped' THEN '已发货，待收货'
		                               WHEN 'completed' THEN '已签收' ELSE '已取消' END END,
		        pay, CASE WHEN i % 100 = 98 THEN 1000 WHEN status = 'closed' THEN pay ELSE 0 END,
		        '婴儿纯棉连体衣 新生儿哈衣', 1 + i % 3, '浙江省 杭州市 西湖区 文三路 ' || (i % 999) || '号', created,
		        CASE WHEN status = 'unpaid' THEN '' ELSE datetime(created, '+1 minutes') END,
		        CASE WHEN shop = 2 AND status IN ('shipped', 'completed') THEN datetime(created, '+' || min(72000, age / 2) || ' seconds') ELSE '' END,
		        CASE WHEN shop = 2 AND status <> 'unpaid' THEN datetime(created, '+1 minutes', '+48 hours') ELSE '' END,
		        CASE WHEN status IN ('shipped', 'completed') THEN 'ZT' || (7000000000 + i) ELSE '' END,
		        CASE WHEN status IN ('shipped', 'completed') THEN '中通快递' ELSE '' END,
		        CASE WHEN i % 10 = 3 THEN '请尽快发货，谢谢' ELSE '' END,
		        CASE WHEN i % 1000 = 8 THEN 1 ELSE 0 END, CASE WHEN i % 1000 = 8 THEN 300 ELSE 0 END,
		        2 * day + shop, 2 * day + shop
		 FROM st`,
		`UPDATE import_batch SET first_order_id = r.lo, last_order_id = r.hi, rows_total = r.n, rows_new = r.n
		 FROM (SELECT first_batch_id AS b, min(id) AS lo, max(id) AS hi, count(*) AS n FROM orders GROUP BY first_batch_id) r
		 WHERE import_batch.id = r.b`,
		// A 退款报表 of shop 1: an open refund for one order in 200.
		`INSERT INTO import_batch (id, file_name, file_sha256, file_size, platform, format, started_at, finished_at)
		 VALUES (100, '退款报表.csv', 'refunds', 1, 'taobao', 'taobao_refunds_csv',
		         datetime('` + start + `', '+` + strconv.Itoa(fortnightDays) + ` days', '-8 hours', '-3 minutes'),
		         datetime('` + start + `', '+` + strconv.Itoa(fortnightDays) + ` days', '-8 hours', '-2 minutes'))`,
		`INSERT INTO import_batch_shop (batch_id, shop_id) VALUES (100, 1)`,
		`INSERT INTO refund (shop_id, refund_no, order_no, status, status_text, kind, amount_fen, applied_at, deadline_at,
		                     first_batch_id, last_batch_id)
		 SELECT shop_id, 'R' || order_no, order_no, 'open', '买家已经申请退款，等待卖家同意', '仅退款', 1000,
		        datetime(paid_at, '+1 days'), datetime(paid_at, '+4 days'), 100, 100
		 FROM orders WHERE id % 200 = 99 AND shop_id = 1 AND paid_at <> ''`,
		`ANALYZE`,
	}
	for _, q := range stmts {
		if _, err := d.SQL.ExecContext(ctx, q); err != nil {
			d.Close()
			return fmt.Errorf("seed the fortnight: %w\n%s", err, q)
		}
	}
	return d.Close()
}

// Further orders of the fortnight's Taobao shop, an hour after its last daily import: a
// 订单报表 of 10,000 orders (SHOPDESK_BENCH_FURTHER overrides), 70 % of them new (created in
// the last hour) and 30 % orders to ship that have now shipped.
func furtherOrders() int {
	if n, err := strconv.Atoi(os.Getenv("SHOPDESK_BENCH_FURTHER")); err == nil && n > 0 {
		return n
	}
	return 10_000
}

// writeFurtherFile writes the further 订单报表 to path, reading the orders that shipped from
// the seeded database at seeded (so that their other cells are what was imported before).
func writeFurtherFile(tb testing.TB, seeded, path string, n int) {
	tb.Helper()
	ctx := context.Background()
	d, err := db.Open(ctx, seeded)
	if err != nil {
		tb.Fatal(err)
	}
	defer d.Close()
	shipped := n * 3 / 10
	rows, err := d.SQL.QueryContext(ctx, `SELECT order_no, buyer, pay_fen, refund_fen, title, item_count, address, created_at,
		paid_at, buyer_message, close_reason FROM orders WHERE shop_id = 1 AND status = 'to_ship' ORDER BY id DESC LIMIT ?`, shipped)
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]string
	for rows.Next() {
		var o exportfile.TaobaoOrder
		if err := rows.Scan(&o.OrderNo, &o.Buyer, &o.PayFen, &o.RefundFen, &o.Title, &o.Items, &o.Address, &o.CreatedAt,
			&o.PaidAt, &o.Message, &o.CloseReason); err != nil {
			tb.Fatal(err)
		}
		o.Shop, o.Status = fortnightShop1, "卖家已发货，等待买家确认"
		o.Carrier, o.TrackingNo = "中通快递", "ZT9"+o.OrderNo[len(o.OrderNo)-9:]
		out = append(out, o.Row())
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	rows.Close()
	last := fortnightNow().Add(-time.Hour)
	for i := len(out); i < n; i++ {
		created := last.Add(time.Duration(i) * time.Hour / time.Duration(n))
		o := exportfile.TaobaoOrder{OrderNo: fmt.Sprintf("5%018d", i), Buyer: "新买家" + strconv.Itoa(i%3000),
			Status: "买家已付款，等待卖家发货", Title: "婴儿纯棉连体衣 新生儿哈衣", Shop: fortnightShop1,
			Address: "浙江省 杭州市 西湖区 文三路 " + strconv.Itoa(i%999) + "号", PayFen: int64(3000 + (i*7919)%20000),
			Items: 1 + i%3, CreatedAt: created.Format(wallLayout), PaidAt: created.Add(time.Minute).Format(wallLayout)}
		if i%10 == 3 {
			o.Message = "请尽快发货，谢谢"
		}
		out = append(out, o.Row())
	}
	if err := exportfile.WriteCSV(path, exportfile.TaobaoOrderHeader, out, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		tb.Fatal(err)
	}
}

const wallLayout = "2006-01-02 15:04:05"
