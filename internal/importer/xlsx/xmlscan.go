package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// ---- a small streaming XML scanner ----------------------------------------------------
//
// It reads what the SpreadsheetML parts use (elements, attributes, text, entities, CDATA,
// comments, processing instructions) from a growing byte buffer, without reflection and
// without allocating per token, and checks that tags nest. Element names are compared by
// their local part so that prefixed files (<x:row>) read the same.

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
	tokCDATA
)

type xmlSyntaxError struct{ msg string }

func (e *xmlSyntaxError) Error() string { return e.msg }

func syntaxErr(format string, args ...any) error {
	return &xmlSyntaxError{msg: fmt.Sprintf(format, args...)}
}

// textPiece is the size of the pieces a long text run is returned in.
const textPiece = 64 << 10

// textCut is where a piece of a text run may end: not inside an entity (&amp;) and not
// between the \r and \n of a line end, nor inside a character.
func textCut(b []byte) int {
	n := len(b)
	if i := bytes.LastIndexByte(b, '&'); i >= 0 && bytes.IndexByte(b[i:], ';') < 0 {
		n = i
	}
	for n > 0 && b[n-1] == '\r' {
		n--
	}
	// the pieces are counted in characters (cellText): a split character would count twice
	for i := n - 1; i >= 0 && i >= n-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:n]) {
				n = i
			}
			break
		}
	}
	return n
}

var (
	errXMLTruncated = &xmlSyntaxError{msg: "内容在中途就结束了，文件不完整"}
	errXMLBadUTF8   = &xmlSyntaxError{msg: "含有无效的 UTF-8 字符"}
	errXMLNotXML    = &xmlSyntaxError{msg: "内容不是 XML"}
)

type xmlAttr struct{ name, value []byte }

type xmlScanner struct {
	r        io.Reader
	buf      []byte
	pos, end int
	eof      bool
	rerr     error
	started  bool

	// the current token; slices point into buf and are valid until the next call
	name, local []byte
	attrs       []xmlAttr
	selfClose   bool
	raw         []byte // text or CDATA, undecoded

	// open elements: their names back to back in names, ends[i] is where name i ends
	names    []byte
	ends     []int
	seenRoot bool
	rootDone bool
}

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, 64<<10)}
}

// fill reads more input, keeping buf[pos:end]; false at the end of input.
func (s *xmlScanner) fill() bool {
	if s.eof {
		return false
	}
	if s.pos > 0 {
		copy(s.buf, s.buf[s.pos:s.end])
		s.end -= s.pos
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= xmlMaxToken {
			s.eof, s.rerr = true, syntaxErr("一个标签或一段文字超过了 %d MB", xmlMaxToken>>20)
			return false
		}
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rerr = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// start handles a byte-order mark: UTF-8 is skipped, UTF-16 is transcoded.
func (s *xmlScanner) start() {
	s.started = true
	for s.end-s.pos < 4 && s.fill() {
	}
	b := s.buf[s.pos:s.end]
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		s.pos += 3
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		head := append([]byte{}, b...)
		src := io.MultiReader(bytes.NewReader(head), s.r)
		if s.eof {
			src = bytes.NewReader(head)
		}
		s.r = transform.NewReader(src, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
		s.pos, s.end, s.eof = 0, 0, s.rerr != nil
	}
}

// need makes n bytes available from pos if the input has them.
func (s *xmlScanner) need(n int) bool {
	for s.end-s.pos < n {
		if !s.fill() {
			return false
		}
	}
	return true
}

// find returns the offset from pos of pat at or after offset from; -1 if absent.
func (s *xmlScanner) find(from int, pat []byte) int {
	for {
		if i := bytes.Index(s.buf[s.pos+from:s.end], pat); i >= 0 {
			return from + i
		}
		from = max(from, s.end-s.pos-len(pat)+1)
		if !s.fill() {
			return -1
		}
	}
}

var (
	patPIEnd    = []byte("?>")
	patCommEnd  = []byte("-->")
	patCDATAEnd = []byte("]]>")
)

// findByte is find for one byte.
func (s *xmlScanner) findByte(from int, c byte) int {
	for {
		if i := bytes.IndexByte(s.buf[s.pos+from:s.end], c); i >= 0 {
			return from + i
		}
		from = s.end - s.pos
		if !s.fill() {
			return -1
		}
	}
}

// tagSpecial marks the bytes the start-tag scan stops at.
var tagSpecial = [256]bool{'"': true, '\'': true, '>': true, '<': true}

func (s *xmlScanner) eofErr() error {
	if s.rerr != nil {
		return s.rerr
	}
	return errXMLTruncated
}

// next reads the next token.
func (s *xmlScanner) next() (tokKind, error) {
	if !s.started {
		s.start()
	}
	for {
		if s.pos >= s.end && !s.fill() {
			switch {
			case s.rerr != nil:
				return tokEOF, s.rerr
			case len(s.ends) > 0:
				return tokEOF, errXMLTruncated
			case !s.seenRoot:
				return tokEOF, errXMLNotXML
			}
			return tokEOF, nil
		}
		if s.buf[s.pos] != '<' {
			off := 0
			for {
				if i := bytes.IndexByte(s.buf[s.pos+off:s.end], '<'); i >= 0 {
					off += i
					break
				}
				off = s.end - s.pos
				// A long text run comes in pieces: the buffer does not grow with it (a
				// cell's text is bounded by its reader, cellText).
				if off >= textPiece {
					if cut := textCut(s.buf[s.pos : s.pos+off]); cut > 0 {
						off = cut
						break
					}
				}
				if !s.fill() {
					if s.rerr != nil {
						return tokEOF, s.rerr
					}
					break
				}
			}
			s.raw = s.buf[s.pos : s.pos+off]
			s.pos += off
			if len(s.ends) == 0 && len(bytes.TrimSpace(s.raw)) > 0 {
				return tokEOF, errXMLNotXML
			}
			return tokText, nil
		}
		if !s.need(2) {
			return tokEOF, s.eofErr()
		}
		switch s.buf[s.pos+1] {
		case '?':
			off := s.find(2, patPIEnd)
			if off < 0 {
				return tokEOF, s.eofErr()
			}
			s.pos += off + 2
			continue
		case '!':
			s.need(9)
			rest := s.buf[s.pos:s.end]
			switch {
			case bytes.HasPrefix(rest, []byte("<!--")):
				off := s.find(4, patCommEnd)
				if off < 0 {
					return tokEOF, s.eofErr()
				}
				s.pos += off + 3
				continue
			case bytes.HasPrefix(rest, []byte("<![CDATA[")):
				off := s.find(9, patCDATAEnd)
				if off < 0 {
					return tokEOF, s.eofErr()
				}
				if len(s.ends) == 0 {
					return tokEOF, errXMLNotXML
				}
				s.raw = s.buf[s.pos+9 : s.pos+off]
				s.pos += off + 3
				return tokCDATA, nil
			case bytes.HasPrefix(rest, []byte("<!DOCTYPE")) && !s.seenRoot:
				off := s.findByte(2, '>')
				if off < 0 {
					return tokEOF, s.eofErr()
				}
				s.pos += off + 1
				continue
			}
			return tokEOF, syntaxErr("无法识别的“<!”标记")
		case '/':
			off := s.findByte(2, '>')
			if off < 0 {
				return tokEOF, s.eofErr()
			}
			name := bytes.TrimSpace(s.buf[s.pos+2 : s.pos+off])
			s.pos += off + 1
			n := len(s.ends)
			if n == 0 {
				return tokEOF, syntaxErr("多余的结束标签 </%s>", clip(string(name), 20))
			}
			from := 0
			if n > 1 {
				from = s.ends[n-2]
			}
			if top := s.names[from:s.ends[n-1]]; !bytes.Equal(top, name) {
				return tokEOF, syntaxErr("结束标签 </%s> 与开始标签 <%s> 不匹配", clip(string(name), 20), clip(string(top), 20))
			}
			s.names, s.ends = s.names[:from], s.ends[:n-1]
			if n == 1 {
				s.rootDone = true
			}
			s.setName(name)
			s.selfClose = false
			return tokEnd, nil
		}
		return s.startTag()
	}
}

func (s *xmlScanner) setName(name []byte) {
	s.name, s.local = name, name
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		s.local = name[i+1:]
	}
}

// startTag reads <name attr="v" ...> or <name .../>.
func (s *xmlScanner) startTag() (tokKind, error) {
	off := 1
	var q byte
scan:
	for {
		for s.pos+off < s.end {
			if q != 0 {
				i := bytes.IndexByte(s.buf[s.pos+off:s.end], q)
				if i < 0 {
					off = s.end - s.pos
					break
				}
				off += i + 1
				q = 0
				continue
			}
			b := s.buf[s.pos+off : s.end]
			i := 0
			for i < len(b) && !tagSpecial[b[i]] {
				i++
			}
			off += i
			if i == len(b) {
				break
			}
			c := b[i]
			off++
			switch c {
			case '"', '\'':
				q = c
			case '>':
				off--
				break scan
			case '<':
				return tokEOF, syntaxErr("标签里出现了“<”")
			}
		}
		if !s.fill() {
			return tokEOF, s.eofErr()
		}
	}
	b := s.buf[s.pos+1 : s.pos+off]
	s.pos += off + 1
	s.selfClose = false
	if n := len(b); n > 0 && b[n-1] == '/' {
		s.selfClose = true
		b = b[:n-1]
	}
	i := 0
	for i < len(b) && !isXMLSpace(b[i]) {
		i++
	}
	name := b[:i]
	if len(name) == 0 || !validName(name) {
		return tokEOF, syntaxErr("标签名无效")
	}
	s.setName(name)
	s.attrs = s.attrs[:0]
	for {
		for i < len(b) && isXMLSpace(b[i]) {
			i++
		}
		if i == len(b) {
			break
		}
		j := i
		for j < len(b) && b[j] != '=' && !isXMLSpace(b[j]) {
			j++
		}
		an := b[i:j]
		for j < len(b) && isXMLSpace(b[j]) {
			j++
		}
		if j == len(b) || b[j] != '=' {
			return tokEOF, syntaxErr("<%s> 的属性“%s”没有值", clip(string(name), 20), clip(string(an), 20))
		}
		j++
		for j < len(b) && isXMLSpace(b[j]) {
			j++
		}
		if j == len(b) || (b[j] != '"' && b[j] != '\'') {
			return tokEOF, syntaxErr("<%s> 的属性“%s”的值没有引号", clip(string(name), 20), clip(string(an), 20))
		}
		k := bytes.IndexByte(b[j+1:], b[j])
		if k < 0 {
			return tokEOF, syntaxErr("<%s> 的属性“%s”的引号没有闭合", clip(string(name), 20), clip(string(an), 20))
		}
		s.attrs = append(s.attrs, xmlAttr{name: an, value: b[j+1 : j+1+k]})
		i = j + 1 + k + 1
	}
	if s.rootDone && len(s.ends) == 0 {
		return tokEOF, syntaxErr("根元素之后还有元素 <%s>", clip(string(name), 20))
	}
	s.seenRoot = true
	if s.selfClose {
		if len(s.ends) == 0 {
			s.rootDone = true
		}
	} else {
		s.names = append(s.names, name...)
		s.ends = append(s.ends, len(s.names))
	}
	return tokStart, nil
}

func validName(b []byte) bool {
	for _, c := range b {
		if c == '=' || c == '"' || c == '\'' || c == '/' {
			return false
		}
	}
	return true
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// attr returns the raw value of the current start tag's attribute (by its full name).
func (s *xmlScanner) attr(name string) ([]byte, bool) {
	for _, a := range s.attrs {
		if string(a.name) == name {
			return a.value, true
		}
	}
	return nil, false
}

// skip skips the element whose (non-self-closing) start tag was just read.
func (s *xmlScanner) skip() error {
	depth := 0
	for {
		k, err := s.next()
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return errXMLTruncated
		case tokStart:
			if !s.selfClose {
				depth++
			}
		case tokEnd:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// cellText collects the decoded text of one cell or shared string. Past maxCellBytes it
// keeps nothing more and only counts the characters (for the message that refuses it):
// a 10 MB cell costs no more memory than a short one.
type cellText struct {
	b       []byte
	over    bool
	chars   int // the whole text's characters, once over
	scratch []byte
}

func (c *cellText) reset() {
	c.b, c.over, c.chars = c.b[:0], false, 0
}

// tooLong tells whether the text is longer than MaxCellChars, with its length.
func (c *cellText) tooLong() (int, bool) {
	if c.over {
		return c.chars, true
	}
	if tooLong(c.b) {
		return utf8.RuneCount(c.b), true
	}
	return 0, false
}

func (c *cellText) appendText(raw []byte) error {
	if c.over {
		var err error
		c.scratch, err = appendXMLText(c.scratch[:0], raw)
		c.chars += utf8.RuneCount(c.scratch)
		return err
	}
	var err error
	c.b, err = appendXMLText(c.b, raw)
	c.check()
	return err
}

func (c *cellText) appendCDATA(raw []byte) {
	if c.over {
		c.scratch = appendCR(c.scratch[:0], raw)
		c.chars += utf8.RuneCount(c.scratch)
		return
	}
	c.b = appendCR(c.b, raw)
	c.check()
}

func (c *cellText) check() {
	if len(c.b) > maxCellBytes {
		c.over, c.chars = true, utf8.RuneCount(c.b)
		c.b = c.b[:0]
	}
}

// readText appends the decoded text of the element whose start tag was just read, up to
// and including its end tag. Child elements (not expected) are skipped.
func (s *xmlScanner) readText(dst *cellText) error {
	for {
		k, err := s.next()
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return errXMLTruncated
		case tokText:
			if err := dst.appendText(s.raw); err != nil {
				return err
			}
		case tokCDATA:
			dst.appendCDATA(s.raw)
		case tokStart:
			if !s.selfClose {
				if err := s.skip(); err != nil {
					return err
				}
			}
		case tokEnd:
			return nil
		}
	}
}

// readRich appends the text of a string item (<si> or <is>, start tag just read): its
// <t> and the <t> of its rich-text runs <r>, not the phonetic hints <rPh>.
func (s *xmlScanner) readRich(dst *cellText) error {
	depth := 0
	for {
		k, err := s.next()
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return errXMLTruncated
		case tokStart:
			if s.selfClose {
				continue
			}
			switch string(s.local) {
			case "t":
				err = s.readText(dst)
			case "rPh", "phoneticPr", "rPr", "extLst":
				err = s.skip()
			default: // <r>
				depth++
			}
			if err != nil {
				return err
			}
		case tokEnd:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// appendXMLText decodes entities and normalises line ends (\r\n and \r to \n) as XML does.
func appendXMLText(dst, raw []byte) ([]byte, error) {
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		return append(dst, raw...), nil
	}
	for len(raw) > 0 {
		i := bytes.IndexAny(raw, "&\r")
		if i < 0 {
			return append(dst, raw...), nil
		}
		dst = append(dst, raw[:i]...)
		if raw[i] == '\r' {
			dst = append(dst, '\n')
			raw = raw[i+1:]
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
			continue
		}
		raw = raw[i:]
		j := bytes.IndexByte(raw, ';')
		if j < 2 || j > 12 {
			return dst, syntaxErr("无效的字符引用“%s”", clip(string(raw[:min(len(raw), 12)]), 12))
		}
		ent := raw[1:j]
		switch string(ent) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			var n uint64
			var err error = errXMLNotXML
			if ent[0] == '#' && len(ent) > 1 {
				if ent[1] == 'x' {
					n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
				} else {
					n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
				}
			}
			r := rune(n)
			if err != nil || n == 0 || n > utf8.MaxRune || !utf8.ValidRune(r) {
				return dst, syntaxErr("无效的字符引用“%s”", clip(string(raw[:j+1]), 12))
			}
			dst = utf8.AppendRune(dst, r)
		}
		raw = raw[j+1:]
	}
	return dst, nil
}

func appendCR(dst, raw []byte) []byte {
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '\r')
		if i < 0 {
			return append(dst, raw...)
		}
		dst = append(append(dst, raw[:i]...), '\n')
		raw = raw[i+1:]
		if len(raw) > 0 && raw[0] == '\n' {
			raw = raw[1:]
		}
	}
	return dst
}
