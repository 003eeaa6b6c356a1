package importer

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"shopdesk/internal/exportfile"
)

// Fuzz targets for the decoders and the value normalisers. The seeds below are also
// committed under testdata/fuzz/<FuzzName>/ (so plain `go test` runs them); rewrite them
// after changing a seed list with
//
//	SHOPDESK_UPDATE_FUZZ_CORPUS=1 go test -run TestWriteFuzzCorpus ./internal/importer/
//
// and fuzz one target with
//
//	go test -run '^$' -fuzz FuzzCSVReader -fuzztime 60s ./internal/importer/
//
// (the xlsx reader's fuzz targets are in package xlsx).

func csvSeeds() [][]any {
	return [][]any{
		{[]byte("订单编号,买家会员名,订单状态,订单创建时间\r\n=\"2165437890123456789\",=\"tb_小鱼儿\",=\"交易成功\",=\"2026-11-21 10:00:00\"\r\n"), false},
		{[]byte("\ufeff订单编号,收货地址\n\"123\",\"浙江省 杭州市,文三路\n1201室\"\n"), false},
		{[]byte("子订单编号\t主订单编号\t订单状态\n4001\t4000\t交易成功\n"), true},
		{[]byte("a,b,c\n1,2,3\n,,\n\nx,\"y\"\"z\",'007\n"), false},
		{[]byte("\"unclosed,quote\n"), false},
		{[]byte("=\"a\"junk,=b,\"c\"d\r"), false},
		{[]byte("a,b,"), false},
		{[]byte(""), false},
	}
}

func fenSeeds() [][]any {
	return [][]any{
		{"¥1,234.56", int64(123456)}, {"-3.10", int64(-310)}, {"12.345", int64(0)}, {"99元", int64(99999999999999999)},
		{".5", int64(-99999999999999999)}, {"1e5", int64(1)}, {"", int64(0)}, {"+0.01", int64(5)},
	}
}

func timeSeeds() [][]any {
	return [][]any{
		{"2020/2/21 0:00"}, {"2020-02-21 00:00:00"}, {"45612.375"}, {"2026年11月22日 09:30"}, {"2165437890123456789"},
		{"2020-13-01"}, {"0"}, {"73050.99999999"}, {"2006-01-02T15:04:05"},
	}
}

func cellSeeds() [][]any {
	return [][]any{
		{`="2165437890123456789"`}, {"'007"}, {"\t123"}, {" null "}, {"商品总价（元）\u200b"}, {"\ufeff订单编号"},
		{`=""`}, {`="`}, {"=123"}, {"2.16544E+18"}, {"是"}, {"1,200"},
	}
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

// FuzzCSVReader: arbitrary bytes never panic or loop; a file of simple cells (no quotes,
// no CR) reads back as its lines split on the delimiter; whatever was read, written again
// fully quoted, reads back the same.
func FuzzCSVReader(f *testing.F) {
	addSeeds(f, csvSeeds())
	f.Fuzz(func(t *testing.T, data []byte, tab bool) {
		defer watchdog(10*time.Second, data)()
		delim := byte(',')
		if tab {
			delim = '\t'
		}
		recs, err := readCSVAll(data, delim)
		if err != nil {
			return
		}
		if !bytes.ContainsAny(data, "\"\r") {
			var want [][]string
			if len(data) > 0 {
				for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
					want = append(want, strings.Split(line, string(delim)))
				}
			}
			if !slices.EqualFunc(recs, want, slices.Equal) {
				t.Fatalf("simple cells %q read as %q, want %q", data, recs, want)
			}
		}
		var enc bytes.Buffer
		for i, r := range recs {
			if i > 0 {
				enc.WriteByte('\n')
			}
			for j, c := range r {
				if j > 0 {
					enc.WriteByte(delim)
				}
				enc.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
			}
		}
		again, err := readCSVAll(enc.Bytes(), delim)
		if err != nil || !slices.EqualFunc(again, recs, slices.Equal) {
			t.Fatalf("records %q written as %q read back as %q, %v", recs, enc.Bytes(), again, err)
		}
	})
}

func readCSVAll(data []byte, delim byte) ([][]string, error) {
	r := newCSVReader(bytes.NewReader(data), delim)
	var recs [][]string
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return recs, nil
		}
		if err != nil {
			return nil, err
		}
		recs = append(recs, slices.Clone(rec))
		if len(recs) > len(data)+1 {
			panic(fmt.Sprintf("%d records from %d bytes: the reader does not advance", len(recs), len(data)))
		}
		if r.Row() != len(recs) {
			panic(fmt.Sprintf("Row() = %d after %d records", r.Row(), len(recs)))
		}
	}
}

// FuzzParseFen: no panic; an amount formatted from fen, in every way exports write it,
// reads back as that fen.
func FuzzParseFen(f *testing.F) {
	addSeeds(f, fenSeeds())
	f.Fuzz(func(t *testing.T, s string, fen int64) {
		parseFen(s)
		if fen <= -1e17 || fen >= 1e17 {
			return
		}
		y := exportfile.Yuan(fen)
		forms := []string{y, "¥" + y, "￥" + y, y + "元", " " + y + " ", withThousands(y), y + "0", y + "4"}
		if fen >= 0 {
			forms = append(forms, "+"+y)
		}
		if fen%100 == 0 {
			forms = append(forms, strings.TrimSuffix(y, ".00"))
		}
		for _, txt := range forms {
			if got, err := parseFen(txt); err != nil || got != fen {
				t.Fatalf("parseFen(%q) = %d, %v; want %d", txt, got, err, fen)
			}
		}
	})
}

func withThousands(y string) string {
	sign := ""
	if strings.HasPrefix(y, "-") {
		sign, y = "-", y[1:]
	}
	whole, frac, _ := strings.Cut(y, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String() + "." + frac
}

var timeShape = regexp.MustCompile(`^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$`)

// FuzzParseTime: no panic; a time read is "YYYY-MM-DD HH:MM:SS" (or "") and reads as itself.
func FuzzParseTime(f *testing.F) {
	addSeeds(f, timeSeeds())
	f.Fuzz(func(t *testing.T, s string) {
		out, err := parseTime(s)
		if err != nil {
			if out != "" {
				t.Fatalf("parseTime(%q) = %q with error %v", s, out, err)
			}
			return
		}
		if out == "" {
			return
		}
		if !timeShape.MatchString(out) {
			t.Fatalf("parseTime(%q) = %q: not YYYY-MM-DD HH:MM:SS", s, out)
		}
		if again, err := parseTime(out); err != nil || again != out {
			t.Fatalf("parseTime(%q) = %q, %v; want itself", out, again, err)
		}
	})
}

// FuzzCleanCell: cleanCell, normalizeHeader and the other cell readers never panic;
// cleaning only removes, trims and keeps UTF-8 valid.
func FuzzCleanCell(f *testing.F) {
	addSeeds(f, cellSeeds())
	f.Fuzz(func(t *testing.T, s string) {
		c := cleanCell(s)
		if len(c) > len(s) || c != strings.TrimSpace(c) {
			t.Fatalf("cleanCell(%q) = %q", s, c)
		}
		if utf8.ValidString(s) && !utf8.ValidString(c) {
			t.Fatalf("cleanCell(%q) = %q: invalid UTF-8", s, c)
		}
		h := normalizeHeader(s)
		if strings.ContainsAny(h, "\u200b\u200c\u200d\u2060\ufeff（）") || h != strings.TrimSpace(h) {
			t.Fatalf("normalizeHeader(%q) = %q", s, h)
		}
		parseID(c)
		parseBool(c)
		parseInt(c)
		statusCode("taobao", c)
	})
}

// TestWriteFuzzCorpus writes the seeds above as the committed corpus (see the top).
func TestWriteFuzzCorpus(t *testing.T) {
	if os.Getenv("SHOPDESK_UPDATE_FUZZ_CORPUS") == "" {
		t.Skip("set SHOPDESK_UPDATE_FUZZ_CORPUS=1 to rewrite testdata/fuzz")
	}
	targets := map[string][][]any{
		"FuzzCSVReader": csvSeeds(),
		"FuzzParseFen":  fenSeeds(), "FuzzParseTime": timeSeeds(), "FuzzCleanCell": cellSeeds(),
	}
	for name, seeds := range targets {
		dir := filepath.Join("testdata", "fuzz", name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i, seed := range seeds {
			var b strings.Builder
			b.WriteString("go test fuzz v1\n")
			for _, v := range seed {
				switch v := v.(type) {
				case []byte:
					fmt.Fprintf(&b, "[]byte(%q)\n", v)
				case string:
					fmt.Fprintf(&b, "string(%q)\n", v)
				case int64:
					fmt.Fprintf(&b, "int64(%d)\n", v)
				case bool:
					fmt.Fprintf(&b, "bool(%v)\n", v)
				default:
					t.Fatalf("seed type %T", v)
				}
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed%02d", i)), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
