package staff

import (
	"bytes"
	"context"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// xlsxBook is a workbook being written, with the styles every sheet uses.
type xlsxBook struct {
	f                                         *excelize.File
	bold, title, money, weekend, center, text int
}

func newBook() (*xlsxBook, error) {
	f := excelize.NewFile()
	b := &xlsxBook{f: f}
	styles := []struct {
		id *int
		s  excelize.Style
	}{
		{&b.bold, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&b.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&b.money, excelize.Style{NumFmt: 2}}, // 0.00
		{&b.weekend, excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EEEEEE"}},
			Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&b.center, excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&b.text, excelize.Style{NumFmt: 49}},
	}
	for _, st := range styles {
		id, err := f.NewStyle(&st.s)
		if err != nil {
			f.Close()
			return nil, err
		}
		*st.id = id
	}
	return b, nil
}

func (b *xlsxBook) set(sheet string, col, row int, v any, style int) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	if err := b.f.SetCellValue(sheet, cell, v); err != nil {
		return err
	}
	if style != 0 {
		return b.f.SetCellStyle(sheet, cell, cell, style)
	}
	return nil
}

func (b *xlsxBook) bytes() ([]byte, error) {
	defer b.f.Close()
	var buf bytes.Buffer
	if _, err := b.f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ExportRota writes a month's rota as an Excel sheet: a title line (2026年11月排班表), a
// header of 姓名 and the day numbers, one row per person with the shifts' short names (休
// for rest), and the shifts' legend: the layout the rota import reads back. Printed on A4
// landscape, one page wide.
func (s *Store) ExportRota(ctx context.Context, month string) ([]byte, string, error) {
	r, err := s.Rota(ctx, month)
	if err != nil {
		return nil, "", err
	}
	m, _ := ParseMonth(month)
	b, err := newBook()
	if err != nil {
		return nil, "", fmt.Errorf("export rota: %w", err)
	}
	sheet := "排班表"
	if err := b.f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, "", err
	}
	short := map[int64]string{}
	for _, sh := range r.Shifts {
		short[sh.ID] = sh.Short
	}
	cells := map[int64]map[string]RotaCell{}
	for _, c := range r.Cells {
		if cells[c.StaffID] == nil {
			cells[c.StaffID] = map[string]RotaCell{}
		}
		cells[c.StaffID][c.Day] = c
	}
	write := func(col, row int, v any, style int) {
		if err == nil {
			err = b.set(sheet, col, row, v, style)
		}
	}
	write(1, 1, m.Name()+"排班表", b.title)
	write(1, 2, "姓名", b.bold)
	for i, d := range r.Days {
		style := b.bold
		if d.Weekday == 0 || d.Weekday == 6 {
			style = b.weekend
		}
		write(i+2, 2, d.Date, style)
	}
	write(len(r.Days)+2, 2, "休息天数", b.bold)
	for pi, p := range r.People {
		row := pi + 3
		write(1, row, p.Name, 0)
		for i, d := range r.Days {
			c := cells[p.ID][d.Day]
			text := ""
			if c.Rest {
				text = RestShort
			} else {
				for j, id := range c.ShiftIDs {
					if j > 0 {
						text += "+"
					}
					text += short[id]
				}
			}
			style := b.center
			if d.Weekday == 0 || d.Weekday == 6 {
				style = b.weekend
			}
			write(i+2, row, text, style)
		}
		write(len(r.Days)+2, row, p.RestDays, b.center)
	}
	legend := len(r.People) + 4
	text := ""
	for _, sh := range r.Shifts {
		if sh.Active {
			text += fmt.Sprintf("%s = %s %s    ", sh.Short, sh.Name, sh.Hours())
		}
	}
	write(1, legend, text+RestShort+" = 休息", 0)
	if err != nil {
		return nil, "", fmt.Errorf("export rota: %w", err)
	}
	if err := b.f.SetColWidth(sheet, "A", "A", 10); err != nil {
		return nil, "", err
	}
	last, _ := excelize.ColumnNumberToName(len(r.Days) + 1)
	if err := b.f.SetColWidth(sheet, "B", last, 3.6); err != nil {
		return nil, "", err
	}
	rest, _ := excelize.ColumnNumberToName(len(r.Days) + 2)
	if err := b.f.SetColWidth(sheet, rest, rest, 8); err != nil {
		return nil, "", err
	}
	landscape, one := "landscape", 1
	size := 9 // A4
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &size, FitToWidth: &one}); err != nil {
		return nil, "", err
	}
	data, err := b.bytes()
	if err != nil {
		return nil, "", fmt.Errorf("export rota: %w", err)
	}
	return data, m.Name() + "排班表.xlsx", nil
}

// ExportPayroll writes a month's payroll: the summary (one row per person, with the
// totals), every deduction and bonus line with its day and rule, and the attendance.
func (s *Store) ExportPayroll(ctx context.Context, month string) ([]byte, string, error) {
	pm, err := s.Payroll(ctx, month)
	if err != nil {
		return nil, "", err
	}
	m, _ := ParseMonth(month)
	b, err := newBook()
	if err != nil {
		return nil, "", fmt.Errorf("export payroll: %w", err)
	}
	sheets := []string{"工资汇总", "扣款明细", "奖金明细", "考勤明细"}
	if err := b.f.SetSheetName("Sheet1", sheets[0]); err != nil {
		return nil, "", err
	}
	for _, sh := range sheets[1:] {
		if _, err := b.f.NewSheet(sh); err != nil {
			return nil, "", err
		}
	}
	put := func(sheet string, row int, values ...any) {
		for i, v := range values {
			style := 0
			if f, ok := v.(fenCell); ok {
				v, style = float64(f)/100, b.money
			}
			if err == nil {
				err = b.set(sheet, i+1, row, v, style)
			}
		}
	}
	head := func(sheet string, titles ...string) {
		for i, t := range titles {
			if err == nil {
				err = b.set(sheet, i+1, 1, t, b.bold)
			}
		}
	}
	state := "未结账（按当前数据计算）"
	if pm.Closed {
		state = fmt.Sprintf("已结账：%s %s", pm.ClosedBy, pm.ClosedAt)
	}
	head(sheets[0], "姓名", "岗位", "级别", "底薪", "提成", "奖金", "扣款", "实发", "迟到/早退次数", "旷工次数", "说明")
	var total [5]int64
	for i, p := range pm.Payslips {
		put(sheets[0], i+2, p.Name, RoleName[p.Role], p.Level, fenCell(p.BaseFen), fenCell(p.CommissionFen), fenCell(p.BonusFen),
			fenCell(p.DeductionFen), fenCell(p.NetFen), p.Lates, p.Absences, slipNote(p))
		for j, v := range []int64{p.BaseFen, p.CommissionFen, p.BonusFen, p.DeductionFen, p.NetFen} {
			total[j] += v
		}
	}
	row := len(pm.Payslips) + 2
	put(sheets[0], row, "合计", "", "", fenCell(total[0]), fenCell(total[1]), fenCell(total[2]), fenCell(total[3]), fenCell(total[4]))
	put(sheets[0], row+2, m.Name()+"工资 · "+state)

	head(sheets[1], "姓名", "日期", "项目", "说明", "金额")
	head(sheets[2], "姓名", "项目", "说明", "金额")
	head(sheets[3], "姓名", "日期", "班次", "上班打卡", "下班打卡", "迟到（分钟）", "早退（分钟）", "情况")
	rows := [3]int{2, 2, 2}
	for _, p := range pm.Payslips {
		for _, l := range p.Deductions {
			put(sheets[1], rows[0], p.Name, l.Day, LineName[l.Rule], l.Text, fenCell(l.AmountFen))
			rows[0]++
		}
		for _, l := range p.Bonuses {
			put(sheets[2], rows[1], p.Name, LineName[l.Rule], l.Text, fenCell(l.AmountFen))
			rows[1]++
		}
		for _, x := range p.Attendance {
			put(sheets[3], rows[2], p.Name, x.Day, x.ShiftName, hhmm(x.In), hhmm(x.Out), x.LateMin, x.EarlyMin, StatusName(x))
			rows[2]++
		}
	}
	if err != nil {
		return nil, "", fmt.Errorf("export payroll: %w", err)
	}
	widths := map[string][]float64{
		sheets[0]: {10, 12, 9, 11, 11, 11, 11, 11, 13, 9, 50},
		sheets[1]: {10, 12, 12, 60, 10},
		sheets[2]: {10, 12, 50, 10},
		sheets[3]: {10, 12, 8, 18, 18, 12, 12, 16},
	}
	for sheet, ws := range widths {
		for i, w := range ws {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := b.f.SetColWidth(sheet, col, col, w); err != nil {
				return nil, "", err
			}
		}
	}
	data, err := b.bytes()
	if err != nil {
		return nil, "", fmt.Errorf("export payroll: %w", err)
	}
	return data, m.Name() + "工资表.xlsx", nil
}

// fenCell marks an amount of fen for an Excel money cell (yuan, 0.00).
type fenCell int64

// LineName is the Chinese name of a payslip line's rule (Excel, CLI).
var LineName = map[string]string{
	LineLate: "迟到", LineEarly: "早退", LineAbsence: "旷工", LineMissingPunch: "缺卡", LineSlowReply: "2 分钟未回复",
	LineNoReply30m: "30 分钟未回复", LineNoReply2h: "2 小时未回复", LineAway2h: "挂机离开", LineTeam: "团队评分奖",
	LineFullAttend: "全勤奖", LineLiving: "生活补贴",
}

// StatusName says in Chinese how a rostered shift went.
func StatusName(x ShiftRecord) string {
	switch x.Status {
	case StatusPending:
		return "未到"
	case StatusAbsent:
		return "旷工"
	case StatusLeave:
		return LeaveName[x.Leave]
	}
	out := ""
	if x.LateMin > 0 {
		out += "迟到" + strconv.Itoa(x.LateMin) + "分钟 "
	}
	if x.EarlyMin > 0 {
		out += "早退" + strconv.Itoa(x.EarlyMin) + "分钟 "
	}
	if x.MissingIn {
		out += "缺上班卡 "
	}
	if x.MissingOut {
		out += "缺下班卡 "
	}
	if out == "" {
		return "正常"
	}
	return out[:len(out)-1]
}

func hhmm(wall string) string {
	if len(wall) >= 16 {
		return wall[:16]
	}
	return wall
}

// slipNote is what a payslip says besides its amounts: part-month base, commission source.
func slipNote(p Payslip) string {
	out := ""
	if p.Prorata != nil {
		out += prorataText(p) + "；"
	}
	if !p.CreditSource {
		out += "提成：成交归属还没有接入，按 0 计；"
	}
	if p.TeamScore == nil {
		out += "团队评分未录入；"
	}
	if p.Rounded {
		out += "各项按分显示，实发由未取整的合计四舍五入；"
	}
	if out == "" {
		return ""
	}
	return out[:len(out)-len("；")]
}

// prorataText explains a part-month base: 11月16日入职，本月排班 13 天，按 13/26 天计底薪.
func prorataText(p Payslip) string {
	pr := p.Prorata
	what := ""
	if pr.JoinedOn != "" {
		what += pr.JoinedOn + " 入职，"
	}
	if pr.LeftOn != "" {
		what += pr.LeftOn + " 离职，"
	}
	return fmt.Sprintf("%s本月排班 %d 天，底薪按 %d/%d 天计", what, pr.RosteredDays, min(pr.RosteredDays, pr.StandardDays), pr.StandardDays)
}
