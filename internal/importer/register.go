package importer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"shopdesk/db/sqldb"
	"shopdesk/internal/inquiry"
)

// Inquiry register sheets (询盘成交登记表, issue 10): the seller's own Excel register, one
// inquiry per row, of no platform. The engine reads the cells by the layout (any order, a
// title line above, extra columns ignored, the header words of every variant of the sheet
// in layouts_inquiry.json) and hands each chunk to inquiry.Store.ImportSheetRows inside the
// import's transaction: the register's own checks decide what a row means (日期 as a date
// or an Excel serial, 是否成交 = 否 without a reason kept as 未填写 and listed for
// completion, 客服 a name of the staff list). Undo removes the rows through
// inquiry.Store.UndoBatch.

var inquiriesKind = &fileKind{
	ID:         KindInquiries,
	Name:       "询盘",
	Levels:     []string{levelInquiry},
	NoPlatform: true,
	Fields: []Field{
		{Key: "inq_asked_on", Type: kindText, Name: "日期", Group: "inquiry", Required: true},
		{Key: "inq_customer", Type: kindText, Name: "客户ID", Group: "inquiry", Required: true},
		{Key: "inq_outcome", Type: kindText, Name: "是否成交", Group: "inquiry", Required: true},
		{Key: "inq_channel", Type: kindText, Name: "询盘渠道", Group: "inquiry", Suggested: true},
		{Key: "inq_customer_type", Type: kindText, Name: "客户类型", Group: "inquiry"},
		{Key: "inq_products", Type: kindText, Name: "咨询产品", Group: "inquiry"},
		{Key: "inq_deal_type", Type: kindText, Name: "交易类型", Group: "inquiry"},
		{Key: "inq_amount", Type: kindMoney, Name: "成交金额", Group: "inquiry"},
		{Key: "inq_reason", Type: kindText, Name: "未交易原因", Group: "inquiry", Suggested: true},
		{Key: "inq_follow_note", Type: kindText, Name: "跟进情况", Group: "inquiry", Multi: true},
		{Key: "inq_agent", Type: kindText, Name: "客服", Group: "inquiry"},
		{Key: "inq_region", Type: kindText, Name: "地区", Group: "inquiry"},
		{Key: "inq_asked_time", Type: kindText, Name: "时间", Group: "inquiry"},
		{Key: "inq_shop", Type: kindText, Name: "店铺", Group: "inquiry"},
		{Key: "inq_next_follow_on", Type: kindText, Name: "下次跟进", Group: "inquiry"},
		{Key: "inq_note", Type: kindText, Name: "备注", Group: "inquiry", Multi: true},
	},
	Preview: []string{"inq_asked_on", "inq_customer", "inq_channel", "inq_products", "inq_outcome", "inq_amount", "inq_reason", "inq_agent"},
}

// registerFields maps the kind's fields to the register's (inquiry.Field*).
var registerFields = map[string]string{
	"inq_asked_on": inquiry.FieldAskedOn, "inq_customer": inquiry.FieldCustomer, "inq_outcome": inquiry.FieldOutcome,
	"inq_channel": inquiry.FieldChannel, "inq_customer_type": inquiry.FieldCustomerType, "inq_products": inquiry.FieldProducts,
	"inq_deal_type": inquiry.FieldDealType, "inq_amount": inquiry.FieldAmount, "inq_reason": inquiry.FieldReason,
	"inq_follow_note": inquiry.FieldFollowNote, "inq_agent": inquiry.FieldAgent, "inq_region": inquiry.FieldRegion,
	"inq_asked_time": inquiry.FieldAskedTime, "inq_shop": inquiry.FieldShop, "inq_next_follow_on": inquiry.FieldNextFollowOn,
	"inq_note": inquiry.FieldNote,
}

// Cells of these fields that hold a placeholder (-, 无, 暂无 …) are read as empty: the
// register reads them as numbers or days.
var registerPlaceholderFields = []string{"inq_amount", "inq_asked_time", "inq_next_follow_on"}

func init() {
	k := inquiriesKind
	k.newHandler = func(r *run) (rowHandler, error) {
		return &registerHandler{layout: r.layout, file: r.res.File, facts: r.facts, res: r.res,
			store: inquiry.New(r.im.db), dry: r.opts.DryRun}, nil
	}
	// The preview shows a date column's Excel serials (46357, 46357.625) as the days they are.
	k.previewValue = serialDays("inq_asked_on", "inq_next_follow_on")
	// The preview leaves out the rows the import skips: nothing in the register's columns.
	k.previewSkip = func(b *boundLayout, row []string) bool {
		for _, cols := range b.col {
			for _, i := range cols {
				if i < len(row) && cleanCell(row[i]) != "" {
					return false
				}
			}
		}
		return true
	}
	k.laterBatch = func(context.Context, *sqldb.Queries, sqldb.GetBatchRow) (int64, error) { return 0, nil }
	k.undo = func(ctx context.Context, _ *sql.Tx, q *sqldb.Queries, b sqldb.GetBatchRow, res *UndoResult) error {
		var err error
		// UndoBatch works on the undo's transaction only (q): no store state is needed.
		res.InquiriesRemoved, res.InquiriesEdited, err = (*inquiry.Store)(nil).UndoBatch(ctx, q, b.ID)
		return err
	}
}

type registerHandler struct {
	layout      *boundLayout
	file        string
	facts       fileFacts
	res         *FileResult
	store       *inquiry.Store
	incomplete  []int // rows imported with the reason 未填写 (as the file writes 是否成交 = 否)
	nIncomplete int   // and how many the register counted
	newValues   []string
	dry         bool // a preview: the notes say what importing would do
}

// registerRow is one row's cells by register field; nil cells: a blank row.
type registerRow struct {
	no    int
	cells map[string]string
}

func (h *registerHandler) parser() parseFunc {
	p := newRowParser(h.layout, h.file, h.facts)
	return func(nos []int, rows [][]string) any {
		out := make([]registerRow, len(rows))
		for i, row := range rows {
			out[i].no = nos[i]
			if nonEmpty(row) == 0 {
				continue
			}
			cells := make(map[string]string, len(h.layout.col))
			for key, field := range registerFields {
				if !h.layout.has(key) {
					continue
				}
				c := p.cell(row, key)
				if c != "" && p.empty(c) && containsString(registerPlaceholderFields, key) {
					c = ""
				}
				cells[field] = c
			}
			if !anyCell(cells) {
				continue // only columns the register ignores (a 序号 numbered down the sheet)
			}
			out[i].cells = cells
		}
		return out
	}
}

// serialDays is a previewValue that shows the Excel serials (46357, 46357.625) of the
// columns of fields as the days and times they are.
func serialDays(fields ...string) func(b *boundLayout, col int, cell string) string {
	return func(b *boundLayout, col int, cell string) string {
		for _, key := range fields {
			if c := b.col[key]; len(c) == 1 && c[0] == col && isDigits(strings.SplitN(cell, ".", 2)[0]) && len(cell) >= 5 {
				if v, err := parseTime(cell); err == nil && len(v) == 19 {
					if strings.HasSuffix(v, " 00:00:00") {
						return v[:10]
					}
					return v[:16]
				}
			}
		}
		return cell
	}
}

func anyCell(cells map[string]string) bool {
	for _, c := range cells {
		if c != "" {
			return true
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func (h *registerHandler) write(w *writer, chunk any, count func(rowOutcome) error) error {
	rows := chunk.([]registerRow)
	sheet := make([]inquiry.SheetRow, 0, len(rows))
	for _, r := range rows {
		if r.cells != nil {
			sheet = append(sheet, inquiry.SheetRow{Row: r.no, Cells: r.cells})
		}
	}
	if len(sheet) > 0 {
		before := h.incompleteRows(sheet)
		res, err := h.store.ImportSheetRows(w.ctx, w.q, w.batchID, sheet, inquiry.PasteDefaults{})
		if err != nil {
			return h.rowError(err)
		}
		h.incomplete = append(h.incomplete, before...)
		h.nIncomplete += res.Incomplete
		for _, v := range res.NewValues {
			h.newValues = append(h.newValues, v.Name)
		}
	}
	for _, r := range rows {
		o := rowNew
		if r.cells == nil {
			o = rowSkipped
		}
		if err := count(o); err != nil {
			return err
		}
	}
	return nil
}

// incompleteRows are the rows of no deal without a reason (ImportSheetRows keeps them with
// the reason 未填写): their numbers, for the note.
func (h *registerHandler) incompleteRows(rows []inquiry.SheetRow) []int {
	var out []int
	for _, r := range rows {
		o := strings.TrimSpace(r.Cells[inquiry.FieldOutcome])
		if (o == "否" || o == "未成交" || o == "没成交" || o == "不成交") && strings.TrimSpace(r.Cells[inquiry.FieldReason]) == "" {
			out = append(out, r.Row)
		}
	}
	return out
}

// rowError names the file and the file's own column header in a refused cell's message.
func (h *registerHandler) rowError(err error) error {
	var re *inquiry.RowError
	if !errors.As(err, &re) {
		return fmt.Errorf("文件“%s”：%w", h.file, err)
	}
	column := re.Column
	for key, field := range registerFields {
		if inquiry.FieldName[field] != re.Column {
			continue
		}
		if cols := h.layout.col[key]; len(cols) > 0 && cols[0] < len(h.layout.headers) {
			column = h.layout.headers[cols[0]]
		}
	}
	return fail(ErrCodeBadValue, &rowError{file: h.file, row: re.Row, column: column, value: re.Value, reason: re.Msg})
}

func (h *registerHandler) finish(*writer) (first, last int64, err error) {
	if n := h.nIncomplete; n > 0 {
		if len(h.incomplete) != n {
			h.incomplete = nil // the register read some other wording as no deal: count only
		}
		rows := make([]string, 0, min(n, 10))
		for i, r := range h.incomplete {
			if i == 10 {
				break
			}
			rows = append(rows, fmt.Sprint(r))
		}
		more := ""
		if n > 10 {
			more = fmt.Sprintf(" 等 %d 行", n)
		}
		which := fmt.Sprintf("第 %s 行%s", strings.Join(rows, "、"), more)
		if len(rows) == 0 {
			which = fmt.Sprintf("%d 行", n)
		}
		h.res.Notes = append(h.res.Notes, fmt.Sprintf("%s未成交但没有写未交易原因：%s按“%s”导入，请在询盘登记里补上（“待补全原因”）",
			which, will(h.dry, "已"), inquiry.ReasonMissing))
	}
	if len(h.newValues) > 0 {
		h.res.Notes = append(h.res.Notes, will(h.dry, "已")+"加入新的列表选项："+strings.Join(h.newValues, "、"))
	}
	return 0, -1, nil
}
