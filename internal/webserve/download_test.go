package webserve_test

import (
	"strings"
	"testing"

	"shopdesk/internal/webserve"
)

// A file a service offers is fetched by its URL under its (Chinese) name.
func TestDownload(t *testing.T) {
	var srv *webserve.Server
	s := start(t, nil, webserve.NewHub(), nil, func(w *webserve.Server) { srv = w })
	url := srv.Offer("订单异常_20261122.xlsx", []byte("PK\x03\x04 xlsx bytes"))
	if !strings.HasPrefix(url, "/api/download/") {
		t.Fatalf("url %q", url)
	}
	for _, c := range []struct {
		path   string
		status int
	}{{url, 200}, {url, 200}, {"/api/download/nope", 404}} {
		resp, body := s.send(t, req{path: c.path})
		if resp.StatusCode != c.status {
			t.Fatalf("%s: HTTP %d, want %d", c.path, resp.StatusCode, c.status)
		}
		if c.status != 200 {
			if !strings.Contains(body, "已经过期") {
				t.Fatalf("404 body %q", body)
			}
			continue
		}
		if body != "PK\x03\x04 xlsx bytes" {
			t.Fatalf("body %q", body)
		}
		cd := resp.Header.Get("Content-Disposition")
		if !strings.Contains(cd, "attachment") || !strings.Contains(cd, "filename*=UTF-8''%E8%AE%A2%E5%8D%95") {
			t.Fatalf("Content-Disposition %q", cd)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.Contains(ct, "spreadsheetml") {
			t.Fatalf("Content-Type %q", ct)
		}
	}
}
