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
	"shopdesk/internal/anomaly"
	"shopdesk/internal/backup"
	"shopdesk/internal/checklist"
	"shopdesk/internal/inquiry"
	"shopdesk/internal/metrics"
	"shopdesk/internal/shop"
	"shopdesk/internal/staff"
	"shopdesk/internal/stock"
)

// Version is the app version, set at build time with -ldflags "-X shopdesk/app.Version=…".
var Version = "0.1.0-dev"

// Shell is what the services need from the place they run in: the desktop window or the
// browser server.
type Shell interface {
	Mode() string                 // "desktop" or "browser"
	Emit(event string, data any)  // send an event to the UI
	PickFiles() ([]string, error) // native open-file dialog (the window only)
	// PickFolder: native folder dialog (the window only); "" when canceled.
	PickFolder(title string) (string, error)
	// SaveFile saves a file the app made: a native save dialog in the window, a download
	// in the browser.
	SaveFile(name string, data []byte) (SavedFile, error)
}

// Services are every bound service, sharing one database and shell.
type Services struct {
	Shop   *ShopService
	Import *ImportService
	Order  *OrderService
	System *SystemService
	// Anomaly and Settings: order anomalies (订单异常) and 设置.
	Anomaly  *AnomalyService
	Settings *SettingsService
	// Staff: 员工 (staff list, rota, attendance, handover book, payroll).
	Staff *StaffService
	// Inquiry: the inquiry and deal register (询盘成交登记).
	Inquiry *InquiryService
	Stock   *StockService // 库存表
	// Backup: 设置 → 备份 (issue 15 §4).
	Backup *BackupService
	// Checklist: 今日清单, the home page (issue 12).
	Checklist *ChecklistService
	Metrics   *MetricsService // 店铺数据
}

type env struct {
	ctx       context.Context
	db        *db.DB
	shell     Shell
	anomalies *anomaly.Store
	shops     *shop.Store
	stock     *stock.Store
	backups   *backup.Store
	opened    openedFiles // files handed to the window from outside (see opened_files.go)
	staff     *staff.Store
	inquiries *inquiry.Store
	checklist *checklist.Store
	metrics   *metrics.Store
}

// NewServices builds the services over d. Call Startup before the first UI call.
func NewServices(d *db.DB, shell Shell) *Services {
	// Credited sales for commission come from the inquiry register (issue 10): its credit
	// rules decide which agent a deal counts for.
	inquiries := inquiry.New(d)
	e := &env{ctx: context.Background(), db: d, shell: shell, anomalies: anomaly.New(d), shops: shop.New(d),
		staff: staff.New(d, inquiries), inquiries: inquiries, stock: stock.New(d), backups: backup.New(d)}
	e.metrics = metrics.New(d)
	e.checklist = checklist.New(d, checklist.Sources{Anomalies: e.anomalies, Stock: e.stock, Inquiry: e.inquiries, Staff: e.staff,
		Metrics: e.metrics})
	return &Services{
		Shop:   &ShopService{env: e},
		Import: &ImportService{env: e},
		Order:  &OrderService{env: e},
		System: &SystemService{env: e},

		Anomaly:  &AnomalyService{env: e},
		Settings: &SettingsService{env: e},
		Staff:    &StaffService{env: e},
		Inquiry:  &InquiryService{env: e},
		Stock:    &StockService{env: e},
		Backup:   &BackupService{env: e},

		Checklist: &ChecklistService{env: e},
		Metrics:   &MetricsService{env: e},
	}
}

// Startup hands the services their lifetime context (Wails OnStartup, or the server's).
// The anomaly rules then run, and again every few minutes (see AnomalyService); the daily
// backup is made when due, checked every hour (see BackupService).
func (s *Services) Startup(ctx context.Context) {
	s.Shop.env.ctx = ctx
	go s.Anomaly.run(ctx)
	go s.Inquiry.env.matchInquiries()
	go s.Shop.env.syncStock() // imports made while the app was closed (the command line)
	go s.Backup.run()
}

// All lists the services to bind, for wails.Run and the browser server alike.
func (s *Services) All() []any {
	return []any{s.Shop, s.Import, s.Order, s.System, s.Anomaly, s.Settings, s.Staff, s.Inquiry, s.Stock, s.Backup, s.Checklist, s.Metrics}
}
