package inquiry

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The cell readers of typed and pasted values. An imported sheet's values arrive already
// read by the import engine (canonical days, fen) and pass through these unchanged.

var dayLayouts = []string{
	"2006-01-02", "2006-1-2", "2006/1/2", "2006.1.2", "2006年1月2日", "20060102",
	"2006-01-02 15:04:05", "2006-1-2 15:04:05", "2006-1-2 15:04", "2006/1/2 15:04:05", "2006/1/2 15:04",
}

var errNotDay = errors.New("不是日期（例如 2026-11-21 或 2026/11/21）")

// parseDay reads a day as typed or pasted ("2026-11-21", "2026/11/21", "2026年11月21日",
// an Excel serial 46347) into "YYYY-MM-DD"; a time part, if any, comes back too ("HH:MM").
// "11-21" or "11/21" is a day of year (the year of today is assumed by the caller: year).
func parseDay(s string, year int) (day, clock string, err error) {
	s = strings.TrimSpace(s)
	for _, l := range dayLayouts {
		if t, e := time.Parse(l, s); e == nil {
			if strings.Contains(l, "15") {
				clock = t.Format("15:04")
			}
			return t.Format("2006-01-02"), clock, nil
		}
	}
	for _, l := range []string{"1-2", "1/2", "1月2日", "1.2"} {
		if t, e := time.Parse(l, s); e == nil && year > 0 {
			return time.Date(year, t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Format("2006-01-02"), "", nil
		}
	}
	if f, e := strconv.ParseFloat(s, 64); e == nil && f >= 32874 && f <= 73051 { // Excel serial, 1990..2100
		days := math.Floor(f)
		t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days))
		secs := int(math.Round((f - days) * 86400))
		if secs > 0 {
			clock = t.Add(time.Duration(secs) * time.Second).Format("15:04")
		}
		return t.Format("2006-01-02"), clock, nil
	}
	return "", "", errNotDay
}

var errNotClock = errors.New("不是时间（例如 14:30）")

// parseClock reads a time of day ("9:05", "14:30", "14:30:12") into "HH:MM"; empty is "".
func parseClock(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	s = strings.ReplaceAll(s, "：", ":")
	for _, l := range []string{"15:04", "15:04:05"} {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("15:04"), nil
		}
	}
	return "", errNotClock
}

var errNotMoney = errors.New("不是金额（例如 128 或 128.50）")

// parseYuan reads an amount in yuan ("1,234.5", "¥12", "12元") into fen without floating
// point; empty is 0. Negative amounts are refused: a deal is never below zero.
func parseYuan(s string) (int64, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "¥￥")
	s = strings.TrimSuffix(s, "元")
	s = strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), "，", "")
	s = strings.TrimSpace(s)
	if s == "" || s == "-" {
		return 0, nil
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" {
		whole = "0"
	}
	if !digits(whole) || (hasDot && frac != "" && !digits(frac)) || len(whole) > 12 {
		return 0, errNotMoney
	}
	yuan, _ := strconv.ParseInt(whole, 10, 64)
	fen := int64(0)
	switch {
	case len(frac) == 1:
		fen = int64(frac[0]-'0') * 10
	case len(frac) >= 2:
		fen = int64(frac[0]-'0')*10 + int64(frac[1]-'0')
		if len(frac) > 2 && frac[2] >= '5' { // 12.345 from a float: round half up
			fen++
		}
	}
	return yuan*100 + fen, nil
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseOutcome reads 是否成交 as sellers write it: 是/否/跟进中 (the sheet), or the words.
func parseOutcome(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "是", "成交", "已成交", "y", "yes", "deal", "1", "√":
		return OutcomeDeal, true
	case "否", "未成交", "没成交", "不成交", "n", "no", "no_deal", "0", "×":
		return OutcomeNoDeal, true
	case "跟进中", "跟进", "待跟进", "跟进中…", "待定", "pending", "考虑中":
		return OutcomePending, true
	}
	return "", false
}

// splitProducts reads the products asked about: one or several, separated by 、 , ， ; ； / or
// new lines, as sellers write them in one cell. Blanks and repeats go; order stays.
func splitProducts(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '、', ',', '，', ';', '；', '\n', '|':
			return true
		}
		return false
	})
	return cleanProducts(fields)
}

func cleanProducts(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range in {
		p = strings.TrimSpace(p)
		if p == "" || seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	return out
}

func tooLong(s string, n int) bool { return utf8.RuneCountInString(s) > n }
