// Package app holds the services bound to the window (Wails) and served over HTTP by
// `shopdesk serve`. They are thin: each turns a UI call into a call of internal/<feature>.
// This package and the main package are the only code that knows about Wails.
//
// Wails calls bound methods without a context, so the services keep the one they were
// started with (the window's, or the server's): the one place a context is stored.
package app

import (
	"context"

	"shopdesk/db"
)

// Version is the app version, set at build time with -ldflags "-X shopdesk/app.Version=…".
var Version = "0.1.0-dev"

// Shell is what the services need from the place they run in: the desktop window or the
// browser server.
type Shell interface {
	Mode() string                 // "desktop" or "browser"
	Emit(event string, data any)  // send an event to the UI
	PickFiles() ([]string, error) // native open-file dialog (the window only)
}

// Services are every bound service, sharing one database and shell.
type Services struct {
	Shop   *ShopService
	Import *ImportService
	Order  *OrderService
	System *SystemService
}

type env struct {
	ctx   context.Context
	db    *db.DB
	shell Shell
}

// NewServices builds the services over d. Call Startup before the first UI call.
func NewServices(d *db.DB, shell Shell) *Services {
	e := &env{ctx: context.Background(), db: d, shell: shell}
	return &Services{
		Shop:   &ShopService{env: e},
		Import: &ImportService{env: e},
		Order:  &OrderService{env: e},
		System: &SystemService{env: e},
	}
}

// Startup hands the services their lifetime context (Wails OnStartup, or the server's).
func (s *Services) Startup(ctx context.Context) { s.Shop.env.ctx = ctx }

// All lists the services to bind, for wails.Run and the browser server alike.
func (s *Services) All() []any { return []any{s.Shop, s.Import, s.Order, s.System} }
