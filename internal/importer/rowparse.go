package importer

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The cell readers every kind's parser uses: a field's cell by the layout, read as its
// kind, with a message naming the file, row, column and value when it does not read.

// rowParser reads the cells of one file's rows by its layout. It has no state besides
// the layout, so it can run apart from the writer.
type rowParser struct {
	layout *boundLayout
	file   string
	// badBytes: the file holds bytes its encoding cannot read (fileFacts.badBytes), so
	// every row's cells are checked for the U+FFFD the decoder put in their place.
	badBytes bool
	// placeholders are the words that stand for an empty number or time cell in exports of
	// the layout's platform (layouts.json "placeholders": the shared ones and its own).
	placeholders map[string]bool
	fpBuf        []byte // scratch for fingerprint
}

func newRowParser(layout *boundLayout, file string, facts fileFacts) rowParser {
	return rowParser{layout: layout, file: file, badBytes: facts.badBytes,
		placeholders: registry.placeholders(layout.Platform)}
}

// empty reports whether a cell that did not read as a number or time is a placeholder for
// "nothing" (无退款申请, -, —, 暂无, N/A, 0000-00-00 00:00:00 …): it then reads as empty.
// Asked only after the value failed to parse, so the common cell costs nothing.
func (p *rowParser) empty(cell string) bool {
	return p.placeholders[strings.ToLower(strings.TrimSpace(cell))]
}

// undecodable fails a row whose mapped cells hold bytes the file's encoding cannot read:
// imported as they are, the text would be silently changed.
func (p *rowParser) undecodable(rowNo int, row []string) error {
	for i, c := range row { // in column order, so the first bad cell is the one named
		if !strings.ContainsRune(c, utf8.RuneError) {
			continue
		}
		for field, cols := range p.layout.col {
			if slices.Contains(cols, i) {
				return p.bad(rowNo, row, field, "含有无法识别的字节（文件的编码被别的软件改过，或混用了 UTF-8 和 GBK）：请用平台导出的原始文件")
			}
		}
	}
	return nil
}

// cell returns the cleaned cell of field in row ("" when the file has no such column).
// A field read from several columns (省, 市, 区, 街道) joins their non-empty cells with a space.
func (p *rowParser) cell(row []string, field string) string {
	cols, ok := p.layout.col[field]
	if !ok {
		return ""
	}
	if len(cols) == 1 {
		if cols[0] >= len(row) {
			return ""
		}
		return cleanCell(row[cols[0]])
	}
	parts := make([]string, 0, len(cols))
	for _, i := range cols {
		if i < len(row) {
			if c := cleanCell(row[i]); c != "" {
				parts = append(parts, c)
			}
		}
	}
	return strings.Join(parts, " ")
}

func (p *rowParser) bad(rowNo int, row []string, field string, reason string) error {
	col := fields[field].name
	if cols, ok := p.layout.col[field]; ok {
		names := make([]string, 0, len(cols))
		for _, i := range cols {
			if i < len(p.layout.headers) {
				names = append(names, p.layout.headers[i])
			}
		}
		if len(names) > 0 {
			col = strings.Join(names, "/")
		}
	}
	return fail(ErrCodeBadValue, &rowError{file: p.file, row: rowNo, column: col,
		value: p.cell(row, field), reason: reason})
}

func (p *rowParser) text(row []string, field string) string { return p.cell(row, field) }

// money reads an amount in yuan as fen; empty or a placeholder is 0.
func (p *rowParser) money(rowNo int, row []string, field string) (int64, error) {
	c := p.cell(row, field)
	v, err := parseFen(c)
	if err != nil {
		if p.empty(c) {
			return 0, nil
		}
		return 0, p.bad(rowNo, row, field, err.Error())
	}
	return v, nil
}

// integer reads a count; empty or a placeholder is 0.
func (p *rowParser) integer(rowNo int, row []string, field string) (int64, error) {
	c := p.cell(row, field)
	v, err := parseInt(c)
	if err != nil {
		if p.empty(c) {
			return 0, nil
		}
		return 0, p.bad(rowNo, row, field, err.Error())
	}
	return v, nil
}

// when reads a time as "YYYY-MM-DD HH:MM:SS"; empty or a placeholder is "".
func (p *rowParser) when(rowNo int, row []string, field string) (string, error) {
	c := p.cell(row, field)
	v, err := parseTime(c)
	if err != nil {
		if p.empty(c) {
			return "", nil
		}
		return "", p.bad(rowNo, row, field, err.Error())
	}
	return v, nil
}

// day reads a date as "YYYY-MM-DD" (a time's day); empty or a placeholder is "".
func (p *rowParser) day(rowNo int, row []string, field string) (string, error) {
	v, err := p.when(rowNo, row, field)
	if len(v) >= 10 {
		v = v[:10]
	}
	return v, err
}

// flag reads a 是/否 cell; empty or a placeholder is false.
func (p *rowParser) flag(rowNo int, row []string, field string) (bool, error) {
	c := p.cell(row, field)
	v, err := parseBool(c)
	if err != nil {
		if p.empty(c) {
			return false, nil
		}
		return false, p.bad(rowNo, row, field, err.Error())
	}
	return v, nil
}

// requiredID reads an exact-text number that every row must have.
func (p *rowParser) requiredID(rowNo int, row []string, field string) (string, error) {
	v, err := parseID(p.cell(row, field))
	if err != nil {
		return "", p.bad(rowNo, row, field, err.Error())
	}
	if v == "" {
		what := "这种"
		if k := kindOfLevel(p.layout.Level); k != nil {
			what = k.Name
		}
		return "", p.bad(rowNo, row, field, "是空的："+what+"文件的每一行都要有这一列")
	}
	return v, nil
}

// translated is a text cell through the layout's "values" (是 -> 退货退款), else as written.
func (p *rowParser) translated(row []string, field string) string {
	v := p.text(row, field)
	if to, ok := p.layout.Values[field][v]; ok {
		return to
	}
	return v
}
