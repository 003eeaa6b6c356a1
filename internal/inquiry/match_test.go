package inquiry_test

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"shopdesk/internal/exportfile"
	"shopdesk/internal/inquiry"
)

// Which orders are proposed as an inquiry's deal: the window, the order's state, the shop.
func TestMatchWindow(t *testing.T) {
	type order struct{ created, paid, status, buyer, shop string }
	paid := func(created string) order {
		return order{created: created, paid: created[:17] + "30", status: "交易成功", buyer: "tb_小鱼儿2019"}
	}
	cases := []struct {
		name     string
		inquiry  inquiry.Inquiry
		order    order
		settings map[string]float64
		want     bool
	}{
		{"same day", inquiry.Inquiry{AskedOn: "2026-11-10"}, paid("2026-11-10 08:00:00"), nil, true},
		{"day 7, last minute", inquiry.Inquiry{AskedOn: "2026-11-10"}, paid("2026-11-17 23:59:00"), nil, true},
		{"day 8", inquiry.Inquiry{AskedOn: "2026-11-10"}, paid("2026-11-18 00:00:00"), nil, false},
		{"the day before", inquiry.Inquiry{AskedOn: "2026-11-10"}, paid("2026-11-09 23:59:00"), nil, false},
		{"before the inquiry's time", inquiry.Inquiry{AskedOn: "2026-11-10", AskedTime: "14:00"}, paid("2026-11-10 13:59:00"), nil, false},
		{"after the inquiry's time", inquiry.Inquiry{AskedOn: "2026-11-10", AskedTime: "14:00"}, paid("2026-11-10 14:00:00"), nil, true},
		{"window of 3 days: day 4", inquiry.Inquiry{AskedOn: "2026-11-10"}, paid("2026-11-14 09:00:00"), map[string]float64{"inquiry_match_days": 3}, false},
		{"window of 3 days: day 3", inquiry.Inquiry{AskedOn: "2026-11-10"}, paid("2026-11-13 23:00:00"), map[string]float64{"inquiry_match_days": 3}, true},
		{"unpaid order", inquiry.Inquiry{AskedOn: "2026-11-10"}, order{created: "2026-11-11 09:00:00", status: "等待买家付款", buyer: "tb_小鱼儿2019"}, nil, false},
		{"closed order", inquiry.Inquiry{AskedOn: "2026-11-10"}, order{created: "2026-11-11 09:00:00", paid: "2026-11-11 09:01:00", status: "交易关闭", buyer: "tb_小鱼儿2019"}, nil, false},
		{"another buyer", inquiry.Inquiry{AskedOn: "2026-11-10"}, order{created: "2026-11-11 09:00:00", paid: "2026-11-11 09:01:00", status: "交易成功", buyer: "tb_小鱼儿2020"}, nil, false},
		{"already a deal", inquiry.Inquiry{AskedOn: "2026-11-10", Outcome: inquiry.OutcomeDeal}, paid("2026-11-11 09:00:00"), nil, false},
		{"no deal counts", inquiry.Inquiry{AskedOn: "2026-11-10", Outcome: inquiry.OutcomeNoDeal, Reason: "价格"}, paid("2026-11-11 09:00:00"), nil, true},
		{"inquiry of another shop", inquiry.Inquiry{AskedOn: "2026-11-10", ShopID: -1}, paid("2026-11-11 09:00:00"), nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			d := openDB(t)
			s := inquiry.New(d)
			saveSettings(t, d, c.settings)
			o := c.order
			importTaobao(t, d,
				exportfile.TaobaoOrder{OrderNo: "3001000000000000001", Buyer: o.buyer, Status: o.status, PayFen: 12800, CreatedAt: o.created, PaidAt: o.paid},
				exportfile.TaobaoOrder{OrderNo: "3001000000000000002", Buyer: "别人", Status: "交易成功", PayFen: 100, CreatedAt: "2026-11-01 10:00:00", PaidAt: "2026-11-01 10:00:00", Shop: "另一家店"})
			in := c.inquiry
			in.Customer = "tb_小鱼儿2019"
			if in.Outcome == "" {
				in.Outcome = inquiry.OutcomePending
			}
			if in.ShopID == -1 {
				in.ShopID = 2 // 另一家店
			}
			add(t, s, in)
			res, err := s.MatchOrders(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Proposed == 1; got != c.want {
				t.Fatalf("proposed %+v, want %v", res, c.want)
			}
		})
	}
}

func TestMatchConfirm(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	ids := staff(t, d, "小美", "阿杰")
	first := add(t, s, inquiry.Inquiry{AskedOn: "2026-11-10", Customer: "开心果果酱", AgentID: ids["小美"], Outcome: inquiry.OutcomeNoDeal, Reason: "价格"})
	latest := add(t, s, inquiry.Inquiry{AskedOn: "2026-11-11", Customer: "开心果果酱", AgentID: ids["阿杰"], Outcome: inquiry.OutcomePending})
	importTaobao(t, d, exportfile.TaobaoOrder{OrderNo: "3001000000000000011", Buyer: "开心果果酱", Status: "交易成功",
		PayFen: 25900, CreatedAt: "2026-11-12 20:00:00", PaidAt: "2026-11-13 08:00:00"})
	res, err := s.MatchOrders(ctx)
	if err != nil || res.Proposed != 1 || res.Waiting != 1 {
		t.Fatalf("match %+v %v", res, err)
	}
	// Running again proposes nothing new.
	if res, err := s.MatchOrders(ctx); err != nil || res.Proposed != 0 || res.Waiting != 1 {
		t.Fatalf("again %+v %v", res, err)
	}
	m, err := s.Matches(ctx, "proposed")
	if err != nil || len(m) != 1 || m[0].InquiryID != latest.ID || m[0].AmountFen != 25900 {
		t.Fatalf("the order goes to the latest inquiry before it: %+v %v", m, err)
	}
	if err := s.Confirm(ctx, m[0].ID, 0, ids["阿杰"]); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(ctx, latest.ID)
	if got.Outcome != inquiry.OutcomeDeal || got.AmountFen != 25900 || got.DealOrderNo != "3001000000000000011" || got.DealOn != "2026-11-13" {
		t.Fatalf("confirmed inquiry %+v", got)
	}
	if err := s.Confirm(ctx, m[0].ID, 0, 0); err == nil {
		t.Fatal("confirmed twice")
	}
	// Taking it back puts the inquiry as it was; rejecting means never again.
	if err := s.Unconfirm(ctx, m[0].ID, 0); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Get(ctx, latest.ID)
	if got.Outcome != inquiry.OutcomePending || got.AmountFen != 0 || got.DealOrderNo != "" {
		t.Fatalf("after unconfirm %+v", got)
	}
	if err := s.Reject(ctx, m[0].ID, 0); err != nil {
		t.Fatal(err)
	}
	// A rejection is of this order for that inquiry only: the buyer's earlier inquiry (another
	// agent's conversation) is proposed instead.
	res, err = s.MatchOrders(ctx)
	m, _ = s.Matches(ctx, "proposed")
	if err != nil || res.Proposed != 1 || len(m) != 1 || m[0].InquiryID != first.ID {
		t.Fatalf("proposals after reject: %+v %+v %v", res, m, err)
	}
	// Auto-confirm.
	saveSettings(t, d, map[string]float64{"inquiry_auto_confirm": 1})
	add(t, s, inquiry.Inquiry{AskedOn: "2026-11-20", Customer: "李大姐的店", Outcome: inquiry.OutcomePending})
	importTaobao(t, d, exportfile.TaobaoOrder{OrderNo: "3001000000000000012", Buyer: "李大姐的店", Status: "交易成功",
		PayFen: 9900, CreatedAt: "2026-11-21 10:00:00", PaidAt: "2026-11-21 10:05:00"})
	if res, err := s.MatchOrders(ctx); err != nil || res.Confirmed != 1 {
		t.Fatalf("auto %+v %v", res, err)
	}
}

// Credit rules, each a case: one deal's order and what talked to its buyer, the rules in
// force, and who gets how much.
func TestCreditRules(t *testing.T) {
	type talk struct {
		day, agent string
	}
	cases := []struct {
		name     string
		talks    []talk // the buyer's inquiries (the last one gets the order)
		order    exportfile.TaobaoOrder
		refund   *exportfile.TaobaoRefund
		chasedBy string
		settings map[string]float64
		want     map[string]int64
	}{
		{name: "one agent", talks: []talk{{"2026-11-10", "小美"}},
			want: map[string]int64{"小美": 20000}},
		{name: "several agents: the one who flagged (memo names her)", talks: []talk{{"2026-11-09", "小美"}, {"2026-11-10", "阿杰"}},
			order: exportfile.TaobaoOrder{Memo: "小美插旗 红旗"}, want: map[string]int64{"小美": 20000}},
		{name: "several agents, nobody flagged: the last one", talks: []talk{{"2026-11-09", "小美"}, {"2026-11-10", "阿杰"}},
			want: map[string]int64{"阿杰": 20000}},
		{name: "several agents, flag rule off", talks: []talk{{"2026-11-09", "小美"}, {"2026-11-10", "阿杰"}},
			order: exportfile.TaobaoOrder{Memo: "小美插旗"}, settings: map[string]float64{"inquiry_credit_flagger": 0},
			want: map[string]int64{"阿杰": 20000}},
		{name: "one agent, the memo names another: no rule applies", talks: []talk{{"2026-11-10", "阿杰"}},
			order: exportfile.TaobaoOrder{Memo: "小美插旗"}, want: map[string]int64{"阿杰": 20000}},
		{name: "unpaid for 26 h, chased by another agent", talks: []talk{{"2026-11-10", "小美"}},
			order: exportfile.TaobaoOrder{CreatedAt: "2026-11-10 10:00:00", PaidAt: "2026-11-11 12:00:00"}, chasedBy: "小红",
			want: map[string]int64{"小红": 20000}},
		{name: "chased, but paid within 24 h", talks: []talk{{"2026-11-10", "小美"}},
			order: exportfile.TaobaoOrder{CreatedAt: "2026-11-10 10:00:00", PaidAt: "2026-11-11 09:00:00"}, chasedBy: "小红",
			want: map[string]int64{"小美": 20000}},
		{name: "chased after 26 h, chase rule off", talks: []talk{{"2026-11-10", "小美"}},
			order: exportfile.TaobaoOrder{CreatedAt: "2026-11-10 10:00:00", PaidAt: "2026-11-11 12:00:00"}, chasedBy: "小红",
			settings: map[string]float64{"inquiry_credit_chase": 0}, want: map[string]int64{"小美": 20000}},
		{name: "chase hours set to 30: 26 h is no chase", talks: []talk{{"2026-11-10", "小美"}},
			order: exportfile.TaobaoOrder{CreatedAt: "2026-11-10 10:00:00", PaidAt: "2026-11-11 12:00:00"}, chasedBy: "小红",
			settings: map[string]float64{"inquiry_chase_hours": 30}, want: map[string]int64{"小美": 20000}},
		{name: "returned, not about quality: no credit", talks: []talk{{"2026-11-10", "小美"}},
			refund: &exportfile.TaobaoRefund{Status: "退款成功", Reason: "不想要了/拍错了", RefundFen: 20000},
			want:   map[string]int64{}},
		{name: "half returned, not about quality", talks: []talk{{"2026-11-10", "小美"}},
			refund: &exportfile.TaobaoRefund{Status: "退款成功", Reason: "尺码/规格拍错", RefundFen: 10000},
			want:   map[string]int64{"小美": 10000}},
		{name: "returned for quality: credit stays", talks: []talk{{"2026-11-10", "小美"}},
			refund: &exportfile.TaobaoRefund{Status: "退款成功", Reason: "质量问题", RefundFen: 20000},
			want:   map[string]int64{"小美": 20000}},
		{name: "return asked, not yet refunded: credit stays", talks: []talk{{"2026-11-10", "小美"}},
			refund: &exportfile.TaobaoRefund{Status: "买家已经申请退款，等待卖家同意", Reason: "不想要了/拍错了", RefundFen: 20000},
			want:   map[string]int64{"小美": 20000}},
		{name: "returned, return rule off", talks: []talk{{"2026-11-10", "小美"}},
			refund:   &exportfile.TaobaoRefund{Status: "退款成功", Reason: "不想要了/拍错了", RefundFen: 20000},
			settings: map[string]float64{"inquiry_credit_return": 0}, want: map[string]int64{"小美": 20000}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			d := openDB(t)
			s := inquiry.New(d)
			ids := staff(t, d, "小美", "阿杰", "小红")
			saveSettings(t, d, c.settings)
			var last inquiry.Inquiry
			for _, tk := range c.talks {
				last = add(t, s, inquiry.Inquiry{AskedOn: tk.day, Customer: "吃货小分队", AgentID: ids[tk.agent], Outcome: inquiry.OutcomePending})
			}
			o := c.order
			o.OrderNo, o.Buyer, o.Status, o.PayFen = "3001000000000000021", "吃货小分队", "交易成功", 20000
			if o.CreatedAt == "" {
				o.CreatedAt, o.PaidAt = "2026-11-10 21:00:00", "2026-11-10 21:01:00"
			}
			importTaobao(t, d, o)
			if c.refund != nil {
				r := *c.refund
				r.OrderNo, r.RefundNo, r.PayFen, r.PaidAt, r.AppliedAt = o.OrderNo, "8001000000000000021", o.PayFen, o.PaidAt, "2026-11-12 10:00:00"
				importRefunds(t, d, r)
			}
			if _, err := s.MatchOrders(ctx); err != nil {
				t.Fatal(err)
			}
			m, err := s.Matches(ctx, "proposed")
			if err != nil || len(m) != 1 || m[0].InquiryID != last.ID {
				t.Fatalf("proposals %+v %v", m, err)
			}
			if err := s.Confirm(ctx, m[0].ID, 0, 0); err != nil {
				t.Fatal(err)
			}
			if c.chasedBy != "" {
				row, _ := s.Get(ctx, last.ID)
				row.ChasedBy = ids[c.chasedBy]
				if _, err := s.Update(ctx, row); err != nil {
					t.Fatal(err)
				}
			}
			got, err := s.CreditedSales(ctx, "2026-11-01", "2026-11-30")
			if err != nil {
				t.Fatal(err)
			}
			want := map[int64]int64{}
			for name, fen := range c.want {
				want[ids[name]] = fen
			}
			if !maps.Equal(got, want) {
				credits, _ := s.Credits(ctx, "2026-11-01", "2026-11-30")
				t.Fatalf("credited %v, want %v (%s)", got, want, fmt.Sprintf("%+v", credits))
			}
			// Outside the period: nothing.
			if out, _ := s.CreditedSales(ctx, "2026-12-01", "2026-12-31"); len(out) != 0 {
				t.Fatalf("december %v", out)
			}
		})
	}
}

// A deal typed by hand counts for its agent; an order confirmed on two inquiries of its
// buyer counts once.
func TestCreditManualAndOnce(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	ids := staff(t, d, "小美", "阿杰")
	add(t, s, inquiry.Inquiry{AskedOn: "2026-11-05", Customer: "微信客户", Channel: "微信", AgentID: ids["阿杰"], Outcome: inquiry.OutcomeDeal, AmountFen: 30000})
	add(t, s, inquiry.Inquiry{AskedOn: "2026-11-05", Customer: "没人接待", Channel: "微信", Outcome: inquiry.OutcomeDeal, AmountFen: 500})
	got, err := s.CreditedSales(ctx, "2026-11-01", "2026-11-30")
	if err != nil || !maps.Equal(got, map[int64]int64{ids["阿杰"]: 30000}) {
		t.Fatalf("manual deals %v %v", got, err)
	}
}
