package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"shopdesk/db"
	"shopdesk/internal/anomaly"
	"shopdesk/internal/checklist"
	"shopdesk/internal/inquiry"
	"shopdesk/internal/metrics"
	"shopdesk/internal/staff"
	"shopdesk/internal/stock"
)

// jsonChecklist is the --json shape of a day's list: keys are a public interface for scripts.
type jsonChecklist struct {
	Date  string              `json:"date"`
	Items []jsonChecklistItem `json:"items"`
}

type jsonChecklistItem struct {
	Section string `json:"section"`
	Title   string `json:"title"`
	Count   int64  `json:"count"` // orders, SKUs or people behind the line; 0 for a recurring item
	Done    bool   `json:"done"`  // ticked, or cleared by the data
	Source  string `json:"source"`
}

const checklistUsage = `用法：shopdesk checklist [--date 2026-11-22] [--at "2026-11-22 09:00"] [--json | --html FILE]`

// cmdChecklist prints a day's checklist. Without --at, today's is made from the data (the
// anomaly rules run first and what they find is kept, as when the app opens) and kept; a
// past --date is printed as it was kept. With --at (shop-local) the list is made as of that
// time and nothing is kept, as `anomalies --at` does.
func cmdChecklist(ctx context.Context, g globalFlags, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("checklist", flag.ContinueOnError)
	fs.SetOutput(stderr)
	date := fs.String("date", "", "the day, e.g. 2026-11-22 (default: today, or the day of --at)")
	at := fs.String("at", "", "shop-local time to make the list at, e.g. \"2026-11-22 09:00\" (nothing is kept)")
	asJSON := fs.Bool("json", false, "a JSON object with date and items")
	htmlFile := fs.String("html", "", "write the print view to this file (one self-contained HTML file)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || (*asJSON && *htmlFile != "") {
		fmt.Fprintln(stderr, checklistUsage)
		return 2
	}
	day := strings.TrimSpace(*date)
	if day != "" {
		if _, err := time.Parse("2006-01-02", day); err != nil {
			fmt.Fprintf(stderr, "“%s”不是日期：请写成 2026-11-22 这样\n", day)
			return 2
		}
	}
	var wall time.Time
	if *at != "" {
		w, err := anomaly.ParseWall(strings.TrimSpace(*at))
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		wall = w
	}
	return withDB(ctx, g, stderr, func(d *db.DB) error {
		an, st, inq := anomaly.New(d), stock.New(d), inquiry.New(d)
		s := checklist.New(d, checklist.Sources{Anomalies: an, Stock: st, Inquiry: inq, Staff: staff.New(d, inq), Metrics: metrics.New(d)})
		var list checklist.Day
		var err error
		if wall.IsZero() {
			if _, err := st.Sync(ctx); err != nil {
				return err
			}
			if _, err := an.Evaluate(ctx, anomaly.At(time.Now())); err != nil {
				return err
			}
			list, err = s.Open(ctx, day)
		} else {
			list, err = s.AsOf(ctx, day, wall)
		}
		if err != nil {
			return err
		}
		switch {
		case *htmlFile != "":
			b, err := checklist.HTML(list)
			if err != nil {
				return err
			}
			if err := os.WriteFile(*htmlFile, b, 0o644); err != nil {
				return fmt.Errorf("写入 %s 失败：%w", *htmlFile, err)
			}
			fmt.Fprintf(stdout, "今日清单 %s（%d 项）已写入 %s\n", list.Date, len(list.Items), *htmlFile)
			return nil
		case *asJSON:
			out := jsonChecklist{Date: list.Date, Items: make([]jsonChecklistItem, 0, len(list.Items))}
			for _, it := range list.Items {
				out.Items = append(out.Items, jsonChecklistItem{Section: it.Section, Title: it.Title, Count: it.Count,
					Done: it.Done(), Source: it.Source})
			}
			enc := json.NewEncoder(stdout)
			enc.SetEscapeHTML(false)
			return enc.Encode(out)
		}
		printChecklist(stdout, list, *at)
		return nil
	})
}

// printChecklist writes the list as text: a heading per section, a line per item.
func printChecklist(w io.Writer, list checklist.Day, at string) {
	when := ""
	switch {
	case at != "":
		when = "（按 " + at + " 计算，未保存）"
	case list.Past:
		when = "（当天保存的清单）"
	}
	fmt.Fprintf(w, "今日清单 %s %s%s\n", list.Date, checklist.Weekday(list.Date), when)
	if len(list.Items) == 0 {
		fmt.Fprintln(w, "今天没有要处理的事项。")
		return
	}
	section := ""
	for _, it := range list.Items {
		if it.Section != section {
			section = it.Section
			fmt.Fprintf(w, "\n%s\n", checklist.SectionName[section])
		}
		box := "[ ]"
		switch it.State {
		case checklist.StateDone, checklist.StateAuto:
			box = "[x]"
		case checklist.StateSkipped:
			box = "[-]"
		}
		line := box + " " + it.Title
		if it.Count > 0 {
			line += fmt.Sprintf("  %d", it.Count)
		}
		if it.Detail != "" {
			line += "  " + it.Detail
		}
		if it.Owner != "" {
			line += "  负责：" + it.Owner
		}
		fmt.Fprintln(w, line)
		for _, t := range it.Top {
			fmt.Fprintln(w, "      "+t.Text)
		}
		switch it.State {
		case checklist.StateDone:
			fmt.Fprintf(w, "      %s %s 完成\n", it.DoneBy, it.DoneAt)
		case checklist.StateSkipped:
			fmt.Fprintf(w, "      跳过（%s %s）：%s\n", it.DoneBy, it.DoneAt, it.Note)
		case checklist.StateAuto:
			fmt.Fprintf(w, "      %s\n", it.Note)
		}
	}
}
