package settings

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"shopdesk/db/sqldb"
)

// Settings of the automatic backups (issue 15 §4, package backup). The counts live in
// Defs (one table, one save, one check of ranges) in a group of their own, which the
// settings page shows on the backup card; the folder is text, kept under BackupDir.
const (
	// BackupKeepDaily: the newest backup of each of this many days that have one is kept.
	BackupKeepDaily = "backup_keep_daily"
	// BackupKeepWeekly: the newest backup of each of this many weeks that have one is kept
	// as well (a backup may count for both, as in restic's --keep-daily/--keep-weekly).
	BackupKeepWeekly = "backup_keep_weekly"
	// BackupDir is the folder of the backups ("" or no row: the folder beside the
	// database). Not in Defs: it is text (BackupFolder, SaveBackupFolder).
	BackupDir = "backup_dir"

	GroupBackup = "backup"
)

// BackupKeep is how many daily and weekly backups to keep.
func BackupKeep(ctx context.Context, q *sqldb.Queries) (daily, weekly int, err error) {
	v, err := values(ctx, q)
	if err != nil {
		return int(mustDef(BackupKeepDaily).Default), int(mustDef(BackupKeepWeekly).Default), err
	}
	return int(v[BackupKeepDaily]), int(v[BackupKeepWeekly]), nil
}

// BackupFolder is the folder the seller chose for the backups, "" for the default.
func BackupFolder(ctx context.Context, q *sqldb.Queries) (string, error) {
	rows, err := q.ListSettings(ctx)
	if err != nil {
		return "", fmt.Errorf("read settings: %w", err)
	}
	for _, r := range rows {
		if r.Key == BackupDir {
			return r.Value, nil
		}
	}
	return "", nil
}

// SaveBackupFolder stores the folder (an absolute path; "" goes back to the default).
func SaveBackupFolder(ctx context.Context, q *sqldb.Queries, dir string) error {
	if dir == "" {
		return q.DeleteSetting(ctx, BackupDir)
	}
	if !filepath.IsAbs(dir) {
		return fmt.Errorf("备份文件夹“%s”要写完整的位置（例如 D:\\店务台备份）", dir)
	}
	return q.PutSetting(ctx, sqldb.PutSettingParams{Key: BackupDir, Value: filepath.Clean(dir),
		UpdatedAt: time.Now().UTC().Format("2006-01-02 15:04:05")})
}
