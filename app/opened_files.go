package app

import (
	"log"
	"sync"
)

// FilesOpenedEvent tells the UI that files were handed to the app from outside: a file on
// the command line, or a second start of the app with files (dropped on its icon, "Open
// with"), which the single instance lock passes to this window. The UI takes them with
// SystemService.TakeOpenedFiles and previews them as it does a drop: the seller confirms.
const FilesOpenedEvent = "app:files-opened"

// openedFiles holds the files until the UI takes them: the first start's arrive before the
// page has loaded and listens.
type openedFiles struct {
	mu    sync.Mutex
	paths []string
}

// OpenFiles hands files to the UI as if they were dropped on the window. It is not a
// bound method: only the window's own process calls it.
func (s *Services) OpenFiles(paths []string) {
	if len(paths) == 0 {
		return
	}
	e := s.System.env
	e.opened.mu.Lock()
	e.opened.paths = append(e.opened.paths, paths...)
	e.opened.mu.Unlock()
	e.shell.Emit(FilesOpenedEvent, len(paths))
}

// TakeOpenedFiles returns the files handed to the app since the last call (see
// FilesOpenedEvent), and forgets them.
func (s *SystemService) TakeOpenedFiles() []string {
	s.env.opened.mu.Lock()
	defer s.env.opened.mu.Unlock()
	paths := s.env.opened.paths
	s.env.opened.paths = nil
	if len(paths) > 0 {
		log.Printf("店务台：界面接过 %d 个从外面交来的文件：%v", len(paths), paths)
	}
	return paths
}
