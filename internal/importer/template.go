package importer

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"shopdesk/db/sqldb"
)

// A template is a layout the seller made on the mapping screen for an export no built-in
// layout knows (a 微店 or ERP export, a platform's new column set). It is stored in the
// database (import_template) and used like a built-in layout: the file's header is bound
// to a Layout built from it, so the pipeline, preview, undo and messages are the same.
//
// Matching, tried only after every built-in layout failed on a header row:
//  1. a template made for exactly this header (same HeaderSignature) wins, the newest first;
//  2. else a template all of whose mapped headers the row has: an export that gained a
//     column (platforms add some every year) or lost one the template does not read still
//     imports. With several, the one that maps the most fields, then the newest.
//
// The template's layout id is "template:<id>" (import_batch.format) and its name the
// seller's name for it.

// templatePrefix starts the layout id of a template.
const templatePrefix = "template:"

// maxTemplateName is the longest template name, in characters.
const maxTemplateName = 40

// Template is a saved template as the UI shows it.
type Template struct {
	ID       int64  `json:"id"`
	LayoutID string `json:"layoutId"` // "template:<id>", the format of its imports
	Platform string `json:"platform"`
	Name     string `json:"name"`
	// Level is the layout level it is stored with: "order", "sub_order" when it maps
	// sub_order_no, "refund" (KindRefunds); Kind is the file kind it reads.
	Level string `json:"level"`
	Kind  string `json:"kind"`
	// Header is the header row the template was made for, as the file wrote it.
	Header []string `json:"header"`
	// Columns maps a field (order_no, status, ...) to the file headers it is read from:
	// one, or several joined with a space for text fields (省, 市, 区).
	Columns    map[string][]string `json:"columns"`
	CreatedAt  string              `json:"createdAt"`  // local time of this computer
	LastUsedAt string              `json:"lastUsedAt"` // local time; "" when never used
}

// TemplateInput is what the mapping screen saves.
type TemplateInput struct {
	File string `json:"file"` // the file it was made from, for messages
	// Kind is the file kind's id: KindOrders ("" too), KindRefunds, … (kind.go).
	Kind     string              `json:"kind"`
	Platform string              `json:"platform"`
	Name     string              `json:"name"`
	Header   []string            `json:"header"` // the file's header row (FileResult.Header)
	Columns  map[string][]string `json:"columns"`
}

// HeaderSignature identifies a header row whatever the order of its columns: its cells
// normalised (normalizeHeader), blanks dropped, repeats folded, sorted, and hashed (hex
// SHA-256). Templates and remembered shop choices are keyed by it.
func HeaderSignature(header []string) string {
	cells := make([]string, 0, len(header))
	for _, h := range header {
		if n := normalizeHeader(h); n != "" {
			cells = append(cells, n)
		}
	}
	sort.Strings(cells)
	cells = slices.Compact(cells)
	sum := sha256.Sum256([]byte(strings.Join(cells, "\x1f")))
	return hex.EncodeToString(sum[:])
}

// templateLayout is a stored template made ready for matching.
type templateLayout struct {
	Layout
	sig string
}

// checkTemplate validates a template as checkLayouts validates the built-in layouts, with
// messages for the seller, and returns its columns cleaned (unmapped fields dropped, each
// header as the file wrote it, no repeats) and its level.
func checkTemplate(in TemplateInput) (name string, columns map[string][]string, level string, err error) {
	file := in.File
	if file == "" {
		file = "导出文件"
	}
	bad := func(format string, a ...any) error {
		return fmt.Errorf("不能保存导入模板：%s", fmt.Sprintf(format, a...))
	}
	name = strings.TrimSpace(in.Name)
	switch {
	case name == "":
		return "", nil, "", bad("请给模板起个名字（例如“微店订单导出”）")
	case utf8.RuneCountInString(name) > maxTemplateName:
		return "", nil, "", bad("模板名称“%s”太长了：最多 %d 个字", name, maxTemplateName)
	}
	kind := kindByID(in.Kind)
	if kind == nil {
		return "", nil, "", bad("不认识的文件内容“%s”：请选择订单、退款/售后或库存", in.Kind)
	}
	if !kind.NoPlatform && !platforms[in.Platform] {
		return "", nil, "", bad("请选择文件“%s”是哪个平台的%s（淘宝/天猫、京东、拼多多、抖店、快手或 1688）", file, kind.Name)
	}
	index, _ := headerIndex(in.Header)
	if len(index) == 0 {
		return "", nil, "", bad("文件“%s”没有表头", file)
	}
	columns = map[string][]string{}
	keys := make([]string, 0, len(in.Columns))
	for f := range in.Columns {
		keys = append(keys, f)
	}
	sort.Strings(keys)
	for _, f := range keys {
		def, known := fields[f]
		if !known {
			return "", nil, "", bad("不认识的字段“%s”", f)
		}
		if _, ours := kind.field(f); len(in.Columns[f]) > 0 && !ours {
			other := "别的内容"
			for _, k := range kinds {
				if _, ok := k.field(f); ok {
					other = k.Name
					break
				}
			}
			return "", nil, "", bad("“%s”是%s的字段，%s模板不能选：如果文件里是%s，请把文件内容选成“%s”", def.name, other, kind.Name, other, other)
		}
		var cols []string
		seen := map[string]bool{}
		for _, h := range in.Columns[f] {
			n := normalizeHeader(h)
			if n == "" || seen[n] {
				continue
			}
			i, ok := index[n]
			if !ok {
				return "", nil, "", bad("文件“%s”的表头里没有“%s”列（“%s”选的列）", file, cleanCell(h), def.name)
			}
			seen[n] = true
			cols = append(cols, cleanCell(in.Header[i]))
		}
		if len(cols) == 0 {
			continue
		}
		if len(cols) > 1 && def.kind != kindText {
			return "", nil, "", bad("“%s”只能对应一列，现在选了“%s”：只有文字字段（例如收货地址）可以把几列连在一起",
				def.name, strings.Join(cols, "”“"))
		}
		columns[f] = cols
	}
	if m := kind.missing(func(f string) bool { return len(columns[f]) > 0 }); m != "" {
		return "", nil, "", bad("还没有选%s对应文件“%s”的哪一列：每个%s模板都要对应%s", m, file, kind.Name, kind.requirement())
	}
	if kind.checkTemplate != nil {
		if err := kind.checkTemplate(columns); err != nil {
			return "", nil, "", bad("%s", err.Error())
		}
	}
	return name, columns, kind.levelOfTemplate(columns), nil
}

// SaveTemplate validates a template made on the mapping screen and stores it; files with
// its header import with it from now on.
func (im *Importer) SaveTemplate(ctx context.Context, in TemplateInput) (Template, error) {
	name, columns, level, err := checkTemplate(in)
	if err != nil {
		return Template{}, err
	}
	header := make([]string, len(in.Header))
	for i, h := range in.Header {
		header[i] = cleanCell(h)
	}
	headerJSON, err := json.Marshal(header)
	if err != nil {
		return Template{}, fmt.Errorf("save template: %w", err)
	}
	columnsJSON, err := json.Marshal(columns)
	if err != nil {
		return Template{}, fmt.Errorf("save template: %w", err)
	}
	platform := in.Platform
	if kindByID(in.Kind).NoPlatform {
		platform = "" // the seller's own sheet: of no platform, whatever the screen sent
	}
	var id int64
	err = im.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if err := nameFree(ctx, q, name, 0); err != nil {
			return fmt.Errorf("不能保存导入模板：%w", err)
		}
		id, err = q.CreateTemplate(ctx, sqldb.CreateTemplateParams{
			Platform: platform, Name: name, Level: level, HeaderSig: HeaderSignature(header),
			HeaderJson: string(headerJSON), ColumnsJson: string(columnsJSON), CreatedAt: utcNow(),
		})
		if err != nil {
			return fmt.Errorf("save template: %w", err)
		}
		return nil
	})
	if err != nil {
		return Template{}, err
	}
	return im.template(ctx, id)
}

func nameFree(ctx context.Context, q *sqldb.Queries, name string, self int64) error {
	other, err := q.TemplateIDByName(ctx, name)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("check template name: %w", err)
	case other != self:
		return fmt.Errorf("已经有名为“%s”的导入模板了，请换一个名字", name)
	}
	return nil
}

// Templates lists the saved templates, newest first.
func (im *Importer) Templates(ctx context.Context) ([]Template, error) {
	rows, err := im.db.Queries().ListTemplates(ctx)
	if err != nil {
		return nil, fmt.Errorf("list templates: %w", err)
	}
	out := make([]Template, 0, len(rows))
	for _, r := range rows {
		t, err := templateOf(r)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

func (im *Importer) template(ctx context.Context, id int64) (Template, error) {
	r, err := im.db.Queries().GetTemplate(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Template{}, fmt.Errorf("没有编号为 %d 的导入模板（可能已经删除）", id)
	}
	if err != nil {
		return Template{}, fmt.Errorf("get template %d: %w", id, err)
	}
	return templateOf(r)
}

// RenameTemplate gives a template another name (its imports show the new one).
func (im *Importer) RenameTemplate(ctx context.Context, id int64, name string) (Template, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return Template{}, errors.New("不能改名：模板名称不能是空的")
	case utf8.RuneCountInString(name) > maxTemplateName:
		return Template{}, fmt.Errorf("不能改名：模板名称“%s”太长了，最多 %d 个字", name, maxTemplateName)
	}
	err := im.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if err := nameFree(ctx, q, name, id); err != nil {
			return fmt.Errorf("不能改名：%w", err)
		}
		n, err := q.RenameTemplate(ctx, sqldb.RenameTemplateParams{ID: id, Name: name})
		if err != nil {
			return fmt.Errorf("rename template %d: %w", id, err)
		}
		if n == 0 {
			return fmt.Errorf("没有编号为 %d 的导入模板（可能已经删除）", id)
		}
		return nil
	})
	if err != nil {
		return Template{}, err
	}
	return im.template(ctx, id)
}

// DeleteTemplate removes a template: files with its header are unknown again. The orders
// imported with it stay (undo their imports to remove them).
func (im *Importer) DeleteTemplate(ctx context.Context, id int64) error {
	var n int64
	err := im.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) (err error) {
		n, err = q.DeleteTemplate(ctx, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("delete template %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("没有编号为 %d 的导入模板（可能已经删除）", id)
	}
	return nil
}

func templateOf(r sqldb.ImportTemplate) (Template, error) {
	t := Template{ID: r.ID, LayoutID: templatePrefix + strconv.FormatInt(r.ID, 10), Platform: r.Platform,
		Name: r.Name, Level: r.Level, CreatedAt: localTime(r.CreatedAt)}
	if k := kindOfLevel(r.Level); k != nil {
		t.Kind = k.ID
	}
	if r.LastUsedAt != "" {
		t.LastUsedAt = localTime(r.LastUsedAt)
	}
	if err := json.Unmarshal([]byte(r.HeaderJson), &t.Header); err != nil {
		return t, fmt.Errorf("template %d: header: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(r.ColumnsJson), &t.Columns); err != nil {
		return t, fmt.Errorf("template %d: columns: %w", r.ID, err)
	}
	return t, nil
}

// loadTemplates reads every template for matching, newest first. A template whose stored
// mapping no longer validates (a field dropped from Shopdesk) is skipped, not fatal.
func loadTemplates(ctx context.Context, q *sqldb.Queries) ([]templateLayout, error) {
	rows, err := q.ListTemplates(ctx)
	if err != nil {
		return nil, fmt.Errorf("读取导入模板失败：%w", err)
	}
	out := make([]templateLayout, 0, len(rows))
	for _, r := range rows {
		t, err := templateOf(r)
		if err != nil {
			continue
		}
		if _, _, _, err := checkTemplate(TemplateInput{Kind: t.Kind, Platform: t.Platform, Name: t.Name,
			Header: t.Header, Columns: t.Columns}); err != nil {
			continue
		}
		l := Layout{ID: t.LayoutID, Name: t.Name, Platform: t.Platform, Level: t.Level, Columns: map[string][]alias{}}
		for f, cols := range t.Columns {
			l.Columns[f] = []alias{alias(cols)}
			l.Signature = append(l.Signature, cols...)
		}
		out = append(out, templateLayout{Layout: l, sig: r.HeaderSig})
	}
	return out, nil
}

// matchTemplate binds the template a header row is recognised as (see the rules at the
// top of this file), nil for none.
func matchTemplate(header []string, templates []templateLayout) *boundLayout {
	if len(templates) == 0 {
		return nil
	}
	index, norm := headerIndex(header)
	sig := HeaderSignature(header)
	var best *boundLayout
	for i := range templates {
		t := &templates[i]
		if t.sig == sig {
			return bind(&t.Layout, index, norm) // newest first: the first exact one wins
		}
		if !carries(&t.Layout, index) {
			continue
		}
		if b := bind(&t.Layout, index, norm); best == nil || len(b.col) > len(best.col) {
			best = b
		}
	}
	return best
}

// templateID is the template id of a layout id, 0 for a built-in layout.
func templateID(layoutID string) int64 {
	rest, ok := strings.CutPrefix(layoutID, templatePrefix)
	if !ok {
		return 0
	}
	id, _ := strconv.ParseInt(rest, 10, 64)
	return id
}

// formatNames names layout ids, built-in and templates (templates read once, when first
// asked). A deleted template's imports still get a name.
func formatNames(ctx context.Context, q *sqldb.Queries) func(layoutID string) string {
	var names map[int64]string
	return func(layoutID string) string {
		id := templateID(layoutID)
		if id == 0 {
			return LayoutName(layoutID)
		}
		if names == nil {
			names = map[int64]string{}
			if rows, err := q.ListTemplates(ctx); err == nil {
				for _, r := range rows {
					names[r.ID] = r.Name
				}
			}
		}
		if n, ok := names[id]; ok {
			return n
		}
		return fmt.Sprintf("导入模板 #%d（已删除）", id)
	}
}
