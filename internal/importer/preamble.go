package importer

import (
	"fmt"
	"strings"
)

// The lines above a file's header (its preamble) may name the shop: a 拼多多 export's
// second line reads 店铺：暖暖家居拼多多店. The labels are data (layouts.json
// "preamble_shop"). A shop named there counts as a 店铺名称 column whose every cell holds
// it: the rows go to that shop (found on the file's platform by name or former name, or
// created), the seller is not asked, and nothing is remembered for the file.

// preambleShop is the shop a line above the header names: the first cell (of the first
// line) that is a label, a colon and a name, or a label and a colon followed by a cell
// holding the name. row is that line's number; "" and 0 when no line names one.
func preambleShop(rows []tableRow) (name string, row int) {
	for _, r := range rows {
		for i, c := range r.cells {
			label, value, ok := cutLabel(c)
			if !ok || !isShopLabel(label) {
				continue
			}
			if value == "" { // 店铺： | 暖暖家居拼多多店 (an xlsx with the name in its own cell)
				for _, next := range r.cells[i+1:] {
					if value = shopValue(next); value != "" {
						break
					}
				}
			}
			if value != "" {
				return value, r.no
			}
		}
	}
	return "", 0
}

// cutLabel splits "店铺：暖暖家居拼多多店" (or "店铺名: …") at its first colon, full-width
// or not: the label before it and the value after it, trimmed.
func cutLabel(cell string) (label, value string, ok bool) {
	c := cleanCell(cell)
	i := strings.IndexAny(c, ":：")
	if i <= 0 {
		return "", "", false
	}
	sep := len(":")
	if strings.HasPrefix(c[i:], "：") {
		sep = len("：")
	}
	return normalizeHeader(c[:i]), shopValue(c[i+sep:]), true
}

// shopValue is a shop name as written after its label: trimmed, without zero-width
// characters, and cut where a second item of the same line starts (two spaces, an
// ideographic space or a tab: "暖暖家居  导出时间：…"). Brackets stay as written: the name
// must match the shop's.
func shopValue(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
			return -1
		case '\u3000':
			return '\t'
		}
		return r
	}, cleanCell(s))
	if i := strings.IndexAny(s, "\t"); i >= 0 {
		s = s[:i]
	}
	if i := strings.Index(s, "  "); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func isShopLabel(label string) bool {
	for _, l := range registry.PreambleShop {
		if normalizeHeader(l) == label {
			return true
		}
	}
	return false
}

// checkPreambleShop refuses an empty label or one with a colon (the colon is what
// separates it from the name).
func checkPreambleShop(lf *layoutFile) error {
	if len(lf.PreambleShop) == 0 {
		return fmt.Errorf("preamble_shop must not be empty")
	}
	for _, l := range lf.PreambleShop {
		if normalizeHeader(l) == "" || strings.ContainsAny(l, ":：") {
			return fmt.Errorf("preamble_shop: label %q is empty or holds a colon", l)
		}
	}
	return nil
}
