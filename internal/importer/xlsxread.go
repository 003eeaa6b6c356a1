package importer

import (
	"errors"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// xlsxTable streams the rows of the one sheet whose header a layout knows.
// Cells are read raw (RawCellValue) so dates arrive as Excel serials and money as
// plain numbers, whatever the cell's display format.
type xlsxTable struct {
	f    *excelize.File
	rows *excelize.Rows
	row  int
}

var errBadXLSX = errors.New("不是有效的 Excel（.xlsx）文件：可能已损坏、不完整，或是改了扩展名的其他文件")

func openXLSX(path string) (*xlsxTable, error) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("%w（%v）", errBadXLSX, err)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, errBadXLSX
	}
	// Several sheets: take the first whose top rows hold a known header.
	pick := sheets[0]
	for _, s := range sheets {
		t := &xlsxTable{f: f}
		if t.rows, err = f.Rows(s); err != nil {
			continue
		}
		l, _, _ := findHeader(t)
		t.rows.Close()
		if l != nil {
			pick = s
			break
		}
	}
	t := &xlsxTable{f: f}
	if t.rows, err = f.Rows(pick); err != nil {
		f.Close()
		return nil, fmt.Errorf("%w（%v）", errBadXLSX, err)
	}
	return t, nil
}

func (t *xlsxTable) Next() ([]string, error) {
	if !t.rows.Next() {
		if err := t.rows.Error(); err != nil {
			return nil, fmt.Errorf("%w（%v）", errBadXLSX, err)
		}
		return nil, io.EOF
	}
	t.row++
	cols, err := t.rows.Columns()
	if err != nil {
		return nil, fmt.Errorf("第 %d 行：%w（%v）", t.row, errBadXLSX, err)
	}
	return cols, nil
}

func (t *xlsxTable) Row() int { return t.row }

func (t *xlsxTable) close() {
	if t.rows != nil {
		t.rows.Close()
	}
	t.f.Close()
}
