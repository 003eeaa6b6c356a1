package db

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Writers (issue 15 §3). SQLite lets one connection write at a time. Left to itself, a
// second writer (a settings save, an undo, the anomaly rules during an import) waited the
// busy timeout and failed with "database is locked (5) (SQLITE_BUSY)", or failed at once
// when its deferred transaction had read before it wrote. So:
//
//   - In this process, every write (InTx, InBulkTx, WithWriter) first takes the database's
//     writer lock: writers queue in the order they came (a channel's waiters are served
//     FIFO), each told once who it waits for (OnWait: the import page shows "等待另一个导入
//     完成"), and the wait ends with ctx.
//   - Write transactions begin IMMEDIATE (_txlock in the DSN): the write lock is taken at
//     BEGIN, inside the busy timeout, never half way through a transaction.
//   - Across processes (the window and `shopdesk import`), SQLite's lock decides. A writer
//     that holds the database for longer than statusAfter leaves a small file beside it
//     (<db>-writer: what runs, since when, which program); a writer of another process that
//     still finds the database busy after the busy timeout gets a BusyError that says so in
//     Chinese instead of SQLITE_BUSY.

// statusAfter is how long a write runs before it leaves its status file: the quick writes
// (a setting, a note) never touch the disk for it, and another process only reads the
// file after waiting the busy timeout (5 s).
const statusAfter = 300 * time.Millisecond

// Program names this process in the status file ("命令行 shopdesk import", "店务台窗口").
// main sets it once at start.
var Program = "店务台"

// Holder is the write that holds the database: its operation, since when and by whom.
type Holder struct {
	Op      string    `json:"op"`
	Since   time.Time `json:"since"`
	PID     int       `json:"pid"`
	Program string    `json:"program"`
	// Other: the holder is another process (read from its status file).
	Other bool `json:"-"`
}

// Describe is the holder in a Chinese sentence fragment: "命令行 shopdesk import（进程 42）
// 正在导入“a.csv”，10:32:05 开始（已 1 分 5 秒）".
func (h Holder) Describe() string { return h.describe(true) }

func (h Holder) describe(withElapsed bool) string {
	op := h.Op
	if op == "" {
		op = "写入数据"
	}
	who := ""
	if h.Other {
		who = "另一个程序"
		if h.Program != "" {
			who = h.Program
		}
		if h.PID > 0 {
			who += fmt.Sprintf("（进程 %d）", h.PID)
		}
	}
	s := who + "正在" + op
	if !h.Since.IsZero() {
		s += fmt.Sprintf("，%s 开始", h.Since.Local().Format("15:04:05"))
		if withElapsed {
			s += fmt.Sprintf("（已 %s）", elapsed(time.Since(h.Since)))
		}
	}
	return s
}

// Waiting is what a writer waiting for h is shown while it waits: "等待另一个导入完成：
// 正在导入“a.csv”，09:30:05 开始" (no elapsed time: the notice stays up while it grows).
func (h Holder) Waiting() string {
	if strings.HasPrefix(h.Op, "导入") || strings.HasPrefix(h.Op, "预览") {
		return "等待另一个导入完成：" + h.describe(false)
	}
	return "等待另一项操作完成：" + h.describe(false)
}

func elapsed(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d 秒", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%d 分 %d 秒", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%d 小时 %d 分", int(d.Hours()), int(d.Minutes())%60)
}

// ErrBusy is the family of BusyError (errors.Is(err, ErrBusy)).
var ErrBusy = errors.New("数据库正忙")

// BusyError: another process kept the database busy for longer than the busy timeout.
type BusyError struct {
	Holder Holder // zero when the other writer left no status file
	Path   string
}

func (e *BusyError) Error() string {
	if e.Holder.Op == "" {
		return "数据库正忙：另一个程序正在写入这个数据库（例如另一个店务台窗口或命令行），请等它完成后再试"
	}
	return "数据库正忙：" + e.Holder.Describe() + "。请等它完成后再试"
}

func (e *BusyError) Is(target error) bool { return target == ErrBusy }

type opKey struct{}
type waitKey struct{}

// WithOp names the write that ctx runs, for those who must wait for it ("导入“a.csv”",
// "撤销导入 #12"): it reads after "正在".
func WithOp(ctx context.Context, op string) context.Context {
	return context.WithValue(ctx, opKey{}, op)
}

// OnWait asks to be told when a write in ctx must wait for another writer, with who that
// is. fn is called once per wait, before waiting.
func OnWait(ctx context.Context, fn func(Holder)) context.Context {
	return context.WithValue(ctx, waitKey{}, fn)
}

func opOf(ctx context.Context) string {
	if op, ok := ctx.Value(opKey{}).(string); ok && op != "" {
		return op
	}
	return "保存数据"
}

func notifyWait(ctx context.Context, h Holder) {
	if fn, ok := ctx.Value(waitKey{}).(func(Holder)); ok && fn != nil {
		fn(h)
	}
}

// writerLock is the one writer at a time of a database file in this process. Handles of
// the same file share it (writerLockFor), so that tests and tools opening a file twice
// queue too.
type writerLock struct {
	sem    chan struct{}
	mu     sync.Mutex
	holder Holder
}

var (
	writerLocksMu sync.Mutex
	writerLocks   = map[string]*writerLock{}
)

func writerLockFor(path string) *writerLock {
	key := path
	if abs, err := filepath.Abs(path); err == nil {
		key = abs
	}
	writerLocksMu.Lock()
	defer writerLocksMu.Unlock()
	w := writerLocks[key]
	if w == nil {
		w = &writerLock{sem: make(chan struct{}, 1)}
		writerLocks[key] = w
	}
	return w
}

// acquire takes the writer lock, waiting for the writer before (told through OnWait).
// Call began once the database's own write lock is held too (BEGIN IMMEDIATE succeeded),
// and release at the end.
func (d *DB) acquire(ctx context.Context) (*writeTurn, error) {
	w := d.writer
	select {
	case w.sem <- struct{}{}:
	default:
		w.mu.Lock()
		h := w.holder
		w.mu.Unlock()
		notifyWait(ctx, h)
		select {
		case w.sem <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	t := &writeTurn{d: d, h: Holder{Op: opOf(ctx), Since: time.Now(), PID: os.Getpid(), Program: Program}}
	w.mu.Lock()
	w.holder = t.h
	w.mu.Unlock()
	return t, nil
}

// writeTurn is one writer's turn: the writer lock and, once the write lasts, the status
// file beside the database.
type writeTurn struct {
	d     *DB
	h     Holder
	timer *time.Timer

	mu            sync.Mutex
	written, done bool
}

// began starts the status file's timer. Only a writer that holds the database's write lock
// may write the file: one still waiting for another process would overwrite that one's.
func (t *writeTurn) began() {
	t.timer = time.AfterFunc(statusAfter, func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		if !t.done {
			t.written = writeStatus(t.d.statusPath(), t.h) == nil
		}
	})
}

func (t *writeTurn) release() {
	if t.timer != nil {
		t.timer.Stop()
	}
	t.mu.Lock()
	t.done = true
	if t.written {
		_ = os.Remove(t.d.statusPath())
	}
	t.mu.Unlock()
	w := t.d.writer
	w.mu.Lock()
	w.holder = Holder{}
	w.mu.Unlock()
	<-w.sem
}

// statusPath is the file a lasting write leaves beside the database.
func (d *DB) statusPath() string { return d.Path + "-writer" }

func writeStatus(path string, h Holder) error {
	data, err := json.Marshal(h)
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, fileMode); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func readStatus(path string) (Holder, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Holder{}, false
	}
	var h Holder
	if json.Unmarshal(data, &h) != nil || h.Op == "" {
		return Holder{}, false
	}
	h.Other = true
	return h, true
}

// isBusy tells SQLITE_BUSY (and its extended codes) from other errors.
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// beginErr turns SQLITE_BUSY at BEGIN (another process kept the database past the busy
// timeout) into a BusyError naming that process's write, from its status file.
func (d *DB) beginErr(err error) error {
	if !isBusy(err) {
		return fmt.Errorf("begin transaction: %w", err)
	}
	h, _ := readStatus(d.statusPath())
	return &BusyError{Holder: h, Path: d.Path}
}

// WithWriter runs fn holding the writer lock, outside any transaction: for work that
// writes the database by other means (a restore through SQLite's backup API, a
// checkpoint) and must not run beside another writer of this process.
func (d *DB) WithWriter(ctx context.Context, fn func(ctx context.Context) error) error {
	turn, err := d.acquire(ctx)
	if err != nil {
		return err
	}
	defer turn.release()
	turn.began()
	return fn(ctx)
}

// Writes is how many write transactions this handle has committed: a backup taken at
// one count holds the same data as the database while the count has not moved (no other
// process wrote in between).
func (d *DB) Writes() int64 { return d.writes.Load() }
