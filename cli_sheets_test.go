package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"shopdesk/internal/exportfile"
)

// `shopdesk import FILE` recognises the seller's own sheets of issues 10 and 11 like any
// export: a register sheet (询盘成交登记表), a rota grid (排班表), a punch file (打卡记录) and
// chat statistics (客服考核).
// What they wrote shows in `inquiries stats` and `payroll`, and `undo` takes it back.
func TestImportSellerSheets(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "shop.db")
	register := filepath.Join(dir, "询盘登记.csv")
	if err := exportfile.WriteCSV(register, []string{"日期", "客户ID", "客户类型", "询盘渠道", "咨询产品", "是否成交", "交易类型", "成交金额", "未交易原因", "跟进情况", "客服", "地区"}, [][]string{
		{"2026-11-02", "tb_a", "零售", "旺旺/千牛", "湿巾", "是", "拍下付款", "58", "", "", "", "浙江"},
		{"2026-11-02", "wx_b", "批发", "微信", "收纳箱", "否", "", "", "", "", "", "广东"},
		{"2026-11-03", "tb_c", "零售", "旺旺/千牛", "湿巾", "否", "", "", "价格", "", "", "浙江"},
	}, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	header := []string{"姓名"}
	row := []string{"小新"}
	for d := 1; d <= 30; d++ {
		header = append(header, strconv.Itoa(d))
		cell := "白"
		if d%7 == 0 {
			cell = "休"
		}
		row = append(row, cell)
	}
	rota := filepath.Join(dir, "2026年11月排班表.csv")
	if err := exportfile.WriteCSV(rota, header, [][]string{row}, exportfile.CSVOptions{BOM: true}); err != nil {
		t.Fatal(err)
	}
	punches := filepath.Join(dir, "打卡.csv")
	if err := exportfile.WriteCSV(punches, []string{"姓名", "考勤日期", "打卡时间", "打卡结果"}, [][]string{
		{"小新", "2026-11-02", "2026-11-02 08:45:00", "迟到"},
		{"小新", "2026-11-02", "2026-11-02 17:31:00", "正常"},
	}, exportfile.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "--db", dbPath, "import", register, rota, punches)
	for _, want := range []string{"询盘成交登记表，3 条询盘：新增 3", "第 3 行未成交但没有写未交易原因",
		"排班表，1 人的排班：新增 1", "已加入名单", "：小新", "钉钉 打卡原始记录，2 行打卡记录：新增 2"} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q", want)
		}
	}
	if code != 0 || strings.Contains(out, "店铺") {
		t.Fatalf("import: %d\n%s\n%s", code, out, errOut)
	}
	// The month's chat statistics (客服考核) of the person the rota added: 2 hours without a reply.
	penalties := filepath.Join(dir, "客服数据.csv")
	if err := exportfile.WriteCSV(penalties, []string{"日期", "旺旺", "未及时回复数", "2小时未回复"}, [][]string{
		{"2026-11-03", "小新", "0", "1"},
		{"合计", "", "0", "1"},
	}, exportfile.CSVOptions{GBK: true}); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI(t, "--db", dbPath, "import", penalties)
	if code != 0 || !strings.Contains(out, "客服考核统计（千牛 客服数据）") || !strings.Contains(out, "客服考核：新增 1 条（2 小时未回复 1 次）") {
		t.Fatalf("import penalties: %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "--db", dbPath, "inquiries", "stats", "--from", "2026-11-01", "--to", "2026-11-30", "--by", "reason", "--json")
	if code != 0 || !strings.Contains(out, `"key":"未填写"`) && !strings.Contains(out, `"key": "未填写"`) {
		t.Fatalf("stats: %d %s %s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "--db", dbPath, "payroll", "--month", "2026-11", "--json")
	var slips []map[string]any
	if err := json.Unmarshal([]byte(out), &slips); code != 0 || err != nil {
		t.Fatalf("payroll: %d %v %s %s", code, err, out, errOut)
	}
	found := false
	for _, s := range slips {
		if s["staff"] == "小新" {
			// 25 rostered days without a punch (200.00 each), the late of 11-02 (20.00) and
			// the imported 2-hour no-reply of 11-03 (200.00).
			found = s["lates"].(float64) == 1 && s["absences"].(float64) == 25 && s["deductions"] == "5220.00"
		}
	}
	if !found {
		t.Fatalf("小新's late on 11-02 or the imported penalty not on the payroll: %s", out)
	}
	// Undo the penalties, the punches, the rota, the register (newest first): nothing of them is left.
	for _, batch := range []string{"4", "3", "2", "1"} {
		if code, out, errOut := runCLI(t, "--db", dbPath, "undo", batch); code != 0 {
			t.Fatalf("undo %s: %s %s", batch, out, errOut)
		}
	}
	if _, out, _ := runCLI(t, "--db", dbPath, "payroll", "--month", "2026-11", "--json"); strings.Contains(out, "小新") {
		t.Fatalf("小新 still on the payroll after the undo: %s", out)
	}
}
