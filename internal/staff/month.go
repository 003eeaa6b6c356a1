package staff

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Wall times are shop-local times held as a time.Time in UTC with no zone meaning, the way
// attendance exports write them and the way the rules compare them (no DST in the shops'
// zone, and no surprise from the PC's own zone).
const (
	wallLayout = "2006-01-02 15:04:05"
	dayLayout  = "2006-01-02"
)

func naive(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

func utcNow() string { return time.Now().UTC().Format(wallLayout) }

// parseDay reads 'YYYY-MM-DD'.
func parseDay(s string) (time.Time, error) {
	t, err := time.Parse(dayLayout, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("“%s”不是日期：请写成 2026-11-05 这样", s)
	}
	return t, nil
}

// ParseWall reads a shop-local time 'YYYY-MM-DD HH:MM[:SS]'.
func ParseWall(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{wallLayout, "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("“%s”不是时间：请写成 2026-11-05 08:30 这样（店铺当地时间）", s)
}

func fmtDay(t time.Time) string  { return t.Format(dayLayout) }
func fmtWall(t time.Time) string { return t.Format(wallLayout) }

// Month is a calendar month.
type Month struct {
	Year int
	Mon  time.Month
}

var monthPattern = regexp.MustCompile(`^(\d{4})(?:-|/|年)(\d{1,2})月?$`)

// ParseMonth reads 'YYYY-MM' (also 'YYYY-M' and 'YYYY年M月').
func ParseMonth(s string) (Month, error) {
	g := monthPattern.FindStringSubmatch(strings.TrimSpace(s))
	if g == nil {
		return Month{}, fmt.Errorf("“%s”不是月份：请写成 2026-11 这样", s)
	}
	y, _ := strconv.Atoi(g[1])
	m, _ := strconv.Atoi(g[2])
	if y < 2000 || y > 2200 || m < 1 || m > 12 {
		return Month{}, fmt.Errorf("“%s”不是月份：请写成 2026-11 这样", s)
	}
	return Month{y, time.Month(m)}, nil
}

// MonthOf is the month a day or time falls in.
func MonthOf(t time.Time) Month { return Month{t.Year(), t.Month()} }

func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Mon)) }

// Name is the month as the payslip says it: 2026年11月.
func (m Month) Name() string { return fmt.Sprintf("%d年%d月", m.Year, int(m.Mon)) }

// First is the month's first day (midnight).
func (m Month) First() time.Time { return time.Date(m.Year, m.Mon, 1, 0, 0, 0, 0, time.UTC) }

// Days is how many days the month has.
func (m Month) Days() int { return m.First().AddDate(0, 1, -1).Day() }

// Last is the month's last day.
func (m Month) Last() time.Time { return m.First().AddDate(0, 1, -1) }

// Next is the month after.
func (m Month) Next() Month { return MonthOf(m.First().AddDate(0, 1, 0)) }

// Prev is the month before.
func (m Month) Prev() Month { return MonthOf(m.First().AddDate(0, -1, 0)) }

// Day is the i-th day of the month (1-based).
func (m Month) Day(i int) time.Time { return m.First().AddDate(0, 0, i-1) }

// Contains tells whether a day 'YYYY-MM-DD' is in the month.
func (m Month) Contains(day string) bool { return strings.HasPrefix(day, m.String()+"-") }

// dayNames are the weekdays as the rota heads its columns.
var dayNames = []string{"日", "一", "二", "三", "四", "五", "六"}
