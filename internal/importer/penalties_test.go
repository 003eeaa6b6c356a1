package importer_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/staff"
)

// Service penalty files (客服考核): chat statistics as the back office and sellers write them,
// through recognition, the preview, the import, the month's payroll and the undo.

const incidentSQL = `SELECT s.name, i.day, i.kind, i.count FROM service_incident i JOIN staff s ON s.id = i.staff_id ORDER BY i.day, s.name, i.kind`

// penaltyStaff adds 小李 (sub-account 店铺:小李) and 小新 on the payroll (初级).
func penaltyStaff(t *testing.T, d *db.DB) *staff.Store {
	t.Helper()
	ctx := context.Background()
	s := staff.New(d, nil)
	levels, err := s.Levels(ctx)
	if err != nil || len(levels) == 0 {
		t.Fatal(levels, err)
	}
	for _, p := range []staff.Staff{
		{Name: "小李", Role: "cs_presale", Active: true, LevelID: levels[0].ID, Accounts: []string{"暖暖家居:小李"}},
		{Name: "小新", Role: "cs_presale", Active: true, LevelID: levels[0].ID},
	} {
		if _, err := s.Save(ctx, p, ""); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestPenaltyFiles(t *testing.T) {
	tests := []struct {
		name  string
		make  fileMaker
		want  []string
		note  string
		lines []string // 小李's service penalty lines on the payslip
	}{
		{"千牛 daily CSV (GBK): sub-account names, '-' placeholders, empty and zero counts, a 合计 footer",
			mfCSV("客服数据.csv", []string{"日期", "旺旺", "咨询人数", "未及时回复数", "30分钟未回复", "2小时未回复", "离开时长超2小时"}, [][]string{
				{"2026-11-02", "暖暖家居:小李", "35", "2", "-", "0", ""},
				{"2026-11-03", "暖暖家居:小李", "41", "3", "1", "-", "-"},
				{"2026-11-03", "小新", "12", "0", "0", "0", "0"},
				{"2026-11-04", "小新", "20", "-", "", "1", ""},
				{"合计", "", "108", "5", "1", "1", "0"},
			}, gbkText),
			[]string{"小李|2026-11-02|slow_reply|2", "小李|2026-11-03|no_reply_30m|1", "小李|2026-11-03|slow_reply|3", "小新|2026-11-04|no_reply_2h|1"},
			"客服考核：新增 4 条（2 分钟未回复 5 次，30 分钟未回复 1 次，2 小时未回复 1 次）",
			[]string{"slow_reply|2026-11-03|5000|5", "no_reply_30m|2026-11-03|10000|1"}},
		{"xlsx: a title line, Excel serial dates, trailing-space headers, 挂机超2小时",
			xlsxCells("客服考核.xlsx", [][]any{
				{"客服绩效统计 2026年11月"},
				{"客服 ", "日期 ", "2分钟未回复 ", "挂机超2小时 "},
				{"小李", 46330, 1, 1}, // 2026-11-04
				{"小新", 46331, nil, 0},
			}),
			[]string{"小李|2026-11-04|away_2h|1", "小李|2026-11-04|slow_reply|1"},
			"客服考核：新增 2 条（2 分钟未回复 1 次，挂机离开 2 小时以上 1 次）",
			[]string{"away_2h|2026-11-04|20000|1"}},
		{"a month's statistics: 月份 2026-11 means the 1st",
			mfCSV("11月客服考核.csv", []string{"姓名", "月份", "2分钟未回复数", "2小时未回复数"}, [][]string{
				{"小李", "2026-11", "4", "2"},
				{"小新", "2026年11月", "", ""},
			}, exportfile.CSVOptions{BOM: true}),
			[]string{"小李|2026-11-01|no_reply_2h|2", "小李|2026-11-01|slow_reply|4"},
			"客服考核：新增 2 条",
			[]string{"slow_reply|2026-11-01|5000|4", "no_reply_2h|2026-11-01|40000|2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			d := openDB(t)
			s := penaltyStaff(t, d)
			im := importer.New(d)
			path := tc.make(t, t.TempDir())
			p := im.PreviewFile(ctx, path, importer.Options{})
			if p.Result.Error != "" || p.Result.Kind != importer.KindPenalties {
				t.Fatalf("preview %+v", p)
			}
			if !strings.Contains(strings.Join(p.Result.Notes, "\n"), "将新增") {
				t.Fatalf("preview notes %q", p.Result.Notes)
			}
			if n := count(t, d, "service_incident"); n != 0 {
				t.Fatalf("the preview wrote %d penalties", n)
			}
			r := mustImport(t, im, path)
			if r.Kind != importer.KindPenalties {
				t.Fatalf("kind %+v", r)
			}
			if got := queryRows(t, d, incidentSQL); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("penalties:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if notes := strings.Join(r.Notes, "\n"); !strings.Contains(notes, tc.note) {
				t.Fatalf("notes %q, want %q", notes, tc.note)
			}
			if got := penaltyLines(t, s, "小李"); strings.Join(got, "\n") != strings.Join(tc.lines, "\n") {
				t.Fatalf("小李's payslip lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.lines, "\n"))
			}
			// The same statistics exported again deduct nothing twice.
			again := filepath.Join(t.TempDir(), "again"+filepath.Ext(path))
			copyWithExtraRow(t, path, again)
			if r2 := mustImport(t, im, again); r2.New != 0 || !strings.Contains(strings.Join(r2.Notes, "\n"), "已经有了") ||
				len(queryRows(t, d, incidentSQL)) != len(tc.want) {
				t.Fatalf("the same statistics again: %+v", r2)
			} else if _, err := im.Undo(ctx, r2.BatchID); err != nil {
				t.Fatal(err)
			}
			// A penalty entered by hand stays through the undo; the import's go, exactly.
			if _, err := s.AddIncident(ctx, staff.Incident{StaffID: staffID(t, s, "小新"), Day: "2026-11-20", Kind: staff.LineAway2h, Count: 1}); err != nil {
				t.Fatal(err)
			}
			if _, err := im.Undo(ctx, r.BatchID); err != nil {
				t.Fatal(err)
			}
			if got := queryRows(t, d, incidentSQL); strings.Join(got, "\n") != "小新|2026-11-20|away_2h|1" {
				t.Fatalf("after the undo: %q", got)
			}
			if got := penaltyLines(t, s, "小李"); len(got) != 0 {
				t.Fatalf("小李's payslip after the undo: %q", got)
			}
			if n := count(t, d, "staff"); n != 2 {
				t.Fatalf("%d staff after the undo", n)
			}
		})
	}
}

func staffID(t *testing.T, s *staff.Store, name string) int64 {
	t.Helper()
	list, err := s.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.Name == name {
			return p.ID
		}
	}
	t.Fatalf("no %s", name)
	return 0
}

// penaltyLines are a person's service penalty deductions of 2026-11: rule|day|fen|count.
func penaltyLines(t *testing.T, s *staff.Store, name string) []string {
	t.Helper()
	m, err := s.Payroll(context.Background(), "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, ps := range m.Payslips {
		if ps.Name != name {
			continue
		}
		for _, l := range ps.Deductions {
			switch l.Rule {
			case staff.LineSlowReply, staff.LineNoReply30m, staff.LineNoReply2h, staff.LineAway2h:
				out = append(out, strings.Join([]string{l.Rule, l.Day, strconv.FormatInt(l.AmountFen, 10), strconv.Itoa(l.Count)}, "|"))
			}
		}
	}
	return out
}

// A refused penalty file names the file, row, column and value; an agent nobody on the
// staff list is, is refused (never guessed or added); a closed month is refused; nothing of
// the file is kept.
func TestPenaltyFileErrors(t *testing.T) {
	header := []string{"客服", "日期", "未及时回复数", "30分钟未回复"}
	tests := []struct {
		name  string
		rows  [][]string
		close bool
		want  string
	}{
		{"an agent not on the staff list", [][]string{{"小李", "2026-11-02", "1", "0"}, {"阿强", "2026-11-02", "0", "1"}},
			false, "文件“c.csv”第 3 行，“客服”列的值“阿强”不在员工名单里"},
		{"a count that is none", [][]string{{"小李", "2026-11-02", "两次", "0"}},
			false, "文件“c.csv”第 2 行，“未及时回复数”列的值“两次”"},
		{"a negative count", [][]string{{"小李", "2026-11-02", "-2", "0"}},
			false, "文件“c.csv”第 2 行，“未及时回复数”列的值“-2”是负数"},
		{"a day that is none", [][]string{{"小李", "上周三", "1", "0"}},
			false, "文件“c.csv”第 2 行，“日期”列的值“上周三”不是日期或月份"},
		{"a row with counts and no agent", [][]string{{"", "2026-11-02", "1", "0"}},
			false, "文件“c.csv”第 2 行，“客服”列：是空的"},
		{"a closed month", [][]string{{"小李", "2026-11-02", "1", "0"}},
			true, "文件“c.csv”第 2 行（小李）：2026年11月已经结账"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			d := openDB(t)
			s := penaltyStaff(t, d)
			if tc.close {
				boss, err := s.Save(ctx, staff.Staff{Name: "老板", Role: "owner", Active: true}, "9999")
				if err != nil {
					t.Fatal(err)
				}
				if _, err := s.CloseMonth(ctx, "2026-11", staff.Auth{StaffID: boss.ID, PIN: "9999"}); err != nil {
					t.Fatal(err)
				}
			}
			path := mfCSV("c.csv", header, tc.rows, exportfile.CSVOptions{})(t, t.TempDir())
			r := importer.New(d).ImportFile(ctx, path, importer.Options{})
			if !strings.Contains(r.Error, tc.want) {
				t.Fatalf("error %q, want %q", r.Error, tc.want)
			}
			if n := count(t, d, "service_incident") + count(t, d, "import_batch"); n != 0 {
				t.Fatalf("%d rows kept", n)
			}
			if n := count(t, d, "staff"); n != 2+map[bool]int{true: 1}[tc.close] {
				t.Fatalf("%d staff: the import added someone", n)
			}
		})
	}
}

// An import whose month was closed since cannot be undone.
func TestPenaltyUndoClosedMonth(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := penaltyStaff(t, d)
	path := mfCSV("c.csv", []string{"客服", "日期", "2小时未回复"}, [][]string{{"小新", "2026-11-05", "1"}}, exportfile.CSVOptions{})(t, t.TempDir())
	im := importer.New(d)
	r := mustImport(t, im, path)
	boss, err := s.Save(ctx, staff.Staff{Name: "老板", Role: "owner", Active: true}, "9999")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CloseMonth(ctx, "2026-11", staff.Auth{StaffID: boss.ID, PIN: "9999"}); err != nil {
		t.Fatal(err)
	}
	if _, err := im.Undo(ctx, r.BatchID); err == nil || !strings.Contains(err.Error(), "2026年11月已经结账") {
		t.Fatalf("undo in a closed month: %v", err)
	}
	if n := count(t, d, "service_incident"); n != 1 {
		t.Fatalf("%d penalties after a refused undo", n)
	}
}

// A count that differs from one already recorded (entered by hand, or another import) is
// refused naming the row, column and both counts: which is right is the owner's call.
func TestPenaltyConflictingCount(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := penaltyStaff(t, d)
	if _, err := s.AddIncident(ctx, staff.Incident{StaffID: staffID(t, s, "小新"), Day: "2026-11-05", Kind: staff.LineNoReply2h, Count: 1}); err != nil {
		t.Fatal(err)
	}
	path := mfCSV("c.csv", []string{"客服", "日期", "未及时回复数", "2小时未回复"}, [][]string{{"小李", "2026-11-05", "2", "0"}, {"小新", "2026-11-05", "0", "2"}},
		exportfile.CSVOptions{})(t, t.TempDir())
	r := importer.New(d).ImportFile(ctx, path, importer.Options{})
	if want := "文件“c.csv”第 3 行，“2小时未回复”列的值“2”和已经记下的不一样：小新 2026-11-05 已有 2 小时未回复 1 次"; !strings.Contains(r.Error, want) {
		t.Fatalf("error %q, want %q", r.Error, want)
	}
	if got := queryRows(t, d, incidentSQL); strings.Join(got, "\n") != "小新|2026-11-05|no_reply_2h|1" {
		t.Fatalf("penalties kept: %q", got)
	}
}
