package xlsx

import (
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"
	"unsafe"
)

// The shared strings table (sharedStrings.xml) is the one part of a workbook that must be
// held while a sheet is read: a cell names its text by its index in the table. Excel
// writes every distinct text of the workbook there, so its size follows the file, not the
// work (a million-row export: millions of order numbers, addresses and times).
//
// It is held compactly and, past a bound, on disk:
//   - the texts back to back in pages of pageSize bytes (a text never straddles two pages;
//     one text is at most maxCellBytes, see MaxCellChars), and one 8-byte entry per text
//     (page position and length) in pages of their own: no Go string header, no copy per
//     text;
//   - the first residentBytes of texts and residentEntries of entries stay in memory;
//     later pages go to a temporary file (0600, removed on Close) and are read back through
//     a small cache of pages. Excel numbers the texts in the order it first meets them, so
//     a sheet read top to bottom asks mostly for recent pages and for the first page (the
//     statuses, shop names and titles that repeat on every row): the cache keeps those.
//
// Memory is then at most residentBytes + residentEntries×8 + 2×cachePages×pageSize
// (32 + 8 + 16 MB), whatever the file holds: with Go's garbage collector letting the heap
// grow to twice what is live, an import of such a file stays well under 200 MB.

const (
	pageSize        = 1 << 20
	residentBytes   = 32 << 20
	residentEntries = 1 << 20 // 8 MB of entries
	cachePages      = 8
)

// tooLongLen marks the entry of a text longer than MaxCellChars: the text is not kept; a
// cell that uses it is refused with its row and column (Table.readCell).
const tooLongLen = 1<<20 - 1

// pagedStore is an append-only byte store whose later pages live in a temporary file.
type pagedStore struct {
	resident int      // how many pages may stay in memory
	pages    [][]byte // in-memory pages (nil for a page on disk)
	fill     int      // bytes used in the last page
	file     *os.File // the spilled pages, at page index × pageSize
	cache    []cachedPage
	clock    int
}

type cachedPage struct {
	index int
	data  []byte
	used  int // clock of the last use
}

// append adds b (at most pageSize bytes) without splitting it over two pages and returns
// its position.
func (s *pagedStore) append(b []byte) (uint64, error) {
	if len(s.pages) == 0 || s.fill+len(b) > pageSize {
		if err := s.newPage(); err != nil {
			return 0, err
		}
	}
	last := len(s.pages) - 1
	pos := uint64(last)*pageSize + uint64(s.fill)
	s.pages[last] = append(s.pages[last], b...)
	s.fill += len(b)
	return pos, nil
}

// newPage starts a page; the full page before it goes to disk once the memory is used.
func (s *pagedStore) newPage() error {
	if n := len(s.pages); n > s.resident {
		// page n-1 is full and past the resident ones: write it out
		if err := s.spill(n - 1); err != nil {
			return err
		}
	}
	s.pages = append(s.pages, make([]byte, 0, pageSize))
	s.fill = 0
	return nil
}

func (s *pagedStore) spill(i int) error {
	if s.file == nil {
		f, err := os.CreateTemp("", "shopdesk-sharedstrings-*.tmp")
		if err != nil {
			return fmt.Errorf("无法在临时文件夹里存放共享字符串：%w", err)
		}
		s.file = f
	}
	page := s.pages[i]
	page = page[:cap(page)] // whole pages: the positions are page index × pageSize
	if _, err := s.file.WriteAt(page, int64(i)*pageSize); err != nil {
		return fmt.Errorf("无法在临时文件夹里存放共享字符串：%w", err)
	}
	s.pages[i] = nil
	return nil
}

// at returns n bytes at pos, and whether they stay valid (an in-memory page) or are only
// valid until the next call (a cached page from disk).
func (s *pagedStore) at(pos uint64, n int) ([]byte, bool, error) {
	i, off := int(pos/pageSize), int(pos%pageSize)
	if i >= len(s.pages) {
		return nil, false, errors.New("position out of range")
	}
	if p := s.pages[i]; p != nil {
		return p[off : off+n], true, nil
	}
	s.clock++
	victim := 0
	for k := range s.cache {
		c := &s.cache[k]
		if c.index == i {
			c.used = s.clock
			return c.data[off : off+n], false, nil
		}
		if c.used < s.cache[victim].used {
			victim = k
		}
	}
	if len(s.cache) < cachePages {
		s.cache = append(s.cache, cachedPage{data: make([]byte, pageSize)})
		victim = len(s.cache) - 1
	}
	c := &s.cache[victim]
	if _, err := s.file.ReadAt(c.data, int64(i)*pageSize); err != nil && err != io.EOF {
		c.used = 0
		return nil, false, err
	}
	c.index, c.used = i, s.clock
	return c.data[off : off+n], false, nil
}

func (s *pagedStore) close() error {
	s.pages, s.cache = nil, nil
	if s.file == nil {
		return nil
	}
	name := s.file.Name()
	err := s.file.Close()
	if rmErr := os.Remove(name); err == nil {
		err = rmErr
	}
	s.file = nil
	return err
}

// sharedStrings is the table: texts and their entries, both paged.
type sharedStrings struct {
	text    pagedStore
	entries pagedStore
	n       int
	entry   [8]byte
}

func newSharedStrings() *sharedStrings {
	return newSharedStringsSized(residentBytes/pageSize, residentEntries*8/pageSize)
}

// newSharedStringsSized keeps textPages pages of texts and entryPages of entries in memory.
func newSharedStringsSized(textPages, entryPages int) *sharedStrings {
	return &sharedStrings{text: pagedStore{resident: textPages}, entries: pagedStore{resident: entryPages}}
}

// add appends the next text (valid UTF-8, decoded, at most MaxCellChars characters).
func (s *sharedStrings) add(b []byte) error {
	var pos uint64
	if len(b) > 0 {
		var err error
		if pos, err = s.text.append(b); err != nil {
			return err
		}
	}
	return s.addEntry(pos<<20 | uint64(len(b)))
}

// addTooLong appends a text longer than MaxCellChars (chars long): not kept, only marked.
func (s *sharedStrings) addTooLong(chars int) error {
	return s.addEntry(uint64(chars)<<20 | tooLongLen)
}

func (s *sharedStrings) addEntry(v uint64) error {
	for i := range s.entry {
		s.entry[i] = byte(v >> (8 * i))
	}
	if _, err := s.entries.append(s.entry[:]); err != nil {
		return err
	}
	s.n++
	return nil
}

// get returns text i. chars > 0 reports a text longer than MaxCellChars (its length in
// characters), which was not kept.
func (s *sharedStrings) get(i int) (text string, chars int, err error) {
	e, _, err := s.entries.at(uint64(i)*8, 8)
	if err != nil {
		return "", 0, err
	}
	var v uint64
	for k := range 8 {
		v |= uint64(e[k]) << (8 * k)
	}
	pos, length := v>>20, int(v&(1<<20-1))
	switch length {
	case 0:
		return "", 0, nil
	case tooLongLen:
		return "", int(pos), nil
	}
	b, stays, err := s.text.at(pos, length)
	if err != nil {
		return "", 0, err
	}
	if stays {
		// An in-memory page is never written again where texts already are: the string
		// may point into it (no copy per cell; the page lives as long as such a string).
		return unsafe.String(&b[0], len(b)), 0, nil
	}
	return string(b), 0, nil
}

func (s *sharedStrings) len() int { return s.n }

func (s *sharedStrings) close() error {
	return errors.Join(s.text.close(), s.entries.close())
}

// tooLong tells whether text b (UTF-8) has more than MaxCellChars characters.
func tooLong(b []byte) bool {
	return len(b) > MaxCellChars && utf8.RuneCount(b) > MaxCellChars
}
