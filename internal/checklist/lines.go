package checklist

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/anomaly"
	"shopdesk/internal/stock"
)

// topN is how many things a line names under its count (the print has room for three).
const topN = 3

// moment is what a list is made for: the day and the shop-local time ("now").
type moment struct {
	day time.Time // the list's day (midnight, UTC with no zone meaning)
	now time.Time // shop-local wall time
	// live: read what the modules keep (the anomalies as last evaluated, the stock figures of
	// today); else compute everything as of now and keep nothing (`--at`, a day not today).
	live bool
}

func (m moment) dayText() string { return m.day.Format(dayLayout) }

// lines reads every module's lines for the moment, in the order of the morning routine.
func (s *Store) lines(ctx context.Context, m moment) ([]Line, error) {
	var out []Line
	anomalies, err := s.anomalyLines(ctx, m)
	if err != nil {
		return nil, err
	}
	orders, err := s.orderLines(ctx, m)
	if err != nil {
		return nil, err
	}
	// The anomaly lines of the orders section come after the day's orders per shop.
	for _, l := range anomalies {
		if l.Section == SectionAfterSales {
			out = append(out, l)
		}
	}
	out = append(out, orders...)
	for _, l := range anomalies {
		if l.Section == SectionOrders {
			out = append(out, l)
		}
	}
	for _, read := range []func(context.Context, moment) ([]Line, error){s.stockLines, s.followUpLines, s.staffLines, s.metricLines, s.taskLines} {
		ls, err := read(ctx, m)
		if err != nil {
			return nil, err
		}
		out = append(out, ls...)
	}
	return out, nil
}

// anomalyLine is how an anomaly kind appears on the list.
type anomalyLine struct {
	anomaly, section, kind, title string
}

// anomalyLines are the anomaly kinds on the list, in its order.
var anomalyLines = []anomalyLine{
	{anomaly.KindRefund, SectionAfterSales, KindRefund, "退款/售后待处理"},
	{anomaly.KindLogistics, SectionAfterSales, KindLogistics, "物流异常"},
	{anomaly.KindComplaint, SectionAfterSales, KindComplaint, "投诉（24 小时内处理）"},
	{anomaly.KindBigOrder, SectionOrders, KindBigOrder, "大额订单"},
	{anomaly.KindOverdueShipment, SectionOrders, KindOverdue, "超时未发货"},
	{anomaly.KindDueSoon, SectionOrders, KindDueSoon, "即将超时，尽快发货"},
	{anomaly.KindUnpaid, SectionOrders, KindUnpaid, "待催付"},
}

func (s *Store) anomalyLines(ctx context.Context, m moment) ([]Line, error) {
	st := s.src.Anomalies
	if st == nil {
		return nil, nil
	}
	counts := map[string]int64{}
	tops := map[string][]anomaly.Anomaly{}
	if m.live {
		for _, a := range anomalyLines {
			p, err := st.List(ctx, anomaly.Query{Kind: a.anomaly, PageSize: topN})
			if err != nil {
				return nil, fmt.Errorf("checklist: anomalies: %w", err)
			}
			counts[a.anomaly], tops[a.anomaly] = p.Total, p.Rows
		}
	} else {
		_, err := st.AsOfEach(ctx, anomaly.WallAt(m.now), anomaly.Query{}, func(p anomaly.Page) error {
			for _, g := range p.Groups {
				counts[g.Kind] = g.Count
			}
			return nil
		}, func(a anomaly.Anomaly) error {
			if len(tops[a.Kind]) < topN {
				tops[a.Kind] = append(tops[a.Kind], a)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("checklist: anomalies as of %s: %w", m.now.Format(wallLayout), err)
		}
	}
	var out []Line
	for _, a := range anomalyLines {
		n := counts[a.anomaly]
		if n == 0 {
			continue
		}
		l := Line{Key: "anomaly." + a.anomaly, Section: a.section, Kind: a.kind, Source: "anomaly",
			Title: a.title, Count: n, Link: "anomalies?kind=" + a.anomaly, Params: map[string]string{}}
		for _, r := range tops[a.anomaly] {
			text := r.ShopName + " " + r.OrderNo
			if r.AmountFen != 0 {
				text += " ¥" + yuan(r.AmountFen)
			} else if r.PayFen != 0 {
				text += " ¥" + yuan(r.PayFen)
			}
			if r.Deadline != "" {
				text += " · 截止 " + short(r.Deadline)
			}
			l.Top = append(l.Top, Top{Text: text, Ref: r.OrderNo})
		}
		// The worklist puts the soonest deadline first: the oldest one still open.
		if len(tops[a.anomaly]) > 0 && tops[a.anomaly][0].Deadline != "" {
			dl := short(tops[a.anomaly][0].Deadline)
			l.Detail = "最早截止 " + dl
			l.Params["deadline"] = dl
		}
		out = append(out, l)
	}
	return out, nil
}

// orderLines: yesterday's paid orders and sales, one line per shop that had any.
func (s *Store) orderLines(ctx context.Context, m moment) ([]Line, error) {
	q := s.db.Queries()
	from := m.day.AddDate(0, 0, -1)
	p := sqldb.ChecklistDayOrdersParams{FromAt: from.Format(dayLayout) + " 00:00:00", ToAt: m.dayText() + " 00:00:00"}
	rows, err := q.ChecklistDayOrders(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("checklist: yesterday's orders: %w", err)
	}
	var out []Line
	for _, r := range rows {
		sales := yuan(r.SalesFen)
		l := Line{Key: "orders.day." + strconv.FormatInt(r.ShopID, 10), Section: SectionOrders, Kind: KindDayOrders,
			Source: "orders", Title: "昨日订单：" + r.ShopName, Count: r.Orders,
			Detail: fmt.Sprintf("%d 单，销售额 ¥%s", r.Orders, sales),
			Link:   fmt.Sprintf("orders?shop=%d&from=%s&to=%s", r.ShopID, from.Format(dayLayout), from.Format(dayLayout)),
			Params: map[string]string{"shop": r.ShopName, "sales": sales, "day": from.Format(dayLayout)}}
		top, err := q.ChecklistTopDayOrders(ctx, sqldb.ChecklistTopDayOrdersParams{ShopID: r.ShopID, FromAt: p.FromAt, ToAt: p.ToAt, Lim: topN})
		if err != nil {
			return nil, fmt.Errorf("checklist: yesterday's biggest orders: %w", err)
		}
		for _, o := range top {
			l.Top = append(l.Top, Top{Text: o.OrderNo + " ¥" + yuan(o.PayFen) + " " + cut(o.Title, 14), Ref: o.OrderNo})
		}
		out = append(out, l)
	}
	return out, nil
}

// stockLine is how a stock status appears on the list, and what its first few are sorted by.
type stockLine struct {
	status, kind, title, sort string
	desc                      bool
}

var stockLines = []stockLine{
	{stock.StatusReorder, KindReorder, "需补货", "days_left", false},
	{stock.StatusOut, KindOut, "缺货", "avg", true},
	{stock.StatusOverstock, KindOverstock, "积压", "value", true},
}

func (s *Store) stockLines(ctx context.Context, m moment) ([]Line, error) {
	st := s.src.Stock
	if st == nil {
		return nil, nil
	}
	counts := map[string]int64{}
	tops := map[string][]stock.Row{}
	if m.live && st.Today().Equal(m.day) {
		for _, sl := range stockLines {
			p, err := st.List(ctx, stock.Query{Status: sl.status, Sort: sl.sort, Desc: sl.desc, PageSize: topN})
			if err != nil {
				return nil, fmt.Errorf("checklist: stock sheet: %w", err)
			}
			counts[sl.status], tops[sl.status] = p.Total, p.Rows
		}
	} else {
		rows, err := st.AsOf(ctx, m.day)
		if err != nil {
			return nil, fmt.Errorf("checklist: stock as of %s: %w", m.dayText(), err)
		}
		for _, sl := range stockLines {
			var these []stock.Row
			for _, r := range rows {
				if r.Status == sl.status && r.Active {
					these = append(these, r)
				}
			}
			counts[sl.status] = int64(len(these))
			sortRows(these, sl)
			tops[sl.status] = these[:min(topN, len(these))]
		}
	}
	var out []Line
	for _, sl := range stockLines {
		if counts[sl.status] == 0 {
			continue
		}
		l := Line{Key: "stock." + sl.status, Section: SectionStock, Kind: sl.kind, Source: "stock", Title: sl.title,
			Count: counts[sl.status], Link: "stock?status=" + sl.status}
		for _, r := range tops[sl.status] {
			text := r.Code + " " + cut(r.Name, 12) + " 库存 " + strconv.FormatInt(r.OnHand, 10)
			if sl.status == stock.StatusReorder && r.ReorderQty > 0 {
				text += " · 建议补 " + strconv.FormatInt(r.ReorderQty, 10)
			}
			if sl.status == stock.StatusOverstock && r.DaysLeft != nil {
				text += fmt.Sprintf(" · 可售 %.0f 天", *r.DaysLeft)
			}
			l.Top = append(l.Top, Top{Text: text, Ref: r.Code})
		}
		out = append(out, l)
	}
	return out, nil
}

// sortRows sorts as the stock sheet's sort key does (the few keys the list uses).
func sortRows(rows []stock.Row, sl stockLine) {
	key := func(r stock.Row) float64 {
		switch sl.sort {
		case "days_left":
			if r.DaysLeft == nil {
				return 1e18
			}
			return *r.DaysLeft
		case "avg":
			return r.AvgWindow
		default:
			return float64(r.ValueFen)
		}
	}
	less := func(a, b stock.Row) bool {
		ka, kb := key(a), key(b)
		if ka != kb {
			if sl.desc {
				return ka > kb
			}
			return ka < kb
		}
		return a.Code < b.Code
	}
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && less(rows[j], rows[j-1]); j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
}

func (s *Store) followUpLines(ctx context.Context, m moment) ([]Line, error) {
	st := s.src.Inquiry
	if st == nil {
		return nil, nil
	}
	f, err := st.DueFollowUps(ctx, m.dayText())
	if err != nil {
		return nil, fmt.Errorf("checklist: follow-ups: %w", err)
	}
	if f.Due == 0 {
		return nil, nil
	}
	l := Line{Key: "inquiry.follow_up", Section: SectionFollowUp, Kind: KindFollowUp, Source: "inquiry",
		Title: "到期的跟进和回访", Count: f.Due, Link: "inquiry?tab=followUps"}
	overdue := 0
	for _, r := range f.Rows {
		if r.State != "open" {
			continue
		}
		if r.Overdue {
			overdue++
		}
		if len(l.Top) < topN {
			what := "跟进"
			if r.Kind == "revisit" {
				what = fmt.Sprintf("第 %d 天回访", r.Step)
			}
			text := r.Customer + " " + what
			if r.AgentName != "" {
				text += "（" + r.AgentName + "）"
			}
			if r.Overdue {
				text += " · 已过期 " + r.DueOn[5:]
			}
			l.Top = append(l.Top, Top{Text: text, Ref: r.Customer})
		}
	}
	if overdue > 0 {
		l.Detail = fmt.Sprintf("其中 %d 个已过期", overdue)
		l.Params = map[string]string{"overdue": strconv.Itoa(overdue)}
	}
	return []Line{l}, nil
}

func (s *Store) staffLines(ctx context.Context, m moment) ([]Line, error) {
	st := s.src.Staff
	if st == nil {
		return nil, nil
	}
	var out []Line
	rota, err := st.Rota(ctx, m.day.Format("2006-01"))
	if err != nil {
		return nil, fmt.Errorf("checklist: rota: %w", err)
	}
	names := map[int64]string{}
	for _, p := range rota.People {
		names[p.ID] = p.Name
	}
	shifts := map[int64]string{}
	for _, sh := range rota.Shifts {
		shifts[sh.ID] = sh.Name + " " + sh.Start + "-" + sh.End
	}
	on := Line{Key: "staff.on_shift", Section: SectionStaff, Kind: KindOnShift, Source: "staff", Title: "今日值班",
		Link: "staff?tab=rota"}
	var who []string
	for _, c := range rota.Cells {
		if c.Day != m.dayText() || c.Rest || len(c.ShiftIDs) == 0 {
			continue
		}
		on.Count++
		var sh []string
		for _, id := range c.ShiftIDs {
			sh = append(sh, shifts[id])
		}
		who = append(who, names[c.StaffID])
		// Everyone on shift is named (a team is 2-10 people): the print's top lines say who.
		on.Top = append(on.Top, Top{Text: names[c.StaffID] + " " + strings.Join(sh, "、"), Ref: names[c.StaffID]})
	}
	if on.Count > 0 {
		on.Detail = strings.Join(who, "、")
		on.Params = map[string]string{"people": on.Detail}
		out = append(out, on)
	}
	notes, err := st.Handovers(ctx, 100)
	if err != nil {
		return nil, fmt.Errorf("checklist: handover book: %w", err)
	}
	ho := Line{Key: "staff.handover", Section: SectionStaff, Kind: KindHandover, Source: "staff",
		Title: "交接本待确认", Link: "staff?tab=handover"}
	for _, h := range notes {
		// Notes written after the list's moment are not yet there (a past day made again).
		if h.AckAt != "" || h.WrittenAt > m.now.Format(wallLayout) {
			continue
		}
		ho.Count++
		if len(ho.Top) < topN {
			text := strings.TrimSpace(h.WriterName + " " + h.ShiftName + " " + short(h.WrittenAt))
			if n := firstOf(h.Orders, h.Buyers, h.Anomalies, h.Note); n != "" {
				text += "：" + cut(n, 20)
			}
			ho.Top = append(ho.Top, Top{Text: text, Ref: strconv.FormatInt(h.ID, 10)})
		}
	}
	if ho.Count > 0 {
		out = append(out, ho)
	}
	return out, nil
}

func (s *Store) metricLines(ctx context.Context, m moment) ([]Line, error) {
	if s.src.Metrics == nil {
		return nil, nil
	}
	ls, err := s.src.Metrics.ChecklistLines(ctx, m.dayText())
	if err != nil {
		return nil, fmt.Errorf("checklist: shop metrics: %w", err)
	}
	return ls, nil
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// short writes a stored "YYYY-MM-DD HH:MM:SS" as "MM-DD HH:MM" (the print is narrow).
func short(wall string) string {
	if len(wall) >= 16 {
		return wall[5:16]
	}
	return wall
}

// cut shortens text to n characters with an ellipsis.
func cut(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

// yuan writes fen as yuan with thousands separators: 123456 -> "1,234.56".
func yuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	whole := strconv.FormatInt(fen/100, 10)
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return fmt.Sprintf("%s%s.%02d", sign, b.String(), fen%100)
}
