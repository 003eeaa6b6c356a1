package importer_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// The malformed-file corpus: every file is generated here, imported into a fresh database,
// and must fail with its error code and a Chinese message naming the file (and the row,
// column and value where there is one), writing nothing.

func mfTaobao() []exportfile.TaobaoOrder {
	return []exportfile.TaobaoOrder{
		{OrderNo: "2165437890123456789", Buyer: "tb_小鱼儿2019", Status: "买家已付款，等待卖家发货", Address: "浙江省 杭州市",
			Title: "婴儿纯棉连体衣", Shop: "小米粒母婴旗舰店", PayFen: 5900, Items: 1, CreatedAt: "2026-11-21 10:00:00"},
		{OrderNo: "2165437890123456790", Buyer: "快乐的胖子", Status: "等待买家付款", Address: "广东省 深圳市",
			Title: "宝宝辅食碗", Shop: "小米粒母婴旗舰店", PayFen: 123456, Items: 12, CreatedAt: "2026-11-21 23:59:59"},
		{OrderNo: "3165437890123456791", Buyer: "abc妈妈", Status: "交易关闭", Address: "江苏省 苏州市",
			Title: "加厚珊瑚绒毛毯", Shop: "暖暖家居小铺", PayFen: 6800, RefundFen: 6800, Items: 1, CreatedAt: "2026-11-20 08:00:00"},
	}
}

func mfTaobaoRows() [][]string {
	var out [][]string
	for _, o := range mfTaobao() {
		out = append(out, o.Row())
	}
	return out
}

func mfQianniuRows() [][]string {
	subs := []exportfile.QianniuSubOrder{
		{SubOrderNo: "4001000000000000001", OrderNo: "4001000000000000000", Title: "北欧风陶瓷马克杯", Status: "买家已付款，等待卖家发货",
			PriceFen: 2990, Quantity: 2, PayFen: 5980, CreatedAt: "2026-11-21 09:00:00", Buyer: "晴天娃娃"},
		{SubOrderNo: "4001000000000000002", OrderNo: "4001000000000000000", Title: "厨房置物架", Status: "买家已付款，等待卖家发货",
			PriceFen: 4590, Quantity: 1, PayFen: 4590, CreatedAt: "2026-11-21 09:00:00", Buyer: "晴天娃娃"},
		{SubOrderNo: "4002000000000000001", OrderNo: "4002000000000000000", Title: "纯棉四件套", Status: "卖家已发货，等待买家确认",
			PriceFen: 19900, Quantity: 1, PayFen: 19900, CreatedAt: "2026-11-18 20:00:00", Compensated: true, LateCompFen: 300},
	}
	var out [][]string
	for _, s := range subs {
		out = append(out, s.Row())
	}
	return out
}

// colOf is the index of header name h.
func colOf(header []string, h string) int {
	i := slices.Index(header, h)
	if i < 0 {
		panic("no column " + h)
	}
	return i
}

// set returns rows with row r (0-based data row), column h replaced by v.
func set(rows [][]string, header []string, r int, h, v string) [][]string {
	rows[r][colOf(header, h)] = v
	return rows
}

type fileMaker func(t *testing.T, dir string) string

func mfRaw(name string, data []byte) fileMaker {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

func mfCSV(name string, header []string, rows [][]string, opt exportfile.CSVOptions) fileMaker {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		if err := exportfile.WriteCSV(p, header, rows, opt); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

var gbkText = exportfile.CSVOptions{GBK: true, ExcelText: true}

func mfXLSX(name string, header []string, rows [][]string) fileMaker {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		if err := exportfile.WriteXLSX(p, "订单列表", header, rows); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

// bytesOf runs a maker in a scratch folder and returns the file's bytes.
func bytesOf(t *testing.T, m fileMaker) []byte {
	data, err := os.ReadFile(m(t, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// mfZipParts zips parts (name, body pairs) stored or deflated.
func mfZipParts(t *testing.T, method uint16, parts ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: parts[i], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[i+1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// mfWorkbook is a minimal hand-written xlsx: one sheet "订单" with the given <sheetData>
// content (no sheet part when sheet is "-"), and shared strings when sst is not "".
func mfWorkbook(t *testing.T, method uint16, sheetData, sst string) []byte {
	parts := []string{
		"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="订单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
	}
	if sheetData != "-" {
		parts = append(parts, "xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetData>`+sheetData+`</sheetData></worksheet>`)
	}
	if sst != "" {
		parts = append(parts, "xl/sharedStrings.xml", sst)
	}
	return mfZipParts(t, method, parts...)
}

// inlineRow is one <row> of inline-string cells ("" cells left out).
func inlineRow(n int, cells []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, n)
	for i, c := range cells {
		if c == "" {
			continue
		}
		c = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(c)
		fmt.Fprintf(&b, `<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, colName(i), n, c)
	}
	b.WriteString("</row>")
	return b.String()
}

func colName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// qianniuSheet is the 千牛 header and rows as sheetData, with row extra (raw XML) appended.
func qianniuSheet(extra string) string {
	var b strings.Builder
	b.WriteString(inlineRow(1, exportfile.QianniuSubOrderHeader))
	for i, r := range mfQianniuRows() {
		b.WriteString(inlineRow(i+2, r))
	}
	return b.String() + extra
}

func dropFirst(rows [][]string) [][]string {
	for i := range rows {
		rows[i] = rows[i][1:]
	}
	return rows
}

func utf16LE(s string, bom bool) []byte {
	var b bytes.Buffer
	if bom {
		b.Write([]byte{0xFF, 0xFE})
	}
	for _, r := range s {
		if r > 0xFFFF {
			r = '?'
		}
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
	}
	return b.Bytes()
}

func TestMalformedFiles(t *testing.T) {
	tb := exportfile.TaobaoOrderHeader
	qn := exportfile.QianniuSubOrderHeader
	taobaoCSV := func(name string, rows [][]string) fileMaker { return mfCSV(name, tb, rows, gbkText) }

	junk := make([]byte, 3000)
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range junk {
		junk[i] = byte(rng.UintN(256))
	}
	junk[10] = 0
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"), junk[:200]...)
	pdf := []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	docx := func(t *testing.T) []byte {
		return mfZipParts(t, zip.Deflate,
			"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
			"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
			"word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>订单编号</w:t></w:r></w:p></w:body></w:document>`)
	}
	zipOfCSV := func(t *testing.T) []byte {
		return mfZipParts(t, zip.Deflate, "ExportOrderList.csv", "订单编号,买家会员名,订单状态,订单创建时间\n1,a,交易成功,2026-11-01 10:00:00\n")
	}
	xlsxBytes := func(t *testing.T) []byte { return bytesOf(t, mfXLSX("q.xlsx", qn, mfQianniuRows())) }

	noOrderNo := func() []string { h := slices.Clone(tb); h[colOf(tb, "订单编号")] = "订单号码"; return h }()
	dupHeader := func() ([]string, [][]string) {
		h := append(slices.Clone(tb), "订单编号")
		rows := mfTaobaoRows()
		for i := range rows {
			rows[i] = append(rows[i], fmt.Sprintf("999000000000000000%d", i))
		}
		return h, rows
	}
	dupH, dupRows := dupHeader()
	// The CSV cut in the middle of a two-byte GBK character of the last row's 订单状态.
	gbkCut := func(t *testing.T) []byte {
		data := bytesOf(t, taobaoCSV("x.csv", mfTaobaoRows()))
		status, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("交易关闭"))
		i := bytes.LastIndex(data, status)
		return data[:i+3] // 交 and the first byte of 易
	}
	gbkCutPlain := func(t *testing.T) []byte {
		data := bytesOf(t, mfCSV("x.csv", tb, mfTaobaoRows(), exportfile.CSVOptions{GBK: true}))
		status, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("交易关闭"))
		i := bytes.LastIndex(data, status)
		return data[:i+3]
	}
	latin1 := []byte("Bestellnummer,K\xe4ufer,Bestellstatus,Erstellt am\r\n1001,M\xfcller,Bezahlt,21.11.2026\r\n")
	strayByte := func(t *testing.T) []byte {
		rows := mfTaobaoRows()
		rows[2][colOf(tb, "买家留言")] = "caf\xe9" // one Latin-1 byte in an otherwise UTF-8 file
		return bytesOf(t, mfCSV("x.csv", tb, rows, exportfile.CSVOptions{}))
	}
	// A stored (uncompressed) xlsx with one byte of the sheet changed: the zip's CRC no
	// longer matches, which archive/zip reports at the end of the sheet.
	bitFlip := func(t *testing.T) []byte {
		data := mfWorkbook(t, zip.Store, qianniuSheet(""), "")
		i := bytes.Index(data, []byte("厨房置物架"))
		data[i+3] ^= 0x01 // 房 becomes another character; the XML stays valid
		return data
	}
	corruptDeflate := func(t *testing.T) []byte {
		data := mfWorkbook(t, zip.Deflate, qianniuSheet(strings.Repeat(inlineRow(9, mfQianniuRows()[0]), 1)), "")
		i := bytes.Index(data, []byte("xl/worksheets/sheet1.xml")) + len("xl/worksheets/sheet1.xml") + 40
		for j := 0; j < 64; j++ {
			data[i+j] = 0xFF
		}
		return data
	}
	errCells := `<row r="5"><c r="A5" t="e"><v>#N/A</v></c><c r="B5" t="e"><v>#N/A</v></c><c r="C5" t="e"><v>#REF!</v></c><c r="J5" t="e"><v>#VALUE!</v></c><c r="Q5" t="e"><v>#VALUE!</v></c><c r="Y5" t="e"><v>#DIV/0!</v></c></row>`
	naOrder := func() string {
		r := mfQianniuRows()[0]
		r[colOf(qn, "子订单编号")], r[colOf(qn, "主订单编号")] = "4009000000000000001", ""
		return strings.Replace(inlineRow(5, r), `<c r="C5"`, `<c r="B5" t="e"><v>#N/A</v></c><c r="C5"`, 1)
	}()

	tests := []struct {
		name     string
		file     fileMaker
		code     string
		contains []string
	}{
		// Not a table at all.
		{"0-byte .csv", mfRaw("空文件.csv", nil), importer.ErrCodeUnreadable, []string{"空文件.csv", "空的", "0 字节"}},
		{"0-byte .xlsx", mfRaw("空文件.xlsx", nil), importer.ErrCodeUnreadable, []string{"空文件.xlsx", "空的"}},
		{"whitespace only", mfRaw("blank.csv", []byte(" \r\n\t\r\n   \n\u3000\n")), importer.ErrCodeUnreadable,
			[]string{"blank.csv", "没有任何内容"}},
		{"binary junk", mfRaw("junk.csv", junk), importer.ErrCodeUnreadable, []string{"junk.csv", "二进制"}},
		{"PNG renamed .csv", mfRaw("订单.csv", png), importer.ErrCodeUnreadable, []string{"订单.csv", "二进制"}},
		{"PDF renamed .csv", mfRaw("订单.csv", pdf), importer.ErrCodeUnreadable, []string{"订单.csv", "PDF"}},
		{"HTML table saved as .csv", mfRaw("ExportOrderList.csv", []byte("<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>订单编号</td><td>订单状态</td></tr></table></body></html>\n")),
			importer.ErrCodeUnknownFormat, []string{"ExportOrderList.csv", "认不出", "<html>"}},
		{"legacy .xls (OLE)", mfRaw("订单.xls", ole), importer.ErrCodeUnreadable, []string{"订单.xls", ".xls", "另存为"}},
		{"legacy .xls renamed .xlsx", mfRaw("订单.xlsx", ole), importer.ErrCodeUnreadable, []string{"订单.xlsx", ".xls"}},
		// UTF-16 without a BOM is read (TestImportTaobaoCSVQuirks); a bad value in it is named.
		{"UTF-16 without BOM, bad date", mfRaw("utf16.csv", utf16LE("订单编号,买家会员名,订单状态,订单创建时间\r\n1,a,交易成功,2026-13-01 10:00:00\r\n", false)),
			importer.ErrCodeBadValue, []string{"utf16.csv", "第 2 行", "订单创建时间", "2026-13-01 10:00:00"}},

		// Zips that are not (whole) workbooks.
		{"Word .docx renamed .xlsx", func(t *testing.T, dir string) string { return mfRaw("订单.xlsx", docx(t))(t, dir) },
			importer.ErrCodeUnreadable, []string{"订单.xlsx", "Word 文档"}},
		{"zip of a CSV renamed .xlsx", func(t *testing.T, dir string) string { return mfRaw("订单.xlsx", zipOfCSV(t))(t, dir) },
			importer.ErrCodeUnreadable, []string{"订单.xlsx", "压缩包", "xl/workbook.xml"}},
		{".xlsb renamed .xlsx", func(t *testing.T, dir string) string {
			return mfRaw("订单.xlsx", mfZipParts(t, zip.Deflate, "[Content_Types].xml", "<Types/>", "xl/workbook.bin", "\x83\x01\x00"))(t, dir)
		}, importer.ErrCodeUnreadable, []string{"订单.xlsx", ".xlsb", "另存为"}},
		{"truncated xlsx", func(t *testing.T, dir string) string {
			data := xlsxBytes(t)
			return mfRaw("千牛导出.xlsx", data[:len(data)*2/3])(t, dir)
		}, importer.ErrCodeUnreadable, []string{"千牛导出.xlsx", "不完整", "压缩包"}},
		{"xlsx cut to its first 100 bytes", func(t *testing.T, dir string) string { return mfRaw("千牛导出.xlsx", xlsxBytes(t)[:100])(t, dir) },
			importer.ErrCodeUnreadable, []string{"千牛导出.xlsx", "压缩包"}},
		{"xlsx with a corrupt deflate stream", func(t *testing.T, dir string) string { return mfRaw("千牛导出.xlsx", corruptDeflate(t))(t, dir) },
			importer.ErrCodeUnreadable, []string{"千牛导出.xlsx", "已损坏"}},
		{"xlsx with a changed byte (CRC mismatch)", func(t *testing.T, dir string) string { return mfRaw("千牛导出.xlsx", bitFlip(t))(t, dir) },
			importer.ErrCodeUnreadable, []string{"千牛导出.xlsx", "已损坏", "工作表“订单”"}},
		{"xlsx with corrupt sheet XML", func(t *testing.T, dir string) string {
			return mfRaw("千牛导出.xlsx", mfWorkbook(t, zip.Deflate, qianniuSheet(`<row r="5"><c r="A5" t="inlineStr"><is><t>1</is></c></row>`), ""))(t, dir)
		}, importer.ErrCodeUnreadable, []string{"千牛导出.xlsx", "第 5 行附近", "不是有效的 XML", "</is>"}},
		{"xlsx sheet XML cut short", func(t *testing.T, dir string) string {
			w := mfWorkbook(t, zip.Store, "-", "") // everything but the sheet, which is added cut short
			var buf bytes.Buffer
			zr, _ := zip.NewReader(bytes.NewReader(w), int64(len(w)))
			zw := zip.NewWriter(&buf)
			for _, f := range zr.File {
				out, _ := zw.Create(f.Name)
				rc, _ := f.Open()
				io.Copy(out, rc)
				rc.Close()
			}
			out, _ := zw.Create("xl/worksheets/sheet1.xml")
			io.WriteString(out, `<worksheet><sheetData>`+inlineRow(1, qn)+inlineRow(2, mfQianniuRows()[0])+`<row r="3"><c r="A3" t="inlineStr"><is><t>40`)
			zw.Close()
			return mfRaw("千牛导出.xlsx", buf.Bytes())(t, dir)
		}, importer.ErrCodeUnreadable, []string{"千牛导出.xlsx", "第 3 行附近", "不完整"}},
		{"xlsx whose sheet is missing", func(t *testing.T, dir string) string {
			return mfRaw("千牛导出.xlsx", mfWorkbook(t, zip.Deflate, "-", ""))(t, dir)
		}, importer.ErrCodeUnreadable, []string{"千牛导出.xlsx", "工作表“订单”", "不在文件里"}},
		{"xlsx without any sheet", func(t *testing.T, dir string) string {
			w := mfZipParts(t, zip.Deflate,
				"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`,
				"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`)
			return mfRaw("千牛导出.xlsx", w)(t, dir)
		}, importer.ErrCodeUnreadable, []string{"千牛导出.xlsx", "没有任何工作表"}},
		{"xlsx with a broken workbook.xml", func(t *testing.T, dir string) string {
			return mfRaw("千牛导出.xlsx", mfZipParts(t, zip.Deflate, "xl/workbook.xml", `<workbook><sheets><sheet name="a"`))(t, dir)
		}, importer.ErrCodeUnreadable, []string{"千牛导出.xlsx", "工作簿目录", "xl/workbook.xml"}},
		{"xlsx with a shared string that does not exist", func(t *testing.T, dir string) string {
			return mfRaw("千牛导出.xlsx", mfWorkbook(t, zip.Deflate, qianniuSheet(`<row r="5"><c r="A5" t="s"><v>7</v></c></row>`),
				`<sst><si><t>只有一个</t></si></sst>`))(t, dir)
		}, importer.ErrCodeUnreadable, []string{"千牛导出.xlsx", "第 5 行 A 列", "共享字符串"}},
		{"xlsx sheet with invalid UTF-8", func(t *testing.T, dir string) string {
			return mfRaw("千牛导出.xlsx", mfWorkbook(t, zip.Deflate, qianniuSheet(`<row r="5"><c r="A5"><v>4001`+"\xff\xfe"+`</v></c></row>`), ""))(t, dir)
		}, importer.ErrCodeUnreadable, []string{"千牛导出.xlsx", "第 5 行", "UTF-8"}},
		{"empty xlsx (no rows)", func(t *testing.T, dir string) string {
			return mfRaw("千牛导出.xlsx", mfWorkbook(t, zip.Deflate, "", ""))(t, dir)
		}, importer.ErrCodeUnreadable, []string{"千牛导出.xlsx", "没有任何内容"}},
		{"xlsx with only the header", mfXLSX("千牛导出.xlsx", qn, nil), importer.ErrCodeUnreadable,
			[]string{"千牛导出.xlsx", "第 1 行是表头", "没有任何订单行"}},
		{"xlsx row of error cells", func(t *testing.T, dir string) string {
			return mfRaw("千牛导出.xlsx", mfWorkbook(t, zip.Deflate, qianniuSheet(errCells), ""))(t, dir)
		}, importer.ErrCodeBadValue, []string{"千牛导出.xlsx", "第 5 行", "主订单编号", "#N/A", "错误值"}},
		{"xlsx order number is an Excel error value", func(t *testing.T, dir string) string {
			return mfRaw("千牛导出.xlsx", mfWorkbook(t, zip.Deflate, qianniuSheet(naOrder), ""))(t, dir)
		}, importer.ErrCodeBadValue, []string{"千牛导出.xlsx", "第 5 行", "主订单编号", "#N/A"}},
		{"xlsx order number stored as a float", func(t *testing.T, dir string) string {
			return mfRaw("千牛导出.xlsx", mfWorkbook(t, zip.Deflate, qianniuSheet(strings.Replace(inlineRow(5, mfQianniuRows()[2]),
				`<c r="B5" t="inlineStr"><is><t>4002000000000000000</t></is></c>`, `<c r="B5"><v>4.0020000000000003E+18</v></c>`, 1)), ""))(t, dir)
		}, importer.ErrCodeBadValue, []string{"千牛导出.xlsx", "第 5 行", "主订单编号", "4.0020000000000003E+18", "科学计数法"}},
		{"xlsx bad 是否赔付", mfXLSX("千牛导出.xlsx", qn, set(mfQianniuRows(), qn, 2, "是否赔付", "也许")), importer.ErrCodeBadValue,
			[]string{"千牛导出.xlsx", "第 4 行", "是否赔付", "也许", "是/否"}},
		{"xlsx bad 购买数量", mfXLSX("千牛导出.xlsx", qn, set(mfQianniuRows(), qn, 1, "购买数量", "两件")), importer.ErrCodeBadValue,
			[]string{"千牛导出.xlsx", "第 3 行", "购买数量", "两件", "不是整数"}},
		{"xlsx bad date serial", mfXLSX("千牛导出.xlsx", qn, set(mfQianniuRows(), qn, 0, "订单创建时间", "12")), importer.ErrCodeBadValue,
			[]string{"千牛导出.xlsx", "第 2 行", "订单创建时间", "“12”", "不是日期时间"}},
		{"xlsx bad price", mfXLSX("千牛导出.xlsx", qn, set(mfQianniuRows(), qn, 2, "价格", "1.2.3")), importer.ErrCodeBadValue,
			[]string{"千牛导出.xlsx", "第 4 行", "价格", "1.2.3", "不是金额"}},
		{"xlsx header without 订单状态", mfXLSX("千牛导出.xlsx", slices.Delete(slices.Clone(qn), 9, 10), mfQianniuRows()),
			importer.ErrCodeUnknownFormat, []string{"千牛导出.xlsx", "认不出", "子订单编号"}},

		// CSVs that are not order exports, or not whole ones.
		{"CSV with only the header", taobaoCSV("ExportOrderList.csv", nil), importer.ErrCodeUnreadable,
			[]string{"ExportOrderList.csv", "第 1 行是表头", "没有任何订单行"}},
		{"only preamble lines", mfRaw("ExportOrderList.csv", []byte("淘宝订单导出\r\n导出时间：2026-11-22 09:00\r\n\r\n共 0 条\r\n")),
			importer.ErrCodeUnknownFormat, []string{"ExportOrderList.csv", "认不出", "淘宝订单导出"}},
		{"a CSV of another kind (客户名单)", mfCSV("客户名单.csv", []string{"姓名", "电话", "地址"}, [][]string{{"张三", "13800000000", "杭州"}}, exportfile.CSVOptions{}),
			importer.ErrCodeUnknownFormat, []string{"客户名单.csv", "认不出", "姓名、电话、地址"}},
		{"tab-separated nonsense", mfRaw("data.tsv", []byte("a\tb\tc\n1\t2\t3\nfoo\tbar\tbaz\n")), importer.ErrCodeUnknownFormat,
			[]string{"data.tsv", "认不出", "a、b、c"}},
		{"Latin-1 file", mfRaw("orders.csv", latin1), importer.ErrCodeUnknownFormat, []string{"orders.csv", "认不出", "Bestellnummer"}},
		{"UTF-8 file with one stray Latin-1 byte", func(t *testing.T, dir string) string { return mfRaw("ExportOrderList.csv", strayByte(t))(t, dir) },
			importer.ErrCodeBadValue, []string{"ExportOrderList.csv", "第 4 行", "编码"}},
		{"header without 订单编号", mfCSV("ExportOrderList.csv", tb[1:], dropFirst(mfTaobaoRows()), gbkText), importer.ErrCodeUnknownFormat,
			[]string{"ExportOrderList.csv", "认不出", "买家会员名"}},
		{"header with 订单编号 renamed", mfCSV("ExportOrderList.csv", noOrderNo, mfTaobaoRows(), gbkText), importer.ErrCodeUnknownFormat,
			[]string{"ExportOrderList.csv", "认不出", "订单号码"}},
		{"duplicate header column", mfCSV("ExportOrderList.csv", dupH, dupRows, gbkText), importer.ErrCodeUnknownFormat,
			[]string{"ExportOrderList.csv", "订单编号", "两次"}},
		{"unclosed quote", mfRaw("ExportOrderList.csv", []byte("订单编号,买家会员名,订单状态,订单创建时间\n1001,a,交易成功,2026-11-01 10:00:00\n\"1002,b,交易成功,2026-11-01 10:00:00\n")),
			importer.ErrCodeUnreadable, []string{"ExportOrderList.csv", "第 3 行", "引号没有闭合"}},
		{"bad money", taobaoCSV("ExportOrderList.csv", set(mfTaobaoRows(), tb, 1, "买家实际支付金额", "十二块")), importer.ErrCodeBadValue,
			[]string{"ExportOrderList.csv", "第 3 行", "买家实际支付金额", "十二块", "不是金额"}},
		{"bad date", taobaoCSV("ExportOrderList.csv", set(mfTaobaoRows(), tb, 2, "订单创建时间", "昨天下午")), importer.ErrCodeBadValue,
			[]string{"ExportOrderList.csv", "第 4 行", "订单创建时间", "昨天下午", "不是日期时间"}},
		{"impossible date", taobaoCSV("ExportOrderList.csv", set(mfTaobaoRows(), tb, 0, "订单创建时间", "2026-02-30 10:00:00")), importer.ErrCodeBadValue,
			[]string{"ExportOrderList.csv", "第 2 行", "订单创建时间", "2026-02-30 10:00:00"}},
		{"order number in scientific notation", taobaoCSV("ExportOrderList.csv", set(mfTaobaoRows(), tb, 0, "订单编号", "2.16544E+18")), importer.ErrCodeBadValue,
			[]string{"ExportOrderList.csv", "第 2 行", "订单编号", "2.16544E+18", "科学计数法"}},
		{"empty order number", taobaoCSV("ExportOrderList.csv", set(mfTaobaoRows(), tb, 2, "订单编号", "")), importer.ErrCodeBadValue,
			[]string{"ExportOrderList.csv", "第 4 行", "订单编号", "是空的"}},
		{"order number with a control character", taobaoCSV("ExportOrderList.csv", set(mfTaobaoRows(), tb, 1, "订单编号", "21654378901234\x0156790")), importer.ErrCodeBadValue,
			[]string{"ExportOrderList.csv", "第 3 行", "订单编号", "控制字符"}},
		{"bad quantity", taobaoCSV("ExportOrderList.csv", set(mfTaobaoRows(), tb, 1, "宝贝总数量", "两件")), importer.ErrCodeBadValue,
			[]string{"ExportOrderList.csv", "第 3 行", "宝贝总数量", "两件", "不是整数"}},
		{"empty creation time", taobaoCSV("ExportOrderList.csv", set(mfTaobaoRows(), tb, 0, "订单创建时间", "null")), importer.ErrCodeBadValue,
			[]string{"ExportOrderList.csv", "第 2 行", "订单创建时间", "是空的"}},
		{"GBK file ending inside a character", func(t *testing.T, dir string) string { return mfRaw("ExportOrderList.csv", gbkCut(t))(t, dir) },
			importer.ErrCodeUnreadable, []string{"ExportOrderList.csv", "第 4 行", "不完整"}},
		{"plain GBK file ending inside a character", func(t *testing.T, dir string) string { return mfRaw("ExportOrderList.csv", gbkCutPlain(t))(t, dir) },
			importer.ErrCodeUnreadable, []string{"ExportOrderList.csv", "不完整"}},
		// A line of 4 MB without a delimiter is one cell past Excel's 32767 characters.
		{"huge single line", mfRaw("big.csv", bytes.Repeat([]byte("垃圾数据"), 1<<20/4)), importer.ErrCodeBadValue,
			[]string{"big.csv", "第 1 行", "A 列", "32767"}},

		// Refund and after-sales files (refund_test.go makes their rows).
		{"退款报表 without a 退款编号 column", mfCSV("退款报表.csv", renamed(exportfile.TaobaoRefundHeader, "退款编号", "退款单"), mfRefundRows(0, "退款编号", "168234567890123456"), gbkText),
			importer.ErrCodeUnknownFormat, []string{"退款报表.csv", "认不出", "订单编号"}},
		{"退款报表 with an empty 退款编号", mfCSV("退款报表.csv", exportfile.TaobaoRefundHeader, mfRefundRows(1, "退款编号", ""), gbkText),
			importer.ErrCodeBadValue, []string{"退款报表.csv", "第 3 行", "“退款编号”列", "是空的"}},
		{"退款报表 with a 退款编号 in scientific notation", mfCSV("退款报表.csv", exportfile.TaobaoRefundHeader, mfRefundRows(2, "退款编号", "1.68235E+17"), gbkText),
			importer.ErrCodeBadValue, []string{"退款报表.csv", "第 4 行", "退款编号", "1.68235E+17", "科学计数法"}},
		{"退款报表 with a bad 退款的申请时间", mfCSV("退款报表.csv", exportfile.TaobaoRefundHeader, mfRefundRows(0, "退款的申请时间", "昨天晚上"), gbkText),
			importer.ErrCodeBadValue, []string{"退款报表.csv", "第 2 行", "退款的申请时间", "昨天晚上", "不是日期时间"}},
		{"退款报表 with an impossible 超时时间", mfCSV("退款报表.csv", exportfile.TaobaoRefundHeader, mfRefundRows(2, "超时时间", "2026-02-30 08:00:00"), gbkText),
			importer.ErrCodeBadValue, []string{"退款报表.csv", "第 4 行", "超时时间", "2026-02-30 08:00:00"}},
		{"退款报表 with a bad 买家退款金额", mfCSV("退款报表.csv", exportfile.TaobaoRefundHeader, mfRefundRows(1, "买家退款金额", "12.3.4"), gbkText),
			importer.ErrCodeBadValue, []string{"退款报表.csv", "第 3 行", "买家退款金额", "12.3.4", "不是金额"}},
		{"退款报表 with an empty 退款状态", mfCSV("退款报表.csv", exportfile.TaobaoRefundHeader, mfRefundRows(0, "退款状态", ""), gbkText),
			importer.ErrCodeBadValue, []string{"退款报表.csv", "第 2 行", "退款状态", "是空的"}},
		{"退款报表 with only the header", mfCSV("退款报表.csv", exportfile.TaobaoRefundHeader, nil, gbkText),
			importer.ErrCodeUnreadable, []string{"退款报表.csv", "第 1 行是表头", "没有任何退款/售后行"}},
		{"售后 xlsx with a bad date serial", mfPDDAfterSales("售后列表.xlsx", func(rows [][]any) { rows[1][colOf(exportfile.PDDAfterSaleHeader, "申请时间")] = 12 }),
			importer.ErrCodeBadValue, []string{"售后列表.xlsx", "第 3 行", "申请时间", "“12”", "不是日期时间"}},
		{"售后 xlsx with an empty 售后编号", mfPDDAfterSales("售后列表.xlsx", func(rows [][]any) { rows[2][colOf(exportfile.PDDAfterSaleHeader, "售后编号")] = "" }),
			importer.ErrCodeBadValue, []string{"售后列表.xlsx", "第 4 行", "售后编号", "是空的"}},
	}
	if len(tests) < 30 {
		t.Fatalf("only %d malformed cases", len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			path := tt.file(t, t.TempDir())
			if n := count(t, d, "import_batch"); n != 0 {
				t.Fatalf("a fresh database holds %d import batches", n)
			}
			r := importer.New(d).ImportFile(context.Background(), path, importer.Options{ShopName: "测试店"})
			for _, table := range []string{"orders", "shop", "import_batch", "order_item", "refund"} {
				if n := count(t, d, table); n != 0 {
					t.Errorf("%s has %d rows after a failed import", table, n)
				}
			}
			t.Logf("%s: %.300s", r.ErrorCode, r.Error)
			var problems []string
			if r.ErrorCode != tt.code {
				problems = append(problems, fmt.Sprintf("code = %q, want %q", r.ErrorCode, tt.code))
			}
			if !strings.Contains(r.Error, "文件“"+filepath.Base(path)+"”") {
				problems = append(problems, "the message does not name the file")
			}
			for _, s := range tt.contains {
				if !strings.Contains(r.Error, s) {
					problems = append(problems, fmt.Sprintf("the message does not mention %q", s))
				}
			}
			if len(r.Error) > 600 {
				problems = append(problems, fmt.Sprintf("the message is %d bytes long", len(r.Error)))
			}
			if len(problems) > 0 {
				msg := fmt.Sprintf("%s\nerror: %.300q", strings.Join(problems, "; "), r.Error)
				t.Error(msg)
			}
		})
	}
}
