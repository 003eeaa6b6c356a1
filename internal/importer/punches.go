package importer

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/staff"
)

// Punch files (打卡记录, issue 11): attendance exports, of no platform. Two shapes, both
// built in (layouts_staff.json) and both open to templates:
//   - the raw record (DingTalk 原始记录): one punch per row, 姓名 and 打卡时间 as a date-time
//     (or a time of day with 考勤日期), 打卡结果 / 打卡地址 kept as the punch's note. Whether
//     a raw punch is an arrival or a departure is decided later by the shift it falls in
//     (staff.PunchRaw), so that 00:05 after a 17:00-24:00 shift is that shift's clock-out.
//   - the daily layout: 姓名, 日期, 上班打卡, 下班打卡, times of day (or date-times). A
//     clock-out earlier than the clock-in, or before 06:00 with no clock-in, is of the
//     next day (a shift across midnight).
// Punches are written through staff.AddPunches with the batch (a punch already there is
// a duplicate, not written twice); people not on the staff list are added by
// staff.ResolveNames. Undo is staff.UndoImport.

var punchesKind = &fileKind{
	ID:         KindPunches,
	Name:       "打卡记录",
	Levels:     []string{levelPunch},
	NoPlatform: true,
	Fields: []Field{
		{Key: "staff_name", Type: kindText, Name: "姓名", Group: "staff", Required: true},
		{Key: "punch_at", Type: kindText, Name: "打卡时间", Group: "staff"},
		{Key: "punch_day", Type: kindText, Name: "日期", Group: "staff"},
		{Key: "punch_in", Type: kindText, Name: "上班打卡", Group: "staff"},
		{Key: "punch_out", Type: kindText, Name: "下班打卡", Group: "staff"},
		{Key: "punch_note", Type: kindText, Name: "打卡结果/备注", Group: "staff", Multi: true},
	},
	OneOf:           [][]string{{"punch_at", "punch_in", "punch_out"}},
	requirementNote: "一行一次打卡的选“打卡时间”；一行一天的选“日期”和上班、下班打卡",
	Preview:         []string{"staff_name", "punch_day", "punch_at", "punch_in", "punch_out", "punch_note"},
	checkTemplate: func(columns map[string][]string) error {
		if len(columns["punch_at"]) == 0 && len(columns["punch_day"]) == 0 {
			return fmt.Errorf("一行一天的打卡文件（上班打卡、下班打卡）还要选“日期”对应哪一列")
		}
		return nil
	},
}

// nextDayBefore: a daily layout's clock-out before this hour, with no clock-in, is of the
// next day (the end of a shift across midnight: 值班 17:00-02:00).
const nextDayBefore = 6

func init() {
	k := punchesKind
	k.newHandler = func(r *run) (rowHandler, error) {
		return &punchHandler{layout: r.layout, file: r.res.File, facts: r.facts, res: r.res, dry: r.opts.DryRun}, nil
	}
	k.previewValue = serialDays("punch_at", "punch_day")
	k.laterBatch = func(context.Context, *sqldb.Queries, sqldb.GetBatchRow) (int64, error) { return 0, nil }
	k.undo = undoStaffImport
}

type punchHandler struct {
	layout     *boundLayout
	file       string
	facts      fileFacts
	res        *FileResult
	added      []string
	punches    int
	duplicates int
	dry        bool // a preview: the notes say what importing would do
}

// punchRow is one row as read: a person's punches (one for a raw row, up to two for a
// daily row; none for a row that says 未打卡).
type punchRow struct {
	no      int
	skip    bool
	err     error
	name    string
	punches []staff.PunchRow // StaffID set when written
}

func (h *punchHandler) parser() parseFunc {
	p := newRowParser(h.layout, h.file, h.facts)
	return func(nos []int, rows [][]string) any {
		out := make([]punchRow, len(rows))
		for i, row := range rows {
			out[i] = h.parse(&p, nos[i], row)
		}
		return out
	}
}

func (h *punchHandler) parse(p *rowParser, no int, row []string) (r punchRow) {
	r.no = no
	if nonEmpty(row) == 0 {
		r.skip = true
		return r
	}
	if r.name = p.text(row, "staff_name"); r.name == "" && p.cell(row, "punch_at")+p.cell(row, "punch_in")+p.cell(row, "punch_out") == "" {
		r.skip = true // no one's punch: a 序号 or a department line of the export
		return r
	}
	if r.name == "" {
		r.err = p.bad(no, row, "staff_name", "是空的：打卡记录的每一行都要有姓名")
		return r
	}
	note := p.text(row, "punch_note")
	day := ""
	if c := p.cell(row, "punch_day"); c != "" {
		d, err := punchDay(c)
		if err != nil {
			r.err = p.bad(no, row, "punch_day", err.Error())
			return r
		}
		day = d
	}
	read := func(field string) (string, bool, error) {
		c := p.cell(row, field)
		if c == "" || p.empty(c) || isNoPunch(c) {
			return "", false, nil
		}
		at, dated, err := punchTime(c, day)
		if err != nil {
			return "", false, p.bad(no, row, field, err.Error())
		}
		return at, dated, nil
	}
	if h.layout.has("punch_at") {
		at, _, err := read("punch_at")
		if err != nil {
			r.err = err
		} else if at != "" {
			r.punches = []staff.PunchRow{{At: at, Kind: staff.PunchRaw, Note: note}}
		}
		return r
	}
	in, _, err := read("punch_in")
	if err != nil {
		r.err = err
		return r
	}
	out, outDated, err := read("punch_out")
	if err != nil {
		r.err = err
		return r
	}
	if out != "" && !outDated && (in != "" && out < in || in == "" && out[11:13] < fmt.Sprintf("%02d", nextDayBefore)) {
		t, _ := time.Parse("2006-01-02 15:04:05", out)
		out = t.AddDate(0, 0, 1).Format("2006-01-02 15:04:05")
	}
	if in != "" {
		r.punches = append(r.punches, staff.PunchRow{At: in, Kind: staff.PunchIn, Note: note})
	}
	if out != "" {
		r.punches = append(r.punches, staff.PunchRow{At: out, Kind: staff.PunchOut, Note: note})
	}
	return r
}

// isNoPunch: the words attendance exports write for a missing punch.
func isNoPunch(c string) bool {
	switch strings.TrimSpace(c) {
	case "未打卡", "缺卡", "无", "--", "休息", "旷工":
		return true
	}
	return false
}

// punchDay reads 日期 / 考勤日期: a date, an Excel serial, or DingTalk's "26-11-02 星期一".
func punchDay(c string) (string, error) {
	c = strings.TrimSpace(c)
	if i := strings.IndexAny(c, " \u3000"); i > 0 && strings.ContainsAny(c[i:], "星期周") {
		c = strings.TrimSpace(c[:i])
	}
	if t, err := time.Parse("06-01-02", c); err == nil {
		return t.Format("2006-01-02"), nil
	}
	v, err := parseTime(c)
	if err != nil || v == "" {
		return "", fmt.Errorf("不是日期（例如 2026-11-02）")
	}
	return v[:10], nil
}

// punchTime reads a punch: a date-time (dated true), or a time of day on day (08:29,
// 8:29:05, an Excel time fraction 0.354).
func punchTime(c, day string) (at string, dated bool, err error) {
	c = strings.TrimSpace(strings.ReplaceAll(c, "：", ":"))
	if f, e := strconv.ParseFloat(c, 64); e == nil && f >= 0 && f < 1 {
		secs := int(math.Round(f * 86400))
		c = fmt.Sprintf("%02d:%02d:%02d", secs/3600, secs/60%60, secs%60)
	}
	for _, l := range []string{"15:04", "15:04:05"} {
		if t, e := time.Parse(l, c); e == nil {
			if day == "" {
				return "", false, fmt.Errorf("只有时间，没有日期：请同时选出“日期”列")
			}
			return day + " " + t.Format("15:04:05"), false, nil
		}
	}
	v, err := parseTime(c)
	if err != nil || len(v) < 19 || v[11:] == "00:00:00" && !strings.Contains(c, ":") {
		return "", false, fmt.Errorf("不是打卡时间（例如 2026-11-02 08:29 或 08:29）")
	}
	return v, true, nil
}

func (h *punchHandler) write(w *writer, chunk any, count func(rowOutcome) error) error {
	rows := chunk.([]punchRow)
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
			var added []string
			var err error
			if ids, added, err = staff.ResolveNames(w.ctx, w.q, w.batchID, names); err != nil {
				return fmt.Errorf("文件“%s”：%w", h.file, err)
			}
			h.added = append(h.added, added...)
		}
		for k := range r.punches {
			r.punches[k].StaffID = ids[r.name]
		}
		added, dup, err := staff.AddPunches(w.ctx, w.q, w.batchID, r.punches)
		if err != nil {
			return fail(ErrCodeBadValue, fmt.Errorf("文件“%s”第 %d 行（%s）：%w", h.file, r.no, r.name, err))
		}
		h.punches += added
		h.duplicates += dup
		o := rowUnchanged
		if added > 0 {
			o = rowNew
		}
		if err := count(o); err != nil {
			return err
		}
	}
	return nil
}

func (h *punchHandler) finish(*writer) (first, last int64, err error) {
	note := fmt.Sprintf("打卡：%s %d 次", will(h.dry, "新增"), h.punches)
	if h.duplicates > 0 {
		note += fmt.Sprintf("，%d 次已经有了（没有重复记录）", h.duplicates)
	}
	h.res.Notes = append(h.res.Notes, note)
	if len(h.added) > 0 {
		h.res.Notes = append(h.res.Notes, addedNote(h.added, h.dry))
	}
	return 0, -1, nil
}
