package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"shopdesk/db"
)

// RestoreResult says what a restore did.
type RestoreResult struct {
	From      Backup `json:"from"`      // the backup put in place
	KeptAside Backup `json:"keptAside"` // the database as it was before, in the backup folder
}

// RestoreNamed restores the backup of that name in the backup folder (what the UI sends:
// a name from List, never a path).
func (s *Store) RestoreNamed(ctx context.Context, name string) (RestoreResult, error) {
	list, err := s.List(ctx)
	if err != nil {
		return RestoreResult{}, err
	}
	for _, b := range list {
		if b.Name == name {
			return s.Restore(ctx, b.File)
		}
	}
	return RestoreResult{}, fmt.Errorf("备份文件夹里没有“%s”（可能已被删除或移走）", name)
}

// Restore puts the database file at path (a backup) in place of the open database. It is
// checked first (a SQLite file, intact, a Shopdesk database of this version or older); the
// current database is then kept aside as a backup of kind "restore" (so a restore can be
// taken back the same way), and the file is copied over the open database as one write,
// waiting for the writers of this process (an import) to finish first. An older backup is
// migrated to this version's schema.
func (s *Store) Restore(ctx context.Context, path string) (RestoreResult, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return RestoreResult{}, err
	}
	if err := checkBackup(ctx, abs); err != nil {
		return RestoreResult{}, fmt.Errorf("无法恢复“%s”：%w", filepath.Base(abs), err)
	}
	var from Backup
	if st, err := os.Stat(abs); err == nil {
		from = newBackup(abs, st.ModTime(), st.Size(), "")
	}
	if t, kind, ok := parseName(stem(s.db.Path), from.Name); ok {
		from = newBackup(abs, t, from.Size, kind)
	}
	dir, err := s.Dir(ctx)
	if err != nil {
		return RestoreResult{}, err
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	res := RestoreResult{From: from}
	err = s.db.WithWriter(db.WithOp(ctx, "恢复备份“"+from.Name+"”"), func(ctx context.Context) error {
		// Kept aside inside the writer's turn: exactly the state that is replaced.
		aside, err := s.backupLocked(ctx, dir, KindRestore)
		if err != nil {
			return fmt.Errorf("恢复前要先把现在的数据另存一份，但没有成功，什么都没有改动：%w", err)
		}
		res.KeptAside = aside
		conn, err := s.db.SQL.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		if err := restoreFrom(ctx, conn, abs); err != nil {
			if errors.Is(err, db.ErrBusy) || isBusy(err) {
				return fmt.Errorf("数据库正忙（另一个店务台程序正在写入），没有恢复，请等它完成后再试")
			}
			return fmt.Errorf("恢复“%s”没有完成，数据没有改动（现在的数据另存在“%s”）：%w", from.Name, aside.Name, err)
		}
		if err := s.db.Migrate(ctx); err != nil {
			return fmt.Errorf("恢复的备份来自旧版本，升级它的数据库结构失败（恢复前的数据另存在“%s”，可以从它恢复回去）：%w", aside.Name, err)
		}
		return nil
	})
	s.lastWrites = -1 // the data changed: the next import is backed up
	if err != nil {
		return RestoreResult{}, err
	}
	return res, nil
}

// checkBackup checks that path is a Shopdesk database this version can use, intact.
func checkBackup(ctx context.Context, path string) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("找不到这个文件（可能已被移动或删除）")
	case err != nil:
		return fmt.Errorf("无法读取这个文件（系统提示：%v）", err)
	case st.IsDir():
		return errors.New("这是一个文件夹，不是备份文件：请选择文件夹里的 .db 备份文件")
	case st.Size() == 0:
		return errors.New("文件是空的（0 字节），不是备份")
	}
	sdb, err := sql.Open("sqlite", fileURI(path, "mode=ro"))
	if err != nil {
		return err
	}
	defer sdb.Close()
	var result string
	if err := sdb.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&result); err != nil {
		return errors.New("这不是店务台的备份：无法按数据库打开（文件可能已损坏，或根本不是数据库文件）")
	}
	if result != "ok" {
		return fmt.Errorf("备份文件已损坏（SQLite 检查：%.100s）", result)
	}
	var tables int
	if err := sdb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table'
		AND name IN ('goose_db_version', 'shop', 'orders', 'import_batch')`).Scan(&tables); err != nil || tables != 4 {
		return errors.New("这不是店务台的备份：文件是数据库，但里面没有店务台的店铺和订单表")
	}
	var version sql.NullInt64
	if err := sdb.QueryRowContext(ctx, `SELECT max(version_id) FROM goose_db_version WHERE is_applied`).Scan(&version); err != nil {
		return fmt.Errorf("读取备份的数据库版本：%w", err)
	}
	if newest := db.SchemaVersion(); version.Int64 > newest {
		return fmt.Errorf("这个备份来自更新版本的店务台（数据库版本 %d，这个程序只到 %d）：请先升级店务台再恢复", version.Int64, newest)
	}
	return nil
}

// isBusy: SQLite's "database is locked" from the backup API.
func isBusy(err error) bool {
	var b interface{ Code() int }
	return errors.As(err, &b) && b.Code()&0xff == 5
}
