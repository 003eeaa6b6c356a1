package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
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
	field   []byte
}

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
	c.record = c.record[:0]
	if _, err := c.r.Peek(1); err != nil {
		return nil, err // io.EOF after the last record
	}
	c.records++
	for {
		c.field = c.field[:0]
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
				return nil, fmt.Errorf("第 %d 行：%w", c.records, err)
			}
		}
		// Bare part of the cell (all of it when unquoted; stray text after a closing quote
		// is kept rather than dropped).
		stop, err := c.readBare(quoted)
		c.record = append(c.record, string(c.field))
		if err == io.EOF {
			return c.record, nil
		}
		if err != nil {
			return nil, err
		}
		switch stop {
		case c.delim:
			if _, err := c.r.Peek(1); err == io.EOF { // trailing delimiter at the very end: one more empty cell
				c.record = append(c.record, "")
				return c.record, nil
			} else if err != nil {
				return nil, err
			}
			continue
		case '\r':
			if nb, err := c.r.Peek(1); err == nil && nb[0] == '\n' {
				c.r.Discard(1)
			}
		}
		return c.record, nil
	}
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

// readBare appends the cell's bytes up to the delimiter or line end to c.field and
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
	}
}

func (c *csvReader) appendField(b []byte, dropQuotes bool) {
	if !dropQuotes {
		c.field = append(c.field, b...)
		return
	}
	for _, x := range b {
		if x != '"' {
			c.field = append(c.field, x)
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
			c.field = append(c.field, buf...)
			c.r.Discard(len(buf))
			continue
		}
		c.field = append(c.field, buf[:i]...)
		c.r.Discard(i + 1)
		if nb, err := c.r.Peek(1); err == nil && nb[0] == '"' {
			c.r.Discard(1)
			c.field = append(c.field, '"')
			continue
		}
		return nil
	}
}
