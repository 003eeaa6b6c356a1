package importer_test

import (
	"context"
	"database/sql"
	"os"
	"strings"
	"sync"
	"testing"

	"shopdesk/db"
	"shopdesk/db/sqldb"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// An import started while another write holds the database waits for it (no SQLITE_BUSY,
// no "unreadable file"), says so in its progress, and then imports.
func TestImportWaitsForAnotherWriter(t *testing.T) {
	tests := []struct {
		name, op, want string
	}{
		{"behind an undo", "撤销导入 #7", "等待另一项操作完成：正在撤销导入 #7"},
		{"behind another import", "导入“ExportOrderList202611220900.csv”", "等待另一个导入完成：正在导入“ExportOrderList202611220900.csv”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			ctx := context.Background()
			path := writeTaobao(t, "ExportOrderList202611211800.csv", sampleOrders(), exportfile.CSVOptions{GBK: true, ExcelText: true})

			holding, letGo := make(chan struct{}), make(chan struct{})
			held := make(chan error, 1)
			go func() {
				held <- d.InTx(db.WithOp(ctx, tt.op), func(_ *sql.Tx, q *sqldb.Queries) error {
					close(holding)
					<-letGo
					return nil
				})
			}()
			<-holding

			var mu sync.Mutex
			var waiting []string
			var once sync.Once
			r := importer.New(d).ImportFile(ctx, path, importer.Options{Progress: func(p importer.Progress) {
				if p.Waiting == "" {
					return
				}
				mu.Lock()
				waiting = append(waiting, p.Waiting)
				mu.Unlock()
				once.Do(func() { close(letGo) })
			}})
			if err := <-held; err != nil {
				t.Fatal(err)
			}
			if r.Error != "" || r.New != len(sampleOrders()) {
				t.Fatalf("import after the wait: %+v", r)
			}
			if len(waiting) != 1 || !strings.HasPrefix(waiting[0], tt.want) || !strings.HasSuffix(waiting[0], " 开始") {
				t.Fatalf("progress said %q, want %q…", waiting, tt.want)
			}
		})
	}
}

// When another program holds the database past the busy timeout, the file is not called
// unreadable: the result says the database is busy and what the other program runs.
func TestImportWhileAnotherProgramWrites(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	path := writeTaobao(t, "ExportOrderList202611211800.csv", sampleOrders(), exportfile.CSVOptions{GBK: true, ExcelText: true})
	// Another program: a connection of its own (not this process's writer lock) holding
	// SQLite's write lock, and the status file such a program leaves.
	other, err := sql.Open("sqlite", "file:"+d.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")
	status := `{"op":"导入“京东订单导出_20261121.csv”","since":"2026-11-22T09:30:00+08:00","pid":4242,"program":"命令行 shopdesk import"}`
	if err := os.WriteFile(d.Path+"-writer", []byte(status), 0o600); err != nil {
		t.Fatal(err)
	}

	r := importer.New(d).ImportFile(ctx, path, importer.Options{})
	if r.ErrorCode != importer.ErrCodeBusy {
		t.Fatalf("%s: %s", r.ErrorCode, r.Error)
	}
	for _, want := range []string{"文件“ExportOrderList202611211800.csv”没有导入", "数据库正忙", "命令行 shopdesk import（进程 4242）正在导入“京东订单导出_20261121.csv”"} {
		if !strings.Contains(r.Error, want) {
			t.Errorf("%q lacks %q", r.Error, want)
		}
	}
	if n := count(t, d, "orders"); n != 0 {
		t.Fatalf("%d orders", n)
	}
}
