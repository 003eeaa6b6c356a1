package importer

import (
	"context"
	"strings"
)

// previewRows is how many rows of a file the preview shows.
const previewRows = 5

// Preview is what a file would do, for the seller to check before it is imported: a dry
// run's result (platform, format, shop, counts, or the error) and the first rows as read.
type Preview struct {
	Result  FileResult `json:"result"`
	Columns []string   `json:"columns"` // the file's own header text of the shown columns
	Rows    [][]string `json:"rows"`
}

// PreviewFiles previews several files, each with its own shop, as ImportFiles imports
// them: the same files with the same shops import as they were previewed.
func (im *Importer) PreviewFiles(ctx context.Context, files []File, opts Options) []Preview {
	out := make([]Preview, 0, len(files))
	for i, f := range files {
		o := opts
		o.Index, o.Files, o.ShopID = i, len(files), f.ShopID
		out = append(out, im.PreviewFile(ctx, f.Path, o))
	}
	return out
}

// PreviewFile dry-runs the import of path (nothing is kept) and samples its first rows.
func (im *Importer) PreviewFile(ctx context.Context, path string, opts Options) Preview {
	opts.DryRun = true
	p := Preview{Result: im.ImportFile(ctx, path, opts), Columns: []string{}, Rows: [][]string{}}
	if p.Result.Error != "" {
		return p
	}
	// The dry run read the file already; reading the first rows again is cheap and keeps
	// the import loop free of preview concerns.
	facts, err := inspect(path)
	if err != nil {
		return p
	}
	templates, err := loadTemplates(ctx, im.db.Queries())
	if err != nil {
		return p
	}
	src, err := openTable(path, facts, templates)
	if err != nil {
		return p
	}
	defer src.close()
	layout, _, err := findHeaderWith(src.table, templates)
	if err != nil {
		return p
	}
	var cols [][]int // a field may read several columns joined (省 市 区)
	kind := kindOfLevel(layout.Level)
	if kind == nil {
		return p
	}
	if kind.previewColumns != nil {
		cols, p.Columns = kind.previewColumns(layout)
	}
	for _, f := range kind.Preview {
		if kind.previewColumns != nil {
			break
		}
		if idx, ok := layout.col[f]; ok && len(idx) > 0 {
			cols = append(cols, idx)
			names := make([]string, len(idx))
			for k, i := range idx {
				names[k] = layout.headers[i]
			}
			p.Columns = append(p.Columns, strings.Join(names, "/"))
		}
	}
	// A status derived from the times is shown as it will be stored, beside the columns it
	// came from.
	derived := p.Result.StatusDerived
	if derived {
		p.Columns = append(p.Columns, "订单状态（推断）")
	}
	rp := newRowParser(layout, p.Result.File, facts)
	show := func(no int, row []string) {
		cells := make([]string, len(cols), len(cols)+1)
		for k, idx := range cols {
			var parts []string
			for _, i := range idx {
				if i < len(row) && cleanCell(row[i]) != "" {
					parts = append(parts, cleanCell(row[i]))
				}
			}
			cells[k] = strings.Join(parts, " ")
			if kind.previewValue != nil && len(idx) == 1 && cells[k] != "" {
				cells[k] = kind.previewValue(layout, idx[0], cells[k])
			}
		}
		if derived {
			pr := rp.parse(no, row)
			cells = append(cells, pr.vals.StatusText)
		}
		p.Rows = append(p.Rows, cells)
	}
	// Footer-like lines are shown only once a data row follows them (as the import reads
	// them, footer.go): a short file's 合计 line is no order.
	ft := newFooterRules(layout)
	var held []tableRow
	for len(p.Rows) < previewRows {
		row, err := src.table.Next()
		if err != nil { // io.EOF, or a read error the import reported
			break
		}
		if kind.previewSkip != nil && kind.previewSkip(layout, row) {
			continue
		}
		if ft.like(row) {
			if nonEmpty(row) > 0 {
				held = append(held, tableRow{src.table.Row(), append([]string(nil), row...)})
			}
			continue
		}
		for _, h := range held {
			if len(p.Rows) < previewRows {
				show(h.no, h.cells)
			}
		}
		held = held[:0]
		if len(p.Rows) < previewRows {
			show(src.table.Row(), row)
		}
	}
	return p
}
