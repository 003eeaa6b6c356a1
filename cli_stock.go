package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"shopdesk/db"
	"shopdesk/internal/stock"
)

// jsonStock is the --json shape of one SKU: keys are a public interface for scripts.
type jsonStock struct {
	SKU        string   `json:"sku"`
	Name       string   `json:"name"`
	OnHand     int64    `json:"on_hand"`
	AvgDaily7  float64  `json:"avg_daily_7"`
	AvgDaily14 float64  `json:"avg_daily_14"`
	AvgDaily30 float64  `json:"avg_daily_30"`
	DaysLeft   *float64 `json:"days_left"` // null: nothing sold in the window
	ReorderQty int64    `json:"reorder_qty"`
	Status     string   `json:"status"` // out, reorder, ok, overstock, slow
}

// cmdStock prints every SKU's stock figures as of today, or as of the end of --at DATE
// (then nothing is kept). The sales and returns of the imports are derived first.
func cmdStock(ctx context.Context, g globalFlags, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("stock", flag.ContinueOnError)
	fs.SetOutput(stderr)
	at := fs.String("at", "", "the day to compute the figures for, e.g. 2026-11-22 (nothing is kept)")
	asJSON := fs.Bool("json", false, "a JSON array")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "用法：shopdesk stock [--at 2026-11-22] [--json]")
		return 2
	}
	var day time.Time
	if *at != "" {
		d, err := stock.ParseDay(strings.TrimSpace(*at))
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		day = d
	}
	return withDB(ctx, g, stderr, func(d *db.DB) error {
		s := stock.New(d)
		if _, err := s.Sync(ctx); err != nil {
			return err
		}
		if day.IsZero() {
			day = s.Today()
		}
		rows, err := s.AsOf(ctx, day)
		if err != nil {
			return err
		}
		sort.SliceStable(rows, func(i, j int) bool { return stock.Less(rows[i], rows[j]) })
		if *asJSON {
			out := make([]jsonStock, 0, len(rows))
			for _, r := range rows {
				js := jsonStock{SKU: r.Code, Name: r.Name, OnHand: r.OnHand, AvgDaily7: round(r.Avg7, 2),
					AvgDaily14: round(r.Avg14, 2), AvgDaily30: round(r.Avg30, 2), ReorderQty: r.ReorderQty, Status: r.Status}
				if r.DaysLeft != nil {
					v := round(*r.DaysLeft, 1)
					js.DaysLeft = &v
				}
				out = append(out, js)
			}
			enc := json.NewEncoder(stdout)
			enc.SetEscapeHTML(false)
			return enc.Encode(out)
		}
		if len(rows) == 0 {
			fmt.Fprintln(stdout, "还没有商品：导入带商家编码的订单（宝贝报表、千牛子订单导出…）或库存表后，这里会列出每个商品。")
			return nil
		}
		fmt.Fprintf(stdout, "库存表（%s）：%d 个商品\n", day.Format("2006-01-02"), len(rows))
		for _, r := range rows {
			days := "—"
			if r.DaysLeft != nil {
				days = fmt.Sprintf("%.1f 天", *r.DaysLeft)
			}
			fmt.Fprintf(stdout, "%s  %s  %s  库存 %d  日均 %.2f/%.2f/%.2f  可售 %s  建议补货 %d\n", stock.StatusName[r.Status],
				r.Code, r.Name, r.OnHand, r.Avg7, r.Avg14, r.Avg30, days, r.ReorderQty)
		}
		return nil
	})
}

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

// refreshStock derives the stock data from the imports after they changed. A failure is
// reported; the change itself stands.
func refreshStock(ctx context.Context, d *db.DB, stderr io.Writer) {
	if _, err := stock.New(d).Sync(ctx); err != nil {
		fmt.Fprintf(stderr, "注意：库存表没有更新：%v\n", err)
	}
}
