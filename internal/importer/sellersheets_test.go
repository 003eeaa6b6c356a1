package importer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/staff"
)

// The seller's own sheets of issues 10 and 11 through the engine: the inquiry register
// (询盘成交登记表), the rota grid (排班表) and attendance exports (打卡记录), written by the
// tests as sellers write them (xlsx with Excel serial dates and a title line, GBK CSV,
// trailing spaces in headers, summary lines, placeholders), then undone.

// xlsxCells writes a sheet cell by cell: strings as text, numbers as numbers (an Excel
// date is a serial number in its cell), nil as empty.
func xlsxCells(name string, rows [][]any) fileMaker {
	return func(t *testing.T, dir string) string {
		f := excelize.NewFile()
		defer f.Close()
		for r, row := range rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue("Sheet1", cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		p := filepath.Join(dir, name)
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

func addStaff(t *testing.T, d *db.DB, names ...string) map[string]int64 {
	t.Helper()
	s := staff.New(d, nil)
	out := map[string]int64{}
	for _, n := range names {
		st, err := s.Save(context.Background(), staff.Staff{Name: n, Role: "cs_presale", Active: true}, "")
		if err != nil {
			t.Fatal(err)
		}
		out[n] = st.ID
	}
	return out
}

func queryRows(t *testing.T, d *db.DB, query string) []string {
	t.Helper()
	rows, err := d.SQL.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = fmt.Sprint(v)
			if b, ok := v.([]byte); ok {
				parts[i] = string(b)
			}
		}
		out = append(out, strings.Join(parts, "|"))
	}
	return out
}

func mustImport(t *testing.T, im *importer.Importer, path string) importer.FileResult {
	t.Helper()
	r := im.ImportFile(context.Background(), path, importer.Options{})
	if r.Error != "" {
		t.Fatalf("%s: %s", filepath.Base(path), r.Error)
	}
	return r
}

const inquirySQL = `SELECT i.asked_on, i.asked_time, i.customer, i.customer_type, i.channel, i.products, i.outcome, i.deal_type,
	i.amount_fen, i.reason, i.follow_note, coalesce(s.name, ''), i.region FROM inquiry i LEFT JOIN staff s ON s.id = i.agent_id ORDER BY i.id`

func TestRegisterSheetVariants(t *testing.T) {
	tests := []struct {
		name  string
		make  fileMaker
		want  []string
		notes string
	}{
		{"xlsx: a title line, Excel serial dates (one with a time), the sheet's wording, extra columns, a total line",
			xlsxCells("店铺实际成交和询盘统计表.xlsx", [][]any{
				{"11月询盘成交登记"},
				{"序号", "日期", "客户旺旺", "客户类型", "咨询渠道", "询盘产品", "是否成交", "成交类型", "成交金额", "未成交原因", "未成交后期的跟进情况", "客服", "地区"},
				{1, 46328, "tb_小鹿", "零售", "旺旺/千牛", "婴儿湿巾、连体衣", "是", "拍下付款", 128.5, nil, nil, "小王", "浙江"},
				{2, 46328.625, "wx:阿美", "批发", "微信", "收纳箱", "否", nil, "-", nil, "下周再问", "小王", "广东"},
				{3, 46329, "13800001111", "代理", "电话", "马克杯", "跟进中", nil, nil, nil, nil, nil, nil},
				{4}, {5}, // 序号 numbered down the sheet ahead of the rows to come
				{6, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil},
				{7, 46330, "tb_老客", "零售", "旺旺/千牛", "马克杯", "跟进中"},
				{nil, "合计", nil, nil, nil, nil, nil, nil, 128.5},
			}),
			[]string{
				"2026-11-02||tb_小鹿|零售|旺旺/千牛|婴儿湿巾、连体衣|deal|拍下付款|12850|||小王|浙江",
				"2026-11-02|15:00|wx:阿美|批发|微信|收纳箱|no_deal||0|未填写|下周再问|小王|广东",
				"2026-11-03||13800001111|代理|电话|马克杯|pending||0||||",
				"2026-11-04||tb_老客|零售|旺旺/千牛|马克杯|pending||0||||",
			}, "第 4 行未成交但没有写未交易原因"},
		{"GBK CSV from Excel: 客户ID, 询盘渠道, trailing spaces in headers, text dates, 未交易原因",
			mfCSV("询盘登记.csv", []string{"日期 ", "客户ID", "询盘渠道 ", "咨询产品", "是否成交", "交易类型", "成交金额", "未交易原因", "跟进情况"}, [][]string{
				{"2026/11/5", "jd_老张", "1688询盘", "收纳箱", "否", "", "", "价格", "已发优惠券"},
				{"2026-11-06", "pdd_小花", "抖音", "马克杯", "是", "代发", "￥1,024.00", "", ""},
			}, gbkText),
			[]string{
				"2026-11-05||jd_老张||1688询盘|收纳箱|no_deal||0|价格|已发优惠券||",
				"2026-11-06||pdd_小花||抖音|马克杯|deal|代发|102400||||",
			}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := openDB(t)
			addStaff(t, d, "小王")
			im := importer.New(d)
			path := tc.make(t, t.TempDir())
			p := im.PreviewFile(context.Background(), path, importer.Options{})
			if p.Result.Error != "" || p.Result.Kind != importer.KindInquiries || p.Result.Format != "inquiry_register" || len(p.Rows) != len(tc.want) {
				t.Fatalf("preview: %+v", p)
			}
			if n := count(t, d, "inquiry"); n != 0 {
				t.Fatalf("the preview kept %d inquiries", n)
			}
			// An Excel serial day is shown as the day it is, a typed one as written.
			if day := p.Rows[0][0]; !strings.HasPrefix(tc.want[0], day) && !strings.Contains(day, "/") {
				t.Fatalf("the preview shows the first day as %q", day)
			}
			if tc.make != nil && strings.HasPrefix(tc.name, "xlsx") && p.Rows[1][0] != "2026-11-02 15:00" {
				t.Fatalf("the preview shows the serial 46328.625 as %q", p.Rows[1][0])
			}
			r := mustImport(t, im, path)
			if r.Rows != len(tc.want) || r.New != len(tc.want) || r.Platform != "" {
				t.Fatalf("result %+v", r)
			}
			got := queryRows(t, d, inquirySQL)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("inquiries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if notes := strings.Join(r.Notes, "\n"); !strings.Contains(notes, tc.notes) {
				t.Fatalf("notes %q lack %q", notes, tc.notes)
			}
			u, err := im.Undo(context.Background(), r.BatchID)
			if err != nil || u.InquiriesRemoved != int64(len(tc.want)) {
				t.Fatalf("undo %+v %v", u, err)
			}
			if n := count(t, d, "inquiry"); n != 0 {
				t.Fatalf("%d inquiries after the undo", n)
			}
		})
	}
}

// A refused cell names the file, the row, the file's own column header and the value, and
// nothing of the file is kept.
func TestRegisterSheetErrors(t *testing.T) {
	header := []string{"日期", "客户昵称", "咨询渠道", "是否成交", "客服"}
	tests := []struct {
		name string
		rows [][]string
		want string
	}{
		{"a date that is none", [][]string{{"2026-11-02", "a", "微信", "是", ""}, {"明天", "b", "微信", "否", ""}},
			"文件“r.csv”第 3 行，“日期”列的值“明天”不是日期"},
		{"是否成交 not 是/否/跟进中", [][]string{{"2026-11-02", "a", "微信", "也许", ""}},
			"文件“r.csv”第 2 行，“是否成交”列的值“也许”不是“是”“否”或“跟进中”"},
		{"an agent not on the staff list", [][]string{{"2026-11-02", "a", "微信", "是", "小周"}},
			"文件“r.csv”第 2 行，“客服”列的值“小周”不在员工名单里"},
		{"no channel", [][]string{{"2026-11-02", "a", "", "是", ""}},
			"文件“r.csv”第 2 行，“咨询渠道”列"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := openDB(t)
			path := mfCSV("r.csv", header, tc.rows, exportfile.CSVOptions{})(t, t.TempDir())
			r := importer.New(d).ImportFile(context.Background(), path, importer.Options{})
			if !strings.Contains(r.Error, tc.want) || r.ErrorCode != importer.ErrCodeBadValue {
				t.Fatalf("error %q (%s), want %q", r.Error, r.ErrorCode, tc.want)
			}
			if n := count(t, d, "inquiry") + count(t, d, "import_batch"); n != 0 {
				t.Fatalf("%d rows kept", n)
			}
		})
	}
}

// rotaText is the month's rota as text: one line per person, day:cell.
func rotaText(t *testing.T, d *db.DB, month string) string {
	t.Helper()
	s := staff.New(d, nil)
	r, err := s.Rota(context.Background(), month)
	if err != nil {
		t.Fatal(err)
	}
	short := map[int64]string{}
	for _, sh := range r.Shifts {
		short[sh.ID] = sh.Short
	}
	names := map[int64]string{}
	for _, p := range r.People {
		names[p.ID] = p.Name
	}
	var lines []string
	for _, c := range r.Cells {
		v := "休"
		if !c.Rest {
			var parts []string
			for _, id := range c.ShiftIDs {
				parts = append(parts, short[id])
			}
			v = strings.Join(parts, "+")
		}
		if v == "" {
			continue
		}
		lines = append(lines, names[c.StaffID]+" "+c.Day[8:]+":"+v)
	}
	slices.Sort(lines) // by name and day, whatever order the people are listed in
	return strings.Join(lines, ",")
}

func dayHeaders(n int) []any {
	out := []any{"姓名"}
	for i := 1; i <= n; i++ {
		out = append(out, i)
	}
	return out
}

func TestRotaGridImportAndUndo(t *testing.T) {
	d := openDB(t)
	ids := addStaff(t, d, "小李")
	// The rota before: a day the grid leaves empty is cleared, one it fills is changed.
	s := staff.New(d, nil)
	shifts, _ := s.Shifts(context.Background())
	rest, wan, _ := staff.ParseCell(shifts, "晚")
	if _, err := s.SetRota(context.Background(), "2026-11", []staff.RotaCell{{StaffID: ids["小李"], Day: "2026-11-02", Rest: rest, ShiftIDs: wan},
		{StaffID: ids["小李"], Day: "2026-11-04", ShiftIDs: wan}}); err != nil {
		t.Fatal(err)
	}
	before := rotaText(t, d, "2026-11")

	header := append(dayHeaders(30), "休息天数")
	weekdays := []any{"星期"}
	for i := 0; i < 30; i++ {
		weekdays = append(weekdays, string([]rune("日一二三四五六")[i%7]))
	}
	li := []any{"小李", "白", "白", "休", nil, "白+晚"}
	xin := []any{"小新 ", "晚", "晚", "晚", "值班", "休"}
	for len(li) < 31 {
		li, xin = append(li, nil), append(xin, nil)
	}
	path := xlsxCells("排班.xlsx", [][]any{
		{"2026年11月排班表"},
		header,
		weekdays,
		append(li, 1),
		append(xin, 1),
		{},
		{"白 = 白班 08:30-17:30    晚 = 晚班 17:00-24:00    休 = 休息"},
	})(t, t.TempDir())
	im := importer.New(d)
	p := im.PreviewFile(context.Background(), path, importer.Options{})
	if p.Result.Error != "" || p.Result.Kind != importer.KindRota || p.Result.Rows != 2 || p.Result.New != 1 || p.Result.Updated != 1 {
		t.Fatalf("preview %+v", p.Result)
	}
	if rotaText(t, d, "2026-11") != before {
		t.Fatal("the preview changed the rota")
	}
	// It shows the people (not the weekday line nor the legend) and their first week.
	if len(p.Rows) != 2 || len(p.Columns) != 8 || p.Columns[0] != "姓名" || p.Columns[7] != "7" ||
		strings.Join(p.Rows[1][:6], ",") != "小新,晚,晚,晚,值班,休" {
		t.Fatalf("preview columns %v rows %v", p.Columns, p.Rows)
	}
	r := mustImport(t, im, path)
	want := "小新 01:晚,小新 02:晚,小新 03:晚,小新 04:值,小新 05:休,小李 01:白,小李 02:白,小李 03:休,小李 05:白+晚"
	if got := rotaText(t, d, "2026-11"); got != want {
		t.Fatalf("rota:\n%s\nwant\n%s", got, want)
	}
	notes := strings.Join(r.Notes, "\n")
	if !strings.Contains(notes, "2026年11月") || !strings.Contains(notes, "第 1 行的标题") || !strings.Contains(notes, "：小新") {
		t.Fatalf("notes %q", notes)
	}
	list, _ := s.List(context.Background())
	added := 0
	for _, p := range list {
		if p.Name == "小新" && p.LevelName == "初级" && p.Role == "cs_presale" && p.JoinedOn == "" {
			added++
		}
	}
	if len(list) != 2 || added != 1 {
		t.Fatalf("staff %+v", list)
	}
	// The same file again changes nothing; undone, the rota is as it was, 小新 gone.
	if again := im.ImportFile(context.Background(), path, importer.Options{}); !again.Duplicate {
		t.Fatalf("again %+v", again)
	}
	u, err := im.Undo(context.Background(), r.BatchID)
	if err != nil || !u.StaffUndone {
		t.Fatalf("undo %+v %v", u, err)
	}
	if got := rotaText(t, d, "2026-11"); got != before {
		t.Fatalf("after the undo:\n%s\nwant\n%s", got, before)
	}
	if list, _ := s.List(context.Background()); len(list) != 1 {
		t.Fatalf("staff after the undo %+v", list)
	}
}

// The month of a grid of day numbers: a title line, the file name, date headers (text or
// Excel date serials); none of them and the file is refused, saying what to add.
func TestRotaGridMonth(t *testing.T) {
	days := func(cells ...any) [][]any {
		row := []any{"阿强", "白", "白", "白", "白", "白", "休", "休"}
		return [][]any{cells, row}
	}
	tests := []struct {
		name string
		make fileMaker
		want string // the first days of 阿强 or the error
	}{
		{"file name 排班表 2026-12", xlsxCells("排班表 2026-12.xlsx", days(dayHeaders(31)...)), "阿强 01:白,阿强 02:白"},
		{"date headers as Excel serials", xlsxCells("rota.xlsx", days("姓名", 46357, 46358, 46359, 46360, 46361, 46362, 46363)), "阿强 01:白,阿强 02:白"},
		{"12/1 headers in a CSV named 12月排班", mfCSV("12月排班.csv", []string{"姓名", "12/1", "12/2", "12/3", "12/4", "12/5", "12/6", "12/7"},
			[][]string{{"阿强", "白班", "白", "白", "白", "白", "休", "休"}}, gbkText), "阿强 01:白,阿强 02:白"},
		{"no month anywhere", xlsxCells("rota.xlsx", days(dayHeaders(31)...)), "看不出这张排班表是哪个月的"},
		{"a shift that is none", mfCSV("2026年12月排班.csv", []string{"姓名", "1日", "2日", "3日", "4日", "5日", "6日", "7日"},
			[][]string{{"阿强", "白", "早", "白", "白", "白", "休", "休"}}, exportfile.CSVOptions{}),
			"文件“2026年12月排班.csv”第 2 行，“2日”列的值“早”不是班次"},
		{"day 31 of November filled", mfCSV("2026年11月排班.csv", append([]string{"姓名"}, strings.Split("25,26,27,28,29,30,31", ",")...),
			[][]string{{"阿强", "白", "", "", "", "", "", "白"}}, exportfile.CSVOptions{}),
			"“31”列的值“白”：2026年11月没有 31 这一天"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := openDB(t)
			addStaff(t, d, "阿强")
			r := importer.New(d).ImportFile(context.Background(), tc.make(t, t.TempDir()), importer.Options{})
			if r.Error != "" {
				if !strings.Contains(r.Error, tc.want) {
					t.Fatalf("error %q, want %q", r.Error, tc.want)
				}
				return
			}
			if got := rotaText(t, d, "2026-12"); !strings.HasPrefix(got, tc.want) {
				t.Fatalf("rota %q, want %q… (%+v)", got, tc.want, r)
			}
		})
	}
}

const punchSQL = `SELECT s.name, p.at, p.kind, p.note FROM punch p JOIN staff s ON s.id = p.staff_id ORDER BY p.at, s.name`

func TestPunchFiles(t *testing.T) {
	tests := []struct {
		name  string
		make  fileMaker
		want  []string
		added string
	}{
		{"DingTalk raw record xlsx: date-time text and an Excel serial, 未打卡, trailing-space headers",
			xlsxCells("钉钉打卡记录.xlsx", [][]any{
				{"打卡时间表 统计日期：2026-11-01 至 2026-11-30"},
				{"姓名", "考勤组", "考勤日期", "打卡时间 ", "打卡结果", "打卡地址 "},
				{"小李", "客服", "26-11-02 星期一", "2026-11-02 08:31:10", "迟到", "杭州市西湖区"},
				{"小李", "客服", "26-11-02 星期一", 46328.73125, "正常", "杭州市西湖区"},
				{"小新", "客服", "26-11-02 星期一", "未打卡", "缺卡", ""},
				{"小新", "客服", "2026-11-02", "2026/11/3 00:05", "正常", ""},
			}),
			[]string{"小李|2026-11-02 08:31:10||迟到 杭州市西湖区", "小李|2026-11-02 17:33:00||正常 杭州市西湖区", "小新|2026-11-03 00:05:00||正常"}, "小新"},
		{"daily CSV: 上班打卡/下班打卡 as times, a clock-out after midnight, placeholders",
			mfCSV("每日打卡.csv", []string{"姓名", "日期", "上班打卡", "下班打卡", "备注"}, [][]string{
				{"小李", "2026-11-02", "17:02", "00:05", ""},
				{"小李", "2026-11-03", "--", "01:58", "补卡"},
				{"小李", "2026-11-04", "08:29", "17:31", ""},
				{"小李", "2026-11-05", "未打卡", "", ""},
				{"共 4 条记录"},
			}, gbkText),
			[]string{"小李|2026-11-02 17:02:00|in|", "小李|2026-11-03 00:05:00|out|", "小李|2026-11-04 01:58:00|out|补卡",
				"小李|2026-11-04 08:29:00|in|", "小李|2026-11-04 17:31:00|out|"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := openDB(t)
			addStaff(t, d, "小李")
			im := importer.New(d)
			path := tc.make(t, t.TempDir())
			// The preview shows an Excel serial punch as the time it is.
			p := im.PreviewFile(context.Background(), path, importer.Options{})
			for _, row := range p.Rows {
				for _, c := range row {
					if _, err := strconv.ParseFloat(c, 64); err == nil {
						t.Fatalf("the preview shows %q: %v", c, p.Rows)
					}
				}
			}
			r := mustImport(t, im, path)
			if r.Kind != importer.KindPunches {
				t.Fatalf("kind %+v", r)
			}
			if got := queryRows(t, d, punchSQL); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("punches:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if notes := strings.Join(r.Notes, "\n"); tc.added != "" && !strings.Contains(notes, "："+tc.added) {
				t.Fatalf("notes %q", notes)
			}
			// The same punches in another file are duplicates: nothing added.
			path2 := filepath.Join(t.TempDir(), "copy"+filepath.Ext(path))
			copyWithExtraRow(t, path, path2)
			if r2 := mustImport(t, im, path2); r2.New != 0 || len(queryRows(t, d, punchSQL)) != len(tc.want) {
				t.Fatalf("second file %+v", r2)
			}
			if _, err := im.Undo(context.Background(), r.BatchID); err != nil {
				t.Fatal(err)
			}
			if n := count(t, d, "punch"); n != 0 {
				t.Fatalf("%d punches after the undo", n)
			}
			if n := count(t, d, "staff"); n != 1 {
				t.Fatalf("%d staff after the undo", n)
			}
		})
	}
}

// copyWithExtraRow writes src again with different bytes (another file of the same punches).
func copyWithExtraRow(t *testing.T, src, dst string) {
	t.Helper()
	if strings.HasSuffix(src, ".xlsx") {
		f, err := excelize.OpenFile(src)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.SetCellValue("Sheet1", "A1", "打卡时间表（再次导出）"); err != nil {
			t.Fatal(err)
		}
		if err := f.SaveAs(dst); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Files of the three kinds that no built-in layout knows go through the mapping screen:
// a template saved for each imports the file as the built-in layouts do, and undo works
// by the template's level.
func TestSellerSheetTemplates(t *testing.T) {
	ctx := context.Background()
	days := []string{"员工"}
	grid := []string{"阿强"}
	for d := 1; d <= 7; d++ {
		days, grid = append(days, fmt.Sprintf("%d号", d)), append(grid, "白班")
	}
	tests := []struct {
		name    string
		kind    string
		header  []string
		rows    [][]string
		columns map[string][]string
		table   string
		want    int
		saveErr string
	}{
		{"an inquiry register in the seller's own words", importer.KindInquiries,
			[]string{"询盘时间", "客户旺旺号", "来源", "是否成交", "没成交的原因"}, [][]string{{"2026-11-02", "a", "微信", "否", ""}, {"46328", "b", "微信", "是", ""}},
			map[string][]string{"inq_asked_on": {"询盘时间"}, "inq_customer": {"客户旺旺号"}, "inq_channel": {"来源"}, "inq_outcome": {"是否成交"}, "inq_reason": {"没成交的原因"}},
			"inquiry", 2, ""},
		{"a rota grid whose name column is 员工", importer.KindRota, days, [][]string{grid},
			map[string][]string{"staff_name": {"员工"}}, "rota_entry", 7, ""},
		{"a daily punch sheet of another attendance machine", importer.KindPunches,
			[]string{"员工", "考勤日期", "签到", "签退"}, [][]string{{"阿强", "2026-12-01", "08:30", "17:30"}},
			map[string][]string{"staff_name": {"员工"}, "punch_day": {"考勤日期"}, "punch_in": {"签到"}, "punch_out": {"签退"}}, "punch", 2, ""},
		{"a daily punch template without its date", importer.KindPunches,
			[]string{"员工", "考勤日期", "签到", "签退"}, nil,
			map[string][]string{"staff_name": {"员工"}, "punch_in": {"签到"}}, "", 0, "还要选“日期”"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := openDB(t)
			addStaff(t, d, "阿强")
			im := importer.New(d)
			path := mfCSV("2026年12月.csv", tc.header, tc.rows, exportfile.CSVOptions{BOM: true})(t, t.TempDir())
			if tc.rows != nil {
				r := im.ImportFile(ctx, path, importer.Options{})
				if r.ErrorCode != importer.ErrCodeUnknownFormat {
					t.Fatalf("before the template: %+v", r)
				}
				if tc.kind == importer.KindRota && !strings.Contains(r.Error, "有“排班表”的“7 个日期列”，但缺少“姓名”") {
					t.Fatalf("a grid of days without 姓名: %s", r.Error)
				}
			}
			_, err := im.SaveTemplate(ctx, importer.TemplateInput{File: "x.csv", Kind: tc.kind, Name: tc.name[:6], Header: tc.header, Columns: tc.columns})
			if tc.saveErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.saveErr) {
					t.Fatalf("save: %v, want %q", err, tc.saveErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			r := mustImport(t, im, path)
			if r.Kind != tc.kind || count(t, d, tc.table) != tc.want {
				t.Fatalf("%+v: %d rows in %s", r, count(t, d, tc.table), tc.table)
			}
			batches, err := importer.ListBatches(ctx, d.SQL, 5)
			if err != nil || len(batches) != 1 || batches[0].Level == "" {
				t.Fatalf("history %+v %v", batches, err)
			}
			if _, err := im.Undo(ctx, r.BatchID); err != nil {
				t.Fatal(err)
			}
			if n := count(t, d, tc.table); n != 0 {
				t.Fatalf("%d rows in %s after the undo", n, tc.table)
			}
		})
	}
}

// A punch file's refused cells name the file, row, column and value; a punch in a closed
// month is refused naming the month; nothing of the file is kept.
func TestPunchFileErrors(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		rows   [][]string
		close  bool
		want   string
	}{
		{"a punch time that is none", []string{"姓名", "考勤日期", "打卡时间"},
			[][]string{{"小李", "2026-11-02", "2026-11-02 08:30"}, {"小李", "2026-11-02", "早上"}},
			false, "文件“p.csv”第 3 行，“打卡时间”列的值“早上”不是打卡时间"},
		{"a time of day without a date", []string{"姓名", "打卡时间"}, [][]string{{"小李", "08:30"}},
			false, "文件“p.csv”第 2 行，“打卡时间”列的值“08:30”只有时间，没有日期"},
		{"a daily row without a name", []string{"姓名", "日期", "上班打卡", "下班打卡"}, [][]string{{"", "2026-11-02", "08:30", "17:30"}},
			false, "文件“p.csv”第 2 行，“姓名”列：是空的"},
		{"a day that is none", []string{"姓名", "日期", "上班打卡", "下班打卡"}, [][]string{{"小李", "11月的第二天", "08:30", "17:30"}},
			false, "文件“p.csv”第 2 行，“日期”列的值“11月的第二天”不是日期"},
		{"a closed month", []string{"姓名", "日期", "上班打卡", "下班打卡"}, [][]string{{"小李", "2026-11-02", "08:30", "17:30"}},
			true, "文件“p.csv”第 2 行（小李）：2026年11月已经结账"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := openDB(t)
			addStaff(t, d, "小李")
			if tc.close {
				s := staff.New(d, nil)
				boss, err := s.Save(context.Background(), staff.Staff{Name: "老板", Role: "owner", Active: true}, "9999")
				if err != nil {
					t.Fatal(err)
				}
				if _, err := s.CloseMonth(context.Background(), "2026-11", staff.Auth{StaffID: boss.ID, PIN: "9999"}); err != nil {
					t.Fatal(err)
				}
			}
			path := mfCSV("p.csv", tc.header, tc.rows, exportfile.CSVOptions{})(t, t.TempDir())
			r := importer.New(d).ImportFile(context.Background(), path, importer.Options{})
			if !strings.Contains(r.Error, tc.want) {
				t.Fatalf("error %q, want %q", r.Error, tc.want)
			}
			if n := count(t, d, "punch") + count(t, d, "import_batch"); n != 0 {
				t.Fatalf("%d rows kept", n)
			}
		})
	}
}

// The rota Shopdesk exports (员工 → 排班 → 导出 Excel) imports back as it was: into another
// database, people added, every cell the same.
func TestRotaExportImportsBack(t *testing.T) {
	ctx := context.Background()
	src := openDB(t)
	ids := addStaff(t, src, "小李", "小新")
	s := staff.New(src, nil)
	shifts, _ := s.Shifts(ctx)
	var cells []staff.RotaCell
	for day := 1; day <= 30; day++ {
		for i, name := range []string{"小李", "小新"} {
			text := []string{"白", "晚", "休", "值", "白+晚"}[(day+i)%5]
			rest, sh, err := staff.ParseCell(shifts, text)
			if err != nil {
				t.Fatal(err)
			}
			cells = append(cells, staff.RotaCell{StaffID: ids[name], Day: fmt.Sprintf("2026-11-%02d", day), Rest: rest, ShiftIDs: sh})
		}
	}
	if _, err := s.SetRota(ctx, "2026-11", cells); err != nil {
		t.Fatal(err)
	}
	data, name, err := s.ExportRota(ctx, "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	dst := openDB(t)
	r := mustImport(t, importer.New(dst), path)
	if r.Format != "rota_grid" || r.New != 2 {
		t.Fatalf("%+v", r)
	}
	if want, got := rotaText(t, src, "2026-11"), rotaText(t, dst, "2026-11"); got != want || len(want) < 100 {
		t.Fatalf("imported back:\n%s\nexported:\n%s", got, want)
	}
}
