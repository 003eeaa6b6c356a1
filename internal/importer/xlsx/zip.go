package xlsx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
	"unicode/utf8"

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
	rc, err := openPart(zf, maxSheet)
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
func Open(p string) (*Book, error) {
	zr, err := zip.OpenReader(p)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		if zr != nil {
			zr.Close()
		}
		return nil, badXLSX("不是有效的 Excel（.xlsx）文件：文件不完整或已损坏，无法按压缩包打开（可能没有下载完整，请重新导出）")
	}
	b := &Book{zr: zr, files: make(map[string]*zip.File, len(zr.File))}
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
		b.sheets = append(b.sheets, sheetEntry{name: s.Name, part: part, hidden: s.State == "hidden" || s.State == "veryHidden"})
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

// errTooBig is returned when a part inflates past its limit (openPart).
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

// partReader is a zip entry being inflated, cut off at its limit.
type partReader struct {
	limitedReader
	c io.Closer
}

func (p *partReader) Close() error { return p.c.Close() }

// openPart is the one place the reader inflates a zip entry: every part is read through
// it, with the limit (bytes) that part may inflate to; limit < 0: none.
func openPart(f *zip.File, limit int64) (io.ReadCloser, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	if limit < 0 {
		return rc, nil
	}
	return &partReader{limitedReader: limitedReader{r: rc, n: limit}, c: rc}, nil
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

func readSharedStrings(f *zip.File) ([]string, error) {
	rc, err := openPart(f, maxPart)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	sc := newXMLScanner(rc)
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
