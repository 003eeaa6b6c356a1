package metrics_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/checklist"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/metrics"
	"shopdesk/internal/settings"
	"shopdesk/internal/shop"
)

func p(v int64) *int64 { return &v }

// fixture: one Taobao shop with one 100-yuan paid order a day 11-14 .. 11-20, three on 11-21
// (one closed after payment, one refunded 50 yuan), visitors 1,000 a day and 400 on 11-21.
func fixture(t *testing.T) (*db.DB, *metrics.Store, int64) {
	t.Helper()
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(t.TempDir(), "shopdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	order := func(no, status string, fen, refund int64, day string) []string {
		return exportfile.TaobaoOrder{OrderNo: no, Buyer: "买家", Status: status, Title: "毛毯", Shop: "暖暖家居小铺", PayFen: fen,
			RefundFen: refund, Items: 1, CreatedAt: day + " 10:00:00", PaidAt: day + " 10:01:00", Address: "浙江省 杭州市"}.Row()
	}
	var rows [][]string
	for i := 14; i <= 20; i++ {
		rows = append(rows, order(fmt.Sprintf("M-%d", i), "交易成功", 10000, 0, fmt.Sprintf("2026-11-%d", i)))
	}
	rows = append(rows, order("M-21A", "交易成功", 10000, 0, "2026-11-21"), order("M-21B", "交易成功", 20000, 5000, "2026-11-21"),
		order("M-21C", "交易关闭", 10000, 10000, "2026-11-21"))
	path := filepath.Join(t.TempDir(), "ExportOrderList202611220900.csv")
	if err := exportfile.WriteCSV(path, exportfile.TaobaoOrderHeader, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	if r := importer.New(d).ImportFile(ctx, path, importer.Options{}); r.Error != "" {
		t.Fatal(r.Error)
	}
	shops, err := shop.New(d).List(ctx)
	if err != nil || len(shops) != 1 {
		t.Fatalf("shops %v %v", shops, err)
	}
	s := metrics.New(d)
	for i := 14; i <= 21; i++ {
		visitors, buyers := int64(1000), int64(20)
		if i == 21 {
			visitors, buyers = 400, 2
		}
		if err := s.Save(ctx, metrics.Input{ShopID: shops[0].ID, Day: fmt.Sprintf("2026-11-%d", i), Visitors: p(visitors),
			Buyers: p(buyers), PromoFen: p(3000)}); err != nil {
			t.Fatal(err)
		}
	}
	return d, s, shops[0].ID
}

func TestDerivedFigures(t *testing.T) {
	_, s, id := fixture(t)
	days, err := s.Range(context.Background(), "2026-11-20", "2026-11-21")
	if err != nil {
		t.Fatal(err)
	}
	d := days[id][1]
	// 11-21: orders 2 (the closed one is not sales), sales 300.00, buyers 2, visitors 400;
	// refund rate 2 / 3 paid (one refunded in part, one closed); promotion 30.00 / 300.00.
	if d.Orders != 2 || d.SalesFen != 30000 || *d.Conversion != 0.005 || *d.AOVFen != 15000 || *d.RefundRate != 0.6667 || *d.PromoRatio != 0.1 {
		t.Fatalf("11-21: %+v conv %v aov %v refund %v promo %v", d, *d.Conversion, *d.AOVFen, *d.RefundRate, *d.PromoRatio)
	}
}

func TestDayShare(t *testing.T) {
	tests := []struct {
		month int64
		day   string
		want  int64
	}{
		{3000000, "2026-11-01", 100000},
		{3000000, "2026-11-30", 100000},
		{100, "2026-11-01", 4}, // 100 fen over 30 days: 3 each, the first 10 days one more
		{100, "2026-11-10", 4},
		{100, "2026-11-11", 3},
		{2800, "2027-02-28", 100},
	}
	for _, tc := range tests {
		d, _ := time.Parse("2006-01-02", tc.day)
		if got := metrics.DayShare(tc.month, d); got != tc.want {
			t.Errorf("%d on %s: %d, want %d", tc.month, tc.day, got, tc.want)
		}
	}
	var sum int64
	for i := 1; i <= 30; i++ {
		sum += metrics.DayShare(100, time.Date(2026, 11, i, 0, 0, 0, 0, time.UTC))
	}
	if sum != 100 {
		t.Fatalf("the days add up to %d", sum)
	}
}

// Against the 7 days before (visitors 1,000, buyers 20, orders 1, sales 100.00, conversion
// 2 %, promotion 30.00): visitors -60 %, buyers -90 %, orders +100 %, sales +200 %,
// conversion -75 %; promotion unchanged. At 30 % all five; at 150 % sales alone.
func TestAlerts(t *testing.T) {
	ctx := context.Background()
	d, s, _ := fixture(t)
	alerts, err := s.Alerts(ctx, "2026-11-21")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range alerts {
		got = append(got, fmt.Sprintf("%s %.2f", a.Figure, a.Change))
	}
	// The biggest moves first.
	if strings.Join(got, ",") != "sales 2.00,orders 1.00,buyers -0.90,conversion -0.75,visitors -0.60" {
		t.Fatalf("alerts %v", got)
	}
	if metrics.AlertText(alerts[4]) != "暖暖家居小铺 访客数 400，比 7 日均值低 60%" {
		t.Fatalf("text %q", metrics.AlertText(alerts[4]))
	}
	if err := settings.SaveOf(ctx, d.Queries(), metrics.Defs, map[string]float64{metrics.AlertPct: 150}); err != nil {
		t.Fatal(err)
	}
	if alerts, _ = s.Alerts(ctx, "2026-11-21"); len(alerts) != 1 || alerts[0].Figure != "sales" {
		t.Fatalf("at 150 %%: %+v", alerts)
	}
}

// The checklist of 11-22 has the metrics' lines: yesterday's alerts and today's target.
func TestChecklistLines(t *testing.T) {
	ctx := context.Background()
	d, s, id := fixture(t)
	if err := s.SetTarget(ctx, id, "2026-11", 600000); err != nil {
		t.Fatal(err)
	}
	list := checklist.New(d, checklist.Sources{Metrics: s})
	day, err := list.AsOf(ctx, "2026-11-22", time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range day.Items {
		if it.Section == checklist.SectionMetrics {
			got = append(got, fmt.Sprintf("%s %d %s %v", it.Key, it.Count, it.Detail, it.Top[len(it.Top)-1].Text))
		}
	}
	// 6,000 yuan over 30 days: 200 a day; 11-21 sold 300: 150 %.
	want := "metrics.alerts 5  暖暖家居小铺 支付买家数 2，比 7 日均值低 90%|metrics.target 0 合计 ¥200.00 暖暖家居小铺 ¥200.00，昨日完成 150%"
	_ = id
	if strings.Join(got, "|") != want {
		t.Fatalf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// The page's today is the shops' day, not the PC's: past 16:00 UTC it is already tomorrow
// in Beijing, and a month's last evening there is the next month.
func TestTodayIsTheShopsDay(t *testing.T) {
	s := metrics.New(nil)
	for _, c := range []struct {
		utc  time.Time
		want string
	}{
		{time.Date(2026, 11, 30, 15, 59, 0, 0, time.UTC), "2026-11-30"},
		{time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC), "2026-12-01"},
		{time.Date(2026, 12, 2, 23, 30, 0, 0, time.FixedZone("PST", -8*3600)), "2026-12-03"},
	} {
		s.SetClock(func() time.Time { return c.utc })
		if got := s.Today(); got != c.want {
			t.Errorf("%s: today %s, want %s", c.utc, got, c.want)
		}
	}
}

// A figure typed in on fewer than 3 of the 7 days before is not compared: visitors tripled on
// the shop's third day of figures is no alert; on the fourth, with three days before, it is.
func TestAlertsNeedThreeDaysOfFigures(t *testing.T) {
	ctx := context.Background()
	_, s, id := fixture(t)
	for _, day := range []string{"2026-11-16", "2026-11-17"} {
		if err := s.Save(ctx, metrics.Input{ShopID: id, Day: day, Visitors: p(3000), Buyers: p(20), PromoFen: p(3000)}); err != nil {
			t.Fatal(err)
		}
	}
	figures := func(day string) string {
		alerts, err := s.Alerts(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range alerts {
			if a.Figure == "visitors" || a.Figure == "conversion" {
				got = append(got, fmt.Sprintf("%s %.2f", a.Figure, a.Change))
			}
		}
		return strings.Join(got, ",")
	}
	if got := figures("2026-11-16"); got != "" {
		t.Fatalf("11-16, two days of visitors before: %q", got)
	}
	// 11-17: 3,000 against (1,000 + 1,000 + 3,000) / 3 = +80 %; conversion 0.67 % against
	// (2 % + 2 % + 0.67 %) / 3 = 1.56 %: -57 %.
	if got := figures("2026-11-17"); got != "visitors 0.80,conversion -0.57" {
		t.Fatalf("11-17: %q", got)
	}
}
