package shop_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"shopdesk/db"
	"shopdesk/internal/anomaly"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/shop"
)

// The sample exports every test imports (testdata/exports): two 淘宝 订单报表 of the shop
// 小米粒母婴旗舰店 (30 orders; a day later 35, 30 of them the same) and a 京东 export
// without 店铺名称 (4 orders).
var (
	exports     = filepath.Join("..", "..", "testdata", "exports")
	taobaoFirst = filepath.Join(exports, "ExportOrderList202611211800.csv")
	taobaoLater = filepath.Join(exports, "ExportOrderList202611220900.csv")
	jdExport    = filepath.Join(exports, "京东订单导出_20261121.csv")
)

const taobaoShopName = "小米粒母婴旗舰店"

func openDB(t *testing.T) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "shopdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func importFile(t *testing.T, d *db.DB, path string, opts importer.Options) importer.FileResult {
	t.Helper()
	res := importer.New(d).ImportFile(context.Background(), path, opts)
	if res.Error != "" {
		t.Fatalf("import %s: %s", filepath.Base(path), res.Error)
	}
	return res
}

// withShopName copies a GBK 订单报表 under name with every 店铺名称 replaced: the same
// orders exported from a shop of another name (or before a rename).
func withShopName(t *testing.T, src, name, shopName string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	from, err := simplifiedchinese.GBK.NewEncoder().String(taobaoShopName)
	if err != nil {
		t.Fatal(err)
	}
	to, err := simplifiedchinese.GBK.NewEncoder().String(shopName)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(from)) {
		t.Fatalf("%s does not name %s", src, taobaoShopName)
	}
	out := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(out, bytes.ReplaceAll(data, []byte(from), []byte(to)), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// copyFile copies a sample export under another name (another file-name pattern for the
// remembered shop choices).
func copyFile(t *testing.T, src, name string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(out, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// fixture is a database with every kind of row that refers to a shop, in two shops of
// each of two platforms, with rows both shops of a platform have.
type fixture struct {
	d     *db.DB
	shops map[string]int64 // by name
}

const (
	realTaobao   = taobaoShopName // the orders of the first export
	mistakeTB    = "小米粒母婴店"       // both exports under another name: the real shop's orders and five more
	mistakeOld   = "小米粒母婴小店"      // its name before a rename
	realJD       = "小米粒京东自营店"
	mistakeJD    = "京东新店"
	fixtureClock = "2026-11-23 12:00:00" // after every order: the time rules fire
)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	d := openDB(t)
	store := shop.New(d)
	f := &fixture{d: d, shops: map[string]int64{}}

	importFile(t, d, taobaoFirst, importer.Options{})
	// The same two exports under another shop name: the mistaken shop has every order of
	// the real one and five more, and the changes the later export made (order_change).
	importFile(t, d, withShopName(t, taobaoFirst, "ExportOrderList202611211800.csv", mistakeOld), importer.Options{})
	importFile(t, d, withShopName(t, taobaoLater, "ExportOrderList202611220900.csv", mistakeOld), importer.Options{})
	for _, name := range []string{realJD, mistakeJD} {
		s, err := store.Create(ctx, shop.JD, name)
		if err != nil {
			t.Fatal(err)
		}
		f.shops[name] = s.ID
	}
	// The JD export (no 店铺名称) into both JD shops (the real one's with one order more),
	// under two file names: each pick is remembered for its own file-name pattern.
	importFile(t, d, jdExport, importer.Options{ShopID: f.shops[mistakeJD]})
	importFile(t, d, withJDRow(t, "jd_orders_1.csv", "290099999999"), importer.Options{ShopID: f.shops[realJD]})

	shops, err := store.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range shops {
		f.shops[s.Name] = s.ID
	}
	if len(f.shops) != 5 { // the 订单报表 holds a second shop, 暖暖家居小铺
		t.Fatalf("fixture shops = %v", f.shops)
	}

	// Refunds: one refund number in both Taobao shops (the same refund report imported
	// into each), one in the mistaken shop only.
	refunds := []exportfile.TaobaoRefund{
		{OrderNo: "2165437890123456789", RefundNo: "90001", Title: "婴儿湿巾", Status: "买家已经申请退款，等待卖家同意",
			PayFen: 14970, RefundFen: 4990, AppliedAt: "2026-11-22 10:00:00", DeadlineAt: "2026-11-24 10:00:00", Shop: realTaobao},
		{OrderNo: "2165437890123456789", RefundNo: "90001", Title: "婴儿湿巾", Status: "买家已经申请退款，等待卖家同意",
			PayFen: 14970, RefundFen: 4990, AppliedAt: "2026-11-22 10:00:00", DeadlineAt: "2026-11-24 10:00:00", Shop: mistakeOld},
		{OrderNo: "8888621598945477128", RefundNo: "90002", Title: "防蚊手环", Status: "退款成功",
			PayFen: 5970, RefundFen: 5970, AppliedAt: "2026-11-21 10:00:00", FinishedAt: "2026-11-21 12:00:00", Shop: mistakeOld},
	}
	rows := make([][]string, len(refunds))
	for i, r := range refunds {
		rows[i] = r.Row(exportfile.TaobaoRefundHeaderWithShop)
	}
	refundFile := filepath.Join(t.TempDir(), "退款报表202611221000.csv")
	if err := exportfile.WriteCSV(refundFile, exportfile.TaobaoRefundHeaderWithShop, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	importFile(t, d, refundFile, importer.Options{})

	// Anomalies (the rules as of a time after every order), notes on some of them, and a
	// complaint: what the seller typed must follow the shop.
	anomalies := anomaly.New(d)
	wallTime, err := anomaly.ParseWall(fixtureClock)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := anomalies.Evaluate(ctx, anomaly.WallAt(wallTime)); err != nil {
		t.Fatal(err)
	}
	for name, id := range f.shops {
		var aid int64
		err := d.SQL.QueryRow(`SELECT id FROM anomaly WHERE shop_id = ? ORDER BY order_no, rule LIMIT 1`, id).Scan(&aid)
		if err != nil {
			t.Fatalf("no anomaly in %s: %v", name, err)
		}
		if err := anomalies.AddNote(ctx, aid, "已联系买家（"+name+"）", 0); err != nil {
			t.Fatal(err)
		}
		if _, err := anomalies.AddComplaint(ctx, anomaly.Complaint{ShopID: id, Content: "买家投诉（" + name + "）",
			Channel: "phone", Severity: "normal", OrderNo: "2165437890123456789"}, 0, time.Date(2026, 11, 22, 2, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}
	// The mistaken Taobao shop was renamed once: a merge carries its old name along.
	if _, err := store.Rename(ctx, f.shops[mistakeOld], mistakeTB); err != nil {
		t.Fatal(err)
	}
	f.shops[mistakeTB] = f.shops[mistakeOld]
	delete(f.shops, mistakeOld)
	return f
}

func readGBK(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	return string(s)
}

func writeGBK(t *testing.T, path, text string) {
	t.Helper()
	data, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// dump renders every row of every table (row ids included), so two states compare
// exactly.
func dump(t *testing.T, d *db.DB) string {
	t.Helper()
	var b strings.Builder
	for _, table := range tables(t, d) {
		if derived(table) {
			continue // kept by its owner; TestMergeKeepsDerivedTablesRight checks it
		}
		sel := "SELECT rowid, * FROM " + quote(table)
		if withoutRowid(t, d, table) {
			sel = "SELECT * FROM " + quote(table)
		}
		rows, err := d.SQL.Query(sel + " ORDER BY 1")
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
			for i, v := range vals {
				if bs, ok := v.([]byte); ok {
					vals[i] = string(bs)
				}
			}
			fmt.Fprintf(&b, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	return b.String()
}

func tables(t *testing.T, d *db.DB) []string {
	t.Helper()
	rows, err := d.SQL.Query(`SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name <> 'goose_db_version' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

func withoutRowid(t *testing.T, d *db.DB, table string) bool {
	t.Helper()
	var s string
	if err := d.SQL.QueryRow(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return strings.Contains(strings.ToUpper(s), "WITHOUT ROWID")
}

func quote(name string) string { return `"` + name + `"` }

// shopColumn is a column of the migrated schema that refers to a shop.
type shopColumn struct{ Table, Column string }

// shopColumns finds every column that holds a shop id in the migrated schema: named
// shop_id or *_shop_id, or a foreign key to shop.
func shopColumns(t *testing.T, d *db.DB) []shopColumn {
	t.Helper()
	var out []shopColumn
	for _, table := range tables(t, d) {
		if table == "shop" || derived(table) {
			continue
		}
		cols := map[string]bool{}
		rows, err := d.SQL.Query(`SELECT name FROM pragma_table_info(?)`, table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				t.Fatal(err)
			}
			if c == "shop_id" || strings.HasSuffix(c, "_shop_id") {
				cols[c] = true
			}
		}
		rows.Close()
		rows, err = d.SQL.Query(`SELECT "from" FROM pragma_foreign_key_list(?) WHERE "table" = 'shop'`, table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				t.Fatal(err)
			}
			cols[c] = true
		}
		rows.Close()
		for _, c := range slices.Sorted(mapsKeys(cols)) {
			out = append(out, shopColumn{table, c})
		}
	}
	return out
}

// derived reports whether table is a shop.DerivedTables table: summaries and the anomaly
// rules' state, which their owners keep (the dumps and the shop-column finder leave them out).
func derived(table string) bool {
	return slices.ContainsFunc(shop.DerivedTables, func(d shop.Derived) bool { return d.Table == table })
}

func mapsKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// rowsReferring counts, per shop column of the schema, the rows that hold id (but the
// merge log's, which names the shops merged away on purpose).
func rowsReferring(t *testing.T, d *db.DB, id int64) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, c := range shopColumns(t, d) {
		if _, own := shop.OwnColumns[c.Table+"."+c.Column]; own {
			continue
		}
		var n int64
		if err := d.SQL.QueryRow(fmt.Sprintf(`SELECT count(*) FROM %s WHERE %s = ?`, quote(c.Table), quote(c.Column)), id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			out[c.Table+"."+c.Column] = n
		}
	}
	return out
}

// strs reads one text column of a query.
func strs(t *testing.T, d *db.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := d.SQL.Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s sql.NullString
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s.String)
	}
	return out
}

func count(t *testing.T, d *db.DB, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := d.SQL.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
