package demo

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"shopdesk/db"
	"shopdesk/internal/anomaly"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/staff"
)

// pddShop is the demo's 拼多多 shop: its export has 承诺发货时间 and 发货时间, so its
// anomalies show what the Taobao shops' exports lack.
const pddShop = "小米粒拼多多店"

// demoStaff is the team of the demo shops.
var demoStaff = []staff.Staff{
	{Name: "张老板", Role: "owner", Active: true},
	{Name: "小王", Role: "operations", Active: true},
	{Name: "小李", Role: "cs_aftersale", Active: true},
	{Name: "阿强", Role: "warehouse", Active: true, Note: "负责打包发货"},
}

// PDDOrders invents the 拼多多 shop's month: ordinary orders, and one of each anomaly the
// order export can show (times relative to now, so they stay anomalous on a first run).
func PDDOrders(now time.Time) []exportfile.PDDOrder {
	at := func(d time.Duration) string { return now.Add(d).Format(timeLayout) }
	order := func(i int, status string, created time.Duration) exportfile.PDDOrder {
		p := products[i%len(products)]
		return exportfile.PDDOrder{
			OrderNo: fmt.Sprintf("%s-%015d", now.Add(created).Format("060102"), 428100000000000+int64(i)*7919),
			Status:  status, Title: p.title, PayFen: p.fen, GoodsFen: p.fen, Quantity: 1,
			Receiver: "王**", Province: "江苏省", City: "苏州市", District: "工业园区", Street: "星湖街 328 号",
			CreatedAt: at(created), PaidAt: at(created + 2*time.Minute),
		}
	}
	var out []exportfile.PDDOrder
	// The shop's usual orders of the last four weeks: signed for, a median to compare with.
	for i := 0; i < 24; i++ {
		o := order(i, "已签收", -time.Duration(3+i)*24*time.Hour)
		o.ShippedAt, o.ConfirmedAt = at(-time.Duration(3+i)*24*time.Hour+20*time.Hour), at(-time.Duration(i)*24*time.Hour)
		o.Carrier, o.TrackingNo = carriers[i%len(carriers)], fmt.Sprintf("75%011d", 31000000+i)
		out = append(out, o)
	}
	overdue := order(30, "待发货", -62*time.Hour)
	overdue.PromisedShipAt = at(-14 * time.Hour)
	soon := order(31, "待发货", -45*time.Hour)
	soon.PromisedShipAt = at(3 * time.Hour)
	message := order(32, "待发货", -5*time.Hour)
	message.PromisedShipAt, message.Message = at(43*time.Hour), "麻烦发顺丰，周六要送人"
	big := order(33, "待发货", -20*time.Hour)
	big.PromisedShipAt, big.Quantity = at(28*time.Hour), 8
	big.PayFen, big.GoodsFen = big.PayFen*8, big.PayFen*8
	unpaid := order(34, "待支付", -3*time.Hour)
	unpaid.PaidAt = ""
	stalled := order(35, "已发货，待收货", -8*24*time.Hour)
	stalled.ShippedAt, stalled.Carrier, stalled.TrackingNo = at(-7*24*time.Hour), "极兔速递", "JT5600012345678"
	closed := order(36, "未发货，退款成功", -30*time.Hour)
	// A buyer asking for a refund after signing for the parcel: the order export's 售后状态.
	out[4].AfterSale = "待商家处理"
	return append(out, overdue, soon, message, big, unpaid, stalled, closed)
}

// addAnomalies makes the demo's anomalies of every kind besides what the Taobao files
// already show: the 拼多多 shop, a late shipment the platform compensated, a complaint, the
// team, and one anomaly being handled (owner, note) so the workflow shows.
func addAnomalies(ctx context.Context, d *db.DB, dir string, now time.Time, taobaoShopID int64) (int, error) {
	im := importer.New(d)
	pdd := PDDOrders(now)
	rows := make([][]string, len(pdd))
	for i, o := range pdd {
		rows[i] = o.Row()
	}
	pddPath := filepath.Join(dir, "拼多多订单导出_"+now.Format("20060102")+".csv")
	if err := exportfile.WriteCSV(pddPath, exportfile.PDDOrderHeader, rows, exportfile.CSVOptions{BOM: true}); err != nil {
		return 0, err
	}
	if r := im.ImportFile(ctx, pddPath, importer.Options{ShopName: pddShop}); r.Error != "" {
		return 0, fmt.Errorf("%s", r.Error)
	}

	at := func(d time.Duration) string { return now.Add(d).Format(timeLayout) }
	late := exportfile.QianniuSubOrder{SubOrderNo: "3958016620317840001", OrderNo: "3958016620317840000",
		Title: products[6].title, Status: "卖家已发货，等待买家确认", SkuCode: products[6].code, PriceFen: products[6].fen,
		Quantity: 1, PayFen: products[6].fen, CreatedAt: at(-4 * 24 * time.Hour), PaidAt: at(-4*24*time.Hour + time.Minute),
		ShippedAt: at(-26 * time.Hour), TrackingNo: "78" + "01234567891", Carrier: "韵达快递", Buyer: "森林里的鹿",
		Compensated: true, LateCompFen: 500}
	latePath := filepath.Join(dir, "千牛订单导出_赔付.xlsx")
	if err := exportfile.WriteXLSX(latePath, "订单列表", exportfile.QianniuSubOrderHeader, [][]string{late.Row()}); err != nil {
		return 0, err
	}
	if r := im.ImportFile(ctx, latePath, importer.Options{ShopID: taobaoShopID}); r.Error != "" {
		return 0, fmt.Errorf("%s", r.Error)
	}

	ids := map[string]int64{}
	for _, s := range demoStaff {
		saved, err := staff.Save(ctx, d.Queries(), s)
		if err != nil {
			return 0, err
		}
		ids[s.Name] = saved.ID
	}
	store := anomaly.New(d)
	if _, err := store.AddComplaint(ctx, anomaly.Complaint{ShopID: taobaoShopID, OrderNo: late.OrderNo, Buyer: late.Buyer,
		Channel: "chat", Severity: "serious", Content: "买家说四件套迟迟不到还起球，要求退一半货款，否则去平台投诉",
		ReceivedAt: at(-3 * time.Hour)}, ids["小李"], now); err != nil {
		return 0, err
	}
	res, err := store.Evaluate(ctx, anomaly.At(now))
	if err != nil {
		return 0, err
	}
	// The overdue 拼多多 order is being handled by the warehouse.
	rows2, err := store.ListAll(ctx, anomaly.Query{Kind: anomaly.KindOverdueShipment, Search: pdd[24].OrderNo})
	if err != nil {
		return 0, err
	}
	if len(rows2) == 1 {
		id := []int64{rows2[0].ID}
		if _, err := store.Assign(ctx, id, ids["阿强"], ids["小王"]); err != nil {
			return 0, err
		}
		if _, err := store.SetState(ctx, id, anomaly.StateInProgress, ids["阿强"], "缺货，已催供应商，明天上午第一个发"); err != nil {
			return 0, err
		}
	}
	return res.Found, nil
}
