// Package demo makes the demo shops a new user sees on an empty database. It writes real
// export files (a GBK Taobao 订单报表 CSV, a 千牛 sub-order xlsx and a 退款报表 CSV) and
// imports them through the same importer as the seller's own files, so the demo exercises
// the real path.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/shop"
)

// Result says what the demo created.
type Result struct {
	Shops     int
	Orders    int
	Refunds   int
	Anomalies int // order anomalies the rules found (see anomalies.go)
	Staff     StaffResult
	Inquiries int // rows of the inquiry register (see inquiry.go)
	SKUs      int // SKUs of the demo's stock sheet (see stock.go)
	// MetricDays are the shop-days of typed metrics (see metrics.go).
	MetricDays int
}

// ErrNotEmpty is returned when the database already has shops: the demo never mixes
// invented orders into a seller's real data.
// closeReasons are what the Taobao back office writes in 订单关闭原因.
var closeReasons = []string{"买家不想买了", "缺货", "买家信息填写错误，重新拍", "其他原因"}

var ErrNotEmpty = errors.New("数据库里已经有店铺了：演示店铺只能在空的数据库里创建")

const (
	tmallShop  = "小米粒母婴旗舰店"
	taobaoShop = "暖暖家居小铺"
)

// Create writes the demo export files into a temporary folder and imports them, with
// order times in the days before now (shop-local time).
func Create(ctx context.Context, d *db.DB, now time.Time) (Result, error) {
	n, err := shop.New(d).Count(ctx)
	if err != nil {
		return Result{}, err
	}
	if n > 0 {
		return Result{}, ErrNotEmpty
	}
	dir, err := os.MkdirTemp("", "shopdesk-demo-")
	if err != nil {
		return Result{}, fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(dir)

	// Export times are shop-local wall times: make them in the shops' zone.
	loc, err := time.LoadLocation(shop.DefaultTimezone)
	if err != nil {
		return Result{}, fmt.Errorf("demo: time zone %s: %w", shop.DefaultTimezone, err)
	}
	now = now.In(loc)
	rng := rand.New(rand.NewPCG(20261122, 7))
	csvPath := filepath.Join(dir, "ExportOrderList202611220900.csv")
	orders := append(TaobaoOrders(rng, tmallShop, 160, now), TaobaoOrders(rng, taobaoShop, 60, now)...)
	rows := make([][]string, len(orders))
	for i, o := range orders {
		rows[i] = o.Row()
	}
	if err := exportfile.WriteCSV(csvPath, exportfile.TaobaoOrderHeader, rows,
		exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		return Result{}, fmt.Errorf("demo: %w", err)
	}
	im := importer.New(d)
	res := im.ImportFile(ctx, csvPath, importer.Options{})
	if res.Error != "" {
		return Result{}, fmt.Errorf("demo: %s", res.Error)
	}
	total := res.New

	// The 千牛 file has no shop column: import it into the Taobao shop made above.
	shops, err := shop.New(d).List(ctx)
	if err != nil {
		return Result{}, err
	}
	var target int64
	for _, s := range shops {
		if s.Name == taobaoShop {
			target = s.ID
		}
	}
	xlsxPath := filepath.Join(dir, "千牛订单导出_20261122.xlsx")
	subs := QianniuSubOrders(rng, 30, now)
	subRows := make([][]string, len(subs))
	for i, s := range subs {
		subRows[i] = s.Row()
	}
	if err := exportfile.WriteXLSX(xlsxPath, "订单列表", exportfile.QianniuSubOrderHeader, subRows); err != nil {
		return Result{}, fmt.Errorf("demo: %w", err)
	}
	res = im.ImportFile(ctx, xlsxPath, importer.Options{ShopID: target})
	if res.Error != "" {
		return Result{}, fmt.Errorf("demo: %s", res.Error)
	}
	// A few refunds on the 订单报表's orders: open ones to act on, refunded, closed.
	refundPath := filepath.Join(dir, "退款报表202611220900.csv")
	refunds := TaobaoRefunds(rand.New(rand.NewPCG(20261122, 8)), orders, now)
	refundRows := make([][]string, len(refunds))
	for i, r := range refunds {
		refundRows[i] = r.Row(exportfile.TaobaoRefundHeaderWithShop)
	}
	if err := exportfile.WriteCSV(refundPath, exportfile.TaobaoRefundHeaderWithShop, refundRows,
		exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		return Result{}, fmt.Errorf("demo: %w", err)
	}
	res = im.ImportFile(ctx, refundPath, importer.Options{})
	if res.Error != "" {
		return Result{}, fmt.Errorf("demo: %s", res.Error)
	}
	refundsNew := res.New
	found, err := addAnomalies(ctx, d, dir, now, target)
	if err != nil {
		return Result{}, fmt.Errorf("demo: %w", err)
	}
	team, err := addStaff(ctx, d, now)
	if err != nil {
		return Result{}, fmt.Errorf("demo: %w", err)
	}
	inquiries, err := addInquiries(ctx, d, now)
	if err != nil {
		return Result{}, fmt.Errorf("demo: inquiries: %w", err)
	}
	var tmall int64
	for _, s := range shops {
		if s.Name == tmallShop {
			tmall = s.ID
		}
	}
	skus, err := addStock(ctx, d, dir, now, orders, tmall)
	if err != nil {
		return Result{}, fmt.Errorf("demo: %w", err)
	}
	metricDays, err := addMetrics(ctx, d, now)
	if err != nil {
		return Result{}, fmt.Errorf("demo: metrics: %w", err)
	}
	shops, err = shop.New(d).List(ctx)
	if err != nil {
		return Result{}, err
	}
	total = 0
	for _, s := range shops {
		total += int(s.OrderCount)
	}
	return Result{Shops: len(shops), Orders: total, Refunds: refundsNew, Anomalies: found, Staff: team, Inquiries: inquiries, SKUs: skus, MetricDays: metricDays}, nil
}

// refundReasons are what buyers pick when they ask for money back.
var refundReasons = []string{"不想要了/拍错了", "尺码/规格拍错", "质量问题", "与商品描述不符", "未按约定时间发货", "快递一直未送达"}

// TaobaoRefunds invents refunds on some of orders, in the states a shop sees on a morning:
// every refunded-and-closed order's 退款成功, requests waiting for the seller (one already
// past its deadline), returns on their way, a refused and a withdrawn request.
func TaobaoRefunds(rng *rand.Rand, orders []exportfile.TaobaoOrder, now time.Time) []exportfile.TaobaoRefund {
	var out []exportfile.TaobaoRefund
	add := func(o exportfile.TaobaoOrder, status string, applied time.Time, deadline time.Duration, returning bool) *exportfile.TaobaoRefund {
		r := exportfile.TaobaoRefund{
			OrderNo: o.OrderNo, RefundNo: digits(rng, 18), Title: o.Title, SkuCode: skuCode(o.Title, rng.IntN(40)),
			Status: status, Reason: pick(rng, refundReasons), PayFen: o.PayFen, RefundFen: o.PayFen, Shop: o.Shop,
			PaidAt: o.PaidAt, AppliedAt: applied.Format(timeLayout), NeedReturn: returning, AfterSale: o.Carrier != "",
			GoodsStatus: "买家未收到货",
		}
		if deadline > 0 {
			r.DeadlineAt = applied.Add(deadline).Format(timeLayout)
		}
		if o.Carrier != "" {
			r.GoodsStatus = "买家已收到货"
		}
		out = append(out, r)
		return &out[len(out)-1]
	}
	parse := func(s string) time.Time {
		t, _ := time.ParseInLocation(timeLayout, s, now.Location())
		return t
	}
	var waiting, shipped, done int
	for _, o := range orders {
		paid := parse(o.PaidAt)
		switch {
		case o.PaidAt == "":
		case o.Status == "交易关闭":
			r := add(o, "退款成功", paid.Add(2*time.Hour), 0, false)
			r.FinishedAt = paid.Add(5 * time.Hour).Format(timeLayout)
		case o.Status == "买家已付款，等待卖家发货" && waiting < 3:
			// The first request is past its deadline: the seller must act now.
			applied, deadline := paid.Add(40*time.Minute), 48*time.Hour
			if waiting == 0 {
				if paid.After(now.Add(-26 * time.Hour)) {
					continue
				}
				deadline = 24 * time.Hour
			}
			if applied.After(now) {
				continue
			}
			add(o, "买家已经申请退款，等待卖家同意", applied, deadline, false)
			waiting++
		case o.Status == "卖家已发货，等待买家确认" && shipped < 2:
			if shipped == 0 {
				add(o, "卖家已经同意退款，等待买家退货", now.Add(-20*time.Hour), 7*24*time.Hour, true)
			} else {
				r := add(o, "买家已经退货，等待卖家确认收货", now.Add(-60*time.Hour), 10*24*time.Hour, true)
				r.ReturnCarrier, r.ReturnTrackingNo = pick(rng, carriers), "7"+digits(rng, 13)
				r.ReturnedAt = now.Add(-30 * time.Hour).Format(timeLayout)
			}
			shipped++
		case o.Status == "交易成功" && done < 2:
			status := "卖家拒绝退款"
			if done == 1 {
				status = "退款关闭"
			}
			r := add(o, status, paid.Add(4*24*time.Hour), 0, false)
			r.RefundFen = o.PayFen / 2
			r.FinishedAt = paid.Add(5 * 24 * time.Hour).Format(timeLayout)
			done++
		}
	}
	return out
}

var (
	// products: title, price and merchant code (商家编码: the stock sheet's key, stock.go).
	products = []struct {
		title string
		fen   int64
		code  string
	}{
		{"婴儿纯棉连体衣 新生儿哈衣 春秋款 0-18个月", 5900, "MY-HY-066"},
		{"宝宝辅食碗 吸盘防摔 硅胶儿童餐具套装", 3900, "MY-CJ-012"},
		{"加厚珊瑚绒毛毯 午睡毯 办公室盖腿小被子", 6800, "JJ-MT-150"},
		{"北欧风陶瓷马克杯 带盖勺 情侣水杯 350ml", 2990, "JJ-BZ-350"},
		{"儿童防蚊手环 卡通硅胶 户外驱蚊 6条装", 1990, "MY-FW-006"},
		{"家用收纳箱 大号 塑料整理箱 带轮 3个装", 8900, "JJ-SN-003"},
		{"纯棉四件套 全棉床单被套 1.8m床 简约格子", 19900, "JJ-SJ-180"},
		{"婴儿湿巾 手口专用 80抽x10包 整箱", 4990, "MY-SJ-080"},
		{"厨房置物架 不锈钢 调料架 免打孔壁挂", 4590, "JJ-ZW-045"},
		{"宝宝学步鞋 软底防滑 春秋单鞋 0-2岁", 6900, "MY-XB-020"},
	}
	buyers   = []string{"tb_小鱼儿2019", "快乐的胖子", "abc妈妈", "星星点灯88", "南风知我意", "tb123456789", "开心果果酱", "李大姐的店", "王小二", "晴天娃娃", "bluesky_0520", "吃货小分队", "森林里的鹿", "tb_宝贝妈咪", "阳光下的猫"}
	places   = []string{"浙江省 杭州市 西湖区 文三路 123号 华星时代广场 1201室", "广东省 深圳市 南山区 科技园 科苑路 15号", "江苏省 苏州市 工业园区 星湖街 328号", "北京 北京市 朝阳区 望京街道 阜通东大街 6号院", "上海 上海市 浦东新区 张江镇 碧波路 690号", "四川省 成都市 武侯区 天府大道北段 1700号", "湖北省 武汉市 洪山区 珞喻路 1037号", "山东省 青岛市 崂山区 海尔路 1号"}
	carriers = []string{"中通快递", "圆通速递", "韵达快递", "申通快递", "极兔速递", "顺丰速运"}
	messages = []string{"", "", "", "", "请尽快发货，谢谢", "麻烦发顺丰", "送人的，不要放价格单", ""}
)

func pick[T any](rng *rand.Rand, s []T) T { return s[rng.IntN(len(s))] }

// skuCode is the merchant code of a product title; n (a random draw the callers made before
// products had codes, kept so the demo's other values stay as they were) numbers a title
// the products do not have.
func skuCode(title string, n int) string {
	for _, p := range products {
		if p.title == title {
			return p.code
		}
	}
	return fmt.Sprintf("SKU-%03d", n)
}

func digits(rng *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + rng.IntN(10))
	}
	if b[0] == '0' {
		b[0] = '3'
	}
	return string(b)
}

const timeLayout = "2006-01-02 15:04:05"

// TaobaoOrders invents n orders of one shop spread over the 14 days before now, with the
// statuses a real shop has at that age (recent: unpaid or to ship; older: shipped, done).
func TaobaoOrders(rng *rand.Rand, shopName string, n int, now time.Time) []exportfile.TaobaoOrder {
	out := make([]exportfile.TaobaoOrder, 0, n)
	for i := 0; i < n; i++ {
		age := time.Duration(rng.Float64()*14*24) * time.Hour
		age += time.Duration(rng.IntN(3600)) * time.Second
		created := now.Add(-age)
		p := pick(rng, products)
		qty := 1 + rng.IntN(3)
		if rng.IntN(25) == 0 {
			qty = 10 + rng.IntN(20) // an occasional big order
		}
		o := exportfile.TaobaoOrder{
			OrderNo: digits(rng, 19), Buyer: pick(rng, buyers), Address: pick(rng, places),
			Title: p.title, Shop: shopName, Items: qty, PayFen: p.fen * int64(qty),
			CreatedAt: created.Format(timeLayout), Message: pick(rng, messages),
		}
		paid := created.Add(time.Duration(30+rng.IntN(600)) * time.Second)
		switch {
		case age < 3*time.Hour && rng.IntN(3) == 0:
			o.Status = "等待买家付款"
		case rng.IntN(30) == 0:
			o.Status = "交易关闭"
			o.PaidAt = paid.Format(timeLayout)
			o.RefundFen = o.PayFen
			// Picked by the order number, not by rng: the demo's other orders stay as they were.
			o.CloseReason = closeReasons[int(o.OrderNo[len(o.OrderNo)-1]-'0')%len(closeReasons)]
		case age < 30*time.Hour || (age < 60*time.Hour && rng.IntN(6) == 0):
			o.Status = "买家已付款，等待卖家发货"
			o.PaidAt = paid.Format(timeLayout)
		case age < 5*24*time.Hour:
			o.Status = "卖家已发货，等待买家确认"
			o.PaidAt = paid.Format(timeLayout)
			o.Carrier = pick(rng, carriers)
			o.TrackingNo = "7" + digits(rng, 13)
		default:
			o.Status = "交易成功"
			o.PaidAt = paid.Format(timeLayout)
			o.Carrier = pick(rng, carriers)
			o.TrackingNo = "7" + digits(rng, 13)
		}
		if o.Carrier == "顺丰速运" {
			o.TrackingNo = "SF" + digits(rng, 13)
		}
		out = append(out, o)
	}
	return out
}

// QianniuSubOrders invents sub-order rows for n orders (one to three items each).
func QianniuSubOrders(rng *rand.Rand, n int, now time.Time) []exportfile.QianniuSubOrder {
	var out []exportfile.QianniuSubOrder
	for i := 0; i < n; i++ {
		orderNo := digits(rng, 19)
		created := now.Add(-time.Duration(rng.Float64()*10*24) * time.Hour)
		status, shipped, tracking, carrier := "买家已付款，等待卖家发货", "", "", ""
		if created.Before(now.Add(-48 * time.Hour)) {
			status = "卖家已发货，等待买家确认"
			shipped = created.Add(20 * time.Hour).Format(timeLayout)
			carrier, tracking = pick(rng, carriers), "7"+digits(rng, 13)
			if created.Before(now.Add(-6 * 24 * time.Hour)) {
				status = "交易成功" // received by now: a week-old export shows few stalled parcels
			}
		}
		buyer := pick(rng, buyers)
		items := 1 + rng.IntN(3)
		for k := 0; k < items; k++ {
			p := pick(rng, products)
			qty := 1 + rng.IntN(2)
			s := exportfile.QianniuSubOrder{
				SubOrderNo: orderNo[:15] + fmt.Sprintf("%04d", k+1), OrderNo: orderNo, Title: p.title,
				Status: status, SkuCode: skuCode(p.title, rng.IntN(40)), PriceFen: p.fen,
				Quantity: qty, PayFen: p.fen * int64(qty), CreatedAt: created.Format(timeLayout),
				PaidAt: created.Add(2 * time.Minute).Format(timeLayout), ShippedAt: shipped,
				TrackingNo: tracking, Carrier: carrier, Buyer: buyer,
			}
			if rng.IntN(12) == 0 {
				s.RefundStatus, s.RefundFen = "买家已经申请退款，等待卖家同意", s.PayFen
			}
			if shipped != "" && rng.IntN(10) == 0 {
				s.Compensated, s.LateCompFen = true, 300
			}
			out = append(out, s)
		}
	}
	return out
}
