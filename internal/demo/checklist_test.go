package demo_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/anomaly"
	"shopdesk/internal/checklist"
	"shopdesk/internal/demo"
	"shopdesk/internal/inquiry"
	"shopdesk/internal/metrics"
	"shopdesk/internal/staff"
	"shopdesk/internal/stock"
)

// The demo shops' home shows a full checklist: every section has lines, the metrics alert
// on yesterday's fall in visitors and name each shop's target.
func TestDemoChecklist(t *testing.T) {
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
	if r.MetricDays < 60 {
		t.Fatalf("metric days %d", r.MetricDays)
	}
	clock := func() time.Time { return now }
	st := stock.New(d)
	st.SetClock(clock)
	inq := inquiry.New(d)
	s := checklist.New(d, checklist.Sources{Anomalies: anomaly.New(d), Stock: st, Inquiry: inq,
		Staff: staff.New(d, inq).WithClock(clock), Metrics: metrics.New(d)}).WithClock(clock)
	day, err := s.AsOf(ctx, "2026-11-22", time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]int{}
	kinds := map[string]bool{}
	for _, it := range day.Items {
		sections[it.Section]++
		kinds[it.Kind] = true
	}
	for _, sec := range checklist.Sections {
		if sections[sec] == 0 {
			t.Errorf("no lines in %s: %v", sec, sections)
		}
	}
	for _, k := range []string{checklist.KindRefund, checklist.KindDayOrders, checklist.KindUnpaid, checklist.KindReorder,
		checklist.KindFollowUp, checklist.KindOnShift, checklist.KindMetricAlert, checklist.KindTarget, checklist.KindTask} {
		if !kinds[k] {
			t.Errorf("no %s line", k)
		}
	}
	alerts, err := metrics.New(d).Alerts(ctx, "2026-11-21")
	if err != nil || !slices.ContainsFunc(alerts, func(a metrics.Alert) bool { return a.Figure == "visitors" && a.Change < 0 }) {
		t.Fatalf("alerts %+v %v", alerts, err)
	}
}
