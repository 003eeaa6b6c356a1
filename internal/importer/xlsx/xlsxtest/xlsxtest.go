// Package xlsxtest builds small xlsx files by hand for tests: a workbook around given
// sheet XML, and a workbook with every quirk the reader must handle (the importer's
// tests use it too).
package xlsxtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Part is one entry of a hand-built xlsx.
type Part struct{ Name, Body string }

// BuildZip writes parts into a zip, stored (uncompressed) or deflated.
func BuildZip(t testing.TB, parts []Part, method uint16) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.Body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	NSMain = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	NSRel  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	relWS  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet`
)

// Parts is a minimal workbook around the given sheets (name -> sheet XML), with
// shared strings when sst is not "". The first sheet's target is relative, the others
// absolute (/xl/worksheets/…), as different writers do.
func Parts(sst string, sheets ...[2]string) []Part {
	var ct, wb, rels strings.Builder
	ct.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	wb.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="` + NSMain + `" xmlns:r="` + NSRel + `"><sheets>`)
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	var parts []Part
	for i, s := range sheets {
		n := i + 1
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, s[0], n, n)
		target := fmt.Sprintf("worksheets/sheet%d.xml", n)
		if i > 0 {
			target = "/xl/" + target
		}
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s" Target="%s"/>`, n, relWS, target)
		parts = append(parts, Part{fmt.Sprintf("xl/worksheets/sheet%d.xml", n), s[1]})
	}
	if sst != "" {
		ct.WriteString(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`, len(sheets)+1)
		parts = append(parts, Part{"xl/sharedStrings.xml", sst})
	}
	ct.WriteString(`</Types>`)
	wb.WriteString(`</sheets></workbook>`)
	rels.WriteString(`</Relationships>`)
	return append([]Part{
		{"[Content_Types].xml", ct.String()},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", wb.String()},
		{"xl/_rels/workbook.xml.rels", rels.String()},
	}, parts...)
}

// SheetXML is a worksheet part holding rows (<row> elements).
func SheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<worksheet xmlns="` + NSMain + `" xmlns:r="` + NSRel + `"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
		`<sheetData>` + rows + `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
}

// QuirkSST: plain, rich text runs with phonetic hints, entities, xml:space, _xHHHH_.
const QuirkSST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="` + NSMain + `" count="12" uniqueCount="12">
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

// QuirkSheet2 has a wrong <dimension ref="A1"/>, a preamble, a missing row, rows and
// cells without r, inline strings (plain and rich), every cell type, gaps and empty rows.
var QuirkSheet2 = SheetXML(`
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

// QuirkWant2 and QuirkWant3 are the rows of QuirkSheet2 and QuirkSheet3, spelled out.
var QuirkWant2 = [][]string{
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

// QuirkSheet3 is written with a namespace prefix on every element (as .NET writers do).
var QuirkSheet3 = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="` + NSMain + `"><x:sheetData>` +
	`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1"><x:v>42</x:v></x:c></x:row>` +
	`<x:row r="2"><x:c r="B2" t="s"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`

var QuirkWant3 = [][]string{{"前缀", "42"}, {"", "订单状态"}}

// QuirkSheet1 is a note sheet, not an export.
var QuirkSheet1 = SheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>说明：这一页不是订单</t></is></c></row>`)

// Quirk is a workbook of three sheets (说明, 订单 holding a 千牛 sub-order header on row 3,
// 前缀) with every quirk above.
func Quirk(t testing.TB, method uint16) []byte {
	return BuildZip(t, Parts(QuirkSST, [2]string{"说明", QuirkSheet1}, [2]string{"订单", QuirkSheet2},
		[2]string{"前缀", QuirkSheet3}), method)
}

// WriteFile writes data to a file named name in a temporary folder and returns its path.
func WriteFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
