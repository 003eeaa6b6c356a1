package xlsxtest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Big is a zip entry that inflates to Head + Chunk×Repeat + Tail. It is written without
// compressing the whole: Chunk is deflated once, by a fresh compressor ending in a sync
// flush (byte-aligned, no reference outside itself), and those bytes are written Repeat
// times: a valid deflate stream of a few MB that inflates to gigabytes, as a zip bomb is.
type Big struct {
	Name       string
	Head, Tail string
	Chunk      []byte
	Repeat     int
}

// Inflated is the size the entry inflates to.
func (b Big) Inflated() uint64 {
	return uint64(len(b.Head)) + uint64(len(b.Chunk))*uint64(b.Repeat) + uint64(len(b.Tail))
}

func deflated(t testing.TB, data []byte, final bool) []byte {
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	if final {
		err = w.Close()
	} else {
		err = w.Flush()
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// WriteBomb writes small parts (deflated as usual) and big ones to path, and returns the
// file's size.
func WriteBomb(t testing.TB, path string, small []Part, big []Big) int64 {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	for _, p := range small {
		w, err := zw.Create(p.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.Body))
	}
	for _, b := range big {
		head, chunk, tail := deflated(t, []byte(b.Head), false), deflated(t, b.Chunk, false), deflated(t, []byte(b.Tail), true)
		crc := crc32.ChecksumIEEE([]byte(b.Head))
		for range b.Repeat {
			crc = crc32.Update(crc, crc32.IEEETable, b.Chunk)
		}
		crc = crc32.Update(crc, crc32.IEEETable, []byte(b.Tail))
		w, err := zw.CreateRaw(&zip.FileHeader{Name: b.Name, Method: zip.Deflate, CRC32: crc,
			CompressedSize64:   uint64(len(head)) + uint64(len(chunk))*uint64(b.Repeat) + uint64(len(tail)),
			UncompressedSize64: b.Inflated()})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(head)
		for range b.Repeat {
			w.Write(chunk)
		}
		w.Write(tail)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	return st.Size()
}

// Without returns parts without the one named name (to replace it with a Big).
func Without(parts []Part, name string) []Part {
	var out []Part
	for _, p := range parts {
		if p.Name != name {
			out = append(out, p)
		}
	}
	return out
}

// Noisy is about n bytes of text that deflate compresses about 100 times (a run of one
// character, then a number): under the reader's ratio limit, unlike a plain run.
func Noisy(n int) []byte {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(strings.Repeat("垃", 260))
		b.WriteString(strconv.Itoa(i * 7919 % 1000003))
	}
	return []byte(b.String())
}
