package stock

import (
	"math"
	"testing"
	"time"

	"shopdesk/internal/settings"
)

// Every figure by hand, with the default settings (window 14 days, cover 14, lead 7,
// overstock after 90 days, slow after 30 days without a sale) unless a case says otherwise.

var asOf = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// days makes the sums over the last 1..90 days from units by day back (0 = asOf).
func days(m map[int]int64) series {
	out := series{}
	for n := 1; n <= 90; n++ {
		for d, v := range m {
			if d < n {
				out[n] += v
			}
		}
	}
	return out
}

func ago(n int) time.Time { return asOf.AddDate(0, 0, -n) }

func ptr[T any](v T) *T { return &v }

func TestFigures(t *testing.T) {
	def := settings.StockDefaults()
	tests := []struct {
		name string
		f    facts
		p    func(*settings.Stock)
		want Figures
	}{
		{"zero sales, stocked two months ago: slow, its stock value tied up",
			facts{OnHand: 50, Known: true, CostFen: 1200, Pack: 1, FirstSeen: ago(60)},
			nil,
			Figures{OnHand: 50, Known: true, Status: StatusSlow, ValueFen: 60000}},
		{"zero sales, stocked ten days ago: not slow yet",
			facts{OnHand: 50, Known: true, Pack: 1, FirstSeen: ago(9)},
			nil,
			Figures{OnHand: 50, Known: true, Status: StatusOK}},
		{"a new SKU with 3 days of history: 6 sold over 3 days is 2 a day in every window",
			// days left 30 / 2 = 15; order up to (7 + 14) x 2 = 42, less 30 = 12; reorder point
			// 7 x 2 = 14 < 30
			facts{OnHand: 30, Known: true, Pack: 1, FirstSeen: ago(2), Sold: days(map[int]int64{0: 2, 1: 1, 2: 3})},
			nil,
			Figures{OnHand: 30, Known: true, Avg7: 2, Avg14: 2, Avg30: 2, AvgWindow: 2, DaysLeft: ptr(15.0), ReorderQty: 12,
				Status: StatusOK, SoldRank: 6}},
		{"returns above sales in the week: no average, no days left",
			// 7 days: 2 sold - 5 returned < 0 -> 0; 14 days the same; 30 days: 12 - 5 = 7 / 30
			facts{OnHand: 40, Known: true, Pack: 1, FirstSeen: ago(100),
				Sold: days(map[int]int64{1: 2, 20: 10}), Returned: days(map[int]int64{3: 5})},
			nil,
			Figures{OnHand: 40, Known: true, Avg30: 7.0 / 30, Status: StatusOK, ReturnedWindow: 5, SoldRank: 7}},
		{"pack rounding: need 48, packs of 12 -> 48",
			// 42 sold in 14 days = 3 a day (28 in the last 7: 4); (7 + 14) x 3 = 63 - 10 on hand
			// - 5 on their way = 48; the reorder point 7 x 3 = 21 is above 10 + 5
			facts{OnHand: 10, InTransit: 5, Known: true, Pack: 12, FirstSeen: ago(100), Sold: days(map[int]int64{0: 14, 5: 14, 13: 14})},
			nil,
			Figures{OnHand: 10, Known: true, Avg7: 4, Avg14: 3, Avg30: 1.4, AvgWindow: 3, DaysLeft: ptr(10.0 / 3), ReorderQty: 48,
				Status: StatusReorder, SoldRank: 42}},
		{"pack rounding: need 47, packs of 12 -> 48 (rounded up)",
			facts{OnHand: 11, InTransit: 5, Known: true, Pack: 12, FirstSeen: ago(100), Sold: days(map[int]int64{0: 14, 5: 14, 13: 14})},
			nil,
			Figures{OnHand: 11, Known: true, Avg7: 4, Avg14: 3, Avg30: 1.4, AvgWindow: 3, DaysLeft: ptr(11.0 / 3), ReorderQty: 48,
				Status: StatusReorder, SoldRank: 42}},
		{"a need that is whole in decimals is not rounded up by float error (20/14 x 21 = 30)",
			facts{OnHand: 0, Known: true, Pack: 1, FirstSeen: ago(100), Sold: days(map[int]int64{10: 20})},
			nil,
			Figures{OnHand: 0, Known: true, Avg14: 20.0 / 14, Avg30: 20.0 / 30, AvgWindow: 20.0 / 14, DaysLeft: ptr(0.0), ReorderQty: 30,
				Status: StatusOut, SoldRank: 20}},
		{"own lead time and safety stock: below the reorder point",
			// 28 in 14 days = 2 a day; reorder point 2 x 10 + 5 = 25 > 20; order (10 + 14) x 2 + 5 - 20 = 33
			facts{OnHand: 20, Known: true, Pack: 1, Safety: 5, Lead: ptr(int64(10)), FirstSeen: ago(100), Sold: days(map[int]int64{1: 14, 8: 14})},
			nil,
			Figures{OnHand: 20, Known: true, Avg7: 2, Avg14: 2, Avg30: 28.0 / 30, AvgWindow: 2, DaysLeft: ptr(10.0), ReorderQty: 33,
				Status: StatusReorder, SoldRank: 28}},
		{"overstock: 100 on hand at 1 a day is 100 days",
			facts{OnHand: 100, Known: true, Pack: 1, CostFen: 500, FirstSeen: ago(100), Sold: days(map[int]int64{2: 14})},
			nil,
			Figures{OnHand: 100, Known: true, Avg7: 2, Avg14: 1, Avg30: 14.0 / 30, AvgWindow: 1, DaysLeft: ptr(100.0),
				Status: StatusOverstock, ValueFen: 50000, SoldRank: 14, MarginFen: -7000}},
		{"oversold: negative on hand is out, and what is owed is ordered too",
			// 14 a fortnight = 1 a day; (7 + 14) x 1 + 3 = 24
			facts{OnHand: -3, Known: true, Pack: 1, FirstSeen: ago(100), Sold: days(map[int]int64{2: 14})},
			nil,
			Figures{OnHand: -3, Known: true, Avg7: 2, Avg14: 1, Avg30: 14.0 / 30, AvgWindow: 1, DaysLeft: ptr(0.0), ReorderQty: 24,
				Status: StatusOut, SoldRank: 14}},
		{"the window setting: days left over 7 days",
			facts{OnHand: 21, Known: true, Pack: 1, FirstSeen: ago(100), Sold: days(map[int]int64{0: 21})},
			func(p *settings.Stock) { p.WindowDays = 7 },
			// avg7 = 3: days left 7; order (7 + 14) x 3 - 21 = 42; reorder point 21 is not above 21
			Figures{OnHand: 21, Known: true, Avg7: 3, Avg14: 1.5, Avg30: 0.7, AvgWindow: 3, DaysLeft: ptr(7.0), ReorderQty: 42,
				Status: StatusOK, SoldRank: 21}},
		{"margin: amounts less returns less cost of the net units",
			// 10 sold for 100.00, 2 returned (20.00): 8 net at 6.00 cost = 80.00 - 48.00 = 32.00
			facts{OnHand: 200, Known: true, Pack: 1, CostFen: 600, FirstSeen: ago(100),
				Sold: days(map[int]int64{20: 10}), SoldFen: days(map[int]int64{20: 10000}), Returned: days(map[int]int64{20: 2}),
				ReturnedFen: days(map[int]int64{20: 2000})},
			nil,
			Figures{OnHand: 200, Known: true, Avg30: 8.0 / 30, Status: StatusOK, ValueFen: 120000, SoldRank: 8, MarginFen: 3200}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := def
			if tc.p != nil {
				tc.p(&p)
			}
			f := tc.f
			for _, s := range []*series{&f.Sold, &f.Returned, &f.SoldFen, &f.ReturnedFen} {
				if *s == nil {
					*s = days(nil)
				}
			}
			got := figuresOf(f, p, asOf)
			near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
			if !near(got.Avg7, tc.want.Avg7) || !near(got.Avg14, tc.want.Avg14) || !near(got.Avg30, tc.want.Avg30) ||
				!near(got.AvgWindow, tc.want.AvgWindow) {
				t.Errorf("averages %v %v %v %v, want %v %v %v %v", got.Avg7, got.Avg14, got.Avg30, got.AvgWindow,
					tc.want.Avg7, tc.want.Avg14, tc.want.Avg30, tc.want.AvgWindow)
			}
			if (got.DaysLeft == nil) != (tc.want.DaysLeft == nil) || (got.DaysLeft != nil && !near(*got.DaysLeft, *tc.want.DaysLeft)) {
				t.Errorf("days left %v, want %v", deref(got.DaysLeft), deref(tc.want.DaysLeft))
			}
			got.Avg7, got.Avg14, got.Avg30, got.AvgWindow, got.DaysLeft = 0, 0, 0, 0, nil
			w := tc.want
			w.Avg7, w.Avg14, w.Avg30, w.AvgWindow, w.DaysLeft = 0, 0, 0, 0, nil
			if got != w {
				t.Errorf("got  %+v\nwant %+v", got, w)
			}
		})
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// Ranks by cumulative share: 100 of 200 units is the first half (best), the next up to 80 %
// second, up to 95 % average, the rest and items selling nothing worst.
func TestRankClasses(t *testing.T) {
	p := settings.StockDefaults()
	units := map[int64]int64{1: 100, 2: 50, 3: 30, 4: 15, 5: 5, 6: 0, 7: 80}
	active := func(id int64) bool { return id != 7 }
	got := rankClasses([]int64{1, 2, 3, 4, 5, 6, 7}, func(id int64) int64 { return units[id] }, active, p)
	// before each (of 200): 1: 0 %, 2: 50 %, 3: 75 %, 4: 90 %, 5: 97.5 %
	want := map[int64]string{1: RankBest, 2: RankSecond, 3: RankSecond, 4: RankAverage, 5: RankWorst, 6: RankWorst, 7: ""}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("item %d: %q, want %q", id, got[id], w)
		}
	}
	none := rankClasses([]int64{1, 2}, func(int64) int64 { return 0 }, func(int64) bool { return true }, p)
	if none[1] != RankWorst || none[2] != RankWorst {
		t.Errorf("nothing sold: %v", none)
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{"婴儿纯棉连体衣 新生儿哈衣", "婴儿纯棉连体衣 新生儿哈衣", 1, 1},
		{"婴儿纯棉连体衣 新生儿哈衣 春秋款 0-18个月", "婴儿连体衣 纯棉 白色 66码", 0.3, 0.7},
		{"北欧风陶瓷马克杯", "家用收纳箱 大号", 0, 0},
		{"", "杯子", 0, 0},
	}
	for _, tc := range tests {
		if s := Similarity(tc.a, tc.b); s < tc.min || s > tc.max {
			t.Errorf("Similarity(%q, %q) = %.2f, want %.2f..%.2f", tc.a, tc.b, s, tc.min, tc.max)
		}
	}
}
