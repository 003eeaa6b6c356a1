package importer

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// table is a source of rows: a CSV file or one sheet of an xlsx.
type table interface {
	Next() ([]string, error) // io.EOF after the last row
	Row() int                // 1-based row (line) number of the last row returned
}

// fileFacts is what one pass over the raw bytes tells: the hash for "imported before?",
// the size for progress, and whether the text is valid UTF-8 throughout (so a GBK file
// whose first kilobytes happen to be ASCII is still read as GBK).
type fileFacts struct {
	sha256    string
	size      int64
	kind      string // "csv", "xlsx"
	encoding  string // "utf-8", "utf-16", "gb18030" (csv only)
	validUTF8 bool
}

var (
	errEmptyFile = errors.New("文件是空的（0 字节）")
	errOldExcel  = errors.New("这是旧版 Excel（.xls）或 Word 等 Office 文件，不是 CSV/XLSX：请在 Excel 里“另存为” .xlsx 后再导入")
	errBinary    = errors.New("不是 CSV 或 XLSX 文件（内容是二进制数据）")
)

func inspect(path string) (fileFacts, error) {
	f, err := os.Open(path)
	if err != nil {
		return fileFacts{}, err
	}
	defer f.Close()
	h := sha256.New()
	head := make([]byte, 0, 4096)
	var carry []byte
	valid := true
	buf := make([]byte, 256<<10)
	var size int64
	for {
		n, err := f.Read(buf)
		if n > 0 {
			chunk := buf[:n]
			h.Write(chunk)
			size += int64(n)
			if len(head) < cap(head) {
				head = append(head, chunk[:min(n, cap(head)-len(head))]...)
			}
			if valid {
				carry, valid = checkUTF8(carry, chunk)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fileFacts{}, err
		}
	}
	if len(carry) > 0 {
		valid = false // file ends inside a multi-byte character
	}
	facts := fileFacts{sha256: hex.EncodeToString(h.Sum(nil)), size: size, validUTF8: valid}
	switch {
	case size == 0:
		return facts, errEmptyFile
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		facts.kind = "xlsx"
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return facts, errOldExcel
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		facts.kind, facts.encoding = "csv", "utf-16"
	case bytes.IndexByte(head, 0) >= 0:
		return facts, errBinary
	case valid:
		facts.kind, facts.encoding = "csv", "utf-8"
	default:
		// GB18030 is a superset of GBK and GB2312, which is what the back offices write.
		facts.kind, facts.encoding = "csv", "gb18030"
	}
	return facts, nil
}

// checkUTF8 validates chunk with the incomplete tail of the previous chunk prepended.
func checkUTF8(carry, chunk []byte) ([]byte, bool) {
	data := chunk
	if len(carry) > 0 {
		data = append(append([]byte{}, carry...), chunk...)
	}
	// Keep back an incomplete rune at the end (at most 3 bytes) for the next chunk.
	cut := len(data)
	for i := len(data) - 1; i >= 0 && i >= len(data)-3; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				cut = i
			}
			break
		}
	}
	if !utf8.Valid(data[:cut]) {
		return nil, false
	}
	return append([]byte{}, data[cut:]...), true
}

// countingReader counts bytes read, for progress; read from another goroutine atomically.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// openCSV opens a CSV file decoded to UTF-8 (BOM dropped) with the delimiter guessed
// from the first lines.
func openCSV(path string, facts fileFacts) (*csvReader, *countingReader, io.Closer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, nil, err
	}
	counter := &countingReader{r: f}
	var enc encoding.Encoding
	switch facts.encoding {
	case "utf-16":
		enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case "gb18030":
		enc = simplifiedchinese.GB18030
	default:
		enc = unicode.UTF8BOM // strips a UTF-8 BOM if present
	}
	br := bufio.NewReaderSize(transform.NewReader(counter, enc.NewDecoder()), 256<<10)
	peek, _ := br.Peek(64 << 10)
	return newCSVReader(br, guessDelimiter(peek)), counter, f, nil
}

// guessDelimiter picks tab when the first lines hold more tabs than commas.
func guessDelimiter(head []byte) byte {
	lines := bytes.SplitN(head, []byte("\n"), 16)
	commas, tabs := 0, 0
	for _, l := range lines {
		commas += bytes.Count(l, []byte(","))
		tabs += bytes.Count(l, []byte("\t"))
	}
	if tabs > commas {
		return '\t'
	}
	return ','
}

func describeEncoding(enc string) string {
	switch enc {
	case "gb18030":
		return "GBK/GB18030"
	case "utf-16":
		return "UTF-16"
	}
	return "UTF-8"
}

func fileError(name string, err error) error {
	return fmt.Errorf("文件“%s”：%w", name, err)
}
