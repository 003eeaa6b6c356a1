package demo

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/staff"
	"shopdesk/internal/stock"
)

// The demo's stock (库存表, issue 9): the Tmall shop's 宝贝报表 gives its orders their
// merchant codes (the 暖暖家居小铺's 订单报表 stays without: its titles wait on the unmapped
// list), two of its buyers returned goods this week, then a stock sheet sets what is on hand, chosen from each product's sales so that
// every status shows: one product sold out, one to reorder, one overstocked, one summer
// item unsold for two months, the rest fine. A delivery and a breakage are in the ledger.

// stockFacts are the SKU master's fields of the demo products (by merchant code).
var stockFacts = map[string]struct {
	spec, supplier  string
	costFen         int64
	lead, pack, min int64
}{
	"MY-HY-066": {"白色 66码", "义乌童装工厂", 2300, 7, 10, 5},
	"MY-CJ-012": {"粉色 三件套", "潮州硅胶制品厂", 1350, 5, 12, 0},
	"JJ-MT-150": {"灰色 150×200cm", "南通家纺", 2600, 10, 6, 0},
	"JJ-BZ-350": {"白色 350ml", "景德镇陶瓷", 900, 12, 24, 0},
	"MY-FW-006": {"卡通 6条装", "义乌小商品", 450, 5, 50, 10},
	"JJ-SN-003": {"透明 大号3个", "台州塑料", 3400, 7, 4, 0},
	"JJ-SJ-180": {"蓝格 1.8m", "南通家纺", 7800, 10, 5, 2},
	"MY-SJ-080": {"80抽×10包", "杭州日化", 1900, 5, 10, 6},
	"JJ-ZW-045": {"银色 45cm", "揭阳五金", 1600, 7, 8, 0},
	"MY-XB-020": {"米色 20码", "晋江鞋业", 2500, 10, 10, 0},
}

// slowItem is the summer item nobody buys in November: counted two months ago, unsold since.
var slowItem = struct{ code, name, spec, supplier string }{"JJ-LX-180", "夏季冰丝凉席 可折叠 三件套", "1.8m 浅蓝", "南通家纺"}

// addStock makes the demo's stock data; it returns how many SKUs the stock sheet has.
func addStock(ctx context.Context, d *db.DB, dir string, now time.Time, orders []exportfile.TaobaoOrder, tmallID int64) (int, error) {
	im := importer.New(d)
	// The Tmall shop's item report: one line per order (each demo order is one product).
	var lines [][]string
	for _, o := range orders {
		if o.Shop != tmallShop {
			continue
		}
		var price int64
		for _, p := range products {
			if p.title == o.Title {
				price = p.fen
			}
		}
		lines = append(lines, exportfile.TaobaoItemLine{OrderNo: o.OrderNo, Title: o.Title, Props: "颜色分类：默认",
			Status: o.Status, SkuCode: skuCode(o.Title, 0), PriceFen: price, Quantity: o.Items}.Row())
	}
	itemPath := filepath.Join(dir, "ExportOrderDetailList"+now.Format("200601021504")+".csv")
	if err := exportfile.WriteCSV(itemPath, exportfile.TaobaoItemReportHeader, lines,
		exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		return 0, err
	}
	if r := im.ImportFile(ctx, itemPath, importer.Options{ShopID: tmallID}); r.Error != "" {
		return 0, fmt.Errorf("%s", r.Error)
	}

	// Two buyers sent goods back this week (退货退款, done): the daily returns table has them.
	var returns [][]string
	for _, o := range orders {
		if o.Shop != tmallShop || o.Status != "交易成功" || len(returns) == 2 {
			continue
		}
		done := now.Add(-time.Duration(20+len(returns)*30) * time.Hour)
		returns = append(returns, exportfile.TaobaoRefund{OrderNo: o.OrderNo, RefundNo: "9" + o.OrderNo[1:18], Title: o.Title,
			SkuCode: skuCode(o.Title, 0), Status: "退款成功", Reason: "尺码/规格拍错", PayFen: o.PayFen, RefundFen: o.PayFen,
			NeedReturn: true, AfterSale: true, Shop: o.Shop, PaidAt: o.PaidAt, GoodsStatus: "买家已退货",
			AppliedAt: done.Add(-72 * time.Hour).Format(timeLayout), ReturnedAt: done.Add(-48 * time.Hour).Format(timeLayout),
			ReturnCarrier: "中通快递", ReturnTrackingNo: "7" + o.OrderNo[:13], FinishedAt: done.Format(timeLayout),
		}.Row(exportfile.TaobaoRefundHeaderWithShop))
	}
	returnPath := filepath.Join(dir, "退款报表_退货"+now.Format("200601021504")+".csv")
	if err := exportfile.WriteCSV(returnPath, exportfile.TaobaoRefundHeaderWithShop, returns,
		exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		return 0, err
	}
	if r := im.ImportFile(ctx, returnPath, importer.Options{}); r.Error != "" {
		return 0, fmt.Errorf("%s", r.Error)
	}

	store := stock.New(d)
	store.SetClock(func() time.Time { return now })
	if _, err := store.Sync(ctx); err != nil {
		return 0, err
	}
	rows, err := store.AsOf(ctx, store.Today())
	if err != nil {
		return 0, err
	}
	avg := map[string]float64{}
	for _, r := range rows {
		avg[r.Code] = r.AvgWindow
	}
	// The best sellers take the statuses that need sales: sold out, to reorder, overstocked.
	codes := make([]string, 0, len(products))
	for _, p := range products {
		codes = append(codes, p.code)
	}
	sort.SliceStable(codes, func(i, j int) bool { return avg[codes[i]] > avg[codes[j]] })
	onHand := map[string]int64{}
	for i, c := range codes {
		a, f := avg[c], stockFacts[c]
		switch i {
		case 0: // sold out
			onHand[c] = 0
		case 1: // below the reorder point: half of what sells during the lead time
			onHand[c] = max(1, int64(a*float64(f.lead)/2))
		case 2: // overstocked: four months of sales
			onHand[c] = int64(math.Ceil(a*120)) + 5
		default: // a month of sales, well above the reorder point
			onHand[c] = int64(math.Ceil(a*30)) + f.min + 5
		}
	}
	header := []string{"商家编码", "商品名称", "规格", "实际库存", "成本价", "安全库存", "供应商", "采购周期", "箱规", "盘点时间"}
	var sheet [][]string
	for _, p := range products {
		f := stockFacts[p.code]
		sheet = append(sheet, []string{p.code, p.title, f.spec, strconv.FormatInt(onHand[p.code], 10), exportfile.Yuan(f.costFen),
			strconv.FormatInt(f.min, 10), f.supplier, strconv.FormatInt(f.lead, 10), strconv.FormatInt(f.pack, 10),
			now.Format(timeLayout)})
	}
	sheet = append(sheet, []string{slowItem.code, slowItem.name, slowItem.spec, "80", "45.00", "0", slowItem.supplier, "15", "10",
		now.AddDate(0, 0, -60).Format(timeLayout)})
	sheetPath := filepath.Join(dir, "库存表_"+now.Format("20060102")+".xlsx")
	if err := exportfile.WriteXLSX(sheetPath, "库存", header, sheet); err != nil {
		return 0, err
	}
	if r := im.ImportFile(ctx, sheetPath, importer.Options{}); r.Error != "" {
		return 0, fmt.Errorf("%s", r.Error)
	}

	// The ledger's hand-written lines: a delivery and a breakage, by the warehouse.
	people, err := staff.List(ctx, d.Queries())
	if err != nil {
		return 0, err
	}
	var warehouse int64
	for _, s := range people {
		if s.Role == "warehouse" {
			warehouse = s.ID
		}
	}
	items, err := store.List(ctx, stock.Query{Search: codes[3]})
	if err != nil || len(items.Rows) != 1 {
		return 0, fmt.Errorf("demo stock: %s: %v", codes[3], err)
	}
	if _, err := store.AddMove(ctx, items.Rows[0].ID, stock.MoveInput{Kind: stock.MoveIn, Qty: stockFacts[codes[3]].pack * 2,
		Reason: "供应商到货 2 箱", ActorID: warehouse}); err != nil {
		return 0, err
	}
	items, err = store.List(ctx, stock.Query{Search: codes[4]})
	if err != nil || len(items.Rows) != 1 {
		return 0, fmt.Errorf("demo stock: %s: %v", codes[4], err)
	}
	if _, err := store.AddMove(ctx, items.Rows[0].ID, stock.MoveInput{Kind: stock.MoveAdjust, Qty: -1,
		Reason: "打包时摔破 1 件", ActorID: warehouse}); err != nil {
		return 0, err
	}
	if _, err := store.Sync(ctx); err != nil {
		return 0, err
	}
	page, err := store.List(ctx, stock.Query{PageSize: 200})
	if err != nil {
		return 0, err
	}
	for _, st := range stock.Statuses {
		if page.Counts[st] == 0 {
			return 0, fmt.Errorf("demo stock: no item is %s (%v)", st, page.Counts)
		}
	}
	return len(sheet), nil
}
