package webserve

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Uploads keeps the files a browser sent for import, each under an opaque handle: the
// browser names a file by its handle, never by a path on this PC, so a call cannot make
// the services read any other file. The files live in a folder of this run, removed when
// the server stops (Close); a folder left by a run that crashed is removed by the next
// (CleanStale).
type Uploads struct {
	dir string

	mu    sync.Mutex
	files map[string]upload // handle -> file
}

type upload struct {
	path  string
	added time.Time
}

// uploadPrefix names the folders of the runs: shopdesk-uploads-<pid>-<random>.
const uploadPrefix = "shopdesk-uploads-"

// uploadTTL is how long an upload stays: the preview, the confirmation and the mapping
// screen need it for minutes; a server left running for weeks must not fill the disk.
const uploadTTL = 24 * time.Hour

// maxUploadFiles is the most files one upload may carry.
const maxUploadFiles = 100

// OpenUploads makes this run's upload folder under root (the system temp folder), after
// removing the folders of runs that are gone.
func OpenUploads(root string) (*Uploads, error) {
	CleanStale(root)
	dir, err := os.MkdirTemp(root, uploadPrefix+strconv.Itoa(os.Getpid())+"-") // 0700
	if err != nil {
		return nil, fmt.Errorf("无法创建上传文件夹：%w", err)
	}
	return &Uploads{dir: dir, files: map[string]upload{}}, nil
}

// Close removes every uploaded file.
func (u *Uploads) Close() error { return os.RemoveAll(u.dir) }

// Dir is the folder of this run's uploads.
func (u *Uploads) Dir() string { return u.dir }

// CleanStale removes the upload folders under root whose server process is gone (killed,
// crashed, or the PC lost power). A folder whose process id is alive again as another
// program stays until that program ends: a few files, never a wrong deletion.
func CleanStale(root string) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || !strings.HasPrefix(name, uploadPrefix) {
			continue
		}
		pidText, _, ok := strings.Cut(strings.TrimPrefix(name, uploadPrefix), "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		if err := os.RemoveAll(filepath.Join(root, name)); err != nil {
			log.Printf("serve: remove stale uploads %s: %v", name, err)
		}
	}
}

// save stores one uploaded file (at most limit bytes) and returns its handle.
func (u *Uploads) save(name string, r io.Reader, limit int64) (string, error) {
	name = filepath.Base(filepath.FromSlash(strings.ReplaceAll(name, `\`, "/")))
	if name == "." || name == ".." || name == string(filepath.Separator) || name == "" {
		name = "upload"
	}
	id := NewToken()
	dir := filepath.Join(u.dir, id)
	if err := os.Mkdir(dir, 0o700); err != nil {
		return "", err
	}
	p := filepath.Join(dir, name)
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	n, err := io.Copy(f, io.LimitReader(r, limit+1))
	if cErr := f.Close(); err == nil {
		err = cErr
	}
	if err == nil && n > limit {
		err = errTooBig
	}
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	handle := id + "/" + name
	u.mu.Lock()
	u.files[handle] = upload{path: p, added: time.Now()}
	u.mu.Unlock()
	return handle, nil
}

var errTooBig = errors.New("upload too big")

// resolve returns the file of a handle this run gave out.
func (u *Uploads) resolve(handle string) (string, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	f, ok := u.files[handle]
	return f.path, ok
}

// remove drops uploads (those of an upload refused half way).
func (u *Uploads) remove(handles []string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	for _, h := range handles {
		if f, ok := u.files[h]; ok {
			os.RemoveAll(filepath.Dir(f.path))
			delete(u.files, h)
		}
	}
}

// expire removes uploads older than uploadTTL.
func (u *Uploads) expire(now time.Time) {
	u.mu.Lock()
	defer u.mu.Unlock()
	for h, f := range u.files {
		if now.Sub(f.added) > uploadTTL {
			os.RemoveAll(filepath.Dir(f.path))
			delete(u.files, h)
		}
	}
}

func mb(n int64) string { return strconv.FormatInt(n>>20, 10) + " MB" }

// handleUpload stores the files of a multipart form (field "files") and answers
// {"handles": [...]}: what ImportFiles, PreviewFiles and SheetHeader take over HTTP.
// A file over the limit (设置 → 上传文件大小上限) is refused and nothing of the upload kept.
func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request) {
	limit := s.cfg.UploadLimit(r.Context())
	mr, err := r.MultipartReader()
	if err != nil {
		writeError(w, http.StatusBadRequest, "上传格式错误：请从页面上选择或拖入文件")
		return
	}
	s.uploads.expire(time.Now())
	var handles []string
	undo := func() { s.uploads.remove(handles) }
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			undo()
			log.Printf("serve: upload: %v", err)
			writeError(w, http.StatusBadRequest, "上传中断了：请再试一次")
			return
		}
		if part.FormName() != "files" || part.FileName() == "" {
			continue
		}
		if len(handles) == maxUploadFiles {
			undo()
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("一次最多上传 %d 个文件", maxUploadFiles))
			return
		}
		h, err := s.uploads.save(part.FileName(), part, limit)
		if err != nil {
			undo()
			if errors.Is(err, errTooBig) {
				writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("文件“%s”超过了上传大小上限 %s（可在 设置 → 隐私与浏览器模式 里修改）", filepath.Base(part.FileName()), mb(limit)))
				return
			}
			log.Printf("serve: upload %s: %v", part.FileName(), err)
			writeError(w, http.StatusInternalServerError, fmt.Sprintf("保存上传的文件“%s”失败：磁盘已满或临时文件夹不可写", filepath.Base(part.FileName())))
			return
		}
		handles = append(handles, h)
	}
	if len(handles) == 0 {
		writeError(w, http.StatusBadRequest, "没有收到文件")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"handles": handles})
}
