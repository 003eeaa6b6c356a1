package inquiry_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"shopdesk/internal/inquiry"
)

func TestFollowUps(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	ids := staff(t, d, "小美")
	mei := ids["小美"]
	// Two inquiries of one buyer, both to follow up on 11-21: one follow-up that day.
	a := add(t, s, inquiry.Inquiry{AskedOn: "2026-11-18", Customer: "abc妈妈", Outcome: inquiry.OutcomePending, AgentID: mei, NextFollowOn: "2026-11-21", Products: []string{"毛毯"}})
	add(t, s, inquiry.Inquiry{AskedOn: "2026-11-19", Customer: "abc妈妈", Outcome: inquiry.OutcomeNoDeal, Reason: "运费", NextFollowOn: "2026-11-21"})
	b := add(t, s, inquiry.Inquiry{AskedOn: "2026-11-20", Customer: "王小二", Outcome: inquiry.OutcomePending, NextFollowOn: "2026-11-22"})
	add(t, s, inquiry.Inquiry{AskedOn: "2026-11-20", Customer: "星星点灯88", Outcome: inquiry.OutcomePending, NextFollowOn: "2026-11-25"})

	list, err := s.DueFollowUps(ctx, "2026-11-22")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range list.Rows {
		got = append(got, f.Customer+" "+f.DueOn)
	}
	if !slices.Equal(got, []string{"abc妈妈 2026-11-21", "王小二 2026-11-22"}) || list.Due != 2 {
		t.Fatalf("due today or overdue: %v (due %d)", got, list.Due)
	}
	if !list.Rows[0].Overdue || list.Rows[1].Overdue || list.Rows[0].AgentName != "小美" || list.Rows[0].Products != "毛毯" {
		t.Fatalf("rows %+v", list.Rows)
	}
	// Never two for the same thing on the same day.
	if _, err := s.AddFollowUp(ctx, a.ID, "2026-11-21", 0); err == nil || !strings.Contains(err.Error(), "同一件事同一天只联系一次") {
		t.Fatalf("second follow-up the same day: %v", err)
	}
	// Moving the date moves the follow-up.
	b.NextFollowOn = "2026-11-24"
	if _, err := s.Update(ctx, b); err != nil {
		t.Fatal(err)
	}
	list, _ = s.DueFollowUps(ctx, "2026-11-22")
	if len(list.Rows) != 1 {
		t.Fatalf("after moving: %+v", list.Rows)
	}
	// Done, with what was said: the note goes to the inquiry's 跟进情况, its date clears.
	if err := s.FinishFollowUp(ctx, list.Rows[0].ID, "done", "已发优惠券，说周末下单", mei); err != nil {
		t.Fatal(err)
	}
	got2, _ := s.Get(ctx, a.ID)
	if got2.NextFollowOn != "" || got2.FollowNote != "11-21 已发优惠券，说周末下单" {
		t.Fatalf("inquiry after the follow-up: %+v", got2)
	}
	list, _ = s.DueFollowUps(ctx, "2026-11-22")
	if list.Due != 0 || len(list.Rows) != 1 || list.Rows[0].State != "done" {
		t.Fatalf("after done: %+v", list)
	}
	// Done twice is refused quietly (nothing changes), undo reopens.
	if err := s.ReopenFollowUp(ctx, list.Rows[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.ReopenFollowUp(ctx, list.Rows[0].ID); err == nil {
		t.Fatal("reopened an open follow-up")
	}
}

// The 1-3-10-30 plan: four revisits from the deal's day; a day the customer already has
// one is skipped; with the setting on, a new customer's first deal schedules it.
func TestRevisitPlan(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	deal := add(t, s, inquiry.Inquiry{AskedOn: "2026-11-01", Customer: "晴天娃娃", Outcome: inquiry.OutcomeDeal, AmountFen: 5900})
	r, err := s.ScheduleRevisits(ctx, deal.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Planned, []string{"2026-11-02", "2026-11-04", "2026-11-11", "2026-12-01"}) || len(r.Skipped) != 0 {
		t.Fatalf("plan %+v", r)
	}
	r, err = s.ScheduleRevisits(ctx, deal.ID)
	if err != nil || len(r.Planned) != 0 || len(r.Skipped) != 4 {
		t.Fatalf("again: %+v %v", r, err)
	}
	pending := add(t, s, inquiry.Inquiry{AskedOn: "2026-11-01", Customer: "森林里的鹿", Outcome: inquiry.OutcomePending})
	if _, err := s.ScheduleRevisits(ctx, pending.ID); err == nil {
		t.Fatal("a revisit plan without a deal")
	}

	saveSettings(t, d, map[string]float64{"inquiry_revisit_plan": 1})
	add(t, s, inquiry.Inquiry{AskedOn: "2026-11-10", Customer: "新客户", Outcome: inquiry.OutcomeDeal, AmountFen: 100})
	add(t, s, inquiry.Inquiry{AskedOn: "2026-11-12", Customer: "晴天娃娃", Outcome: inquiry.OutcomeDeal, AmountFen: 100}) // not new
	list, err := s.DueFollowUps(ctx, "2026-12-31")
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, f := range list.Rows {
		if f.Kind == inquiry.KindRevisit {
			n[f.Customer]++
		}
	}
	if n["新客户"] != 4 || n["晴天娃娃"] != 4 {
		t.Fatalf("revisits per customer %v", n)
	}
}

// A follow-up done just after the shop's midnight (00:30 in Shanghai, 16:30 UTC the day
// before) is listed among today's done ones; one done just before it is not.
func TestFollowUpDoneTodayInTheShopsZone(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	add(t, s, inquiry.Inquiry{AskedOn: "2026-12-01", Customer: "abc妈妈", Outcome: inquiry.OutcomePending, NextFollowOn: "2026-12-03"})
	list, err := s.DueFollowUps(ctx, "2026-12-03")
	if err != nil || len(list.Rows) != 1 {
		t.Fatalf("due: %+v %v", list, err)
	}
	if err := s.FinishFollowUp(ctx, list.Rows[0].ID, "done", "已回复", 0); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		doneUTC, day string
		listed       bool
	}{
		{"2026-12-02 16:30:00", "2026-12-03", true},
		{"2026-12-02 15:59:59", "2026-12-03", false},
		{"2026-12-02 16:30:00", "2026-12-04", false},
	} {
		if _, err := d.SQL.Exec(`UPDATE inquiry_follow_up SET done_utc = ?`, c.doneUTC); err != nil {
			t.Fatal(err)
		}
		list, err := s.DueFollowUps(ctx, c.day)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(list.Rows) == 1; got != c.listed {
			t.Errorf("done at %s UTC, listed on %s: %v, want %v", c.doneUTC, c.day, got, c.listed)
		}
	}
}
