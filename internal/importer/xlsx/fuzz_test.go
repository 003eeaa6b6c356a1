package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer/xlsx/xlsxtest"
)

// Fuzz targets of the reader. The seeds are also committed under
// testdata/fuzz/<FuzzName>/ (so plain `go test` runs them); rewrite them after changing
// a seed list with
//
//	SHOPDESK_UPDATE_FUZZ_CORPUS=1 go test -run TestWriteFuzzCorpus ./internal/importer/xlsx/
//
// and fuzz one target with
//
//	go test -run '^$' -fuzz FuzzXLSX -fuzztime 60s ./internal/importer/xlsx/

func xlsxSeeds(t testing.TB) [][]any {
	p := filepath.Join(t.TempDir(), "qianniu.xlsx")
	row := exportfile.QianniuSubOrder{SubOrderNo: "4001000000000000001", OrderNo: "4001000000000000000", Title: "马克杯",
		Status: "交易成功", PriceFen: 2990, Quantity: 2, PayFen: 5980, CreatedAt: "2026-11-21 09:00:00"}.Row()
	if err := exportfile.WriteXLSX(p, "订单列表", exportfile.QianniuSubOrderHeader, [][]string{row}); err != nil {
		t.Fatal(err)
	}
	written, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	docx := xlsxtest.BuildZip(t, []xlsxtest.Part{{Name: "[Content_Types].xml", Body: "<Types/>"}, {Name: "word/document.xml", Body: "<w:document/>"}}, zip.Store)
	small := xlsxtest.BuildZip(t, xlsxtest.Parts(`<sst><si><t>订单编号</t></si><si><r><t>交易</t></r><r><t>成功</t></r></si></sst>`,
		[2]string{"S", xlsxtest.SheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="3"><c t="inlineStr"><is><t>x&amp;y</t></is></c><c t="b"><v>1</v></c><c><v>45612.375</v></c></row>`)}), zip.Store)
	return [][]any{
		{xlsxtest.Quirk(t, zip.Store)},
		{small},
		{written},
		{docx},
		{[]byte("PK\x03\x04")},
		{[]byte{}},
	}
}

func sheetSeeds() [][]any {
	return [][]any{
		{[]byte(xlsxtest.QuirkSheet2), []byte(xlsxtest.QuirkSST)},
		{[]byte(xlsxtest.QuirkSheet3), []byte(`<sst><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>`)},
		{[]byte(xlsxtest.SheetXML(`<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" t="e"><v>#N/A</v></c></row>`)), []byte{}},
		{[]byte(`<worksheet><sheetData><row><c t="s"><v>0</v></c></row></sheetData></worksheet>`), []byte(`<sst><si><t><![CDATA[x]]></t><rPh><t>y</t></rPh></si></sst>`)},
		{[]byte("\xff\xfe<\x00a\x00/\x00>\x00"), []byte(`<?xml version="1.0"?><!-- c --><sst/>`)},
	}
}

// readXLSXAll opens path and reads every row of every sheet; every error must be an xlsx
// error.
func readXLSXAll(t *testing.T, path string) {
	book, err := Open(path)
	if err != nil {
		if !errors.Is(err, ErrBad) {
			t.Fatalf("Open error is not an xlsx error: %v", err)
		}
		return
	}
	defer book.Close()
	for i := range book.Sheets() {
		readSheetAll(t, book, i)
	}
}

func readSheetAll(t *testing.T, book *Book, i int) {
	tb, err := book.OpenSheet(i)
	if err != nil {
		if !errors.Is(err, ErrBad) {
			t.Fatalf("OpenSheet error is not an xlsx error: %v", err)
		}
		return
	}
	defer tb.Close()
	last := 0
	for n := 0; ; n++ {
		if n > MaxRows+1 {
			t.Fatalf("more than %d rows", MaxRows)
		}
		row, err := tb.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			if !errors.Is(err, ErrBad) {
				t.Fatalf("Next error is not an xlsx error: %v", err)
			}
			return
		}
		if tb.Row() != last+1 {
			t.Fatalf("Row() went from %d to %d", last, tb.Row())
		}
		last = tb.Row()
		for _, c := range row {
			if !utf8.ValidString(c) {
				t.Fatalf("row %d: invalid UTF-8 cell %q", last, c)
			}
		}
		if len(row) > 0 && row[len(row)-1] == "" {
			t.Fatalf("row %d: trailing empty cell not trimmed: %q", last, row)
		}
	}
}

// FuzzXLSX: arbitrary bytes as an .xlsx never panic; errors are Chinese xlsx errors.
// (The seeds are stored, not deflated, zips so that mutations reach the XML.)
func FuzzXLSX(f *testing.F) {
	addSeeds(f, xlsxSeeds(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer watchdog(10*time.Second, data)()
		p := filepath.Join(t.TempDir(), "f.xlsx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		readXLSXAll(t, p)
	})
}

// FuzzXLSXSheet: arbitrary sheet XML and shared strings inside a well-formed xlsx.
func FuzzXLSXSheet(f *testing.F) {
	addSeeds(f, sheetSeeds())
	f.Fuzz(func(t *testing.T, sheet, sst []byte) {
		defer watchdog(10*time.Second, [][]byte{sheet, sst})()
		parts := xlsxtest.Parts(string(sst), [2]string{"S", string(sheet)})
		if len(sst) == 0 {
			parts = xlsxtest.Parts("", [2]string{"S", string(sheet)})
		}
		p := filepath.Join(t.TempDir(), "f.xlsx")
		if err := os.WriteFile(p, xlsxtest.BuildZip(t, parts, zip.Store), 0o644); err != nil {
			t.Fatal(err)
		}
		readXLSXAll(t, p)
	})
}

// watchdog crashes the fuzz worker when one input takes longer than limit, so that the
// fuzzer saves it (Go's fuzzing has no per-input timeout: a loop would only stall it).
func watchdog(limit time.Duration, input any) func() {
	tm := time.AfterFunc(limit, func() {
		panic(fmt.Sprintf("input still running after %v (endless loop?): %.2000q", limit, fmt.Sprint(input)))
	})
	return func() { tm.Stop() }
}

func addSeeds(f *testing.F, seeds [][]any) {
	for _, s := range seeds {
		f.Add(s...)
	}
}

// TestWriteFuzzCorpus writes the seeds above as the committed corpus (see the top).
func TestWriteFuzzCorpus(t *testing.T) {
	if os.Getenv("SHOPDESK_UPDATE_FUZZ_CORPUS") == "" {
		t.Skip("set SHOPDESK_UPDATE_FUZZ_CORPUS=1 to rewrite testdata/fuzz")
	}
	for name, seeds := range map[string][][]any{"FuzzXLSX": xlsxSeeds(t), "FuzzXLSXSheet": sheetSeeds()} {
		dir := filepath.Join("testdata", "fuzz", name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i, seed := range seeds {
			var b strings.Builder
			b.WriteString("go test fuzz v1\n")
			for _, v := range seed {
				fmt.Fprintf(&b, "[]byte(%q)\n", v.([]byte))
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed%02d", i)), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
