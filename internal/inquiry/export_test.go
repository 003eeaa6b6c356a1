package inquiry_test

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"shopdesk/internal/inquiry"
)

// The register exports in the layout of the sheet sellers keep (its twelve columns first),
// and the export reads back as a register again: its header names every column.
func TestExportRegister(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	ids := staff(t, d, "小美")
	add(t, s, inquiry.Inquiry{AskedOn: "2026-11-20", AskedTime: "10:05", Customer: "tb_小鱼儿2019", CustomerType: "零售", Channel: "微信",
		Products: []string{"毛毯", "收纳箱"}, Region: "浙江", AgentID: ids["小美"], Outcome: inquiry.OutcomeDeal, DealType: "零售", AmountFen: 12850})
	add(t, s, inquiry.Inquiry{AskedOn: "2026-11-21", Customer: "南风", Channel: "电话", Outcome: inquiry.OutcomeNoDeal, Reason: "运费", FollowNote: "嫌贵"})
	data, n, err := s.ExportRegister(ctx, inquiry.Query{})
	if err != nil || n != 2 {
		t.Fatalf("%d rows, %v", n, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("询盘登记")
	if err != nil {
		t.Fatal(err)
	}
	wantHead := []string{"日期", "客户ID", "客户类型", "询盘渠道", "咨询产品", "是否成交", "交易类型", "成交金额", "未交易原因", "跟进情况", "客服", "地区",
		"时间", "店铺", "下次跟进", "备注"}
	if !slices.Equal(rows[0], wantHead) {
		t.Fatalf("header %v", rows[0])
	}
	for _, h := range rows[0] {
		if inquiry.HeaderField(h) == "" {
			t.Errorf("the export's column %s would not import again", h)
		}
	}
	want := [][]string{
		{"2026-11-21", "南风", "", "电话", "", "否", "", "", "运费", "嫌贵"},
		{"2026-11-20", "tb_小鱼儿2019", "零售", "微信", "毛毯、收纳箱", "是", "零售", "128.50", "", "", "小美", "浙江", "10:05"},
	}
	for i, w := range want {
		if !slices.Equal(rows[i+1], w) {
			t.Errorf("row %d: %q, want %q", i+1, rows[i+1], w)
		}
	}
	// The analysis: one sheet per breakdown, the reasons, the trend, the ranking.
	data, err = s.ExportAnalysis(ctx, "2026-11-01", "2026-11-30")
	if err != nil {
		t.Fatal(err)
	}
	if f, err = excelize.OpenReader(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); !slices.Equal(got, []string{"汇总", "按询盘渠道", "按客服", "按咨询产品", "按客户类型", "按地区", "未成交原因", "每日趋势", "客服排名"}) {
		t.Fatalf("sheets %v", got)
	}
	sum, _ := f.GetRows("汇总")
	if sum[2][1] != "2" || sum[3][1] != "1" || sum[6][1] != "50.00%" {
		t.Fatalf("summary %v", sum)
	}
}
