package backup_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pressly/goose/v3"

	"shopdesk/db"
	"shopdesk/internal/backup"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

func openDB(t *testing.T, path string, opts ...db.Option) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// ordersCSV writes n Taobao orders (numbers from first) as the back office does.
func ordersCSV(t *testing.T, dir, name string, first, n int) string {
	return ordersCSVB(t, dir, name, first, n)
}

func ordersCSVB(t testing.TB, dir, name string, first, n int) string {
	t.Helper()
	path := filepath.Join(dir, name)
	// in chunks of 50,000 rows appended, so that a million rows stay small in memory
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for start := 0; start < n; start += 50_000 {
		part := ordersChunk(t, dir, first+start, min(50_000, n-start))
		if start > 0 {
			part = part[bytesIndexNL(part)+1:] // the header once
		}
		if _, err := f.Write(part); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func bytesIndexNL(b []byte) int {
	for i, c := range b {
		if c == '\n' {
			return i
		}
	}
	return len(b)
}

func ordersChunk(t testing.TB, dir string, first, n int) []byte {
	rows := make([][]string, n)
	for i := range rows {
		k := first + i
		rows[i] = exportfile.TaobaoOrder{OrderNo: fmt.Sprintf("3%018d", k), Buyer: fmt.Sprintf("买家%d", k%5000),
			Status: "交易成功", Address: "浙江省 杭州市 西湖区 文三路 " + fmt.Sprint(k%999) + "号", Title: "婴儿纯棉连体衣",
			Shop: "小米粒母婴旗舰店", PayFen: int64(1000 + k%90000), Items: 1 + k%3,
			CreatedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(k) * time.Minute).Format("2006-01-02 15:04:05"),
			PaidAt:    time.Date(2026, 1, 1, 0, 1, 0, 0, time.UTC).Add(time.Duration(k) * time.Minute).Format("2006-01-02 15:04:05"),
		}.Row()
	}
	tmp := filepath.Join(dir, "chunk.csv")
	if err := exportfile.WriteCSV(tmp, exportfile.TaobaoOrderHeader, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(tmp)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(tmp)
	return data
}

func mustImport(t *testing.T, d *db.DB, path string, opts importer.Options) importer.FileResult {
	t.Helper()
	r := importer.New(d).ImportFile(context.Background(), path, opts)
	if r.Error != "" {
		t.Fatalf("import %s: %s", path, r.Error)
	}
	return r
}

// tableCounts counts the rows of every table of the database at sqlDB.
func tableCounts(t *testing.T, sqlDB *sql.DB) map[string]int64 {
	t.Helper()
	rows, err := sqlDB.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	out := map[string]int64{}
	for _, n := range names {
		var c int64
		if err := sqlDB.QueryRow(`SELECT count(*) FROM "` + n + `"`).Scan(&c); err != nil {
			t.Fatal(err)
		}
		out[n] = c
	}
	return out
}

func integrityOK(t *testing.T, sqlDB *sql.DB) {
	t.Helper()
	var res string
	if err := sqlDB.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q, %v", res, err)
	}
}

func sameCounts(t *testing.T, what string, got, want map[string]int64) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: table %s has %d rows, want %d", what, k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d tables, want %d", what, len(got), len(want))
	}
}

// A backup is a private file in the folder, listed with its kind; a restore puts it back
// and keeps what it replaced, which restores in turn.
func TestBackupListRestore(t *testing.T) {
	dir := t.TempDir()
	d := openDB(t, filepath.Join(dir, "shopdesk.db"))
	ctx := context.Background()
	store := backup.New(d)
	mustImport(t, d, ordersCSV(t, dir, "ExportOrderList1.csv", 0, 200), importer.Options{})
	before := tableCounts(t, d.SQL)

	b, err := store.Backup(ctx, backup.KindManual)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(b.File) != filepath.Join(dir, "backups") || !strings.HasPrefix(b.Name, "shopdesk-") || !strings.HasSuffix(b.Name, "-manual.db") {
		t.Fatalf("backup %+v", b)
	}
	if runtime.GOOS != "windows" {
		for path, want := range map[string]os.FileMode{b.File: 0o600, filepath.Dir(b.File): 0o700} {
			if st, err := os.Stat(path); err != nil || st.Mode().Perm() != want {
				t.Errorf("%s: mode %v, want %v (%v)", path, st.Mode().Perm(), want, err)
			}
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "backups", "*-wal")); len(left) > 0 {
		t.Fatalf("the backup left %v", left)
	}
	mustImport(t, d, ordersCSV(t, dir, "ExportOrderList2.csv", 200, 50), importer.Options{})
	after := tableCounts(t, d.SQL)

	res, err := store.RestoreNamed(ctx, b.Name)
	if err != nil {
		t.Fatal(err)
	}
	integrityOK(t, d.SQL)
	sameCounts(t, "restored", tableCounts(t, d.SQL), before)
	if res.KeptAside.Kind != backup.KindRestore || res.From.Name != b.Name {
		t.Fatalf("result %+v", res)
	}
	list, err := store.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, x := range list {
		kinds = append(kinds, x.Kind)
	}
	if !slices.Equal(kinds, []string{backup.KindRestore, backup.KindManual}) {
		t.Fatalf("listed %v", kinds)
	}
	// Taking the restore back: the data kept aside goes back in place.
	if _, err := store.RestoreNamed(ctx, res.KeptAside.Name); err != nil {
		t.Fatal(err)
	}
	sameCounts(t, "restore taken back", tableCounts(t, d.SQL), after)
	// The restored database is the app's database: it writes, undoes, imports.
	mustImport(t, d, ordersCSV(t, dir, "ExportOrderList3.csv", 300, 10), importer.Options{})
}

// inTransaction tells a progress report made from inside the import's write transaction:
// the first one comes with the first row, whatever the machine's speed (later ones are
// throttled to one per 100 ms, and a fast machine imports the whole file before that).
func inTransaction(p importer.Progress) bool {
	return !p.Done && p.Waiting == ""
}

// The test of issue 15 §4: a backup taken while an import runs (in another goroutine)
// holds the database as it was before the import, whole; restored, every table has the
// rows it had before the import, and none of the import's batch. A restore asked for
// while an import runs waits for it, then puts the backup in place: never a mix.
func TestRestoreBackupTakenDuringImport(t *testing.T) {
	dir := t.TempDir()
	d := openDB(t, filepath.Join(dir, "shopdesk.db"))
	ctx := context.Background()
	store := backup.New(d)
	mustImport(t, d, ordersCSV(t, dir, "ExportOrderList-base.csv", 0, 2000), importer.Options{})
	before := tableCounts(t, d.SQL)
	big := ordersCSV(t, dir, "ExportOrderList-big.csv", 1000, 30000) // 1000 again, 29000 new

	// The import, in its own goroutine, reports progress from inside its transaction: the
	// first report holds it there while the backup is taken.
	midImport := make(chan struct{})
	resume := make(chan struct{})
	imported := make(chan importer.FileResult, 1)
	go func() {
		first := true
		imported <- importer.New(d).ImportFile(ctx, big, importer.Options{Progress: func(p importer.Progress) {
			if first && inTransaction(p) {
				first = false
				close(midImport)
				<-resume
			}
		}})
	}()
	<-midImport
	during, err := store.Backup(ctx, backup.KindManual)
	close(resume)
	if err != nil {
		t.Fatal(err)
	}
	r := <-imported
	if r.Error != "" || r.New != 29000 || r.Unchanged != 1000 {
		t.Fatalf("import: %+v", r)
	}
	after := tableCounts(t, d.SQL)
	if after["orders"] != before["orders"]+29000 {
		t.Fatalf("orders %d -> %d", before["orders"], after["orders"])
	}

	// The backup file itself: whole, and the state before the import.
	bdb, err := sql.Open("sqlite", "file:"+during.File+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	integrityOK(t, bdb)
	sameCounts(t, "backup taken during the import", tableCounts(t, bdb), before)
	bdb.Close()

	// Restored while another import runs: the restore waits for it.
	next := ordersCSV(t, dir, "ExportOrderList-next.csv", 40000, 5000)
	midImport, resume = make(chan struct{}), make(chan struct{})
	go func() {
		first := true
		imported <- importer.New(d).ImportFile(ctx, next, importer.Options{Progress: func(p importer.Progress) {
			if first && inTransaction(p) {
				first = false
				close(midImport)
				<-resume
			}
		}})
	}()
	<-midImport
	restored := make(chan error, 1)
	var res backup.RestoreResult
	go func() {
		var err error
		res, err = store.Restore(ctx, during.File)
		restored <- err
	}()
	// The restore cannot overtake the import: it is queued behind it.
	time.Sleep(200 * time.Millisecond)
	select {
	case err := <-restored:
		t.Fatalf("the restore ran during the import: %v", err)
	default:
	}
	close(resume)
	if r := <-imported; r.Error != "" || r.New != 5000 {
		t.Fatalf("second import: %+v", r)
	}
	if err := <-restored; err != nil {
		t.Fatal(err)
	}
	integrityOK(t, d.SQL)
	now := tableCounts(t, d.SQL)
	sameCounts(t, "restored", now, before)
	var batches int
	d.SQL.QueryRow(`SELECT count(*) FROM import_batch WHERE file_name IN ('ExportOrderList-big.csv', 'ExportOrderList-next.csv')`).Scan(&batches)
	if batches != 0 {
		t.Fatalf("%d batches of the later imports after restoring", batches)
	}
	// What the restore replaced (both imports) was kept aside, whole.
	adb, err := sql.Open("sqlite", "file:"+res.KeptAside.File+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer adb.Close()
	integrityOK(t, adb)
	if got := tableCounts(t, adb)["orders"]; got != after["orders"]+5000 {
		t.Fatalf("kept aside: %d orders, want %d", got, after["orders"]+5000)
	}
}

// Files that are not a backup of this app are refused, and nothing changes.
func TestRestoreRefuses(t *testing.T) {
	dir := t.TempDir()
	d := openDB(t, filepath.Join(dir, "shopdesk.db"))
	ctx := context.Background()
	store := backup.New(d)
	mustImport(t, d, ordersCSV(t, dir, "ExportOrderList.csv", 0, 20), importer.Options{})
	before := tableCounts(t, d.SQL)

	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	other := filepath.Join(dir, "other.db")
	odb, _ := sql.Open("sqlite", other)
	odb.Exec(`CREATE TABLE notes (x TEXT)`)
	odb.Close()
	newer := filepath.Join(dir, "newer.db")
	nb, err := store.BackupTo(ctx, dir, backup.KindManual)
	if err != nil {
		t.Fatal(err)
	}
	os.Rename(nb.File, newer)
	ndb, _ := sql.Open("sqlite", newer)
	ndb.Exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES (99999, 1)`)
	ndb.Close()
	damaged := filepath.Join(dir, "damaged.db")
	good, _ := store.BackupTo(ctx, dir, backup.KindManual)
	data, _ := os.ReadFile(good.File)
	for i := 8192; i < len(data) && i < 8192+4096; i++ {
		data[i] = 0xAA // a page of the backup overwritten
	}
	os.WriteFile(damaged, data, 0o600)

	tests := []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(dir, "nope.db"), "找不到这个文件"},
		{"a folder", dir, "这是一个文件夹"},
		{"empty", write("empty.db", nil), "文件是空的"},
		{"not a database", write("orders.csv", []byte("订单编号,订单状态\n1,交易成功\n")), "无法按数据库打开"},
		{"another app's database", other, "没有店务台的店铺和订单表"},
		{"from a newer version", newer, "来自更新版本的店务台"},
		{"damaged", damaged, "已损坏"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := store.Restore(ctx, tt.path)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "无法恢复") {
				t.Fatalf("err = %v", err)
			}
			sameCounts(t, "after a refused restore", tableCounts(t, d.SQL), before)
		})
	}
	if _, err := store.RestoreNamed(ctx, "../shopdesk.db"); err == nil || !strings.Contains(err.Error(), "备份文件夹里没有") {
		t.Fatalf("a path as a name: %v", err)
	}
}

// Opening a database of an older schema keeps a copy of it, of kind "migration", before
// the migrations change it; a current database and a new one are opened without one.
func TestBackupBeforeMigration(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "shopdesk.db")
	ctx := context.Background()
	d, err := db.Open(ctx, path, backup.BeforeMigrate(path))
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, d, ordersCSV(t, dir, "ExportOrderList.csv", 0, 20), importer.Options{})
	d.Close()
	list := func() []backup.Backup {
		d := openDB(t, path)
		l, err := backup.New(d).List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		d.Close()
		return l
	}
	if l := list(); len(l) != 0 {
		t.Fatalf("backups of a new or current database: %+v", l)
	}
	// The database as an older version left it: the newest migration taken back.
	sqlDB, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	provider, err := goose.NewProvider(goose.DialectSQLite3, sqlDB, os.DirFS("../../db/migrations"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := provider.Down(ctx); err != nil {
		t.Fatal(err)
	}
	older, _ := provider.GetDBVersion(ctx)
	sqlDB.Close()

	d, err = db.Open(ctx, path, backup.BeforeMigrate(path))
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	l := list()
	if len(l) != 1 || l[0].Kind != backup.KindMigration {
		t.Fatalf("backups %+v", l)
	}
	bdb, _ := sql.Open("sqlite", "file:"+l[0].File+"?mode=ro")
	defer bdb.Close()
	var v int64
	bdb.QueryRow(`SELECT max(version_id) FROM goose_db_version WHERE is_applied`).Scan(&v)
	if v != older || tableCounts(t, bdb)["orders"] != 20 {
		t.Fatalf("the migration backup is at version %d (want %d)", v, older)
	}
}

// The seller's folder: created private, backups go there, a relative path is refused, ""
// and the default folder go back to the default; an unplugged drive is named.
func TestSetFolder(t *testing.T) {
	dir := t.TempDir()
	d := openDB(t, filepath.Join(dir, "shopdesk.db"))
	ctx := context.Background()
	store := backup.New(d)
	usb := filepath.Join(dir, "U盘", "店务台备份")
	if err := store.SetFolder(ctx, usb); err != nil {
		t.Fatal(err)
	}
	b, err := store.Backup(ctx, backup.KindManual)
	if err != nil || filepath.Dir(b.File) != usb {
		t.Fatalf("backup %+v: %v", b, err)
	}
	st, _ := store.Status(ctx)
	if st.Dir != usb || st.DefaultDir != filepath.Join(dir, "backups") || len(st.Backups) != 1 {
		t.Fatalf("status %+v", st)
	}
	if err := store.SetFolder(ctx, "备份"); err == nil || !strings.Contains(err.Error(), "完整的位置") {
		t.Fatalf("relative folder: %v", err)
	}
	// The drive taken away: listing says so, a backup fails with the folder named.
	os.RemoveAll(filepath.Join(dir, "U盘"))
	os.WriteFile(filepath.Join(dir, "U盘"), []byte("not a folder"), 0o600)
	st, _ = store.Status(ctx)
	if !strings.Contains(st.FolderError, usb) {
		t.Fatalf("folder error %q", st.FolderError)
	}
	if _, err := store.Backup(ctx, backup.KindManual); err == nil || !strings.Contains(err.Error(), usb) {
		t.Fatalf("backup to a missing drive: %v", err)
	}
	for _, back := range []string{"", filepath.Join(dir, "backups")} {
		if err := store.SetFolder(ctx, back); err != nil {
			t.Fatal(err)
		}
		if got, _ := store.Dir(ctx); got != filepath.Join(dir, "backups") {
			t.Fatalf("after SetFolder(%q): %s", back, got)
		}
	}
}
