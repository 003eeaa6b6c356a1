package inquiry

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"shopdesk/db/sqldb"
)

// The analysis of a period. Every figure counts the inquiries asked in the period (by
// their 日期): conversion = deals / inquiries, where the inquiries still 跟进中 count as
// inquiries (not yet deals), so a period with many open conversations converts lower
// until they are decided. The page says so.

// Dimensions of the breakdown (the CLI's --by and the page's choice).
const (
	ByChannel = "channel"
	ByAgent   = "agent"
	ByProduct = "product"
	ByReason  = "reason" // the no-deal rows only, by reason: deals are 0
	ByType    = "type"   // 客户类型
	ByRegion  = "region"
)

// Dimensions lists them in the order the page offers them.
var Dimensions = []string{ByChannel, ByAgent, ByProduct, ByType, ByRegion, ByReason}

// Blank keys: a row without that value.
const (
	NoValue = "（未填）"
	NoAgent = "（未填客服）"
)

// StatRow is one group of a breakdown. Conversion is Deals / Inquiries rounded to 4
// places (0 when there are no inquiries).
type StatRow struct {
	Key        string  `json:"key"`
	AgentID    int64   `json:"agentId,omitempty"` // ByAgent: the staff id (0: rows without an agent)
	Inquiries  int64   `json:"inquiries"`
	Deals      int64   `json:"deals"`
	Pending    int64   `json:"pending"`
	Conversion float64 `json:"conversion"`
	AmountFen  int64   `json:"amountFen,omitempty"` // the agent ranking: the deals' amount
}

// Conversion is deals / inquiries rounded to 4 places; 0 for no inquiries.
func Conversion(deals, inquiries int64) float64 {
	if inquiries <= 0 {
		return 0
	}
	return math.Round(float64(deals)/float64(inquiries)*10000) / 10000
}

// Totals are the period's figures.
type Totals struct {
	Inquiries  int64   `json:"inquiries"`
	Deals      int64   `json:"deals"`
	Pending    int64   `json:"pending"`
	NoDeals    int64   `json:"noDeals"`
	Conversion float64 `json:"conversion"`
	AmountFen  int64   `json:"amountFen"`
}

// Analysis is what the analysis page shows for a period and one breakdown.
type Analysis struct {
	From    string    `json:"from"`
	To      string    `json:"to"`
	By      string    `json:"by"`
	Totals  Totals    `json:"totals"`
	Rows    []StatRow `json:"rows"`    // the breakdown by By, most inquiries first
	Reasons []StatRow `json:"reasons"` // no-deal reasons, most first
	Trend   []StatRow `json:"trend"`   // one row a day (Key = the day), every day of the period
	Agents  []StatRow `json:"agents"`  // the agent ranking: deals, then conversion, then amount
}

// maxTrendDays bounds the day-by-day trend (a period of years is shown without it).
const maxTrendDays = 731

func checkPeriod(from, to string) error {
	f, err := time.Parse("2006-01-02", from)
	if err != nil {
		return fmt.Errorf("开始日期“%s”不是日期（例如 2026-11-01）", from)
	}
	t, err := time.Parse("2006-01-02", to)
	if err != nil {
		return fmt.Errorf("结束日期“%s”不是日期（例如 2026-11-30）", to)
	}
	if t.Before(f) {
		return fmt.Errorf("结束日期 %s 早于开始日期 %s", to, from)
	}
	return nil
}

// Stats is one breakdown of a period (the CLI's `inquiries stats`).
func (s *Store) Stats(ctx context.Context, from, to, by string) ([]StatRow, error) {
	if err := checkPeriod(from, to); err != nil {
		return nil, err
	}
	return breakdown(ctx, s.db.Queries(), from, to, by)
}

// Analyze returns the analysis page's figures for a period, broken down by by.
func (s *Store) Analyze(ctx context.Context, from, to, by string) (Analysis, error) {
	if err := checkPeriod(from, to); err != nil {
		return Analysis{}, err
	}
	q := s.db.Queries()
	a := Analysis{From: from, To: to, By: by}
	all, err := sums(ctx, q, "all", from, to)
	if err != nil {
		return a, err
	}
	for _, g := range all {
		a.Totals.Inquiries += g.n
		switch g.outcome {
		case OutcomeDeal:
			a.Totals.Deals += g.n
			a.Totals.AmountFen += g.amount
		case OutcomePending:
			a.Totals.Pending += g.n
		case OutcomeNoDeal:
			a.Totals.NoDeals += g.n
		}
	}
	a.Totals.Conversion = Conversion(a.Totals.Deals, a.Totals.Inquiries)
	if a.Rows, err = breakdown(ctx, q, from, to, by); err != nil {
		return a, err
	}
	if by == ByReason {
		a.Reasons = a.Rows
	} else if a.Reasons, err = breakdown(ctx, q, from, to, ByReason); err != nil {
		return a, err
	}
	if by == ByAgent {
		a.Agents = slices.Clone(a.Rows)
	} else if a.Agents, err = breakdown(ctx, q, from, to, ByAgent); err != nil {
		return a, err
	}
	slices.SortStableFunc(a.Agents, func(x, y StatRow) int {
		return cmp.Or(cmp.Compare(y.Deals, x.Deals), cmp.Compare(y.Conversion, x.Conversion),
			cmp.Compare(y.AmountFen, x.AmountFen), cmp.Compare(x.Key, y.Key))
	})
	days, err := q.StatDays(ctx, sqldb.StatDaysParams{FromDay: from, ToDay: to})
	if err != nil {
		return a, fmt.Errorf("inquiries by day: %w", err)
	}
	a.Trend = trend(from, to, days)
	return a, nil
}

func trend(from, to string, days []sqldb.StatDaysRow) []StatRow {
	byDay := map[string]*StatRow{}
	for _, d := range days {
		r := byDay[d.Period]
		if r == nil {
			r = &StatRow{Key: d.Period}
			byDay[d.Period] = r
		}
		r.Inquiries += d.N
		switch d.Outcome {
		case OutcomeDeal:
			r.Deals += d.N
		case OutcomePending:
			r.Pending += d.N
		}
	}
	f, _ := time.Parse("2006-01-02", from)
	t, _ := time.Parse("2006-01-02", to)
	if t.Sub(f) > maxTrendDays*24*time.Hour {
		f = t.AddDate(0, 0, -maxTrendDays)
	}
	var out []StatRow
	for d := f; !d.After(t); d = d.AddDate(0, 0, 1) {
		k := d.Format("2006-01-02")
		r := StatRow{Key: k}
		if got := byDay[k]; got != nil {
			r = *got
		}
		r.Conversion = Conversion(r.Deals, r.Inquiries)
		out = append(out, r)
	}
	return out
}

// group is the count of one value and outcome of a dimension over a period.
type group struct {
	val, outcome string
	n, amount    int64
}

// sums reads one dimension's counts over a period: the whole months inside it from the
// month rows, the days before and after them from the day rows.
func sums(ctx context.Context, q *sqldb.Queries, dim, from, to string) ([]group, error) {
	f, _ := time.Parse("2006-01-02", from)
	t, _ := time.Parse("2006-01-02", to)
	firstMonth := time.Date(f.Year(), f.Month(), 1, 0, 0, 0, 0, time.UTC)
	if firstMonth.Before(f) {
		firstMonth = firstMonth.AddDate(0, 1, 0)
	}
	lastMonth := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) // its last day must be in the period
	if !t.Equal(lastMonth.AddDate(0, 1, -1)) {
		lastMonth = lastMonth.AddDate(0, -1, 0)
	}
	p := sqldb.StatSumsParams{Dim: dim, FromDay: from, ToDay: to, MonthFrom: "9999-99", MonthTo: "0000-00",
		HeadTo: to, TailFrom: "9999-99-99"}
	if !lastMonth.Before(firstMonth) {
		p.MonthFrom, p.MonthTo = firstMonth.Format("2006-01"), lastMonth.Format("2006-01")
		p.HeadTo = firstMonth.AddDate(0, 0, -1).Format("2006-01-02")
		p.TailFrom = lastMonth.AddDate(0, 1, 0).Format("2006-01-02")
	}
	rows, err := q.StatSums(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("inquiries by %s: %w", dim, err)
	}
	out := make([]group, 0, len(rows))
	for _, r := range rows {
		if r.N != 0 {
			out = append(out, group{val: r.Val, outcome: r.Outcome, n: r.N, amount: r.AmountFen})
		}
	}
	return out, nil
}

// statDim is the inquiry_stat dimension of each breakdown.
var statDim = map[string]string{ByChannel: "channel", ByAgent: "agent", ByProduct: "product", ByReason: "reason",
	ByType: "type", ByRegion: "region"}

// breakdown groups the period's inquiries by one dimension, most inquiries first.
func breakdown(ctx context.Context, q *sqldb.Queries, from, to, by string) ([]StatRow, error) {
	dim, ok := statDim[by]
	if !ok {
		return nil, fmt.Errorf("不能按“%s”统计：可以按 channel、agent、product、reason、type、region", by)
	}
	groups, err := sums(ctx, q, dim, from, to)
	if err != nil {
		return nil, err
	}
	var names map[int64]string
	if by == ByAgent {
		staff, err := q.StaffNames(ctx)
		if err != nil {
			return nil, fmt.Errorf("staff names: %w", err)
		}
		names = map[int64]string{}
		for _, st := range staff {
			names[st.ID] = st.Name
		}
	}
	rows := map[string]*StatRow{}
	for _, g := range groups {
		if by == ByReason && g.outcome != OutcomeNoDeal {
			continue // the reasons of the no-deal rows only
		}
		r := rows[g.val]
		if r == nil {
			r = &StatRow{Key: g.val}
			switch {
			case by == ByAgent:
				r.AgentID, _ = strconv.ParseInt(g.val, 10, 64)
				r.Key = names[r.AgentID]
				if r.AgentID == 0 {
					r.Key = NoAgent
				} else if r.Key == "" {
					r.Key = "#" + g.val
				}
			case g.val == "":
				r.Key = NoValue
			}
			rows[g.val] = r
		}
		r.Inquiries += g.n
		switch {
		case by == ByReason:
		case g.outcome == OutcomeDeal:
			r.Deals += g.n
			r.AmountFen += g.amount
		case g.outcome == OutcomePending:
			r.Pending += g.n
		}
	}
	out := make([]StatRow, 0, len(rows))
	for _, r := range rows {
		if r.Inquiries == 0 {
			continue
		}
		r.Conversion = Conversion(r.Deals, r.Inquiries)
		if by != ByAgent {
			r.AmountFen = 0 // the amount is the agent ranking's
		}
		out = append(out, *r)
	}
	slices.SortStableFunc(out, func(x, y StatRow) int {
		return cmp.Or(cmp.Compare(y.Inquiries, x.Inquiries), cmp.Compare(x.Key, y.Key))
	})
	return out, nil
}
