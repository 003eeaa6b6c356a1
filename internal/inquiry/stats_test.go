package inquiry_test

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"shopdesk/internal/inquiry"
)

func TestConversion(t *testing.T) {
	cases := []struct {
		deals, inquiries int64
		want             float64
	}{
		{0, 0, 0},      // no inquiries: 0, not NaN
		{0, 5, 0},      // none converted
		{1, 3, 0.3333}, // 0.33333… rounded to 4 places
		{2, 3, 0.6667}, // 0.66666… rounds up
		{3, 3, 1},
		{1, 8, 0.125},
		{7, 10000, 0.0007},
	}
	for _, c := range cases {
		if got := inquiry.Conversion(c.deals, c.inquiries); got != c.want {
			t.Errorf("Conversion(%d, %d) = %v, want %v", c.deals, c.inquiries, got, c.want)
		}
	}
}

// A register typed by hand, its figures counted by hand: 跟进中 rows count as inquiries.
func TestStatsByHand(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	ids := staff(t, d, "小美", "阿杰")
	mei, jie := ids["小美"], ids["阿杰"]
	rows := []inquiry.Inquiry{
		// 旺旺: 4 inquiries (1 deal, 1 pending, 2 no deal) -> 1/4 = 0.25
		{AskedOn: "2026-11-01", Customer: "a", Channel: "旺旺/千牛", AgentID: mei, Outcome: inquiry.OutcomeDeal, AmountFen: 10000, Products: []string{"毛毯", "收纳箱"}, CustomerType: "零售", Region: "浙江"},
		{AskedOn: "2026-11-01", Customer: "b", Channel: "旺旺/千牛", AgentID: mei, Outcome: inquiry.OutcomePending, Products: []string{"毛毯"}, CustomerType: "零售", Region: "浙江"},
		{AskedOn: "2026-11-02", Customer: "c", Channel: "旺旺/千牛", AgentID: jie, Outcome: inquiry.OutcomeNoDeal, Reason: "价格", Products: []string{"毛毯"}, CustomerType: "批发", Region: "江苏"},
		{AskedOn: "2026-11-03", Customer: "d", Channel: "旺旺/千牛", AgentID: jie, Outcome: inquiry.OutcomeNoDeal, Reason: "运费", CustomerType: "零售"},
		// 微信: 2 inquiries, both deals -> 1
		{AskedOn: "2026-11-03", Customer: "e", Channel: "微信", AgentID: jie, Outcome: inquiry.OutcomeDeal, AmountFen: 50000, Products: []string{"收纳箱"}, CustomerType: "批发", Region: "江苏"},
		{AskedOn: "2026-11-03", Customer: "f", Channel: "微信", AgentID: jie, Outcome: inquiry.OutcomeDeal, AmountFen: 2000, Products: []string{"收纳箱"}, Region: "浙江"},
		// 电话: 1 pending only -> 0 of 1
		{AskedOn: "2026-11-04", Customer: "g", Channel: "电话", Outcome: inquiry.OutcomePending},
		// outside the period
		{AskedOn: "2026-10-31", Customer: "h", Channel: "电话", Outcome: inquiry.OutcomeDeal, AmountFen: 999},
		{AskedOn: "2026-11-05", Customer: "i", Channel: "电话", Outcome: inquiry.OutcomeNoDeal, Reason: "价格"},
		// a third 价格 no-deal in the period
		{AskedOn: "2026-11-04", Customer: "j", Channel: "QQ", AgentID: mei, Outcome: inquiry.OutcomeNoDeal, Reason: "价格", Products: []string{"毛毯"}, Region: "浙江"},
	}
	for _, r := range rows {
		add(t, s, r)
	}
	// Period 11-01..11-04: 8 inquiries, 3 deals, 2 pending, 3 no deal -> 3/8 = 0.375.
	a, err := s.Analyze(ctx, "2026-11-01", "2026-11-04", inquiry.ByChannel)
	if err != nil {
		t.Fatal(err)
	}
	if a.Totals != (inquiry.Totals{Inquiries: 8, Deals: 3, Pending: 2, NoDeals: 3, Conversion: 0.375, AmountFen: 62000}) {
		t.Fatalf("totals %+v", a.Totals)
	}
	want := map[string]map[string]string{
		inquiry.ByChannel: {"旺旺/千牛": "4 1 1 0.25", "微信": "2 2 0 1", "电话": "1 0 1 0", "QQ": "1 0 0 0"},
		inquiry.ByAgent:   {"小美": "3 1 1 0.3333", "阿杰": "4 2 0 0.5", inquiry.NoAgent: "1 0 1 0"},
		// an inquiry about two products counts for each
		inquiry.ByProduct: {"毛毯": "4 1 1 0.25", "收纳箱": "3 3 0 1", inquiry.NoValue: "2 0 1 0"},
		inquiry.ByType:    {"零售": "3 1 1 0.3333", "批发": "2 1 0 0.5", inquiry.NoValue: "3 1 1 0.3333"},
		inquiry.ByRegion:  {"浙江": "4 2 1 0.5", "江苏": "2 1 0 0.5", inquiry.NoValue: "2 0 1 0"},
		inquiry.ByReason:  {"价格": "2 0 0 0", "运费": "1 0 0 0"},
	}
	for by, groups := range want {
		got, err := s.Stats(ctx, "2026-11-01", "2026-11-04", by)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(groups) {
			t.Errorf("by %s: %d groups %+v, want %d", by, len(got), got, len(groups))
		}
		for _, r := range got {
			line := fmt.Sprintf("%d %d %d %s", r.Inquiries, r.Deals, r.Pending, strconv.FormatFloat(r.Conversion, 'f', -1, 64))
			if groups[r.Key] != line {
				t.Errorf("by %s, %s: %q, want %q", by, r.Key, line, groups[r.Key])
			}
		}
		for i := 1; i < len(got); i++ {
			if got[i].Inquiries > got[i-1].Inquiries {
				t.Errorf("by %s: not most inquiries first: %+v", by, got)
			}
		}
	}
	// Reasons ranked; trend has every day; the agent ranking puts 阿杰 (2 deals) first.
	if a.Reasons[0].Key != "价格" || a.Reasons[0].Inquiries != 2 {
		t.Fatalf("reasons %+v", a.Reasons)
	}
	if len(a.Trend) != 4 || a.Trend[0].Key != "2026-11-01" || a.Trend[0].Inquiries != 2 || a.Trend[2].Deals != 2 {
		t.Fatalf("trend %+v", a.Trend)
	}
	if a.Agents[0].Key != "阿杰" || a.Agents[0].AmountFen != 52000 || a.Agents[1].Key != "小美" {
		t.Fatalf("ranking %+v", a.Agents)
	}
	// A period without inquiries: zeros, no division by zero.
	empty, err := s.Analyze(ctx, "2025-01-01", "2025-01-31", inquiry.ByAgent)
	if err != nil || empty.Totals != (inquiry.Totals{}) || len(empty.Rows) != 0 || len(empty.Trend) != 31 {
		t.Fatalf("empty period %+v %v", empty, err)
	}
	for _, bad := range [][3]string{{"2026-11-05", "2026-11-01", "channel"}, {"11月", "2026-11-01", "channel"}, {"2026-11-01", "2026-11-02", "colour"}} {
		if _, err := s.Stats(ctx, bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}

// The counts the analysis reads (kept by triggers, summed by months and days) agree with
// the rows themselves after adds, edits, confirmations and deletes, for periods that start
// and end anywhere in a month.
func TestStatsMatchRows(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	ids := staff(t, d, "小美", "阿杰")
	channels := []string{"微信", "电话", "旺旺/千牛"}
	var rows []inquiry.Inquiry
	for i := 0; i < 240; i++ {
		in := inquiry.Inquiry{AskedOn: fmt.Sprintf("2026-%02d-%02d", 9+i%3, 1+i*7%30), Customer: fmt.Sprint("c", i%40),
			Channel: channels[i%3], AgentID: []int64{0, ids["小美"], ids["阿杰"]}[i%3], Region: []string{"", "浙江", "广东"}[i%3],
			Outcome: inquiry.Outcomes[i%3], AmountFen: int64(i * 100), Products: [][]string{nil, {"毛毯"}, {"毛毯", "杯子"}}[i%3]}
		if in.Outcome == inquiry.OutcomeNoDeal {
			in.Reason = []string{"价格", "运费"}[i%2]
		}
		rows = append(rows, add(t, s, in))
	}
	for i, r := range rows {
		switch i % 5 {
		case 1: // move to another day, outcome and product
			r.AskedOn, r.Outcome, r.Reason, r.Products = "2026-10-31", inquiry.OutcomeNoDeal, "缺货", []string{"杯子"}
			if _, err := s.Update(ctx, r); err != nil {
				t.Fatal(err)
			}
		case 2:
			if _, err := s.Delete(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, p := range [][2]string{{"2026-09-01", "2026-11-30"}, {"2026-09-15", "2026-11-10"}, {"2026-10-31", "2026-10-31"},
		{"2026-10-01", "2026-10-31"}, {"2026-09-30", "2026-11-01"}, {"2026-08-01", "2026-12-31"}} {
		for _, by := range inquiry.Dimensions {
			got, err := s.Stats(ctx, p[0], p[1], by)
			if err != nil {
				t.Fatal(err)
			}
			want := rawStats(t, d.SQL, p[0], p[1], by)
			gotText := map[string]string{}
			for _, r := range got {
				gotText[r.Key] = fmt.Sprint(r.Inquiries, r.Deals, r.Pending)
			}
			if fmt.Sprint(gotText) != fmt.Sprint(want) {
				t.Errorf("%v by %s: %v, rows say %v", p, by, gotText, want)
			}
		}
	}
}

// rawStats counts the rows themselves (the reference of TestStatsMatchRows).
func rawStats(t *testing.T, db *sql.DB, from, to, by string) map[string]string {
	t.Helper()
	key := map[string]string{
		inquiry.ByChannel: "i.channel", inquiry.ByType: "i.customer_type", inquiry.ByRegion: "i.region",
		inquiry.ByReason: "i.reason", inquiry.ByProduct: "coalesce(p.product, '')",
		inquiry.ByAgent: "coalesce((SELECT name FROM staff WHERE id = i.agent_id), '" + inquiry.NoAgent + "')",
	}[by]
	q := `SELECT ` + key + `, count(*), sum(i.outcome = 'deal'), sum(i.outcome = 'pending')
	      FROM inquiry i LEFT JOIN inquiry_product p ON p.inquiry_id = i.id
	      WHERE i.asked_on BETWEEN ? AND ?` + map[bool]string{true: " AND i.outcome = 'no_deal'"}[by == inquiry.ByReason] + `
	      GROUP BY 1`
	if by != inquiry.ByProduct {
		q = strings.Replace(q, "LEFT JOIN inquiry_product p ON p.inquiry_id = i.id", "", 1)
	}
	rows, err := db.Query(q, from, to)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k string
		var n, deals, pending int64
		if err := rows.Scan(&k, &n, &deals, &pending); err != nil {
			t.Fatal(err)
		}
		if k == "" {
			k = inquiry.NoValue
		}
		if by == inquiry.ByReason {
			deals, pending = 0, 0
		}
		out[k] = fmt.Sprint(n, deals, pending)
	}
	return out
}
