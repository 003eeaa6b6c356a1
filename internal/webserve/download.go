package webserve

import (
	"crypto/rand"
	"encoding/hex"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"
)

// downloadTTL is how long an offered file can be fetched.
const downloadTTL = 10 * time.Minute

// downloads keeps the files a service made for the browser to save (an Excel export):
// the browser cannot be handed a path on this computer, so it fetches them by URL.
type downloads struct {
	mu    sync.Mutex
	files map[string]offered
}

type offered struct {
	name    string
	data    []byte
	expires time.Time
}

// Offer keeps data for downloadTTL under a random id and returns the URL the browser
// saves it from, as name. (app.BrowserShell.SaveFile calls it.)
func (s *Server) Offer(name string, data []byte) string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	d := &s.downloads
	d.mu.Lock()
	defer d.mu.Unlock()
	now := time.Now()
	for k, f := range d.files {
		if now.After(f.expires) {
			delete(d.files, k)
		}
	}
	if d.files == nil {
		d.files = map[string]offered{}
	}
	d.files[id] = offered{name: name, data: data, expires: now.Add(downloadTTL)}
	return "/api/download/" + id
}

func (s *Server) handleDownload(w http.ResponseWriter, r *http.Request) {
	d := &s.downloads
	d.mu.Lock()
	f, ok := d.files[r.PathValue("id")]
	d.mu.Unlock()
	if !ok || time.Now().After(f.expires) {
		writeError(w, http.StatusNotFound, "这个下载已经过期：请重新导出")
		return
	}
	ctype := mime.TypeByExtension(path.Ext(f.name))
	if path.Ext(f.name) == ".xlsx" { // not in every system's MIME table
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	// filename for old browsers (ASCII only), filename* with the Chinese name (RFC 6266).
	ascii := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			return '_'
		}
		return r
	}, f.name)
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+ascii+`"; filename*=UTF-8''`+url.PathEscape(f.name))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(f.data)
}
