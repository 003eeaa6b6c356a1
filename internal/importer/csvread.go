package importer

import (
	"bufio"
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
func (c *csvReader) Next() ([]string, error) {
	c.record = c.record[:0]
	b, err := c.r.ReadByte()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		return nil, err
	}
	c.records++
	for {
		c.field = c.field[:0]
		quoted := false
		if b == '"' {
			quoted = true
		} else if b == '=' {
			if nb, err := c.r.Peek(1); err == nil && nb[0] == '"' {
				c.r.ReadByte()
				quoted = true
			}
		}
		if quoted {
			if err := c.readQuoted(); err != nil {
				return nil, fmt.Errorf("第 %d 行：%w", c.records, err)
			}
			b, err = c.r.ReadByte()
		}
		// Bare part of the cell (all of it when unquoted; stray text after a closing quote
		// is kept rather than dropped).
		for err == nil && b != c.delim && b != '\n' && b != '\r' {
			if !quoted || b != '"' {
				c.field = append(c.field, b)
			}
			b, err = c.r.ReadByte()
		}
		c.record = append(c.record, string(c.field))
		if err == io.EOF {
			return c.record, nil
		}
		if err != nil {
			return nil, err
		}
		switch b {
		case c.delim:
			b, err = c.r.ReadByte()
			if err == io.EOF { // trailing delimiter at the very end: one more empty cell
				c.record = append(c.record, "")
				return c.record, nil
			}
			if err != nil {
				return nil, err
			}
			continue
		case '\r':
			if nb, err := c.r.Peek(1); err == nil && nb[0] == '\n' {
				c.r.ReadByte()
			}
		}
		return c.record, nil
	}
}

// readQuoted reads up to the closing quote; "" inside is one quote.
func (c *csvReader) readQuoted() error {
	for {
		b, err := c.r.ReadByte()
		if err == io.EOF {
			return errUnclosedQuote
		}
		if err != nil {
			return err
		}
		if b == '"' {
			nb, err := c.r.Peek(1)
			if err == nil && nb[0] == '"' {
				c.r.ReadByte()
				c.field = append(c.field, '"')
				continue
			}
			return nil
		}
		c.field = append(c.field, b)
	}
}
