package app_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"shopdesk/app"
	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/orders"
)

// BenchmarkOrderListDuringImport: the orders page as the UI calls it (OrderService.List),
// idle and while an import of 200,000 orders writes (ImportService.ImportFiles in another
// goroutine), on SHOPDESK_BENCH_ORDERS orders (default 1M). It reports the first page
// (rows and their total count) and a later page (rows only) in both states, and their
// ratios. Readers never wait for the import's writer (WAL: TestWritersQueueBehindABulkWrite
// reads during a bulk write); what an import costs them is the CPU it takes. One run (load
// 10 on 2 cores): first page 0.5 ms idle, 2.3 ms importing; a later page 0.3 and 0.7 ms.
// (Before the orders page's counts of issue 13 §5, the first page took 1.3 s idle and 2.0 s
// importing: the count over 1M orders, not a wait.)
func BenchmarkOrderListDuringImport(b *testing.B) {
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("SHOPDESK_BENCH_ORDERS")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	dir := b.TempDir()
	d, err := db.Open(ctx, filepath.Join(dir, "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	for _, q := range []string{
		`INSERT INTO shop (id, platform, name) VALUES (1, 'taobao', '小米粒母婴旗舰店')`,
		`INSERT INTO import_batch (id, file_name, file_sha256, file_size, platform, format, started_at, finished_at)
		 VALUES (1, 'seed.csv', 'x', 1, 'taobao', 'taobao_orders_csv', '', '')`,
		`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ` + strconv.Itoa(n) + `)
		 INSERT INTO orders (shop_id, order_no, buyer, status, status_text, pay_fen, title, created_at, first_batch_id, last_batch_id)
		 SELECT 1, printf('21654378%011d', i), 'buyer' || (i % 5000), 'completed', '交易成功', 1000 + i % 90000, '宝贝标题',
		        datetime('2024-01-01', '+' || (i * 60) || ' seconds'), 1, 1 FROM seq`,
		`ANALYZE`,
	} {
		if _, err := d.SQL.ExecContext(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	rows := make([][]string, 200_000)
	for i := range rows {
		rows[i] = exportfile.TaobaoOrder{OrderNo: fmt.Sprintf("3%018d", i), Buyer: "买家", Status: "交易成功", Title: "宝贝",
			Shop: "小米粒母婴旗舰店", PayFen: 1000, Items: 1, CreatedAt: "2026-11-21 10:00:00"}.Row()
	}
	csv := filepath.Join(dir, "ExportOrderList.csv")
	if err := exportfile.WriteCSV(csv, exportfile.TaobaoOrderHeader, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		b.Fatal(err)
	}
	s := app.NewServices(d, &recorder{})
	first, _ := s.Order.List(orders.Query{})
	measure := func() (firstPage, laterPage time.Duration) {
		const runs = 3
		for range runs {
			t0 := time.Now()
			if _, err := s.Order.List(orders.Query{}); err != nil {
				b.Fatal(err)
			}
			firstPage += time.Since(t0)
			t1 := time.Now()
			if _, err := s.Order.List(orders.Query{Cursor: first.NextCursor}); err != nil {
				b.Fatal(err)
			}
			laterPage += time.Since(t1)
		}
		return firstPage / runs, laterPage / runs
	}
	for i := 0; i < b.N; i++ {
		idleFirst, idleLater := measure()
		done := make(chan struct{})
		go func() {
			s.Import.ImportFiles([]string{csv}, nil)
			close(done)
		}()
		time.Sleep(6 * time.Second) // past the backup before the import: the import is writing
		busyFirst, busyLater := measure()
		<-done
		b.ReportMetric(float64(idleFirst.Microseconds())/1000, "first-page-idle-ms")
		b.ReportMetric(float64(busyFirst.Microseconds())/1000, "first-page-importing-ms")
		b.ReportMetric(float64(idleLater.Microseconds())/1000, "later-page-idle-ms")
		b.ReportMetric(float64(busyLater.Microseconds())/1000, "later-page-importing-ms")
		b.ReportMetric(busyLater.Seconds()/idleLater.Seconds(), "later-page-importing/idle")
	}
}
