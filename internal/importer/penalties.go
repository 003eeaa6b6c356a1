package importer

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"shopdesk/db/sqldb"
	"shopdesk/internal/staff"
)

// Service penalty files (客服考核, issue 11 "Rules"): the customer-service chat statistics
// of 千牛 and the like, of no platform, one row per agent per day (or per month): who
// (客服 / 旺旺 / 子账号 / 姓名), the day (a date, an Excel serial, or a month such as 2026-11
// meaning its 1st) and a count column per penalty kind (staff.IncidentKinds). Each non-zero
// count becomes one service_incident with the batch (staff.AddIncidents); the payroll reads
// them like the penalties entered by hand. The agent must be on the staff list, by name or
// by a platform sub-account: unlike a rota or punch file, a penalty is never put on a
// person the import would have to guess or add. Undo is staff.UndoImport.

var penaltiesKind = &fileKind{
	ID:         KindPenalties,
	Name:       "客服考核",
	Levels:     []string{levelPenalty},
	NoPlatform: true,
	Fields: []Field{
		{Key: "staff_name", Type: kindText, Name: "姓名", Group: "staff", Required: true},
		{Key: "penalty_day", Type: kindText, Name: "日期/月份", Group: "staff", Required: true},
		{Key: "penalty_slow_reply", Type: kindInt, Name: "2分钟未回复（次）", Group: "staff"},
		{Key: "penalty_no_reply_30m", Type: kindInt, Name: "30分钟未回复（次）", Group: "staff"},
		{Key: "penalty_no_reply_2h", Type: kindInt, Name: "2小时未回复（次）", Group: "staff"},
		{Key: "penalty_away_2h", Type: kindInt, Name: "挂机离开超2小时（次）", Group: "staff"},
	},
	OneOf:           [][]string{{"penalty_slow_reply", "penalty_no_reply_30m", "penalty_no_reply_2h", "penalty_away_2h"}},
	requirementNote: "至少选一列次数：2分钟未回复、30分钟未回复、2小时未回复或挂机离开超2小时",
	Preview:         []string{"staff_name", "penalty_day", "penalty_slow_reply", "penalty_no_reply_30m", "penalty_no_reply_2h", "penalty_away_2h"},
}

// penaltyFields pairs each count field with its staff.IncidentKinds kind, in that order.
var penaltyFields = []struct{ field, kind string }{
	{"penalty_slow_reply", staff.LineSlowReply},
	{"penalty_no_reply_30m", staff.LineNoReply30m},
	{"penalty_no_reply_2h", staff.LineNoReply2h},
	{"penalty_away_2h", staff.LineAway2h},
}

func init() {
	k := penaltiesKind
	k.newHandler = func(r *run) (rowHandler, error) {
		return &penaltyHandler{layout: r.layout, file: r.res.File, facts: r.facts, res: r.res, dry: r.opts.DryRun,
			byKind: map[string]int{}}, nil
	}
	k.previewValue = serialDays("penalty_day")
	k.laterBatch = func(context.Context, *sqldb.Queries, sqldb.GetBatchRow) (int64, error) { return 0, nil }
	k.undo = undoStaffImport
}

type penaltyHandler struct {
	layout     *boundLayout
	file       string
	facts      fileFacts
	res        *FileResult
	dry        bool
	entries    int
	duplicates int            // counts already there, not written twice
	byKind     map[string]int // kind -> count of the file
}

// penaltyRow is one row as read: an agent's counts of a day.
type penaltyRow struct {
	no      int
	skip    bool
	err     error
	unknown error // the message when the name is nobody on the staff list
	name    string
	list    []staff.Incident // StaffID set when written
	fields  []string         // the count field of each of list
}

func (h *penaltyHandler) parser() parseFunc {
	p := newRowParser(h.layout, h.file, h.facts)
	return func(nos []int, rows [][]string) any {
		out := make([]penaltyRow, len(rows))
		for i, row := range rows {
			out[i] = h.parse(&p, nos[i], row)
		}
		return out
	}
}

func (h *penaltyHandler) parse(p *rowParser, no int, row []string) (r penaltyRow) {
	r.no = no
	if nonEmpty(row) == 0 {
		r.skip = true
		return r
	}
	r.name = p.text(row, "staff_name")
	counts := make([]int64, len(penaltyFields))
	some := false
	for i, f := range penaltyFields {
		v, err := p.integer(no, row, f.field)
		if err == nil && v < 0 {
			err = p.bad(no, row, f.field, "是负数：次数不能小于 0")
		}
		if err != nil {
			r.err = err
			return r
		}
		counts[i] = v
		some = some || v > 0
	}
	if !some {
		r.skip = true // nothing to deduct (or a 序号 / department line): writes nothing
		return r
	}
	if r.name == "" {
		r.err = p.bad(no, row, "staff_name", "是空的：有次数的行都要写客服的姓名或子账号")
		return r
	}
	day, err := penaltyDay(p.cell(row, "penalty_day"))
	if err != nil {
		r.err = p.bad(no, row, "penalty_day", err.Error())
		return r
	}
	for i, f := range penaltyFields {
		if counts[i] > 0 {
			r.list = append(r.list, staff.Incident{Day: day, Kind: f.kind, Count: int(counts[i])})
			r.fields = append(r.fields, f.field)
		}
	}
	r.unknown = p.bad(no, row, "staff_name", "不在员工名单里，也不是谁的平台子账号：扣款不会记到猜的人头上。请先在 设置 → 员工 里添加此人或给他填上子账号，再导入")
	return r
}

var reMonth = regexp.MustCompile(`^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$`)

// penaltyDay reads 日期: a date, an Excel serial, or a month (2026-11, 2026年11月: its 1st,
// for statistics of a whole month).
func penaltyDay(c string) (string, error) {
	c = strings.TrimSpace(c)
	if c == "" {
		return "", fmt.Errorf("是空的：每一行都要有日期或月份（例如 2026-11-02 或 2026-11）")
	}
	if m := reMonth.FindStringSubmatch(c); m != nil {
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			return "", fmt.Errorf("不是月份（例如 2026-11）")
		}
		return fmt.Sprintf("%s-%02d-01", m[1], mo), nil
	}
	d, err := punchDay(c)
	if err != nil {
		return "", fmt.Errorf("不是日期或月份（例如 2026-11-02 或 2026-11）")
	}
	return d, nil
}

func (h *penaltyHandler) write(w *writer, chunk any, count func(rowOutcome) error) error {
	rows := chunk.([]penaltyRow)
	var names []string
	for _, r := range rows {
		if !r.skip && r.err == nil {
			names = append(names, r.name)
		}
	}
	var ids map[string]int64
	for i := range rows {
		r := &rows[i]
		if r.skip {
			if err := count(rowSkipped); err != nil {
				return err
			}
			continue
		}
		if r.err != nil {
			return r.err
		}
		if ids == nil {
			var err error
			if ids, _, err = staff.MatchNames(w.ctx, w.q, names); err != nil {
				return fmt.Errorf("文件“%s”：%w", h.file, err)
			}
		}
		id, ok := ids[r.name]
		if !ok {
			return r.unknown
		}
		// A count already there (the same statistics exported again) is a duplicate; a
		// different one is refused: which of the two is right is the owner's call.
		var list []staff.Incident
		for k, in := range r.list {
			in.StaffID = id
			had, err := staff.IncidentTotal(w.ctx, w.q, id, in.Day, in.Kind)
			if err != nil {
				return err
			}
			switch {
			case had == in.Count:
				h.duplicates++
			case had > 0:
				return fail(ErrCodeBadValue, &rowError{file: h.file, row: r.no, column: h.column(r.fields[k]), value: strconv.Itoa(in.Count),
					reason: fmt.Sprintf("和已经记下的不一样：%s %s 已有 %s %d 次（手工录入或以前导入的）。先在 员工 → 工资 里删掉那条或撤销那次导入，再导入", r.name, in.Day, penaltyNames[in.Kind], had)})
			default:
				list = append(list, in)
			}
		}
		n, err := staff.AddIncidents(w.ctx, w.q, w.batchID, list)
		if err != nil {
			return fail(ErrCodeBadValue, fmt.Errorf("文件“%s”第 %d 行（%s）：%w", h.file, r.no, r.name, err))
		}
		h.entries += n
		for _, in := range list {
			h.byKind[in.Kind] += in.Count
		}
		o := rowUnchanged
		if n > 0 {
			o = rowNew
		}
		if err := count(o); err != nil {
			return err
		}
	}
	return nil
}

// penaltyNames are the kinds as the notes name them.
var penaltyNames = map[string]string{
	staff.LineSlowReply:  "2 分钟未回复",
	staff.LineNoReply30m: "30 分钟未回复",
	staff.LineNoReply2h:  "2 小时未回复",
	staff.LineAway2h:     "挂机离开 2 小时以上",
}

func (h *penaltyHandler) finish(*writer) (first, last int64, err error) {
	var parts []string
	for _, f := range penaltyFields {
		if n := h.byKind[f.kind]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 次", penaltyNames[f.kind], n))
		}
	}
	note := fmt.Sprintf("客服考核：%s %d 条", will(h.dry, "新增"), h.entries)
	if len(parts) > 0 {
		note += "（" + strings.Join(parts, "，") + "），按工资规则计入当月扣款"
	}
	if h.duplicates > 0 {
		note += fmt.Sprintf("；%d 条已经有了（同样的次数，没有重复扣款）", h.duplicates)
	}
	h.res.Notes = append(h.res.Notes, note)
	return 0, -1, nil
}

// column is the file's header of a field (its name when the file has none).
func (h *penaltyHandler) column(field string) string {
	if cols := h.layout.col[field]; len(cols) > 0 && cols[0] < len(h.layout.headers) {
		return h.layout.headers[cols[0]]
	}
	return fields[field].name
}
