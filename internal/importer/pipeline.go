package importer

import (
	"context"
	"io"
)

// The import runs as three goroutines: one splits the file into rows of cells (decoding
// GBK, CSV quoting, the xlsx XML), one turns each row into the kind's typed values (about
// as much work again), and the runner writes them to the database. Rows travel between
// them in chunks, so that a row handler can look up the stored rows of a whole chunk with
// one query and insert the new ones many rows per statement. The handler still writes the
// rows one by one in file order: counts, the "same order as the row above" rules and which
// row's error is reported do not depend on the chunking.

// chunkRows is how many rows travel together. It bounds what is held in memory (a few
// chunks) and sets how many numbers one look-up query carries.
const chunkRows = insertRows

// chunksAhead is how many chunks each stage may be ahead of the next.
const chunksAhead = 4

// rowChunk is a run of consecutive rows of the file as the kind's parser made them;
// err, if set, is the read error that came after them (the file cannot be read further).
// The last chunk of a file read to its end carries its footer (footer.go).
type rowChunk struct {
	rows   any // the kind's parsed rows (rowHandler.parse), nil for none
	err    error
	footer []tableRow
}

// rawChunk is a run of consecutive rows as cells, with their row numbers; err and footer
// as in rowChunk.
type rawChunk struct {
	rows   [][]string
	nos    []int
	err    error
	footer []tableRow
}

// parseFunc turns a chunk of rows into the kind's parsed rows. It runs in the reading
// goroutine: it may keep scratch state of its own, but must not touch the database.
type parseFunc func(nos []int, rows [][]string) any

// readRows reads the rest of t (after its header row), parses every row and sends them
// in chunks until the end of the file, a read error (sent as the last chunk's err) or
// ctx is done. It closes out when it returns, and returns only once it has stopped
// reading t.
func readRows(ctx context.Context, t table, ft footerRules, parse parseFunc, out chan<- rowChunk) {
	defer close(out)
	ctx, stop := context.WithCancel(ctx)
	raw := make(chan rawChunk, chunksAhead)
	split := make(chan struct{})
	go func() {
		defer close(split)
		splitRows(ctx, t, ft, raw)
	}()
	defer func() {
		stop()
		<-split // t must not be read once this returns: the caller closes it
	}()
	for c := range raw {
		chunk := rowChunk{err: c.err, footer: c.footer}
		if len(c.rows) > 0 {
			chunk.rows = parse(c.nos, c.rows)
		}
		select {
		case out <- chunk:
		case <-ctx.Done():
			return
		}
	}
}

// splitRows is readRows' first stage: the rows of t, copied (t reuses its slice), in
// chunks. Rows that look like a footer (footerRules.like) are held back until a data row
// follows them (they were data after all) or the file ends (they are its footer, sent
// with the last chunk). It closes out when it returns.
func splitRows(ctx context.Context, t table, ft footerRules, out chan<- rawChunk) {
	defer close(out)
	send := func(c rawChunk) bool {
		select {
		case out <- c:
			return true
		case <-ctx.Done():
			return false
		}
	}
	newChunk := func() rawChunk {
		return rawChunk{rows: make([][]string, 0, chunkRows), nos: make([]int, 0, chunkRows)}
	}
	c := newChunk()
	var held []tableRow
	var slab []string
	add := func(no int, cells []string) bool {
		c.rows = append(c.rows, cells)
		c.nos = append(c.nos, no)
		if len(c.rows) < chunkRows {
			return true
		}
		ok := send(c)
		c = newChunk()
		return ok
	}
	release := func() bool { // the held rows are data
		for _, h := range held {
			if !add(h.no, h.cells) {
				return false
			}
		}
		held = held[:0]
		return true
	}
	for {
		row, err := t.Next()
		if err == io.EOF {
			c.footer = held
			if len(c.rows) > 0 || len(held) > 0 {
				send(c)
			}
			return
		}
		if err != nil {
			if release() {
				c.err = err
				send(c)
			}
			return
		}
		// The reader reuses its slice: the row is copied, into a slab shared by many rows
		// (one allocation per chunk or so rather than one per row).
		if cap(slab)-len(slab) < len(row) {
			slab = make([]string, 0, max(len(row)*chunkRows/4, 1024))
		}
		slab = append(slab, row...)
		cells := slab[len(slab)-len(row) : len(slab) : len(slab)]
		if ft.like(cells) {
			if len(held) == maxFooterRows && !release() {
				return
			}
			held = append(held, tableRow{t.Row(), cells})
			continue
		}
		if !release() || !add(t.Row(), cells) {
			return
		}
	}
}
