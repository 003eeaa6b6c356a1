package inquiry_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"shopdesk/internal/inquiry"
)

// A block of 500 rows copied from the seller's sheet (header row, every column variant of
// the sheet, Excel's quoting of a cell with a line break) is previewed and added at once.
func TestPaste500Rows(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	ids := staff(t, d, "小美", "阿杰")
	var b strings.Builder
	b.WriteString("客户旺旺\t咨询渠道\t咨询产品\t是否成交\t成交类型\t成交金额\t未成交原因\t未成交后期的跟进情况\t客服\t地区\t日期\t不相干的列\r\n")
	outcomes := []string{"是", "否", "跟进中", "否"}
	for i := 0; i < 500; i++ {
		o := outcomes[i%4]
		amount, reason, deal := "", "", ""
		switch o {
		case "是":
			amount, deal = fmt.Sprintf("%d.50", 100+i), "零售"
		case "否":
			reason = []string{"价格", "运费", "缺货"}[i%3]
		}
		follow := ""
		if i == 7 {
			follow = "\"先发样品\n下周再问\"" // a cell with a line break, as Excel copies it
		}
		agent := []string{"小美", "阿杰", ""}[i%3] // empty: the default agent
		fmt.Fprintf(&b, "买家%03d\t%s\t毛毯、收纳箱\t%s\t%s\t%s\t%s\t%s\t%s\t浙江\t2026/11/%d\tx\r\n",
			i, []string{"旺旺/千牛", "微信", "微博"}[i%3], o, deal, amount, reason, follow, agent, 1+i%28)
	}
	defaults := inquiry.PasteDefaults{AskedOn: "2026-11-22", AgentID: ids["小美"], Channel: "微信"}
	p, err := s.PreviewPaste(ctx, b.String(), defaults)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Header || len(p.Rows) != 500 || len(p.Errors) != 0 {
		t.Fatalf("preview: header %v, %d rows, errors %v", p.Header, len(p.Rows), p.Errors)
	}
	if len(p.Ignored) != 1 || p.Ignored[0] != "不相干的列" {
		t.Fatalf("ignored %v", p.Ignored)
	}
	if len(p.NewValues) != 1 || p.NewValues[0] != (inquiry.ListValue{List: inquiry.ListChannel, Name: "微博"}) {
		t.Fatalf("new list values %v", p.NewValues)
	}
	if r := p.Rows[7]; r.FollowNote != "先发样品\n下周再问" || r.AskedOn != "2026-11-08" || len(r.Products) != 2 {
		t.Fatalf("row 7 %+v", r)
	}
	if p.Rows[2].AgentID != ids["小美"] || p.Rows[1].AgentID != ids["阿杰"] || p.Rows[0].AmountFen != 10050 {
		t.Fatalf("rows %+v", p.Rows[:3])
	}
	if n, _ := countRows(t, s); n != 0 {
		t.Fatal("the preview wrote rows")
	}
	n, err := s.AddPasted(ctx, b.String(), defaults)
	if err != nil || n != 500 {
		t.Fatalf("added %d, %v", n, err)
	}
	if n, _ := countRows(t, s); n != 500 {
		t.Fatalf("%d rows in the register", n)
	}
	st, err := s.Stats(ctx, "2026-11-01", "2026-11-30", inquiry.ByReason)
	if err != nil || len(st) != 3 || st[0].Inquiries+st[1].Inquiries+st[2].Inquiries != 250 {
		t.Fatalf("reasons %+v %v", st, err)
	}
}

func countRows(t *testing.T, s *inquiry.Store) (int64, error) {
	t.Helper()
	p, err := s.List(context.Background(), inquiry.Query{PageSize: 1})
	return p.Total, err
}

// Errors name the row (line of the block), the column and the value, in Chinese; a block
// with any error adds nothing.
func TestPasteErrors(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	staff(t, d, "小美")
	// No header: the columns of the register sheet in its order.
	block := strings.Join([]string{
		"2026-11-01\t买家甲\t零售\t微信\t毛毯\t是\t零售\t128\t\t\t小美\t浙江",
		"2026-13-01\t买家乙\t零售\t微信\t毛毯\t否\t\t\t价格\t\t小美\t浙江",
		"2026-11-02\t买家丙\t零售\t微信\t毛毯\t否\t\t\t\t\t小美\t浙江",
		"2026-11-02\t\t零售\t微信\t毛毯\t跟进中\t\t\t\t\t小美\t浙江",
		"2026-11-02\t买家丁\t零售\t微信\t毛毯\t也许\t\t\t\t\t小美\t浙江",
		"2026-11-02\t买家戊\t零售\t微信\t毛毯\t是\t\t12元5角\t\t\t小美\t浙江",
		"2026-11-02\t买家己\t零售\t微信\t毛毯\t是\t\t12\t\t\t小红\t浙江",
		"",
		"11/3\t买家庚\t零售\t\t毛毯\t跟进中\t\t\t\t\t\t",
	}, "\n")
	p, err := s.PreviewPaste(ctx, block, inquiry.PasteDefaults{AskedOn: "2026-11-22", Channel: "电话"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"第 2 行“日期”列的值“2026-13-01”不是日期（例如 2026-11-21 或 2026/11/21）",
		"第 3 行“未交易原因”列必须填写：未成交的询盘要写明原因（价格、运费、缺货……）",
		"第 4 行“客户ID”列必须填写：买家的旺旺名、昵称或微信名",
		"第 5 行“是否成交”列的值“也许”不是“是”“否”或“跟进中”",
		"第 6 行“成交金额”列的值“12元5角”不是金额（例如 128 或 128.50）",
		"第 7 行“客服”列的值“小红”不在员工名单里（先在 设置 → 员工 里添加）",
	}
	if p.Header || len(p.Errors) != len(want) {
		t.Fatalf("header %v, errors %+v", p.Header, p.Errors)
	}
	for i, w := range want {
		if p.Errors[i].Text != w {
			t.Errorf("error %d: %q, want %q", i, p.Errors[i].Text, w)
		}
	}
	if p.Errors[0].Line != 2 || p.Errors[0].Column != "日期" || p.Errors[0].Value != "2026-13-01" {
		t.Fatalf("error fields %+v", p.Errors[0])
	}
	// The good rows: line 1, and line 9 (a day of the defaults' year, the default channel).
	if len(p.Rows) != 2 || p.Lines[1] != 9 || p.Rows[1].AskedOn != "2026-11-03" || p.Rows[1].Channel != "电话" {
		t.Fatalf("rows %+v lines %v", p.Rows, p.Lines)
	}
	_, err = s.AddPasted(ctx, block, inquiry.PasteDefaults{AskedOn: "2026-11-22", Channel: "电话"})
	if err == nil || !strings.Contains(err.Error(), "没有添加任何一行：有 6 处要改") || !strings.Contains(err.Error(), want[0]) {
		t.Fatalf("add: %v", err)
	}
	if n, _ := countRows(t, s); n != 0 {
		t.Fatalf("%d rows added from a refused block", n)
	}
}
