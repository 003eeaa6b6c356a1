// Package metrics is the shops' daily figures (店铺数据): visitors, paying buyers and
// promotion spend typed in (or imported), orders, sales and refunds from the imported
// orders; the derived figures of domain.md "Formulas"; a monthly sales target split into
// days; and alerts when a figure moves more than N % against its 7-day average.
package metrics

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"shopdesk/db"
	"shopdesk/db/sqldb"
	"shopdesk/internal/checklist"
	"shopdesk/internal/settings"
	"shopdesk/internal/shop"
)

// AlertPct is the setting: a figure that moves more than this many percent against its
// average of the 7 days before is an alert (default 30 %).
const AlertPct = "metric_alert_pct"

// Defs are the metrics' settings (stored with the others, see settings.ValuesOf).
var Defs = []settings.Def{
	{Key: AlertPct, Name: "店铺数据波动提醒（%）", Default: 30, Min: 1, Max: 500, Step: 1, Unit: settings.UnitPercent, Rule: "metrics"},
}

// avgDays is the span an alert compares a day against.
const avgDays = 7

// minKnownDays of those must have the figure before it is compared: a shop with a day or two
// of figures (just started, or typed in only now and then) would be "up 300 %" every day.
const minKnownDays = 3

// Day is one shop's figures of one day. Nil: not known (not typed, not imported).
type Day struct {
	ShopID    int64  `json:"shopId"`
	Day       string `json:"day"`
	Visitors  *int64 `json:"visitors"`
	PageViews *int64 `json:"pageViews"`
	Buyers    *int64 `json:"buyers"`
	PromoFen  *int64 `json:"promoFen"`
	// From the orders placed that day.
	Orders    int64 `json:"orders"`
	SalesFen  int64 `json:"salesFen"`
	RefundFen int64 `json:"refundFen"`
	PaidAll   int64 `json:"paidAll"`
	Refunded  int64 `json:"refunded"`
	// Derived (nil when a part is not known or zero).
	Conversion *float64 `json:"conversion"` // paying buyers / visitors
	AOVFen     *int64   `json:"aovFen"`     // sales / paying buyers (orders when buyers are not known)
	RefundRate *float64 `json:"refundRate"` // refunded orders / paid orders
	PromoRatio *float64 `json:"promoRatio"` // promotion spend / sales
	TargetFen  int64    `json:"targetFen"`  // the day's share of the month's target (0: none)
}

// Input is what the seller types for a day.
type Input struct {
	ShopID    int64  `json:"shopId"`
	Day       string `json:"day"`
	Visitors  *int64 `json:"visitors"`
	PageViews *int64 `json:"pageViews"`
	Buyers    *int64 `json:"buyers"`
	PromoFen  *int64 `json:"promoFen"`
}

// Store is the metrics of one database.
type Store struct {
	db  *db.DB
	now func() time.Time
}

// New returns the store over d.
func New(d *db.DB) *Store { return &Store{db: d, now: time.Now} }

// SetClock replaces the store's clock (tests).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// Today is the day now in the shops' zone ('YYYY-MM-DD'): the page's month and the end of
// its trend, whatever the zone of the PC or the browser.
func (s *Store) Today() string { return s.now().In(shop.Location("")).Format(dayLayout) }

const dayLayout = "2006-01-02"

// Save keeps a day's typed figures (one upsert; a nil figure is "not known").
func (s *Store) Save(ctx context.Context, in Input) error {
	if _, err := time.Parse(dayLayout, in.Day); err != nil {
		return fmt.Errorf("“%s”不是日期：请写成 2026-11-22 这样", in.Day)
	}
	for name, v := range map[string]*int64{"访客数": in.Visitors, "浏览量": in.PageViews, "支付买家数": in.Buyers, "推广花费": in.PromoFen} {
		if v != nil && *v < 0 {
			return fmt.Errorf("%s不能是负数：%d", name, *v)
		}
	}
	if in.Visitors != nil && in.Buyers != nil && *in.Buyers > *in.Visitors {
		return fmt.Errorf("支付买家数 %d 比访客数 %d 还多：请检查", *in.Buyers, *in.Visitors)
	}
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		err := q.UpsertShopMetric(ctx, sqldb.UpsertShopMetricParams{ShopID: in.ShopID, Day: in.Day, Visitors: in.Visitors,
			PageViews: in.PageViews, Buyers: in.Buyers, PromoFen: in.PromoFen, Now: time.Now().UTC().Format("2006-01-02 15:04:05")})
		if err != nil {
			return fmt.Errorf("metrics: save %s: %w", in.Day, err)
		}
		return nil
	})
}

// SetTarget sets a shop's sales target of a month ("2026-11"), in fen.
func (s *Store) SetTarget(ctx context.Context, shopID int64, month string, fen int64) error {
	if _, err := time.Parse("2006-01", month); err != nil {
		return fmt.Errorf("“%s”不是月份：请写成 2026-11 这样", month)
	}
	if fen < 0 {
		return fmt.Errorf("目标不能是负数")
	}
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		return q.SetShopTarget(ctx, sqldb.SetShopTargetParams{ShopID: shopID, Month: month, SalesFen: fen})
	})
}

// DayShare is a month's target split evenly into its days, in whole fen: the first days
// take the fen left over, so that the days add up to the target.
func DayShare(monthFen int64, day time.Time) int64 {
	n := int64(time.Date(day.Year(), day.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day())
	share := monthFen / n
	if int64(day.Day()) <= monthFen%n {
		share++
	}
	return share
}

// Range returns every shop's figures of the days [from, to] (every day, known or not).
func (s *Store) Range(ctx context.Context, from, to string) (map[int64][]Day, error) {
	f, err := time.Parse(dayLayout, from)
	if err != nil {
		return nil, fmt.Errorf("“%s”不是日期", from)
	}
	t, err := time.Parse(dayLayout, to)
	if err != nil || t.Before(f) {
		return nil, fmt.Errorf("“%s”不是 %s 之后的日期", to, from)
	}
	q := s.db.Queries()
	shops, err := shop.New(s.db).List(ctx)
	if err != nil {
		return nil, err
	}
	n := int(t.Sub(f).Hours()/24) + 1
	out := map[int64][]Day{}
	for _, sh := range shops {
		days := make([]Day, n)
		for i := range days {
			days[i] = Day{ShopID: sh.ID, Day: f.AddDate(0, 0, i).Format(dayLayout)}
		}
		out[sh.ID] = days
	}
	at := func(shopID int64, day string) *Day {
		d, err := time.Parse(dayLayout, day)
		if err != nil || out[shopID] == nil {
			return nil
		}
		i := int(d.Sub(f).Hours() / 24)
		if i < 0 || i >= n {
			return nil
		}
		return &out[shopID][i]
	}
	typed, err := q.ListShopMetrics(ctx, sqldb.ListShopMetricsParams{FromDay: from, ToDay: to})
	if err != nil {
		return nil, fmt.Errorf("metrics: read: %w", err)
	}
	for _, r := range typed {
		if d := at(r.ShopID, r.Day); d != nil {
			d.Visitors, d.PageViews, d.Buyers, d.PromoFen = r.Visitors, r.PageViews, r.Buyers, r.PromoFen
		}
	}
	ords, err := q.MetricDailyOrders(ctx, sqldb.MetricDailyOrdersParams{FromAt: from + " 00:00:00", ToAt: t.AddDate(0, 0, 1).Format(dayLayout) + " 00:00:00"})
	if err != nil {
		return nil, fmt.Errorf("metrics: orders: %w", err)
	}
	for _, r := range ords {
		if d := at(r.ShopID, fmt.Sprint(r.Day)); d != nil {
			d.Orders, d.SalesFen, d.PaidAll, d.Refunded, d.RefundFen = r.Orders, r.SalesFen, r.PaidAll, r.Refunded, r.RefundFen
		}
	}
	targets, err := q.ListShopTargets(ctx, sqldb.ListShopTargetsParams{FromMonth: from[:7], ToMonth: to[:7]})
	if err != nil {
		return nil, fmt.Errorf("metrics: targets: %w", err)
	}
	for _, tg := range targets {
		for i := range out[tg.ShopID] {
			d := &out[tg.ShopID][i]
			if d.Day[:7] == tg.Month {
				day, _ := time.Parse(dayLayout, d.Day)
				d.TargetFen = DayShare(tg.SalesFen, day)
			}
		}
	}
	for _, days := range out {
		for i := range days {
			derive(&days[i])
		}
	}
	return out, nil
}

// derive works out the figures of domain.md "Formulas" from what is known.
func derive(d *Day) {
	ratio := func(a, b float64) *float64 {
		if b <= 0 {
			return nil
		}
		v := math.Round(a/b*10000) / 10000
		return &v
	}
	if d.Visitors != nil && d.Buyers != nil {
		d.Conversion = ratio(float64(*d.Buyers), float64(*d.Visitors))
	}
	buyers := d.Orders
	if d.Buyers != nil {
		buyers = *d.Buyers
	}
	if buyers > 0 {
		v := int64(math.Round(float64(d.SalesFen) / float64(buyers)))
		d.AOVFen = &v
	}
	d.RefundRate = ratio(float64(d.Refunded), float64(d.PaidAll))
	if d.PromoFen != nil {
		d.PromoRatio = ratio(float64(*d.PromoFen), float64(d.SalesFen))
	}
}

// Figure ids an alert can be about.
var Figures = []string{"visitors", "buyers", "orders", "sales", "conversion", "promo"}

var figureName = map[string]string{"visitors": "访客数", "buyers": "支付买家数", "orders": "订单数", "sales": "销售额",
	"conversion": "转化率", "promo": "推广花费"}

// value is a figure of a day (false: not known).
func value(d Day, figure string) (float64, bool) {
	switch figure {
	case "visitors":
		if d.Visitors != nil {
			return float64(*d.Visitors), true
		}
	case "buyers":
		if d.Buyers != nil {
			return float64(*d.Buyers), true
		}
	case "orders":
		return float64(d.Orders), true
	case "sales":
		return float64(d.SalesFen), true
	case "conversion":
		if d.Conversion != nil {
			return *d.Conversion, true
		}
	case "promo":
		if d.PromoFen != nil {
			return float64(*d.PromoFen), true
		}
	}
	return 0, false
}

// Alert is a figure of a day that moved more than the setting against its 7-day average.
type Alert struct {
	ShopID   int64   `json:"shopId"`
	ShopName string  `json:"shopName"`
	Day      string  `json:"day"`
	Figure   string  `json:"figure"`
	Value    float64 `json:"value"`
	Average  float64 `json:"average"`
	Change   float64 `json:"change"` // (value - average) / average, e.g. -0.42
}

// Alerts compares each shop's figures of day with their average over the 7 days before
// (only days where the figure is known; fewer than minKnownDays known, or an average of 0:
// no alert), the biggest moves first.
func (s *Store) Alerts(ctx context.Context, day string) ([]Alert, error) {
	d, err := time.Parse(dayLayout, day)
	if err != nil {
		return nil, fmt.Errorf("“%s”不是日期", day)
	}
	v, err := settings.ValuesOf(ctx, s.db.Queries(), Defs)
	if err != nil {
		return nil, err
	}
	limit := v[AlertPct] / 100
	all, err := s.Range(ctx, d.AddDate(0, 0, -avgDays).Format(dayLayout), day)
	if err != nil {
		return nil, err
	}
	names, err := shopNames(ctx, s.db)
	if err != nil {
		return nil, err
	}
	out := []Alert{}
	for _, id := range sortedIDs(all) {
		days := all[id]
		last := days[len(days)-1]
		for _, f := range Figures {
			cur, ok := value(last, f)
			if !ok {
				continue
			}
			var sum float64
			var n int
			for _, prev := range days[:len(days)-1] {
				if x, ok := value(prev, f); ok {
					sum += x
					n++
				}
			}
			if n < minKnownDays || sum == 0 {
				continue
			}
			avg := sum / float64(n)
			change := (cur - avg) / avg
			if math.Abs(change) > limit+1e-9 {
				out = append(out, Alert{ShopID: id, ShopName: names[id], Day: day, Figure: f, Value: cur, Average: avg,
					Change: math.Round(change*10000) / 10000})
			}
		}
	}
	// The biggest moves first: the checklist names the first few.
	slices.SortStableFunc(out, func(a, b Alert) int { return cmp.Compare(math.Abs(b.Change), math.Abs(a.Change)) })
	return out, nil
}

func shopNames(ctx context.Context, d *db.DB) (map[int64]string, error) {
	shops, err := shop.New(d).List(ctx)
	if err != nil {
		return nil, err
	}
	out := map[int64]string{}
	for _, s := range shops {
		out[s.ID] = s.Name
	}
	return out, nil
}

func sortedIDs[T any](m map[int64]T) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
	return ids
}

// ChecklistLines are the metrics' lines of a day's checklist: yesterday's figures that moved
// (one line, counting the alerts) and each shop's target for the day with yesterday's
// attainment.
func (s *Store) ChecklistLines(ctx context.Context, day string) ([]checklist.Line, error) {
	d, err := time.Parse(dayLayout, day)
	if err != nil {
		return nil, fmt.Errorf("“%s”不是日期", day)
	}
	yesterday := d.AddDate(0, 0, -1).Format(dayLayout)
	alerts, err := s.Alerts(ctx, yesterday)
	if err != nil {
		return nil, err
	}
	var out []checklist.Line
	if len(alerts) > 0 {
		l := checklist.Line{Key: "metrics.alerts", Section: checklist.SectionMetrics, Kind: checklist.KindMetricAlert,
			Source: "metrics", Title: "店铺数据异常波动（昨日比 7 日均值）", Count: int64(len(alerts)), Link: "metrics",
			Params: map[string]string{}}
		for _, a := range alerts[:min(3, len(alerts))] {
			l.Top = append(l.Top, checklist.Top{Text: AlertText(a), Ref: a.ShopName})
		}
		out = append(out, l)
	}
	rng, err := s.Range(ctx, yesterday, day)
	if err != nil {
		return nil, err
	}
	names, err := shopNames(ctx, s.db)
	if err != nil {
		return nil, err
	}
	// One line for the targets, a shop each under it (the print has a page for the day).
	target := checklist.Line{Key: "metrics.target", Section: checklist.SectionMetrics, Kind: checklist.KindTarget,
		Source: "metrics", Title: "今日销售目标", Link: "metrics", Params: map[string]string{}}
	var total int64
	for _, id := range sortedIDs(rng) {
		y, t := rng[id][0], rng[id][1]
		if t.TargetFen == 0 {
			continue
		}
		total += t.TargetFen
		text := names[id] + " ¥" + yuan(t.TargetFen)
		if y.TargetFen > 0 {
			text += "，昨日完成 " + strconv.FormatInt(int64(math.Round(float64(y.SalesFen)*100/float64(y.TargetFen))), 10) + "%"
		}
		target.Top = append(target.Top, checklist.Top{Text: text, Ref: names[id]})
	}
	if len(target.Top) > 0 {
		target.Detail = "合计 ¥" + yuan(total)
		target.Params["total"] = yuan(total)
		out = append(out, target)
	}
	return out, nil
}

// AlertText says an alert in Chinese: "小铺 访客数 1,200，比 7 日均值低 42%".
func AlertText(a Alert) string {
	dir := "高"
	if a.Change < 0 {
		dir = "低"
	}
	val := strconv.FormatFloat(a.Value, 'f', 0, 64)
	switch a.Figure {
	case "sales", "promo":
		val = "¥" + yuan(int64(a.Value))
	case "conversion":
		val = strconv.FormatFloat(a.Value*100, 'f', 2, 64) + "%"
	}
	return fmt.Sprintf("%s %s %s，比 7 日均值%s %.0f%%", a.ShopName, figureName[a.Figure], val, dir, math.Abs(a.Change)*100)
}

func yuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	whole := strconv.FormatInt(fen/100, 10)
	var b []byte
	for i := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, whole[i])
	}
	return fmt.Sprintf("%s%s.%02d", sign, b, fen%100)
}

// AlertPercent is the alert setting in force (percent).
func (s *Store) AlertPercent(ctx context.Context) (float64, error) {
	v, err := settings.ValuesOf(ctx, s.db.Queries(), Defs)
	if err != nil {
		return 0, err
	}
	return v[AlertPct], nil
}

// SetAlertPercent changes the alert setting (percent, 1-500).
func (s *Store) SetAlertPercent(ctx context.Context, pct float64) error {
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		return settings.SaveOf(ctx, q, Defs, map[string]float64{AlertPct: pct})
	})
}

// ShopDays is one shop's days (the service's shape: Wails types a list, not a map).
type ShopDays struct {
	ShopID int64 `json:"shopId"`
	Days   []Day `json:"days"`
}

// Shops returns Range as a list by shop id.
func (s *Store) Shops(ctx context.Context, from, to string) ([]ShopDays, error) {
	all, err := s.Range(ctx, from, to)
	if err != nil {
		return nil, err
	}
	out := make([]ShopDays, 0, len(all))
	for _, id := range sortedIDs(all) {
		out = append(out, ShopDays{ShopID: id, Days: all[id]})
	}
	return out, nil
}
