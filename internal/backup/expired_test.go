package backup

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}

// The rotation keeps the newest backup of each of the newest N days and of each of the
// newest M weeks (a backup may count for both), and never the seller's own backups or the
// copies kept before a restore.
func TestExpired(t *testing.T) {
	b := func(when, kind string) Backup {
		return Backup{File: when + " " + kind, Kind: kind, at: at(when)}
	}
	// 2026-11-23 is a Monday.
	var daily []Backup
	for d := 30; d >= 1; d-- {
		daily = append(daily, b(fmt.Sprintf("2026-11-%02d 09:00", d), KindDaily))
	}
	tests := []struct {
		name          string
		list          []Backup
		daily, weekly int
		keep          []string
	}{
		{"a month of dailies: 7 days and 4 weeks", daily, 7, 4, []string{
			"2026-11-30 09:00 daily", "2026-11-29 09:00 daily", "2026-11-28 09:00 daily", "2026-11-27 09:00 daily",
			"2026-11-26 09:00 daily", "2026-11-25 09:00 daily", "2026-11-24 09:00 daily", // days
			"2026-11-22 09:00 daily", "2026-11-15 09:00 daily", // the Sundays ending weeks 47 and 46; week 49 and 48 are days above
		}},
		{"no weekly ones", daily, 3, 0, []string{"2026-11-30 09:00 daily", "2026-11-29 09:00 daily", "2026-11-28 09:00 daily"}},
		{"several a day: the newest of the day", []Backup{
			b("2026-11-30 18:00", KindImport), b("2026-11-30 12:00", KindImport), b("2026-11-30 09:00", KindDaily),
			b("2026-11-29 20:00", KindMigration), b("2026-11-29 09:00", KindDaily),
		}, 2, 0, []string{"2026-11-30 18:00 import", "2026-11-29 20:00 migration"}},
		{"the seller's own and the kept-aside never expire", []Backup{
			b("2026-11-30 18:00", KindManual), b("2026-11-30 09:00", KindDaily), b("2026-11-29 09:00", KindDaily),
			b("2020-01-01 09:00", KindRestore), b("2019-01-01 09:00", KindManual),
		}, 1, 0, []string{"2026-11-30 18:00 manual", "2026-11-30 09:00 daily", "2020-01-01 09:00 restore", "2019-01-01 09:00 manual"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gone := Expired(tt.list, tt.daily, tt.weekly)
			var kept []string
			for _, x := range tt.list {
				if !slices.ContainsFunc(gone, func(g Backup) bool { return g.File == x.File }) {
					kept = append(kept, x.File)
				}
			}
			if !slices.Equal(kept, tt.keep) {
				t.Fatalf("kept %q\nwant %q", kept, tt.keep)
			}
		})
	}
}
