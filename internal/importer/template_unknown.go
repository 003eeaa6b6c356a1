package importer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"shopdesk/internal/filename"
)

// What an unknown file tells the mapping screen: its likely header row and the rows under
// it, so that the seller can say which column is which (a template).

// minHeaderCells is how many non-empty cells a row needs to pass for a header row: a
// title line ("订单导出") or a "导出时间：…" line above the header has one or two.
const minHeaderCells = 3

// Limits of what travels to the mapping screen: a broken file may have a 1 MB cell or
// ten thousand columns.
const (
	maxHeaderColumns = 300
	maxCellRunes     = 120
)

// tableRow is a row read while looking for the header.
type tableRow struct {
	no    int
	cells []string
}

// unknownLayoutError is findHeader's "认不出" with the file's likely header row.
type unknownLayoutError struct {
	err       error
	header    []string
	headerRow int
	sample    [][]string
}

func (e *unknownLayoutError) Error() string { return e.err.Error() }
func (e *unknownLayoutError) Unwrap() error { return e.err }

// unknownLayout wraps err with the first row of read that has at least minHeaderCells
// cells, and the previewRows non-blank rows under it (read on from t if needed). Without
// such a row err comes back as it is.
func unknownLayout(t table, read []tableRow, err error) error {
	at := -1
	for i, r := range read {
		if nonEmpty(r.cells) >= minHeaderCells {
			at = i
			break
		}
	}
	if at < 0 {
		return err
	}
	header := clipRow(read[at].cells, len(read[at].cells))
	for len(header) > 0 && header[len(header)-1] == "" {
		header = header[:len(header)-1] // trailing empty columns (a CSV's trailing commas)
	}
	err = errors.New(unknownHeaderMessage(read[at].cells, read[at].no))
	ue := &unknownLayoutError{err: err, header: header, headerRow: read[at].no, sample: [][]string{}}
	add := func(cells []string) {
		if nonEmpty(cells) > 0 {
			ue.sample = append(ue.sample, clipRow(cells, len(header)))
		}
	}
	for _, r := range read[at+1:] {
		if len(ue.sample) == previewRows {
			break
		}
		add(r.cells)
	}
	for len(ue.sample) < previewRows {
		row, err := t.Next()
		if err != nil { // io.EOF, or a broken row further down: show what there is
			break
		}
		add(row)
	}
	return ue
}

// unknownHeaderMessage says why a likely header row is no export Shopdesk knows, from what
// the layouts know: the columns of the closest layout that it has and those it lacks (or
// the column that rules that layout out), or that it has none of the columns any layout
// reads. It never says a column is missing that the header has.
func unknownHeaderMessage(header []string, row int) string {
	msg := fmt.Sprintf("认不出这是哪个平台的导出文件：第 %d 行像是表头（%s），", row, headerList(header))
	c := closestLayout(header)
	switch {
	case c == nil:
		return msg + "但里面没有店务台认识的列（例如“订单编号”“订单状态”“订单创建时间”“退款编号”）"
	case len(c.missing) > 0:
		return msg + fmt.Sprintf("有%s的%s，但缺少%s，所以不是这种文件", "“"+c.layout.Name+"”", quoted(c.present), quoted(c.missing))
	default:
		return msg + fmt.Sprintf("有%s的%s，但也有%s，而这种文件没有这样的列", "“"+c.layout.Name+"”", quoted(c.present), quoted(c.excluded))
	}
}

// nearLayout is a built-in layout compared with a header: the signature headers the header
// has and lacks, and the "not" headers it has.
type nearLayout struct {
	layout                     *Layout
	present, missing, excluded []string
}

// closestLayout is the built-in layout whose signature the header carries most of (on a
// tie, the one lacking fewest); nil when it carries none of any layout's.
func closestLayout(header []string) *nearLayout {
	index, _ := headerIndex(header)
	var best *nearLayout
	for i := range registry.Layouts {
		l := &registry.Layouts[i]
		n := &nearLayout{layout: l}
		for _, h := range l.Signature {
			if _, ok := index[normalizeHeader(h)]; ok {
				n.present = append(n.present, h)
			} else {
				n.missing = append(n.missing, h)
			}
		}
		for _, h := range l.Not {
			if _, ok := index[normalizeHeader(h)]; ok {
				n.excluded = append(n.excluded, h)
			}
		}
		if k := kindOfLevel(l.Level); k != nil && k.dayGrid {
			// A grid of days (a rota) is known by its day columns more than by 姓名: a
			// header without any is none of it, one with a few lacks the rest.
			days := 0
			for h := range index {
				if _, ok := dayHeader(h); ok {
					days++
				}
			}
			if days == 0 {
				continue
			}
			if days < minDayColumns {
				n.missing = append(n.missing, fmt.Sprintf("至少 %d 个日期列（1、2、3……）", minDayColumns))
			} else {
				n.present = append(n.present, fmt.Sprintf("%d 个日期列", days))
			}
		}
		if len(n.present) == 0 {
			continue
		}
		if best == nil || len(n.present) > len(best.present) ||
			(len(n.present) == len(best.present) && len(n.missing) < len(best.missing)) {
			best = n
		}
	}
	return best
}

// quoted is “a”“b”“c”.
func quoted(names []string) string {
	var b strings.Builder
	for _, n := range names {
		b.WriteString("“" + n + "”")
	}
	return b.String()
}

// clipRow returns the row's cells cleaned, clipped to maxCellRunes, padded or cut to n
// cells (at most maxHeaderColumns).
func clipRow(cells []string, n int) []string {
	n = min(n, maxHeaderColumns)
	out := make([]string, n)
	for i := 0; i < n && i < len(cells); i++ {
		c := cleanCell(cells[i])
		if utf8.RuneCountInString(c) > maxCellRunes {
			c = string([]rune(c)[:maxCellRunes]) + "…"
		}
		out[i] = c
	}
	return out
}

// setUnknownHeader copies the likely header row of an unknown file into the result.
func (r *FileResult) setUnknownHeader(err error) {
	var ue *unknownLayoutError
	if errors.As(err, &ue) {
		r.Header, r.HeaderRow, r.Sample = ue.header, ue.headerRow, ue.sample
		r.Guess = guessColumns(ue.header)
	}
}

// guessColumns maps the order fields of an unknown header to the cells a built-in order
// layout reads them from (订单编号, 订单创建时间, 付款时间 …): an ERP's or analyst's re-save of
// a platform export keeps those names even when it matches no layout as a whole. A cell
// goes to one field only; nil when nothing is known.
func guessColumns(header []string) map[string][]string {
	index, _ := headerIndex(header)
	used := map[int]bool{}
	var out map[string][]string
	for _, f := range ordersKind.Fields {
		if f.LayoutOnly || f.Group != "order" {
			continue
		}
	layouts:
		for i := range registry.Layouts {
			l := &registry.Layouts[i]
			if l.Level != levelOrder {
				continue
			}
			for _, a := range l.Columns[f.Key] {
				if len(a) != 1 {
					continue
				}
				if col, ok := index[normalizeHeader(a[0])]; ok && !used[col] {
					if out == nil {
						out = map[string][]string{}
					}
					out[f.Key] = []string{header[col]}
					used[col] = true
					break layouts
				}
			}
		}
	}
	return out
}

// SheetHeader is what the mapping screen shows for another sheet of an xlsx the seller is
// mapping: the sheet's likely header row and the rows under it, as an unknown_format
// result of the file. Nothing is imported.
func (im *Importer) SheetHeader(ctx context.Context, path, sheet string) FileResult {
	res := FileResult{File: filename.Base(path), Path: path, Sheet: sheet}
	if err := checkInput(path); err != nil {
		res.Error, res.ErrorCode = fileError(res.File, err).Error(), ErrCodeUnreadable
		return res
	}
	templates, err := loadTemplates(ctx, im.db.Queries())
	if err != nil {
		res.Error, res.ErrorCode = fileError(res.File, err).Error(), ErrCodeUnreadable
		return res
	}
	t, err := openXLSXSheet(path, sheet)
	if err != nil {
		res.Error, res.ErrorCode = fileError(res.File, err).Error(), ErrCodeUnreadable
		return res
	}
	defer t.close()
	if s := t.visibleSheets(); len(s) > 1 {
		res.Sheets = s
	}
	l, headerRow, err := findHeaderWith(t, templates)
	switch {
	case l != nil:
		// The sheet is one Shopdesk knows after all: say so, the file imports as it is.
		res.Platform, res.Format, res.FormatName, res.HeaderRow = l.Platform, l.ID, l.Name, headerRow
	case errors.Is(err, errNoContent):
		res.Error, res.ErrorCode = fileError(res.File, fmt.Errorf("工作表“%s”是空的", sheet)).Error(), ErrCodeUnreadable
	default:
		res.setUnknownHeader(err)
		res.Error, res.ErrorCode = fileError(res.File, err).Error(), ErrCodeUnknownFormat
		if res.Header == nil {
			res.Error = fileError(res.File, fmt.Errorf("工作表“%s”的前 %d 行里没有表头（至少 %d 个非空的格子的一行）", sheet, headerSearchRows, minHeaderCells)).Error()
		}
	}
	return res
}

// clip shortens s to at most n characters for a message, marking the cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
