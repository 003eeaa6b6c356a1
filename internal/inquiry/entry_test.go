package inquiry_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"shopdesk/internal/inquiry"
)

// The reason is required when there was no deal: the store refuses the row, whatever the
// UI did.
func TestAddRequiresReasonWhenNoDeal(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	ids := staff(t, d, "小美")
	base := inquiry.Inquiry{AskedOn: "2026-11-20", Customer: "tb_小鱼儿2019", Channel: "旺旺/千牛", AgentID: ids["小美"]}
	cases := []struct {
		name    string
		outcome string
		reason  string
		field   string // "" = accepted
		want    string
	}{
		{"no deal without reason", inquiry.OutcomeNoDeal, "", inquiry.FieldReason, "“未交易原因”必须填写"},
		{"no deal with blanks only", inquiry.OutcomeNoDeal, "   ", inquiry.FieldReason, "“未交易原因”必须填写"},
		{"no deal with the import's placeholder", inquiry.OutcomeNoDeal, inquiry.ReasonMissing, inquiry.FieldReason, "请选一个真实的原因"},
		{"no deal with a reason", inquiry.OutcomeNoDeal, "运费", "", ""},
		{"no deal with a new reason", inquiry.OutcomeNoDeal, "要开发票", "", ""},
		{"deal needs no reason", inquiry.OutcomeDeal, "", "", ""},
		{"pending needs no reason", inquiry.OutcomePending, "", "", ""},
		{"unknown outcome", "maybe", "", inquiry.FieldOutcome, "必须是 成交、未成交 或 跟进中"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := base
			in.Outcome, in.Reason = c.outcome, c.reason
			got, err := s.Add(ctx, in)
			if c.field == "" {
				if err != nil || got.ID == 0 {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var fe *inquiry.FieldError
			if !errors.As(err, &fe) || fe.Field != c.field || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %s: %q", err, c.field, c.want)
			}
		})
	}
	// Refused rows left nothing behind; the accepted ones are there.
	p, err := s.List(ctx, inquiry.Query{})
	if err != nil || p.Total != 4 {
		t.Fatalf("%d rows (%v)", p.Total, err)
	}
	// A reason typed for the first time joins its list.
	opts, err := s.Options(ctx)
	if err != nil || !slices.ContainsFunc(opts, func(o inquiry.Option) bool { return o.List == inquiry.ListReason && o.Name == "要开发票" }) {
		t.Fatalf("the new reason is not in the list: %v", err)
	}
	// Update enforces it too.
	row := p.Rows[0]
	row.Outcome, row.Reason = inquiry.OutcomeNoDeal, ""
	if _, err := s.Update(ctx, row); err == nil || !strings.Contains(err.Error(), "未交易原因") {
		t.Fatalf("update without reason: %v", err)
	}
}

func TestAddChecksValues(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	cases := []struct {
		name string
		edit func(*inquiry.Inquiry)
		want string
	}{
		{"bad day", func(in *inquiry.Inquiry) { in.AskedOn = "2026-13-01" }, "“日期”的值“2026-13-01”不是日期"},
		{"no customer", func(in *inquiry.Inquiry) { in.Customer = " " }, "“客户ID”必须填写"},
		{"no channel", func(in *inquiry.Inquiry) { in.Channel = "" }, "“询盘渠道”必须填写"},
		{"bad time", func(in *inquiry.Inquiry) { in.AskedTime = "25:00" }, "“时间”的值“25:00”不是时间"},
		{"unknown agent", func(in *inquiry.Inquiry) { in.AgentID = 99 }, "“客服”的值“99”不是员工名单里的人"},
		{"unknown shop", func(in *inquiry.Inquiry) { in.ShopID = 7 }, "“店铺”的值“7”不是已有的店铺"},
		{"negative amount", func(in *inquiry.Inquiry) { in.AmountFen = -100 }, "“成交金额”的值“-1.00”不能小于 0"},
		{"bad follow-up day", func(in *inquiry.Inquiry) { in.NextFollowOn = "下周" }, "“下次跟进”的值“下周”不是日期"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := inquiry.Inquiry{AskedOn: "2026-11-20", Customer: "南风知我意", Channel: "微信", Outcome: inquiry.OutcomePending}
			c.edit(&in)
			if _, err := s.Add(ctx, in); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
		})
	}
	// Days and times are read as sellers type them, products split and cleaned.
	got, err := s.Add(ctx, inquiry.Inquiry{AskedOn: "2026/11/3", AskedTime: "9:05", Customer: " 晴天娃娃 ",
		Channel: "电话", Outcome: inquiry.OutcomeDeal, AmountFen: 12800, Products: []string{" 毛毯 ", "", "毛毯", "收纳箱"}})
	if err != nil {
		t.Fatal(err)
	}
	if got.AskedOn != "2026-11-03" || got.AskedTime != "09:05" || got.Customer != "晴天娃娃" ||
		!slices.Equal(got.Products, []string{"毛毯", "收纳箱"}) || got.DealOn != "2026-11-03" {
		t.Fatalf("stored %+v", got)
	}
}

// Lists: a rename renames the rows too (one choice, one group in the analysis); the
// import's placeholder cannot become a reason.
func TestOptions(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	add(t, s, inquiry.Inquiry{AskedOn: "2026-11-20", Customer: "a", Channel: "旺旺/千牛", Outcome: inquiry.OutcomePending})
	opts, err := s.Options(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range opts {
		if o.List == inquiry.ListChannel {
			names = append(names, o.Name)
		}
	}
	if !slices.Equal(names, []string{"旺旺/千牛", "微信", "电话", "QQ", "1688询盘", "抖音"}) {
		t.Fatalf("default channels %v", names)
	}
	ww := opts[slices.IndexFunc(opts, func(o inquiry.Option) bool { return o.Name == "旺旺/千牛" })]
	ww.Name = "千牛"
	if _, n, err := s.SaveOption(ctx, ww); err != nil || n != 1 {
		t.Fatalf("rename: %d rows, %v", n, err)
	}
	p, _ := s.List(ctx, inquiry.Query{})
	if p.Rows[0].Channel != "千牛" {
		t.Fatalf("row channel %q", p.Rows[0].Channel)
	}
	for _, bad := range []inquiry.Option{
		{List: inquiry.ListChannel, Name: "微信"},
		{List: inquiry.ListReason, Name: inquiry.ReasonMissing},
		{List: inquiry.ListChannel, Name: " "},
		{List: "colour", Name: "红"},
	} {
		if _, _, err := s.SaveOption(ctx, bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}
