// Package filename turns file names from outside into text. A name is bytes: on Linux a
// path made by a Windows or GBK tool (an unzipped archive, a copied USB stick), or the
// entry names of a zip written without its UTF-8 flag (Windows' own zip, WinRAR, most
// Chinese tools), arrive in GBK. Stored as they are, they are not valid UTF-8: SQLite keeps
// them, JSON turns them into U+FFFD, the seller sees 锟斤拷. Here they become the text the
// seller typed.
package filename

import (
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Text is s as valid UTF-8: s itself when it is, else s read as GB18030 (a superset of GBK
// and GB2312) when every byte reads, else s with each run of invalid bytes as U+FFFD.
func Text(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	if out, err := simplifiedchinese.GB18030.NewDecoder().String(s); err == nil && utf8.ValidString(out) &&
		!strings.ContainsRune(out, utf8.RuneError) {
		return out
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// Base is the last element of path as text (Text of filepath.Base).
func Base(path string) string { return Text(filepath.Base(path)) }
