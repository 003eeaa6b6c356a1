package importer_test

// The import's speed (issue 13 §4), BenchmarkImportTaobaoFullCSV: the whole 48-column Taobao
// order report, 1,000,000 orders, 398.1 MB of UTF-8. One run of `make bench` on the shared
// 2-core machine (load average 9-11), 2026-12-02:
//
//	                     full width (48 col, UTF-8)   narrow (23 col, GBK, 319.7 MB)
//	import               91.3 s                       97.9 s
//	engine floor         88.3 s                       96.9 s
//	import/engine-floor  1.03                         1.01
//	native floor         51.2 s                       50.9 s
//	sqlite3 .import      36.5 s (29.9 / 43.0)         22.6 s (23.6 / 21.7)
//	import/sqlite3       2.50                         4.33
//	re-import            53.0 s (0.58 of import)      46.8 s (0.48)
//	peak RSS             676 MB                       690 MB
//
// At 1M rows the floor itself is slow per row (the orders indexes outgrow the 64 MiB cache),
// and what the import adds weighs little. It weighs most on a small file: 200,000 rows of
// the full report, before and after this work, back to back in one process each (import,
// then the floor, wall and process CPU; pprof -cpuprofile):
//
//	                     before            after (4 runs)
//	import/floor, wall   2.29, 2.51        1.53-1.80
//	import/floor, CPU    1.86              1.46-1.66
//
// Where the CPU went, before (200k rows; floor 5.9 s): the INSERTs 8.1 s (100 orders a
// statement: SQLite 6.8 s of it, with 0.5 s of statement journal, copying every page an
// earlier statement of the transaction wrote; binding 0.8 s, 27 values a row); reading and
// parsing, in their own goroutines, 2.4 s (1.5 s splitting CSV: a string per cell, a bufio
// Peek per cell, the UTF-8 decoder copying text that was valid; 0.6 s parsing, half of it
// trimming all 48 cells to see whether the row is blank); GC 0.5 s. After (floor 6.8 s):
// the INSERTs 7.0 s (1000 orders a statement: statement journal 0.13 s; only the columns the
// file has are bound, 20 of 27 here, the rest and the batch ids are literals), the rest of
// the writer 0.9 s (Bloom filter, counts, shops); reading and parsing 1.6 s (whole lines
// cut from the reader's buffer, one string per row, valid UTF-8 not decoded, clean cells not
// trimmed); GC 0.5 s. The writer thread is 1.16x the floor; what remains above it on this
// machine is the reading goroutines competing with the writer for the 2 loaded cores.

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// benchOrders is the size of the import benchmark's file (SHOPDESK_BENCH_ROWS overrides).
func benchOrders() int {
	if n, err := strconv.Atoi(os.Getenv("SHOPDESK_BENCH_ROWS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// benchHeader is the 23-column order report the import issue measures with.
var benchHeader = []string{
	"订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "总金额", "买家实际支付金额",
	"订单状态", "买家留言", "收货人姓名", "收货地址", "运送方式", "联系手机", "订单创建时间", "订单付款时间",
	"宝贝标题", "宝贝种类", "物流单号", "物流公司", "订单备注", "宝贝总数量", "店铺名称", "退款金额",
}

var benchStatuses = []string{"等待买家付款", "买家已付款，等待卖家发货", "卖家已发货，等待买家确认", "交易成功", "交易关闭"}

// benchRow is order i of the benchmark files.
func benchRow(i int) []string {
	created := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 30 * time.Second)
	return []string{
		fmt.Sprintf("3%018d", i), fmt.Sprintf("买家%d", i%50000), "", "59.00", "0.00", "59.00",
		fmt.Sprintf("%d.%02d", 10+i%500, i%100), benchStatuses[i%len(benchStatuses)], "", "张**",
		"浙江省 杭州市 西湖区 文三路 " + strconv.Itoa(i%999) + "号", "快递", "138****0000",
		created.Format("2006-01-02 15:04:05"), created.Add(time.Minute).Format("2006-01-02 15:04:05"),
		"婴儿纯棉连体衣 新生儿哈衣 春秋款", "1", fmt.Sprintf("78%012d", i), "中通快递", "",
		strconv.Itoa(1 + i%3), []string{"小米粒母婴旗舰店", "暖暖家居小铺"}[i%2], "0.00",
	}
}

// benchFullRow is order i of the full-width benchmark file: every one of the 48 columns
// of the Taobao order report (exportfile.TaobaoOrderHeader), filled as the back office
// fills them, about 395 bytes a row in UTF-8 with ="…" cells (1M rows: 392 MB, as the file
// issue 13 §4 measured).
func benchFullRow(i int) []string {
	if benchFullCol == nil {
		benchFullCol = map[string]int{}
		for j, h := range exportfile.TaobaoOrderHeader {
			benchFullCol[h] = j
		}
	}
	created := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 30 * time.Second)
	row := make([]string, len(exportfile.TaobaoOrderHeader))
	set := func(h, v string) {
		j, ok := benchFullCol[h]
		if !ok {
			panic("no column " + h)
		}
		row[j] = v
	}
	status := benchStatuses[i%len(benchStatuses)]
	pay := fmt.Sprintf("%d.%02d", 10+i%500, i%100)
	set("订单编号", fmt.Sprintf("3%018d", i))
	set("买家会员名", fmt.Sprintf("买家%d", i%50000))
	set("买家支付宝账号", "")
	set("买家应付货款", "59.00")
	set("买家应付邮费", "0.00")
	set("买家支付积分", "0")
	set("总金额", "59.00")
	set("返点积分", "0")
	set("买家实际支付金额", pay)
	set("买家实际支付积分", "0")
	set("订单状态", status)
	set("收货人姓名", "张**")
	set("收货地址", "浙江省 杭州市 西湖区 文三路 "+strconv.Itoa(i%999)+"号")
	set("运送方式", "快递")
	set("联系手机", "138****0000")
	set("订单创建时间", created.Format("2006-01-02 15:04:05"))
	if status != "等待买家付款" {
		set("订单付款时间", created.Add(time.Minute).Format("2006-01-02 15:04:05"))
	}
	set("宝贝标题", "婴儿纯棉连体衣 新生儿哈衣 春秋款")
	set("宝贝种类", "1")
	if status == "卖家已发货，等待买家确认" || status == "交易成功" {
		set("物流单号", fmt.Sprintf("78%012d", i))
		set("物流公司", "中通快递")
	}
	set("宝贝总数量", strconv.Itoa(1+i%3))
	set("店铺Id", []string{"57301881", "60322714"}[i%2])
	set("店铺名称", []string{"小米粒母婴旗舰店", "暖暖家居小铺"}[i%2])
	if status == "交易关闭" {
		set("订单关闭原因", "买家不想买了")
	}
	set("卖家服务费", "0.00")
	set("买家服务费", "0元")
	set("是否手机订单", "手机订单")
	set("是否上传合同照片", "否")
	set("是否上传小票", "否")
	set("是否代付", "否")
	set("天猫卡券抵扣", "0.00")
	set("集分宝抵扣", "0.00")
	set("是否是O2O交易", "否")
	set("退款金额", "0.00")
	if status == "交易成功" {
		set("确认收货时间", created.Add(72*time.Hour).Format("2006-01-02 15:04:05"))
		set("打款商家金额", pay+"元")
	}
	return row
}

var benchFullCol map[string]int

// benchShape is one benchmark file: its header, its rows and its encoding.
type benchShape struct {
	header []string
	row    func(i int) []string
	gbk    bool
	// textCols are the columns written as ="…" (so that Excel keeps them as text); nil:
	// every column, as the GBK report does.
	textCols map[string]bool
}

var (
	// benchNarrow: the 23-column report the first import issue measured, GBK.
	benchNarrow = benchShape{header: benchHeader, row: benchRow, gbk: true}
	// benchFull: the whole 48-column report, UTF-8 (issue 13 §4).
	benchFull = benchShape{header: exportfile.TaobaoOrderHeader, row: benchFullRow, textCols: map[string]bool{
		"订单编号": true, "买家支付宝账号": true, "联系电话": true, "联系手机": true, "物流单号": true, "店铺Id": true,
		"特权订金订单id": true, "订单创建时间": true, "订单付款时间": true, "确认收货时间": true}}
)

// writeBenchCSV writes n orders of shape as the Taobao back office does (="…" cells).
func writeBenchCSV(tb testing.TB, path string, n int, footer []string) {
	tb.Helper()
	writeShapeCSV(tb, benchNarrow, path, n, footer)
}

func writeShapeCSV(tb testing.TB, shape benchShape, path string, n int, footer []string) {
	tb.Helper()
	if shape.textCols != nil {
		writeTextColsCSV(tb, shape, path, n, footer)
		return
	}
	// WriteCSV takes whole row sets: write chunks of 10k rows and append them, so that
	// memory stays flat for a million rows.
	rows := make([][]string, 0, 10_000)
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	tmp := path + ".part"
	for start := 0; start < n; start += cap(rows) {
		rows = rows[:0]
		for i := start; i < min(n, start+cap(rows)); i++ {
			rows = append(rows, shape.row(i))
		}
		var ft []string
		if start+cap(rows) >= n {
			ft = footer
		}
		if err := exportfile.WriteCSV(tmp, shape.header, rows, exportfile.CSVOptions{GBK: shape.gbk, ExcelText: true, Footer: ft}); err != nil {
			tb.Fatal(err)
		}
		data, err := os.ReadFile(tmp)
		if err != nil {
			tb.Fatal(err)
		}
		if start > 0 { // drop the repeated header line
			data = data[strings.IndexByte(string(data), '\n')+1:]
		}
		if _, err := f.Write(data); err != nil {
			tb.Fatal(err)
		}
	}
	os.Remove(tmp)
}

// writeTextColsCSV writes a UTF-8 file whose shape.textCols are ="…" cells, the others
// plain (quoted where CSV needs it).
func writeTextColsCSV(tb testing.TB, shape benchShape, path string, n int, footer []string) {
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	line := func(cells []string, text func(j int) bool) {
		for j, c := range cells {
			if j > 0 {
				w.WriteByte(',')
			}
			switch {
			case text(j):
				w.WriteString(`="` + strings.ReplaceAll(c, `"`, `""`) + `"`)
			case strings.ContainsAny(c, ",\"\r\n"):
				w.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
			default:
				w.WriteString(c)
			}
		}
		w.WriteString("\r\n")
	}
	line(shape.header, func(int) bool { return false })
	isText := func(j int) bool { return shape.textCols[shape.header[j]] }
	for i := 0; i < n; i++ {
		line(shape.row(i), isText)
	}
	for _, l := range footer {
		w.WriteString(l + "\r\n")
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
}

// resetPeakRSS starts a new resident-memory high-water mark, so that peakRSS measures what
// follows (the import) and not the files the benchmark generated before it.
func resetPeakRSS() {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peakRSS is the process's resident-memory high-water mark (VmHWM), in MB.
func peakRSS() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkImportTaobaoCSV imports a generated Taobao order report (1M rows by default)
// and reports, side by side in one run: the sqlite3 shell's .import of the same file (the
// reference), the full import, a re-import of the same orders (another file, so the
// duplicate-file shortcut does not apply), their ratios, and the peak RSS. Then the
// engine floor (engineFloor): the imported orders copied into an empty database by one
// INSERT … SELECT, through this build of SQLite and through the sqlite3 shell's.
func BenchmarkImportTaobaoCSV(b *testing.B) { benchImport(b, benchNarrow) }

// BenchmarkImportTaobaoFullCSV is BenchmarkImportTaobaoCSV on the whole 48-column Taobao
// order report in UTF-8 (benchFullRow): issue 13 §4 bounds its import at 1.3x the engine
// floor for the same rows (import/engine-floor).
func BenchmarkImportTaobaoFullCSV(b *testing.B) { benchImport(b, benchFull) }

func benchImport(b *testing.B, shape benchShape) {
	n := benchOrders()
	dir := b.TempDir()
	csvPath := filepath.Join(dir, "ExportOrderList.csv")
	again := filepath.Join(dir, "ExportOrderList-again.csv")
	writeShapeCSV(b, shape, csvPath, n, nil)
	writeShapeCSV(b, shape, again, n, []string{""}) // same orders, one blank line more: another SHA-256
	info, _ := os.Stat(csvPath)
	b.Logf("file: %d orders, %.1f MB", n, float64(info.Size())/1e6)

	// The reference is taken twice, before and after the imports, and averaged: on this
	// shared machine one run of it alone varied from 6 to 10 s.
	shellImport := func(name string) time.Duration {
		t0 := time.Now()
		shell := exec.Command("sqlite3", filepath.Join(dir, name))
		shell.Stdin = strings.NewReader(".mode csv\n.import " + csvPath + " orders\n")
		if out, err := shell.CombinedOutput(); err != nil {
			b.Fatalf("sqlite3 .import: %v: %s", err, out)
		}
		return time.Since(t0)
	}
	for i := 0; i < b.N; i++ {
		refBefore := shellImport(fmt.Sprintf("ref%d-a.db", i))

		ctx := context.Background()
		d, err := db.Open(ctx, filepath.Join(dir, fmt.Sprintf("shop%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		im := importer.New(d)
		runtime.GC()
		resetPeakRSS()
		t0 := time.Now()
		r := im.ImportFile(ctx, csvPath, importer.Options{})
		importTime := time.Since(t0)
		if r.Error != "" || r.New != n {
			b.Fatalf("import: %+v", r)
		}
		t1 := time.Now()
		r = im.ImportFile(ctx, again, importer.Options{})
		reimportTime := time.Since(t1)
		if r.Error != "" || r.Unchanged != n {
			b.Fatalf("re-import: %+v", r)
		}
		d.Close()
		imported := filepath.Join(dir, fmt.Sprintf("shop%d.db", i))
		floor := engineFloor(b, ctx, imported, filepath.Join(dir, fmt.Sprintf("floor%d.db", i)))
		nativeFloor := nativeEngineFloor(b, imported, filepath.Join(dir, fmt.Sprintf("floor%d-native.db", i)))
		refAfter := shellImport(fmt.Sprintf("ref%d-b.db", i))
		refTime := (refBefore + refAfter) / 2
		b.Logf("sqlite3 .import: %.2f s before, %.2f s after", refBefore.Seconds(), refAfter.Seconds())

		b.ReportMetric(refTime.Seconds(), "sqlite3-import-s")
		b.ReportMetric(importTime.Seconds(), "import-s")
		b.ReportMetric(importTime.Seconds()/refTime.Seconds(), "import/sqlite3")
		b.ReportMetric(reimportTime.Seconds(), "reimport-s")
		b.ReportMetric(reimportTime.Seconds()/importTime.Seconds(), "reimport/import")
		b.ReportMetric(float64(n)/importTime.Seconds(), "rows/s")
		b.ReportMetric(floor.Seconds(), "engine-floor-s")
		b.ReportMetric(floor.Seconds()/refTime.Seconds(), "engine-floor/sqlite3")
		b.ReportMetric(importTime.Seconds()/floor.Seconds(), "import/engine-floor")
		b.ReportMetric(nativeFloor.Seconds(), "native-floor-s")
		b.ReportMetric(nativeFloor.Seconds()/refTime.Seconds(), "native-floor/sqlite3")
		b.ReportMetric(peakRSS(), "peak-rss-MB")
	}
}

// engineFloor is what the database engine alone costs for the import's rows: the imported
// orders copied by one INSERT … SELECT into a fresh database of the same schema (every
// index the product keeps), in one transaction with the import's page cache and no
// checkpoint at commit (as db.InBulkTx). No file is read, no value parsed or bound: no
// import through this engine can be faster.
func engineFloor(b *testing.B, ctx context.Context, imported, path string) time.Duration {
	d, err := db.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	conn, err := d.SQL.Conn(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	run := func(q string) {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			b.Fatalf("engine floor: %s: %v", q, err)
		}
	}
	// The shops and batches the orders refer to (foreign keys are on), outside the timing.
	run("ATTACH DATABASE '" + imported + "' AS src")
	run("INSERT INTO import_batch SELECT * FROM src.import_batch") // shop.created_batch_id refers to it
	run("INSERT INTO shop SELECT * FROM src.shop")
	run(fmt.Sprintf("PRAGMA cache_size = %d", -importer.ImportCacheMiB*1024))
	run("PRAGMA wal_autocheckpoint = 0")
	t0 := time.Now()
	run("BEGIN")
	run("INSERT INTO orders SELECT * FROM src.orders")
	run("COMMIT")
	return time.Since(t0)
}

// nativeEngineFloor is engineFloor run by the sqlite3 shell (SQLite compiled from C):
// how much of the floor is the engine's build rather than SQLite itself.
func nativeEngineFloor(b *testing.B, imported, path string) time.Duration {
	d, err := db.Open(context.Background(), path) // the schema
	if err != nil {
		b.Fatal(err)
	}
	d.Close()
	script := fmt.Sprintf(`PRAGMA foreign_keys = ON;
PRAGMA cache_size = %d;
PRAGMA wal_autocheckpoint = 0;
PRAGMA synchronous = NORMAL;
ATTACH DATABASE '%s' AS src;
INSERT INTO import_batch SELECT * FROM src.import_batch;
INSERT INTO shop SELECT * FROM src.shop;
.timer on
BEGIN;
INSERT INTO orders SELECT * FROM src.orders;
COMMIT;
`, -importer.ImportCacheMiB*1024, imported)
	shell := exec.Command("sqlite3", path)
	shell.Stdin = strings.NewReader(script)
	out, err := shell.CombinedOutput()
	if err != nil {
		b.Fatalf("native engine floor: %v: %s", err, out)
	}
	// The shell's own timer, for BEGIN, the INSERT and COMMIT: its start-up and the
	// ATTACH are not part of the transaction engineFloor times.
	var total float64
	for _, line := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(line, "Run Time: real "); ok {
			f, err := strconv.ParseFloat(strings.Fields(rest)[0], 64)
			if err != nil {
				b.Fatalf("native engine floor: %q: %v", line, err)
			}
			total += f
		}
	}
	return time.Duration(total * float64(time.Second))
}

// BenchmarkImportXLSXvsCSV imports the same 100k orders once as a CSV and once as an xlsx
// (the streaming reader's path), each into a fresh database, and reports both times and
// their ratio (the issue asks for xlsx at most 2x CSV).
func BenchmarkImportXLSXvsCSV(b *testing.B) {
	const n = 100_000
	dir := b.TempDir()
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = benchRow(i)
	}
	csvPath := filepath.Join(dir, "ExportOrderList.csv")
	xlsxPath := filepath.Join(dir, "ExportOrderList.xlsx")
	if err := exportfile.WriteCSV(csvPath, benchHeader, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		b.Fatal(err)
	}
	if err := exportfile.WriteXLSX(xlsxPath, "订单", benchHeader, rows); err != nil {
		b.Fatal(err)
	}
	rows = nil
	ctx := context.Background()
	importInto := func(name, path string) time.Duration {
		d, err := db.Open(ctx, filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		defer d.Close()
		t0 := time.Now()
		r := importer.New(d).ImportFile(ctx, path, importer.Options{})
		took := time.Since(t0)
		if r.Error != "" || r.New != n {
			b.Fatalf("import %s: %+v", path, r)
		}
		return took
	}
	for i := 0; i < b.N; i++ {
		csvTime := importInto(fmt.Sprintf("csv%d.db", i), csvPath)
		xlsxTime := importInto(fmt.Sprintf("xlsx%d.db", i), xlsxPath)
		b.ReportMetric(csvTime.Seconds(), "csv-s")
		b.ReportMetric(xlsxTime.Seconds(), "xlsx-s")
		b.ReportMetric(xlsxTime.Seconds()/csvTime.Seconds(), "xlsx/csv")
	}
}
