package importer

import (
	"strings"
)

// The footer of an export: lines after the last data row that are no data, such as a
// 拼多多 export ending in a blank line and "合计,300单", "共 300 条记录", "总计：…" or a line
// with only the export time. They are skipped, counted, and named in the result
// (FileResult.FooterSkipped, FooterText). Only the end of a file has a footer: the same
// line between two data rows is read as data, and refused as such when it does not read.

// maxFooterRows is the most lines a footer is taken to have. Footer-like lines are held
// back while the file is read until a data row or the end of the file says what they are;
// past this many, the held lines go on as data (blank ones are skipped there anyway).
const maxFooterRows = 50

// footerRules tells footer-like lines for one file.
type footerRules struct {
	words     []string // a line whose first non-empty cell starts with one of these (layouts.json "footer_words")
	headerLen int      // cells of the header row
	keyCols   []int    // the columns of the kind's required fields: a data row has a value there
	// wordStart marks the first bytes of the words: most rows start with a digit and skip
	// the word list (like runs on every row of a million-row file).
	wordStart [256]bool
}

func newFooterRules(l *boundLayout) footerRules {
	f := footerRules{words: registry.FooterWords, headerLen: len(l.headers)}
	for _, w := range f.words {
		f.wordStart[w[0]] = true
	}
	if k := kindOfLevel(l.Level); k != nil {
		for _, field := range k.required() {
			f.keyCols = append(f.keyCols, l.col[field]...)
		}
	}
	return f
}

// like reports whether a line looks like a footer line: blank; starting with a footer word
// (合计, 共 …); only a time (the export time); or shorter than the header, with at most two
// non-empty cells and none in the columns every data row fills ("…,300单" under 订单编号).
// A data row of a few columns with an empty cell is none of these.
func (f footerRules) like(row []string) bool {
	first, n := "", 0
	for _, c := range row {
		if c = strings.TrimSpace(c); c != "" {
			if n == 0 {
				first = cleanCell(c)
			}
			n++
			if n > 2 {
				break
			}
		}
	}
	if n == 0 {
		return true
	}
	if f.wordStart[first[0]] {
		for _, w := range f.words {
			if strings.HasPrefix(first, w) {
				return true
			}
		}
	}
	if n == 1 {
		if t, err := parseTime(first); err == nil && t != "" && !isDigits(first) {
			return true
		}
	}
	if n > 2 || len(row) >= f.headerLen {
		return false
	}
	for _, i := range f.keyCols {
		if i < len(row) && strings.TrimSpace(row[i]) != "" {
			return false
		}
	}
	return true
}

// footerText is what the result names of a footer: its non-blank lines, each as its
// non-empty cells joined with a space, clipped. "" when every line is blank.
func footerText(rows []tableRow) string {
	var lines []string
	for _, r := range rows {
		var cells []string
		for _, c := range r.cells {
			if c = cleanCell(c); c != "" {
				cells = append(cells, c)
			}
		}
		if len(cells) > 0 {
			lines = append(lines, clip(strings.Join(cells, " "), 30))
		}
	}
	if len(lines) > 3 {
		lines = append(lines[:3], "…")
	}
	return strings.Join(lines, "；")
}

// setFooter records a file's footer in its result. A tail of blank lines alone is no
// footer to speak of (blank lines are no rows anywhere in a file).
func (r *FileResult) setFooter(rows []tableRow) {
	if text := footerText(rows); text != "" {
		r.FooterSkipped, r.FooterText = len(rows), text
	}
}
