package webserve_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"shopdesk/internal/webserve"
)

// testAssets stand in for the built frontend.
var testAssets = fstest.MapFS{
	"index.html":    {Data: []byte(`<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head></html>`)},
	"assets/app.js": {Data: []byte(`console.log(1)`)},
}

// served is a server on a real listener with what the tests need to talk to it.
type served struct {
	*httptest.Server
	srv     *webserve.Server
	uploads *webserve.Uploads
	token   string
	host    string // the listener's host:port, the Host a browser sends
	cookie  *http.Cookie
	limit   int64
}

// start serves services the way `shopdesk serve` does (token, Host, uploads), with
// pathArgs as app.PathArgs. onServer runs before the first request (to hand the server to
// a shell).
func start(t *testing.T, services []any, hub *webserve.Hub, pathArgs map[string][]int, onServer func(*webserve.Server)) *served {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	uploads, err := webserve.OpenUploads(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { uploads.Close() })
	s := &served{Server: ts, uploads: uploads, token: webserve.NewToken(), host: ts.Listener.Addr().String(), limit: 200 << 20}
	srv, err := webserve.New(testAssets, services, hub, webserve.Config{
		Addr: s.host, Token: s.token, Uploads: uploads,
		UploadLimit: func(context.Context) int64 { return s.limit },
		PathArgs:    pathArgs,
	})
	if err != nil {
		t.Fatal(err)
	}
	s.srv = srv
	if onServer != nil {
		onServer(srv)
	}
	ts.Config.Handler = srv.Handler()
	ts.Start()
	t.Cleanup(ts.Close)
	s.cookie = s.login(t)
	return s
}

// login opens the printed address (with the token) as a browser does and returns the
// cookie the server set.
func (s *served) login(t *testing.T) *http.Cookie {
	t.Helper()
	resp, _ := s.send(t, req{path: "/?token=" + s.token, noCookie: true})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Fatalf("opening the printed address: HTTP %d, Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	for _, c := range resp.Cookies() {
		if strings.HasPrefix(c.Name, "shopdesk_token_") {
			if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Value != s.token {
				t.Fatalf("token cookie %+v", c)
			}
			return c
		}
	}
	t.Fatalf("no token cookie in %v", resp.Header["Set-Cookie"])
	return nil
}

// req is one request as a browser (or an attacker's page) would send it.
type req struct {
	method   string // GET when empty
	path     string
	body     string
	ctype    string
	host     string // the listener's when empty
	origin   string
	noCookie bool
	cookie   *http.Cookie // instead of the server's
}

// send makes the request without following redirects and returns the answer and its body.
func (s *served) send(t *testing.T, r req) (*http.Response, string) {
	t.Helper()
	if r.method == "" {
		r.method = http.MethodGet
	}
	hr, err := http.NewRequest(r.method, s.URL+r.path, strings.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	hr.Host = s.host
	if r.host != "" {
		hr.Host = r.host
	}
	if r.ctype != "" {
		hr.Header.Set("Content-Type", r.ctype)
	}
	if r.origin != "" {
		hr.Header.Set("Origin", r.origin)
	}
	switch {
	case r.cookie != nil:
		hr.AddCookie(r.cookie)
	case !r.noCookie && s.cookie != nil:
		hr.AddCookie(s.cookie)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	resp, err := client.Do(hr.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body []byte
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		body = make([]byte, 64) // a stream does not end: its first bytes say it is open
		n, _ := io.ReadAtLeast(resp.Body, body, len(": connected"))
		body = body[:n]
	} else {
		body, _ = io.ReadAll(resp.Body)
	}
	return resp, string(body)
}

// goEnglish is what Go, SQLite or net/http say in English; none of it may reach the seller.
var goEnglish = regexp.MustCompile(`(?i)invalid character|unexpected|EOF|cannot unmarshal|not found|method not allowed|permission denied|no such file|database is locked|json:`)

// chineseRefusal checks that a refused request got a Chinese message and nothing of Go's.
func chineseRefusal(t *testing.T, what, body string) {
	t.Helper()
	han := false
	for _, r := range body {
		if unicode.Is(unicode.Han, r) {
			han = true
			break
		}
	}
	if !han || goEnglish.MatchString(body) {
		t.Errorf("%s: the answer is not a Chinese message: %s", what, body)
	}
}
