package importer

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// cleanCell undoes what export tools do to a cell so that spreadsheet programs keep it
// as text: ="…" wrappers, a leading ' or tab, and the literal text "null" for empty.
func cleanCell(s string) string {
	// Most cells have nothing to undo: no space at either end, no = or ' in front, not
	// "null". They are returned as they are without the trimming below.
	if len(s) != 4 && s != "" {
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		if first != '=' && first != '\'' && !unicode.IsSpace(first) && !unicode.IsSpace(last) {
			return s
		}
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) && len(s) >= 3 {
		s = s[2 : len(s)-1]
	} else if strings.HasPrefix(s, "=") && len(s) > 1 && isDigits(s[1:]) {
		s = s[1:] // =123456 without quotes
	}
	s = strings.TrimLeft(s, "'\t")
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "null") {
		return ""
	}
	return s
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// normalizeHeader makes header cells comparable: trims spaces (also full-width),
// drops zero-width characters and BOMs, and folds full-width brackets to half-width.
func normalizeHeader(s string) string {
	s = cleanCell(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
			continue
		case '（':
			r = '('
		case '）':
			r = ')'
		case '\u3000':
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

var errNotMoney = errors.New("不是金额")

// parseFen reads an amount in yuan ("1,234.5", "¥12", "-3.10", "") into integer fen
// without going through floating point. An empty cell is 0.
func parseFen(s string) (int64, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "¥￥")
	s = strings.TrimSuffix(s, "元")
	s = strings.ReplaceAll(s, ",", "")
	s = strings.TrimSpace(s)
	if s == "" || s == "-" {
		return 0, nil
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" && !hasDot {
		return 0, errNotMoney
	}
	if whole == "" {
		whole = "0"
	}
	if !isDigits(whole) || (hasDot && frac != "" && !isDigits(frac)) || len(whole) > 15 {
		return 0, errNotMoney
	}
	yuan, _ := strconv.ParseInt(whole, 10, 64)
	fen := int64(0)
	switch {
	case len(frac) == 0:
	case len(frac) == 1:
		fen = int64(frac[0]-'0') * 10
	default:
		fen = int64(frac[0]-'0')*10 + int64(frac[1]-'0')
		// Exports sometimes carry a third decimal from a float (12.345 or 12.3000001):
		// round half up on the third digit, never silently truncate.
		if len(frac) > 2 && frac[2] >= '5' {
			fen++
		}
	}
	v := yuan*100 + fen
	if neg {
		v = -v
	}
	return v, nil
}

var errNotInt = errors.New("不是整数")

// parseInt reads a count ("3", "1,200", "3.0"); empty is 0.
func parseInt(s string) (int64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if s == "" {
		return 0, nil
	}
	s = strings.TrimSuffix(s, ".0")
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, errNotInt
	}
	return v, nil
}

var errNotTime = errors.New("不是日期时间")

// timeLayouts are the shapes export files write times in. The time is the shop's local
// wall time and is stored as such (see shop.DefaultTimezone).
var timeLayouts = []string{
	"2006-01-02 15:04:05",
	"2006-1-2 15:04:05",
	"2006-1-2 15:04",
	"2006/1/2 15:04:05",
	"2006/1/2 15:04",
	"2006-1-2",
	"2006/1/2",
	"2006-01-02T15:04:05",
	"2006年1月2日 15:04:05",
	"2006年1月2日 15:04",
	"2006年1月2日",
}

// parseTime reads an export time into "YYYY-MM-DD HH:MM:SS" (shop-local wall time).
// It accepts the text shapes above and Excel serial day numbers (45612.5). Empty is "".
func parseTime(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "0" || s == "-" {
		return "", nil
	}
	if isCanonicalTime(s) {
		return s, nil
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02 15:04:05"), nil
		}
	}
	if t, ok := excelSerial(s); ok {
		return t.Format("2006-01-02 15:04:05"), nil
	}
	return "", errNotTime
}

// isCanonicalTime reports whether s is already a valid "YYYY-MM-DD HH:MM:SS", the shape
// most exports write: time.Parse and Format would give s back, at a cost that shows in a
// million-row import. Anything else takes the general path.
func isCanonicalTime(s string) bool {
	if len(s) != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' {
		return false
	}
	num := func(from, to int) int {
		n := 0
		for i := from; i < to; i++ {
			if s[i] < '0' || s[i] > '9' {
				return -1
			}
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	year, month, day := num(0, 4), num(5, 7), num(8, 10)
	hour, minute, sec := num(11, 13), num(14, 16), num(17, 19)
	if year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 ||
		minute < 0 || minute > 59 || sec < 0 || sec > 59 {
		return false
	}
	// The last day of the month: day 0 of the next month.
	return day <= time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// excelSerial converts an Excel date serial (days since 1899-12-30, fraction = time of day).
// Only plausible order dates (1990-2100) are accepted so that an order number is never
// mistaken for a date.
func excelSerial(s string) (time.Time, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 32874 || f > 73051 { // 1990-01-01 .. 2100-01-01
		return time.Time{}, false
	}
	days := math.Floor(f)
	secs := math.Round((f - days) * 86400)
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return base.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second), true
}

// parseBool reads 是/否 style flags; empty is false.
func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "否", "no", "false", "0", "n", "无":
		return false, nil
	case "是", "yes", "true", "1", "y", "有", "已赔付":
		return true, nil
	}
	return false, fmt.Errorf("不是“是/否”")
}

// parseID reads an order or sub-order number: exact text, digits kept as written. Excel
// sometimes turns long numbers into 1.23457E+18, which has lost digits: refuse it loudly.
func parseID(s string) (string, error) {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "Ee") && strings.Contains(s, "+") {
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "", errors.New("是科学计数法，订单号的后几位已丢失（请用平台导出的原始文件，不要在 Excel 里另存）")
		}
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return "", errors.New("含有控制字符")
		}
	}
	if excelErrors[s] {
		return "", errors.New("是 Excel 公式的错误值，不是编号（文件在 Excel 里被改过？请用平台导出的原始文件）")
	}
	return s, nil
}

// excelErrors are the values Excel shows for a formula that failed; a sheet edited in
// Excel can carry them in place of an order number.
var excelErrors = map[string]bool{
	"#N/A": true, "#REF!": true, "#VALUE!": true, "#DIV/0!": true, "#NAME?": true, "#NUM!": true,
	"#NULL!": true, "#SPILL!": true, "#CALC!": true, "#GETTING_DATA": true, "#FIELD!": true, "#BLOCKED!": true,
}
