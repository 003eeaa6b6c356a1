// Command shopdesk is 店务台, the desktop app for small online sellers.
//
//	shopdesk [--db PATH] [--demo]                 open the window
//	shopdesk [--db PATH] [--demo] serve [--addr] [--lan]  serve the same UI to a browser
//	shopdesk [--db PATH] import [--shop NAME] [--dry-run] [--json] FILE...
//	shopdesk [--db PATH] demo                     create the demo shops
//	shopdesk [--db PATH] backup [--to DIR] | backups [--json] | restore FILE
//
// Subcommands are parsed before the window starts, so they work in a binary built with
// plain `CGO_ENABLED=0 go build` (no Wails build tags, no window).
package main

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	_ "time/tzdata" // shop time zones on Windows, which has no zoneinfo files

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	wailsruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"shopdesk/app"
)

//go:embed all:frontend/dist
var assets embed.FS

func frontendFS() fs.FS {
	sub, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	return sub
}

func main() {
	// SIGINT (Ctrl-C), SIGTERM (kill, a service manager) and SIGHUP (the terminal closed)
	// end the context: serve then stops and removes its uploads, the window closes, and
	// the database is closed cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, runWindow)
	stop()
	os.Exit(code)
}

// runWindow opens the desktop window on the database at dbPath.
func runWindow(ctx context.Context, g globalFlags) int {
	if generatingBindings {
		err := wails.Run(&options.App{Title: "店务台", Bind: app.NewServices(nil, &app.DesktopShell{}).All()})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	}
	if runtime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		fmt.Fprintln(os.Stderr, "店务台：这台电脑没有图形界面（DISPLAY 未设置），无法打开窗口。\n"+
			"请改用浏览器模式：make serve（或 shopdesk serve），再用浏览器打开它给出的地址。\n"+
			"No display: run `make serve` and open the address it prints in a browser.")
		return 1
	}
	d, err := openDB(ctx, g)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer d.Close()
	shell := &app.DesktopShell{}
	services := app.NewServices(d, shell)
	services.OpenFiles(g.open) // the UI takes them once it has loaded
	var started sync.Once
	err = wails.Run(&options.App{
		Title:     "店务台 Shopdesk",
		Width:     1280,
		Height:    800,
		MinWidth:  1024,
		MinHeight: 680,
		// Start hidden and show on DOM ready: no white flash while the UI loads.
		StartHidden:      true,
		BackgroundColour: &options.RGBA{R: 245, G: 246, B: 248, A: 255},
		AssetServer:      &assetserver.Options{Assets: frontendFS()},
		OnStartup: func(wctx context.Context) {
			shell.Startup(wctx)
			// SIGINT/SIGTERM/SIGHUP (main's context) close the window like its close button.
			go func() {
				<-ctx.Done()
				wailsruntime.Quit(wctx)
			}()
		},
		OnDomReady: func(wctx context.Context) {
			wailsruntime.WindowShow(wctx)
			// The services (and the anomaly rules that write) start once the window is up:
			// a second start that hands its files over and exits never gets here.
			started.Do(func() { services.Startup(wctx) })
		},
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId: instanceID(d.Path),
			OnSecondInstanceLaunch: func(second options.SecondInstanceData) {
				files := filesFromArgs(second.Args, second.WorkingDirectory)
				fmt.Fprintf(os.Stderr, "店务台：又启动了一次（同一个数据库），交来 %d 个文件，留在这个窗口\n", len(files))
				if wctx := shell.Context(); wctx != nil {
					wailsruntime.WindowUnminimise(wctx)
					wailsruntime.WindowShow(wctx)
				}
				services.OpenFiles(files)
			},
		},
		Bind:        services.All(),
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "店务台：窗口无法启动：%v\n"+
			"（若这是用 go build 直接编译的程序，它不含窗口：请用 make build，或改用 shopdesk serve。）\n", err)
		return 1
	}
	return 0
}
