package app

import (
	"context"
	"errors"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// DesktopShell is the Wails window. Its context is the one Wails passes to OnStartup;
// the runtime functions need it.
type DesktopShell struct{ ctx context.Context }

// Startup records the Wails context.
func (d *DesktopShell) Startup(ctx context.Context) { d.ctx = ctx }

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

// Emitter sends events to browsers (the serve mode's SSE hub).
type Emitter interface{ Emit(event string, data any) }

// BrowserShell is `shopdesk serve`: events go to the browsers, files come by upload.
type BrowserShell struct{ Events Emitter }

func (b *BrowserShell) Mode() string                { return "browser" }
func (b *BrowserShell) Emit(event string, data any) { b.Events.Emit(event, data) }
func (b *BrowserShell) PickFiles() ([]string, error) {
	return nil, errors.New("浏览器模式下没有本机文件对话框：请用“选择文件”上传，或把文件拖到页面上")
}
