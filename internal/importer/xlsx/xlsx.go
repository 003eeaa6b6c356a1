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

// The limits of what the reader accepts (issue 15 §2: a 1.5 MB file whose shared strings
// inflated to 1 GB took 12.5 GB of memory). Every byte the reader inflates goes through
// openPart (zip.go); the sizes are the ones the zip's directory declares, checked before
// anything is inflated (archive/zip stops a part that inflates past its declared size), so
// a bomb is refused with no memory spent on it. Memory then does not grow with the file:
// a sheet is read a row at a time, the shared strings are held in at most about 80 MB
// (shared.go), one cell and one row are bounded below.
const (
	MaxRows = 1048576 // Excel's limits
	MaxCols = 16384
	// MaxCellChars is Excel's own limit of one cell (32,767 characters): no file Excel or
	// WPS saved has a longer one, and no back office writes one (a buyer's message is at
	// most a few hundred). A longer cell is refused, with its row and column, rather than
	// cut: the import is all or nothing and never changes what it stores.
	MaxCellChars = 32767
	// MaxRowBytes bounds one row's cells together (a 200-column export of long texts is
	// well under 1 MB).
	MaxRowBytes = 4 << 20

	// maxParts: a workbook has a few dozen parts (sheets, styles, images, printer
	// settings); the zip's directory itself is held in memory by archive/zip.
	maxParts = 10000
	// maxRatio is the most a part over ratioFloor may inflate per compressed byte. XML
	// compresses well but not without end: a generated 200k-order sheet 13.8:1, 100k
	// identical rows 17.3:1; a deflate bomb is about 1000:1.
	maxRatio   = 200
	ratioFloor = 1 << 20
	// maxXMLPart bounds the small parts decoded whole (workbook, relationships).
	maxXMLPart = 16 << 20
	// maxSharedPart bounds the shared strings' XML (held as shared.go says).
	maxSharedPart = 2 << 30
	// maxSheetPart bounds one worksheet's XML, read row by row: it bounds the time, not
	// the memory. A million rows of 23 columns written with inline strings is 1.4 GB.
	maxSheetPart = 8 << 30
	// maxTotal bounds all parts together.
	maxTotal = 10 << 30
	// xmlMaxToken bounds one tag or one text run of the streamed XML: above the longest
	// cell (MaxCellChars characters, each up to 8 bytes as a character reference).
	xmlMaxToken = 1 << 20
	// maxCellBytes is the most bytes a cell of MaxCellChars characters takes in UTF-8.
	maxCellBytes = 4 * MaxCellChars
)

// Book is an opened xlsx: its zip, its worksheets and its shared strings.
type Book struct {
	zr     *zip.ReadCloser
	files  map[string]*zip.File // by normalised lower-case name
	sheets []sheetEntry
	shared *sharedStrings
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
	bytes   int // of the cells of the row being read (MaxRowBytes)
	v, is   cellText
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

// Close closes the file and removes the shared strings' temporary file. Tables opened
// from the book must be closed first.
func (b *Book) Close() error {
	var err error
	if b.shared != nil {
		err = b.shared.close()
	}
	return errors.Join(b.zr.Close(), err)
}

// CellTooLongError is a cell longer than MaxCellChars.
type CellTooLongError struct {
	Sheet    string
	Row, Col int // 1-based
	Chars    int // its length in characters
}

func (e *CellTooLongError) Error() string {
	return fmt.Sprintf("工作表“%s”第 %d 行 %s 列的内容%s：%s", e.Sheet, e.Row, columnName(e.Col), TooLongText(e.Chars), TooLongAdvice)
}

// TooLongText says how long a too-long cell is ("有 40000 个字，超过了 …"); chars 0 when
// it was not counted (it ran past what the reader reads of one cell).
func TooLongText(chars int) string {
	if chars <= 0 {
		return fmt.Sprintf("超过了 Excel 单元格的上限 %d 个字", MaxCellChars)
	}
	return fmt.Sprintf("有 %d 个字，超过了 Excel 单元格的上限 %d 个字", chars, MaxCellChars)
}

// TooLongAdvice follows TooLongText in messages.
const TooLongAdvice = "店务台不导入这么长的单元格，整个文件都没有导入（卖家后台导出的文件不会有这么长的内容，文件可能已损坏或被改动过；请在 Excel 里删短这个单元格后再导入）"

func (e *CellTooLongError) Is(target error) bool { return target == ErrBad }

// TooLongCell tells the importer which cell it was (it names the column by its header).
func (e *CellTooLongError) TooLongCell() (row, col, chars int) { return e.Row, e.Col, e.Chars }

// NoSheet is the error for a sheet name the workbook does not have.
func NoSheet(name string) error {
	return badXLSX("Excel 文件里没有名为“%s”的工作表", clip(name, 40))
}
