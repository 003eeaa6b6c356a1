package webserve_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopdesk/internal/webserve"
)

// GreeterService stands in for a bound service: the dispatcher is what is under test.
type GreeterService struct{}

type Greeting struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

func (GreeterService) Hello(name string, n int) (Greeting, error) {
	if name == "" {
		return Greeting{}, errors.New("名字不能为空")
	}
	return Greeting{Text: "你好，" + name, Count: n}, nil
}

func (GreeterService) Fail() error { return errors.New("出错了") }

// Crash fails with an English message, as Go's and SQLite's errors are.
func (GreeterService) Crash() error {
	return errors.New("commit: database is locked (5) (SQLITE_BUSY)")
}

func (GreeterService) Nothing() {}

// Read "reads" a file: it answers with the path it was given (a path argument).
func (GreeterService) Read(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return path + " 的内容：" + string(data), nil
}

var greeterPaths = map[string][]int{"webserve_test.GreeterService.Read": {0}}

func newServer(t *testing.T) (*served, *webserve.Hub) {
	t.Helper()
	hub := webserve.NewHub()
	return start(t, []any{&GreeterService{}}, hub, greeterPaths, nil), hub
}

func (s *served) call(t *testing.T, name string, args ...any) (int, string) {
	t.Helper()
	if args == nil {
		args = []any{}
	}
	body, _ := json.Marshal(map[string]any{"name": name, "args": args})
	resp, out := s.send(t, req{method: "POST", path: "/api/call", body: string(body), ctype: "application/json"})
	return resp.StatusCode, strings.TrimSpace(out)
}

func TestCallDispatch(t *testing.T) {
	s, _ := newServer(t)
	if got := webserve.BindingName(&GreeterService{}); got != "webserve_test.GreeterService" {
		t.Fatalf("binding name = %q", got)
	}
	tests := []struct {
		name   string
		method string
		args   []any
		status int
		want   string // the result or error, as JSON
	}{
		{"result", "webserve_test.GreeterService.Hello", []any{"小王", 3}, 200, `{"result":{"text":"你好，小王","count":3}}`},
		{"error from the method", "webserve_test.GreeterService.Hello", []any{"", 1}, 200, `{"error":"名字不能为空"}`},
		{"error-only method", "webserve_test.GreeterService.Fail", nil, 200, `{"error":"出错了"}`},
		{"English error kept out", "webserve_test.GreeterService.Crash", nil, 200, `{"error":"店务台内部错误，操作没有完成（详情见运行 shopdesk serve 的窗口）"}`},
		{"no result", "webserve_test.GreeterService.Nothing", nil, 200, `{"result":null}`},
		{"wrong argument count", "webserve_test.GreeterService.Hello", []any{"x"}, 400, `{"error":"webserve_test.GreeterService.Hello 需要 2 个参数，收到 1 个"}`},
		{"bad argument type", "webserve_test.GreeterService.Hello", []any{"x", "not a number"}, 400, `{"error":"webserve_test.GreeterService.Hello 的第 2 个参数无效"}`},
		{"unknown service", "app.Nope.Hello", nil, 404, `{"error":"没有这个服务：app.Nope"}`},
		{"unknown method", "webserve_test.GreeterService.Bye", nil, 404, `{"error":"没有这个方法：webserve_test.GreeterService.Bye"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, got := s.call(t, tt.method, tt.args...)
			if status != tt.status || got != tt.want {
				t.Fatalf("got %d %s, want %d %s", status, got, tt.status, tt.want)
			}
		})
	}
	resp, body := s.send(t, req{method: "POST", path: "/api/call", body: "{not json", ctype: "application/json"})
	if resp.StatusCode != 400 {
		t.Fatalf("broken JSON: %d", resp.StatusCode)
	}
	chineseRefusal(t, "broken JSON", body)
}

func TestIndexGetsShimAndAssetsServe(t *testing.T) {
	s, _ := newServer(t)
	get := func(path string) (int, string) {
		resp, body := s.send(t, req{path: path})
		return resp.StatusCode, body
	}
	_, body := get("/")
	if !strings.HasPrefix(body, `<!doctype html><html><head><script src="/shopdesk-shim.js"></script><script type="module"`) {
		t.Fatalf("index without the shim first: %s", body)
	}
	if _, route := get("/orders/list"); route != body {
		t.Fatal("client-side route does not get the app")
	}
	if _, shim := get("/shopdesk-shim.js"); !strings.Contains(shim, "window.go = proxy") {
		t.Fatal("shim not served")
	}
	if _, js := get("/assets/app.js"); js != "console.log(1)" {
		t.Fatal("asset not served")
	}
	status, missing := get("/assets/missing.js")
	if status != 404 {
		t.Fatalf("missing asset: %d", status)
	}
	chineseRefusal(t, "missing asset", missing)
	resp, _ := s.send(t, req{path: "/"})
	for h, want := range map[string]string{"X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
}

// upload sends files (name -> content) as the page does and returns the answer.
func (s *served) upload(t *testing.T, files map[string]string) (int, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for name, content := range files {
		w, _ := mw.CreateFormFile("files", name)
		w.Write([]byte(content))
	}
	mw.Close()
	resp, body := s.send(t, req{method: "POST", path: "/api/upload", body: buf.String(), ctype: mw.FormDataContentType()})
	return resp.StatusCode, body
}

// An upload gives handles, not paths; a path-taking method takes the handle and answers
// with it; the file under it is the one sent, under its own base name.
func TestUploadGivesHandles(t *testing.T) {
	s, _ := newServer(t)
	status, body := s.upload(t, map[string]string{"订单.csv": "a,b\n1,2\n", `C:\Users\x\ExportOrderList.csv`: "x"})
	var out struct{ Handles []string }
	if err := json.Unmarshal([]byte(body), &out); status != 200 || err != nil || len(out.Handles) != 2 {
		t.Fatalf("upload: %d %s", status, body)
	}
	names := map[string]string{}
	for _, h := range out.Handles {
		if strings.Contains(h, s.uploads.Dir()) || filepath.IsAbs(h) {
			t.Fatalf("a handle shows where the file is: %s", h)
		}
		status, got := s.call(t, "webserve_test.GreeterService.Read", h)
		var res struct{ Result string }
		json.Unmarshal([]byte(got), &res)
		if status != 200 || !strings.HasPrefix(res.Result, h+" 的内容：") || strings.Contains(got, s.uploads.Dir()) {
			t.Fatalf("Read(%s): %d %s", h, status, got)
		}
		names[filepath.Base(h)] = strings.TrimPrefix(res.Result, h+" 的内容：")
	}
	if names["订单.csv"] != "a,b\n1,2\n" || names["ExportOrderList.csv"] != "x" {
		t.Fatalf("stored = %v", names)
	}
	resp, body := s.send(t, req{method: "POST", path: "/api/upload", body: "x", ctype: "text/plain"})
	if resp.StatusCode != 400 {
		t.Fatalf("non-multipart upload: %d", resp.StatusCode)
	}
	chineseRefusal(t, "non-multipart upload", body)
}

func TestEventsReachTheBrowser(t *testing.T) {
	s, hub := newServer(t)
	hr, _ := http.NewRequest("GET", s.URL+"/api/events", nil)
	hr.AddCookie(s.cookie)
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	if line, _ := r.ReadString('\n'); !strings.HasPrefix(line, ": connected") {
		t.Fatalf("first line %q", line)
	}
	done := make(chan string, 1)
	go func() {
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			if strings.HasPrefix(line, "data: ") {
				done <- strings.TrimSpace(strings.TrimPrefix(line, "data: "))
				return
			}
		}
	}()
	// The subscriber registers right after the first flush; emit until it is heard.
	for i := 0; ; i++ {
		hub.Emit("import:progress", map[string]int{"rows": 7})
		select {
		case msg := <-done:
			if msg != `{"data":{"rows":7},"name":"import:progress"}` {
				t.Fatalf("event = %s", msg)
			}
			return
		case <-time.After(50 * time.Millisecond):
			if i > 100 {
				t.Fatal("no event arrived")
			}
		}
	}
}
