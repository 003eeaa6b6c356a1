package app

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// DesktopShell is the Wails window. Its context is the one Wails passes to OnStartup;
// the runtime functions need it.
type DesktopShell struct{ ctx context.Context }

// Startup records the Wails context.
func (d *DesktopShell) Startup(ctx context.Context) { d.ctx = ctx }

// Context is the Wails context (nil before OnStartup), for the runtime's window functions.
func (d *DesktopShell) Context() context.Context { return d.ctx }

func (d *DesktopShell) Mode() string { return "desktop" }

func (d *DesktopShell) Emit(event string, data any) {
	if d.ctx != nil {
		runtime.EventsEmit(d.ctx, event, data)
	}
}

func (d *DesktopShell) PickFiles() ([]string, error) {
	return runtime.OpenMultipleFilesDialog(d.ctx, runtime.OpenDialogOptions{
		Title: "选择平台导出的订单文件",
		Filters: []runtime.FileFilter{
			{DisplayName: "订单导出文件 (*.csv, *.xlsx)", Pattern: "*.csv;*.xlsx;*.CSV;*.XLSX"},
			{DisplayName: "所有文件", Pattern: "*"},
		},
	})
}

// PickFolder opens the native folder dialog; "" when canceled.
func (d *DesktopShell) PickFolder(title string) (string, error) {
	return runtime.OpenDirectoryDialog(d.ctx, runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}

// SaveFile asks where to save a file the app made (an Excel export) and writes it there.
// Canceling the dialog is not an error: the result has no path.
func (d *DesktopShell) SaveFile(name string, data []byte) (SavedFile, error) {
	path, err := runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{
		Title:           "导出到 Excel",
		DefaultFilename: name,
		Filters:         []runtime.FileFilter{{DisplayName: "Excel 工作簿 (*.xlsx)", Pattern: "*.xlsx"}},
	})
	if err != nil || path == "" {
		return SavedFile{}, err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return SavedFile{}, fmt.Errorf("无法保存文件 %s：%w", path, err)
	}
	return SavedFile{Name: name, Path: path}, nil
}

// Emitter sends events to browsers (the serve mode's SSE hub).
type Emitter interface{ Emit(event string, data any) }

// Offerer keeps a file for a browser to download and returns its URL (the serve mode's
// webserve.Server).
type Offerer interface {
	Offer(name string, data []byte) string
}

// BrowserShell is `shopdesk serve`: events go to the browsers, files come by upload and
// leave by download.
type BrowserShell struct {
	Events Emitter
	Files  Offerer
}

func (b *BrowserShell) Mode() string                { return "browser" }
func (b *BrowserShell) Emit(event string, data any) { b.Events.Emit(event, data) }
func (b *BrowserShell) PickFiles() ([]string, error) {
	return nil, errors.New("浏览器模式下没有本机文件对话框：请用“选择文件”上传，或把文件拖到页面上")
}

// PickFolder: a browser cannot name folders of this PC.
func (b *BrowserShell) PickFolder(string) (string, error) {
	return "", errors.New("浏览器模式下不能选择本机的文件夹：请在店务台的桌面窗口里设置")
}

// SaveFile offers the file for download: the browser saves it where its user says.
func (b *BrowserShell) SaveFile(name string, data []byte) (SavedFile, error) {
	if b.Files == nil {
		return SavedFile{}, errors.New("浏览器模式下不能下载文件")
	}
	return SavedFile{Name: name, URL: b.Files.Offer(name, data)}, nil
}
