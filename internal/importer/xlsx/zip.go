package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"unicode/utf8"

	"shopdesk/internal/filename"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// OpenSheet starts streaming sheet i (of Sheets).
func (b *Book) OpenSheet(i int) (*Table, error) {
	s := b.sheets[i]
	zf := b.file(s.part)
	if zf == nil {
		where := s.part
		if where == "" {
			where = "工作簿里没有它的位置"
		}
		return nil, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”的内容（%s）不在文件里", s.name, where)
	}
	rc, err := openPart(zf, maxSheetPart)
	if errors.Is(err, errTooBig) {
		return nil, tooBig(fmt.Sprintf("工作表“%s”的数据", s.name), zf.UncompressedSize64, maxSheetPart)
	}
	if err != nil {
		return nil, badXLSX("Excel（.xlsx）文件已损坏：工作表“%s”的数据无法解压", s.name)
	}
	return &Table{book: b, sheet: s.name, rc: rc, sc: newXMLScanner(rc)}, nil
}

func (b *Book) file(name string) *zip.File {
	if name == "" {
		return nil
	}
	return b.files[strings.ToLower(normPart(name))]
}

func normPart(name string) string {
	return strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/")
}

// Open opens the zip and reads the workbook's sheet list and shared strings. Close it.
// A zip that would inflate past the limits (xlsx.go) is refused before anything of it is
// inflated.
func Open(p string) (*Book, error) {
	if err := checkEntryCount(p); err != nil {
		return nil, err
	}
	zr, err := zip.OpenReader(p)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		if zr != nil {
			zr.Close()
		}
		return nil, badXLSX("不是有效的 Excel（.xlsx）文件：文件不完整或已损坏，无法按压缩包打开（可能没有下载完整，请重新导出）")
	}
	if err := checkSizes(zr.File); err != nil {
		zr.Close()
		return nil, err
	}
	b := &Book{zr: zr, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		k := strings.ToLower(normPart(f.Name))
		if _, dup := b.files[k]; !dup {
			b.files[k] = f
		}
	}
	if err := b.load(); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// checkEntryCount refuses a zip with more entries than maxParts before archive/zip reads
// its directory (it holds every entry in memory: a few hundred bytes each). The count is
// in the end-of-central-directory record (or its zip64 version) at the end of the file.
func checkEntryCount(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return badXLSX("无法打开文件（系统提示：%v）", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return badXLSX("无法读取文件（系统提示：%v）", err)
	}
	const eocdLen, maxComment = 22, 65535
	tail := make([]byte, min(st.Size(), eocdLen+maxComment))
	from := st.Size() - int64(len(tail))
	if _, err := f.ReadAt(tail, from); err != nil && err != io.EOF {
		return badXLSX("无法读取文件（系统提示：%v）", err)
	}
	i := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if i < 0 || len(tail)-i < eocdLen {
		return nil // not a zip: zip.OpenReader says so
	}
	count := uint64(binary.LittleEndian.Uint16(tail[i+10:]))
	if count == 0xFFFF && i >= 20 && bytes.Equal(tail[i-20:i-16], []byte("PK\x06\x07")) {
		// zip64: the locator before the record gives the zip64 record's offset
		var rec [56]byte
		if _, err := f.ReadAt(rec[:], int64(binary.LittleEndian.Uint64(tail[i-20+8:]))); err == nil &&
			bytes.Equal(rec[:4], []byte("PK\x06\x06")) {
			count = binary.LittleEndian.Uint64(rec[32:])
		}
	}
	if count > maxParts {
		return badXLSX("Excel（.xlsx）文件异常：压缩包里有 %d 个部件，正常的 Excel 文件只有几十个（文件可能已损坏，或是特意构造来耗尽内存的）：店务台不打开它", count)
	}
	return nil
}

// checkSizes refuses a zip whose parts declare more than the limits: all of them together
// (maxTotal), or one inflating more than maxRatio times its compressed size (a zip bomb).
func checkSizes(files []*zip.File) error {
	var total uint64
	for _, f := range files {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > ratioFloor && f.UncompressedSize64 > maxRatio*f.CompressedSize64 {
			ratio := "无穷"
			if f.CompressedSize64 > 0 {
				ratio = fmt.Sprintf("%d", f.UncompressedSize64/f.CompressedSize64)
			}
			return badXLSX("Excel（.xlsx）文件异常：其中的“%s”从 %s 解压后有 %s（压缩了 %s 倍，正常的 Excel 文件在 20 倍以内）："+
				"这是特意构造来耗尽内存的“压缩炸弹”，或已损坏：店务台不打开它",
				clip(filename.Text(f.Name), 60), sizeText(f.CompressedSize64), sizeText(f.UncompressedSize64), ratio)
		}
	}
	if total > maxTotal {
		return badXLSX("Excel（.xlsx）文件解压后共有 %s，超过了店务台能读的上限 %s：请把数据分成几个文件导出", sizeText(total), sizeText(maxTotal))
	}
	return nil
}

// tooBig is the message for a part over its limit.
func tooBig(what string, size, limit uint64) error {
	return badXLSX("Excel（.xlsx）文件里%s解压后有 %s，超过了上限 %s：请把数据分成几个文件导出（文件也可能已损坏）", what, sizeText(size), sizeText(limit))
}

// sizeText is a size for a message: 1.5 MB, 2.0 GB.
func sizeText(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
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

func (b *Book) load() error {
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
		return badXLSX("Excel（.xlsx）文件已损坏：工作簿目录（%s）无法读取（%s）", filename.Text(wbFile.Name), partErr(err))
	}
	var rels xmlRels
	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	if f := b.file(relsPath); f != nil {
		if err := readXMLPart(f, &rels); err != nil {
			return badXLSX("Excel（.xlsx）文件已损坏：工作簿的关系表（%s）无法读取（%s）", filename.Text(f.Name), partErr(err))
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
		b.sheets = append(b.sheets, sheetEntry{name: s.Name, part: part, hidden: s.State == "hidden" || s.State == "veryHidden"})
	}
	if len(b.sheets) == 0 {
		return badXLSX("Excel（.xlsx）文件里没有任何工作表")
	}
	// Every sheet's size is checked now, before the shared strings are read: a file with
	// one oversized sheet is refused at once.
	for _, s := range b.sheets {
		if f := b.file(s.part); f != nil && f.UncompressedSize64 > maxSheetPart {
			return tooBig(fmt.Sprintf("工作表“%s”的数据", s.name), f.UncompressedSize64, maxSheetPart)
		}
	}
	if sharedPath == "" || b.file(sharedPath) == nil {
		sharedPath = path.Join(path.Dir(wbPath), "sharedStrings.xml")
	}
	b.shared = newSharedStrings()
	if f := b.file(sharedPath); f != nil {
		if f.UncompressedSize64 > maxSharedPart {
			return tooBig("的共享字符串表", f.UncompressedSize64, maxSharedPart)
		}
		if err := readSharedStrings(f, b.shared); err != nil {
			var xe *xlsxError
			if errors.As(err, &xe) {
				return err
			}
			return badXLSX("Excel（.xlsx）文件已损坏：共享字符串表（%s）无法读取（%s）", filename.Text(f.Name), partErr(err))
		}
	}
	return nil
}

// notAWorkbook says what a zip without a workbook is, when that can be told.
func (b *Book) notAWorkbook() error {
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

// errTooBig: a part declares more than its limit (openPart).
var errTooBig = errors.New("内容过大")

// openPart is the one place the reader inflates a zip entry: every part is read through
// it, with the size (bytes) that part may inflate to. The size checked is the one the zip
// declares, before inflating; archive/zip then fails a part that inflates past it.
func openPart(f *zip.File, limit uint64) (io.ReadCloser, error) {
	if f.UncompressedSize64 > limit {
		return nil, errTooBig
	}
	return f.Open()
}

func readXMLPart(f *zip.File, v any) error {
	rc, err := openPart(f, maxXMLPart)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
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

// readSharedStrings reads the table into shared, a text at a time.
func readSharedStrings(f *zip.File, shared *sharedStrings) error {
	rc, err := openPart(f, maxSharedPart)
	if err != nil {
		return err
	}
	defer rc.Close()
	sc := newXMLScanner(rc)
	var text cellText
	var decoded []byte
	for {
		k, err := sc.next()
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return nil
		case tokStart:
			if string(sc.local) != "si" {
				continue
			}
			text.reset()
			if !sc.selfClose {
				if err := sc.readRich(&text); err != nil {
					return err
				}
			}
			if chars, long := text.tooLong(); long {
				// longer than any cell may be: marked, refused where a cell uses it
				if err := shared.addTooLong(chars); err != nil {
					return err
				}
				continue
			}
			if !utf8.Valid(text.b) {
				return errXMLBadUTF8
			}
			decoded = bstrAppend(decoded, text.b)
			if err := shared.add(decoded); err != nil {
				return err
			}
		}
	}
}
