package importer

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/shop"
	"shopdesk/internal/staff"
)

// Rota grids (排班表, issue 11): the seller's Excel rota, a grid whose first column is 姓名
// and whose other columns are the days of a month (day numbers 1-31, 1日, 11/1, or dates,
// also as Excel date serials), each cell a shift's short or full name, 休, or empty. The
// layout names only the name column; the day columns are found by dayHeader (a layout or
// template of the kind needs minDayColumns of them to match, kind.dayGrid), the rest
// (休息天数, 合计) is ignored. The month comes from the date headers, else a title line
// above the header (2026年11月排班表), else the file name. Each row is written through
// staff.WriteRota with the batch, people not on the staff list added by
// staff.ResolveNames; undo is staff.UndoImport.

var rotaKind = &fileKind{
	ID:         KindRota,
	Name:       "排班",
	Levels:     []string{levelRota},
	NoPlatform: true,
	dayGrid:    true,
	Fields: []Field{
		{Key: "staff_name", Type: kindText, Name: "姓名", Group: "staff", Required: true},
	},
	Preview: []string{"staff_name"},
}

// minDayColumns is how many day headers make a grid a rota: a week.
const minDayColumns = 7

func init() {
	k := rotaKind
	k.newHandler = func(r *run) (rowHandler, error) { return newRotaHandler(r) }
	// The preview shows the name and the first week of days, without the weekday line.
	k.previewColumns = func(b *boundLayout) (cols [][]int, names []string) {
		for _, i := range rotaDayColumns(b) {
			if len(cols) == 0 {
				cols, names = append(cols, b.col["staff_name"]), append(names, b.headers[b.col["staff_name"][0]])
			}
			if len(cols) > minDayColumns {
				break
			}
			cols, names = append(cols, []int{i}), append(names, b.headers[i])
		}
		return cols, names
	}
	k.previewSkip = func(b *boundLayout, row []string) bool {
		name := ""
		if c := b.col["staff_name"]; len(c) > 0 && c[0] < len(row) {
			name = cleanCell(row[c[0]])
		}
		var cells []string
		for _, i := range rotaDayColumns(b) {
			if i < len(row) {
				cells = append(cells, cleanCell(row[i]))
			}
		}
		return rotaSkip(name, cells)
	}
	k.laterBatch = func(context.Context, *sqldb.Queries, sqldb.GetBatchRow) (int64, error) { return 0, nil }
	k.undo = undoStaffImport
}

// undoStaffImport takes a rota, punch or service penalty import back (staff.UndoImport refuses when the
// rota was edited since or an owner corrected one of its punches, naming it).
func undoStaffImport(ctx context.Context, _ *sql.Tx, q *sqldb.Queries, b sqldb.GetBatchRow, res *UndoResult) error {
	if k := kindOfLevel(res.Level); k != rotaKind && k != punchesKind && k != penaltiesKind {
		return nil
	}
	if err := staff.UndoImport(ctx, q, b.ID); err != nil {
		return err
	}
	res.StaffUndone = true
	return nil
}

// headerDay is what a day header says: the day of the month, and the month and year when
// it says them (0 when not).
type headerDay struct{ year, month, day int }

var (
	reDayOnly   = regexp.MustCompile(`^(\d{1,2})\s*[日号]?\s*(?:[(（]?\s*(?:周|星期)?[一二三四五六日天]\s*[)）]?)?$`)
	reMonthDay  = regexp.MustCompile(`^(\d{1,2})\s*(?:[/.\-]|月)\s*(\d{1,2})\s*[日号]?\s*(?:[(（]?\s*(?:周|星期)?[一二三四五六日天]\s*[)）]?)?$`)
	reFullDate  = regexp.MustCompile(`^(\d{4})\s*(?:[/.\-]|年)\s*(\d{1,2})\s*(?:[/.\-]|月)\s*(\d{1,2})\s*日?(?:\s+0{1,2}:00(?::00)?)?$`)
	reYearMonth = regexp.MustCompile(`(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*月?`)
	reMonthOnly = regexp.MustCompile(`(\d{1,2})\s*月`)
)

// dayHeader reads a rota grid's header cell as a day: 1-31 (1日, 1号, 1(一)), 11/1, 11月1日,
// 2026-11-01, or an Excel date serial (a date header cell of an xlsx).
func dayHeader(h string) (headerDay, bool) {
	h = strings.TrimSpace(h)
	if m := reDayOnly.FindStringSubmatch(h); m != nil {
		d, _ := strconv.Atoi(m[1])
		return headerDay{day: d}, d >= 1 && d <= 31
	}
	if m := reMonthDay.FindStringSubmatch(h); m != nil {
		mo, _ := strconv.Atoi(m[1])
		d, _ := strconv.Atoi(m[2])
		return headerDay{month: mo, day: d}, mo >= 1 && mo <= 12 && d >= 1 && d <= 31
	}
	if m := reFullDate.FindStringSubmatch(h); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return headerDay{y, mo, d}, mo >= 1 && mo <= 12 && d >= 1 && d <= 31
	}
	if f, err := strconv.ParseFloat(h, 64); err == nil && f >= 36526 && f < 73051 && f == float64(int(f)) { // 2000..2100
		t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(f))
		return headerDay{t.Year(), int(t.Month()), t.Day()}, true
	}
	return headerDay{}, false
}

// rotaColumn is a day column of the file: its index, header text and day (YYYY-MM-DD;
// "" when the month has no such day: the column must stay empty).
type rotaColumn struct {
	index  int
	header string
	day    string
}

type rotaHandler struct {
	layout *boundLayout
	file   string
	facts  fileFacts
	res    *FileResult
	cols   []rotaColumn
	month  string // YYYY-MM the day numbers are of, for messages
	shifts []staff.Shift
	seen   map[string]int // name -> the row that named it first
	added  []string
	cells  int  // cells changed
	dry    bool // a preview: the notes say what importing would do
}

func newRotaHandler(r *run) (*rotaHandler, error) {
	h := &rotaHandler{layout: r.layout, file: r.res.File, facts: r.facts, res: r.res, seen: map[string]int{}, dry: r.opts.DryRun}
	idx := rotaDayColumns(r.layout)
	days := make([]headerDay, len(idx))
	for k, i := range idx {
		days[k], _ = dayHeader(r.layout.headers[i])
	}
	if len(days) == 0 {
		return nil, fail(ErrCodeUnreadable, fileError(h.file, fmt.Errorf("第 %d 行是表头，但没有日期列（1、2、3……或 11/1、2026-11-01）", r.headerRow)))
	}
	year, month, from := rotaMonth(days, r.layout.preamble, h.file)
	if month == 0 {
		return nil, fail(ErrCodeBadValue, fileError(h.file, fmt.Errorf(
			"看不出这张排班表是哪个月的：表头的日期列只写了几号。请在表头上面加一行标题（例如“2026年11月排班表”），或把文件名改成“2026年11月排班表.xlsx”，或在表头写完整的日期（2026-11-01）")))
	}
	for k, d := range days {
		y, m := year, month
		if d.month != 0 {
			m = d.month
		}
		if d.year != 0 {
			y = d.year
		}
		t := time.Date(y, time.Month(m), d.day, 0, 0, 0, 0, time.UTC)
		day := ""
		if t.Day() == d.day {
			day = t.Format("2006-01-02")
		}
		h.cols = append(h.cols, rotaColumn{index: idx[k], header: r.layout.headers[idx[k]], day: day})
	}
	h.month = fmt.Sprintf("%d年%d月", year, month)
	h.res.Notes = append(h.res.Notes, fmt.Sprintf("排班表按 %s 读取（%s）", h.month, from))
	return h, nil
}

// rotaDayColumns are the columns of a rota grid whose header is a day.
func rotaDayColumns(b *boundLayout) []int {
	name := b.col["staff_name"]
	var out []int
	for i, c := range b.headers {
		if len(name) > 0 && i == name[0] {
			continue
		}
		if _, ok := dayHeader(c); ok {
			out = append(out, i)
		}
	}
	return out
}

// rotaSkip: a row of the grid that is no one's: the line of weekdays under the day
// numbers, a legend (白 = 白班 08:30-17:30 …) or a note below the grid, a blank line.
func rotaSkip(name string, cells []string) bool {
	filled := 0
	weekdays := true
	for _, c := range cells {
		if c != "" {
			filled++
			weekdays = weekdays && weekdayCell.MatchString(c)
		}
	}
	switch {
	case name == "" && filled == 0:
		return true
	case (name == "" || name == "星期" || name == "周") && weekdays:
		return true
	case filled == 0 && (strings.ContainsAny(name, "=＝:：") || len([]rune(name)) > 20):
		return true
	}
	return false
}

// rotaMonth finds the month of the grid's day numbers: a full date header, a title line
// above the header (2026年11月排班表), the file name; a month without a year (11月排班表)
// is of this year. from says where it was found; month 0: nowhere.
func rotaMonth(days []headerDay, preamble []tableRow, file string) (year, month int, from string) {
	for _, d := range days {
		if d.year != 0 {
			return d.year, d.month, "表头的日期"
		}
	}
	find := func(s string) (int, int) {
		if m := reYearMonth.FindStringSubmatch(s); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			if y >= 2000 && y < 2100 && mo >= 1 && mo <= 12 {
				return y, mo
			}
		}
		if m := reMonthOnly.FindStringSubmatch(s); m != nil {
			mo, _ := strconv.Atoi(m[1])
			if mo >= 1 && mo <= 12 {
				return thisYear(), mo
			}
		}
		return 0, 0
	}
	for _, r := range preamble {
		for _, c := range r.cells {
			if y, m := find(c); m != 0 {
				return y, m, fmt.Sprintf("第 %d 行的标题", r.no)
			}
		}
	}
	for _, d := range days {
		if d.month != 0 {
			return thisYear(), d.month, "表头的日期"
		}
	}
	if y, m := find(file); m != 0 {
		return y, m, "文件名"
	}
	return 0, 0, ""
}

func thisYear() int {
	return time.Now().In(shop.Location(shop.DefaultTimezone)).Year()
}

// rotaRow is one person's row as read: the name and the cell of each day column.
type rotaRow struct {
	no    int
	skip  bool
	err   error
	name  string
	cells []string // by h.cols
}

var weekdayCell = regexp.MustCompile(`^(?:周|星期)?[一二三四五六日天]$`)

func (h *rotaHandler) parser() parseFunc {
	p := newRowParser(h.layout, h.file, h.facts)
	return func(nos []int, rows [][]string) any {
		out := make([]rotaRow, len(rows))
		for i, row := range rows {
			out[i] = h.parse(&p, nos[i], row)
		}
		return out
	}
}

func (h *rotaHandler) parse(p *rowParser, no int, row []string) rotaRow {
	r := rotaRow{no: no, name: p.text(row, "staff_name"), cells: make([]string, len(h.cols))}
	for k, c := range h.cols {
		if c.index < len(row) {
			r.cells[k] = cleanCell(row[c.index])
		}
	}
	switch {
	case nonEmpty(row) == 0 || rotaSkip(r.name, r.cells):
		r.skip = true
	case r.name == "":
		r.err = p.bad(no, row, "staff_name", "是空的：排班表的每一行都要写姓名")
	}
	if r.err == nil && !r.skip {
		for k, c := range h.cols {
			if c.day == "" && r.cells[k] != "" {
				r.err = fail(ErrCodeBadValue, &rowError{file: h.file, row: no, column: c.header, value: r.cells[k],
					reason: fmt.Sprintf("：%s没有 %s 这一天", h.month, c.header)})
				break
			}
		}
	}
	return r
}

func (h *rotaHandler) write(w *writer, chunk any, count func(rowOutcome) error) error {
	for _, r := range chunk.([]rotaRow) {
		o, err := h.row(w, &r)
		if err != nil {
			return err
		}
		if err := count(o); err != nil {
			return err
		}
	}
	return nil
}

func (h *rotaHandler) row(w *writer, r *rotaRow) (rowOutcome, error) {
	if r.skip {
		return rowSkipped, nil
	}
	if r.err != nil {
		return 0, r.err
	}
	if first, dup := h.seen[r.name]; dup {
		return 0, fail(ErrCodeBadValue, fmt.Errorf("文件“%s”第 %d 行：“%s”在第 %d 行已经排过班：一个人只能有一行", h.file, r.no, r.name, first))
	}
	h.seen[r.name] = r.no
	if h.shifts == nil {
		var err error
		if h.shifts, err = staff.Shifts(w.ctx, w.q); err != nil {
			return 0, fmt.Errorf("文件“%s”：读取班次失败：%w", h.file, err)
		}
	}
	cells := make([]staff.RotaCell, 0, len(h.cols))
	for k, c := range h.cols {
		if c.day == "" {
			continue
		}
		rest, ids, err := staff.ParseCell(h.shifts, r.cells[k])
		if err != nil {
			return 0, fail(ErrCodeBadValue, &rowError{file: h.file, row: r.no, column: c.header, value: r.cells[k],
				reason: strings.TrimPrefix(err.Error(), "“"+r.cells[k]+"”")})
		}
		cells = append(cells, staff.RotaCell{Day: c.day, Rest: rest, ShiftIDs: ids})
	}
	ids, added, err := staff.ResolveNames(w.ctx, w.q, w.batchID, []string{r.name})
	if err != nil {
		return 0, fmt.Errorf("文件“%s”第 %d 行（%s）：%w", h.file, r.no, r.name, err)
	}
	for i := range cells {
		cells[i].StaffID = ids[r.name]
	}
	n, err := staff.WriteRota(w.ctx, w.q, w.batchID, cells)
	if err != nil {
		return 0, fail(ErrCodeBadValue, fmt.Errorf("文件“%s”第 %d 行（%s）：%w", h.file, r.no, r.name, err))
	}
	h.cells += n
	switch {
	case len(added) > 0:
		h.added = append(h.added, added...)
		return rowNew, nil
	case n > 0:
		return rowUpdated, nil
	}
	return rowUnchanged, nil
}

func (h *rotaHandler) finish(*writer) (first, last int64, err error) {
	h.res.Notes = append(h.res.Notes, fmt.Sprintf("%s排班：%s %d 格", h.month, will(h.dry, "改动"), h.cells))
	if len(h.added) > 0 {
		h.res.Notes = append(h.res.Notes, addedNote(h.added, h.dry))
	}
	return 0, -1, nil
}

// addedNote names the people an import added (a preview: would add) to the staff list.
func addedNote(names []string, dry bool) string {
	return fmt.Sprintf("员工名单里没有的 %d 人%s加入名单（客服（售前），初级，没有入职日期：按整月计薪；可在 设置 → 员工 里修改）：%s",
		len(names), will(dry, "已"), strings.Join(names, "、"))
}

// will words a note for a preview (将改动) or an import (改动, 已…).
func will(dry bool, verb string) string {
	switch {
	case dry && verb == "已":
		return "将"
	case dry:
		return "将" + verb
	}
	return verb
}
