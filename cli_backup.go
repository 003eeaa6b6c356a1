package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"shopdesk/db"
	"shopdesk/internal/backup"
)

// The backup commands (issue 15 §4): shopdesk backup [--to DIR], shopdesk backups [--json],
// shopdesk restore FILE. The logic is package backup's, as the app's 设置 → 备份.

func cmdBackup(ctx context.Context, g globalFlags, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	to := fs.String("to", "", "folder to write the backup to (default: the backup folder set in the app)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "用法：shopdesk backup [--to DIR]")
		return 2
	}
	return withDB(ctx, g, stderr, func(d *db.DB) error {
		store := backup.New(d)
		var b backup.Backup
		var err error
		if *to != "" {
			dir, aerr := filepath.Abs(*to)
			if aerr != nil {
				return aerr
			}
			b, err = store.BackupTo(ctx, dir, backup.KindManual)
		} else {
			b, err = store.Backup(ctx, backup.KindManual)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "已备份到 %s（%s）\n", b.File, sizeText(b.Size))
		return nil
	})
}

// jsonBackup is the --json shape of one backup: keys are a public interface for scripts.
type jsonBackup struct {
	File string `json:"file"` // full path
	Time string `json:"time"` // RFC 3339, this computer's time zone
	Size int64  `json:"size"` // bytes
	Kind string `json:"kind"` // daily, import, migration, manual, restore
}

func cmdBackups(ctx context.Context, g globalFlags, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("backups", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "a JSON array")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "用法：shopdesk backups [--json]")
		return 2
	}
	return withDB(ctx, g, stderr, func(d *db.DB) error {
		store := backup.New(d)
		list, err := store.List(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]jsonBackup, 0, len(list))
			for _, b := range list {
				out = append(out, jsonBackup{File: b.File, Time: b.At().Format(time.RFC3339), Size: b.Size, Kind: b.Kind})
			}
			enc := json.NewEncoder(stdout)
			enc.SetEscapeHTML(false)
			return enc.Encode(out)
		}
		dir, _ := store.Dir(ctx)
		if len(list) == 0 {
			fmt.Fprintf(stdout, "备份文件夹 %s 里还没有备份（shopdesk backup 立即备份一份）。\n", dir)
			return nil
		}
		fmt.Fprintf(stdout, "备份文件夹 %s，共 %d 份，最新的在前：\n", dir, len(list))
		for _, b := range list {
			fmt.Fprintf(stdout, "%s  %-8s  %9s  %s\n", b.Time, backup.KindName[b.Kind], sizeText(b.Size), b.Name)
		}
		return nil
	})
}

func cmdRestore(ctx context.Context, g globalFlags, args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "用法：shopdesk restore FILE（备份文件，或 shopdesk backups 列出的文件名）")
		return 2
	}
	return withDB(ctx, g, stderr, func(d *db.DB) error {
		store := backup.New(d)
		file := args[0]
		if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) && filepath.Base(file) == file {
			// a name from `shopdesk backups`, in the backup folder
			if dir, err := store.Dir(ctx); err == nil {
				if _, err := os.Stat(filepath.Join(dir, file)); err == nil {
					file = filepath.Join(dir, file)
				}
			}
		}
		res, err := store.Restore(db.WithOp(ctx, "恢复备份"), file)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "已恢复备份 %s（%s 的数据）。\n", res.From.File, res.From.Time)
		fmt.Fprintf(stdout, "恢复前的数据另存为 %s：要撤销这次恢复，运行 shopdesk restore %s\n", res.KeptAside.File, res.KeptAside.Name)
		refreshAnomalies(ctx, d, stderr)
		return nil
	})
}

// sizeText is a file size for people: 12.3 MB.
func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
}
