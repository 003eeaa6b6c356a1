package db_test

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/db/sqldb"
)

func openTemp(t *testing.T) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "shop.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func createShop(ctx context.Context, q *sqldb.Queries, name string) error {
	_, err := q.CreateShop(ctx, sqldb.CreateShopParams{Platform: "taobao", Name: name, Timezone: "Asia/Shanghai"})
	return err
}

// While a bulk write (an import) holds the database, every other kind of write of the
// process (InTx: a settings save, an undo, the rules) waits for it instead of failing with
// SQLITE_BUSY, is told who it waits for, and then runs; readers are not held up at all.
func TestWritersQueueBehindABulkWrite(t *testing.T) {
	d := openTemp(t)
	ctx := context.Background()
	const waiters = 8

	holding := make(chan struct{})
	letGo := make(chan struct{})
	bulkDone := make(chan error, 1)
	go func() {
		bulkDone <- d.InBulkTx(db.WithOp(ctx, "导入“a.csv”"), 8, func(tx *sql.Tx, q *sqldb.Queries) error {
			if err := createShop(ctx, q, "导入的店"); err != nil {
				return err
			}
			close(holding)
			<-letGo
			return nil
		})
	}()
	<-holding

	// A read of the database while the import holds it: it answers before the import
	// is let go (the import waits for it), so it cannot have waited for the import.
	var shopsSeen int64
	if err := d.SQL.QueryRowContext(ctx, `SELECT count(*) FROM shop`).Scan(&shopsSeen); err != nil {
		t.Fatalf("read during the import: %v", err)
	}
	if shopsSeen != 0 {
		t.Fatalf("a reader saw %d shops of the uncommitted import", shopsSeen)
	}

	var mu sync.Mutex
	var told []db.Holder
	var wg sync.WaitGroup
	errs := make(chan error, waiters)
	waiting := make(chan struct{}, waiters)
	for i := range waiters {
		wg.Go(func() {
			wctx := db.OnWait(db.WithOp(ctx, "保存设置"), func(h db.Holder) {
				mu.Lock()
				told = append(told, h)
				mu.Unlock()
				waiting <- struct{}{}
			})
			errs <- d.InTx(wctx, func(_ *sql.Tx, q *sqldb.Queries) error {
				return createShop(ctx, q, fmt.Sprintf("店%d", i))
			})
		})
	}
	for range waiters {
		<-waiting // every writer is waiting: none failed, none ran
	}
	close(letGo)
	wg.Wait()
	close(errs)
	if err := <-bulkDone; err != nil {
		t.Fatalf("bulk write: %v", err)
	}
	for err := range errs {
		if err != nil {
			t.Errorf("a waiting writer failed: %v", err)
		}
	}
	var n int64
	d.SQL.QueryRow(`SELECT count(*) FROM shop`).Scan(&n)
	if n != waiters+1 {
		t.Fatalf("%d shops, want %d", n, waiters+1)
	}
	for _, h := range told {
		if !strings.Contains(h.Describe(), "正在导入“a.csv”") || h.Other {
			t.Errorf("a waiter was told %q (other process %v)", h.Describe(), h.Other)
		}
	}
}

// A writer that gives up while waiting (the import page's cancel) returns at once with the
// context's error and writes nothing; the queue goes on without it.
func TestWaitingWriterCanBeCanceled(t *testing.T) {
	d := openTemp(t)
	ctx := context.Background()
	holding, letGo := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- d.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
			close(holding)
			<-letGo
			return createShop(ctx, q, "甲")
		})
	}()
	<-holding
	cctx, cancel := context.WithCancel(ctx)
	waitErr := make(chan error, 1)
	go func() {
		waitErr <- d.InTx(db.OnWait(cctx, func(db.Holder) { cancel() }), func(_ *sql.Tx, q *sqldb.Queries) error {
			return createShop(ctx, q, "乙")
		})
	}()
	if err := <-waitErr; !errors.Is(err, context.Canceled) {
		t.Fatalf("canceled waiter: %v", err)
	}
	close(letGo)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := d.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error { return createShop(ctx, q, "丙") }); err != nil {
		t.Fatalf("the lock was not given back: %v", err)
	}
	var names []string
	rows, _ := d.SQL.Query(`SELECT name FROM shop ORDER BY id`)
	for rows.Next() {
		var s string
		rows.Scan(&s)
		names = append(names, s)
	}
	rows.Close()
	if strings.Join(names, ",") != "甲,丙" {
		t.Fatalf("shops %v", names)
	}
}

// holderEnv makes this test binary a second process that holds a write on the database
// (TestHelperHoldsTheDatabase).
const holderEnv = "SHOPDESK_TEST_HOLD_DB"

// TestHelperHoldsTheDatabase is not a test: run by TestOtherProcessBusyIsNamed as another
// process, it holds a write transaction on the database for a while, as `shopdesk import`
// would, and says when it holds it.
func TestHelperHoldsTheDatabase(t *testing.T) {
	path := os.Getenv(holderEnv)
	if path == "" {
		t.Skip("helper process only")
	}
	db.Program = "命令行 shopdesk import"
	ctx := context.Background()
	d, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	err = d.InBulkTx(db.WithOp(ctx, "导入“订单.csv”"), 8, func(tx *sql.Tx, q *sqldb.Queries) error {
		if err := createShop(ctx, q, "另一个进程的店"); err != nil {
			return err
		}
		// Let the status file be written, then tell the parent and hold on.
		for {
			if _, err := os.Stat(path + "-writer"); err == nil {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		fmt.Println("HOLDING")
		os.Stdout.Sync()
		_, _ = bufio.NewReader(os.Stdin).ReadString('\n') // until the parent says so
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A write while another process holds the database waits the busy timeout, then fails with
// a Chinese message that says what the other process runs, not SQLITE_BUSY; once the other
// process is done, writes work again and its status file is gone.
func TestOtherProcessBusyIsNamed(t *testing.T) {
	if os.Getenv(holderEnv) != "" {
		t.Skip()
	}
	d := openTemp(t)
	ctx := context.Background()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldsTheDatabase$", "-test.count=1")
	cmd.Env = append(os.Environ(), holderEnv+"="+d.Path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	sc := bufio.NewScanner(stdout)
	for sc.Scan() && sc.Text() != "HOLDING" {
	}

	err := d.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error { return createShop(ctx, q, "这边的店") })
	var be *db.BusyError
	if !errors.As(err, &be) || !errors.Is(err, db.ErrBusy) {
		t.Fatalf("write during the other process's import: %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"数据库正忙", "命令行 shopdesk import", fmt.Sprintf("进程 %d", cmd.Process.Pid), "正在导入“订单.csv”", "开始"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "locked") {
		t.Errorf("message %q speaks SQLite", msg)
	}

	stdin.Write([]byte("\n"))
	if err := cmd.Wait(); err != nil {
		t.Fatalf("helper: %v", err)
	}
	if _, err := os.Stat(d.Path + "-writer"); !os.IsNotExist(err) {
		t.Fatalf("status file left behind: %v", err)
	}
	if err := d.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error { return createShop(ctx, q, "这边的店") }); err != nil {
		t.Fatalf("write after the other process: %v", err)
	}
}

// Two handles of one file in one process share the writer lock: the second waits.
func TestHandlesOfOneFileShareTheLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	ctx := context.Background()
	a, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	holding, letGo := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- a.InTx(db.WithOp(ctx, "撤销导入 #3"), func(_ *sql.Tx, q *sqldb.Queries) error {
			close(holding)
			<-letGo
			return createShop(ctx, q, "甲")
		})
	}()
	<-holding
	var told db.Holder
	err = b.InTx(db.OnWait(ctx, func(h db.Holder) { told = h; close(letGo) }), func(_ *sql.Tx, q *sqldb.Queries) error {
		return createShop(ctx, q, "乙")
	})
	if err != nil || <-done != nil {
		t.Fatalf("second handle: %v", err)
	}
	if told.Op != "撤销导入 #3" {
		t.Fatalf("told %+v", told)
	}
}

// After a bulk write that grew the WAL past its limit, the WAL is checkpointed and cut to
// nothing, while the app keeps the database open (it stayed 550 MB after a 1M import).
func TestBulkWriteLeavesNoBigWAL(t *testing.T) {
	d := openTemp(t)
	ctx := context.Background()
	if _, err := d.SQL.ExecContext(ctx, `CREATE TABLE filler (b BLOB)`); err != nil {
		t.Fatal(err)
	}
	err := d.InBulkTx(ctx, 8, func(tx *sql.Tx, _ *sqldb.Queries) error {
		for range 100 { // 100 MB: over walSizeLimit (64 MB)
			if _, err := tx.ExecContext(ctx, `INSERT INTO filler VALUES (randomblob(1048576))`); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	d.WaitCheckpoints()
	st, err := os.Stat(d.Path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() != 0 {
		t.Fatalf("WAL is %d bytes after the checkpoint", st.Size())
	}
	var n int
	if err := d.SQL.QueryRow(`SELECT count(*) FROM filler`).Scan(&n); err != nil || n != 100 {
		t.Fatalf("%d rows, %v", n, err)
	}
}
