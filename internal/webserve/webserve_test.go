package webserve_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"testing/fstest"
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

func (GreeterService) Nothing() {}

func newServer(t *testing.T) (*httptest.Server, *webserve.Hub, string) {
	t.Helper()
	assets := fstest.MapFS{
		"index.html":    {Data: []byte(`<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head></html>`)},
		"assets/app.js": {Data: []byte(`console.log(1)`)},
	}
	hub := webserve.NewHub()
	dir := t.TempDir()
	srv := httptest.NewServer(webserve.New(assets, []any{&GreeterService{}}, hub, dir).Handler())
	t.Cleanup(srv.Close)
	return srv, hub, dir
}

func call(t *testing.T, srv *httptest.Server, name string, args ...any) (int, map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"name": name, "args": args})
	resp, err := http.Post(srv.URL+"/api/call", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, out
}

func TestCallDispatch(t *testing.T) {
	srv, _, _ := newServer(t)
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
		{"result", "webserve_test.GreeterService.Hello", []any{"小王", 3}, 200, `{"result":{"count":3,"text":"你好，小王"}}`},
		{"error from the method", "webserve_test.GreeterService.Hello", []any{"", 1}, 200, `{"error":"名字不能为空"}`},
		{"error-only method", "webserve_test.GreeterService.Fail", nil, 200, `{"error":"出错了"}`},
		{"no result", "webserve_test.GreeterService.Nothing", nil, 200, `{"result":null}`},
		{"wrong argument count", "webserve_test.GreeterService.Hello", []any{"x"}, 400, `{"error":"webserve_test.GreeterService.Hello 需要 2 个参数，收到 1 个"}`},
		{"unknown service", "app.Nope.Hello", nil, 404, `{"error":"没有这个服务：app.Nope"}`},
		{"unknown method", "webserve_test.GreeterService.Bye", nil, 404, `{"error":"没有这个方法：webserve_test.GreeterService.Bye"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out := call(t, srv, tt.method, tt.args...)
			got, _ := json.Marshal(out)
			if status != tt.status || string(got) != tt.want {
				t.Fatalf("got %d %s, want %d %s", status, got, tt.status, tt.want)
			}
		})
	}
	status, out := call(t, srv, "webserve_test.GreeterService.Hello", "x", "not a number")
	if status != 400 || !strings.Contains(out["error"].(string), "第 2 个参数无效") {
		t.Fatalf("bad argument type: %d %v", status, out)
	}
}

func TestIndexGetsShimAndAssetsServe(t *testing.T) {
	srv, _, _ := newServer(t)
	body := get(t, srv.URL+"/")
	if !strings.HasPrefix(body, `<!doctype html><html><head><script src="/shopdesk-shim.js"></script><script type="module"`) {
		t.Fatalf("index without the shim first: %s", body)
	}
	if get(t, srv.URL+"/orders/list") != body {
		t.Fatal("client-side route does not get the app")
	}
	if !strings.Contains(get(t, srv.URL+"/shopdesk-shim.js"), "window.go = proxy") {
		t.Fatal("shim not served")
	}
	if get(t, srv.URL+"/assets/app.js") != "console.log(1)" {
		t.Fatal("asset not served")
	}
	resp, _ := http.Get(srv.URL + "/assets/missing.js")
	if resp.StatusCode != 404 {
		t.Fatalf("missing asset: %d", resp.StatusCode)
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestUploadKeepsNamesAndContent(t *testing.T) {
	srv, _, dir := newServer(t)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for name, content := range map[string]string{"订单.csv": "a,b\n1,2\n", `C:\Users\x\ExportOrderList.csv`: "x"} {
		w, _ := mw.CreateFormFile("files", name)
		w.Write([]byte(content))
	}
	mw.Close()
	resp, err := http.Post(srv.URL+"/api/upload", mw.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	var out struct{ Paths []string }
	json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if len(out.Paths) != 2 {
		t.Fatalf("paths = %v", out.Paths)
	}
	names := map[string]string{}
	for _, p := range out.Paths {
		if !strings.HasPrefix(p, dir) {
			t.Fatalf("upload outside the upload folder: %s", p)
		}
		data, _ := os.ReadFile(p)
		names[p[strings.LastIndex(p, "/")+1:]] = string(data)
	}
	if names["订单.csv"] != "a,b\n1,2\n" || names["ExportOrderList.csv"] != "x" {
		t.Fatalf("stored = %v", names)
	}

	resp, _ = http.Post(srv.URL+"/api/upload", "text/plain", strings.NewReader("x"))
	if resp.StatusCode != 400 {
		t.Fatalf("non-multipart upload: %d", resp.StatusCode)
	}
}

func TestEventsReachTheBrowser(t *testing.T) {
	srv, hub, _ := newServer(t)
	resp, err := http.Get(srv.URL + "/api/events")
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
