package xlsx

import (
	"bytes"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// columnOfRef is the 1-based column of an A1 reference ("AB12" -> 28).
func columnOfRef(ref []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i]
		switch {
		case c >= 'A' && c <= 'Z':
			col = col*26 + int(c-'A'+1)
		case c >= 'a' && c <= 'z':
			col = col*26 + int(c-'a'+1)
		case c == '$' && i == 0:
			continue
		default:
			goto digits
		}
		if col > MaxCols {
			return 0, false
		}
	}
digits:
	if col == 0 || i == len(ref) {
		return 0, false
	}
	if ref[i] == '$' {
		i++
	}
	if _, ok := atoiBytes(ref[i:]); !ok {
		return 0, false
	}
	return col, true
}

// ColumnName is the letters of a 1-based column (28 -> "AB"), as Excel shows it.
func ColumnName(col int) string { return columnName(col) }

func columnName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}

// atoiBytes parses a non-negative decimal int (at most 9 digits).
func atoiBytes(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// clip shortens s to at most n characters for a message, marking the cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// bstrDecode undoes the ECMA-376 escapes of characters XML cannot hold: _xHHHH_ is the
// UTF-16 unit HHHH and _x005F_ escapes a literal underscore.
func bstrDecode(b []byte) string {
	if !bytes.Contains(b, []byte("_x")) {
		return string(b)
	}
	return string(bstrAppend(nil, b))
}

// bstrAppend is bstrDecode into dst[:0]'s memory; b itself when there is nothing to undo.
func bstrAppend(dst, b []byte) []byte {
	if !bytes.Contains(b, []byte("_x")) {
		return b
	}
	out := dst[:0]
	var pendingHigh rune
	flushHigh := func() {
		if pendingHigh != 0 {
			out = utf8.AppendRune(out, utf8.RuneError)
			pendingHigh = 0
		}
	}
	for i := 0; i < len(b); {
		if b[i] == '_' && i+7 <= len(b) && b[i+1] == 'x' && b[i+6] == '_' && isHex4(b[i+2:i+6]) {
			u, _ := strconv.ParseUint(string(b[i+2:i+6]), 16, 32)
			r := rune(u)
			i += 7
			switch {
			case r == 0x5F && pendingHigh == 0:
				out = append(out, '_')
			case utf16.IsSurrogate(r) && r < 0xDC00:
				flushHigh()
				pendingHigh = r
			case utf16.IsSurrogate(r):
				if pendingHigh != 0 {
					out = utf8.AppendRune(out, utf16.DecodeRune(pendingHigh, r))
					pendingHigh = 0
				} else {
					out = utf8.AppendRune(out, utf8.RuneError)
				}
			default:
				flushHigh()
				out = utf8.AppendRune(out, r)
			}
			continue
		}
		flushHigh()
		out = append(out, b[i])
		i++
	}
	flushHigh()
	return out
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
