package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"shopdesk/db"
	"shopdesk/internal/inquiry"
)

const inquiriesUsage = `用法：
  shopdesk inquiries stats --from DATE --to DATE [--by channel|agent|product|reason|type|region] [--json]
                                     询盘转化：询盘数、成交数、转化率（成交数 / 询盘数，跟进中算在询盘数里）
  shopdesk inquiries match           把导入的订单与询盘对上（待客服确认的成交）`

// cmdInquiries is the inquiry register's command (询盘成交登记).
func cmdInquiries(ctx context.Context, g globalFlags, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, inquiriesUsage)
		return 2
	}
	switch args[0] {
	case "stats":
		return cmdInquiryStats(ctx, g, args[1:], stdout, stderr)
	case "match":
		return withDB(ctx, g, stderr, func(d *db.DB) error {
			r, err := inquiry.New(d).MatchOrders(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "新匹配到 %d 笔订单待确认为成交，自动确认 %d 笔；共 %d 笔待确认\n", r.Proposed, r.Confirmed, r.Waiting)
			return nil
		})
	default:
		fmt.Fprintf(stderr, "未知的子命令“%s”\n%s\n", args[0], inquiriesUsage)
		return 2
	}
}

// jsonStat is the --json shape of one group: keys are a public interface for scripts.
type jsonStat struct {
	Key        string  `json:"key"`
	Inquiries  int64   `json:"inquiries"`
	Deals      int64   `json:"deals"`
	Conversion float64 `json:"conversion"` // 0..1, 4 places
}

func cmdInquiryStats(ctx context.Context, g globalFlags, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("inquiries stats", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "first day, YYYY-MM-DD")
	to := fs.String("to", "", "last day, YYYY-MM-DD (inclusive)")
	by := fs.String("by", inquiry.ByChannel, "channel, agent, product, reason, type or region")
	asJSON := fs.Bool("json", false, "a JSON array of {key, inquiries, deals, conversion}")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *from == "" || *to == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, inquiriesUsage)
		return 2
	}
	return withDB(ctx, g, stderr, func(d *db.DB) error {
		rows, err := inquiry.New(d).Stats(ctx, strings.TrimSpace(*from), strings.TrimSpace(*to), *by)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]jsonStat, 0, len(rows))
			for _, r := range rows {
				out = append(out, jsonStat{Key: r.Key, Inquiries: r.Inquiries, Deals: r.Deals, Conversion: r.Conversion})
			}
			enc := json.NewEncoder(stdout)
			enc.SetEscapeHTML(false)
			return enc.Encode(out)
		}
		if len(rows) == 0 {
			fmt.Fprintf(stdout, "%s 至 %s 没有询盘登记。\n", *from, *to)
			return nil
		}
		if *by == inquiry.ByReason {
			fmt.Fprintf(stdout, "%s 至 %s 未成交原因（只算未成交的询盘）：\n", *from, *to)
			for i, r := range rows {
				fmt.Fprintf(stdout, "%2d. %s  %d 次\n", i+1, r.Key, r.Inquiries)
			}
			return nil
		}
		var n, deals int64
		for _, r := range rows {
			n, deals = n+r.Inquiries, deals+r.Deals
			fmt.Fprintf(stdout, "%s  询盘 %d  成交 %d  跟进中 %d  转化率 %.2f%%\n", r.Key, r.Inquiries, r.Deals, r.Pending, r.Conversion*100)
		}
		if *by != inquiry.ByProduct { // an inquiry about two products is in two groups
			fmt.Fprintf(stdout, "合计  询盘 %d  成交 %d  转化率 %.2f%%（跟进中的询盘算在询盘数里）\n", n, deals, inquiry.Conversion(deals, n)*100)
		}
		return nil
	})
}

// matchInquiries proposes the imported orders as deals of the inquiries they follow, after
// an import or an undo. A failure is reported; the import stands.
func matchInquiries(ctx context.Context, d *db.DB, stderr io.Writer) {
	if _, err := inquiry.New(d).MatchOrders(ctx); err != nil {
		fmt.Fprintf(stderr, "注意：询盘与订单没有对上：%v\n", err)
	}
}
