package db

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// The database holds buyers' names, phone numbers and addresses: only the user who runs
// Shopdesk may read it. A new database is created 0600 in a folder created 0700; SQLite
// gives its -wal and -shm files the mode of the database file (unixOpen's
// findCreateFileMode, kept by modernc's translation), so they follow. A database made by an
// older version (0644) is tightened when it is opened. Windows has no such bits: there the
// user's %APPDATA% is private by its ACL.
const (
	fileMode = 0o600
	dirMode  = 0o700
)

// prepareFile makes the folder and an empty database file with private modes, or tightens
// the modes of an existing database and its -wal and -shm files.
func prepareFile(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), dirMode); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, fileMode)
	switch {
	case err == nil:
		return f.Close() // SQLite takes an empty file as a new database
	case !errors.Is(err, fs.ErrExist):
		return err
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := tighten(p); err != nil {
			return err
		}
	}
	return nil
}

// tighten takes the group and other bits off an existing file (a missing one is fine).
func tighten(path string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if st.Mode().Perm()&0o077 == 0 {
		return nil
	}
	if err := os.Chmod(path, st.Mode().Perm()&^0o077); err != nil {
		return fmt.Errorf("make %s readable by its owner only: %w", path, err)
	}
	return nil
}

// TightenDir makes a folder Shopdesk owns (the default data folder) private to its user.
// It is not applied to a folder named with --db: that may be the user's home or a shared
// folder, whose modes are the user's business.
func TightenDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if st.Mode().Perm()&0o077 == 0 {
		return nil
	}
	return os.Chmod(dir, st.Mode().Perm()&^0o077)
}
