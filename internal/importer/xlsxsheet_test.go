package importer

import (
	"archive/zip"
	"io"
	"testing"

	"shopdesk/internal/importer/xlsx/xlsxtest"
)

// openXLSX picks the sheet whose header a layout knows (not the first) and reports the
// row numbers Excel shows across missing rows.
func TestOpenXLSXPicksSheetAndKeepsRowNumbers(t *testing.T) {
	for _, method := range []uint16{zip.Store, zip.Deflate} {
		p := xlsxtest.WriteFile(t, "quirks.xlsx", xlsxtest.Quirk(t, method))
		tb, err := openXLSX(p, nil)
		if err != nil {
			t.Fatal(err)
		}
		if tb.Sheet() != "订单" {
			t.Fatalf("picked sheet %q, want 订单", tb.Sheet())
		}
		l, row, err := findHeader(tb)
		if err != nil || l == nil || l.ID != "taobao_suborders_xlsx" || row != 3 {
			t.Fatalf("header = %v at row %d, %v", l, row, err)
		}
		r, err := tb.Next()
		if err != nil || tb.Row() != 4 || r[2] != "交易成功" {
			t.Fatalf("row %d = %q, %v", tb.Row(), r, err)
		}
		var last int
		for {
			if _, err := tb.Next(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatal(err)
			}
			last = tb.Row()
		}
		tb.close()
		if last != 10 {
			t.Fatalf("last row = %d, want 10", last)
		}
	}
}
