package demo_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/demo"
	"shopdesk/internal/inquiry"
)

// The demo's month of inquiries: every channel and agent, all three outcomes, follow-ups
// due, orders proposed as deals and some confirmed, credited sales.
func TestDemoInquiries(t *testing.T) {
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	now := time.Date(2026, 11, 22, 1, 0, 0, 0, time.UTC) // 09:00 in the shops' zone
	r, err := demo.Create(ctx, d, now)
	if err != nil {
		t.Fatal(err)
	}
	s := inquiry.New(d)
	a, err := s.Analyze(ctx, "2026-10-22", "2026-11-22", inquiry.ByChannel)
	if err != nil {
		t.Fatal(err)
	}
	if r.Inquiries < 300 || a.Totals.Inquiries != int64(r.Inquiries) || len(a.Rows) != 6 || len(a.Agents) != 4 {
		t.Fatalf("demo: %d inquiries, totals %+v, %d channels, %d agents", r.Inquiries, a.Totals, len(a.Rows), len(a.Agents))
	}
	if a.Totals.Deals == 0 || a.Totals.Pending == 0 || a.Totals.NoDeals == 0 || len(a.Reasons) < 5 {
		t.Fatalf("outcomes %+v, reasons %+v", a.Totals, a.Reasons)
	}
	f, err := s.DueFollowUps(ctx, "2026-11-22")
	if err != nil || f.Due == 0 {
		t.Fatalf("follow-ups due: %+v %v", f.Due, err)
	}
	proposed, _ := s.Matches(ctx, "proposed")
	all, _ := s.Matches(ctx, "")
	if len(proposed) == 0 || len(all) == len(proposed) {
		t.Fatalf("matches: %d proposed of %d", len(proposed), len(all))
	}
	credited, err := s.CreditedSales(ctx, "2026-10-01", "2026-11-30")
	if err != nil || len(credited) < 3 {
		t.Fatalf("credited sales %v %v", credited, err)
	}
}
