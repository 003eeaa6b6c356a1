package anomaly

import (
	"fmt"
	"time"
)

// Clock tells the rules what time it is in a shop: the shop's local wall time (held as a
// time.Time in UTC with no zone meaning, the way export times are stored and compared) and
// the shop's offset from UTC then (to read the UTC times of the import history).
type Clock func(loc *time.Location) (wall time.Time, offset time.Duration)

// At is the instant t: each shop sees its own local time (the window, serve).
func At(t time.Time) Clock {
	return func(loc *time.Location) (time.Time, time.Duration) {
		l := t.In(loc)
		_, off := l.Zone()
		return naive(l), time.Duration(off) * time.Second
	}
}

// WallAt is one wall time in every shop's own zone (`shopdesk anomalies --at`, tests).
func WallAt(wall time.Time) Clock {
	return func(loc *time.Location) (time.Time, time.Duration) {
		t := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, loc)
		_, off := t.Zone()
		return naive(wall), time.Duration(off) * time.Second
	}
}

// ParseWall reads "YYYY-MM-DD HH:MM[:SS]" (or a date alone, meaning its midnight) as a
// wall time for WallAt.
func ParseWall(s string) (time.Time, error) {
	for _, layout := range []string{wallLayout, "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("“%s”不是时间：请写成 2026-11-22 09:00 这样（店铺当地时间）", s)
}

func naive(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// parseWall reads a stored "YYYY-MM-DD HH:MM:SS"; "" and anything else is not a time.
func parseWall(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(wallLayout, s)
	return t, err == nil
}

func fmtWall(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(wallLayout)
}
