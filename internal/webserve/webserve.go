// Package webserve serves the Shopdesk UI and its bound services over HTTP, for
// `shopdesk serve`: end-to-end tests drive the real UI in Chromium through it, and a team
// can share one shop PC over the LAN. The services are the same values the desktop window
// binds; a small script (shim.js) makes the Wails-generated bindings call /api/call and
// turns server-sent events into Wails runtime events.
package webserve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
)

//go:embed shim.js
var shimJS []byte

// Server is the HTTP face of the bound services.
type Server struct {
	assets    fs.FS
	services  map[string]reflect.Value // "app.OrderService" -> *OrderService
	hub       *Hub
	uploadDir string
	downloads downloads
}

// New returns a server for the built frontend in assets and the services, each bound
// under "<package>.<Type>" as Wails names them. Uploaded files are kept under uploadDir.
func New(assets fs.FS, services []any, hub *Hub, uploadDir string) *Server {
	s := &Server{assets: assets, services: map[string]reflect.Value{}, hub: hub, uploadDir: uploadDir}
	for _, svc := range services {
		s.services[BindingName(svc)] = reflect.ValueOf(svc)
	}
	return s
}

// BindingName is the name Wails binds a service under: last package path element and type.
func BindingName(svc any) string {
	t := reflect.TypeOf(svc)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return path.Base(t.PkgPath()) + "." + t.Name()
}

// Handler routes the UI, the shim, the call endpoint, events and uploads.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/call", s.handleCall)
	mux.Handle("GET /api/events", s.hub)
	mux.HandleFunc("POST /api/upload", s.handleUpload)
	mux.HandleFunc("GET /api/download/{id}", s.handleDownload)
	mux.HandleFunc("GET /shopdesk-shim.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(shimJS)
	})
	mux.HandleFunc("GET /", s.handleAsset)
	return mux
}

type callRequest struct {
	Name string            `json:"name"` // "app.OrderService.List"
	Args []json.RawMessage `json:"args"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("serve: write response: %v", err)
	}
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// handleCall calls a bound method with JSON arguments, as the Wails bridge does: a
// method returns (T, error), T, error or nothing. An error the method returns is an
// answer, not a failed request: HTTP 200 with {"error": message} (the shim rejects the
// promise with it, as Wails does). 4xx is kept for calls that cannot be made at all.
func (s *Server) handleCall(w http.ResponseWriter, r *http.Request) {
	var req callRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 8<<20)).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "请求格式错误："+err.Error())
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
			writeError(w, http.StatusBadRequest, fmt.Sprintf("%s 的第 %d 个参数无效：%v", req.Name, k+1, err))
			return
		}
		in[k] = p.Elem()
	}
	out := m.Call(in)
	var result any
	for _, v := range out {
		if v.Type().Implements(errorType) && v.Type() == errorType {
			if !v.IsNil() {
				writeError(w, http.StatusOK, v.Interface().(error).Error())
				return
			}
			continue
		}
		result = v.Interface()
	}
	writeJSON(w, http.StatusOK, map[string]any{"result": result})
}

// handleUpload stores the files of a multipart form (field "files") on disk, each in a
// fresh folder under its own base name (the import reports file names), and answers
// {"paths": [...]} for ImportService.ImportFiles.
func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request) {
	mr, err := r.MultipartReader()
	if err != nil {
		writeError(w, http.StatusBadRequest, "上传格式错误："+err.Error())
		return
	}
	if err := os.MkdirAll(s.uploadDir, 0o755); err != nil {
		writeError(w, http.StatusInternalServerError, "无法保存上传的文件："+err.Error())
		return
	}
	var paths []string
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			writeError(w, http.StatusBadRequest, "上传中断："+err.Error())
			return
		}
		if part.FormName() != "files" || part.FileName() == "" {
			continue
		}
		p, err := s.saveUpload(part)
		if err != nil {
			writeError(w, http.StatusInternalServerError, fmt.Sprintf("保存上传的文件“%s”失败：%v", part.FileName(), err))
			return
		}
		paths = append(paths, p)
	}
	if len(paths) == 0 {
		writeError(w, http.StatusBadRequest, "没有收到文件")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"paths": paths})
}

func (s *Server) saveUpload(part io.Reader) (string, error) {
	fp := part.(interface{ FileName() string })
	name := filepath.Base(filepath.FromSlash(strings.ReplaceAll(fp.FileName(), `\`, "/")))
	if name == "." || name == string(filepath.Separator) {
		name = "upload"
	}
	dir, err := os.MkdirTemp(s.uploadDir, "upload-")
	if err != nil {
		return "", err
	}
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(f, part); err != nil {
		f.Close()
		return "", err
	}
	return p, f.Close()
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
		if path.Ext(name) != "" {
			http.NotFound(w, r)
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
