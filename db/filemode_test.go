//go:build !windows

package db_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"shopdesk/db"
)

func perm(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// The database and its WAL files are readable by the user only, whatever the umask, and an
// older database made 0644 is tightened when opened.
func TestDatabaseFilesArePrivate(t *testing.T) {
	old := syscall.Umask(0) // the most permissive umask: modes must not depend on it
	defer syscall.Umask(old)
	ctx := context.Background()

	t.Run("new", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "shopdesk")
		path := filepath.Join(dir, "shop.db")
		d, err := db.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if _, err := d.SQL.Exec(`INSERT INTO shop (platform, name, created_at) VALUES ('taobao', '隐私测试店', '2026-11-22 09:00:00')`); err != nil {
			t.Fatal(err)
		}
		want := map[string]os.FileMode{dir: 0o700, path: 0o600, path + "-wal": 0o600, path + "-shm": 0o600}
		for p, m := range want {
			if got := perm(t, p); got != m {
				t.Errorf("%s: mode %v, want %v", filepath.Base(p), got, m)
			}
		}
	})

	t.Run("existing 0644", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "shop.db")
		d, err := db.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.SQL.Exec(`INSERT INTO shop (platform, name, created_at) VALUES ('taobao', '旧店', '2026-11-22 09:00:00')`); err != nil {
			t.Fatal(err)
		}
		d.Close()
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		// -wal and -shm are gone after a clean close: leave them as a crashed older version did
		for _, p := range []string{path + "-wal", path + "-shm"} {
			os.Remove(p)
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		d, err = db.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		var n int
		if err := d.SQL.QueryRow(`SELECT count(*) FROM shop WHERE name = '旧店'`).Scan(&n); err != nil || n != 1 {
			t.Fatalf("data after tightening: %d, %v", n, err)
		}
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			if got := perm(t, p); got != 0o600 {
				t.Errorf("%s: mode %v, want 0600", filepath.Base(p), got)
			}
		}
	})

	t.Run("default folder tightened", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "shopdesk")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := db.TightenDir(dir); err != nil {
			t.Fatal(err)
		}
		if got := perm(t, dir); got != 0o700 {
			t.Fatalf("folder mode %v, want 0700", got)
		}
	})
}
