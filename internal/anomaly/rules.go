package anomaly

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/settings"
	"shopdesk/internal/shop"
)

// Finding is one anomaly as a rule sees it now.
type Finding struct {
	Rule, Kind  string
	ShopID      int64
	OrderNo     string
	Subject     string // '' or what tells several anomalies of one rule and order apart
	OrderID     int64  // 0: no such order (a complaint or refund without one)
	Since       time.Time
	Deadline    time.Time // zero: none
	Basis       string    // how Since/Deadline were found, see the Basis* constants
	Detail      string    // the fact the rule saw, in the platform's words
	AmountFen   int64
	Fingerprint string // a change reopens an anomaly the user resolved
}

type findingKey struct {
	shopID                 int64
	orderNo, rule, subject string
}

func (f *Finding) key() findingKey { return findingKey{f.ShopID, f.OrderNo, f.Rule, f.Subject} }

// Basis values: where a finding's times come from. The UI explains each.
const (
	BasisPromised     = "promised"      // the export's 承诺发货时间
	BasisPaidPlus     = "paid_plus"     // paid time + the ship hours of 设置
	BasisCreatedPlus  = "created_plus"  // no paid time: created time + the ship hours
	BasisShippedAt    = "shipped_at"    // the export's 发货时间
	BasisStatusChange = "status_change" // the import that saw the status change
	BasisEstimated    = "estimated"     // no ship time: the earlier of paid + ship hours and the first import
	BasisMessage      = "message"
	BasisAddress      = "address"
	BasisMessageAddr  = "message_address"
	BasisRefundFile   = "refund_file"   // a refunds export (退款报表 / 售后)
	BasisItemStatus   = "item_status"   // the refund status of sub-orders
	BasisRefundAmount = "refund_amount" // only a refund amount, no status
	BasisAfterSale    = "after_sale"    // the order export's 售后状态
	BasisReturnBill   = "return_waybill"
	BasisMedian       = "median"   // Detail: the median in fen
	BasisFixed        = "fixed"    // Detail: the fixed amount in fen
	BasisQuantity     = "quantity" // Detail: the quantity threshold
)

// Notice says that a rule lacks the data it needs for a shop, and what it does instead.
type Notice struct {
	Rule     string `json:"rule"`
	Code     string `json:"code"` // no_promised_time, no_shipped_time, few_orders, no_refund_status, no_comp_data
	ShopID   int64  `json:"shopId"`
	ShopName string `json:"shopName"`
	Platform string `json:"platform"`
	Count    int    `json:"count"` // orders concerned (few_orders: orders in the median window)
	Value    int64  `json:"value"` // the threshold the rule falls back to (hours, orders)
}

// shopClock is one shop as the rules see it.
type shopClock struct {
	id             int64
	platform, name string
	now            time.Time     // local wall time
	offset         time.Duration // local = UTC + offset
}

// local converts a UTC time Shopdesk recorded (import_batch.finished_at) to the shop's wall time.
func (s *shopClock) local(utc string) (time.Time, bool) {
	t, ok := parseWall(utc)
	if !ok {
		return time.Time{}, false
	}
	return t.Add(s.offset), true
}

// evaluation collects what the rules find in one run.
type evaluation struct {
	t        settings.Thresholds
	shops    map[int64]*shopClock
	findings []Finding
	notices  map[[3]string]*Notice // rule, code, shop
}

func (e *evaluation) shop(id int64) *shopClock { return e.shops[id] }

func (e *evaluation) add(f Finding) { e.findings = append(e.findings, f) }

func (e *evaluation) notice(sc *shopClock, rule, code string, value int64, count int) {
	k := [3]string{rule, code, strconv.FormatInt(sc.id, 10)}
	n, ok := e.notices[k]
	if !ok {
		n = &Notice{Rule: rule, Code: code, ShopID: sc.id, ShopName: sc.name, Platform: sc.platform, Value: value}
		e.notices[k] = n
	}
	n.Count += count
}

func hours(n int) time.Duration { return time.Duration(n) * time.Hour }
func days(n int) time.Duration  { return time.Duration(n) * 24 * time.Hour }

// run reads the candidates of every rule and decides what fires.
func (e *evaluation) run(ctx context.Context, q *sqldb.Queries) error {
	// The SQL filters are wide enough for every shop's clock; the rules filter exactly.
	var earliest time.Time
	for _, sc := range e.shops {
		if earliest.IsZero() || sc.now.Before(earliest) {
			earliest = sc.now
		}
	}
	if earliest.IsZero() {
		return nil // no shop, nothing to find
	}
	margin := 24 * time.Hour // time zones between shops
	steps := []struct {
		name string
		run  func() error
	}{
		{"to-ship orders", func() error {
			rows, err := q.RuleToShipOrders(ctx)
			e.toShip(rows)
			return err
		}},
		{"shipped orders", func() error {
			rows, err := q.RuleShippedOrders(ctx)
			e.shipped(rows)
			return err
		}},
		{"unpaid orders", func() error {
			rows, err := q.RuleUnpaidOrders(ctx, fmtWall(earliest.Add(-hours(e.t.UnpaidCloseHours)-margin)))
			e.unpaid(rows)
			return err
		}},
		{"closed orders", func() error {
			from := earliest.Add(-days(e.t.LookbackDays) - margin)
			rows, err := q.RuleClosedPaidOrders(ctx, sqldb.RuleClosedPaidOrdersParams{
				FromTime: fmtWall(from), FromUtc: fmtWall(from.Add(-margin))})
			e.closedPaid(rows)
			return err
		}},
		{"late shipment compensations", func() error {
			rows, err := q.RuleLateCompOrders(ctx)
			e.lateComp(rows)
			return err
		}},
		{"refunds", func() error { return e.refunds(ctx, q) }},
		{"big orders", func() error { return e.bigOrders(ctx, q, margin) }},
		{"complaints", func() error {
			rows, err := q.RuleComplaints(ctx)
			e.complaints(rows)
			return err
		}},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return fmt.Errorf("anomaly rules: %s: %w", s.name, err)
		}
	}
	for _, sc := range e.shops {
		if !slices.Contains(compPlatforms, sc.platform) {
			e.notice(sc, KindLateShipComp, "no_comp_data", 0, 0)
		}
	}
	return nil
}

// compPlatforms are the platforms whose order exports say whether the platform compensated
// a late shipment (千牛 子订单导出: 是否赔付, 延迟发货主动赔付金额; layouts.json late_ship_comp).
var compPlatforms = []string{shop.Taobao}

// toShip: overdue_shipment / due_soon, and buyer_message.
func (e *evaluation) toShip(rows []sqldb.RuleToShipOrdersRow) {
	for _, o := range rows {
		sc := e.shop(o.ShopID)
		if sc == nil {
			continue
		}
		base, haveBase := parseWall(o.PaidAt)
		b := BasisPaidPlus
		if !haveBase {
			base, haveBase = parseWall(o.CreatedAt)
			b = BasisCreatedPlus
		}
		since := base
		deadline := time.Time{}
		if p, ok := parseWall(o.PromisedShipAt); ok {
			deadline, b = p, BasisPromised
		} else if haveBase {
			deadline = base.Add(hours(e.t.ShipHours))
			e.notice(sc, KindOverdueShipment, "no_promised_time", int64(e.t.ShipHours), 1)
		}
		if !deadline.IsZero() {
			// Past the deadline is overdue; the deadline itself and the hours before it are due soon.
			kind := ""
			switch {
			case sc.now.After(deadline):
				kind = KindOverdueShipment
			case !sc.now.Before(deadline.Add(-hours(e.t.DueSoonHours))):
				kind = KindDueSoon
			}
			if kind != "" {
				e.add(Finding{Rule: KindOverdueShipment, Kind: kind, ShopID: o.ShopID, OrderNo: o.OrderNo,
					OrderID: o.ID, Since: since, Deadline: deadline, Basis: b, Fingerprint: kind})
			}
		}
		if o.BuyerMessage != "" || o.AddressChanged != 0 {
			mb, fp := BasisMessage, o.BuyerMessage
			switch {
			case o.BuyerMessage != "" && o.AddressChanged != 0:
				mb, fp = BasisMessageAddr, o.BuyerMessage+"\x1f"+o.Address
			case o.AddressChanged != 0:
				mb, fp = BasisAddress, "\x1f"+o.Address
			}
			e.add(Finding{Rule: KindBuyerMessage, Kind: KindBuyerMessage, ShopID: o.ShopID, OrderNo: o.OrderNo,
				OrderID: o.ID, Since: since, Basis: mb, Detail: o.BuyerMessage, Fingerprint: fp})
		}
	}
}

// shipped: logistics_stalled, shipped more than the stalled days ago and not received.
func (e *evaluation) shipped(rows []sqldb.RuleShippedOrdersRow) {
	for _, o := range rows {
		sc := e.shop(o.ShopID)
		if sc == nil {
			continue
		}
		at, ok := parseWall(o.ShippedAt)
		basis := BasisShippedAt
		if !ok {
			e.notice(sc, KindLogistics, "no_shipped_time", int64(e.t.ShipHours), 1)
			if at, ok = sc.local(o.StatusSeenUtc); ok {
				basis = BasisStatusChange
			} else {
				// Shipped no later than the first import that saw it shipped, and most
				// likely within the ship hours after payment.
				at, ok = sc.local(o.FirstSeenUtc)
				if paid, pok := parseWall(o.PaidAt); pok {
					if est := paid.Add(hours(e.t.ShipHours)); !ok || est.Before(at) {
						at, ok = est, true
					}
				}
				basis = BasisEstimated
			}
		}
		if !ok || sc.now.Sub(at) <= days(e.t.StalledDays) {
			continue
		}
		e.add(Finding{Rule: KindLogistics, Kind: KindLogistics, ShopID: o.ShopID, OrderNo: o.OrderNo,
			OrderID: o.ID, Since: at, Basis: basis, Detail: strings.TrimSpace(o.Carrier + " " + o.TrackingNo)})
	}
}

// unpaid: created more than the unpaid hours ago, still unpaid, and not yet old enough for
// the platform to have closed it (the deadline of the chase).
func (e *evaluation) unpaid(rows []sqldb.RuleUnpaidOrdersRow) {
	for _, o := range rows {
		sc := e.shop(o.ShopID)
		created, ok := parseWall(o.CreatedAt)
		if sc == nil || !ok {
			continue
		}
		age := sc.now.Sub(created)
		if age <= hours(e.t.UnpaidAfterHours) || age > hours(e.t.UnpaidCloseHours) {
			continue
		}
		e.add(Finding{Rule: KindUnpaid, Kind: KindUnpaid, ShopID: o.ShopID, OrderNo: o.OrderNo, OrderID: o.ID,
			Since: created, Deadline: created.Add(hours(e.t.UnpaidCloseHours)), AmountFen: o.PayFen})
	}
}

// closedPaid: closed after payment, closed (or paid) within the look-back days.
func (e *evaluation) closedPaid(rows []sqldb.RuleClosedPaidOrdersRow) {
	for _, o := range rows {
		sc := e.shop(o.ShopID)
		if sc == nil {
			continue
		}
		since, ok := sc.local(o.StatusSeenUtc)
		basis := BasisStatusChange
		if !ok {
			since, ok = parseWall(o.PaidAt)
			basis = ""
		}
		if !ok || since.Before(sc.now.Add(-days(e.t.LookbackDays))) {
			continue
		}
		detail := o.StatusText
		if o.CloseReason != "" { // 关闭原因 / 取消原因, where the export has it
			detail = o.CloseReason
		}
		e.add(Finding{Rule: KindClosedPaid, Kind: KindClosedPaid, ShopID: o.ShopID, OrderNo: o.OrderNo,
			OrderID: o.ID, Since: since, Basis: basis, Detail: detail, AmountFen: o.PayFen})
	}
}

// lateComp: the platform compensated the buyer for a late shipment, within the look-back.
func (e *evaluation) lateComp(rows []sqldb.RuleLateCompOrdersRow) {
	for _, o := range rows {
		sc := e.shop(o.ShopID)
		if sc == nil {
			continue
		}
		since, ok := sc.local(o.SeenUtc)
		basis := BasisStatusChange
		if !ok {
			if since, ok = parseWall(o.ShippedAt); ok {
				basis = BasisShippedAt
			} else {
				since, ok = parseWall(o.PaidAt)
				basis = ""
			}
		}
		if !ok || since.Before(sc.now.Add(-days(e.t.LookbackDays))) {
			continue
		}
		e.add(Finding{Rule: KindLateShipComp, Kind: KindLateShipComp, ShopID: o.ShopID, OrderNo: o.OrderNo,
			OrderID: o.ID, Since: since, Basis: basis, AmountFen: o.LateShipCompFen,
			Fingerprint: strconv.FormatInt(o.LateShipCompFen, 10)})
	}
}

// Refund statuses in the platforms' words: none, finished, or open (anything else).
var (
	refundNone = []string{"-", "无", "无售后", "无退款", "没有申请退款", "未申请", "未申请退款"}
	refundDone = []string{"成功", "关闭", "完成", "取消", "撤销", "已退款"}
)

// RefundOpen reports whether a sub-order's refund status text means the refund still needs the seller.
func RefundOpen(status string) bool {
	status = strings.TrimSpace(status)
	if status == "" || slices.Contains(refundNone, status) {
		return false
	}
	for _, w := range refundDone {
		if strings.Contains(status, w) {
			return false
		}
	}
	return true
}

// refunds: open refunds of the refunds exports (with their deadline, and the return
// waybill for logistics_stalled); for orders without any refund row, the sub-orders'
// refund status, or else an order-level refund amount on an order still in progress.
func (e *evaluation) refunds(ctx context.Context, q *sqldb.Queries) error {
	withData := map[int64]bool{}
	shops, err := q.RuleRefundShops(ctx)
	if err != nil {
		return err
	}
	for _, id := range shops {
		withData[id] = true
	}
	open, err := q.RuleOpenRefunds(ctx)
	if err != nil {
		return err
	}
	for _, r := range open {
		sc := e.shop(r.ShopID)
		if sc == nil {
			continue
		}
		first, _ := sc.local(r.FirstSeenUtc)
		since, ok := parseWall(r.AppliedAt)
		if !ok {
			since = first
		}
		deadline, _ := parseWall(r.DeadlineAt)
		e.add(Finding{Rule: KindRefund, Kind: KindRefund, ShopID: r.ShopID, OrderNo: r.OrderNo, Subject: r.RefundNo,
			OrderID: r.OrderID, Since: since, Deadline: deadline, Basis: BasisRefundFile, Detail: r.StatusText,
			AmountFen: r.AmountFen, Fingerprint: r.StatusText})
		if r.ReturnTrackingNo != "" {
			seen, ok := sc.local(r.ReturnSeenUtc)
			if !ok {
				seen = since
			}
			e.add(Finding{Rule: KindLogistics, Kind: KindLogistics, ShopID: r.ShopID, OrderNo: r.OrderNo,
				Subject: "return:" + r.RefundNo, OrderID: r.OrderID, Since: seen, Basis: BasisReturnBill,
				Detail: strings.TrimSpace(r.ReturnCarrier + " " + r.ReturnTrackingNo), Fingerprint: r.ReturnTrackingNo})
		}
	}

	items, err := q.RuleRefundItems(ctx)
	if err != nil {
		return err
	}
	for i := 0; i < len(items); {
		j := i
		for j < len(items) && items[j].ID == items[i].ID {
			j++
		}
		order := items[i:j]
		i = j
		sc := e.shop(order[0].ShopID)
		if sc == nil {
			continue
		}
		withData[sc.id] = true
		var f *Finding
		var statuses []string
		for _, it := range order {
			if !RefundOpen(it.RefundStatus) {
				continue
			}
			seen, ok := sc.local(it.SeenUtc)
			if !ok {
				seen, _ = sc.local(it.FirstSeenUtc)
			}
			if f == nil {
				f = &Finding{Rule: KindRefund, Kind: KindRefund, ShopID: it.ShopID, OrderNo: it.OrderNo, OrderID: it.ID,
					Since: seen, Basis: BasisItemStatus, Detail: it.RefundStatus}
			} else if seen.Before(f.Since) {
				f.Since = seen
			}
			f.AmountFen += it.RefundFen
			statuses = append(statuses, it.SubOrderNo+"="+it.RefundStatus)
		}
		if f != nil {
			f.Fingerprint = strings.Join(statuses, "\x1f")
			e.add(*f)
		}
	}

	afterSales, err := q.RuleAfterSaleOrders(ctx)
	if err != nil {
		return err
	}
	for _, o := range afterSales {
		sc := e.shop(o.ShopID)
		if sc == nil {
			continue
		}
		withData[sc.id] = true
		if !RefundOpen(o.AfterSale) {
			continue
		}
		since, ok := sc.local(o.SeenUtc)
		if !ok {
			since, _ = sc.local(o.FirstSeenUtc)
		}
		amount := o.RefundFen
		if amount == 0 {
			amount = o.PayFen // the after-sale's own amount is in the after-sales export
		}
		e.add(Finding{Rule: KindRefund, Kind: KindRefund, ShopID: o.ShopID, OrderNo: o.OrderNo, OrderID: o.ID,
			Since: since, Basis: BasisAfterSale, Detail: o.AfterSale, AmountFen: amount, Fingerprint: o.AfterSale})
	}

	amounts, err := q.RuleOrderRefunds(ctx)
	if err != nil {
		return err
	}
	for _, o := range amounts {
		sc := e.shop(o.ShopID)
		if sc == nil {
			continue
		}
		since, ok := sc.local(o.SeenUtc)
		if !ok {
			since, _ = sc.local(o.FirstSeenUtc)
		}
		e.add(Finding{Rule: KindRefund, Kind: KindRefund, ShopID: o.ShopID, OrderNo: o.OrderNo, OrderID: o.ID,
			Since: since, Basis: BasisRefundAmount, Detail: o.StatusText, AmountFen: o.RefundFen,
			Fingerprint: strconv.FormatInt(o.RefundFen, 10)})
	}
	for _, sc := range e.shops {
		if !withData[sc.id] {
			e.notice(sc, KindRefund, "no_refund_status", 0, 0)
		}
	}
	return nil
}

// bigOrders: paid orders of the look-back days above the shop's usual amount (a multiple of
// its median over the median days), a fixed amount, or a quantity.
func (e *evaluation) bigOrders(ctx context.Context, q *sqldb.Queries, margin time.Duration) error {
	t := e.t
	type median struct{ n, fen int64 }
	medians := map[int64]median{}
	if t.BigOrderMultiple > 0 {
		// One median query per distinct clock (shops in one time zone share it).
		byNow := map[time.Time][]*shopClock{}
		for _, sc := range e.shops {
			byNow[sc.now] = append(byNow[sc.now], sc)
		}
		for now, scs := range byNow {
			rows, err := q.RuleWindowAmounts(ctx, sqldb.RuleWindowAmountsParams{
				FromTime: fmtWall(now.Add(-days(t.BigOrderMedianDays))), ToTime: fmtWall(now)})
			if err != nil {
				return err
			}
			amounts := map[int64][]int64{}
			for _, sc := range scs {
				amounts[sc.id] = nil
			}
			for _, r := range rows {
				if a, ok := amounts[r.ShopID]; ok {
					amounts[r.ShopID] = append(a, r.PayFen)
				}
			}
			for id, a := range amounts {
				if len(a) > 0 {
					slices.Sort(a)
					medians[id] = median{int64(len(a)), a[(len(a)-1)/2]} // the lower median of an even count
				}
			}
		}
		for _, sc := range e.shops {
			if m := medians[sc.id]; m.n < int64(t.BigOrderMinOrders) {
				e.notice(sc, KindBigOrder, "few_orders", int64(t.BigOrderMinOrders), int(m.n))
			}
		}
	}
	var earliest time.Time
	for _, sc := range e.shops {
		if earliest.IsZero() || sc.now.Before(earliest) {
			earliest = sc.now
		}
	}
	rows, err := q.RuleRecentPaidOrders(ctx, fmtWall(earliest.Add(-days(t.LookbackDays)-margin)))
	if err != nil {
		return err
	}
	for _, o := range rows {
		sc := e.shop(o.ShopID)
		created, ok := parseWall(o.CreatedAt)
		if sc == nil || !ok || created.Before(sc.now.Add(-days(t.LookbackDays))) || created.After(sc.now) {
			continue
		}
		basis, detail := "", ""
		m := medians[o.ShopID]
		switch {
		case t.BigOrderMultiple > 0 && m.n >= int64(t.BigOrderMinOrders) && m.fen > 0 &&
			float64(o.PayFen) > t.BigOrderMultiple*float64(m.fen):
			basis, detail = BasisMedian, strconv.FormatInt(m.fen, 10)
		case t.BigOrderFixedFen > 0 && o.PayFen > t.BigOrderFixedFen:
			basis, detail = BasisFixed, strconv.FormatInt(t.BigOrderFixedFen, 10)
		case t.BigOrderQuantity > 0 && o.ItemCount > int64(t.BigOrderQuantity):
			basis, detail = BasisQuantity, strconv.Itoa(t.BigOrderQuantity)
		default:
			continue
		}
		e.add(Finding{Rule: KindBigOrder, Kind: KindBigOrder, ShopID: o.ShopID, OrderNo: o.OrderNo, OrderID: o.ID,
			Since: created, Basis: basis, Detail: detail, AmountFen: o.PayFen})
	}
	return nil
}

// complaints: every complaint of the register must be handled within the complaint hours.
func (e *evaluation) complaints(rows []sqldb.RuleComplaintsRow) {
	for _, c := range rows {
		sc := e.shop(c.ShopID)
		received, ok := parseWall(c.ReceivedAt)
		if sc == nil || !ok {
			continue
		}
		e.add(Finding{Rule: KindComplaint, Kind: KindComplaint, ShopID: c.ShopID, OrderNo: c.OrderNo,
			Subject: "complaint:" + strconv.FormatInt(c.ID, 10), OrderID: c.OrderID, Since: received,
			Deadline: received.Add(hours(e.t.ComplaintHours)), Basis: c.Severity, Detail: c.Content})
	}
}
