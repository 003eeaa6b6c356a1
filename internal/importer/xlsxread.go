package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// The xlsx reader streams one worksheet's XML straight out of the zip with a small
// purpose-built scanner: excelize's reader spends its time in encoding/xml (about 7k rows/s
// on a 2-core machine), this one reads about 12x as fast and holds only the current row and
// the shared strings in memory. excelize is still used to write xlsx files.
//
// Cells are read raw, whatever their display format: dates arrive as Excel serials
// ("45612.375"), numbers as written in <v>, booleans as "1"/"0", errors as "#N/A", so the
// value parsers see what the file holds and long order numbers stay exact text.

// errBadXLSX is the family of every xlsx reading error (errors.Is(err, errBadXLSX)).
var errBadXLSX = errors.New("不是有效的 Excel（.xlsx）文件：可能已损坏、不完整，或是改了扩展名的其他文件")

// xlsxError is a specific, Chinese, seller-facing reason an xlsx cannot be read.
type xlsxError struct{ msg string }

func (e *xlsxError) Error() string        { return e.msg }
func (e *xlsxError) Is(target error) bool { return target == errBadXLSX }

func badXLSX(format string, args ...any) error {
	return &xlsxError{msg: fmt.Sprintf(format, args...)}
}

const (
	xlsxMaxRows = 1048576 // Excel's limits
	xlsxMaxCols = 16384
	// xlsxMaxPart bounds what one zip entry may inflate to when it is held in memory
	// (workbook, relationships, shared strings): a zip bomb gets an error, not the RAM.
	xlsxMaxPart = 1 << 30
	// xmlMaxToken bounds one tag or one text run of the streamed XML.
	xmlMaxToken = 64 << 20
)

// xlsxBook is an opened xlsx: its zip, its worksheets and its shared strings.
type xlsxBook struct {
	zr     *zip.ReadCloser
	files  map[string]*zip.File // by normalised lower-case name
	sheets []xlsxSheet
	shared []string
}

type xlsxSheet struct {
	name   string
	part   string // zip entry name; "" when the workbook points at nothing
	hidden bool
}

// xlsxTable streams the rows of one worksheet.
type xlsxTable struct {
	book     *xlsxBook
	sheet    string
	rc       io.ReadCloser
	sc       *xmlScanner
	row      int // row number of the last row returned
	cur      int // row number being read (for messages)
	pending  int // row number of the row parsed into cells but not yet returned (gap before it)
	done     bool
	err      error
	cells    []string
	v, is    []byte
	ownsBook bool
}

// openXLSX opens the sheet of path whose top rows hold a header a layout or template
// knows. Failing that, the first visible sheet with a header-like row (what the mapping
// screen then shows: a workbook whose first sheet is a note or a summary keeps its orders
// on another), else the first visible sheet.
func openXLSX(path string, templates []templateLayout) (*xlsxTable, error) {
	book, err := openBook(path)
	if err != nil {
		return nil, err
	}
	return book.pick(templates)
}

// openXLSXSheet opens the sheet of path named sheet, whatever it holds (the mapping
// screen's choice of sheet).
func openXLSXSheet(path, sheet string) (*xlsxTable, error) {
	book, err := openBook(path)
	if err != nil {
		return nil, err
	}
	for i, s := range book.sheets {
		if s.name == sheet {
			t, err := book.open(i)
			if err != nil {
				book.zr.Close()
				return nil, err
			}
			t.ownsBook = true
			return t, nil
		}
	}
	book.zr.Close()
	return nil, badXLSX("Excel 文件里没有名为“%s”的工作表", clip(sheet, 40))
}

// visibleSheets names the sheets a seller sees in Excel, in their order.
func (t *xlsxTable) visibleSheets() []string {
	var out []string
	for _, s := range t.book.sheets {
		if !s.hidden {
			out = append(out, s.name)
		}
	}
	return out
}

// pick opens the sheet openXLSX describes.
func (book *xlsxBook) pick(templates []templateLayout) (*xlsxTable, error) {
	def := 0
	for i, s := range book.sheets {
		if !s.hidden {
			def = i
			break
		}
	}
	pick, candidate := -1, -1
	var defErr error
	for i := range book.sheets {
		t, err := book.open(i)
		if err == nil {
			var l *boundLayout
			l, _, err = findHeaderWith(t, templates)
			t.closeSheet()
			if l != nil {
				pick = i
				break
			}
			var ue *unknownLayoutError
			if candidate < 0 && !book.sheets[i].hidden && errors.As(err, &ue) {
				candidate = i
			}
			var xe *xlsxError
			if !errors.As(err, &xe) {
				err = nil // not a read error: the sheet is just not an order sheet
			}
		}
		if i == def {
			defErr = err
		}
	}
	if pick < 0 {
		if defErr != nil {
			book.zr.Close()
			return nil, defErr
		}
		pick = def
		if candidate >= 0 {
			pick = candidate
		}
	}
	t, err := book.open(pick)
	if err != nil {
		book.zr.Close()
		return nil, err
	}
	t.ownsBook = true
	return t, nil
}

// Next returns the next row's cells (trailing empty cells trimmed; the slice is reused
// between calls). A row missing from the sheet comes back empty, so Row stays the row
// number Excel shows.
func (t *xlsxTable) Next() ([]string, error) {
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

func (t *xlsxTable) Row() int { return t.row }

func (t *xlsxTable) close() {
	t.closeSheet()
	if t.ownsBook && t.book != nil {
		t.book.zr.Close()
		t.book = nil
	}
}

func (t *xlsxTable) closeSheet() {
	if t.rc != nil {
		t.rc.Close()
		t.rc = nil
	}
}

// readRow reads the next <row> into t.cells and returns its number; 0 at the end of the
// sheet data.
func (t *xlsxTable) readRow() (int, error) {
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
			if n > xlsxMaxRows {
				return 0, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”的行号 %d 超过了 Excel 的最大行数 %d", t.sheet, n, xlsxMaxRows)
			}
			if n > t.row {
				num = n
			}
		}
	}
	if num > xlsxMaxRows {
		return 0, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”的行数超过了 Excel 的最大行数 %d", t.sheet, xlsxMaxRows)
	}
	t.cur = num
	t.cells = t.cells[:0]
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
func (t *xlsxTable) readCell(rowNum, prevCol int) (int, error) {
	sc := t.sc
	col := prevCol + 1
	if r, ok := sc.attr("r"); ok && len(r) > 0 {
		c, ok := columnOfRef(r)
		if !ok {
			return 0, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”第 %d 行的单元格位置“%s”无效", t.sheet, rowNum, clip(string(r), 20))
		}
		col = c
	}
	if col > xlsxMaxCols {
		return 0, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”第 %d 行的列数超过了 Excel 的最大列数 %d", t.sheet, rowNum, xlsxMaxCols)
	}
	typ, _ := sc.attr("t")
	kind := byte('n')
	switch string(typ) {
	case "s":
		kind = 's'
	case "inlineStr":
		kind = 'i'
	}
	t.v, t.is = t.v[:0], t.is[:0]
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
					t.v, err = sc.readText(t.v)
				case "is":
					sawIS = true
					t.is, err = sc.readRich(t.is)
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
	var val string
	switch {
	case kind == 's':
		if len(t.v) == 0 {
			break
		}
		i, ok := atoiBytes(bytes.TrimSpace(t.v))
		if !ok || i >= len(t.book.shared) {
			return 0, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”第 %d 行 %s 列引用的共享字符串（第 %s 号）不存在",
				t.sheet, rowNum, columnName(col), clip(string(t.v), 20))
		}
		val = t.book.shared[i]
	case kind == 'i' && sawIS:
		if !utf8.Valid(t.is) {
			return 0, t.xmlErr(errXMLBadUTF8)
		}
		val = bstrDecode(t.is)
	default:
		if !utf8.Valid(t.v) {
			return 0, t.xmlErr(errXMLBadUTF8)
		}
		val = string(t.v)
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
func (t *xlsxTable) xmlErr(err error) error {
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

// open starts streaming sheet i.
func (b *xlsxBook) open(i int) (*xlsxTable, error) {
	s := b.sheets[i]
	zf := b.file(s.part)
	if zf == nil {
		where := s.part
		if where == "" {
			where = "工作簿里没有它的位置"
		}
		return nil, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”的内容（%s）不在文件里", s.name, where)
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”的数据无法解压", s.name)
	}
	return &xlsxTable{book: b, sheet: s.name, rc: rc, sc: newXMLScanner(rc)}, nil
}

func (b *xlsxBook) file(name string) *zip.File {
	if name == "" {
		return nil
	}
	return b.files[strings.ToLower(normPart(name))]
}

func normPart(name string) string {
	return strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/")
}

// openBook opens the zip and reads the workbook's sheet list and shared strings.
func openBook(p string) (*xlsxBook, error) {
	zr, err := zip.OpenReader(p)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		if zr != nil {
			zr.Close()
		}
		return nil, badXLSX("不是有效的 Excel（.xlsx）文件：文件不完整或已损坏，无法按压缩包打开（可能没有下载完整，请重新导出）")
	}
	b := &xlsxBook{zr: zr, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		k := strings.ToLower(normPart(f.Name))
		if _, dup := b.files[k]; !dup {
			b.files[k] = f
		}
	}
	if err := b.load(); err != nil {
		zr.Close()
		return nil, err
	}
	return b, nil
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbook struct {
	Sheets []struct {
		Name    string `xml:"name,attr"`
		SheetID string `xml:"sheetId,attr"`
		RID     string `xml:"id,attr"` // r:id
		State   string `xml:"state,attr"`
	} `xml:"sheets>sheet"`
}

func (b *xlsxBook) load() error {
	wbPath := "xl/workbook.xml"
	var root xmlRels
	if f := b.file("_rels/.rels"); f != nil && readXMLPart(f, &root) == nil {
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") && r.Mode != "External" {
				if t := resolveTarget("", r.Target); b.file(t) != nil && strings.HasPrefix(strings.ToLower(path.Base(t)), "workbook") {
					wbPath = t
				}
			}
		}
	}
	wbFile := b.file(wbPath)
	if wbFile == nil {
		return b.notAWorkbook()
	}
	var wb xmlWorkbook
	if err := readXMLPart(wbFile, &wb); err != nil {
		return badXLSX("Excel（.xlsx）文件已损坏：工作簿目录（%s）无法读取（%s）", wbFile.Name, partErr(err))
	}
	var rels xmlRels
	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	if f := b.file(relsPath); f != nil {
		if err := readXMLPart(f, &rels); err != nil {
			return badXLSX("Excel（.xlsx）文件已损坏：工作簿的关系表（%s）无法读取（%s）", f.Name, partErr(err))
		}
	}
	byID := map[string]string{}
	sharedPath := ""
	for _, r := range rels.Rels {
		if r.Mode == "External" {
			continue
		}
		target := resolveTarget(path.Dir(wbPath), r.Target)
		byID[r.ID] = target
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			sharedPath = target
		}
	}
	for _, s := range wb.Sheets {
		part, ok := byID[s.RID]
		if !ok {
			part = "xl/worksheets/sheet" + s.SheetID + ".xml"
		}
		low := strings.ToLower(part)
		if strings.Contains(low, "chartsheets/") || strings.Contains(low, "dialogsheets/") || strings.Contains(low, "macrosheets/") {
			continue // not a grid of cells
		}
		b.sheets = append(b.sheets, xlsxSheet{name: s.Name, part: part, hidden: s.State == "hidden" || s.State == "veryHidden"})
	}
	if len(b.sheets) == 0 {
		return badXLSX("Excel（.xlsx）文件里没有任何工作表")
	}
	if sharedPath == "" || b.file(sharedPath) == nil {
		sharedPath = path.Join(path.Dir(wbPath), "sharedStrings.xml")
	}
	if f := b.file(sharedPath); f != nil {
		shared, err := readSharedStrings(f)
		if err != nil {
			return badXLSX("Excel（.xlsx）文件已损坏：共享字符串表（%s）无法读取（%s）", f.Name, partErr(err))
		}
		b.shared = shared
	}
	return nil
}

// notAWorkbook says what a zip without a workbook is, when that can be told.
func (b *xlsxBook) notAWorkbook() error {
	switch {
	case b.file("word/document.xml") != nil:
		return badXLSX("这是改了扩展名的 Word 文档（.docx），不是 Excel 表格：请导入从卖家后台导出的订单文件")
	case b.file("ppt/presentation.xml") != nil:
		return badXLSX("这是改了扩展名的 PowerPoint 演示文稿（.pptx），不是 Excel 表格：请导入从卖家后台导出的订单文件")
	case b.file("xl/workbook.bin") != nil:
		return badXLSX("这是二进制格式的 Excel 工作簿（.xlsb）：请在 Excel 里“另存为” .xlsx 后再导入")
	case b.file("content.xml") != nil && b.file("mimetype") != nil:
		return badXLSX("这是 OpenDocument 文件（如 .ods）：请在 WPS 或 Excel 里“另存为” .xlsx 后再导入")
	}
	return badXLSX("不是 Excel（.xlsx）文件：这是一个压缩包（zip），里面没有 Excel 工作簿（xl/workbook.xml）")
}

// resolveTarget resolves a relationship target against the folder of its source part.
func resolveTarget(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return path.Clean(strings.TrimPrefix(target, "/"))
	}
	p := path.Join(dir, target)
	for strings.HasPrefix(p, "../") {
		p = strings.TrimPrefix(p, "../")
	}
	return p
}

// errTooBig is returned when a part inflates past xlsxMaxPart.
var errTooBig = errors.New("内容过大")

type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooBig
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

func readXMLPart(f *zip.File, v any) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(&limitedReader{r: rc, n: 64 << 20})
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-16") {
			return transform.NewReader(input, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()), nil
		}
		return input, nil
	}
	return d.Decode(v)
}

// partErr is a short Chinese reason for a failed part read.
func partErr(err error) string {
	var se *xmlSyntaxError
	var xe *xml.SyntaxError
	switch {
	case errors.Is(err, errTooBig):
		return "内容过大"
	case errors.As(err, &se):
		return "XML 格式错误：" + se.msg
	case errors.As(err, &xe), errors.Is(err, io.EOF):
		return "XML 格式错误"
	}
	return "数据无法解压"
}

func readSharedStrings(f *zip.File) ([]string, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	sc := newXMLScanner(&limitedReader{r: rc, n: xlsxMaxPart})
	var out []string
	var buf []byte
	for {
		k, err := sc.next()
		if err != nil {
			return nil, err
		}
		switch k {
		case tokEOF:
			return out, nil
		case tokStart:
			switch string(sc.local) {
			case "sst":
				if n, ok := sc.attr("uniqueCount"); ok && out == nil {
					if c, ok := atoiBytes(n); ok {
						out = make([]string, 0, min(c, 1<<16))
					}
				}
			case "si":
				if sc.selfClose {
					out = append(out, "")
					continue
				}
				if buf, err = sc.readRich(buf[:0]); err != nil {
					return nil, err
				}
				if !utf8.Valid(buf) {
					return nil, errXMLBadUTF8
				}
				out = append(out, bstrDecode(buf))
			}
		}
	}
}

// columnOfRef is the 1-based column of an A1 reference ("AB12" -> 28).
func columnOfRef(ref []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i]
		switch {
		case c >= 'A' && c <= 'Z':
			col = col*26 + int(c-'A'+1)
		case c >= 'a' && c <= 'z':
			col = col*26 + int(c-'a'+1)
		case c == '$' && i == 0:
			continue
		default:
			goto digits
		}
		if col > xlsxMaxCols {
			return 0, false
		}
	}
digits:
	if col == 0 || i == len(ref) {
		return 0, false
	}
	if ref[i] == '$' {
		i++
	}
	if _, ok := atoiBytes(ref[i:]); !ok {
		return 0, false
	}
	return col, true
}

func columnName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}

// atoiBytes parses a non-negative decimal int (at most 9 digits).
func atoiBytes(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// clip shortens s to at most n characters for a message, marking the cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// bstrDecode undoes the ECMA-376 escapes of characters XML cannot hold: _xHHHH_ is the
// UTF-16 unit HHHH and _x005F_ escapes a literal underscore.
func bstrDecode(b []byte) string {
	if !bytes.Contains(b, []byte("_x")) {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	var pendingHigh rune
	flushHigh := func() {
		if pendingHigh != 0 {
			out = utf8.AppendRune(out, utf8.RuneError)
			pendingHigh = 0
		}
	}
	for i := 0; i < len(b); {
		if b[i] == '_' && i+7 <= len(b) && b[i+1] == 'x' && b[i+6] == '_' && isHex4(b[i+2:i+6]) {
			u, _ := strconv.ParseUint(string(b[i+2:i+6]), 16, 32)
			r := rune(u)
			i += 7
			switch {
			case r == 0x5F && pendingHigh == 0:
				out = append(out, '_')
			case utf16.IsSurrogate(r) && r < 0xDC00:
				flushHigh()
				pendingHigh = r
			case utf16.IsSurrogate(r):
				if pendingHigh != 0 {
					out = utf8.AppendRune(out, utf16.DecodeRune(pendingHigh, r))
					pendingHigh = 0
				} else {
					out = utf8.AppendRune(out, utf8.RuneError)
				}
			default:
				flushHigh()
				out = utf8.AppendRune(out, r)
			}
			continue
		}
		flushHigh()
		out = append(out, b[i])
		i++
	}
	flushHigh()
	return string(out)
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// ---- a small streaming XML scanner ----------------------------------------------------
//
// It reads what the SpreadsheetML parts use (elements, attributes, text, entities, CDATA,
// comments, processing instructions) from a growing byte buffer, without reflection and
// without allocating per token, and checks that tags nest. Element names are compared by
// their local part so that prefixed files (<x:row>) read the same.

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
	tokCDATA
)

type xmlSyntaxError struct{ msg string }

func (e *xmlSyntaxError) Error() string { return e.msg }

func syntaxErr(format string, args ...any) error {
	return &xmlSyntaxError{msg: fmt.Sprintf(format, args...)}
}

var (
	errXMLTruncated = &xmlSyntaxError{msg: "内容在中途就结束了，文件不完整"}
	errXMLBadUTF8   = &xmlSyntaxError{msg: "含有无效的 UTF-8 字符"}
	errXMLNotXML    = &xmlSyntaxError{msg: "内容不是 XML"}
)

type xmlAttr struct{ name, value []byte }

type xmlScanner struct {
	r        io.Reader
	buf      []byte
	pos, end int
	eof      bool
	rerr     error
	started  bool

	// the current token; slices point into buf and are valid until the next call
	name, local []byte
	attrs       []xmlAttr
	selfClose   bool
	raw         []byte // text or CDATA, undecoded

	// open elements: their names back to back in names, ends[i] is where name i ends
	names    []byte
	ends     []int
	seenRoot bool
	rootDone bool
}

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, 64<<10)}
}

// fill reads more input, keeping buf[pos:end]; false at the end of input.
func (s *xmlScanner) fill() bool {
	if s.eof {
		return false
	}
	if s.pos > 0 {
		copy(s.buf, s.buf[s.pos:s.end])
		s.end -= s.pos
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= xmlMaxToken {
			s.eof, s.rerr = true, syntaxErr("一个标签或一段文字超过了 %d MB", xmlMaxToken>>20)
			return false
		}
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rerr = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// start handles a byte-order mark: UTF-8 is skipped, UTF-16 is transcoded.
func (s *xmlScanner) start() {
	s.started = true
	for s.end-s.pos < 4 && s.fill() {
	}
	b := s.buf[s.pos:s.end]
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		s.pos += 3
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		head := append([]byte{}, b...)
		src := io.MultiReader(bytes.NewReader(head), s.r)
		if s.eof {
			src = bytes.NewReader(head)
		}
		s.r = transform.NewReader(src, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
		s.pos, s.end, s.eof = 0, 0, s.rerr != nil
	}
}

// need makes n bytes available from pos if the input has them.
func (s *xmlScanner) need(n int) bool {
	for s.end-s.pos < n {
		if !s.fill() {
			return false
		}
	}
	return true
}

// find returns the offset from pos of pat at or after offset from; -1 if absent.
func (s *xmlScanner) find(from int, pat []byte) int {
	for {
		if i := bytes.Index(s.buf[s.pos+from:s.end], pat); i >= 0 {
			return from + i
		}
		from = max(from, s.end-s.pos-len(pat)+1)
		if !s.fill() {
			return -1
		}
	}
}

var (
	patPIEnd    = []byte("?>")
	patCommEnd  = []byte("-->")
	patCDATAEnd = []byte("]]>")
)

// findByte is find for one byte.
func (s *xmlScanner) findByte(from int, c byte) int {
	for {
		if i := bytes.IndexByte(s.buf[s.pos+from:s.end], c); i >= 0 {
			return from + i
		}
		from = s.end - s.pos
		if !s.fill() {
			return -1
		}
	}
}

// tagSpecial marks the bytes the start-tag scan stops at.
var tagSpecial = [256]bool{'"': true, '\'': true, '>': true, '<': true}

func (s *xmlScanner) eofErr() error {
	if s.rerr != nil {
		return s.rerr
	}
	return errXMLTruncated
}

// next reads the next token.
func (s *xmlScanner) next() (tokKind, error) {
	if !s.started {
		s.start()
	}
	for {
		if s.pos >= s.end && !s.fill() {
			switch {
			case s.rerr != nil:
				return tokEOF, s.rerr
			case len(s.ends) > 0:
				return tokEOF, errXMLTruncated
			case !s.seenRoot:
				return tokEOF, errXMLNotXML
			}
			return tokEOF, nil
		}
		if s.buf[s.pos] != '<' {
			off := 0
			for {
				if i := bytes.IndexByte(s.buf[s.pos+off:s.end], '<'); i >= 0 {
					off += i
					break
				}
				off = s.end - s.pos
				if !s.fill() {
					if s.rerr != nil {
						return tokEOF, s.rerr
					}
					break
				}
			}
			s.raw = s.buf[s.pos : s.pos+off]
			s.pos += off
			if len(s.ends) == 0 && len(bytes.TrimSpace(s.raw)) > 0 {
				return tokEOF, errXMLNotXML
			}
			return tokText, nil
		}
		if !s.need(2) {
			return tokEOF, s.eofErr()
		}
		switch s.buf[s.pos+1] {
		case '?':
			off := s.find(2, patPIEnd)
			if off < 0 {
				return tokEOF, s.eofErr()
			}
			s.pos += off + 2
			continue
		case '!':
			s.need(9)
			rest := s.buf[s.pos:s.end]
			switch {
			case bytes.HasPrefix(rest, []byte("<!--")):
				off := s.find(4, patCommEnd)
				if off < 0 {
					return tokEOF, s.eofErr()
				}
				s.pos += off + 3
				continue
			case bytes.HasPrefix(rest, []byte("<![CDATA[")):
				off := s.find(9, patCDATAEnd)
				if off < 0 {
					return tokEOF, s.eofErr()
				}
				if len(s.ends) == 0 {
					return tokEOF, errXMLNotXML
				}
				s.raw = s.buf[s.pos+9 : s.pos+off]
				s.pos += off + 3
				return tokCDATA, nil
			case bytes.HasPrefix(rest, []byte("<!DOCTYPE")) && !s.seenRoot:
				off := s.findByte(2, '>')
				if off < 0 {
					return tokEOF, s.eofErr()
				}
				s.pos += off + 1
				continue
			}
			return tokEOF, syntaxErr("无法识别的“<!”标记")
		case '/':
			off := s.findByte(2, '>')
			if off < 0 {
				return tokEOF, s.eofErr()
			}
			name := bytes.TrimSpace(s.buf[s.pos+2 : s.pos+off])
			s.pos += off + 1
			n := len(s.ends)
			if n == 0 {
				return tokEOF, syntaxErr("多余的结束标签 </%s>", clip(string(name), 20))
			}
			from := 0
			if n > 1 {
				from = s.ends[n-2]
			}
			if top := s.names[from:s.ends[n-1]]; !bytes.Equal(top, name) {
				return tokEOF, syntaxErr("结束标签 </%s> 与开始标签 <%s> 不匹配", clip(string(name), 20), clip(string(top), 20))
			}
			s.names, s.ends = s.names[:from], s.ends[:n-1]
			if n == 1 {
				s.rootDone = true
			}
			s.setName(name)
			s.selfClose = false
			return tokEnd, nil
		}
		return s.startTag()
	}
}

func (s *xmlScanner) setName(name []byte) {
	s.name, s.local = name, name
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		s.local = name[i+1:]
	}
}

// startTag reads <name attr="v" ...> or <name .../>.
func (s *xmlScanner) startTag() (tokKind, error) {
	off := 1
	var q byte
scan:
	for {
		for s.pos+off < s.end {
			if q != 0 {
				i := bytes.IndexByte(s.buf[s.pos+off:s.end], q)
				if i < 0 {
					off = s.end - s.pos
					break
				}
				off += i + 1
				q = 0
				continue
			}
			b := s.buf[s.pos+off : s.end]
			i := 0
			for i < len(b) && !tagSpecial[b[i]] {
				i++
			}
			off += i
			if i == len(b) {
				break
			}
			c := b[i]
			off++
			switch c {
			case '"', '\'':
				q = c
			case '>':
				off--
				break scan
			case '<':
				return tokEOF, syntaxErr("标签里出现了“<”")
			}
		}
		if !s.fill() {
			return tokEOF, s.eofErr()
		}
	}
	b := s.buf[s.pos+1 : s.pos+off]
	s.pos += off + 1
	s.selfClose = false
	if n := len(b); n > 0 && b[n-1] == '/' {
		s.selfClose = true
		b = b[:n-1]
	}
	i := 0
	for i < len(b) && !isXMLSpace(b[i]) {
		i++
	}
	name := b[:i]
	if len(name) == 0 || !validName(name) {
		return tokEOF, syntaxErr("标签名无效")
	}
	s.setName(name)
	s.attrs = s.attrs[:0]
	for {
		for i < len(b) && isXMLSpace(b[i]) {
			i++
		}
		if i == len(b) {
			break
		}
		j := i
		for j < len(b) && b[j] != '=' && !isXMLSpace(b[j]) {
			j++
		}
		an := b[i:j]
		for j < len(b) && isXMLSpace(b[j]) {
			j++
		}
		if j == len(b) || b[j] != '=' {
			return tokEOF, syntaxErr("<%s> 的属性“%s”没有值", clip(string(name), 20), clip(string(an), 20))
		}
		j++
		for j < len(b) && isXMLSpace(b[j]) {
			j++
		}
		if j == len(b) || (b[j] != '"' && b[j] != '\'') {
			return tokEOF, syntaxErr("<%s> 的属性“%s”的值没有引号", clip(string(name), 20), clip(string(an), 20))
		}
		k := bytes.IndexByte(b[j+1:], b[j])
		if k < 0 {
			return tokEOF, syntaxErr("<%s> 的属性“%s”的引号没有闭合", clip(string(name), 20), clip(string(an), 20))
		}
		s.attrs = append(s.attrs, xmlAttr{name: an, value: b[j+1 : j+1+k]})
		i = j + 1 + k + 1
	}
	if s.rootDone && len(s.ends) == 0 {
		return tokEOF, syntaxErr("根元素之后还有元素 <%s>", clip(string(name), 20))
	}
	s.seenRoot = true
	if s.selfClose {
		if len(s.ends) == 0 {
			s.rootDone = true
		}
	} else {
		s.names = append(s.names, name...)
		s.ends = append(s.ends, len(s.names))
	}
	return tokStart, nil
}

func validName(b []byte) bool {
	for _, c := range b {
		if c == '=' || c == '"' || c == '\'' || c == '/' {
			return false
		}
	}
	return true
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// attr returns the raw value of the current start tag's attribute (by its full name).
func (s *xmlScanner) attr(name string) ([]byte, bool) {
	for _, a := range s.attrs {
		if string(a.name) == name {
			return a.value, true
		}
	}
	return nil, false
}

// skip skips the element whose (non-self-closing) start tag was just read.
func (s *xmlScanner) skip() error {
	depth := 0
	for {
		k, err := s.next()
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return errXMLTruncated
		case tokStart:
			if !s.selfClose {
				depth++
			}
		case tokEnd:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// readText appends the decoded text of the element whose start tag was just read, up to
// and including its end tag. Child elements (not expected) are skipped.
func (s *xmlScanner) readText(dst []byte) ([]byte, error) {
	for {
		k, err := s.next()
		if err != nil {
			return dst, err
		}
		switch k {
		case tokEOF:
			return dst, errXMLTruncated
		case tokText:
			if dst, err = appendXMLText(dst, s.raw); err != nil {
				return dst, err
			}
		case tokCDATA:
			dst = appendCR(dst, s.raw)
		case tokStart:
			if !s.selfClose {
				if err := s.skip(); err != nil {
					return dst, err
				}
			}
		case tokEnd:
			return dst, nil
		}
	}
}

// readRich appends the text of a string item (<si> or <is>, start tag just read): its
// <t> and the <t> of its rich-text runs <r>, not the phonetic hints <rPh>.
func (s *xmlScanner) readRich(dst []byte) ([]byte, error) {
	depth := 0
	for {
		k, err := s.next()
		if err != nil {
			return dst, err
		}
		switch k {
		case tokEOF:
			return dst, errXMLTruncated
		case tokStart:
			if s.selfClose {
				continue
			}
			switch string(s.local) {
			case "t":
				dst, err = s.readText(dst)
			case "rPh", "phoneticPr", "rPr", "extLst":
				err = s.skip()
			default: // <r>
				depth++
			}
			if err != nil {
				return dst, err
			}
		case tokEnd:
			if depth == 0 {
				return dst, nil
			}
			depth--
		}
	}
}

// appendXMLText decodes entities and normalises line ends (\r\n and \r to \n) as XML does.
func appendXMLText(dst, raw []byte) ([]byte, error) {
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		return append(dst, raw...), nil
	}
	for len(raw) > 0 {
		i := bytes.IndexAny(raw, "&\r")
		if i < 0 {
			return append(dst, raw...), nil
		}
		dst = append(dst, raw[:i]...)
		if raw[i] == '\r' {
			dst = append(dst, '\n')
			raw = raw[i+1:]
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
			continue
		}
		raw = raw[i:]
		j := bytes.IndexByte(raw, ';')
		if j < 2 || j > 12 {
			return dst, syntaxErr("无效的字符引用“%s”", clip(string(raw[:min(len(raw), 12)]), 12))
		}
		ent := raw[1:j]
		switch string(ent) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			var n uint64
			var err error = errXMLNotXML
			if ent[0] == '#' && len(ent) > 1 {
				if ent[1] == 'x' {
					n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
				} else {
					n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
				}
			}
			r := rune(n)
			if err != nil || n == 0 || n > utf8.MaxRune || !utf8.ValidRune(r) {
				return dst, syntaxErr("无效的字符引用“%s”", clip(string(raw[:j+1]), 12))
			}
			dst = utf8.AppendRune(dst, r)
		}
		raw = raw[j+1:]
	}
	return dst, nil
}

func appendCR(dst, raw []byte) []byte {
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '\r')
		if i < 0 {
			return append(dst, raw...)
		}
		dst = append(append(dst, raw[:i]...), '\n')
		raw = raw[i+1:]
		if len(raw) > 0 && raw[0] == '\n' {
			raw = raw[1:]
		}
	}
	return dst
}
