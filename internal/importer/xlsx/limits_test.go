package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"shopdesk/internal/importer/xlsx/xlsxtest"
)

// The sizes a zip declares are checked before anything is inflated.
func TestCheckSizes(t *testing.T) {
	part := func(name string, compressed, inflated uint64) *zip.File {
		return &zip.File{FileHeader: zip.FileHeader{Name: name, CompressedSize64: compressed, UncompressedSize64: inflated}}
	}
	tests := []struct {
		name  string
		files []*zip.File
		want  []string // in the message; none: accepted
	}{
		{"an export", []*zip.File{part("xl/worksheets/sheet1.xml", 20<<20, 280<<20), part("xl/styles.xml", 2<<10, 40<<10)}, nil},
		{"a small part compresses as it likes", []*zip.File{part("xl/styles.xml", 100, 1<<20)}, nil},
		{"a shared strings bomb", []*zip.File{part("xl/sharedStrings.xml", 1_500_000, 1<<30)},
			[]string{"xl/sharedStrings.xml", "1.4 MB", "1.0 GB", "压缩了 715 倍", "压缩炸弹"}},
		{"a bomb whose name is GBK (a zip without its UTF-8 flag)", []*zip.File{part("xl/\xb1\xa8\xb1\xed.xml", 1_000_000, 1<<30)},
			[]string{"xl/报表.xml", "压缩炸弹"}},
		{"a part that claims to come from nothing", []*zip.File{part("xl/worksheets/sheet1.xml", 0, 2<<20)}, []string{"无穷"}},
		{"too much in total", []*zip.File{part("a.xml", 40<<20, 6<<30), part("b.xml", 40<<20, 6<<30)},
			[]string{"共有 12.0 GB", "10.0 GB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkSizes(tt.files)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if !errors.Is(err, ErrBad) {
				t.Fatalf("err = %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err, w)
				}
			}
		})
	}
}

func header() string {
	return `<row r="1"><c r="A1" t="inlineStr"><is><t>订单编号</t></is></c><c r="B1" t="inlineStr"><is><t>买家留言</t></is></c></row>`
}

// Files built to exhaust memory are refused with a message, in Open or at the cell: a
// bomb before anything is inflated, an oversized cell without being held.
func TestBombsAreRefused(t *testing.T) {
	dir := t.TempDir()
	noisy := xlsxtest.Noisy(8 << 20)
	tests := []struct {
		name  string
		write func(path string) int64
		want  []string
		cell  *CellTooLongError // the error is this cell's (else Open's)
	}{
		{"shared strings that inflate to 1 GB", func(path string) int64 {
			sst := xlsxtest.Big{Name: "xl/sharedStrings.xml", Head: `<sst xmlns="` + xlsxtest.NSMain + `"><si><t>`,
				Chunk: bytes.Repeat([]byte("A"), 1<<20), Repeat: 1024, Tail: `</t></si></sst>`}
			parts := xlsxtest.Parts("<sst/>", [2]string{"订单", xlsxtest.SheetXML(header())})
			return xlsxtest.WriteBomb(t, path, xlsxtest.Without(parts, "xl/sharedStrings.xml"), []xlsxtest.Big{sst})
		}, []string{"xl/sharedStrings.xml", "1.0 GB", "压缩炸弹"}, nil},
		{"a sheet that inflates to 1 GB", func(path string) int64 {
			rows := xlsxtest.Big{Name: "xl/worksheets/sheet1.xml", Head: `<worksheet xmlns="` + xlsxtest.NSMain + `"><sheetData>` + header(),
				Chunk: bytes.Repeat([]byte(`<row><c><v>1</v></c></row>`), 40330), Repeat: 1000, Tail: `</sheetData></worksheet>`}
			parts := xlsxtest.Parts("", [2]string{"订单", ""})
			return xlsxtest.WriteBomb(t, path, xlsxtest.Without(parts, "xl/worksheets/sheet1.xml"), []xlsxtest.Big{rows})
		}, []string{"xl/worksheets/sheet1.xml", "压缩炸弹"}, nil},
		{"ten thousand parts", func(path string) int64 {
			parts := xlsxtest.Parts("", [2]string{"订单", xlsxtest.SheetXML(header())})
			for i := range maxParts {
				parts = append(parts, xlsxtest.Part{Name: fmt.Sprintf("xl/media/image%d.png", i), Body: "x"})
			}
			return xlsxtest.WriteBomb(t, path, parts, nil)
		}, []string{"个部件", "正常的 Excel 文件只有几十个"}, nil},
		{"an 8 MB inline cell", func(path string) int64 {
			cell := xlsxtest.Big{Name: "xl/worksheets/sheet1.xml",
				Head: `<worksheet xmlns="` + xlsxtest.NSMain + `"><sheetData>` + header() +
					`<row r="2"><c r="A2" t="inlineStr"><is><t>1001</t></is></c><c r="B2" t="inlineStr"><is><t>`,
				Chunk: noisy, Repeat: 1, Tail: `</t></is></c></row></sheetData></worksheet>`}
			parts := xlsxtest.Parts("", [2]string{"订单", ""})
			return xlsxtest.WriteBomb(t, path, xlsxtest.Without(parts, "xl/worksheets/sheet1.xml"), []xlsxtest.Big{cell})
		}, nil, &CellTooLongError{Sheet: "订单", Row: 2, Col: 2, Chars: utf8.RuneCount(noisy)}},
		{"an 8 MB shared string", func(path string) int64 {
			sst := xlsxtest.Big{Name: "xl/sharedStrings.xml", Head: `<sst xmlns="` + xlsxtest.NSMain + `"><si><t>1001</t></si><si><t>`,
				Chunk: noisy, Repeat: 1, Tail: `</t></si></sst>`}
			sheet := xlsxtest.SheetXML(header() + `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>`)
			parts := xlsxtest.Parts("<sst/>", [2]string{"订单", sheet})
			return xlsxtest.WriteBomb(t, path, xlsxtest.Without(parts, "xl/sharedStrings.xml"), []xlsxtest.Big{sst})
		}, nil, &CellTooLongError{Sheet: "订单", Row: 2, Col: 2, Chars: utf8.RuneCount(noisy)}},
		{"a row of 6 MB", func(path string) int64 {
			var row strings.Builder
			row.WriteString(`<row r="2">`)
			cells := []rune(string(noisy[:200*30000]))
			for c := range 200 { // distinct texts: a row of one text repeated would be a bomb
				fmt.Fprintf(&row, `<c t="inlineStr"><is><t>%s</t></is></c>`, string(cells[c*10000:(c+1)*10000]))
			}
			row.WriteString(`</row>`)
			parts := xlsxtest.Parts("", [2]string{"订单", xlsxtest.SheetXML(header() + row.String())})
			return xlsxtest.WriteBomb(t, path, parts, nil)
		}, []string{"第 2 行的内容超过了 4 MB"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".xlsx")
			size := tt.write(path)
			t.Logf("%s: %.1f MB", tt.name, float64(size)/(1<<20))
			book, err := Open(path)
			if err == nil {
				defer book.Close()
				var tb *Table
				if tb, err = book.OpenSheet(0); err == nil {
					defer tb.Close()
					for err == nil {
						_, err = tb.Next()
					}
				}
			}
			if err == io.EOF {
				t.Fatal("read to the end without a word")
			}
			if !errors.Is(err, ErrBad) {
				t.Fatalf("err = %v", err)
			}
			if tt.cell != nil {
				var ce *CellTooLongError
				if !errors.As(err, &ce) || *ce != *tt.cell {
					t.Fatalf("err = %v, want %+v", err, tt.cell)
				}
				for _, w := range []string{"工作表“订单”第 2 行 B 列", fmt.Sprintf("有 %d 个字", tt.cell.Chars), "32767"} {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("%q lacks %q", err, w)
					}
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err, w)
				}
			}
		})
	}
}

// A cell of exactly MaxCellChars characters (Excel's limit) reads; one more is refused.
func TestCellAtExcelsLimit(t *testing.T) {
	for _, n := range []int{MaxCellChars, MaxCellChars + 1} {
		text := strings.Repeat("留", n)
		for _, shared := range []bool{false, true} {
			var parts []xlsxtest.Part
			if shared {
				parts = xlsxtest.Parts(`<sst xmlns="`+xlsxtest.NSMain+`"><si><t>`+text+`</t></si></sst>`,
					[2]string{"订单", xlsxtest.SheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)})
			} else {
				parts = xlsxtest.Parts("", [2]string{"订单", xlsxtest.SheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>` + text + `</t></is></c></row>`)})
			}
			path := xlsxtest.WriteFile(t, "limit.xlsx", xlsxtest.BuildZip(t, parts, zip.Deflate))
			book, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			tb, _ := book.OpenSheet(0)
			row, err := tb.Next()
			tb.Close()
			book.Close()
			switch {
			case n == MaxCellChars && (err != nil || len(row) != 1 || row[0] != text):
				t.Errorf("shared %v: %d characters: %v", shared, n, err)
			case n > MaxCellChars && !errors.As(err, new(*CellTooLongError)):
				t.Errorf("shared %v: %d characters accepted: %v", shared, n, err)
			}
		}
	}
}
