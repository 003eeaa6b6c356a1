package backup_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"shopdesk/internal/backup"
	"shopdesk/internal/importer"
)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}

// Before an import: a backup when the data changed and the newest backup is an hour old
// or more; none for an empty database, none twice for the same data.
func TestBeforeImport(t *testing.T) {
	dir := t.TempDir()
	d := openDB(t, filepath.Join(dir, "shopdesk.db"))
	ctx := context.Background()
	store := backup.New(d)
	now := at("2026-11-22 09:00")
	store.SetClock(func() time.Time { return now })

	step := func(what string, want bool) {
		t.Helper()
		b, made, err := store.BeforeImport(ctx, nil)
		if err != nil || made != want {
			t.Fatalf("%s: made %v (%+v), want %v: %v", what, made, b, want, err)
		}
	}
	step("empty database", false)
	mustImport(t, d, ordersCSV(t, dir, "a.csv", 0, 10), importer.Options{})
	step("first import with data", true)
	step("nothing written since", false)
	mustImport(t, d, ordersCSV(t, dir, "b.csv", 10, 10), importer.Options{})
	now = now.Add(20 * time.Minute)
	step("written, but the backup is 20 minutes old", false)
	now = now.Add(45 * time.Minute)
	step("written, backup over an hour old", true)

	// Another process (a fresh store) has no memory of writes: the time decides.
	other := backup.New(d)
	other.SetClock(func() time.Time { return now.Add(10 * time.Minute) })
	if _, made, _ := other.BeforeImport(ctx, nil); made {
		t.Fatal("a second process backed up 10 minutes after the last backup")
	}
	// Of one day's automatic backups the newest stays (TestExpired).
	list, _ := store.List(ctx)
	if len(list) != 1 || list[0].Kind != backup.KindImport || list[0].Time != "2026-11-22 10:05:00" {
		t.Fatalf("backups %+v", list)
	}
}

// The day's backup is made once a day.
func TestDaily(t *testing.T) {
	dir := t.TempDir()
	d := openDB(t, filepath.Join(dir, "shopdesk.db"))
	ctx := context.Background()
	store := backup.New(d)
	now := at("2026-11-22 08:00")
	store.SetClock(func() time.Time { return now })
	mustImport(t, d, ordersCSV(t, dir, "a.csv", 0, 10), importer.Options{})
	for _, tt := range []struct {
		after time.Duration
		want  bool
	}{{0, true}, {time.Hour, false}, {14 * time.Hour, false}, {time.Hour, true}, {time.Hour, false}} {
		now = now.Add(tt.after)
		if _, made, err := store.Daily(ctx); err != nil || made != tt.want {
			t.Fatalf("%s: made %v, want %v (%v)", now.Format("01-02 15:04"), made, tt.want, err)
		}
	}
}
