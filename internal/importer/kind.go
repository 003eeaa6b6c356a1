package importer

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"shopdesk/db/sqldb"
)

// A file kind is what the rows of an export are: orders, refunds / after-sales, and (from
// later issues) stock, inquiries, punches, metrics. Each kind is one entry of kinds below:
// its fields, the layout levels its layouts and templates are stored with, what the
// preview shows, its row handler (how its rows are parsed and written, run.go) and its
// undo. Everything else (finding the header, the mapping screen, the preview, the one
// transaction, progress, counts, the footer, the batch record, messages) is the runner's
// and the same for every kind. README.md (Development: adding a file kind) says how to
// add one.

// What a file holds (TemplateInput.Kind, fileKind.ID).
const (
	KindOrders  = "orders"  // orders, one per row or one product line per row
	KindRefunds = "refunds" // refunds / after-sales: they attach to their orders (refunds.go)
	KindStock   = "stock"   // stock sheets and count sheets: the seller's own, of no platform (stock.go)
	// The seller's own sheets of issues 10 and 11: the inquiry register (register.go), the
	// monthly rota grid (rota.go) and attendance exports (punches.go).
	KindInquiries = "inquiries"
	KindRota      = "rota"
	KindPunches   = "punches"
	KindPenalties = "penalties" // 客服考核: chat statistics, service penalties (penalties.go)
)

// Layout levels (Layout.Level, import_template.level). A kind has one or more.
const (
	levelOrder    = "order"
	levelSubOrder = "sub_order"
	levelRefund   = "refund"
	// levelStock: a stock sheet (库存表), its counts are posted as it imports; levelStocktake:
	// the count sheet Shopdesk exported, filled in (盘点表), its counts wait for review.
	levelStock     = "stock"
	levelStocktake = "stocktake"
	levelInquiry   = "inquiry" // 询盘成交登记表
	levelRota      = "rota"    // 排班表: a staff x day grid
	levelPunch     = "punch"   // 打卡记录: one punch per row, or a day's in and out per row
	levelPenalty   = "penalty" // 客服考核: an agent's penalty counts per day or month
)

// fieldKind says how a cell of a field is read.
type fieldKind int

const (
	kindText  fieldKind = iota
	kindID              // exact text, no scientific notation
	kindMoney           // yuan -> fen
	kindInt
	kindTime // shop-local wall time
	kindBool
	kindFlag // a yes/no column or a text column whose mere content means yes (修改后的收货地址)
	kindDate // a day, YYYY-MM-DD (shop-local)
)

var fieldKindNames = [...]string{kindText: "text", kindID: "id", kindMoney: "money", kindInt: "int",
	kindTime: "time", kindBool: "bool", kindFlag: "flag", kindDate: "date"}

func (k fieldKind) String() string { return fieldKindNames[k] }

// Field is one thing Shopdesk reads from an export of a kind.
type Field struct {
	Key  string    // order_no, pay_amount, … (the same key in layouts.json, templates and the UI)
	Type fieldKind // how a cell is read
	Name string    // Chinese, for messages naming a column the file lacks
	// Group places the field on the mapping screen: "order", "item" (shown when each row is
	// one product line) or "refund".
	Group     string
	Required  bool // every layout and template of the kind maps it
	Suggested bool // not required, but the pages and anomaly rules work by it
	Multi     bool // the mapping screen may join several columns (省 市 区 街道); text only
	// LayoutOnly: read by built-in layouts only, not offered on the mapping screen.
	LayoutOnly bool
}

// fileKind is one entry of the registry.
type fileKind struct {
	ID   string // KindOrders, …
	Name string // what one row is, in messages: 订单, 退款/售后
	// Levels are the layout levels of the kind; Levels[0] is its templates' unless
	// templateLevel says otherwise.
	Levels []string
	// NoPlatform: the files are the seller's own, of no platform and no shop (a stock
	// sheet). Their layouts and templates name no platform, and the shop the caller picked
	// for files that name none does not apply to them (nor is it remembered for them).
	NoPlatform bool
	Fields     []Field // in the mapping screen's order
	// OneOf lists groups of fields of which a layout or template must map at least one
	// (orders: 订单状态, or 付款时间 to derive it from).
	OneOf [][]string
	// requirementNote explains the OneOf groups in messages.
	requirementNote string
	// Preview are the fields the preview shows, in this order, when the layout has them.
	Preview []string
	// templateLevel is the level a template of the kind with these columns is stored with
	// (orders: sub_order when it maps sub_order_no); nil: Levels[0].
	templateLevel func(columns map[string][]string) string
	// checkTemplate adds the kind's own rules for a template's columns (nil: none). The
	// message is Chinese, after "不能保存导入模板：".
	checkTemplate func(columns map[string][]string) error
	// dayGrid: the file is a grid whose other columns are days (a rota): a layout or
	// template of the kind matches a header only with at least minDayColumns day headers
	// (1-31, 11/1, 2026-11-01 …; dayHeader), which the handler reads itself.
	dayGrid bool
	// previewColumns, when set, are the columns the preview shows (each one or several
	// joined) with their names, instead of the Preview fields'; previewSkip the rows it
	// leaves out as the import does (a rota's line of weekdays, its legend).
	previewColumns func(b *boundLayout) (cols [][]int, names []string)
	previewSkip    func(b *boundLayout, row []string) bool
	// previewValue shows a cell of column col as the import reads it (a register's Excel
	// serial day 46357 as 2026-12-01); nil: as written.
	previewValue func(b *boundLayout, col int, cell string) string
	// newHandler makes the row handler of one file, before its transaction (run.go).
	newHandler func(r *run) (rowHandler, error)
	// laterBatch is a batch after b that changed rows b wrote (undo must wait for it); 0
	// for none. undo takes b's rows back inside Undo's transaction and counts them in res.
	laterBatch func(ctx context.Context, q *sqldb.Queries, b sqldb.GetBatchRow) (int64, error)
	undo       func(ctx context.Context, tx *sql.Tx, q *sqldb.Queries, b sqldb.GetBatchRow, res *UndoResult) error
}

// kinds is the registry, in the order the mapping screen offers them.
var kinds = []*fileKind{ordersKind, refundsKind, stockKind, inquiriesKind, rotaKind, punchesKind, penaltiesKind, metricsKind}

// kindByID is the kind of a TemplateInput.Kind ("" is orders), nil when unknown.
func kindByID(id string) *fileKind {
	if id == "" {
		id = KindOrders
	}
	for _, k := range kinds {
		if k.ID == id {
			return k
		}
	}
	return nil
}

// kindOfLevel is the kind whose layouts have this level, nil when none.
func kindOfLevel(level string) *fileKind {
	for _, k := range kinds {
		for _, l := range k.Levels {
			if l == level {
				return k
			}
		}
	}
	return nil
}

// field returns the kind's field named key.
func (k *fileKind) field(key string) (Field, bool) {
	for _, f := range k.Fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// required lists the keys of the kind's required fields.
func (k *fileKind) required() []string {
	var out []string
	for _, f := range k.Fields {
		if f.Required {
			out = append(out, f.Key)
		}
	}
	return out
}

// levelOfTemplate is the level a template of the kind with these columns is stored with.
func (k *fileKind) levelOfTemplate(columns map[string][]string) string {
	if k.templateLevel != nil {
		return k.templateLevel(columns)
	}
	return k.Levels[0]
}

// missing names what a layout's or template's columns lack: a required field, else the
// first OneOf group none of whose fields is mapped ("" when nothing is missing).
func (k *fileKind) missing(has func(field string) bool) string {
	for _, f := range k.required() {
		if !has(f) {
			return "“" + fields[f].name + "”"
		}
	}
	for _, group := range k.OneOf {
		found := false
		names := make([]string, len(group))
		for i, f := range group {
			found = found || has(f)
			names[i] = fields[f].name
		}
		if !found {
			return "“" + strings.Join(names, "”或“") + "”"
		}
	}
	return ""
}

// requirement says in words what every layout of the kind maps: its required fields and
// the first field of each OneOf group ("订单编号和订单状态（没有订单状态时…）").
func (k *fileKind) requirement() string {
	var names []string
	for _, f := range k.required() {
		names = append(names, fields[f].name)
	}
	for _, group := range k.OneOf {
		names = append(names, fields[group[0]].name)
	}
	out := names[len(names)-1]
	if len(names) > 1 {
		out = strings.Join(names[:len(names)-1], "、") + "和" + out
	}
	if k.requirementNote != "" {
		out += "（" + k.requirementNote + "）"
	}
	return out
}

// fields is every field a layout of any kind may map, with how to read it and its Chinese
// name for messages (built from the kinds; a key two kinds share reads the same way).
var fields = mustFieldIndex(kinds)

type fieldDef struct {
	kind fieldKind
	name string
}

func mustFieldIndex(ks []*fileKind) map[string]fieldDef {
	out := map[string]fieldDef{}
	for _, k := range ks {
		for _, f := range k.Fields {
			if prev, ok := out[f.Key]; ok && prev.kind != f.Type {
				panic(fmt.Sprintf("field %s: kind %s reads it as %s, another kind as %s", f.Key, k.ID, f.Type, prev.kind))
			}
			if f.Multi && f.Type != kindText {
				panic(fmt.Sprintf("field %s of %s: only text fields join several columns", f.Key, k.ID))
			}
			if _, ok := out[f.Key]; !ok {
				out[f.Key] = fieldDef{f.Type, f.Name}
			}
		}
	}
	return out
}

// fieldOfLevel reports whether a layout of this level may map field f: the fields of its
// kind. Built-in layouts (checkLevel) and templates (checkTemplate) alike.
func fieldOfLevel(level, f string) bool {
	k := kindOfLevel(level)
	if k == nil {
		return false
	}
	_, ok := k.field(f)
	return ok
}
