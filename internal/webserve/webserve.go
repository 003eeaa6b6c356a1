// Package webserve serves the Shopdesk UI and its bound services over HTTP, for
// `shopdesk serve`: end-to-end tests drive the real UI in Chromium through it, and a team
// can share one shop PC over the LAN. The services are the same values the desktop window
// binds; a small script (shim.js) makes the Wails-generated bindings call /api/call and
// turns server-sent events into Wails runtime events.
//
// Any web page the seller's browser opens can send requests to this server, so every
// request passes the guard first (guard.go: this run's token, Host, Origin), calls are
// JSON only, and the services read no file on the PC but those the browser uploaded
// (uploads.go, paths.go).
package webserve

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"mime"
	"net/http"
	"path"
	"reflect"
	"strings"
	"sync"
	"unicode"
)

//go:embed shim.js
var shimJS []byte

// Server is the HTTP face of the bound services.
type Server struct {
	assets    fs.FS
	services  map[string]reflect.Value // "app.OrderService" -> *OrderService
	hub       *Hub
	cfg       Config
	uploads   *Uploads
	token     string
	cookie    string
	hosts     map[string]bool
	downloads downloads
}

// Config is what a server needs beyond the UI and the services.
type Config struct {
	// Addr is the address listened on (the listener's host:port): requests must name it
	// in Host (see allowedHosts).
	Addr string
	// Token is this run's secret (NewToken): every request carries it in a cookie.
	Token string
	// Uploads keeps the files browsers send (OpenUploads).
	Uploads *Uploads
	// UploadLimit is the largest file accepted, in bytes (设置; read at each upload).
	UploadLimit func(context.Context) int64
	// PathArgs names the bound methods that take paths of files on this PC, with the
	// indexes of those arguments ("app.ImportService.ImportFiles": {0}). Over HTTP such an
	// argument must be an upload handle, and paths in the answer go back as handles.
	PathArgs map[string][]int
}

// New returns a server for the built frontend in assets and the services, each bound
// under "<package>.<Type>" as Wails names them.
func New(assets fs.FS, services []any, hub *Hub, cfg Config) (*Server, error) {
	hosts, err := allowedHosts(cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("serve %s: %w", cfg.Addr, err)
	}
	if cfg.Token == "" || cfg.Uploads == nil || cfg.UploadLimit == nil {
		return nil, errors.New("webserve.New: Token, Uploads and UploadLimit are required")
	}
	s := &Server{assets: assets, services: map[string]reflect.Value{}, hub: hub, cfg: cfg, uploads: cfg.Uploads,
		token: cfg.Token, cookie: cookieName(cfg.Addr), hosts: hosts}
	for _, svc := range services {
		s.services[BindingName(svc)] = reflect.ValueOf(svc)
	}
	return s, nil
}

// BindingName is the name Wails binds a service under: last package path element and type.
func BindingName(svc any) string {
	t := reflect.TypeOf(svc)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return path.Base(t.PkgPath()) + "." + t.Name()
}

// Handler routes the UI, the shim, the call endpoint, events and uploads, every one
// behind the guard (token, Host, Origin).
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/call", onlyMethod(http.MethodPost, s.handleCall))
	mux.HandleFunc("/api/events", onlyMethod(http.MethodGet, s.hub.ServeHTTP))
	mux.HandleFunc("/api/upload", onlyMethod(http.MethodPost, s.handleUpload))
	mux.HandleFunc("/api/download/{id}", onlyMethod(http.MethodGet, s.handleDownload))
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "没有这个接口："+r.URL.Path)
	})
	mux.HandleFunc("/shopdesk-shim.js", onlyMethod(http.MethodGet, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(shimJS)
	}))
	mux.HandleFunc("/", onlyMethod(http.MethodGet, s.handleAsset))
	return s.guard(mux)
}

type callRequest struct {
	Name string            `json:"name"` // "app.OrderService.List"
	Args []json.RawMessage `json:"args"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		log.Printf("serve: encode response: %v", err)
		status, data = http.StatusInternalServerError, []byte(`{"error":"店务台内部错误：回答无法编码"}`)
	}
	writeRaw(w, status, data)
}

func writeRaw(w http.ResponseWriter, status int, data []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(data)
	w.Write([]byte("\n"))
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// handleCall calls a bound method with JSON arguments, as the Wails bridge does: a
// method returns (T, error), T, error or nothing. An error the method returns is an
// answer, not a failed request: HTTP 200 with {"error": message} (the shim rejects the
// promise with it, as Wails does). 4xx is kept for calls that cannot be made at all.
// Every message is Chinese: Go's own text goes to the log.
func (s *Server) handleCall(w http.ResponseWriter, r *http.Request) {
	if !isJSON(r) {
		writeError(w, http.StatusUnsupportedMediaType, "请求格式错误：调用必须是 JSON（Content-Type: application/json）")
		return
	}
	var req callRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 8<<20)).Decode(&req); err != nil {
		log.Printf("serve: call: %v", err)
		writeError(w, http.StatusBadRequest, "请求格式错误：无法读取调用的内容")
		return
	}
	i := strings.LastIndex(req.Name, ".")
	if i < 0 {
		writeError(w, http.StatusNotFound, "没有这个方法："+req.Name)
		return
	}
	svc, ok := s.services[req.Name[:i]]
	if !ok {
		writeError(w, http.StatusNotFound, "没有这个服务："+req.Name[:i])
		return
	}
	m := svc.MethodByName(req.Name[i+1:])
	if !m.IsValid() {
		writeError(w, http.StatusNotFound, "没有这个方法："+req.Name)
		return
	}
	mt := m.Type()
	if len(req.Args) != mt.NumIn() {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("%s 需要 %d 个参数，收到 %d 个", req.Name, mt.NumIn(), len(req.Args)))
		return
	}
	in := make([]reflect.Value, mt.NumIn())
	for k := range in {
		p := reflect.New(mt.In(k))
		if err := json.Unmarshal(req.Args[k], p.Interface()); err != nil {
			log.Printf("serve: %s argument %d: %v", req.Name, k+1, err)
			writeError(w, http.StatusBadRequest, fmt.Sprintf("%s 的第 %d 个参数无效", req.Name, k+1))
			return
		}
		in[k] = p.Elem()
	}
	back, err := s.resolvePaths(req.Name, in)
	if err != nil {
		writeError(w, http.StatusForbidden, err.Error())
		return
	}
	out := m.Call(in)
	var result any
	for _, v := range out {
		if v.Type() == errorType {
			if !v.IsNil() {
				msg := v.Interface().(error).Error()
				if !hasHan(msg) {
					log.Printf("serve: %s: %s", req.Name, msg)
					msg = "店务台内部错误，操作没有完成（详情见运行 shopdesk serve 的窗口）"
				}
				writeRaw(w, http.StatusOK, back(mustJSON(map[string]string{"error": msg})))
				return
			}
			continue
		}
		result = v.Interface()
	}
	data, err := json.Marshal(map[string]any{"result": result})
	if err != nil {
		log.Printf("serve: %s: encode result: %v", req.Name, err)
		writeError(w, http.StatusInternalServerError, "店务台内部错误：回答无法编码")
		return
	}
	writeRaw(w, http.StatusOK, back(data))
}

func mustJSON(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // only maps of strings are passed
	}
	return data
}

// hasHan tells whether a message has Chinese in it (the services' messages do; Go's and
// SQLite's own do not).
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// handleAsset serves the built frontend; index.html gets the shim before the app's scripts.
func (s *Server) handleAsset(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	data, err := fs.ReadFile(s.assets, name)
	if err != nil {
		// Unknown paths get the app (client-side routes); missing assets a 404.
		if path.Ext(name) != "" && name != "index.html" {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, "没有这个文件："+name)
			return
		}
		name = "index.html"
		if data, err = fs.ReadFile(s.assets, name); err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, `<!doctype html><meta charset="utf-8"><title>店务台</title><p>界面还没有构建：请先运行 <code>make build</code>（The UI is not built yet: run <code>make build</code>.）</p>`)
			return
		}
	}
	if name == "index.html" {
		data = injectShim(data)
		w.Header().Set("Cache-Control", "no-cache")
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(data)
}

func injectShim(index []byte) []byte {
	tag := []byte(`<script src="/shopdesk-shim.js"></script>`)
	if i := bytes.Index(index, []byte("<head>")); i >= 0 {
		i += len("<head>")
		return append(append(append([]byte{}, index[:i]...), tag...), index[i:]...)
	}
	return append(tag, index...)
}

// Hub broadcasts events to every connected browser over server-sent events.
type Hub struct {
	mu      sync.Mutex
	clients map[chan []byte]struct{}
}

// NewHub returns an empty hub.
func NewHub() *Hub { return &Hub{clients: map[chan []byte]struct{}{}} }

// Emit sends the event to every browser; a browser too slow to keep up misses it rather
// than blocking the import that emits.
func (h *Hub) Emit(name string, data any) {
	msg, err := json.Marshal(map[string]any{"name": name, "data": data})
	if err != nil {
		log.Printf("serve: event %s: %v", name, err)
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- msg:
		default:
		}
	}
}

func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		writeError(w, http.StatusInternalServerError, "事件流不可用")
		return
	}
	c := make(chan []byte, 64)
	h.mu.Lock()
	h.clients[c] = struct{}{}
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	io.WriteString(w, ": connected\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg := <-c:
			fmt.Fprintf(w, "data: %s\n\n", msg)
			flusher.Flush()
		}
	}
}
