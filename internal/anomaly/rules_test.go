package anomaly_test

import (
	"slices"
	"strings"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/anomaly"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/shop"
)

// The fixture: three shops on four platforms' exports, imported through the importer as a
// seller would, with times chosen around the boundaries of the rules (default thresholds:
// 48 h to ship, due soon 6 h before, stalled after 4 days, chase unpaid after 2 h until
// 24 h, look back 7 days, big = 3 × the 30-day median or more than 10 pieces).
const (
	pddShop    = "拼多多测试店"
	taobaoShop = "淘宝测试店"
	douyinShop = "抖店测试店"
)

// fixture returns a fresh database with the fixture imported.
func fixture(t *testing.T) *db.DB {
	t.Helper()
	d := openDB(t)
	buildFixture(t, d, t.TempDir())
	return d
}

func pddOrders() []exportfile.PDDOrder {
	paid := func(no, status, created, paidAt string) exportfile.PDDOrder {
		return exportfile.PDDOrder{OrderNo: no, Status: status, Title: "宝宝辅食碗", PayFen: 5000,
			CreatedAt: created, PaidAt: paidAt, Receiver: "张**", Province: "浙江省", City: "杭州市", District: "西湖区", Street: "文三路 1 号"}
	}
	out := []exportfile.PDDOrder{
		paid("P-OVER48", "待发货", "2026-11-20 08:59:00", "2026-11-20 09:00:00"),
		func() exportfile.PDDOrder {
			o := paid("P-PROMISED", "待发货", "2026-11-29 09:58:00", "2026-11-29 10:00:00")
			o.PromisedShipAt = "2026-11-30 23:30:00"
			return o
		}(),
		paid("P-MONTHEND", "待发货", "2026-11-29 22:58:00", "2026-11-29 23:00:00"),
		paid("P-FEB", "待发货", "2027-02-27 11:58:00", "2027-02-27 12:00:00"),
		paid("P-UNPAID", "待支付", "2026-11-22 06:00:00", ""),
		func() exportfile.PDDOrder {
			o := paid("P-SHIPPED", "已发货，待收货", "2026-11-17 09:58:00", "2026-11-17 10:00:00")
			o.ShippedAt, o.Carrier, o.TrackingNo = "2026-11-18 09:00:00", "中通快递", "7312345678901"
			return o
		}(),
		paid("P-CLOSED", "未发货，退款成功", "2026-11-20 09:58:00", "2026-11-20 10:00:00"),
		func() exportfile.PDDOrder {
			o := paid("P-AFTERSALE", "已发货，待收货", "2026-11-20 11:58:00", "2026-11-20 12:00:00")
			o.ShippedAt, o.Carrier, o.TrackingNo, o.AfterSale = "2026-11-21 09:00:00", "中通快递", "7312345678902", "待商家处理"
			return o
		}(),
		func() exportfile.PDDOrder {
			o := paid("P-MESSAGE", "待发货", "2026-11-21 19:58:00", "2026-11-21 20:00:00")
			o.PromisedShipAt, o.Message = "2026-11-24 20:00:00", "请发顺丰，谢谢"
			return o
		}(),
		func() exportfile.PDDOrder {
			o := paid("P-BIG", "待发货", "2026-11-21 12:00:00", "2026-11-21 12:05:00")
			o.PromisedShipAt, o.PayFen = "2026-11-23 12:05:00", 30000
			return o
		}(),
		func() exportfile.PDDOrder {
			o := paid("P-QUANTITY", "待发货", "2026-11-21 13:00:00", "2026-11-21 13:05:00")
			o.PromisedShipAt, o.PayFen, o.Quantity = "2026-11-23 13:05:00", 6000, 12
			return o
		}(),
	}
	// Ordinary completed orders of the month before: the shop's usual 50 yuan.
	for i, day := range []string{"10", "11", "12", "13", "14", "15", "16", "17"} {
		o := paid("P-DONE-"+day, "已签收", "2026-11-"+day+" 10:00:00", "2026-11-"+day+" 10:01:00")
		o.ShippedAt, o.ConfirmedAt = "2026-11-"+day+" 18:00:00", "2026-11-"+day+" 23:00:00"
		o.PayFen += int64(i)
		out = append(out, o)
	}
	return out
}

func buildFixture(t *testing.T, d *db.DB, dir string) {
	steps := []struct {
		path string
		opts importer.Options
	}{
		{pddFile(t, dir, "拼多多订单.csv", pddOrders()...), importer.Options{ShopName: pddShop}},
		{taobaoFile(t, dir, "ExportOrderList202611211800.csv",
			exportfile.TaobaoOrder{OrderNo: "T-REFUND-AMOUNT", Buyer: "tb_买家", Status: "卖家已发货，等待买家确认", Title: "纯棉四件套",
				Shop: taobaoShop, PayFen: 19900, RefundFen: 2000, CreatedAt: "2026-11-19 09:00:00", PaidAt: "2026-11-19 09:01:00",
				Carrier: "圆通速递", TrackingNo: "YT0000000001"},
			exportfile.TaobaoOrder{OrderNo: "T-RETURN", Buyer: "tb_买家2", Status: "卖家已发货，等待买家确认", Title: "珊瑚绒毛毯",
				Shop: taobaoShop, PayFen: 6800, CreatedAt: "2026-11-18 09:00:00", PaidAt: "2026-11-18 09:01:00",
				Carrier: "中通快递", TrackingNo: "ZT0000000002"},
			exportfile.TaobaoOrder{OrderNo: "T-CLOSED-REASON", Buyer: "tb_买家6", Status: "交易关闭", Title: "纯棉四件套",
				Shop: taobaoShop, PayFen: 19900, RefundFen: 19900, CreatedAt: "2026-11-21 08:59:00", PaidAt: "2026-11-21 09:01:00",
				CloseReason: "买家不想要了"},
		), importer.Options{}},
		{qianniuFile(t, dir, "千牛子订单.xlsx",
			exportfile.QianniuSubOrder{SubOrderNo: "Q-COMP-1", OrderNo: "Q-COMP", Title: "马克杯", Status: "卖家已发货，等待买家确认",
				PriceFen: 2990, PayFen: 2990, CreatedAt: "2026-11-17 09:00:00", PaidAt: "2026-11-17 09:01:00",
				ShippedAt: "2026-11-20 20:00:00", Carrier: "韵达快递", TrackingNo: "YD0000000003", Compensated: true, LateCompFen: 300, Buyer: "tb_买家3"},
			exportfile.QianniuSubOrder{SubOrderNo: "Q-REFUND-1", OrderNo: "Q-REFUND", Title: "收纳箱", Status: "买家已付款，等待卖家发货",
				PriceFen: 8900, PayFen: 8900, CreatedAt: "2026-11-21 21:00:00", PaidAt: "2026-11-21 21:01:00",
				RefundStatus: "买家已经申请退款，等待卖家同意", RefundFen: 8900, Buyer: "tb_买家4"},
			exportfile.QianniuSubOrder{SubOrderNo: "Q-REFUND-DONE-1", OrderNo: "Q-REFUND-DONE", Title: "收纳箱", Status: "交易关闭",
				PriceFen: 8900, PayFen: 8900, CreatedAt: "2026-11-01 21:00:00", PaidAt: "2026-11-01 21:01:00",
				RefundStatus: "退款成功", RefundFen: 8900, Buyer: "tb_买家5"},
		), importer.Options{ShopName: taobaoShop}},
		{writeRefunds(t, dir, exportfile.TaobaoRefund{OrderNo: "T-RETURN", RefundNo: "R-0001", Title: "珊瑚绒毛毯",
			Status: "买家已经退货，等待卖家确认收货", GoodsStatus: "买家已发货", ReturnTrackingNo: "SF1234567890123",
			ReturnCarrier: "顺丰速运", Reason: "不喜欢", Shop: taobaoShop, PayFen: 6800, RefundFen: 6800, NeedReturn: true,
			AfterSale: true, PaidAt: "2026-11-18 09:01:00", AppliedAt: "2026-11-21 10:00:00", DeadlineAt: "2026-11-24 10:00:00"}),
			importer.Options{}},
		{douyinFile(t, dir, "抖店订单.csv", exportfile.DouyinOrder{OrderNo: "D-ADDRESS", SubOrderNo: "D-ADDRESS-1",
			Title: "儿童防蚊手环", PriceFen: 1990, PayFen: 1990, Receiver: "李**", Province: "广东省", City: "深圳市",
			District: "南山区", Street: "科技园", Detail: "科苑路 15 号", AddressChanged: true, Status: "待发货",
			CreatedAt: "2026-11-21 22:00:00", PaidAt: "2026-11-21 22:01:00", PromisedShipAt: "2026-11-23 22:01:00"}),
			importer.Options{ShopName: douyinShop}},
	}
	for _, s := range steps {
		importFile(t, d, s.path, s.opts)
	}
}

func TestRules(t *testing.T) {
	s := anomaly.New(fixture(t))
	cases := []struct {
		name, at, order string
		want            []string // kinds of the order's active anomalies; nil: none
	}{
		{"48 h: 1 s before the due-soon window", "2026-11-22 02:59:59", "P-OVER48", nil},
		{"48 h: exactly 6 h before", "2026-11-22 03:00:00", "P-OVER48", []string{"due_soon"}},
		{"48 h: exactly 48 h after payment", "2026-11-22 09:00:00", "P-OVER48", []string{"due_soon"}},
		{"48 h: 1 s past", "2026-11-22 09:00:01", "P-OVER48", []string{"overdue_shipment"}},
		{"promised 23:30: 1 s before 6 h before", "2026-11-30 17:29:59", "P-PROMISED", nil},
		{"promised 23:30: exactly 6 h before", "2026-11-30 17:30:00", "P-PROMISED", []string{"due_soon"}},
		{"promised 23:30: at midnight, next month", "2026-12-01 00:00:00", "P-PROMISED", []string{"overdue_shipment"}},
		{"48 h across the month end: not yet due", "2026-12-01 16:59:59", "P-MONTHEND", nil},
		{"48 h across the month end: due soon", "2026-12-01 17:00:00", "P-MONTHEND", []string{"due_soon"}},
		{"48 h across the month end: 1 s past", "2026-12-01 23:00:01", "P-MONTHEND", []string{"overdue_shipment"}},
		{"48 h across February's end: exactly", "2027-03-01 12:00:00", "P-FEB", []string{"due_soon"}},
		{"48 h across February's end: 1 s past", "2027-03-01 12:00:01", "P-FEB", []string{"overdue_shipment"}},
		{"unpaid: exactly 2 h", "2026-11-22 08:00:00", "P-UNPAID", nil},
		{"unpaid: 2 h and 1 s", "2026-11-22 08:00:01", "P-UNPAID", []string{"unpaid"}},
		{"unpaid: exactly 24 h", "2026-11-23 06:00:00", "P-UNPAID", []string{"unpaid"}},
		{"unpaid: past 24 h, the platform closed it", "2026-11-23 06:00:01", "P-UNPAID", nil},
		{"shipped: exactly 4 days", "2026-11-22 09:00:00", "P-SHIPPED", nil},
		{"shipped: 4 days and 1 s", "2026-11-22 09:00:01", "P-SHIPPED", []string{"logistics_stalled"}},
		{"closed after payment", "2026-11-22 09:00:00", "P-CLOSED", []string{"closed_after_payment"}},
		{"closed after payment, with the export's close reason", "2026-11-22 09:00:00", "T-CLOSED-REASON", []string{"closed_after_payment"}},
		{"after-sale open in the order export", "2026-11-22 09:00:00", "P-AFTERSALE", []string{"refund"}},
		{"closed: exactly 7 days after payment", "2026-11-27 10:00:00", "P-CLOSED", []string{"closed_after_payment"}},
		{"closed: past the look-back", "2026-11-27 10:00:01", "P-CLOSED", nil},
		{"buyer message, not due yet", "2026-11-22 09:00:00", "P-MESSAGE", []string{"buyer_message"}},
		{"big: 6 × the median", "2026-11-22 09:00:00", "P-BIG", []string{"big_order"}},
		{"big: 12 pieces", "2026-11-22 09:00:00", "P-QUANTITY", []string{"big_order"}},
		{"an ordinary completed order", "2026-11-22 09:00:00", "P-DONE-15", nil},
		{"refund amount without status", "2026-11-22 09:00:00", "T-REFUND-AMOUNT", []string{"refund"}},
		{"refund file with a return waybill", "2026-11-22 09:00:00", "T-RETURN", []string{"refund", "logistics_stalled"}},
		{"late shipment compensated", "2026-11-22 09:00:00", "Q-COMP", []string{"late_ship_compensated"}},
		{"late compensation past the look-back (stalled by then)", "2026-11-27 20:00:01", "Q-COMP", []string{"logistics_stalled"}},
		{"sub-order refund requested, not due", "2026-11-22 09:00:00", "Q-REFUND", []string{"refund"}},
		{"sub-order refund requested, overdue too", "2026-11-24 09:00:00", "Q-REFUND", []string{"overdue_shipment", "refund"}},
		{"refund finished", "2026-11-22 09:00:00", "Q-REFUND-DONE", nil},
		{"address changed", "2026-11-22 09:00:00", "D-ADDRESS", []string{"buyer_message"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, _ := asOf(t, s, c.at)
			got := kindsOf(rows)[c.order]
			slices.Sort(got)
			want := slices.Clone(c.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("at %s order %s: kinds %v, want %v", c.at, c.order, got, want)
			}
		})
	}
}

// What the rules record besides the kind: since, deadline and where they come from.
func TestRuleTimes(t *testing.T) {
	s := anomaly.New(fixture(t))
	rows, _ := asOf(t, s, "2026-11-22 09:00:01")
	find := func(order, kind string) anomaly.Anomaly {
		t.Helper()
		for _, a := range rows {
			if a.OrderNo == order && a.Kind == kind {
				return a
			}
		}
		t.Fatalf("no %s anomaly of %s in %v", kind, order, kindsOf(rows))
		return anomaly.Anomaly{}
	}
	cases := []struct {
		order, kind, since, deadline, basis, detail string
		amount                                      int64
	}{
		{"P-OVER48", "overdue_shipment", "2026-11-20 09:00:00", "2026-11-22 09:00:00", anomaly.BasisPaidPlus, "", 0},
		{"P-UNPAID", "unpaid", "2026-11-22 06:00:00", "2026-11-23 06:00:00", "", "", 5000},
		{"P-SHIPPED", "logistics_stalled", "2026-11-18 09:00:00", "", anomaly.BasisShippedAt, "中通快递 7312345678901", 0},
		{"P-CLOSED", "closed_after_payment", "2026-11-20 10:00:00", "", "", "未发货，退款成功", 5000},
		{"T-CLOSED-REASON", "closed_after_payment", "2026-11-21 09:01:00", "", "", "买家不想要了", 19900},
		{"P-MESSAGE", "buyer_message", "2026-11-21 20:00:00", "", anomaly.BasisMessage, "请发顺丰，谢谢", 0},
		{"P-BIG", "big_order", "2026-11-21 12:00:00", "", anomaly.BasisMedian, "5002", 30000}, // P-AFTERSALE's 5000 is in the window
		{"P-QUANTITY", "big_order", "2026-11-21 13:00:00", "", anomaly.BasisQuantity, "10", 6000},
		{"T-RETURN", "refund", "2026-11-21 10:00:00", "2026-11-24 10:00:00", anomaly.BasisRefundFile, "买家已经退货，等待卖家确认收货", 6800},
		{"T-RETURN", "logistics_stalled", "2026-11-21 10:00:00", "", anomaly.BasisReturnBill, "顺丰速运 SF1234567890123", 0},
		{"T-REFUND-AMOUNT", "refund", "", "", anomaly.BasisRefundAmount, "卖家已发货，等待买家确认", 2000},
		{"Q-COMP", "late_ship_compensated", "2026-11-20 20:00:00", "", anomaly.BasisShippedAt, "", 300},
		{"Q-REFUND", "refund", "", "", anomaly.BasisItemStatus, "买家已经申请退款，等待卖家同意", 8900},
		{"D-ADDRESS", "buyer_message", "2026-11-21 22:01:00", "", anomaly.BasisAddress, "", 0},
	}
	for _, c := range cases {
		a := find(c.order, c.kind)
		// since of a sub-order refund and an order-level refund is the import that saw it
		// (now): only its presence is checked.
		if c.since == "" && a.Since == "" || c.since != "" && a.Since != c.since {
			t.Errorf("%s %s: since %q, want %q", c.order, c.kind, a.Since, c.since)
		}
		if a.Deadline != c.deadline || a.Basis != c.basis || a.Detail != c.detail || a.AmountFen != c.amount {
			t.Errorf("%s %s: deadline %q basis %q detail %q amount %d; want %q %q %q %d", c.order, c.kind,
				a.Deadline, a.Basis, a.Detail, a.AmountFen, c.deadline, c.basis, c.detail, c.amount)
		}
		if a.State != anomaly.StateOpen || a.ShopName == "" {
			t.Errorf("%s %s: state %q shop %q", c.order, c.kind, a.State, a.ShopName)
		}
	}
	// The worklist is grouped by kind, most pressing first, deadline first within a kind.
	var kinds []string
	for _, a := range rows {
		if len(kinds) == 0 || kinds[len(kinds)-1] != a.Kind {
			kinds = append(kinds, a.Kind)
		}
	}
	order := slices.DeleteFunc(slices.Clone(anomaly.Kinds), func(k string) bool { return !slices.Contains(kinds, k) })
	if !slices.Equal(kinds, order) {
		t.Errorf("groups %v, want each kind once in the order %v", kinds, order)
	}
}

// A rule that lacks the data it needs for a shop says so.
func TestRuleNotices(t *testing.T) {
	s := anomaly.New(fixture(t))
	_, res := asOf(t, s, "2026-11-22 09:00:01")
	got := map[string]anomaly.Notice{}
	for _, n := range res.Notices {
		got[n.Code+"/"+n.ShopName] = n
	}
	// The 拼多多 export carries 售后状态 (P-AFTERSALE): the refund rule has its data.
	if n, ok := got["no_refund_status/"+pddShop]; ok {
		t.Errorf("notice %+v for a shop whose export has 售后状态", n)
	}
	for _, c := range []struct {
		key   string
		count int
	}{
		{"no_promised_time/" + pddShop, 3},    // P-OVER48, P-MONTHEND, P-FEB
		{"no_promised_time/" + taobaoShop, 1}, // Q-REFUND (千牛 has no 承诺发货时间)
		{"no_refund_status/" + douyinShop, 0},
		{"no_comp_data/" + pddShop, 0},
		{"no_comp_data/" + douyinShop, 0},
		{"no_shipped_time/" + taobaoShop, 2}, // T-REFUND-AMOUNT, T-RETURN: the 订单报表 has no 发货时间
	} {
		n, ok := got[c.key]
		if !ok {
			t.Errorf("no notice %s in %v", c.key, res.Notices)
			continue
		}
		if n.Count != c.count {
			t.Errorf("notice %s: count %d, want %d", c.key, n.Count, c.count)
		}
		if text := anomaly.NoticeText(n); !strings.Contains(text, n.ShopName) {
			t.Errorf("notice text %q does not name the shop", text)
		}
	}
	for _, k := range []string{"no_promised_time/" + douyinShop, "no_refund_status/" + taobaoShop, "no_comp_data/" + taobaoShop} {
		if _, ok := got[k]; ok {
			t.Errorf("unexpected notice %s", k)
		}
	}
	if got["no_comp_data/"+pddShop].Platform != shop.PDD {
		t.Errorf("notice platform: %+v", got["no_comp_data/"+pddShop])
	}
}
