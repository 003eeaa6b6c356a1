// Package backup keeps copies of the database (issue 15 §4): automatic ones (daily, before
// an import, before a migration) rotated by the counts set in 设置 → 备份, ones the seller
// asks for, and the database as it was before each restore. A backup is one SQLite file
// in the backup folder (beside the database by default; a USB drive or a synced folder if
// the seller chooses), readable by its user only, named for its database, time and kind:
// shopdesk-20261122-093005-daily.db. Restoring puts one back in place of the open
// database, after keeping the current one aside.
package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"shopdesk/db"
	"shopdesk/internal/settings"
)

// Kinds of backup.
const (
	KindDaily     = "daily"     // the day's automatic one
	KindImport    = "import"    // before an import
	KindMigration = "migration" // before this version changed the database's schema
	KindManual    = "manual"    // 立即备份, `shopdesk backup`
	KindRestore   = "restore"   // the database as it was before a restore
)

// Kinds lists the kinds; the UI's labels are checked against it.
var Kinds = []string{KindDaily, KindImport, KindMigration, KindManual, KindRestore}

// KindName is each kind in Chinese, for the command line (the UI has its own labels).
var KindName = map[string]string{
	KindDaily:     "每日自动",
	KindImport:    "导入前",
	KindMigration: "升级前",
	KindManual:    "手动",
	KindRestore:   "恢复前",
}

// automatic kinds are rotated (prune); a backup the seller made, or the database kept
// aside before a restore, stays until the seller deletes it.
func automatic(kind string) bool {
	return kind == KindDaily || kind == KindImport || kind == KindMigration
}

// Backup is one backup file.
type Backup struct {
	File string `json:"file"` // full path
	Name string `json:"name"` // file name, what the UI restores by
	Time string `json:"time"` // when it was taken, this computer's time: "2026-11-22 09:30:05"
	Size int64  `json:"size"` // bytes
	Kind string `json:"kind"`
	at   time.Time
}

func newBackup(file string, at time.Time, size int64, kind string) Backup {
	return Backup{File: file, Name: filepath.Base(file), Time: at.Format(timeLayout), Size: size, Kind: kind, at: at}
}

// At is when the backup was taken.
func (b Backup) At() time.Time { return b.at }

const timeLayout = "2006-01-02 15:04:05"

// Store makes, lists, rotates and restores the backups of one database. Build it once.
type Store struct {
	db *db.DB
	// mu: one backup or restore at a time in this process.
	mu sync.Mutex
	// lastWrites is db.Writes() when this store last made a backup, -1 before: a backup
	// before an import is not made again while nothing was written since.
	lastWrites int64
	now        func() time.Time

	errMu     sync.Mutex
	lastErr   string
	lastErrAt time.Time
}

// New returns the store of d's backups.
func New(d *db.DB) *Store { return &Store{db: d, lastWrites: -1, now: time.Now} }

// DefaultDir is the backup folder of the database at dbPath when the seller chose none:
// "backups" beside it.
func DefaultDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// Dir is the backup folder in force.
func (s *Store) Dir(ctx context.Context) (string, error) {
	dir, err := settings.BackupFolder(ctx, s.db.Queries())
	if err != nil {
		return "", err
	}
	if dir == "" {
		dir = DefaultDir(s.db.Path)
	}
	return dir, nil
}

// nameRe matches a backup's file name: <stem>-<yyyymmdd>-<hhmmss>-<kind>[-n].db.
var nameRe = regexp.MustCompile(`^(.+)-(\d{8}-\d{6})-(` + strings.Join(Kinds, "|") + `)(?:-\d+)?\.db$`)

// stem is the database's file name without its extension: the backups' prefix, so that
// two databases may share a backup folder.
func stem(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// parseName reads a backup's time and kind from its name; ok false for other files.
func parseName(dbStem, name string) (t time.Time, kind string, ok bool) {
	m := nameRe.FindStringSubmatch(name)
	if m == nil || m[1] != dbStem {
		return time.Time{}, "", false
	}
	t, err := time.ParseInLocation("20060102-150405", m[2], time.Local)
	if err != nil {
		return time.Time{}, "", false
	}
	return t, m[3], true
}

// List returns the backups in the folder, newest first. A folder that does not exist (yet)
// holds none.
func (s *Store) List(ctx context.Context) ([]Backup, error) {
	dir, err := s.Dir(ctx)
	if err != nil {
		return nil, err
	}
	return listDir(dir, stem(s.db.Path))
}

func listDir(dir, dbStem string) ([]Backup, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return []Backup{}, nil
	}
	if err != nil {
		return nil, folderError(dir, err)
	}
	out := []Backup{}
	for _, e := range entries {
		t, kind, ok := parseName(dbStem, e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		out = append(out, newBackup(filepath.Join(dir, e.Name()), t, info.Size(), kind))
	}
	slices.SortFunc(out, func(a, b Backup) int {
		if c := b.at.Compare(a.at); c != 0 {
			return c
		}
		return strings.Compare(b.Name, a.Name)
	})
	return out, nil
}

// folderError says in Chinese what is wrong with the backup folder.
func folderError(dir string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("备份文件夹“%s”不存在或无法访问（U 盘或移动硬盘是否已拔出？网盘文件夹是否已同步？）", dir)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("没有权限写入备份文件夹“%s”：请换一个文件夹", dir)
	}
	return fmt.Errorf("备份文件夹“%s”无法使用（系统提示：%v）", dir, err)
}

// Backup copies the database into the backup folder now and rotates the automatic ones.
func (s *Store) Backup(ctx context.Context, kind string) (Backup, error) {
	dir, err := s.Dir(ctx)
	if err != nil {
		return Backup{}, err
	}
	return s.BackupTo(ctx, dir, kind)
}

// BackupTo copies the database into dir (`shopdesk backup --to DIR`).
func (s *Store) BackupTo(ctx context.Context, dir, kind string) (Backup, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.backupLocked(ctx, dir, kind)
}

func (s *Store) backupLocked(ctx context.Context, dir, kind string) (Backup, error) {
	writes := s.db.Writes()
	b, err := copyDatabase(ctx, s.db.SQL, s.db.Path, dir, kind, s.now())
	if err != nil {
		return Backup{}, err
	}
	s.lastWrites = writes
	if automatic(kind) {
		if err := s.prune(ctx, dir); err != nil {
			return b, err
		}
	}
	return b, nil
}

// prune deletes the automatic backups the keep counts no longer cover.
func (s *Store) prune(ctx context.Context, dir string) error {
	daily, weekly, err := settings.BackupKeep(ctx, s.db.Queries())
	if err != nil {
		return err
	}
	list, err := listDir(dir, stem(s.db.Path))
	if err != nil {
		return err
	}
	for _, b := range Expired(list, daily, weekly) {
		if err := os.Remove(b.File); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("删除过期的备份 %s：%w", b.Name, err)
		}
	}
	return nil
}

// Expired picks the automatic backups to delete (list newest first): kept is the newest
// of each of the newest keepDaily days that have an automatic backup, and the newest of
// each of the newest keepWeekly weeks (ISO weeks, Monday first) that have one; a backup
// may count for both. Backups the seller made and those kept before a restore never
// expire.
func Expired(list []Backup, keepDaily, keepWeekly int) []Backup {
	keep := map[string]bool{}
	mark := func(n int, period func(time.Time) string) {
		seen := map[string]bool{}
		for _, b := range list {
			if !automatic(b.Kind) {
				continue
			}
			p := period(b.at)
			if seen[p] {
				continue
			}
			if len(seen) == n {
				return
			}
			seen[p] = true
			keep[b.File] = true
		}
	}
	mark(keepDaily, func(t time.Time) string { return t.Format("2006-01-02") })
	mark(keepWeekly, func(t time.Time) string {
		y, w := t.ISOWeek()
		return fmt.Sprintf("%d-%02d", y, w)
	})
	var out []Backup
	for _, b := range list {
		if automatic(b.Kind) && !keep[b.File] {
			out = append(out, b)
		}
	}
	return out
}

// copyDatabase copies the database open as sqlDB (at dbPath) into a new backup file in
// dir (see copyInto), named for its time and kind, readable by its owner only.
func copyDatabase(ctx context.Context, sqlDB *sql.DB, dbPath, dir, kind string, now time.Time) (Backup, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Backup{}, folderError(dir, err)
	}
	if dir == DefaultDir(dbPath) {
		// Shopdesk's own folder, like the data folder: its user's only. A folder the seller
		// chose (a USB drive, a synced folder) keeps the modes it has; the files are 0600.
		if err := db.TightenDir(dir); err != nil {
			return Backup{}, folderError(dir, err)
		}
	}
	removeStalePartials(dir)
	name, err := reserve(dir, stem(dbPath)+"-"+now.Format("20060102-150405")+"-"+kind)
	if err != nil {
		return Backup{}, folderError(dir, err)
	}
	// The copy is made under another name and renamed when complete: a backup in the
	// list is never half written (a full USB drive, the app closed mid-way).
	final := filepath.Join(dir, name)
	tmp := final + partialSuffix
	if err := copyInto(ctx, sqlDB, tmp); err != nil {
		os.Remove(tmp)
		return Backup{}, fmt.Errorf("备份到“%s”没有完成：%w", dir, err)
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Remove(tmp)
		return Backup{}, folderError(dir, err)
	}
	st, err := os.Stat(final)
	if err != nil {
		return Backup{}, folderError(dir, err)
	}
	t, _, _ := parseName(stem(dbPath), name)
	return newBackup(final, t, st.Size(), kind), nil
}

// partialSuffix marks a backup being written.
const partialSuffix = ".partial"

// reserve picks prefix.db, or prefix-2.db, … when taken (two backups in one second), and
// creates its partial file, empty and readable by its owner only (SQLite would create a
// new file 0644; it takes an empty file as a new database).
func reserve(dir, prefix string) (string, error) {
	for n := 1; n < 100; n++ {
		name := prefix + ".db"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.db", prefix, n)
		}
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			continue
		}
		f, err := os.OpenFile(filepath.Join(dir, name+partialSuffix), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		return name, f.Close()
	}
	return "", errors.New("too many backups in one second")
}

// removeStalePartials removes what a backup interrupted a day ago or more left behind.
func removeStalePartials(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), partialSuffix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 24*time.Hour {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
