package importer

import (
	"bufio"
	"bytes"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// isCanonicalTime is a shortcut of parseTime's first layout: it must accept only what
// time.Parse accepts and give the same text back.
func TestCanonicalTimeMatchesTimeParse(t *testing.T) {
	cases := []string{"2025-01-01 00:00:00", "2024-02-29 23:59:59", "2025-02-29 10:00:00", "2025-04-31 10:00:00",
		"2025-13-01 10:00:00", "2025-00-10 10:00:00", "2025-01-00 10:00:00", "2025-01-01 24:00:00",
		"2025-01-01 23:60:00", "2025-01-01 23:59:60", "0000-01-01 00:00:00", "9999-12-31 23:59:59",
		"2025-1-01 00:00:000", "2025/01/01 00:00:00", "2025-01-01T00:00:00", "20a5-01-01 00:00:00",
		"1900-02-29 00:00:00", "2000-02-29 00:00:00", "2025-01-01 -1:00:00"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := []byte("2025-01-01 00:00:00")
		for k := range 3 {
			_ = k
			i := r.IntN(len(b))
			b[i] = "0123456789-: 9"[r.IntN(14)]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		tm, err := time.Parse("2006-01-02 15:04:05", s)
		want := err == nil && tm.Format("2006-01-02 15:04:05") == s
		if got := isCanonicalTime(s); got != want {
			t.Fatalf("isCanonicalTime(%q) = %v, time.Parse says %v (%v)", s, got, want, err)
		}
	}
}

// refCSVReader is the byte-at-a-time reader the buffered one replaced, kept to check that
// both split every input the same way.
type refCSVReader struct {
	r       *strings.Reader
	delim   byte
	records int
}

func (c *refCSVReader) Next() ([]string, error) {
	var record []string
	b, err := c.r.ReadByte()
	if err == io.EOF {
		return nil, io.EOF
	}
	c.records++
	for {
		var field []byte
		quoted := false
		if b == '"' {
			quoted = true
		} else if b == '=' {
			if nb, err := c.r.ReadByte(); err == nil {
				if nb == '"' {
					quoted = true
				} else {
					c.r.UnreadByte()
				}
			}
		}
		if quoted {
			for {
				b, err := c.r.ReadByte()
				if err == io.EOF {
					return nil, errUnclosedQuote
				}
				if b == '"' {
					nb, err := c.r.ReadByte()
					if err == nil && nb == '"' {
						field = append(field, '"')
						continue
					}
					if err == nil {
						c.r.UnreadByte()
					}
					break
				}
				field = append(field, b)
			}
			b, err = c.r.ReadByte()
		}
		for err == nil && b != c.delim && b != '\n' && b != '\r' {
			if !quoted || b != '"' {
				field = append(field, b)
			}
			b, err = c.r.ReadByte()
		}
		record = append(record, string(field))
		if err == io.EOF {
			return record, nil
		}
		switch b {
		case c.delim:
			b, err = c.r.ReadByte()
			if err == io.EOF {
				return append(record, ""), nil
			}
			continue
		case '\r':
			if nb, err := c.r.ReadByte(); err == nil && nb != '\n' {
				c.r.UnreadByte()
			}
		}
		return record, nil
	}
}

func TestCSVReaderMatchesByteReader(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "订", ",", "\"", "=", "\n", "\r", "\r\n", "\t", " ", "=\"", "\"\"", "1"}
	for n := range 20000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		in := b.String()
		delim := byte(',')
		if n%5 == 0 {
			delim = '\t'
		}
		// A tiny buffer makes every run cross buffer ends (and most lines are read the
		// general way); the default one reads whole lines from its buffer (fastLine) where
		// it can, and the general way with noFast.
		tiny := newCSVReader(bytes.NewReader([]byte(in)), delim)
		tiny.r = bufio.NewReaderSize(bytes.NewReader([]byte(in)), 16)
		slow := newCSVReader(bytes.NewReader([]byte(in)), delim)
		slow.noFast = true
		for _, got := range []*csvReader{tiny, newCSVReader(bytes.NewReader([]byte(in)), delim), slow} {
			ref := &refCSVReader{r: strings.NewReader(in), delim: delim}
			for rec := 0; ; rec++ {
				want, werr := ref.Next()
				have, herr := got.Next()
				if (werr == nil) != (herr == nil) || strings.Join(want, "\x00") != strings.Join(have, "\x00") {
					t.Fatalf("input %q record %d: got %q, %v; want %q, %v", in, rec, have, herr, want, werr)
				}
				if werr != nil {
					break
				}
				if got.Row() != ref.records {
					t.Fatalf("input %q: row %d, want %d", in, got.Row(), ref.records)
				}
			}
		}
	}
}

// fingerprint must cover every value an import writes to an order: a field left out would
// let a re-import call a changed row unchanged. Changing any one field changes the hash.
func TestFingerprintCoversEveryField(t *testing.T) {
	p := &rowParser{layout: &boundLayout{Layout: &Layout{ID: "taobao_orders_csv"}}}
	var base orderValues
	want := p.fingerprint(&base)
	rv := reflect.ValueOf(&base).Elem()
	for i := range rv.NumField() {
		name := rv.Type().Field(i).Name
		if name == "ID" || name == "ImportFp" {
			continue
		}
		v := base
		f := reflect.ValueOf(&v).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Int64:
			f.SetInt(1)
		default:
			t.Fatalf("field %s: kind %s not handled", name, f.Kind())
		}
		if p.fingerprint(&v) == want {
			t.Errorf("changing %s does not change the fingerprint", name)
		}
	}
	other := &rowParser{layout: &boundLayout{Layout: &Layout{ID: "taobao_qianniu_orders"}}}
	if other.fingerprint(&base) == want {
		t.Error("the layout does not change the fingerprint")
	}
}
