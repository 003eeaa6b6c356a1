// Package xlsx streams the rows of an .xlsx worksheet: the zip part (zip.go) opens the
// workbook and its shared strings, sheet.go turns one worksheet's XML into rows of cell
// texts, xmlscan.go is the small XML scanner under it. It knows nothing about orders:
// which sheet holds an export is the importer's choice (importer/xlsxsheet.go).
//
// The reader streams one worksheet's XML straight out of the zip with a small
// purpose-built scanner: excelize's reader spends its time in encoding/xml (about 7k rows/s
// on a 2-core machine), this one reads about 12x as fast and holds only the current row and
// the shared strings in memory. excelize is still used to write xlsx files.
//
// Cells are read raw, whatever their display format: dates arrive as Excel serials
// ("45612.375"), numbers as written in <v>, booleans as "1"/"0", errors as "#N/A", so the
// value parsers see what the file holds and long order numbers stay exact text.
package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
)

// ErrBad is the family of every xlsx reading error (errors.Is(err, ErrBad)).
var ErrBad = errors.New("不是有效的 Excel（.xlsx）文件：可能已损坏、不完整，或是改了扩展名的其他文件")

// xlsxError is a specific, Chinese, seller-facing reason an xlsx cannot be read.
type xlsxError struct{ msg string }

func (e *xlsxError) Error() string        { return e.msg }
func (e *xlsxError) Is(target error) bool { return target == ErrBad }

func badXLSX(format string, args ...any) error {
	return &xlsxError{msg: fmt.Sprintf(format, args...)}
}

// The limits of what the reader accepts. Every byte it inflates from the zip goes through
// openPart (zip.go): a further cap is one more constant here and its use there.
const (
	MaxRows = 1048576 // Excel's limits
	MaxCols = 16384
	// maxPart bounds what one zip entry may inflate to when it is held in memory
	// (workbook, relationships, shared strings): a zip bomb gets an error, not the RAM.
	maxPart = 1 << 30
	// maxXMLPart bounds the small parts decoded whole (workbook, relationships).
	maxXMLPart = 64 << 20
	// maxSheet bounds a worksheet's stream: none yet (it is read row by row, not held).
	maxSheet = -1
	// xmlMaxToken bounds one tag or one text run of the streamed XML.
	xmlMaxToken = 64 << 20
)

// Book is an opened xlsx: its zip, its worksheets and its shared strings.
type Book struct {
	zr     *zip.ReadCloser
	files  map[string]*zip.File // by normalised lower-case name
	sheets []sheetEntry
	shared []string
}

type sheetEntry struct {
	name   string
	part   string // zip entry name; "" when the workbook points at nothing
	hidden bool
}

// Table streams the rows of one worksheet.
type Table struct {
	book    *Book
	sheet   string
	rc      io.ReadCloser
	sc      *xmlScanner
	row     int // row number of the last row returned
	cur     int // row number being read (for messages)
	pending int // row number of the row parsed into cells but not yet returned (gap before it)
	done    bool
	err     error
	cells   []string
	v, is   []byte
}

// Sheet is one worksheet of a workbook, as Excel lists it.
type Sheet struct {
	Name   string
	Hidden bool // hidden or very hidden: a seller does not see it
}

// Sheets lists the workbook's worksheets in their order (chart sheets left out).
func (b *Book) Sheets() []Sheet {
	out := make([]Sheet, len(b.sheets))
	for i, s := range b.sheets {
		out[i] = Sheet{Name: s.name, Hidden: s.hidden}
	}
	return out
}

// Visible names the sheets a seller sees in Excel, in their order.
func (b *Book) Visible() []string {
	var out []string
	for _, s := range b.sheets {
		if !s.hidden {
			out = append(out, s.name)
		}
	}
	return out
}

// Index is the position of the sheet named name in Sheets, -1 when there is none.
func (b *Book) Index(name string) int {
	for i, s := range b.sheets {
		if s.name == name {
			return i
		}
	}
	return -1
}

// Close closes the file. Tables opened from the book must be closed first.
func (b *Book) Close() error { return b.zr.Close() }

// NoSheet is the error for a sheet name the workbook does not have.
func NoSheet(name string) error {
	return badXLSX("Excel 文件里没有名为“%s”的工作表", clip(name, 40))
}
