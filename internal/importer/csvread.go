package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"shopdesk/internal/importer/xlsx"
)

// csvReader reads the CSV dialect of Chinese seller back offices. Go's encoding/csv is not
// used because these files write cells as ="…" (so Excel keeps 19-digit order numbers as
// text) and such a cell may hold the delimiter or a line break (addresses do), which
// encoding/csv splits even with LazyQuotes. Here ="…" is a quoted cell like "…".
type csvReader struct {
	r       *bufio.Reader
	delim   byte
	records int // records returned so far: the row number a spreadsheet shows
	record  []string
	// line holds the cells of the record being read, one after the other: the cell being
	// read starts at start, the ones before end at ends. The record's cells are cut from
	// one string of line (one allocation per row, not one per cell: a 48-column report
	// has mostly short cells).
	line  []byte
	start int
	ends  []int
	// noFast turns fastLine off (tests compare the two ways of reading).
	noFast bool
}

// field is the cell being read.
func (c *csvReader) field() []byte { return c.line[c.start:] }

// endRecord returns the record read into line.
func (c *csvReader) endRecord() []string {
	s := string(c.line)
	prev := 0
	for _, e := range c.ends {
		c.record = append(c.record, s[prev:e])
		prev = e
	}
	return c.record
}

// Memory is bounded by the row, not the file (issue 15 §2): a line of a gigabyte (a file
// without line ends, a quote never closed) is refused once one cell passes Excel's limit
// (xlsx.MaxCellChars: these files are opened in Excel, and no back office writes a longer
// cell), one row xlsx.MaxRowBytes or xlsx.MaxCols cells; nothing longer is ever held.

// cellTooLongError is a cell longer than xlsx.MaxCellChars.
type cellTooLongError struct {
	row, col, chars int
	quoted          bool // inside quotes: most likely a quote never closed
}

func (e *cellTooLongError) Error() string {
	msg := fmt.Sprintf("第 %d 行第 %d 列（%s 列）的内容%s：%s", e.row, e.col, xlsx.ColumnName(e.col), xlsx.TooLongText(e.chars), xlsx.TooLongAdvice)
	if e.quoted {
		msg += quoteHint
	}
	return msg
}

const quoteHint = "。常见原因：这一格开头的引号没有闭合，后面的内容都被当成了这一格"

// TooLongCell tells the runner which cell it was (it names the column by its header).
func (e *cellTooLongError) TooLongCell() (row, col, chars int) { return e.row, e.col, e.chars }

// tooLongCell is a cell too long to import, from either reader (CSV or xlsx).
type tooLongCell interface {
	TooLongCell() (row, col, chars int)
}

// maxCellBytes: MaxCellChars characters take at most 4 bytes each in UTF-8.
const maxCellBytes = 4 * xlsx.MaxCellChars

func newCSVReader(r io.Reader, delim byte) *csvReader {
	return &csvReader{r: bufio.NewReaderSize(r, 256<<10), delim: delim}
}

// Row is the 1-based number of the last record returned by Next, counting preamble,
// header and blank lines: the row number the seller sees when opening the file in
// Excel or WPS (a cell with a line break does not add a row there either).
func (c *csvReader) Row() int { return c.records }

var errUnclosedQuote = errors.New("引号没有闭合（文件可能不完整）")

// Next returns the next record, reusing its slice between calls; io.EOF at the end.
//
// It scans the reader's buffer a run of bytes at a time rather than calling ReadByte per
// byte: reading the file is half of an import's work, and this is its inner loop.
func (c *csvReader) Next() ([]string, error) {
	if _, err := c.r.Peek(1); err != nil {
		return nil, err // io.EOF after the last record
	}
	if rec, ok := c.fastLine(); ok {
		return rec, nil
	}
	c.record = c.record[:0]
	c.line, c.ends = c.line[:0], c.ends[:0]
	c.records++
	for {
		if len(c.ends) >= xlsx.MaxCols {
			return nil, fmt.Errorf("第 %d 行有超过 %d 列：超过了 Excel 的最大列数（文件可能不是用逗号或制表符分隔的表格，或已损坏）", c.records, xlsx.MaxCols)
		}
		c.start = len(c.line)
		quoted := false
		if head, _ := c.r.Peek(2); head[0] == '"' {
			c.r.Discard(1)
			quoted = true
		} else if head[0] == '=' && len(head) > 1 && head[1] == '"' {
			c.r.Discard(2)
			quoted = true
		}
		if quoted {
			if err := c.readQuoted(); err != nil {
				if errors.Is(err, errCellTooLong) {
					return nil, c.tooLong(true)
				}
				return nil, fmt.Errorf("第 %d 行：%w", c.records, err)
			}
		}
		// Bare part of the cell (all of it when unquoted; stray text after a closing quote
		// is kept rather than dropped).
		stop, err := c.readBare(quoted)
		if errors.Is(err, errCellTooLong) || tooLongText(c.field()) {
			return nil, c.tooLong(quoted)
		}
		if len(c.line) > xlsx.MaxRowBytes {
			return nil, fmt.Errorf("第 %d 行的内容超过了 %d MB：店务台不导入这么长的行（卖家后台导出的文件不会有这么长的行，文件可能已损坏或被改动过）", c.records, xlsx.MaxRowBytes>>20)
		}
		c.ends = append(c.ends, len(c.line))
		if err == io.EOF {
			return c.endRecord(), nil
		}
		if err != nil {
			return nil, err
		}
		switch stop {
		case c.delim:
			if _, err := c.r.Peek(1); err == io.EOF { // trailing delimiter at the very end: one more empty cell
				c.ends = append(c.ends, len(c.line))
				return c.endRecord(), nil
			} else if err != nil {
				return nil, err
			}
			continue
		case '\r':
			if nb, err := c.r.Peek(1); err == nil && nb[0] == '\n' {
				c.r.Discard(1)
			}
		}
		return c.endRecord(), nil
	}
}

// fastLine reads the next record when the reader's buffer holds all of it up to its
// '\n', and it is an ordinary line: no '\r' but the one before the '\n', no line break
// inside quotes, no cell near a limit. It reads the buffered bytes in one pass, where
// Next's general loop asks the reader for every cell (for a 48-column report a third of
// the reading). ok is false, and nothing is consumed, for any other line: Next then reads
// it the general way, which says what is wrong with it, if anything.
func (c *csvReader) fastLine() (rec []string, ok bool) {
	buf, _ := c.r.Peek(c.r.Buffered())
	nl := bytes.IndexByte(buf, '\n')
	if nl < 0 || c.noFast {
		return nil, false
	}
	line := buf[:nl]
	if cr := bytes.IndexByte(line, '\r'); cr >= 0 {
		if cr != len(line)-1 {
			return nil, false // a lone '\r' ends a record too
		}
		line = line[:cr]
	}
	c.line, c.ends = c.line[:0], c.ends[:0]
	for i := 0; ; {
		if len(c.ends) >= xlsx.MaxCols {
			return nil, false
		}
		start := len(c.line)
		quoted := false
		if i < len(line) && line[i] == '"' {
			i, quoted = i+1, true
		} else if i+1 < len(line) && line[i] == '=' && line[i+1] == '"' {
			i, quoted = i+2, true
		}
		for quoted {
			j := bytes.IndexByte(line[i:], '"')
			if j < 0 {
				return nil, false // the quotes go on past the line end
			}
			c.line = append(c.line, line[i:i+j]...)
			i += j + 1
			if i < len(line) && line[i] == '"' {
				c.line = append(c.line, '"')
				i++
				continue
			}
			break
		}
		j := i
		for j < len(line) && line[j] != c.delim {
			j++
		}
		c.appendField(line[i:j], quoted)
		if len(c.line)-start > xlsx.MaxCellChars {
			return nil, false
		}
		c.ends = append(c.ends, len(c.line))
		if j == len(line) {
			break
		}
		i = j + 1
	}
	c.r.Discard(nl + 1)
	c.records++
	c.record = c.record[:0]
	return c.endRecord(), true
}

// errCellTooLong stops reading a cell past maxCellBytes.
var errCellTooLong = errors.New("cell too long")

func (c *csvReader) tooLong(quoted bool) error {
	chars := 0 // not counted: it ran past what is read of one cell
	if f := c.field(); len(f) <= maxCellBytes {
		chars = utf8.RuneCount(f)
	}
	return &cellTooLongError{row: c.records, col: len(c.ends) + 1, chars: chars, quoted: quoted}
}

func tooLongText(b []byte) bool {
	return len(b) > xlsx.MaxCellChars && utf8.RuneCount(b) > xlsx.MaxCellChars
}

// buffered returns the bytes the reader holds, reading more when it holds none; the
// error (io.EOF at the end) comes only with no bytes.
func (c *csvReader) buffered() ([]byte, error) {
	if c.r.Buffered() == 0 {
		if _, err := c.r.Peek(1); err != nil {
			return nil, err
		}
	}
	b, _ := c.r.Peek(c.r.Buffered())
	return b, nil
}

// readBare appends the cell's bytes up to the delimiter or line end to c.line and
// consumes that stop byte, which it returns. Quotes are dropped in the bare part of a
// quoted cell. The error is io.EOF when the input ends first.
func (c *csvReader) readBare(dropQuotes bool) (byte, error) {
	for {
		buf, err := c.buffered()
		if err != nil {
			return 0, err
		}
		for i, b := range buf {
			if b == c.delim || b == '\n' || b == '\r' {
				c.appendField(buf[:i], dropQuotes)
				c.r.Discard(i + 1)
				return b, nil
			}
		}
		c.appendField(buf, dropQuotes)
		c.r.Discard(len(buf))
		if len(c.line)-c.start > maxCellBytes {
			return 0, errCellTooLong
		}
	}
}

func (c *csvReader) appendField(b []byte, dropQuotes bool) {
	if !dropQuotes {
		c.line = append(c.line, b...)
		return
	}
	for _, x := range b {
		if x != '"' {
			c.line = append(c.line, x)
		}
	}
}

// readQuoted reads up to the closing quote; "" inside is one quote.
func (c *csvReader) readQuoted() error {
	for {
		buf, err := c.buffered()
		if err == io.EOF {
			return errUnclosedQuote
		}
		if err != nil {
			return err
		}
		i := bytes.IndexByte(buf, '"')
		if i < 0 {
			c.line = append(c.line, buf...)
			c.r.Discard(len(buf))
			if len(c.line)-c.start > maxCellBytes {
				return errCellTooLong
			}
			continue
		}
		c.line = append(c.line, buf[:i]...)
		c.r.Discard(i + 1)
		if nb, err := c.r.Peek(1); err == nil && nb[0] == '"' {
			c.r.Discard(1)
			c.line = append(c.line, '"')
			continue
		}
		return nil
	}
}
