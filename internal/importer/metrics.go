package importer

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/metrics"
)

// Daily traffic exports (生意参谋 店铺 daily export, issue 12): one day of one shop per row,
// 日期 with 访客数, 浏览量, 支付买家数 (and 支付金额, 支付转化率, 客单价 …, which Shopdesk
// works out from the orders and never stores). The file is of the layout's platform and
// of one shop: the shop named above the header, else the one picked on the preview (or
// the platform's only shop). Each day's figures are written through metrics.ImportDay
// with the batch, inside the import's transaction; a cell left blank or '-' keeps what
// was there. Undo gives every day exactly its figures before (metrics.UndoImport).

const (
	KindMetrics  = "metrics"
	levelMetrics = "metrics" // 店铺每日数据 (生意参谋 style)
)

var metricsKind = &fileKind{
	ID:     KindMetrics,
	Name:   "店铺每日数据",
	Levels: []string{levelMetrics},
	Fields: []Field{
		{Key: "metric_day", Type: kindDate, Name: "日期", Group: "metrics", Required: true},
		{Key: "metric_visitors", Type: kindInt, Name: "访客数", Group: "metrics", Suggested: true},
		{Key: "metric_page_views", Type: kindInt, Name: "浏览量", Group: "metrics"},
		{Key: "metric_buyers", Type: kindInt, Name: "支付买家数", Group: "metrics", Suggested: true},
		{Key: "metric_promo", Type: kindMoney, Name: "推广花费", Group: "metrics"},
	},
	OneOf:           [][]string{{"metric_visitors", "metric_page_views", "metric_buyers", "metric_promo"}},
	requirementNote: "店铺每日数据至少要有访客数、浏览量、支付买家数、推广花费中的一列",
	Preview:         []string{"metric_day", "metric_visitors", "metric_page_views", "metric_buyers", "metric_promo"},
}

func init() {
	k := metricsKind
	k.newHandler = func(r *run) (rowHandler, error) {
		return &metricsHandler{layout: r.layout, file: r.res.File, facts: r.facts, res: r.res,
			dry: r.opts.DryRun, seen: map[string]int{}}, nil
	}
	k.previewValue = serialDays("metric_day")
	k.laterBatch = func(ctx context.Context, q *sqldb.Queries, b sqldb.GetBatchRow) (int64, error) {
		return metrics.LaterImport(ctx, q, b.ID)
	}
	k.undo = func(ctx context.Context, _ *sql.Tx, q *sqldb.Queries, b sqldb.GetBatchRow, res *UndoResult) error {
		var err error
		res.MetricDaysRestored, res.MetricDaysKept, err = metrics.UndoImport(ctx, q, b.ID)
		return err
	}
}

type metricsHandler struct {
	layout *boundLayout
	file   string
	facts  fileFacts
	res    *FileResult
	dry    bool
	seen   map[string]int // day -> the row that gave it first
	first  string         // the file's first and last day, for the note
	last   string
	days   int
}

// metricRow is one row as read; a nil figure is one the row does not give.
type metricRow struct {
	no   int
	skip bool
	err  error
	in   metrics.Input
}

func (h *metricsHandler) parser() parseFunc {
	p := newRowParser(h.layout, h.file, h.facts)
	return func(nos []int, rows [][]string) any {
		out := make([]metricRow, len(rows))
		for i, row := range rows {
			out[i] = h.parse(&p, nos[i], row)
		}
		return out
	}
}

func (h *metricsHandler) parse(p *rowParser, no int, row []string) (r metricRow) {
	r.no = no
	c := p.cell(row, "metric_day")
	if nonEmpty(row) == 0 || c == "" {
		r.skip = true // a blank line, or a line of no day (a note under the table)
		return r
	}
	day, err := metricDay(c)
	if err != nil {
		r.err = p.bad(no, row, "metric_day", err.Error())
		return r
	}
	r.in.Day = day
	for _, f := range []struct {
		key   string
		dst   **int64
		money bool
	}{{"metric_visitors", &r.in.Visitors, false}, {"metric_page_views", &r.in.PageViews, false},
		{"metric_buyers", &r.in.Buyers, false}, {"metric_promo", &r.in.PromoFen, true}} {
		c := p.cell(row, f.key)
		if c == "" || p.empty(c) {
			continue // not given: the figure there stays
		}
		var v int64
		if f.money {
			v, err = parseFen(c)
		} else {
			v, err = parseInt(c)
		}
		if err != nil {
			r.err = p.bad(no, row, f.key, err.Error())
			return r
		}
		if v < 0 {
			r.err = p.bad(no, row, f.key, "是负数：不能小于 0")
			return r
		}
		*f.dst = &v
	}
	if r.in.Visitors != nil && r.in.Buyers != nil && *r.in.Buyers > *r.in.Visitors {
		r.err = p.bad(no, row, "metric_buyers", fmt.Sprintf("比访客数 %d 还多：请检查这一行", *r.in.Visitors))
	}
	return r
}

// metricDay reads 日期: a date (2026-11-01, 2026/11/1, 2026年11月1日), 20261101, or an
// Excel serial day.
func metricDay(c string) (string, error) {
	c = strings.TrimSpace(c)
	if len(c) == 8 && isDigits(c) {
		if t, err := time.Parse("20060102", c); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	v, err := parseTime(c)
	if err != nil || len(v) < 10 {
		return "", fmt.Errorf("不是日期（例如 2026-11-01）")
	}
	return v[:10], nil
}

func (h *metricsHandler) write(w *writer, chunk any, count func(rowOutcome) error) error {
	for _, r := range chunk.([]metricRow) {
		if r.skip {
			if err := count(rowSkipped); err != nil {
				return err
			}
			continue
		}
		if r.err != nil {
			return r.err
		}
		if first, dup := h.seen[r.in.Day]; dup {
			return fail(ErrCodeBadValue, fmt.Errorf("文件“%s”第 %d 行：日期 %s 在第 %d 行已经出现过：一天只能有一行",
				w.file, r.no, r.in.Day, first))
		}
		h.seen[r.in.Day] = r.no
		s, err := w.shop(r.no, "")
		if err != nil {
			return err
		}
		r.in.ShopID = s.ID
		o, err := metrics.ImportDay(w.ctx, w.q, w.batchID, r.in)
		if err != nil {
			return fail(ErrCodeBadValue, fmt.Errorf("文件“%s”第 %d 行：%w", w.file, r.no, err))
		}
		h.days++
		if h.first == "" || r.in.Day < h.first {
			h.first = r.in.Day
		}
		if r.in.Day > h.last {
			h.last = r.in.Day
		}
		outcome := map[metrics.ImportOutcome]rowOutcome{metrics.ImportNew: rowNew, metrics.ImportChanged: rowUpdated,
			metrics.ImportUnchanged: rowUnchanged}[o]
		if err := count(outcome); err != nil {
			return err
		}
	}
	return nil
}

func (h *metricsHandler) finish(*writer) (first, last int64, err error) {
	if h.days > 0 {
		h.res.Notes = append(h.res.Notes, fmt.Sprintf("文件里有 %d 天的店铺数据（%s 至 %s）；转化率、客单价按访客数、买家数和订单算出，不取文件里的",
			h.days, h.first, h.last))
	}
	return 0, -1, nil
}
