package stock

import (
	"cmp"
	"math"
	"slices"
	"time"

	"shopdesk/internal/settings"
)

// The figures of one item, from what was sold, returned and counted. Pure arithmetic: the
// hand-computed table tests (calc_test.go) hold every rule here.

// facts are what an item's figures are computed from, as of one day.
type facts struct {
	ID                               int64
	OnHand                           int64
	Known                            bool
	InTransit, Safety, Pack, CostFen int64
	Lead                             *int64 // nil: the default lead time
	Active                           bool
	baseAt                           string // the base of on hand: its last count, else its first movement
	firstSale                        string // the first sale in the span ("" for none), while the lines are read
	// FirstSeen is the day of the item's first sale or stored movement (zero: neither): an
	// item with less history than a window is averaged over the days it has.
	FirstSeen time.Time
	LastSale  string // the day of the last sale in the figures' span ("" for none)
	// Units sold and returned, and their amounts in fen, over the last n days (the day of
	// the figures included), for each n the figures use (7, 14, 30 and the settings' days).
	Sold, Returned, SoldFen, ReturnedFen series
}

// series holds a sum over the last n days, by n.
type series map[int]int64

// Figures are one item's numbers.
type Figures struct {
	OnHand int64 `json:"onHand"`
	// Known: Shopdesk was told the item's stock (a count, goods in …). Without it on hand
	// reads 0.
	Known     bool    `json:"known"`
	Avg7      float64 `json:"avg7"`
	Avg14     float64 `json:"avg14"`
	Avg30     float64 `json:"avg30"`
	AvgWindow float64 `json:"avgWindow"` // over the window of 设置 (stock_window_days)
	// DaysLeft is on hand / AvgWindow; nil when nothing was sold in the window (shown "—").
	DaysLeft   *float64 `json:"daysLeft"`
	ReorderQty int64    `json:"reorderQty"`
	Status     string   `json:"status"`
	ValueFen   int64    `json:"valueFen"` // on hand x cost: the money tied up
	// SoldRank and MarginFen are the net units and the margin (amount less cost) over the
	// rank window; RankUnits and RankMargin the item's class by each ("" for an inactive item).
	SoldRank   int64  `json:"soldRank"`
	MarginFen  int64  `json:"marginFen"`
	RankUnits  string `json:"rankUnits"`
	RankMargin string `json:"rankMargin"`
	// LastSaleAt is the day of the last sale within the figures' span (max(30 days, the
	// windows of 设置)); "" when there was none in it.
	LastSaleAt     string `json:"lastSaleAt"`
	ReturnedWindow int64  `json:"returnedWindow"` // units returned in the window
}

// statusOrder sorts the sheet: the most pressing first.
func statusOrder(s string) int {
	for i, x := range Statuses {
		if x == s {
			return i
		}
	}
	return len(Statuses)
}

// eps absorbs the float error of averages (0.1 x 3 is not 0.3) before a ceiling.
const eps = 1e-9

// history is how many of the last w days the item existed: w, or fewer for a new item.
func (f *facts) history(w int, asOf time.Time) int {
	if f.FirstSeen.IsZero() || w <= 0 {
		return max(w, 1)
	}
	days := int(asOf.Sub(f.FirstSeen).Hours()/24) + 1
	return max(1, min(w, days))
}

// sum is the series over the last n days (0 when nothing was sold or returned in them).
func sum(v series, n int) int64 { return v[n] }

// avg is the average daily net units (sold less returned, never below 0) over the last w
// days, or over the days the item has existed when fewer.
func (f *facts) avg(w int, asOf time.Time) float64 {
	net := sum(f.Sold, w) - sum(f.Returned, w)
	if net <= 0 {
		return 0
	}
	return float64(net) / float64(f.history(w, asOf))
}

// figuresOf computes an item's figures (all but the ranks) as of asOf with settings p.
func figuresOf(f facts, p settings.Stock, asOf time.Time) Figures {
	out := Figures{OnHand: f.OnHand, Known: f.Known, LastSaleAt: f.LastSale,
		Avg7: f.avg(7, asOf), Avg14: f.avg(14, asOf), Avg30: f.avg(30, asOf), AvgWindow: f.avg(p.WindowDays, asOf),
		ReturnedWindow: sum(f.Returned, p.WindowDays)}
	if f.OnHand > 0 {
		out.ValueFen = f.OnHand * f.CostFen
	}
	if out.AvgWindow > 0 {
		d := math.Max(0, float64(f.OnHand)/out.AvgWindow)
		out.DaysLeft = &d
	}
	lead := int64(p.LeadDays)
	if f.Lead != nil {
		lead = *f.Lead
	}
	// Order up to what sells during the lead time and the cover days after it, plus the
	// safety stock (0 unless set), less what is on hand and on its way; whole packs.
	need := float64(lead+int64(p.CoverDays))*out.AvgWindow + float64(f.Safety) - float64(f.OnHand) - float64(f.InTransit)
	if need > eps {
		pack := max(f.Pack, 1)
		out.ReorderQty = int64(math.Ceil(need/float64(pack)-eps)) * pack
	}
	// The reorder point: what sells during the lead time, plus the safety stock.
	rop := float64(lead)*out.AvgWindow + float64(f.Safety)
	slowDays := max(p.SlowDays, 1)
	switch {
	case f.OnHand <= 0:
		out.Status = StatusOut
	case float64(f.OnHand+f.InTransit) < rop-eps:
		out.Status = StatusReorder
	case f.history(slowDays, asOf) >= slowDays && sum(f.Sold, slowDays) == 0:
		out.Status = StatusSlow
	case out.DaysLeft != nil && *out.DaysLeft > float64(p.OverstockDays):
		out.Status = StatusOverstock
	default:
		out.Status = StatusOK
	}
	net := max(0, sum(f.Sold, p.RankDays)-sum(f.Returned, p.RankDays))
	out.SoldRank = net
	out.MarginFen = sum(f.SoldFen, p.RankDays) - sum(f.ReturnedFen, p.RankDays) - net*f.CostFen
	return out
}

// rankClasses gives each active item its class by a metric: sorted best first, an item is
// best while the items before it make less than RankBestPct of the total, second below
// RankSecondPct, average below RankAveragePct, else worst; an item with nothing (or a loss)
// is worst. Inactive items get "".
func rankClasses(ids []int64, metric func(int64) int64, active func(int64) bool, p settings.Stock) map[int64]string {
	out := make(map[int64]string, len(ids))
	type ranked struct{ id, m int64 }
	list := make([]ranked, 0, len(ids))
	var total int64
	for _, id := range ids {
		if !active(id) {
			out[id] = ""
			continue
		}
		m := metric(id)
		list = append(list, ranked{id, m})
		if m > 0 {
			total += m
		}
	}
	slices.SortFunc(list, func(a, b ranked) int {
		if a.m != b.m {
			return cmp.Compare(b.m, a.m)
		}
		return cmp.Compare(a.id, b.id)
	})
	var before int64
	for _, r := range list {
		share := 0.0
		if total > 0 {
			share = float64(before) / float64(total) * 100
		}
		switch {
		case r.m <= 0:
			out[r.id] = RankWorst
		case share < p.RankBestPct:
			out[r.id] = RankBest
		case share < p.RankSecondPct:
			out[r.id] = RankSecond
		case share < p.RankAveragePct:
			out[r.id] = RankAverage
		default:
			out[r.id] = RankWorst
		}
		if r.m > 0 {
			before += r.m
		}
	}
	return out
}
