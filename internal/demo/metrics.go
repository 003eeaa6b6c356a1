package demo

import (
	"context"
	"math"
	"math/rand/v2"
	"time"

	"shopdesk/db"
	"shopdesk/internal/checklist"
	"shopdesk/internal/metrics"
	"shopdesk/internal/shop"
)

// The demo's shop metrics and checklist (issue 12): 30 days of visitors, paying buyers and
// ad spend per shop, drawn around the day's imported orders (conversion 2-4 %, the ad spend
// 8-15 % of sales), yesterday's visitors down a third so that the home shows an alert; a
// month's target per shop a little above its pace; and three recurring items.

func addMetrics(ctx context.Context, d *db.DB, now time.Time) (int, error) {
	today := now.In(shop.Location(shop.DefaultTimezone))
	from := today.AddDate(0, 0, -30).Format("2006-01-02")
	to := today.Format("2006-01-02")
	s := metrics.New(d)
	all, err := s.Shops(ctx, from, to)
	if err != nil {
		return 0, err
	}
	rng := rand.New(rand.NewPCG(12, 2026))
	n := 0
	for _, sh := range all {
		var sales int64
		for i, day := range sh.Days {
			if day.Day == to {
				continue // today: not known until tomorrow's export
			}
			buyers := max(day.Orders, 1)
			visitors := int64(float64(buyers) / (0.02 + rng.Float64()*0.02))
			if i == len(sh.Days)-2 {
				visitors = visitors * 2 / 3 // yesterday: traffic fell (an alert on the home)
			}
			promo := int64(float64(max(day.SalesFen, 5000)) * (0.08 + rng.Float64()*0.07))
			promo = promo / 100 * 100
			pv := visitors * int64(2+rng.IntN(3))
			if err := s.Save(ctx, metrics.Input{ShopID: sh.ShopID, Day: day.Day, Visitors: &visitors, PageViews: &pv,
				Buyers: &buyers, PromoFen: &promo}); err != nil {
				return n, err
			}
			sales += day.SalesFen
			n++
		}
		// The month's target: the pace of the last 30 days, a fifth more, in whole hundreds of yuan.
		days := time.Date(today.Year(), today.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
		target := int64(math.Ceil(float64(sales)/30*float64(days)*1.2/10000)) * 10000
		if target > 0 {
			if err := s.SetTarget(ctx, sh.ShopID, today.Format("2006-01"), target); err != nil {
				return n, err
			}
		}
	}
	cl := checklist.New(d, checklist.Sources{}).WithClock(func() time.Time { return now })
	for _, t := range []checklist.Task{
		{Title: "看直通车/推广花费和点击率", Repeat: checklist.RepeatDaily},
		{Title: "报名平台活动，看报名截止时间", Repeat: checklist.RepeatWeekly, Weekday: 1},
		{Title: "联系供应商：新品、预售到货和价格", Repeat: checklist.RepeatMonthly, MonthDay: 1},
	} {
		if _, err := cl.SaveTask(ctx, t); err != nil {
			return n, err
		}
	}
	return n, nil
}
