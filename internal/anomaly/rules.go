package anomaly

import (
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
	id                       int64
	platform, name, timezone string
	now                      time.Time     // local wall time
	offset                   time.Duration // local = UTC + offset
	// prev is what the last run kept of the shop (nil: a shop it did not know, or a full
	// run); state is the same brought up to date by this run (watch.go).
	prev   *sqldb.AnomalyShop
	state  sqldb.AnomalyShop
	median median // of the window now (big orders)
	// The median window now (windowBounds), and whether this run changed what it holds.
	windowFrom, windowTo string
	windowChanged        bool
}

// median is a shop's median paid amount over the median days, of n orders.
type median struct{ n, fen int64 }

// local converts a UTC time Shopdesk recorded (import_batch.finished_at) to the shop's wall time.
func (s *shopClock) local(utc string) (time.Time, bool) {
	t, ok := parseWall(utc)
	if !ok {
		return time.Time{}, false
	}
	return t.Add(s.offset), true
}

// evaluation is one run of the rules.
type evaluation struct {
	q          *sqldb.Queries
	t          settings.Thresholds
	thresholds string // t as JSON: what the next run compares with
	shops      map[int64]*shopClock
	full       bool
	scoped     bool // the scope holds anything (then it is emptied at the end)
	complaints bool // there are complaints to look up
	// found is how many anomalies the rules found at the last run (anomaly_run), and
	// activeDelta how many more they find after this one's writes.
	found, activeDelta int64
	pending            int64  // the anomaly_pending rows this run covers (id <= pending)
	now                string // UTC: the time of what this run writes
	res                Result
	notices            map[[3]string]*Notice // rule, code, shop
}

func (e *evaluation) notice(sc *shopClock, rule, code string, value int64, count int) {
	if e.notices == nil {
		e.notices = map[[3]string]*Notice{}
	}
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

// ruleRun runs every rule on one order number of a shop: what fires now (found, in the
// order of the rules), and when the passing time next changes what a rule says (due).
type ruleRun struct {
	t     settings.Thresholds
	sc    *shopClock
	found []Finding
	due   time.Time
}

func (r *ruleRun) add(f Finding) { r.found = append(r.found, f) }

// later notes a time at which what a rule says of the order changes (the clock has whole
// seconds: a rule that fires "after" t changes at t + 1 s).
func (r *ruleRun) later(t time.Time) {
	if t.After(r.sc.now) && (r.due.IsZero() || t.Before(r.due)) {
		r.due = t
	}
}

// rules runs every rule on key: o is its order (nil: none under that number), c holds its
// sub-orders, refunds and complaints. The rules run in the order of the full evaluation
// before them, so that where two see the same thing the same one counts.
func (e *evaluation) rules(k orderKey, o *sqldb.RuleOrdersRow, c *chunk) ([]Finding, time.Time) {
	sc := e.shops[k.shopID]
	if sc == nil {
		return nil, time.Time{} // a shop an undo removed: its anomalies are cleared
	}
	r := &ruleRun{t: e.t, sc: sc}
	if o != nil {
		switch o.Status {
		case "to_ship":
			r.toShip(o)
		case "shipped":
			r.shipped(o)
		case "unpaid":
			r.unpaid(o)
		case "closed":
			if o.PaidAt != "" {
				r.closedPaid(o)
			}
		}
		if o.LateShipComp != 0 || o.LateShipCompFen != 0 {
			r.lateComp(o)
		}
	}
	r.refunds(o, c.refunds[k], c.items)
	if o != nil {
		r.bigOrder(o)
		r.window(o)
	}
	r.complaints(o, c.complaints[k])
	return r.found, r.due
}

// compPlatforms are the platforms whose order exports say whether the platform compensated
// a late shipment (千牛 子订单导出: 是否赔付, 延迟发货主动赔付金额; layouts.json late_ship_comp).
var compPlatforms = []string{shop.Taobao}

// toShip: overdue_shipment / due_soon, and buyer_message.
func (r *ruleRun) toShip(o *sqldb.RuleOrdersRow) {
	sc := r.sc
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
		deadline = base.Add(hours(r.t.ShipHours))
	}
	if !deadline.IsZero() {
		// Past the deadline is overdue; the deadline itself and the hours before it are due soon.
		kind := ""
		switch {
		case sc.now.After(deadline):
			kind = KindOverdueShipment
		case !sc.now.Before(deadline.Add(-hours(r.t.DueSoonHours))):
			kind = KindDueSoon
		}
		r.later(deadline.Add(-hours(r.t.DueSoonHours)))
		r.later(deadline.Add(time.Second))
		if kind != "" {
			r.add(Finding{Rule: KindOverdueShipment, Kind: kind, ShopID: o.ShopID, OrderNo: o.OrderNo,
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
		r.add(Finding{Rule: KindBuyerMessage, Kind: KindBuyerMessage, ShopID: o.ShopID, OrderNo: o.OrderNo,
			OrderID: o.ID, Since: since, Basis: mb, Detail: o.BuyerMessage, Fingerprint: fp})
	}
}

// shipped: logistics_stalled, shipped more than the stalled days ago and not received.
func (r *ruleRun) shipped(o *sqldb.RuleOrdersRow) {
	sc := r.sc
	at, ok := parseWall(o.ShippedAt)
	basis := BasisShippedAt
	if !ok {
		if at, ok = sc.local(o.StatusSeenUtc); ok {
			basis = BasisStatusChange
		} else {
			// Shipped no later than the first import that saw it shipped, and most
			// likely within the ship hours after payment.
			at, ok = sc.local(o.FirstSeenUtc)
			if paid, pok := parseWall(o.PaidAt); pok {
				if est := paid.Add(hours(r.t.ShipHours)); !ok || est.Before(at) {
					at, ok = est, true
				}
			}
			basis = BasisEstimated
		}
	}
	if !ok {
		return
	}
	r.later(at.Add(days(r.t.StalledDays) + time.Second))
	if sc.now.Sub(at) <= days(r.t.StalledDays) {
		return
	}
	r.add(Finding{Rule: KindLogistics, Kind: KindLogistics, ShopID: o.ShopID, OrderNo: o.OrderNo,
		OrderID: o.ID, Since: at, Basis: basis, Detail: strings.TrimSpace(o.Carrier + " " + o.TrackingNo)})
}

// unpaid: created more than the unpaid hours ago, still unpaid, and not yet old enough for
// the platform to have closed it (the deadline of the chase).
func (r *ruleRun) unpaid(o *sqldb.RuleOrdersRow) {
	created, ok := parseWall(o.CreatedAt)
	if !ok {
		return
	}
	r.later(created.Add(hours(r.t.UnpaidAfterHours) + time.Second))
	r.later(created.Add(hours(r.t.UnpaidCloseHours) + time.Second))
	age := r.sc.now.Sub(created)
	if age <= hours(r.t.UnpaidAfterHours) || age > hours(r.t.UnpaidCloseHours) {
		return
	}
	r.add(Finding{Rule: KindUnpaid, Kind: KindUnpaid, ShopID: o.ShopID, OrderNo: o.OrderNo, OrderID: o.ID,
		Since: created, Deadline: created.Add(hours(r.t.UnpaidCloseHours)), AmountFen: o.PayFen})
}

// closedPaid: closed after payment, closed (or paid) within the look-back days.
func (r *ruleRun) closedPaid(o *sqldb.RuleOrdersRow) {
	since, ok := r.sc.local(o.StatusSeenUtc)
	basis := BasisStatusChange
	if !ok {
		since, ok = parseWall(o.PaidAt)
		basis = ""
	}
	if !ok {
		return
	}
	r.later(since.Add(days(r.t.LookbackDays) + time.Second))
	if since.Before(r.sc.now.Add(-days(r.t.LookbackDays))) {
		return
	}
	detail := o.StatusText
	if o.CloseReason != "" { // 关闭原因 / 取消原因, where the export has it
		detail = o.CloseReason
	}
	r.add(Finding{Rule: KindClosedPaid, Kind: KindClosedPaid, ShopID: o.ShopID, OrderNo: o.OrderNo,
		OrderID: o.ID, Since: since, Basis: basis, Detail: detail, AmountFen: o.PayFen})
}

// lateComp: the platform compensated the buyer for a late shipment, within the look-back.
func (r *ruleRun) lateComp(o *sqldb.RuleOrdersRow) {
	since, ok := r.sc.local(o.CompSeenUtc)
	basis := BasisStatusChange
	if !ok {
		if since, ok = parseWall(o.ShippedAt); ok {
			basis = BasisShippedAt
		} else {
			since, ok = parseWall(o.PaidAt)
			basis = ""
		}
	}
	if !ok {
		return
	}
	r.later(since.Add(days(r.t.LookbackDays) + time.Second))
	if since.Before(r.sc.now.Add(-days(r.t.LookbackDays))) {
		return
	}
	r.add(Finding{Rule: KindLateShipComp, Kind: KindLateShipComp, ShopID: o.ShopID, OrderNo: o.OrderNo,
		OrderID: o.ID, Since: since, Basis: basis, AmountFen: o.LateShipCompFen,
		Fingerprint: strconv.FormatInt(o.LateShipCompFen, 10)})
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
func (r *ruleRun) refunds(o *sqldb.RuleOrdersRow, open []sqldb.RuleRefundsRow, items map[int64][]sqldb.RuleRefundItemsRow) {
	sc := r.sc
	var orderID int64
	if o != nil {
		orderID = o.ID
	}
	for _, rf := range open {
		first, _ := sc.local(rf.FirstSeenUtc)
		since, ok := parseWall(rf.AppliedAt)
		if !ok {
			since = first
		}
		deadline, _ := parseWall(rf.DeadlineAt)
		r.add(Finding{Rule: KindRefund, Kind: KindRefund, ShopID: rf.ShopID, OrderNo: rf.OrderNo, Subject: rf.RefundNo,
			OrderID: orderID, Since: since, Deadline: deadline, Basis: BasisRefundFile, Detail: rf.StatusText,
			AmountFen: rf.AmountFen, Fingerprint: rf.StatusText})
		if rf.ReturnTrackingNo != "" {
			seen, ok := sc.local(rf.ReturnSeenUtc)
			if !ok {
				seen = since
			}
			r.add(Finding{Rule: KindLogistics, Kind: KindLogistics, ShopID: rf.ShopID, OrderNo: rf.OrderNo,
				Subject: "return:" + rf.RefundNo, OrderID: orderID, Since: seen, Basis: BasisReturnBill,
				Detail: strings.TrimSpace(rf.ReturnCarrier + " " + rf.ReturnTrackingNo), Fingerprint: rf.ReturnTrackingNo})
		}
	}
	if o == nil || o.HasRefunds != 0 {
		return // the refund rows are the order's refund data
	}

	var f *Finding
	var statuses []string
	for _, it := range items[o.ID] {
		if !RefundOpen(it.RefundStatus) {
			continue
		}
		seen, ok := sc.local(it.SeenUtc)
		if !ok {
			seen, _ = sc.local(it.FirstSeenUtc)
		}
		if f == nil {
			f = &Finding{Rule: KindRefund, Kind: KindRefund, ShopID: o.ShopID, OrderNo: o.OrderNo, OrderID: o.ID,
				Since: seen, Basis: BasisItemStatus, Detail: it.RefundStatus}
		} else if seen.Before(f.Since) {
			f.Since = seen
		}
		f.AmountFen += it.RefundFen
		statuses = append(statuses, it.SubOrderNo+"="+it.RefundStatus)
	}
	if f != nil {
		f.Fingerprint = strings.Join(statuses, "\x1f")
		r.add(*f)
	}

	if o.AfterSale != "" && RefundOpen(o.AfterSale) {
		since, ok := sc.local(o.AfterSaleSeenUtc)
		if !ok {
			since, _ = sc.local(o.FirstSeenUtc)
		}
		amount := o.RefundFen
		if amount == 0 {
			amount = o.PayFen // the after-sale's own amount is in the after-sales export
		}
		r.add(Finding{Rule: KindRefund, Kind: KindRefund, ShopID: o.ShopID, OrderNo: o.OrderNo, OrderID: o.ID,
			Since: since, Basis: BasisAfterSale, Detail: o.AfterSale, AmountFen: amount, Fingerprint: o.AfterSale})
	}

	// An order-level refund amount on an order still in progress, from exports that have no
	// refund status (the Taobao order report has only a refund amount).
	if o.RefundFen > 0 && (o.Status == "to_ship" || o.Status == "shipped") && o.AfterSale == "" && o.HasItemRefunds == 0 {
		since, ok := sc.local(o.RefundSeenUtc)
		if !ok {
			since, _ = sc.local(o.FirstSeenUtc)
		}
		r.add(Finding{Rule: KindRefund, Kind: KindRefund, ShopID: o.ShopID, OrderNo: o.OrderNo, OrderID: o.ID,
			Since: since, Basis: BasisRefundAmount, Detail: o.StatusText, AmountFen: o.RefundFen,
			Fingerprint: strconv.FormatInt(o.RefundFen, 10)})
	}
}

// paidStatuses are the statuses of the orders big orders and the median look at.
func paidStatus(status string) bool {
	return status == "to_ship" || status == "shipped" || status == "completed"
}

// bigOrder: a paid order of the look-back days above the shop's usual amount (a multiple of
// its median over the median days), a fixed amount, or a quantity.
func (r *ruleRun) bigOrder(o *sqldb.RuleOrdersRow) {
	t, sc := r.t, r.sc
	created, ok := parseWall(o.CreatedAt)
	if !paidStatus(o.Status) || !ok {
		return
	}
	basis, detail := "", ""
	m := sc.median
	switch {
	case t.BigOrderMultiple > 0 && m.n >= int64(t.BigOrderMinOrders) && m.fen > 0 &&
		float64(o.PayFen) > t.BigOrderMultiple*float64(m.fen):
		basis, detail = BasisMedian, strconv.FormatInt(m.fen, 10)
	case t.BigOrderFixedFen > 0 && o.PayFen > t.BigOrderFixedFen:
		basis, detail = BasisFixed, strconv.FormatInt(t.BigOrderFixedFen, 10)
	case t.BigOrderQuantity > 0 && o.ItemCount > int64(t.BigOrderQuantity):
		basis, detail = BasisQuantity, strconv.Itoa(t.BigOrderQuantity)
	default:
		return // below every threshold: only a new median changes that (medians())
	}
	r.later(created)
	r.later(created.Add(days(t.LookbackDays) + time.Second))
	if created.Before(sc.now.Add(-days(t.LookbackDays))) || created.After(sc.now) {
		return
	}
	r.add(Finding{Rule: KindBigOrder, Kind: KindBigOrder, ShopID: o.ShopID, OrderNo: o.OrderNo, OrderID: o.ID,
		Since: created, Basis: basis, Detail: detail, AmountFen: o.PayFen})
}

// window notes when the order enters and leaves its shop's median window (watch.go).
func (r *ruleRun) window(o *sqldb.RuleOrdersRow) {
	if !paidStatus(o.Status) {
		return
	}
	if created, ok := parseWall(o.CreatedAt); ok {
		r.later(created.Add(time.Second))
		r.later(created.Add(days(r.t.BigOrderMedianDays) + time.Second))
	}
}

// complaints: every complaint of the register must be handled within the complaint hours.
func (r *ruleRun) complaints(o *sqldb.RuleOrdersRow, rows []sqldb.RuleComplaintsRow) {
	var orderID int64
	if o != nil {
		orderID = o.ID
	}
	for _, c := range rows {
		received, ok := parseWall(c.ReceivedAt)
		if !ok {
			continue
		}
		r.add(Finding{Rule: KindComplaint, Kind: KindComplaint, ShopID: c.ShopID, OrderNo: c.OrderNo,
			Subject: "complaint:" + strconv.FormatInt(c.ID, 10), OrderID: orderID, Since: received,
			Deadline: received.Add(hours(r.t.ComplaintHours)), Basis: c.Severity, Detail: c.Content})
	}
}
