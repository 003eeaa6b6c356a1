//go:build linux

package importer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/importer"
	"shopdesk/internal/importer/xlsx/xlsxtest"
)

// Memory bounded by the work, not by the file (issue 15 §2): files built to exhaust
// memory are imported by another process (this test binary run again), whose peak
// resident memory the kernel reports when it exits. Before, a 1.5 MB xlsx whose shared
// strings inflated to 1 GB took 12.5 GB and imported; refused ones still took 2.4 GB.

const rssEnv = "SHOPDESK_TEST_RSS_FILE"

// maxPeakRSS is what an import may take at most, whatever the file (seller PCs have 8 GB).
const maxPeakRSS = 200 << 20

// TestHelperImportForRSS is not a test: run by TestImportMemoryIsBounded as a process of
// its own, it imports one file into a fresh database and prints the result as JSON.
func TestHelperImportForRSS(t *testing.T) {
	path := os.Getenv(rssEnv)
	if path == "" {
		t.Skip("helper process only")
	}
	ctx := context.Background()
	d, err := db.Open(ctx, path+".db")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	r := importer.New(d).ImportFile(ctx, path, importer.Options{ShopName: "测试店"})
	json.NewEncoder(os.Stdout).Encode(r)
}

// importInChild imports path in a child process: its result and peak RSS in bytes.
func importInChild(t *testing.T, path string) (importer.FileResult, int64) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperImportForRSS$", "-test.count=1")
	cmd.Env = append(os.Environ(), rssEnv+"="+path)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("child: %v\n%s", err, out.String())
	}
	var r importer.FileResult
	line := out.String()
	if i := strings.IndexByte(line, '{'); i >= 0 {
		line = line[i:]
	}
	if err := json.NewDecoder(strings.NewReader(line)).Decode(&r); err != nil {
		t.Fatalf("child printed %q: %v", out.String(), err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return r, ru.Maxrss << 10 // kilobytes on Linux
}

// buyerMessage is the column of 买家留言 in benchHeader.
func buyerMessage() int {
	for i, h := range benchHeader {
		if h == "买家留言" {
			return i
		}
	}
	panic("no 买家留言")
}

// orderRow2 is order row 2 of the bench layout (inline strings) with its 买家留言 cell
// given as XML (cell(ref) returns it, e.g. `<c r="I2" t="s"><v>7</v></c>`), split at
// "@@" where the cell's XML has it (to put a big text there).
func orderRow2(cell func(ref string) string) (before, after string) {
	row := benchRow(1)
	row[buyerMessage()] = "@@CELL@@"
	xml := inlineRow(2, row)
	ref := colName(buyerMessage()) + "2"
	xml = strings.Replace(xml, `<c r="`+ref+`" t="inlineStr"><is><t>@@CELL@@</t></is></c>`, cell(ref), 1)
	before, after, _ = strings.Cut(xml, "@@")
	return before, after
}

func TestImportMemoryIsBounded(t *testing.T) {
	if os.Getenv(rssEnv) != "" {
		t.Skip()
	}
	if testing.Short() {
		t.Skip("writes files of hundreds of MB")
	}
	dir := t.TempDir()
	head := `<worksheet xmlns="` + xlsxtest.NSMain + `"><sheetData>` + inlineRow(1, benchHeader)
	const tail = `</sheetData></worksheet>`
	noisy := xlsxtest.Noisy(1 << 20) // about 100:1 under deflate: passes the ratio check
	sheetOnly := func(rows string) []xlsxtest.Part {
		return xlsxtest.Parts("", [2]string{"订单", xlsxtest.SheetXML(inlineRow(1, benchHeader) + rows)})
	}
	bigSheet := func(b xlsxtest.Big) func(string) {
		return func(path string) {
			xlsxtest.WriteBomb(t, path, xlsxtest.Without(xlsxtest.Parts("", [2]string{"订单", ""}), "xl/worksheets/sheet1.xml"), []xlsxtest.Big{b})
		}
	}
	bigSST := func(b xlsxtest.Big, sheetRows string) func(string) {
		return func(path string) {
			parts := xlsxtest.Parts("<sst/>", [2]string{"订单", xlsxtest.SheetXML(inlineRow(1, benchHeader) + sheetRows)})
			xlsxtest.WriteBomb(t, path, xlsxtest.Without(parts, "xl/sharedStrings.xml"), []xlsxtest.Big{b})
		}
	}
	// a shared strings table of 300 MB: 300,000 distinct-enough texts of 1 KB
	var items bytes.Buffer
	chars := []rune(string(noisy))
	for i := 0; items.Len() < 1<<20-2048; i++ {
		fmt.Fprintf(&items, "<si><t>%s</t></si>", string(chars[i*330:i*330+330]))
	}
	msgCellOpen, msgCellClose := orderRow2(func(ref string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>@@</t></is></c>` })
	sstBefore, sstAfter := orderRow2(func(ref string) string { return `<c r="` + ref + `" t="s"><v>@@</v></c>` })

	tests := []struct {
		name  string
		file  string
		write func(path string)
		code  string // "" imports
		want  []string
	}{
		{"shared strings that inflate to 1 GB", "bomb-sst.xlsx", bigSST(xlsxtest.Big{Name: "xl/sharedStrings.xml",
			Head: `<sst xmlns="` + xlsxtest.NSMain + `"><si><t>`, Chunk: bytes.Repeat([]byte("A"), 1<<20), Repeat: 1024, Tail: `</t></si></sst>`}, ""),
			importer.ErrCodeUnreadable, []string{"压缩炸弹", "xl/sharedStrings.xml"}},
		{"a sheet that inflates to 1 GB", "bomb-sheet.xlsx", bigSheet(xlsxtest.Big{Name: "xl/worksheets/sheet1.xml",
			Head: head, Chunk: bytes.Repeat([]byte(`<row><c><v>1</v></c></row>`), 40330), Repeat: 1000, Tail: tail}),
			importer.ErrCodeUnreadable, []string{"压缩炸弹", "sheet1.xml"}},
		{"a 300 MB 买家留言 in the sheet", "cell-inline.xlsx", bigSheet(xlsxtest.Big{Name: "xl/worksheets/sheet1.xml",
			Head: head + msgCellOpen, Chunk: noisy, Repeat: 300, Tail: msgCellClose + tail}),
			importer.ErrCodeBadValue, []string{"第 2 行“买家留言”列（I 列）", "32767"}},
		{"a 300 MB 买家留言 in the shared strings", "cell-shared.xlsx", bigSST(xlsxtest.Big{Name: "xl/sharedStrings.xml",
			Head: `<sst xmlns="` + xlsxtest.NSMain + `"><si><t>`, Chunk: noisy, Repeat: 300, Tail: `</t></si></sst>`},
			sstBefore+"0"+sstAfter),
			importer.ErrCodeBadValue, []string{"第 2 行“买家留言”列（I 列）", "32767"}},
		{"300 MB of shared strings, used at the end", "sst-300mb.xlsx", bigSST(xlsxtest.Big{Name: "xl/sharedStrings.xml",
			Head: `<sst xmlns="` + xlsxtest.NSMain + `">`, Chunk: items.Bytes(), Repeat: 300, Tail: `<si><t>请周末送货</t></si></sst>`},
			sstBefore+strconv.Itoa(300*bytes.Count(items.Bytes(), []byte("<si>")))+sstAfter),
			"", nil},
		{"twenty thousand parts", "parts.xlsx", func(path string) {
			parts := sheetOnly(inlineRow(2, benchRow(1)))
			for i := range 20000 {
				parts = append(parts, xlsxtest.Part{Name: fmt.Sprintf("xl/media/image%d.png", i), Body: "x"})
			}
			xlsxtest.WriteBomb(t, path, parts, nil)
		}, importer.ErrCodeUnreadable, []string{"个部件"}},
		{"a CSV of one 300 MB line", "one-line.csv", func(path string) {
			writeRepeated(t, path, "", noisy, 300, "")
		}, importer.ErrCodeBadValue, []string{"第 1 行 A 列", "32767"}},
		{"a CSV whose 买家留言 opens a quote that never closes", "open-quote.csv", func(path string) {
			row := benchRow(1)
			row[buyerMessage()] = `"` // the rest of the file falls into this cell
			writeRepeated(t, path, strings.Join(benchHeader, ",")+"\n"+strings.Join(row, ","), noisy, 300, "\n")
		}, importer.ErrCodeBadValue, []string{"第 2 行“买家留言”列（I 列）", "32767", "引号没有闭合"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			tt.write(path)
			st, _ := os.Stat(path)
			r, peak := importInChild(t, path)
			os.Remove(path)
			t.Logf("%s: file %.1f MB, peak RSS %.0f MB: %s %.200s", tt.name, float64(st.Size())/(1<<20), float64(peak)/(1<<20), r.ErrorCode, r.Error)
			if peak > maxPeakRSS {
				t.Errorf("peak RSS %.0f MB, at most %d MB", float64(peak)/(1<<20), maxPeakRSS>>20)
			}
			if r.ErrorCode != tt.code {
				t.Fatalf("code %q, want %q: %s", r.ErrorCode, tt.code, r.Error)
			}
			if tt.code == "" {
				// the text read back from the shared strings' temporary file
				d, err := db.Open(context.Background(), path+".db")
				if err != nil {
					t.Fatal(err)
				}
				defer d.Close()
				var msg string
				if err := d.SQL.QueryRow(`SELECT buyer_message FROM orders`).Scan(&msg); err != nil || r.New != 1 || msg != "请周末送货" {
					t.Fatalf("imported %+v: 买家留言 %q, %v", r, msg, err)
				}
			}
			for _, w := range append([]string{"文件“" + tt.file + "”"}, tt.want...) {
				if tt.code != "" && !strings.Contains(r.Error, w) {
					t.Errorf("message %q lacks %q", r.Error, w)
				}
			}
		})
	}
}

// writeRepeated writes head, chunk n times, and tail to path.
func writeRepeated(t *testing.T, path, head string, chunk []byte, n int, tail string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString(head)
	for range n {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	f.WriteString(tail)
}
