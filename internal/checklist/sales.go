package checklist

import (
	"context"
	"fmt"
	"time"

	"shopdesk/db/sqldb"
)

// ShopSales is one shop's paid orders and sales per day over the days of a chart.
type ShopSales struct {
	ShopID   int64    `json:"shopId"`
	ShopName string   `json:"shopName"`
	Days     []string `json:"days"`
	Orders   []int64  `json:"orders"`
	SalesFen []int64  `json:"salesFen"`
}

// SalesWeek returns every shop's paid orders and sales of the 7 days ending on day ("" today;
// shop-local; orders placed that day, not closed), for the home page's chart. A shop with
// no sale in the week is left out.
func (s *Store) SalesWeek(ctx context.Context, day string) ([]ShopSales, error) {
	if day == "" {
		day = s.wallNow().Format(dayLayout)
	}
	end, err := time.Parse(dayLayout, day)
	if err != nil {
		return nil, fmt.Errorf("“%s”不是日期：请写成 2026-11-22 这样", day)
	}
	start := end.AddDate(0, 0, -6)
	rows, err := s.db.Queries().ChecklistDailySales(ctx, sqldb.ChecklistDailySalesParams{
		FromAt: start.Format(dayLayout) + " 00:00:00", ToAt: end.AddDate(0, 0, 1).Format(dayLayout) + " 00:00:00"})
	if err != nil {
		return nil, fmt.Errorf("checklist: sales of the week: %w", err)
	}
	days := make([]string, 7)
	index := map[string]int{}
	for i := range days {
		days[i] = start.AddDate(0, 0, i).Format(dayLayout)
		index[days[i]] = i
	}
	out := []ShopSales{}
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].ShopID != r.ShopID {
			out = append(out, ShopSales{ShopID: r.ShopID, ShopName: r.ShopName, Days: days,
				Orders: make([]int64, 7), SalesFen: make([]int64, 7)})
		}
		i, ok := index[fmt.Sprint(r.Day)]
		if !ok {
			continue
		}
		out[len(out)-1].Orders[i], out[len(out)-1].SalesFen[i] = r.Orders, r.SalesFen
	}
	return out, nil
}
