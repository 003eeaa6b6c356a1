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
	t, err := q.StatsTotal(ctx, sqldb.StatsTotalParams{FromDay: from, ToDay: to})
	if err != nil {
		return a, fmt.Errorf("inquiry totals: %w", err)
	}
	a.Totals = Totals{Inquiries: t.Inquiries, Deals: t.Deals, Pending: t.Pending, NoDeals: t.NoDeals,
		Conversion: Conversion(t.Deals, t.Inquiries), AmountFen: t.AmountFen}
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
	amounts, err := q.StatsDealAmountByAgent(ctx, sqldb.StatsDealAmountByAgentParams{FromDay: from, ToDay: to})
	if err != nil {
		return a, fmt.Errorf("deal amounts by agent: %w", err)
	}
	for _, m := range amounts {
		for i := range a.Agents {
			if a.Agents[i].AgentID == m.AgentID {
				a.Agents[i].AmountFen = m.AmountFen
			}
		}
	}
	slices.SortStableFunc(a.Agents, func(x, y StatRow) int {
		return cmp.Or(cmp.Compare(y.Deals, x.Deals), cmp.Compare(y.Conversion, x.Conversion),
			cmp.Compare(y.AmountFen, x.AmountFen), cmp.Compare(x.Key, y.Key))
	})
	days, err := q.StatsByDay(ctx, sqldb.StatsByDayParams{FromDay: from, ToDay: to})
	if err != nil {
		return a, fmt.Errorf("inquiries by day: %w", err)
	}
	a.Trend = trend(from, to, days)
	return a, nil
}

func trend(from, to string, days []sqldb.StatsByDayRow) []StatRow {
	byDay := map[string]sqldb.StatsByDayRow{}
	for _, d := range days {
		byDay[d.Dim] = d
	}
	f, _ := time.Parse("2006-01-02", from)
	t, _ := time.Parse("2006-01-02", to)
	if t.Sub(f) > maxTrendDays*24*time.Hour {
		f = t.AddDate(0, 0, -maxTrendDays)
	}
	var out []StatRow
	for d := f; !d.After(t); d = d.AddDate(0, 0, 1) {
		k := d.Format("2006-01-02")
		r := byDay[k]
		out = append(out, StatRow{Key: k, Inquiries: r.Inquiries, Deals: r.Deals, Pending: r.Pending,
			Conversion: Conversion(r.Deals, r.Inquiries)})
	}
	return out
}

// breakdown groups the period's inquiries by one dimension, most inquiries first.
func breakdown(ctx context.Context, q *sqldb.Queries, from, to, by string) ([]StatRow, error) {
	var out []StatRow
	add := func(key string, n, deals, pending int64) {
		if key == "" {
			key = NoValue
		}
		out = append(out, StatRow{Key: key, Inquiries: n, Deals: deals, Pending: pending, Conversion: Conversion(deals, n)})
	}
	var err error
	switch by {
	case ByChannel:
		var rows []sqldb.StatsByChannelRow
		if rows, err = q.StatsByChannel(ctx, sqldb.StatsByChannelParams{FromDay: from, ToDay: to}); err == nil {
			for _, r := range rows {
				add(r.Dim, r.Inquiries, r.Deals, r.Pending)
			}
		}
	case ByType:
		var rows []sqldb.StatsByTypeRow
		if rows, err = q.StatsByType(ctx, sqldb.StatsByTypeParams{FromDay: from, ToDay: to}); err == nil {
			for _, r := range rows {
				add(r.Dim, r.Inquiries, r.Deals, r.Pending)
			}
		}
	case ByRegion:
		var rows []sqldb.StatsByRegionRow
		if rows, err = q.StatsByRegion(ctx, sqldb.StatsByRegionParams{FromDay: from, ToDay: to}); err == nil {
			for _, r := range rows {
				add(r.Dim, r.Inquiries, r.Deals, r.Pending)
			}
		}
	case ByReason:
		var rows []sqldb.StatsByReasonRow
		if rows, err = q.StatsByReason(ctx, sqldb.StatsByReasonParams{FromDay: from, ToDay: to}); err == nil {
			for _, r := range rows {
				add(r.Dim, r.Inquiries, 0, 0)
			}
		}
	case ByProduct:
		var rows []sqldb.StatsByProductRow
		if rows, err = q.StatsByProduct(ctx, sqldb.StatsByProductParams{FromDay: from, ToDay: to}); err == nil {
			for _, r := range rows {
				add(r.Dim, r.Inquiries, r.Deals, r.Pending)
			}
			var none sqldb.StatsNoProductRow
			if none, err = q.StatsNoProduct(ctx, sqldb.StatsNoProductParams{FromDay: from, ToDay: to}); err == nil && none.Inquiries > 0 {
				add(NoValue, none.Inquiries, none.Deals, none.Pending)
			}
		}
	case ByAgent:
		var rows []sqldb.StatsByAgentRow
		if rows, err = q.StatsByAgent(ctx, sqldb.StatsByAgentParams{FromDay: from, ToDay: to}); err != nil {
			break
		}
		var names []sqldb.StaffNamesRow
		if names, err = q.StaffNames(ctx); err != nil {
			break
		}
		name := map[int64]string{}
		for _, n := range names {
			name[n.ID] = n.Name
		}
		for _, r := range rows {
			key := name[r.AgentID]
			if r.AgentID == 0 {
				key = NoAgent
			} else if key == "" {
				key = "#" + strconv.FormatInt(r.AgentID, 10)
			}
			out = append(out, StatRow{Key: key, AgentID: r.AgentID, Inquiries: r.Inquiries, Deals: r.Deals,
				Pending: r.Pending, Conversion: Conversion(r.Deals, r.Inquiries)})
		}
	default:
		return nil, fmt.Errorf("不能按“%s”统计：可以按 channel、agent、product、reason、type、region", by)
	}
	if err != nil {
		return nil, fmt.Errorf("inquiries by %s: %w", by, err)
	}
	slices.SortStableFunc(out, func(x, y StatRow) int {
		return cmp.Or(cmp.Compare(y.Inquiries, x.Inquiries), cmp.Compare(x.Key, y.Key))
	})
	if out == nil {
		out = []StatRow{}
	}
	return out, nil
}
