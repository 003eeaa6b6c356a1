package importer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"shopdesk/db"
	"shopdesk/db/sqldb"
	"shopdesk/internal/importer/xlsx"
)

// The runner: one file of any kind, from its recognised header to its recorded batch. It
// opens the batch, reads and parses the rows in their own goroutines (pipeline.go), hands
// them to the kind's row handler in chunks, reports progress, counts the outcomes, skips
// and names the footer (footer.go), records the batch, its shops and remembered shop
// choice, and commits, or rolls back for a dry run: all in the one transaction
// (db.InBulkTx), so that a file is imported whole or not at all.

// rowHandler is what a kind adds to the runner for one file (fileKind.newHandler).
type rowHandler interface {
	// parser returns the function that parses a chunk of rows into the kind's values. It
	// runs in the reading goroutine, ahead of the writes.
	parser() parseFunc
	// write writes a chunk of parsed rows in file order, calling count with each row's
	// outcome (count returns the context's error when the import was stopped). An error
	// ends the import: the transaction is rolled back.
	write(w *writer, rows any, count func(rowOutcome) error) error
	// finish writes what is still queued after the last row. first and last are the id
	// range of the orders the file created (first > last: none); undo finds them by it.
	finish(w *writer) (first, last int64, err error)
}

// run is one file's import as the runner and its kind see it.
type run struct {
	ctx       context.Context
	im        *Importer
	path      string
	facts     fileFacts
	src       *openedTable
	templates []templateLayout
	layout    *boundLayout
	headerRow int
	opts      Options
	res       *FileResult
	kind      *fileKind
	// defaultShop is the shop of rows without a 店铺名称: the caller's or the remembered one
	// (shopmemory.go); a kind's newHandler may decide it otherwise (refunds: the shop of
	// their orders). mem is what to remember of the choice.
	defaultShop     int64
	defaultShopFrom string // ShopFromRemembered, ShopFromChosen, ShopFromOrders; "" for none
	mem             shopMemory
}

// errDryRun rolls a dry run's transaction back: a dry run keeps nothing.
var errDryRun = errors.New("dry run")

// runFile imports r's rows with its kind's handler.
func (im *Importer) runFile(r *run) error {
	ctx, res, name := r.ctx, r.res, r.res.File
	var err error
	if r.kind.NoPlatform {
		// The seller's own sheet names no shop and goes to none: a shop picked for the other
		// files of the drop is not its, and is not remembered for its header.
		r.opts.ShopID, r.opts.ShopName = 0, ""
	} else if r.defaultShop, r.defaultShopFrom, r.mem, err = im.defaultShop(ctx, r.layout, r.opts, res); err != nil {
		return err
	}
	h, err := r.kind.newHandler(r)
	if err != nil {
		return err
	}
	report := progressReporter(r.opts, name, r.src)
	// Another write of this app (the rules, an undo, a restore) may hold the database: the
	// file waits for it, and its progress row says so.
	op := fmt.Sprintf("导入“%s”", name)
	if r.opts.DryRun {
		op = fmt.Sprintf("预览“%s”", name)
	}
	writeCtx := db.OnWait(db.WithOp(ctx, op), func(h db.Holder) { reportWait(r.opts, name, h) })
	err = im.db.InBulkTx(writeCtx, importCacheMiB, func(tx *sql.Tx, _ *sqldb.Queries) error {
		b, err := openBatch(ctx, tx, name, r.facts, r.layout)
		if err != nil {
			return err
		}
		defer b.q.Close()
		w := &writer{rowParser: newRowParser(r.layout, name, r.facts), ctx: ctx, tx: tx, q: b.q,
			batchID: b.id, defaultShop: r.defaultShop, defaultShopFrom: r.defaultShopFrom, defaultShopName: r.opts.ShopName,
			shops: map[string]sqldb.FindShopRow{}}

		// The reading stops when this function returns, before src is closed.
		readCtx, stopReading := context.WithCancel(ctx)
		chunks := make(chan rowChunk, chunksAhead)
		readDone := make(chan struct{})
		go func() {
			defer close(readDone)
			readRows(readCtx, r.src.table, newFooterRules(r.layout), h.parser(), chunks)
		}()
		defer func() {
			stopReading()
			<-readDone
		}()

		n := 0
		count := func(o rowOutcome) error {
			if n%256 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				report(res.Rows, false)
			}
			n++
			res.count(o)
			return nil
		}
		var footer []tableRow
		for chunk := range chunks {
			if err := ctx.Err(); err != nil {
				return err
			}
			if chunk.rows != nil {
				if err := h.write(w, chunk.rows, count); err != nil {
					return err
				}
			}
			if chunk.err != nil {
				return readError(name, chunk.err, r.layout)
			}
			footer = chunk.footer
		}
		if err := ctx.Err(); err != nil {
			return err // the reader stopped early: the file was not read to its end
		}
		first, last, err := h.finish(w)
		if err != nil {
			return err
		}
		if res.Rows == 0 {
			return fail(ErrCodeUnreadable, fileError(name,
				fmt.Errorf("第 %d 行是表头，但下面没有任何%s行", r.headerRow, r.kind.Name)))
		}
		res.setFooter(footer)
		res.setShop(r.layout, w)
		if err := rememberImport(ctx, b.q, r.layout, r.mem, r.opts); err != nil {
			return fmt.Errorf("文件“%s”：%w", name, err)
		}
		if err := b.finish(ctx, w, res, first, last); err != nil {
			return err
		}
		if r.opts.DryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		res.BatchID = 0
		err = nil
	}
	if err != nil {
		return err
	}
	report(res.Rows, true)
	return nil
}

// reportWait tells the progress listener what the file waits for.
func reportWait(opts Options, name string, h db.Holder) {
	if opts.Progress != nil {
		opts.Progress(Progress{File: name, Index: opts.Index, Files: max(opts.Files, 1), Waiting: h.Waiting()})
	}
}

// readError is the error of a file that cannot be read further. A cell too long to import
// is named by its column's header ("买家留言") as well as its letter.
func readError(name string, err error, l *boundLayout) error {
	var tc tooLongCell
	if !errors.As(err, &tc) {
		return fail(ErrCodeUnreadable, fileError(name, err))
	}
	row, col, chars := tc.TooLongCell()
	column := " " + xlsx.ColumnName(col) + " 列"
	if l != nil && col-1 < len(l.headers) && l.headers[col-1] != "" {
		column = fmt.Sprintf("“%s”列（%s 列）", l.headers[col-1], xlsx.ColumnName(col))
	}
	msg := fmt.Sprintf("第 %d 行%s的内容%s：%s", row, column, xlsx.TooLongText(chars), xlsx.TooLongAdvice)
	if ce, ok := tc.(*cellTooLongError); ok && ce.quoted {
		msg += quoteHint
	}
	return fail(ErrCodeBadValue, fileError(name, errors.New(msg)))
}
