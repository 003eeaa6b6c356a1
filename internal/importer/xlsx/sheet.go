package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"unicode/utf8"
)

// Next returns the next row's cells (trailing empty cells trimmed; the slice is reused
// between calls). A row missing from the sheet comes back empty, so Row stays the row
// number Excel shows.
func (t *Table) Next() ([]string, error) {
	if t.err != nil {
		return nil, t.err
	}
	if t.pending > 0 {
		t.row++
		if t.row < t.pending {
			return nil, nil
		}
		t.pending = 0
		return t.cells, nil
	}
	if t.done {
		return nil, io.EOF
	}
	num, err := t.readRow()
	if err != nil {
		t.err = err
		return nil, err
	}
	if num == 0 {
		t.done = true
		return nil, io.EOF
	}
	if num > t.row+1 {
		t.pending = num
		t.row++
		return nil, nil
	}
	t.row = num
	return t.cells, nil
}

// Row is the 1-based row number of the last row Next returned, as Excel shows it.
func (t *Table) Row() int { return t.row }

// Sheet is the name of the worksheet the table reads.
func (t *Table) Sheet() string { return t.sheet }

// Close stops reading the sheet (the book stays open).
func (t *Table) Close() {
	if t.rc != nil {
		t.rc.Close()
		t.rc = nil
	}
}

// readRow reads the next <row> into t.cells and returns its number; 0 at the end of the
// sheet data.
func (t *Table) readRow() (int, error) {
	sc := t.sc
	t.cur = t.row + 1
	for {
		k, err := sc.next()
		if err != nil {
			return 0, t.xmlErr(err)
		}
		if k == tokEOF || (k == tokEnd && string(sc.local) == "sheetData") {
			// Read the part to its end: archive/zip checks the CRC only there.
			if _, err := io.Copy(io.Discard, sc.r); err != nil {
				return 0, t.xmlErr(err)
			}
			return 0, nil
		}
		if k == tokStart && string(sc.local) == "row" {
			break
		}
	}
	num := t.row + 1
	if r, ok := sc.attr("r"); ok {
		if n, ok := atoiBytes(bytes.TrimSpace(r)); ok {
			if n > MaxRows {
				return 0, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”的行号 %d 超过了 Excel 的最大行数 %d", t.sheet, n, MaxRows)
			}
			if n > t.row {
				num = n
			}
		}
	}
	if num > MaxRows {
		return 0, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”的行数超过了 Excel 的最大行数 %d", t.sheet, MaxRows)
	}
	t.cur = num
	t.cells = t.cells[:0]
	t.bytes = 0
	if sc.selfClose {
		return num, nil
	}
	col := 0
	for {
		k, err := sc.next()
		if err != nil {
			return 0, t.xmlErr(err)
		}
		switch k {
		case tokEOF:
			return 0, t.xmlErr(errXMLTruncated)
		case tokEnd: // </row>: the scanner checked it closes <row>
			for n := len(t.cells); n > 0 && t.cells[n-1] == ""; n-- {
				t.cells = t.cells[:n-1]
			}
			return num, nil
		case tokStart:
			if string(sc.local) == "c" {
				if col, err = t.readCell(num, col); err != nil {
					return 0, err
				}
			} else if err := sc.skip(); err != nil {
				return 0, t.xmlErr(err)
			}
		}
	}
}

// readCell reads one <c> (its start tag just read) and stores its value in t.cells.
func (t *Table) readCell(rowNum, prevCol int) (int, error) {
	sc := t.sc
	col := prevCol + 1
	if r, ok := sc.attr("r"); ok && len(r) > 0 {
		c, ok := columnOfRef(r)
		if !ok {
			return 0, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”第 %d 行的单元格位置“%s”无效", t.sheet, rowNum, clip(string(r), 20))
		}
		col = c
	}
	if col > MaxCols {
		return 0, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”第 %d 行的列数超过了 Excel 的最大列数 %d", t.sheet, rowNum, MaxCols)
	}
	typ, _ := sc.attr("t")
	kind := byte('n')
	switch string(typ) {
	case "s":
		kind = 's'
	case "inlineStr":
		kind = 'i'
	}
	t.v.reset()
	t.is.reset()
	sawIS, hasF := false, false
	if !sc.selfClose {
	cell:
		for {
			k, err := sc.next()
			if err != nil {
				return 0, t.xmlErr(err)
			}
			switch k {
			case tokEOF:
				return 0, t.xmlErr(errXMLTruncated)
			case tokEnd:
				break cell // </c>
			case tokStart:
				if sc.selfClose {
					if string(sc.local) == "f" {
						hasF = true
					}
					continue
				}
				switch string(sc.local) {
				case "v":
					err = sc.readText(&t.v)
				case "is":
					sawIS = true
					err = sc.readRich(&t.is)
				case "f":
					hasF = true
					err = sc.skip()
				default:
					err = sc.skip()
				}
				if err != nil {
					return 0, t.xmlErr(err)
				}
			}
		}
	}
	tooLong := func(chars int) error {
		return &CellTooLongError{Sheet: t.sheet, Row: rowNum, Col: col, Chars: chars}
	}
	var val string
	switch {
	case kind == 's':
		if len(t.v.b) == 0 {
			break
		}
		i, ok := atoiBytes(bytes.TrimSpace(t.v.b))
		if !ok || i >= t.book.shared.len() {
			return 0, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”第 %d 行 %s 列引用的共享字符串（第 %s 号）不存在",
				t.sheet, rowNum, columnName(col), clip(string(t.v.b), 20))
		}
		s, chars, err := t.book.shared.get(i)
		if err != nil {
			return 0, badXLSX("无法读取共享字符串的临时文件（%v）", err)
		}
		if chars > 0 {
			return 0, tooLong(chars)
		}
		val = s
	case kind == 'i' && sawIS:
		if chars, long := t.is.tooLong(); long {
			return 0, tooLong(chars)
		}
		if !utf8.Valid(t.is.b) {
			return 0, t.xmlErr(errXMLBadUTF8)
		}
		val = bstrDecode(t.is.b)
	default:
		if chars, long := t.v.tooLong(); long {
			return 0, tooLong(chars)
		}
		if !utf8.Valid(t.v.b) {
			return 0, t.xmlErr(errXMLBadUTF8)
		}
		val = string(t.v.b)
	}
	if t.bytes += len(val); t.bytes > MaxRowBytes {
		return 0, badXLSX("工作表“%s”第 %d 行的内容超过了 %d MB：店务台不导入这么长的行（卖家后台导出的文件不会有这么长的行，文件可能已损坏或被改动过）",
			t.sheet, rowNum, MaxRowBytes>>20)
	}
	if val != "" || hasF {
		for len(t.cells) < col-1 {
			t.cells = append(t.cells, "")
		}
		t.cells = append(t.cells, val)
	}
	return col, nil
}

// xmlErr turns a scanner or inflate error into a Chinese message naming sheet and row.
func (t *Table) xmlErr(err error) error {
	var se *xmlSyntaxError
	if errors.As(err, &se) {
		return badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”第 %d 行附近的内容不是有效的 XML（%s）", t.sheet, t.cur, se.msg)
	}
	var xe *xlsxError
	if errors.As(err, &xe) {
		return err
	}
	if errors.Is(err, zip.ErrChecksum) {
		return badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”的数据校验失败（文件内容被改动或传输出错，请重新导出）", t.sheet)
	}
	return badXLSX("Excel（.xlsx）文件已损坏或不完整：工作表“%s”读到第 %d 行附近时数据无法解压（文件可能没有下载完整，请重新导出）", t.sheet, t.cur)
}
