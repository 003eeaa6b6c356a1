package backup

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"shopdesk/db"
)

// BeforeMigrate is the option of db.Open that keeps a copy of the database at dbPath (of
// kind "migration") before this version changes its schema. The copy goes to the backup
// folder in force, or beside the database when that folder cannot be written (an unplugged
// USB drive must not keep the app from starting); when neither works the database is not
// opened, and not changed.
func BeforeMigrate(dbPath string) db.Option {
	return db.BeforeMigrate(func(ctx context.Context, sqlDB *sql.DB, version int64) error {
		var chosen string
		// The setting table is older than any database this runs on, but read it leniently.
		_ = sqlDB.QueryRowContext(ctx, `SELECT value FROM setting WHERE key = 'backup_dir'`).Scan(&chosen)
		dirs := []string{DefaultDir(dbPath)}
		if chosen != "" && chosen != dirs[0] {
			dirs = append([]string{chosen}, dirs...)
		}
		var firstErr error
		for _, dir := range dirs {
			if _, err := copyDatabase(ctx, sqlDB, dbPath, dir, KindMigration, time.Now()); err == nil {
				return nil
			} else if firstErr == nil {
				firstErr = err
			}
		}
		return fmt.Errorf("升级数据库（版本 %d → %d）前要先备份，但备份没有成功，数据库没有改动：%w", version, db.SchemaVersion(), firstErr)
	})
}
