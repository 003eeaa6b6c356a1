package webserve_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"shopdesk/internal/webserve"
)

// A file a service offers is fetched by its URL under its (Chinese) name.
func TestDownload(t *testing.T) {
	srv := webserve.New(fstest.MapFS{}, nil, webserve.NewHub(), t.TempDir())
	h := srv.Handler()
	url := srv.Offer("订单异常_20261122.xlsx", []byte("PK\x03\x04 xlsx bytes"))
	if !strings.HasPrefix(url, "/api/download/") {
		t.Fatalf("url %q", url)
	}
	for _, c := range []struct {
		path   string
		status int
	}{{url, 200}, {url, 200}, {"/api/download/nope", 404}} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, mustRequest(t, c.path))
		if rec.Code != c.status {
			t.Fatalf("%s: HTTP %d, want %d", c.path, rec.Code, c.status)
		}
		if c.status != 200 {
			if !strings.Contains(rec.Body.String(), "已经过期") {
				t.Fatalf("404 body %q", rec.Body.String())
			}
			continue
		}
		body, _ := io.ReadAll(rec.Body)
		if string(body) != "PK\x03\x04 xlsx bytes" {
			t.Fatalf("body %q", body)
		}
		cd := rec.Header().Get("Content-Disposition")
		if !strings.Contains(cd, "attachment") || !strings.Contains(cd, "filename*=UTF-8''%E8%AE%A2%E5%8D%95") {
			t.Fatalf("Content-Disposition %q", cd)
		}
		if ct := rec.Header().Get("Content-Type"); !strings.Contains(ct, "spreadsheetml") {
			t.Fatalf("Content-Type %q", ct)
		}
	}
}

func mustRequest(t *testing.T, path string) *http.Request {
	t.Helper()
	r, err := http.NewRequest(http.MethodGet, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
