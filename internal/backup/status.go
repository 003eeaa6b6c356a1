package backup

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/settings"
)

// Status is what 设置 → 备份 shows.
type Status struct {
	Dir        string   `json:"dir"`        // the folder in force
	DefaultDir string   `json:"defaultDir"` // beside the database
	Backups    []Backup `json:"backups"`    // newest first
	// FolderError says why the folder cannot be listed (an unplugged drive), "" when it can.
	FolderError string `json:"folderError"`
	// LastError is the last automatic backup's failure, "" once one works again.
	LastError   string `json:"lastError"`
	LastErrorAt string `json:"lastErrorAt"` // "2026-11-22 09:30:05"
}

// Status lists the backups with the folder and the last failure of an automatic backup.
func (s *Store) Status(ctx context.Context) (Status, error) {
	dir, err := s.Dir(ctx)
	if err != nil {
		return Status{}, err
	}
	st := Status{Dir: dir, DefaultDir: DefaultDir(s.db.Path), Backups: []Backup{}}
	if list, err := listDir(dir, stem(s.db.Path)); err != nil {
		st.FolderError = err.Error()
	} else {
		st.Backups = list
	}
	s.errMu.Lock()
	st.LastError = s.lastErr
	if !s.lastErrAt.IsZero() {
		st.LastErrorAt = s.lastErrAt.Format(timeLayout)
	}
	s.errMu.Unlock()
	return st, nil
}

// NoteAutomatic records how an automatic backup went, for Status.
func (s *Store) NoteAutomatic(err error) {
	s.errMu.Lock()
	defer s.errMu.Unlock()
	if err == nil {
		s.lastErr, s.lastErrAt = "", time.Time{}
		return
	}
	s.lastErr, s.lastErrAt = err.Error(), s.now()
}

// SetFolder makes dir the backup folder ("" or the default folder: back to the default).
// The folder is created if needed and must take a file; the backups already made stay
// where they are.
func (s *Store) SetFolder(ctx context.Context, dir string) error {
	if dir != "" {
		if !filepath.IsAbs(dir) {
			return fmt.Errorf("备份文件夹“%s”要写完整的位置（例如 D:\\店务台备份）", dir)
		}
		dir = filepath.Clean(dir)
		if dir == DefaultDir(s.db.Path) {
			dir = ""
		}
	}
	if dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return folderError(dir, err)
		}
		probe, err := os.CreateTemp(dir, ".shopdesk-probe-*")
		if err != nil {
			return folderError(dir, err)
		}
		probe.Close()
		os.Remove(probe.Name())
	}
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		return settings.SaveBackupFolder(ctx, q, dir)
	})
}
