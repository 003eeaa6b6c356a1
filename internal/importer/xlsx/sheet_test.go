package xlsx

import (
	"archive/zip"
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
	"shopdesk/internal/importer/xlsx/xlsxtest"
)

// streamRows reads every row of sheet i with the streaming reader.
func streamRows(t testing.TB, path string, sheet int) (rows [][]string, nums []int) {
	t.Helper()
	book, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	tb, err := book.OpenSheet(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
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
	if err := os.WriteFile(quirks, xlsxtest.Quirk(t, zip.Deflate), 0o644); err != nil {
		t.Fatal(err)
	}

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
	diffRows(t, "quirks sheet 订单", got, xlsxtest.QuirkWant2)
	for i, n := range nums {
		if n != i+1 {
			t.Fatalf("Row() = %v, want 1..%d", nums, len(nums))
		}
	}
	got, _ = streamRows(t, quirks, 2)
	diffRows(t, "quirks sheet 前缀", got, xlsxtest.QuirkWant3)
	got, _ = streamRows(t, streamed, 0)
	want := [][]string{exportfile.QianniuSubOrderHeader}
	for _, r := range rows {
		want = append(want, trimRow(r))
	}
	diffRows(t, "stream writer file", got, want)
}

// Broken and foreign zips give their own Chinese reason, never a panic.
func TestOpenErrors(t *testing.T) {
	good := xlsxtest.Quirk(t, zip.Deflate)
	docx := xlsxtest.BuildZip(t, []xlsxtest.Part{{Name: "[Content_Types].xml", Body: "<Types/>"}, {Name: "word/document.xml", Body: "<w:document/>"}}, zip.Deflate)
	noSheets := xlsxtest.BuildZip(t, xlsxtest.Parts(""), zip.Deflate)
	missing := xlsxtest.BuildZip(t, xlsxtest.Parts("", [2]string{"订单", ""})[:4], zip.Deflate)
	badXML := xlsxtest.BuildZip(t, xlsxtest.Parts("", [2]string{"订单", xlsxtest.SheetXML(`<row r="1"><c r="A1"><v>1</c></row>`)}), zip.Deflate)
	cut := xlsxtest.BuildZip(t, xlsxtest.Parts("", [2]string{"订单", strings.TrimSuffix(xlsxtest.SheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`), "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>")}), zip.Deflate)
	badSST := xlsxtest.BuildZip(t, xlsxtest.Parts("<sst><si><t>x</si></sst>", [2]string{"订单", xlsxtest.SheetXML("")}), zip.Deflate)
	badIndex := xlsxtest.BuildZip(t, xlsxtest.Parts(xlsxtest.QuirkSST, [2]string{"订单", xlsxtest.SheetXML(`<row r="1"><c r="A1" t="s"><v>99</v></c></row>`)}), zip.Deflate)
	badRef := xlsxtest.BuildZip(t, xlsxtest.Parts("", [2]string{"订单", xlsxtest.SheetXML(`<row r="2"><c r="12"><v>1</v></c></row>`)}), zip.Deflate)
	tooFar := xlsxtest.BuildZip(t, xlsxtest.Parts("", [2]string{"订单", xlsxtest.SheetXML(`<row r="2000000"><c><v>1</v></c></row>`)}), zip.Deflate)
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
			err := readFirst(xlsxtest.WriteFile(t, "x.xlsx", tt.data))
			if err == io.EOF {
				t.Fatalf("read without an error, want %q", tt.want)
			}
			if !errors.Is(err, ErrBad) || !strings.Contains(err.Error(), tt.want) {
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

// readFirst reads the first sheet of path to its end: io.EOF, or the first error.
func readFirst(path string) error {
	book, err := Open(path)
	if err != nil {
		return err
	}
	defer book.Close()
	tb, err := book.OpenSheet(0)
	if err != nil {
		return err
	}
	defer tb.Close()
	for {
		if _, err := tb.Next(); err != nil {
			return err
		}
	}
}

func readAllStream(b *testing.B, path string) int {
	book, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	t, err := book.OpenSheet(0)
	if err != nil {
		b.Fatal(err)
	}
	defer t.Close()
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
//	go test -run '^$' -bench XLSXRead -benchtime 1x ./internal/importer/xlsx/
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
