package importer

import (
	"errors"

	"shopdesk/internal/importer/xlsx"
)

// Which sheet of a workbook holds the export: the reading itself is package xlsx's.

// xlsxTable is one worksheet of an opened workbook; close closes both.
type xlsxTable struct {
	*xlsx.Table
	book *xlsx.Book
}

func (t *xlsxTable) close() {
	t.Table.Close()
	t.book.Close()
}

// visibleSheets names the sheets a seller sees in Excel, in their order.
func (t *xlsxTable) visibleSheets() []string { return t.book.Visible() }

// openXLSX opens the sheet of path whose top rows hold a header a layout or template
// knows. Failing that, the first visible sheet with a header-like row (what the mapping
// screen then shows: a workbook whose first sheet is a note or a summary keeps its orders
// on another), else the first visible sheet.
func openXLSX(path string, templates []templateLayout) (*xlsxTable, error) {
	book, err := xlsx.Open(path)
	if err != nil {
		return nil, err
	}
	i, err := pickSheet(book, templates)
	if err != nil {
		book.Close()
		return nil, err
	}
	return openSheet(book, i)
}

// openXLSXSheet opens the sheet of path named sheet, whatever it holds (the mapping
// screen's choice of sheet).
func openXLSXSheet(path, sheet string) (*xlsxTable, error) {
	book, err := xlsx.Open(path)
	if err != nil {
		return nil, err
	}
	i := book.Index(sheet)
	if i < 0 {
		book.Close()
		return nil, xlsx.NoSheet(sheet)
	}
	return openSheet(book, i)
}

func openSheet(book *xlsx.Book, i int) (*xlsxTable, error) {
	t, err := book.OpenSheet(i)
	if err != nil {
		book.Close()
		return nil, err
	}
	return &xlsxTable{Table: t, book: book}, nil
}

// pickSheet is the index of the sheet openXLSX describes; the error is the first visible
// sheet's read error when no sheet is recognised.
func pickSheet(book *xlsx.Book, templates []templateLayout) (int, error) {
	sheets := book.Sheets()
	def := 0
	for i, s := range sheets {
		if !s.Hidden {
			def = i
			break
		}
	}
	candidate := -1
	var defErr error
	for i := range sheets {
		t, err := book.OpenSheet(i)
		if err == nil {
			var l *boundLayout
			l, _, err = findHeaderWith(t, templates)
			t.Close()
			if l != nil {
				return i, nil
			}
			var ue *unknownLayoutError
			if candidate < 0 && !sheets[i].Hidden && errors.As(err, &ue) {
				candidate = i
			}
			if !errors.Is(err, xlsx.ErrBad) {
				err = nil // not a read error: the sheet is just not an order sheet
			}
		}
		if i == def {
			defErr = err
		}
	}
	if defErr != nil {
		return 0, defErr
	}
	if candidate >= 0 {
		return candidate, nil
	}
	return def, nil
}
