package inquiry

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"shopdesk/db/sqldb"
)

// Column is one column of the register sheet: the field and the header words that name it
// (Names[0] is the one the export writes). The seller's own sheets name some columns in
// several ways (客户ID / 客户旺旺 / 客户昵称); every variant is the same column. The
// later import of register sheets reads headers with the same list.
type Column struct {
	Field string   `json:"field"`
	Names []string `json:"names"`
}

// Columns are the register's columns in the layout of the sheet sellers keep (the first
// twelve), then the ones Shopdesk adds. The export writes them in this order, and a paste
// without a header row is read in this order.
var Columns = []Column{
	{FieldAskedOn, []string{"日期", "询盘日期", "咨询日期"}},
	{FieldCustomer, []string{"客户ID", "客户的ID", "客户旺旺", "客户昵称", "客户"}},
	{FieldCustomerType, []string{"客户类型"}},
	{FieldChannel, []string{"询盘渠道", "咨询渠道", "渠道"}},
	{FieldProducts, []string{"咨询产品", "询盘产品", "产品"}},
	{FieldOutcome, []string{"是否成交"}},
	{FieldDealType, []string{"交易类型", "成交类型", "交易的类型"}},
	{FieldAmount, []string{"成交金额", "金额"}},
	{FieldReason, []string{"未交易原因", "未成交原因", "未交易的原因"}},
	{FieldFollowNote, []string{"跟进情况", "未成交后期的跟进情况"}},
	{FieldAgent, []string{"客服", "接待客服"}},
	{FieldRegion, []string{"地区"}},
	{FieldAskedTime, []string{"时间"}},
	{FieldShop, []string{"店铺"}},
	{FieldNextFollowOn, []string{"下次跟进", "下次跟进日期"}},
	{FieldNote, []string{"备注"}},
}

func normalizeHeader(s string) string {
	s = strings.TrimSpace(s)
	s = strings.NewReplacer(" ", "", "\u3000", "", "*", "", "：", "", ":", "").Replace(s)
	return strings.ToUpper(s)
}

// headerField is the field a header cell names ("" for a column the register ignores).
func headerField(cell string) string {
	n := normalizeHeader(cell)
	for _, c := range Columns {
		for _, name := range c.Names {
			if normalizeHeader(name) == n {
				return c.Field
			}
		}
	}
	return ""
}

// PasteDefaults fill what a pasted row leaves empty, as the grid's previous row does.
type PasteDefaults struct {
	AskedOn string `json:"askedOn"`
	AgentID int64  `json:"agentId"`
	Channel string `json:"channel"`
	ShopID  int64  `json:"shopId"`
}

// PasteError is a pasted cell the register refuses: row (line of the pasted block, from 1),
// column and value, and the message that names all three.
type PasteError struct {
	Line   int    `json:"line"`
	Column string `json:"column"`
	Value  string `json:"value"`
	Text   string `json:"text"`
}

// ListValue is a value of an editable list that a paste would add to it.
type ListValue struct {
	List string `json:"list"`
	Name string `json:"name"`
}

// PastePreview is what adding a pasted block would do: nothing is written.
type PastePreview struct {
	Header    bool         `json:"header"`    // the block's first line was a header row
	Columns   []string     `json:"columns"`   // the columns read, in the block's order ("" ignored)
	Ignored   []string     `json:"ignored"`   // header cells the register has no column for
	Rows      []Inquiry    `json:"rows"`      // the rows that would be added (lines without errors)
	Lines     []int        `json:"lines"`     // the pasted line of each of Rows
	Errors    []PasteError `json:"errors"`    // every refused cell; any error and nothing is added
	NewValues []ListValue  `json:"newValues"` // list entries that adding would create
}

// maxPasteRows bounds a paste: a bigger block belongs in an import.
const maxPasteRows = 5000

// PreviewPaste reads a block copied from Excel (tab-separated lines) and says what adding
// it would do.
func (s *Store) PreviewPaste(ctx context.Context, text string, d PasteDefaults) (PastePreview, error) {
	return parsePaste(ctx, s.db.Queries(), text, d)
}

// AddPasted adds a pasted block, all or nothing: any refused cell and no row is added
// (the error lists the first ones, naming row, column and value).
func (s *Store) AddPasted(ctx context.Context, text string, d PasteDefaults) (int, error) {
	var n int
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		p, err := parsePaste(ctx, q, text, d)
		if err != nil {
			return err
		}
		if len(p.Errors) > 0 {
			return pasteRefused(p.Errors)
		}
		if len(p.Rows) == 0 {
			return errors.New("粘贴的内容里没有询盘行")
		}
		n = len(p.Rows)
		return s.addAll(ctx, q, p.Rows)
	})
	return n, err
}

// AddAll registers rows typed elsewhere (the demo's month) in one transaction, all or
// nothing, with the checks of Add; an error names the row (from 1).
func (s *Store) AddAll(ctx context.Context, rows []Inquiry) error {
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		for i := range rows {
			if err := check(ctx, q, &rows[i], false, ""); err != nil {
				return fmt.Errorf("第 %d 行：%w", i+1, err)
			}
		}
		return s.addAll(ctx, q, rows)
	})
}

func (s *Store) addAll(ctx context.Context, q *sqldb.Queries, rows []Inquiry) error {
	for _, in := range rows {
		id, err := s.insert(ctx, q, in, 0)
		if err != nil {
			return err
		}
		in.ID = id
		if err := s.afterWrite(ctx, q, in, Inquiry{}); err != nil {
			return err
		}
	}
	return nil
}

func pasteRefused(errs []PasteError) error {
	var b strings.Builder
	fmt.Fprintf(&b, "没有添加任何一行：有 %d 处要改", len(errs))
	for i, e := range errs {
		if i == 5 {
			fmt.Fprintf(&b, "\n……还有 %d 处", len(errs)-5)
			break
		}
		b.WriteString("\n" + e.Text)
	}
	return errors.New(b.String())
}

// readBlock splits a pasted block into rows of cells. Excel puts a cell that holds a tab,
// a new line or a quote in quotes (doubling the quote), which the CSV reader undoes.
// It returns each row's line in the block (from 1; a cell with a line break makes a row
// take more than one line, and empty lines are skipped).
func readBlock(text string) ([][]string, []int, error) {
	r := csv.NewReader(strings.NewReader(strings.TrimRight(text, "\r\n")))
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	var out [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, lines, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("读不懂粘贴的内容：%w", err)
		}
		line, _ := r.FieldPos(0)
		out = append(out, rec)
		lines = append(lines, line)
	}
}

func parsePaste(ctx context.Context, q *sqldb.Queries, text string, d PasteDefaults) (PastePreview, error) {
	p := PastePreview{Rows: []Inquiry{}, Lines: []int{}, Errors: []PasteError{}, NewValues: []ListValue{}}
	lines, lineNo, err := readBlock(text)
	if err != nil {
		return p, err
	}
	// The header row, if any: among the first three lines (a title line may sit above it),
	// the first with two or more cells naming register columns.
	fields := make([]string, 0, len(Columns))
	for _, c := range Columns {
		fields = append(fields, c.Field)
	}
	start := 0
	for i := 0; i < min(3, len(lines)); i++ {
		var hits int
		var cols, ignored []string
		for _, cell := range lines[i] {
			f := headerField(cell)
			if f != "" {
				hits++
			} else if strings.TrimSpace(cell) != "" {
				ignored = append(ignored, strings.TrimSpace(cell))
			}
			cols = append(cols, f)
		}
		if hits >= 2 {
			p.Header, fields, p.Ignored, start = true, cols, ignored, i+1
			break
		}
	}
	p.Columns = fields
	if len(lines)-start > maxPasteRows {
		return p, fmt.Errorf("一次最多粘贴 %d 行（这次有 %d 行）：更多的行请用导入", maxPasteRows, len(lines)-start)
	}
	look, err := newLookups(ctx, q)
	if err != nil {
		return p, err
	}
	year := time.Now().Year()
	if t, err := time.Parse("2006-01-02", d.AskedOn); err == nil {
		year = t.Year()
	}
	newValues := map[ListValue]bool{}
	for i := start; i < len(lines); i++ {
		line := lineNo[i]
		cells := map[string]string{}
		blank := true
		for j, v := range lines[i] {
			if j < len(fields) && fields[j] != "" {
				cells[fields[j]] = strings.TrimSpace(v)
			}
			if strings.TrimSpace(v) != "" {
				blank = false
			}
		}
		if blank {
			continue
		}
		in, perr := look.row(cells, d, year)
		if perr == nil {
			if err := check(ctx, q, &in, false, ""); err != nil {
				var fe *FieldError
				if !errors.As(err, &fe) {
					return p, err
				}
				perr = &FieldError{Field: fe.Field, Value: cells[fe.Field], Msg: fe.Msg}
				if fe.Value != "" && cells[fe.Field] == "" {
					perr.Value = fe.Value
				}
			}
		}
		if perr != nil {
			p.Errors = append(p.Errors, pasteError(line, perr))
			continue
		}
		for _, lv := range look.newValues(in) {
			if !newValues[lv] {
				newValues[lv] = true
				p.NewValues = append(p.NewValues, lv)
			}
		}
		p.Rows = append(p.Rows, in)
		p.Lines = append(p.Lines, line)
	}
	return p, nil
}

func pasteError(line int, fe *FieldError) PasteError {
	col := FieldName[fe.Field]
	e := PasteError{Line: line, Column: col, Value: fe.Value}
	if fe.Value == "" {
		e.Text = fmt.Sprintf("第 %d 行“%s”列%s", line, col, fe.Msg)
	} else {
		e.Text = fmt.Sprintf("第 %d 行“%s”列的值“%s”%s", line, col, fe.Value, fe.Msg)
	}
	return e
}

// lookups resolve the names a sheet writes (客服, 店铺) to ids and know the lists.
type lookups struct {
	staff   map[string]int64
	shops   map[string][]int64
	options map[ListValue]bool
}

func newLookups(ctx context.Context, q *sqldb.Queries) (*lookups, error) {
	l := &lookups{staff: map[string]int64{}, shops: map[string][]int64{}, options: map[ListValue]bool{}}
	staff, err := q.StaffNames(ctx)
	if err != nil {
		return nil, fmt.Errorf("staff names: %w", err)
	}
	for _, st := range staff {
		l.staff[st.Name] = st.ID
	}
	shops, err := q.ListShops(ctx)
	if err != nil {
		return nil, fmt.Errorf("shops: %w", err)
	}
	for _, sh := range shops {
		l.shops[sh.Name] = append(l.shops[sh.Name], sh.ID)
	}
	opts, err := q.ListInquiryOptions(ctx)
	if err != nil {
		return nil, fmt.Errorf("inquiry lists: %w", err)
	}
	for _, o := range opts {
		l.options[ListValue{o.List, o.Name}] = true
	}
	return l, nil
}

// row reads one line's cells into an inquiry (the checks of check come after).
func (l *lookups) row(cells map[string]string, d PasteDefaults, year int) (Inquiry, *FieldError) {
	in := Inquiry{
		Customer: cells[FieldCustomer], CustomerType: cells[FieldCustomerType], Channel: cells[FieldChannel],
		Products: splitProducts(cells[FieldProducts]), Region: cells[FieldRegion], DealType: cells[FieldDealType],
		Reason: cells[FieldReason], FollowNote: cells[FieldFollowNote], Note: cells[FieldNote],
		AgentID: d.AgentID, ShopID: d.ShopID,
	}
	bad := func(field, msg string) *FieldError { return &FieldError{Field: field, Value: cells[field], Msg: msg} }
	if v := cells[FieldAskedOn]; v == "" {
		in.AskedOn = d.AskedOn
		if in.AskedOn == "" {
			return in, bad(FieldAskedOn, "必须填写：询盘的日期")
		}
	} else {
		day, clock, err := parseDay(v, year)
		if err != nil {
			return in, bad(FieldAskedOn, err.Error())
		}
		in.AskedOn, in.AskedTime = day, clock
	}
	if v := cells[FieldAskedTime]; v != "" {
		c, err := parseClock(v)
		if err != nil {
			return in, bad(FieldAskedTime, err.Error())
		}
		in.AskedTime = c
	}
	if in.Channel == "" {
		in.Channel = d.Channel
	}
	outcome, ok := parseOutcome(cells[FieldOutcome])
	if !ok {
		if cells[FieldOutcome] == "" {
			return in, bad(FieldOutcome, "必须填写：是、否 或 跟进中")
		}
		return in, bad(FieldOutcome, "不是“是”“否”或“跟进中”")
	}
	in.Outcome = outcome
	fen, err := parseYuan(cells[FieldAmount])
	if err != nil {
		return in, bad(FieldAmount, err.Error())
	}
	in.AmountFen = fen
	if v := cells[FieldAgent]; v != "" {
		id, ok := l.staff[v]
		if !ok {
			return in, bad(FieldAgent, "不在员工名单里（先在 设置 → 员工 里添加）")
		}
		in.AgentID = id
	}
	if v := cells[FieldShop]; v != "" {
		ids := l.shops[v]
		switch len(ids) {
		case 0:
			return in, bad(FieldShop, "不是已有的店铺")
		case 1:
			in.ShopID = ids[0]
		default:
			return in, bad(FieldShop, "是 "+strconv.Itoa(len(ids))+" 个平台上的店铺名：请在登记表里选店铺")
		}
	}
	if v := cells[FieldNextFollowOn]; v != "" {
		day, _, err := parseDay(v, year)
		if err != nil {
			return in, bad(FieldNextFollowOn, err.Error())
		}
		in.NextFollowOn = day
	}
	return in, nil
}

// newValues are the row's list values the lists do not have yet.
func (l *lookups) newValues(in Inquiry) []ListValue {
	var out []ListValue
	for _, lv := range []ListValue{{ListCustomerType, in.CustomerType}, {ListChannel, in.Channel},
		{ListReason, in.Reason}, {ListDealType, in.DealType}} {
		if lv.Name != "" && lv.Name != ReasonMissing && !l.options[lv] {
			out = append(out, lv)
		}
	}
	return out
}
