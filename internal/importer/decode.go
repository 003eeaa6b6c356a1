package importer

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
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
	sha256   string
	size     int64
	kind     string // "csv", "xlsx"
	encoding string // "utf-8", "utf-16" (with BOM), "utf-16le", "utf-16be" (without), "gb18030" (csv only)
	// badBytes: the text holds bytes its encoding cannot read (a UTF-8 export that another
	// program wrote a few Latin-1 or GBK bytes into). The decoder turns them into U+FFFD;
	// the rows check their cells for it, so that the seller hears which row and column
	// instead of getting changed text.
	badBytes bool
	// cut: a GBK/GB18030 file that ends inside a character (see endsInsideGB18030).
	cut bool
}

// utf8Stats counts, over the first utf8SampleBytes of a file, the multi-byte characters
// that are valid UTF-8 and the bytes that are not: a GBK file is mostly "not", a UTF-8
// file with a stray byte mostly "valid".
type utf8Stats struct {
	multibyte, invalid int
	seen               int
}

const utf8SampleBytes = 4 << 20

func (u *utf8Stats) add(b []byte) {
	for len(b) > 0 && u.seen < utf8SampleBytes {
		c := b[0]
		if c < utf8.RuneSelf {
			b, u.seen = b[1:], u.seen+1
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			if !utf8.FullRune(b) {
				return // cut at the chunk end: the sample is big enough without it
			}
			u.invalid++
		} else {
			u.multibyte++
		}
		b, u.seen = b[size:], u.seen+size
	}
}

// looksUTF8 says the sample is UTF-8 text despite some invalid bytes.
func (u *utf8Stats) looksUTF8() bool { return u.multibyte >= 20 && u.invalid*50 <= u.multibyte }

var (
	errEmptyFile = errors.New("文件是空的（0 字节）")
	errOldExcel  = errors.New("这是旧版 Excel（.xls）或 Word 等 Office 文件，不是 CSV/XLSX：请在 Excel 里“另存为” .xlsx 后再导入")
	errBinary    = errors.New("不是 CSV 或 XLSX 文件（内容是二进制数据）")
	errPDF       = errors.New("这是 PDF 文件，不是 CSV 或 XLSX 表格：请在卖家后台选择“导出”表格文件")
)

// checkInput says in Chinese why path cannot be read as a file: missing, a folder, not
// a regular file, not permitted. The system's own message is English ("open …: no such
// file or directory") and names the whole path.
func checkInput(path string) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("找不到这个文件：它可能已被移动、改名或删除（U 盘、网盘里的文件要先同步或插好）")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("没有权限读取这个文件：请检查文件的权限，或先把它复制到桌面再导入")
	case err != nil:
		return fmt.Errorf("无法读取这个文件（系统提示：%v）", err)
	case st.IsDir():
		return errors.New("这是一个文件夹，不是文件：请打开文件夹，选择里面从卖家后台导出的 CSV 或 XLSX 文件")
	case !st.Mode().IsRegular():
		return errors.New("这不是一个普通文件（可能是设备或管道）：请选择从卖家后台导出的 CSV 或 XLSX 文件")
	}
	return nil
}

// openInput opens path for reading, with checkInput's messages.
func openInput(path string) (*os.File, error) {
	if err := checkInput(path); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrPermission):
		// Windows: also a file another program holds open without sharing
		return nil, errors.New("无法打开这个文件：没有权限，或它正被其他程序（例如 Excel、WPS）独占打开：请先关闭那个程序再导入")
	case err != nil:
		return nil, fmt.Errorf("无法打开这个文件（系统提示：%v）", err)
	}
	return f, nil
}

func inspect(path string) (fileFacts, error) {
	f, err := openInput(path)
	if err != nil {
		return fileFacts{}, err
	}
	defer f.Close()
	h := sha256.New()
	head := make([]byte, 0, 4096)
	var carry []byte
	valid := true
	var stats utf8Stats
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
			stats.add(chunk)
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
	facts := fileFacts{sha256: hex.EncodeToString(h.Sum(nil)), size: size}
	switch {
	case size == 0:
		return facts, errEmptyFile
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		facts.kind = "xlsx"
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return facts, errOldExcel
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return facts, errPDF
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		facts.kind, facts.encoding = "csv", "utf-16"
	case utf16NoBOM(head) != "":
		facts.kind, facts.encoding = "csv", utf16NoBOM(head)
	case bytes.IndexByte(head, 0) >= 0:
		return facts, errBinary
	case valid:
		facts.kind, facts.encoding = "csv", "utf-8"
	case stats.looksUTF8():
		facts.kind, facts.encoding, facts.badBytes = "csv", "utf-8", true
	default:
		// GB18030 is a superset of GBK and GB2312, which is what the back offices write.
		facts.kind, facts.encoding, facts.badBytes = "csv", "gb18030", true
		if facts.cut, err = endsInsideGB18030(f, size); err != nil {
			return facts, err
		}
	}
	return facts, nil
}

// utf16NoBOM recognises UTF-16 text written without a byte-order mark by the zero bytes
// of its ASCII characters (delimiters, digits, line ends): in little-endian they are the
// odd bytes, in big-endian the even ones. "" when head does not look like UTF-16.
func utf16NoBOM(head []byte) string {
	if len(head) < 16 {
		return ""
	}
	var even, odd int
	n := len(head) &^ 1
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*4 >= pairs && even*20 <= pairs:
		return "utf-16le"
	case even*4 >= pairs && odd*20 <= pairs:
		return "utf-16be"
	}
	return ""
}

// endsInsideGB18030 reports whether a GBK/GB18030 file ends in the middle of a character
// (a download or copy cut short): the decoder would quietly turn the last half character
// into U+FFFD. It reads from the last line break, which is never part of a multi-byte
// character, to the end.
func endsInsideGB18030(f *os.File, size int64) (bool, error) {
	from := max(0, size-64<<10)
	tail := make([]byte, size-from)
	if _, err := f.ReadAt(tail, from); err != nil && err != io.EOF {
		return false, err
	}
	if i := bytes.LastIndexByte(tail, '\n'); i >= 0 {
		tail = tail[i+1:]
	} else if from > 0 {
		return false, nil // a last line of over 64 KB: no safe place to start from
	}
	for i := 0; i < len(tail); {
		b := tail[i]
		switch {
		case b < 0x81 || b == 0xFF:
			i++
		case i+1 >= len(tail):
			return true, nil
		case tail[i+1] >= 0x30 && tail[i+1] <= 0x39: // four-byte GB18030
			if i+3 >= len(tail) {
				return true, nil
			}
			i += 4
		default:
			i += 2
		}
	}
	return false, nil
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
	plain := false // valid UTF-8
	switch facts.encoding {
	case "utf-16":
		enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case "utf-16le":
		enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case "utf-16be":
		enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case "gb18030":
		enc = simplifiedchinese.GB18030
	default:
		enc = unicode.UTF8BOM // strips a UTF-8 BOM if present
		plain = !facts.badBytes
	}
	var src io.Reader = transform.NewReader(counter, enc.NewDecoder())
	if plain {
		// Valid UTF-8 throughout (the facts pass checked every byte): the decoder would
		// only copy it. Only a BOM is dropped.
		src = skipBOM(counter)
	}
	br := bufio.NewReaderSize(src, 256<<10)
	peek, _ := br.Peek(64 << 10)
	return newCSVReader(br, guessDelimiter(peek)), counter, f, nil
}

// skipBOM reads r without the UTF-8 byte order mark it may start with.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(3); bytes.Equal(head, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	return br
}

// cutTable is the table of a file whose last row is known to be cut off in the middle of
// a character (fileFacts.cut). It reads one row ahead, and instead of the last row, which
// the decoder would hand over with its last character quietly replaced, returns the
// error that says the file is incomplete, with that row's number.
type cutTable struct {
	t       table
	primed  bool
	next    []string
	nextErr error
	row     int
	cur     []string
}

func (c *cutTable) Next() ([]string, error) {
	if !c.primed {
		c.next, c.nextErr = c.t.Next()
		c.primed = true
	}
	if c.nextErr != nil {
		return nil, c.nextErr
	}
	// The reader reuses its slice: keep this row before reading the one after it.
	c.cur = append(c.cur[:0], c.next...)
	c.row = c.t.Row()
	c.next, c.nextErr = c.t.Next()
	if c.nextErr == io.EOF {
		c.nextErr = fmt.Errorf("第 %d 行：文件不完整，最后一行在一个汉字的中间断开了（下载或复制没有完成？）：请重新导出或重新下载", c.row)
		return nil, c.nextErr
	}
	return c.cur, nil
}

func (c *cutTable) Row() int { return c.row }

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
	case "utf-16", "utf-16le", "utf-16be":
		return "UTF-16"
	}
	return "UTF-8"
}

func fileError(name string, err error) error {
	return fmt.Errorf("文件“%s”：%w", name, err)
}
