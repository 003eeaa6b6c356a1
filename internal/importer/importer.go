// Package importer turns the export files of the seller back offices into orders.
//
// The pipeline for one file: inspect (hash, kind, encoding) -> decode (CSV or xlsx rows)
// -> detect the layout by its header row, which says the file's kind (kind.go) -> the
// runner (run.go) reads, parses and writes the rows with the kind's row handler, all in
// one transaction: a file is imported whole or not at all.
package importer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"shopdesk/db"
	"shopdesk/internal/filename"
	"shopdesk/internal/shop"
)

// headerSearchRows is how far down a file the header row may start (preamble lines).
const headerSearchRows = 15

// progressEvery is the least time between two progress reports of one file.
const progressEvery = 100 * time.Millisecond

// importCacheMiB is SQLite's page cache for an import's transaction (the default is 2 MB):
// enough for the indexes of the orders table to stay in memory while a million rows are
// added, well inside the 200 MB an import of a million rows may use.
const importCacheMiB = 64

// Importer imports export files into one database.
type Importer struct {
	db *db.DB
}

// New returns an Importer writing to d.
func New(d *db.DB) *Importer { return &Importer{db: d} }

// Options steer one file's import.
type Options struct {
	// ShopID is the shop for files that do not name theirs (no 店铺名称 column).
	// 0 means: the only shop of the file's platform, else ask (ErrCodeNeedShop).
	ShopID int64
	// ShopName, when ShopID is 0, names the shop for such files: found on the file's
	// platform, or created there (the command line's --shop).
	ShopName string
	// DryRun runs the whole import and rolls it back: the counts are real, nothing is kept.
	DryRun bool
	// Progress, if set, is called at most every 100 ms and once when the file is done.
	Progress func(Progress)
	// Index and Files place this file in a multi-file import, for Progress.
	Index, Files int
}

// importError is an error with a code the UI can act on; Message is shown to the seller.
type importError struct {
	code string
	err  error
}

func (e *importError) Error() string { return e.err.Error() }
func (e *importError) Unwrap() error { return e.err }

func fail(code string, err error) error { return &importError{code: code, err: err} }

// File is one file of a multi-file import with the shop the seller picked for it
// (Options.ShopID; 0: from the file, the remembered pick or the platform's only shop).
type File struct {
	Path   string
	ShopID int64
}

// ImportFiles imports several files one after another, each in its own transaction and
// with its own shop; opts.ShopID is not used.
func (im *Importer) ImportFiles(ctx context.Context, files []File, opts Options) []FileResult {
	results := make([]FileResult, 0, len(files))
	for i, f := range files {
		o := opts
		o.Index, o.Files, o.ShopID = i, len(files), f.ShopID
		results = append(results, im.ImportFile(ctx, f.Path, o))
	}
	return results
}

// ImportFile imports one file. The result always comes back; on failure its Error says
// why in Chinese and nothing was written.
func (im *Importer) ImportFile(ctx context.Context, path string, opts Options) FileResult {
	res := FileResult{File: filename.Base(path), Path: path, DryRun: opts.DryRun}
	err := im.importFile(ctx, path, opts, &res)
	if err != nil {
		res.New, res.Updated, res.Unchanged, res.BatchID, res.Orders = 0, 0, 0, 0, nil
		res.Notes = nil
		res.ShopID, res.ShopFrom, res.ShopLine = 0, "", 0
		res.Error = err.Error()
		var ie *importError
		switch {
		case errors.As(err, &ie):
			res.ErrorCode = ie.code
		case errors.Is(err, context.Canceled):
			res.ErrorCode = ErrCodeCanceled
			res.Error = fmt.Sprintf("文件“%s”：导入已取消，没有写入任何数据", res.File)
		case errors.Is(err, db.ErrBusy):
			// another program kept the database: the file is fine, try again later
			res.ErrorCode = ErrCodeBusy
			res.Error = fmt.Sprintf("文件“%s”没有导入：%v", res.File, err)
		default:
			res.ErrorCode = ErrCodeUnreadable
		}
	}
	return res
}

func (im *Importer) importFile(ctx context.Context, path string, opts Options, res *FileResult) error {
	name := res.File
	if err := ctx.Err(); err != nil {
		return err // canceled before this file started
	}
	facts, err := inspect(path)
	if err != nil {
		return fail(ErrCodeUnreadable, fileError(name, err))
	}
	if prev, err := im.db.Queries().FindBatchBySHA(ctx, facts.sha256); err == nil {
		res.Duplicate = true
		res.Platform, res.Format, res.FormatName = prev.Platform, prev.Format, formatNames(ctx, im.db.Queries())(prev.Format)
		res.Shop, res.Rows, res.Unchanged, res.BatchID = prev.ShopNames, int(prev.RowsTotal), int(prev.RowsTotal), prev.ID
		res.Kind = KindOrders
		if k := kindOfLevel(LayoutLevel(prev.Format)); k != nil {
			res.Kind = k.ID
		}
		if prev.OrdersNew != nil && prev.OrdersUpdated != nil && prev.OrdersUnchanged != nil {
			n := int(*prev.OrdersNew + *prev.OrdersUpdated + *prev.OrdersUnchanged)
			res.Orders = &OrderCounts{Total: n, Unchanged: n}
		}
		return nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("文件“%s”：查询导入记录失败：%w", name, err)
	}

	templates, err := loadTemplates(ctx, im.db.Queries())
	if err != nil {
		return fileError(name, err)
	}
	src, err := openTable(path, facts, templates)
	if err != nil {
		return fail(ErrCodeUnreadable, fileError(name, err))
	}
	defer src.close()
	res.setSheets(src)
	layout, headerRow, err := findHeaderWith(src.table, templates)
	var tc tooLongCell
	if errors.Is(err, errNoContent) {
		return fail(ErrCodeUnreadable, fileError(name, err))
	}
	if errors.As(err, &tc) {
		return readError(name, err, nil)
	}
	if err != nil {
		res.setUnknownHeader(err)
		return fail(ErrCodeUnknownFormat, fileError(name, err))
	}
	res.Platform, res.Format, res.FormatName = layout.Platform, layout.ID, layout.Name
	kind := kindOfLevel(layout.Level)
	if kind == nil {
		return fail(ErrCodeUnknownFormat, fileError(name, fmt.Errorf("格式“%s”的内容种类“%s”不认识", layout.Name, layout.Level)))
	}
	res.Kind = kind.ID
	return im.runFile(&run{ctx: ctx, im: im, path: path, facts: facts, src: src, templates: templates,
		layout: layout, headerRow: headerRow, opts: opts, res: res, kind: kind})
}

func utcNow() string { return time.Now().UTC().Format("2006-01-02 15:04:05") }

// openedTable is a table plus what it needs to be closed and to report byte progress.
type openedTable struct {
	table      table
	bytesRead  func() int64
	totalBytes int64
	close      func()
	// sheet is the worksheet read and sheets the workbook's visible ones (xlsx only).
	sheet  string
	sheets []string
}

// openTable opens the file's table: for an xlsx, the sheet the layouts and templates
// recognise (openXLSX).
func openTable(path string, facts fileFacts, templates []templateLayout) (*openedTable, error) {
	switch facts.kind {
	case "xlsx":
		t, err := openXLSX(path, templates)
		if err != nil {
			return nil, err
		}
		return &openedTable{table: t, bytesRead: func() int64 { return 0 }, close: t.close,
			sheet: t.Sheet(), sheets: t.visibleSheets()}, nil
	default:
		r, counter, closer, err := openCSV(path, facts)
		if err != nil {
			return nil, err
		}
		var t table = r
		if facts.cut {
			t = &cutTable{t: r}
		}
		return &openedTable{table: t, bytesRead: counter.n.Load, totalBytes: facts.size,
			close: func() { closer.Close() }}, nil
	}
}

// findHeader reads up to headerSearchRows rows looking for a header a layout knows.
func findHeader(t table) (*boundLayout, int, error) { return findHeaderWith(t, nil) }

// findHeaderWith is findHeader that also knows the seller's templates (tried on a row
// after every built-in layout). When nothing matches, the error is an *unknownLayoutError
// carrying the file's likely header row for the mapping screen.
func findHeaderWith(t table, templates []templateLayout) (*boundLayout, int, error) {
	var first []string
	var read []tableRow
	for i := 0; i < headerSearchRows; i++ {
		row, err := t.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, err
		}
		if first == nil && nonEmpty(row) > 0 {
			first = append([]string{}, row...)
		}
		l := matchLayout(row)
		if l == nil {
			l = matchTemplate(row, templates)
		}
		if l != nil {
			if err := l.checkDuplicates(t.Row()); err != nil {
				return nil, 0, err
			}
			l.preambleShop, l.preambleRow = preambleShop(read)
			l.preamble = read
			return l, t.Row(), nil
		}
		read = append(read, tableRow{t.Row(), append([]string(nil), row...)})
	}
	if first == nil {
		return nil, 0, errNoContent
	}
	return nil, 0, unknownLayout(t, read, fmt.Errorf("认不出这是哪个平台的订单导出文件：前 %d 行里没有表头（一行里至少 %d 个非空的格子），也就没有“订单编号”“订单状态”“订单创建时间”这样的列。文件开头是：%s",
		headerSearchRows, minHeaderCells, headerList(first)))
}

// headerList names the first cells of a row for a message: "订单号码、买家会员名、…".
func headerList(row []string) string {
	seen := make([]string, 0, 6)
	more := false
	for _, c := range row {
		if c = normalizeHeader(c); c != "" {
			if len(seen) == cap(seen) {
				more = true
				break
			}
			seen = append(seen, clip(c, 20))
		}
	}
	out := strings.Join(seen, "、")
	if more {
		out += "…"
	}
	return out
}

// errNoContent: the file holds no text at all (blank lines, spaces), which no mapping can
// help with.
var errNoContent = errors.New("文件里没有任何内容")

// isBlank is nonEmpty(row) == 0, stopping at the first cell with content (most often
// the first cell of the row: an order row's number).
func isBlank(row []string) bool {
	for _, c := range row {
		if c != "" && (c[0] > ' ' && c[0] < utf8.RuneSelf || strings.TrimSpace(c) != "") {
			return false
		}
	}
	return true
}

func nonEmpty(row []string) int {
	n := 0
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// progressReporter throttles Progress calls to one per progressEvery, plus the final one.
func progressReporter(opts Options, name string, src *openedTable) func(rows int, done bool) {
	if opts.Progress == nil {
		return func(int, bool) {}
	}
	var last time.Time
	return func(rows int, done bool) {
		now := time.Now()
		if !done && now.Sub(last) < progressEvery {
			return
		}
		last = now
		p := Progress{File: name, Index: opts.Index, Files: max(opts.Files, 1), Rows: rows,
			Bytes: src.bytesRead(), TotalBytes: src.totalBytes, Done: done}
		if done {
			p.Bytes = p.TotalBytes
		}
		opts.Progress(p)
	}
}

// shopFor is used by the writer: a shop resolved by name or by the caller's choice.
func platformLabel(p string) string {
	if n, ok := shop.PlatformName[p]; ok {
		return n
	}
	return p
}
