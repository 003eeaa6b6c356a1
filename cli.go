package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"shopdesk/app"
	"shopdesk/db"
	"shopdesk/internal/anomaly"
	"shopdesk/internal/appdata"
	"shopdesk/internal/backup"
	"shopdesk/internal/demo"
	"shopdesk/internal/importer"
	"shopdesk/internal/settings"
	"shopdesk/internal/shop"
	"shopdesk/internal/webserve"
)

// globalFlags come before the subcommand.
type globalFlags struct {
	dbPath string
	demo   bool
	open   []string // files to preview in the window (shopdesk FILE...)
}

const usage = `店务台 Shopdesk

用法 Usage:
  shopdesk [--db PATH] [--demo] [FILE...]         打开窗口（并预览文件） open the window (and preview the files)
  shopdesk [--db PATH] [--demo] serve [--addr 127.0.0.1:34115] [--lan]
                                                   浏览器模式 serve the UI to a browser
                                                   (--lan: 允许局域网访问 allow other computers)
  shopdesk [--db PATH] import [--shop NAME] [--dry-run] [--json] FILE...
                                                   导入导出文件 import export files
  shopdesk [--db PATH] imports [--json]            导入记录 list the imports, newest first
  shopdesk [--db PATH] undo BATCH                  撤销一次导入 undo an import
  shopdesk [--db PATH] demo                        创建演示店铺 create the demo shops
  shopdesk [--db PATH] anomalies [--at "2026-11-22 09:00"] [--shop NAME] [--json]
                                                   待处理的订单异常 the open order anomalies
  shopdesk [--db PATH] payroll [--month 2026-11] [--json]
                                                   月工资 the month's payslips
  shopdesk [--db PATH] inquiries stats --from DATE --to DATE [--by channel|agent|product|reason|type|region] [--json]
                                                   询盘转化 inquiry conversion (询盘成交登记)
  shopdesk [--db PATH] stock [--at 2026-11-22] [--json]
                                                   库存表：可售天数、补货、滞销 the stock figures
  shopdesk [--db PATH] checklist [--date 2026-11-22] [--at "2026-11-22 09:00"] [--json | --html FILE]
                                                   今日清单 today's checklist (--html: 打印文件 the print file)
  shopdesk [--db PATH] backup [--to DIR]           立即备份 back up the database now
  shopdesk [--db PATH] backups [--json]            备份列表 list the backups, newest first
  shopdesk [--db PATH] restore FILE                从备份恢复（现在的数据先另存一份）
                                                   restore a backup (the current data is kept aside)

全局选项 Global options:
  --db PATH   数据库文件 database file (default: $SHOPDESK_DB, else the user data folder)
  --demo      数据库为空时创建演示店铺 create the demo shops when the database is empty
`

// run parses the command line and runs a subcommand, or the window when there is none.
// It returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, window func(context.Context, globalFlags) int) int {
	fs := flag.NewFlagSet("shopdesk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	var g globalFlags
	fs.StringVar(&g.dbPath, "db", "", "database file")
	fs.BoolVar(&g.demo, "demo", false, "create the demo shops on an empty database")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	rest := fs.Args()
	if len(rest) > 0 && isFileArg(rest[0]) {
		// shopdesk FILE... (a file dropped on the icon, "Open with"): the window opens and
		// previews them as for a drop
		g.open, rest = rest, nil
	}
	if len(rest) == 0 {
		db.Program = "店务台窗口"
		if g.demo {
			if code := ensureDemo(ctx, g, stdout, stderr); code != 0 {
				return code
			}
		}
		return window(ctx, g)
	}
	// Named in the file a lasting write leaves beside the database, for another program
	// that finds the database busy (db.Program).
	db.Program = "命令行 shopdesk " + rest[0]
	switch rest[0] {
	case "import":
		return cmdImport(ctx, g, rest[1:], stdout, stderr)
	case "backup":
		return cmdBackup(ctx, g, rest[1:], stdout, stderr)
	case "backups":
		return cmdBackups(ctx, g, rest[1:], stdout, stderr)
	case "restore":
		return cmdRestore(ctx, g, rest[1:], stdout, stderr)
	case "serve":
		db.Program = "店务台浏览器模式（shopdesk serve）"
		return cmdServe(ctx, g, rest[1:], stdout, stderr)
	case "demo":
		return cmdDemo(ctx, g, stdout, stderr)
	case "imports":
		return cmdImports(ctx, g, rest[1:], stdout, stderr)
	case "undo":
		return cmdUndo(ctx, g, rest[1:], stdout, stderr)
	case "anomalies":
		return cmdAnomalies(ctx, g, rest[1:], stdout, stderr)
	case "payroll":
		return cmdPayroll(ctx, g, rest[1:], stdout, stderr)
	case "inquiries":
		return cmdInquiries(ctx, g, rest[1:], stdout, stderr)
	case "stock":
		return cmdStock(ctx, g, rest[1:], stdout, stderr)
	case "checklist":
		return cmdChecklist(ctx, g, rest[1:], stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "未知的子命令“%s” (unknown command)\n\n%s", rest[0], usage)
		return 2
	}
}

func openDB(ctx context.Context, g globalFlags) (*db.DB, error) {
	path := g.dbPath
	if path == "" {
		var err error
		if path, err = appdata.DBPath(); err != nil {
			return nil, fmt.Errorf("找不到数据文件夹：%w", err)
		}
		if os.Getenv(appdata.EnvDB) == "" {
			// Shopdesk's own data folder: readable by the user only (older versions made it 0755).
			if err := db.TightenDir(filepath.Dir(path)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("无法设置数据文件夹 %s 的权限：%w", filepath.Dir(path), err)
			}
		}
	}
	// A database an older version left is copied before the migrations change it.
	d, err := db.Open(ctx, path, backup.BeforeMigrate(path))
	if err != nil {
		return nil, fmt.Errorf("无法打开数据库 %s：%w", path, err)
	}
	return d, nil
}

func cmdImport(ctx context.Context, g globalFlags, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shopName := fs.String("shop", "", "shop for files without a 店铺名称 column (created on the file's platform if new)")
	dryRun := fs.Bool("dry-run", false, "read and check everything, keep nothing")
	asJSON := fs.Bool("json", false, "one JSON object per file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "用法：shopdesk import [--shop NAME] [--dry-run] [--json] FILE...")
		return 2
	}
	d, err := openDB(ctx, g)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer d.Close()
	if !*dryRun {
		// The backup before an import, when due (backup.Store.BeforeImport).
		if b, made, err := backup.New(d).BeforeImport(ctx, nil); err != nil {
			fmt.Fprintf(stderr, "注意：导入前的备份没有完成（导入照常进行）：%v\n", err)
		} else if made {
			fmt.Fprintf(stderr, "导入前已备份数据库：%s\n", b.File)
		}
	}
	im := importer.New(d)
	failed := false
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, path := range fs.Args() {
		r := im.ImportFile(ctx, path, importer.Options{ShopName: *shopName, DryRun: *dryRun})
		failed = failed || r.Error != ""
		if *asJSON {
			j := jsonResult{File: path, Shop: r.Shop, Platform: r.Platform, Format: r.Format, Kind: r.Kind,
				Rows: r.Rows, New: r.New, Updated: r.Updated, Unchanged: r.Unchanged, Rejected: r.Rejected,
				Duplicate: r.Duplicate, DryRun: r.DryRun, Error: r.Error, ErrorCode: r.ErrorCode,
				FooterSkipped: r.FooterSkipped, Footer: r.FooterText, StatusDerived: r.StatusDerived,
				ShopFrom: r.ShopFrom, TemplateHint: templateHint(r), Notes: r.Notes}
			if o := r.Orders; o != nil {
				j.Orders, j.OrdersNew, j.OrdersUpdated, j.OrdersUnchanged = &o.Total, &o.New, &o.Updated, &o.Unchanged
			}
			enc.Encode(j)
			continue
		}
		printResult(stdout, r)
	}
	if !*dryRun {
		refreshAnomalies(ctx, d, stderr)
		matchInquiries(ctx, d, stderr)
		refreshStock(ctx, d, stderr)
	}
	if failed {
		return 1
	}
	return 0
}

// jsonResult is the --json shape of one file: keys are a public interface for scripts
// (README.md says what each means). new/updated/unchanged/rejected count the file's rows,
// as they always did; the orders of an orders file are in orders*, added beside them
// (issue 14) rather than changing what new means to a script.
type jsonResult struct {
	File     string `json:"file"`
	Shop     string `json:"shop"`
	Platform string `json:"platform"`
	Format   string `json:"format"`
	// Kind is "orders", "refunds", "stock", "inquiries", "rota" or "punches" ("" when the
	// file was not recognised).
	Kind      string `json:"kind"`
	Rows      int    `json:"rows"`
	New       int    `json:"new"`
	Updated   int    `json:"updated"`
	Unchanged int    `json:"unchanged"`
	Rejected  int    `json:"rejected"`
	// Orders* count the orders of an orders file (absent for refund files and failures):
	// a 抖店 export of 250 product lines is 200 orders.
	Orders          *int `json:"orders,omitempty"`
	OrdersNew       *int `json:"orders_new,omitempty"`
	OrdersUpdated   *int `json:"orders_updated,omitempty"`
	OrdersUnchanged *int `json:"orders_unchanged,omitempty"`
	// ShopFrom says where the shop came from: column, preamble, named (--shop), chosen,
	// remembered, only (the platform's only shop), orders (a refund file's orders' shop).
	ShopFrom  string `json:"shop_from,omitempty"`
	Duplicate bool   `json:"duplicate"`
	DryRun    bool   `json:"dry_run"`
	Error     string `json:"error"`
	ErrorCode string `json:"error_code,omitempty"`
	// FooterSkipped lines after the data (合计, 共 N 条, the export time) were skipped;
	// Footer names them.
	FooterSkipped int    `json:"footer_skipped"`
	Footer        string `json:"footer,omitempty"`
	// StatusDerived: no 订单状态 column, the statuses were derived from the paid time.
	StatusDerived bool `json:"status_derived"`
	// TemplateHint says how to make a template for a file no layout knows.
	TemplateHint string `json:"template_hint,omitempty"`
	// Notes say, in Chinese, what to know of an import of the seller's own sheets (people
	// a rota or punch file added, register rows to complete).
	Notes []string `json:"notes,omitempty"`
}

func printResult(w io.Writer, r importer.FileResult) {
	switch {
	case r.Error != "":
		fmt.Fprintf(w, "✗ %s\n", r.Error)
		if hint := templateHint(r); hint != "" {
			fmt.Fprintf(w, "  %s\n", hint)
		}
	case r.Duplicate:
		fmt.Fprintf(w, "= %s：此文件已导入过（导入记录 #%d，店铺 %s），没有做任何更改\n", r.File, r.BatchID, r.Shop)
	default:
		prefix := "✓"
		if r.DryRun {
			prefix = "（试运行，未保存）"
		}
		shop := "，店铺 " + r.Shop + shopNote(r)
		if r.Platform == "" {
			shop = "" // the seller's own sheet (库存表): of no shop
		}
		fmt.Fprintf(w, "%s %s：%s%s，%s\n", prefix, r.File, r.FormatName, shop, countsText(r))
		if r.Rejected > 0 {
			fmt.Fprintf(w, "  拒绝 %d 行\n", r.Rejected)
		}
		if r.StatusDerived {
			fmt.Fprintf(w, "  文件里没有“订单状态”列：状态按付款时间推断（%s）\n", importer.DerivedStatusRules())
		}
		if r.FooterSkipped > 0 {
			fmt.Fprintf(w, "  跳过文件末尾 %d 行：%s\n", r.FooterSkipped, r.FooterText)
		}
		for _, n := range r.Notes {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
}

// countsText says what an import did: to orders for an orders file (and its rows where
// they are more: one row per product line), else to its rows (refunds).
func countsText(r importer.FileResult) string {
	if o := r.Orders; o != nil {
		s := fmt.Sprintf("%d 个订单：新增 %d，更新 %d，未变 %d", o.Total, o.New, o.Updated, o.Unchanged)
		if r.Rows != o.Total {
			s += fmt.Sprintf("（文件 %d 行，每行一件商品：新增 %d 行，更新 %d 行，未变 %d 行）", r.Rows, r.New, r.Updated, r.Unchanged)
		}
		return s
	}
	what := "行"
	switch r.Kind {
	case importer.KindRefunds:
		what = "条退款/售后"
	case importer.KindInquiries:
		what = "条询盘"
	case importer.KindRota:
		what = "人的排班"
	case importer.KindPunches:
		what = "行打卡记录"
	}
	return fmt.Sprintf("%d %s：新增 %d，更新 %d，未变 %d", r.Rows, what, r.New, r.Updated, r.Unchanged)
}

// shopNote says where the shop of a file without a 店铺名称 column came from.
func shopNote(r importer.FileResult) string {
	switch r.ShopFrom {
	case importer.ShopFromPreamble:
		return fmt.Sprintf("（文件第 %d 行写明）", r.ShopLine)
	case importer.ShopFromOnly:
		return "（文件里没有店铺名称，用这个平台唯一的店铺）"
	case importer.ShopFromRemembered:
		return "（按上次的选择）"
	case importer.ShopFromOrders:
		return "（文件里的订单所在的店铺）"
	}
	return ""
}

// templateHint tells, for a file no layout or template knows but whose header the mapping
// screen can map, how to make a template for it: the command line has no mapping screen.
func templateHint(r importer.FileResult) string {
	if r.ErrorCode != importer.ErrCodeUnknownFormat || len(r.Header) == 0 {
		return ""
	}
	known := ""
	if len(r.Guess["order_no"]) > 0 {
		known = fmt.Sprintf("文件里有“%s”列", r.Guess["order_no"][0])
		if t := r.Guess["created_at"]; len(t) > 0 {
			known = fmt.Sprintf("文件里有“%s”和“%s”列", r.Guess["order_no"][0], t[0])
		}
		known += "，但它不是店务台认识的平台导出格式。"
	}
	return known + "请为它做一个导入模板：打开店务台，在“导入”页把这个文件拖进窗口，点“设置列对应”，为每一项选出文件里对应的列（订单编号" +
		"等已按列名选好）并保存；之后同样表头的文件用 shopdesk import 就能直接导入。"
}

func cmdImports(ctx context.Context, g globalFlags, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("imports", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "a JSON array")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	return withDB(ctx, g, stderr, func(d *db.DB) error {
		batches, err := importer.ListBatches(ctx, d.SQL, 1000)
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetEscapeHTML(false)
			return enc.Encode(batches)
		}
		if len(batches) == 0 {
			fmt.Fprintln(stdout, "还没有导入记录。")
		}
		for _, b := range batches {
			counts := fmt.Sprintf("%d 行：新增 %d，更新 %d，未变 %d", b.Rows, b.New, b.Updated, b.Unchanged)
			if o := b.Orders; o != nil {
				counts = fmt.Sprintf("%d 个订单：新增 %d，更新 %d，未变 %d", o.Total, o.New, o.Updated, o.Unchanged)
				if int64(o.Total) != b.Rows {
					counts += fmt.Sprintf("（%d 行）", b.Rows)
				}
			}
			shop := "  店铺 " + b.ShopName
			if b.Platform == "" {
				shop = "" // the seller's own sheet (库存表): of no shop
			}
			fmt.Fprintf(stdout, "#%d  %s  %s  %s%s  %s\n", b.ID, b.StartedAt, b.FileName, b.FormatName, shop, counts)
		}
		return nil
	})
}

func cmdUndo(ctx context.Context, g globalFlags, args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "用法：shopdesk undo BATCH（导入记录编号，见 shopdesk imports）")
		return 2
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(args[0], "#"), 10, 64)
	if err != nil {
		fmt.Fprintf(stderr, "“%s”不是导入记录编号\n", args[0])
		return 2
	}
	return withDB(ctx, g, stderr, func(d *db.DB) error {
		r, err := importer.New(d).Undo(ctx, id)
		if err != nil {
			return err
		}
		switch r.Level {
		case "refund":
			fmt.Fprintf(stdout, "已撤销导入 #%d（%s）：删除 %d 条新退款记录，恢复 %d 条退款记录的原值\n", r.BatchID, r.File, r.RefundsRemoved, r.RefundsRestored)
			refreshAnomalies(ctx, d, stderr)
			matchInquiries(ctx, d, stderr)
			refreshStock(ctx, d, stderr)
			return nil
		case "stock", "stocktake":
			fmt.Fprintf(stdout, "已撤销导入 #%d（%s）：删除 %d 条库存记录、%d 行盘点，删除 %d 个新商品，恢复 %d 个商品的原值\n", r.BatchID, r.File,
				r.StockMovesRemoved, r.StockCountsRemoved, r.StockItemsRemoved, r.StockItemsRestored)
			refreshStock(ctx, d, stderr)
			return nil
		}
		fmt.Fprintf(stdout, "已撤销导入 #%d（%s）：删除 %d 个新订单，恢复 %d 个订单的原值\n", r.BatchID, r.File, r.Removed, r.Restored)
		refreshAnomalies(ctx, d, stderr)
		matchInquiries(ctx, d, stderr)
		refreshStock(ctx, d, stderr)
		return nil
	})
}

// ensureDemo creates the demo shops when the database has no shop yet (--demo).
func ensureDemo(ctx context.Context, g globalFlags, stdout, stderr io.Writer) int {
	return withDB(ctx, g, stderr, func(d *db.DB) error {
		n, err := shop.New(d).Count(ctx)
		if err != nil || n > 0 {
			return err
		}
		return createDemo(ctx, d, stdout)
	})
}

func cmdDemo(ctx context.Context, g globalFlags, stdout, stderr io.Writer) int {
	return withDB(ctx, g, stderr, func(d *db.DB) error { return createDemo(ctx, d, stdout) })
}

func createDemo(ctx context.Context, d *db.DB, stdout io.Writer) error {
	r, err := demo.Create(ctx, d, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已创建演示数据：%d 个店铺，%d 个订单，%d 个订单异常，%d 条询盘登记（%s）\n", r.Shops, r.Orders, r.Anomalies, r.Inquiries, d.Path)
	return nil
}

// refreshAnomalies runs the order anomaly rules after the data changed. A failure is
// reported; the change itself stands.
func refreshAnomalies(ctx context.Context, d *db.DB, stderr io.Writer) {
	if _, err := anomaly.New(d).Evaluate(ctx, anomaly.At(time.Now())); err != nil {
		fmt.Fprintf(stderr, "注意：订单异常没有更新：%v\n", err)
	}
}

// withDB opens the database, runs fn and turns an error into a message and exit code 1.
func withDB(ctx context.Context, g globalFlags, stderr io.Writer, fn func(*db.DB) error) int {
	d, err := openDB(ctx, g)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer d.Close()
	if err := fn(d); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

func cmdServe(ctx context.Context, g globalFlags, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:34115", "address to listen on (port 0 picks a free one)")
	lan := fs.Bool("lan", false, "allow an address other computers can reach (prints the address and token)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "用法：shopdesk serve [--addr 127.0.0.1:34115] [--lan]")
		return 2
	}
	if g.demo {
		if code := ensureDemo(ctx, g, stdout, stderr); code != 0 {
			return code
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "无法监听 %s：%v\n", *addr, err)
		return 1
	}
	defer ln.Close()
	bound := ln.Addr().(*net.TCPAddr)
	if !bound.IP.IsLoopback() && !*lan {
		fmt.Fprintf(stderr, "--addr %s 会让局域网里的其他电脑也能打开店铺数据（订单、买家、地址）。\n"+
			"只在本机用：去掉 --addr（默认 127.0.0.1:34115）。确实要给其他电脑用：加上 --lan。\n", *addr)
		return 2
	}
	d, err := openDB(ctx, g)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer d.Close()
	uploads, err := webserve.OpenUploads(os.TempDir())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer uploads.Close() // on any return: normal exit, SIGINT, SIGTERM (main's context)

	hub := webserve.NewHub()
	shell := &app.BrowserShell{Events: hub}
	services := app.NewServices(d, shell)
	token := webserve.NewToken()
	srv, err := webserve.New(frontendFS(), services.All(), hub, webserve.Config{
		Addr:    bound.String(),
		Token:   token,
		Uploads: uploads,
		UploadLimit: func(ctx context.Context) int64 {
			n, err := settings.UploadLimit(ctx, d.Queries())
			if err != nil {
				fmt.Fprintf(stderr, "读取上传大小上限失败，按默认值：%v\n", err)
			}
			return n
		},
		PathArgs: app.PathArgs,
	})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	shell.Files = srv // exports are downloaded from the server
	services.Startup(ctx)
	httpSrv := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	urls := serveURLs(bound, token)
	// Tests read this line to find the address and token; keep its shape.
	fmt.Fprintf(stdout, "店务台 serving on %s (database %s)\n", urls[0], d.Path)
	if !bound.IP.IsLoopback() {
		fmt.Fprintln(stdout, "局域网模式：同一网络里的电脑用下面的地址（带令牌）打开店务台。拿到这个地址的人都能查看和修改店铺数据，只发给自己人；每次启动令牌都会变。")
		for _, u := range urls {
			fmt.Fprintln(stdout, "  "+u)
		}
	}
	if f, ok := stdout.(*os.File); ok {
		f.Sync()
	}
	errc := make(chan error, 1)
	go func() { errc <- httpSrv.Serve(ln) }()
	select {
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		httpSrv.Shutdown(shutdown)
		return 0
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(stderr, "服务停止了：%v\n", err)
			return 1
		}
		return 0
	}
}

// serveURLs are the addresses to open, with the token: the bound one, or for every
// interface (0.0.0.0) each IPv4 address of this PC other computers can reach.
func serveURLs(bound *net.TCPAddr, token string) []string {
	u := func(ip string) string {
		return "http://" + net.JoinHostPort(ip, strconv.Itoa(bound.Port)) + "/?" + webserve.TokenParam + "=" + token
	}
	if !bound.IP.IsUnspecified() {
		return []string{u(bound.IP.String())}
	}
	var out []string
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() {
				out = append(out, u(n.IP.String()))
			}
		}
	}
	return append(out, u("127.0.0.1"))
}
