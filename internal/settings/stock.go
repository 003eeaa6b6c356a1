package settings

import (
	"context"
	"fmt"

	"shopdesk/db/sqldb"
)

// The settings of the stock figures (库存表, issue 9, internal/stock). Every number is a
// default the seller can change on the stock page; they live in Defs with the others (one
// table, one save, one check of ranges) in a group of their own.
const (
	StockWindowDays     = "stock_window_days"     // days of stock left = on hand / the average over these days
	StockCoverDays      = "stock_cover_days"      // reorder: cover these days after the goods arrive
	StockLeadDays       = "stock_lead_days"       // lead time of a SKU that has none of its own
	StockOverstockDays  = "stock_overstock_days"  // more days of stock than this: overstock (积压)
	StockSlowDays       = "stock_slow_days"       // no sale in this many days: slow (滞销)
	StockRankDays       = "stock_rank_days"       // ranks by units and margin over these days
	StockRankBestPct    = "stock_rank_best_pct"   // best sellers: the items making this share of the total
	StockRankSecondPct  = "stock_rank_second_pct" // second: up to this share
	StockRankAveragePct = "stock_rank_average_pct"

	GroupStock = "stock"
)

// Stock are the values the stock figures read.
type Stock struct {
	WindowDays, CoverDays, LeadDays, OverstockDays, SlowDays, RankDays int
	RankBestPct, RankSecondPct, RankAveragePct                         float64
}

// StockDefaults are the stock settings with nothing changed.
func StockDefaults() Stock {
	v := map[string]float64{}
	for _, d := range Defs {
		v[d.Key] = d.Default
	}
	return stockOf(v)
}

func stockOf(v map[string]float64) Stock {
	i := func(k string) int { return int(v[k]) }
	return Stock{WindowDays: i(StockWindowDays), CoverDays: i(StockCoverDays), LeadDays: i(StockLeadDays),
		OverstockDays: i(StockOverstockDays), SlowDays: i(StockSlowDays), RankDays: i(StockRankDays),
		RankBestPct: v[StockRankBestPct], RankSecondPct: v[StockRankSecondPct], RankAveragePct: v[StockRankAveragePct]}
}

// LoadStock returns the stock settings in force.
func LoadStock(ctx context.Context, q *sqldb.Queries) (Stock, error) {
	v, err := values(ctx, q)
	if err != nil {
		return Stock{}, err
	}
	return stockOf(v), nil
}

// checkStock: the rank shares rise from best to average.
func checkStock(v map[string]float64) error {
	s := stockOf(v)
	if s.RankBestPct >= s.RankSecondPct || s.RankSecondPct >= s.RankAveragePct {
		return fmt.Errorf("商品排名的占比要从小到大：“%s”%.0f%% < “%s”%.0f%% < “%s”%.0f%%",
			mustDef(StockRankBestPct).Name, s.RankBestPct, mustDef(StockRankSecondPct).Name, s.RankSecondPct,
			mustDef(StockRankAveragePct).Name, s.RankAveragePct)
	}
	return nil
}
