package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shopdesk/internal/exportfile"
)

// zipPart is one entry of a hand-built xlsx.
type zipPart struct{ name, body string }

// buildZip writes parts into a zip, stored (uncompressed) or deflated.
func buildZip(t testing.TB, parts []zipPart, method uint16) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	nsMain = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	nsRel  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	relWS  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet`
)

// xlsxParts is a minimal workbook around the given sheets (name -> sheet XML), with
// shared strings when sst is not "". The first sheet's target is relative, the others
// absolute (/xl/worksheets/…), as different writers do.
func xlsxParts(sst string, sheets ...[2]string) []zipPart {
	var ct, wb, rels strings.Builder
	ct.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	wb.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><sheets>`)
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	var parts []zipPart
	for i, s := range sheets {
		n := i + 1
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, s[0], n, n)
		target := fmt.Sprintf("worksheets/sheet%d.xml", n)
		if i > 0 {
			target = "/xl/" + target
		}
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s" Target="%s"/>`, n, relWS, target)
		parts = append(parts, zipPart{fmt.Sprintf("xl/worksheets/sheet%d.xml", n), s[1]})
	}
	if sst != "" {
		ct.WriteString(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`, len(sheets)+1)
		parts = append(parts, zipPart{"xl/sharedStrings.xml", sst})
	}
	ct.WriteString(`</Types>`)
	wb.WriteString(`</sheets></workbook>`)
	rels.WriteString(`</Relationships>`)
	return append([]zipPart{
		{"[Content_Types].xml", ct.String()},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", wb.String()},
		{"xl/_rels/workbook.xml.rels", rels.String()},
	}, parts...)
}

func sheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
		`<sheetData>` + rows + `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
}

// quirkSST: plain, rich text runs with phonetic hints, entities, xml:space, _xHHHH_.
const quirkSST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="` + nsMain + `" count="12" uniqueCount="12">
  <si><t>子订单编号</t></si>
  <si><t>主订单编号</t></si>
  <si><t>订单状态</t></si>
  <si><t>订单创建时间</t></si>
  <si><r><rPr><b/><sz val="11"/></rPr><t>交易</t></r><r><t>成功</t></r><rPh sb="0" eb="2"><t>こうえき</t></rPh><phoneticPr fontId="1"/></si>
  <si><t xml:space="preserve">  两边有空格  </t></si>
  <si><t>A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587;</t></si>
  <si><t>第一行_x000D_
第二行 _x005F_x0041_</t></si>
  <si><t/></si>
  <si/>
  <si>
    <t>缩进的</t>
  </si>
  <si><t><![CDATA[<不是标签> & 也不是实体]]></t></si>
</sst>`

// quirkSheet2 has a wrong <dimension ref="A1"/>, a preamble, a missing row, rows and
// cells without r, inline strings (plain and rich), every cell type, gaps and empty rows.
var quirkSheet2 = sheetXML(`
<row r="1"><c r="A1" t="inlineStr"><is><t>千牛订单导出</t></is></c></row>
<row r="3" spans="1:4"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="s" s="2"><v>2</v></c><c r="D3" t="s"><v>3</v></c></row>
<row><c t="inlineStr"><is><t>4001000000000000001</t></is></c><c><v>4001000000000000000</v></c><c t="s"><v>4</v></c><c s="3"><v>45612.375</v></c><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A4&amp;"x"</f><v>公式结果</v></c><c t="n"><v>1.5</v></c><c><v>1E-3</v></c></row>
<row r="5"/>
<row r="7"><c r="A7" t="s"><v>5</v></c><c r="C7" t="s"><v>6</v></c><c r="F7" t="s"><v>7</v></c><c r="H7" t="s"><v>8</v></c><c r="I7" t="s"><v>9</v></c></row>
<row r="8"><c r="A8" s="1"/><c r="B8" s="1"></c><c r="C8" t="inlineStr"><is><t></t></is></c></row>
<row r="9"><c r="B9" t="inlineStr"><is><r><rPr><b/></rPr><t>粗</t></r><r><t xml:space="preserve"> 体 </t></r></is></c><c r="C9" t="s"><v>10</v></c><c r="D9" t="s"><v> 11 </v></c><c r="E9" t="inlineStr"><is><t>a&#13;&#10;b
c</t></is></c></row>
<row r="10"><c r="$A$10" t="d"><v>2026-11-21T10:00:00</v></c><c r="AA10"><v>-12.50</v></c></row>
`)

var quirkWant2 = [][]string{
	{"千牛订单导出"},
	nil,
	{"子订单编号", "主订单编号", "订单状态", "订单创建时间"},
	{"4001000000000000001", "4001000000000000000", "交易成功", "45612.375", "1", "0", "#N/A", "公式结果", "1.5", "1E-3"},
	nil,
	nil,
	{"  两边有空格  ", "", "A & B <c> \"d\" 'e' 中文", "", "", "第一行\r\n第二行 _x0041_"},
	nil,
	{"", "粗 体 ", "缩进的", "<不是标签> & 也不是实体", "a\r\nb\nc"},
	append(append([]string{"2026-11-21T10:00:00"}, make([]string, 25)...), "-12.50"),
}

// quirkSheet3 is written with a namespace prefix on every element (as .NET writers do).
var quirkSheet3 = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="` + nsMain + `"><x:sheetData>` +
	`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1"><x:v>42</x:v></x:c></x:row>` +
	`<x:row r="2"><x:c r="B2" t="s"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`

var quirkWant3 = [][]string{{"前缀", "42"}, {"", "订单状态"}}

var quirkSheet1 = sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>说明：这一页不是订单</t></is></c></row>`)

func quirkXLSX(t testing.TB, method uint16) []byte {
	return buildZip(t, xlsxParts(quirkSST, [2]string{"说明", quirkSheet1}, [2]string{"订单", quirkSheet2},
		[2]string{"前缀", quirkSheet3}), method)
}

func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// streamRows reads every row of sheet i with the streaming reader.
func streamRows(t testing.TB, path string, sheet int) (rows [][]string, nums []int) {
	t.Helper()
	book, err := openBook(path)
	if err != nil {
		t.Fatal(err)
	}
	defer book.zr.Close()
	tb, err := book.open(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer tb.closeSheet()
	for {
		r, err := tb.Next()
		if err == io.EOF {
			return rows, nums
		}
		if err != nil {
			t.Fatalf("sheet %d row %d: %v", sheet, tb.Row(), err)
		}
		rows = append(rows, trimRow(r))
		nums = append(nums, tb.Row())
	}
}

// excelizeRows reads every row of sheet i with excelize's Rows (raw values).
func excelizeRows(t testing.TB, path string, sheet int) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rs, err := f.Rows(f.GetSheetList()[sheet])
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	var out [][]string
	for rs.Next() {
		r, err := rs.Columns()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, trimRow(r))
	}
	if err := rs.Error(); err != nil {
		t.Fatal(err)
	}
	return out
}

func trimRow(r []string) []string {
	for len(r) > 0 && r[len(r)-1] == "" {
		r = r[:len(r)-1]
	}
	if len(r) == 0 {
		return nil
	}
	return append([]string{}, r...)
}

func diffRows(t *testing.T, what string, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d rows, want %d\n got %q\nwant %q", what, len(got), len(want), got, want)
		return
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("%s: row %d = %q, want %q", what, i+1, got[i], want[i])
		}
	}
}

// The streaming reader returns what excelize's reader returns, row for row, for files
// written by excelize (stream writer: inline strings; normal writer: shared strings) and
// for a hand-written file with every quirk.
func TestXLSXStreamMatchesExcelize(t *testing.T) {
	dir := t.TempDir()

	subs := []exportfile.QianniuSubOrder{
		{SubOrderNo: "4001000000000000001", OrderNo: "4001000000000000000", Title: "北欧风 <陶瓷> & \"马克杯\"", Status: "买家已付款，等待卖家发货",
			SkuCode: "MUG-01", PriceFen: 2990, Quantity: 2, PayFen: 5980, CreatedAt: "2026-11-21 09:00:00", Buyer: " 晴天娃娃 "},
		{SubOrderNo: "4002000000000000001", OrderNo: "4002000000000000000", Title: "纯棉四件套\n(加大)", Status: "卖家已发货，等待买家确认",
			PriceFen: 19900, Quantity: 1, PayFen: 19900, CreatedAt: "2026-11-18 20:00:00", Compensated: true, LateCompFen: 300},
	}
	rows := make([][]string, len(subs))
	for i, s := range subs {
		rows[i] = s.Row()
	}
	streamed := filepath.Join(dir, "stream.xlsx")
	if err := exportfile.WriteXLSX(streamed, "订单列表", exportfile.QianniuSubOrderHeader, rows); err != nil {
		t.Fatal(err)
	}

	shared := filepath.Join(dir, "shared.xlsx")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"订单编号", "数量", "金额", "是否", "时间", "备注"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"2165437890123456789", 3, 12.5, true, 45612.375, "a_x0041_b"})
	f.SetSheetRow("Sheet1", "C5", &[]any{"跳过两行", -7, false})
	f.SetCellValue("Sheet1", "H6", "远处")
	f.NewSheet("第二页")
	f.SetSheetRow("第二页", "B2", &[]any{"x", 1.25})
	if err := f.SaveAs(shared); err != nil {
		t.Fatal(err)
	}
	f.Close()

	quirks := filepath.Join(dir, "quirks.xlsx")
	os.WriteFile(quirks, quirkXLSX(t, zip.Deflate), 0o644)

	for _, c := range []struct {
		path   string
		sheets int
	}{{streamed, 1}, {shared, 2}, {quirks, 3}} {
		for s := 0; s < c.sheets; s++ {
			got, _ := streamRows(t, c.path, s)
			diffRows(t, fmt.Sprintf("%s sheet %d vs excelize", filepath.Base(c.path), s), got, excelizeRows(t, c.path, s))
		}
	}

	// And what the quirks file holds, spelled out (not only "what excelize says").
	got, nums := streamRows(t, quirks, 1)
	diffRows(t, "quirks sheet 订单", got, quirkWant2)
	for i, n := range nums {
		if n != i+1 {
			t.Fatalf("Row() = %v, want 1..%d", nums, len(nums))
		}
	}
	got, _ = streamRows(t, quirks, 2)
	diffRows(t, "quirks sheet 前缀", got, quirkWant3)
	got, _ = streamRows(t, streamed, 0)
	want := [][]string{exportfile.QianniuSubOrderHeader}
	for _, r := range rows {
		want = append(want, trimRow(r))
	}
	diffRows(t, "stream writer file", got, want)
}

// openXLSX picks the sheet whose header a layout knows (not the first) and reports the
// row numbers Excel shows across missing rows.
func TestOpenXLSXPicksSheetAndKeepsRowNumbers(t *testing.T) {
	for _, method := range []uint16{zip.Store, zip.Deflate} {
		p := writeFile(t, "quirks.xlsx", quirkXLSX(t, method))
		tb, err := openXLSX(p, nil)
		if err != nil {
			t.Fatal(err)
		}
		if tb.sheet != "订单" {
			t.Fatalf("picked sheet %q, want 订单", tb.sheet)
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

// Broken and foreign zips give their own Chinese reason, never a panic.
func TestOpenXLSXErrors(t *testing.T) {
	good := quirkXLSX(t, zip.Deflate)
	docx := buildZip(t, []zipPart{{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}}, zip.Deflate)
	noSheets := buildZip(t, xlsxParts(""), zip.Deflate)
	missing := buildZip(t, xlsxParts("", [2]string{"订单", ""})[:4], zip.Deflate)
	badXML := buildZip(t, xlsxParts("", [2]string{"订单", sheetXML(`<row r="1"><c r="A1"><v>1</c></row>`)}), zip.Deflate)
	cut := buildZip(t, xlsxParts("", [2]string{"订单", strings.TrimSuffix(sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`), "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>")}), zip.Deflate)
	badSST := buildZip(t, xlsxParts("<sst><si><t>x</si></sst>", [2]string{"订单", sheetXML("")}), zip.Deflate)
	badIndex := buildZip(t, xlsxParts(quirkSST, [2]string{"订单", sheetXML(`<row r="1"><c r="A1" t="s"><v>99</v></c></row>`)}), zip.Deflate)
	badRef := buildZip(t, xlsxParts("", [2]string{"订单", sheetXML(`<row r="2"><c r="12"><v>1</v></c></row>`)}), zip.Deflate)
	tooFar := buildZip(t, xlsxParts("", [2]string{"订单", sheetXML(`<row r="2000000"><c><v>1</v></c></row>`)}), zip.Deflate)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"truncated zip", good[:len(good)/2], "无法按压缩包打开"},
		{"docx renamed", docx, "Word 文档"},
		{"no sheets", noSheets, "没有任何工作表"},
		{"sheet part missing", missing, "不在文件里"},
		{"corrupt sheet XML", badXML, "第 1 行附近的内容不是有效的 XML"},
		{"sheet XML cut short", cut, "不完整"},
		{"corrupt shared strings", badSST, "共享字符串表"},
		{"shared string index out of range", badIndex, "第 1 行 A 列引用的共享字符串（第 99 号）不存在"},
		{"bad cell reference", badRef, "单元格位置“12”无效"},
		{"row beyond Excel's limit", tooFar, "最大行数"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := openXLSX(writeFile(t, "x.xlsx", tt.data), nil)
			if err == nil {
				for err == nil {
					_, err = tb.Next()
				}
				tb.close()
				if err == io.EOF {
					t.Fatalf("read without an error, want %q", tt.want)
				}
			}
			if !errors.Is(err, errBadXLSX) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q, want one mentioning %q", err, tt.want)
			}
		})
	}
}

// ---- benchmark ---------------------------------------------------------------------------

const benchXLSXRows = 100_000

// benchXLSX writes a 100k-row 千牛 sub-order export (29 columns, inline strings as the
// 千牛 export and excelize's stream writer write them).
func benchXLSX(b *testing.B) string {
	b.Helper()
	rows := make([][]string, benchXLSXRows)
	base := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	for i := range rows {
		s := exportfile.QianniuSubOrder{
			SubOrderNo: fmt.Sprintf("40%017d", i*2+1), OrderNo: fmt.Sprintf("40%017d", i*2),
			Title: fmt.Sprintf("北欧风陶瓷马克杯 %d 号 大容量 带盖勺", i%500), Status: "买家已付款，等待卖家发货",
			SkuCode: fmt.Sprintf("MUG-%04d", i%900), PriceFen: int64(1990 + i%5000), Quantity: 1 + i%3,
			PayFen: int64(1990 + i%5000), CreatedAt: base.Add(time.Duration(i) * time.Minute).Format("2006-01-02 15:04:05"),
			PaidAt: base.Add(time.Duration(i)*time.Minute + 90*time.Second).Format("2006-01-02 15:04:05"),
			Buyer:  fmt.Sprintf("买家%06d", i%20000), Carrier: "中通快递", TrackingNo: fmt.Sprintf("78%012d", i),
		}
		rows[i] = s.Row()
	}
	p := filepath.Join(b.TempDir(), "qianniu-100k.xlsx")
	if err := exportfile.WriteXLSX(p, "订单列表", exportfile.QianniuSubOrderHeader, rows); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	return p
}

func readAllStream(b *testing.B, path string) int {
	t, err := openXLSX(path, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer t.close()
	n := 0
	for {
		if _, err := t.Next(); err == io.EOF {
			return n
		} else if err != nil {
			b.Fatal(err)
		}
		n++
	}
}

func readAllExcelize(b *testing.B, path string) int {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rs, err := f.Rows(f.GetSheetList()[0])
	if err != nil {
		b.Fatal(err)
	}
	defer rs.Close()
	n := 0
	for rs.Next() {
		if _, err := rs.Columns(); err != nil {
			b.Fatal(err)
		}
		n++
	}
	return n
}

// BenchmarkXLSXRead reads a 100k-row, 29-column 千牛 xlsx with the streaming reader and
// with excelize's Rows() in the same run and reports both rates and their ratio:
//
//	go test -run '^$' -bench XLSXRead -benchtime 1x ./internal/importer/
func BenchmarkXLSXRead(b *testing.B) {
	path := benchXLSX(b)
	var streamDur, excelizeDur time.Duration
	var rowsRead int
	for b.Loop() {
		start := time.Now()
		n := readAllStream(b, path)
		streamDur += time.Since(start)
		start = time.Now()
		m := readAllExcelize(b, path)
		excelizeDur += time.Since(start)
		if n != m || n != benchXLSXRows+1 {
			b.Fatalf("rows: stream %d, excelize %d, want %d", n, m, benchXLSXRows+1)
		}
		rowsRead += n
	}
	streamRate := float64(rowsRead) / streamDur.Seconds()
	excelizeRate := float64(rowsRead) / excelizeDur.Seconds()
	b.ReportMetric(streamRate, "stream-rows/s")
	b.ReportMetric(excelizeRate, "excelize-rows/s")
	b.ReportMetric(streamRate/excelizeRate, "speedup")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkXLSXStream is the streaming reader alone (for -cpuprofile and allocations).
func BenchmarkXLSXStream(b *testing.B) {
	path := benchXLSX(b)
	b.ReportAllocs()
	var rowsRead int
	start := time.Now()
	for b.Loop() {
		rowsRead += readAllStream(b, path)
	}
	b.ReportMetric(float64(rowsRead)/time.Since(start).Seconds(), "rows/s")
}
