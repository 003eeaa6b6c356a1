package stock_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/shop"
	"shopdesk/internal/stock"
)

// The stock data from real files through the import engine, with the store's clock at
// 2026-11-22 10:00 (Asia/Shanghai) unless a test says otherwise.

var now = time.Date(2026, 11, 22, 2, 0, 0, 0, time.UTC) // 10:00 in the shops' zone

type fixture struct {
	t   *testing.T
	ctx context.Context
	d   *db.DB
	im  *importer.Importer
	s   *stock.Store
	dir string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "shop.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	s := stock.New(d)
	s.SetClock(func() time.Time { return now })
	return &fixture{t: t, ctx: context.Background(), d: d, im: importer.New(d), s: s, dir: t.TempDir()}
}

// importFile imports a file and syncs the stock data, as the app does.
func (f *fixture) importFile(path string, opts importer.Options) importer.FileResult {
	f.t.Helper()
	r := f.im.ImportFile(f.ctx, path, opts)
	if r.Error != "" {
		f.t.Fatalf("import %s: %s", filepath.Base(path), r.Error)
	}
	f.sync()
	return r
}

func (f *fixture) undo(batch int64) importer.UndoResult {
	f.t.Helper()
	u, err := f.im.Undo(f.ctx, batch)
	if err != nil {
		f.t.Fatal(err)
	}
	f.sync()
	return u
}

func (f *fixture) sync() {
	f.t.Helper()
	if _, err := f.s.Sync(f.ctx); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) xlsx(name string, header []string, rows [][]string) string {
	f.t.Helper()
	p := filepath.Join(f.dir, name)
	if err := exportfile.WriteXLSX(p, "Sheet1", header, rows); err != nil {
		f.t.Fatal(err)
	}
	return p
}

func (f *fixture) csv(name string, header []string, rows [][]string) string {
	f.t.Helper()
	p := filepath.Join(f.dir, name)
	if err := exportfile.WriteCSV(p, header, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		f.t.Fatal(err)
	}
	return p
}

// sheet imports a stock sheet: code, name, count, supplier, counted at ("" now).
func (f *fixture) sheet(name string, rows ...[]string) importer.FileResult {
	f.t.Helper()
	return f.importFile(f.xlsx(name, []string{"商家编码", "商品名称", "实际库存", "供应商", "盘点时间"}, rows), importer.Options{})
}

// qianniu imports 千牛 sub-orders into the Taobao shop named shop.
func (f *fixture) qianniu(name, shop string, subs ...exportfile.QianniuSubOrder) importer.FileResult {
	f.t.Helper()
	rows := make([][]string, len(subs))
	for i, s := range subs {
		rows[i] = s.Row()
	}
	return f.importFile(f.xlsx(name, exportfile.QianniuSubOrderHeader, rows), importer.Options{ShopName: shop})
}

func sold(no, code string, qty int, paid string) exportfile.QianniuSubOrder {
	return exportfile.QianniuSubOrder{SubOrderNo: no + "1", OrderNo: no, Title: "商品 " + code, Status: "交易成功",
		SkuCode: code, PriceFen: 1000, Quantity: qty, PayFen: 1000 * int64(qty), CreatedAt: paid, PaidAt: paid,
		ShippedAt: paid, TrackingNo: "YT" + no, Carrier: "圆通速递", Buyer: "买家" + no}
}

// row returns an item's row of the sheet.
func (f *fixture) row(code string) stock.Row {
	f.t.Helper()
	p, err := f.s.List(f.ctx, stock.Query{Search: code, All: true})
	if err != nil {
		f.t.Fatal(err)
	}
	for _, r := range p.Rows {
		if r.Code == code {
			return r
		}
	}
	f.t.Fatalf("no SKU %s on the sheet (%d rows)", code, len(p.Rows))
	return stock.Row{}
}

// checkLedger holds the ledger to the figures: its entries add up to on hand, the newest
// balance is on hand, and Balances agrees.
func (f *fixture) checkLedger(code string) stock.Detail {
	f.t.Helper()
	r := f.row(code)
	d, err := f.s.Get(f.ctx, r.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	if d.Entries > len(d.Ledger) {
		f.t.Fatalf("%s: ledger longer than shown", code)
	}
	var sum int64
	for _, e := range d.Ledger {
		sum += e.Qty
	}
	bal, err := stock.Balances(f.ctx, f.d.Queries(), []int64{r.ID}, "2026-11-22 23:59:59")
	if err != nil {
		f.t.Fatal(err)
	}
	newest := int64(0)
	if len(d.Ledger) > 0 {
		newest = d.Ledger[0].Balance
	}
	if sum != r.OnHand || newest != r.OnHand || bal[r.ID].OnHand != r.OnHand || d.Row.OnHand != r.OnHand {
		f.t.Fatalf("%s: ledger sums to %d, newest balance %d, Balances %d, drawer %d, sheet %d\nledger %+v", code, sum, newest,
			bal[r.ID].OnHand, d.Row.OnHand, r.OnHand, d.Ledger)
	}
	return d
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// One SKU sold in a Taobao and a JD shop, counted 20 days ago; then a return; then the
// imports undone one by one: every figure by hand, and the ledger adding up at each step.
func TestSKUSoldInTwoShops(t *testing.T) {
	f := newFixture(t)
	f.sheet("库存表.xlsx", []string{"MY-1", "连体衣", "50", "义乌童装", "2026-11-02 09:00:00"})
	taobao := f.qianniu("千牛1.xlsx", "淘宝小铺", sold("3100000000000000001", "MY-1", 3, "2026-11-20 12:00:00"))
	jdOrder := exportfile.JDOrder{OrderNo: "280000000001", Status: "等待出库", Customer: "张三", Address: "北京",
		TotalFen: 4000, PayFen: 4000, CreatedAt: "2026-11-21 12:00:00", PaidAt: "2026-11-21 12:01:00",
		Items: []exportfile.JDItem{{ProductID: "100001", Title: "连体衣 京东", SkuCode: "MY-1", PriceFen: 1000, Quantity: 4}}}
	jd := f.importFile(f.csv("jd.csv", exportfile.JDOrderHeader, jdOrder.Rows()), importer.Options{ShopName: "京东店"})

	// 7 sold since the count (50): 43. First seen 11-02: 21 days of history. avg7 = 7/7,
	// avg14 = 7/14, avg30 = 7/21; days left 43 / 0.5 = 86 (not above 90: ok).
	r := f.row("MY-1")
	if r.OnHand != 43 || !near(r.Avg7, 1) || !near(r.Avg14, 0.5) || !near(r.Avg30, 7.0/21) || r.DaysLeft == nil ||
		!near(*r.DaysLeft, 86) || r.ReorderQty != 0 || r.Status != stock.StatusOK || r.Supplier != "义乌童装" {
		t.Fatalf("after both shops: %+v %v", r.Figures, r.DaysLeft)
	}
	f.checkLedger("MY-1")
	var jdShop int64
	if err := f.d.SQL.QueryRow(`SELECT id FROM shop WHERE name = '京东店'`).Scan(&jdShop); err != nil {
		t.Fatal(err)
	}
	if p, err := f.s.List(f.ctx, stock.Query{ShopID: jdShop}); err != nil || len(p.Rows) != 1 || p.Rows[0].Code != "MY-1" {
		t.Fatalf("the JD shop's SKUs: %+v %v", p, err)
	}

	// The Taobao buyer returns the 3 (退货退款, done yesterday): 46 on hand; net 4 sold.
	refund := exportfile.TaobaoRefund{OrderNo: "3100000000000000001", RefundNo: "9000000001", Title: "商品 MY-1",
		Status: "退款成功", PayFen: 3000, RefundFen: 3000, NeedReturn: true, AfterSale: true, Shop: "淘宝小铺",
		PaidAt: "2026-11-20 12:00:00", AppliedAt: "2026-11-21 09:00:00", FinishedAt: "2026-11-21 18:00:00"}
	rf := f.importFile(f.csv("退款.csv", exportfile.TaobaoRefundHeaderWithShop, [][]string{refund.Row(exportfile.TaobaoRefundHeaderWithShop)}), importer.Options{})
	r = f.row("MY-1")
	// avg14 = 4/14: days left 46 / (4/14) = 161: overstock
	if r.OnHand != 46 || !near(r.Avg7, 4.0/7) || !near(r.AvgWindow, 4.0/14) || r.Status != stock.StatusOverstock || r.ReturnedWindow != 3 {
		t.Fatalf("after the return: %+v", r.Figures)
	}
	d := f.checkLedger("MY-1")
	if d.Ledger[0].Kind != stock.MoveReturn || d.Ledger[0].Qty != 3 || d.Ledger[0].Ref != "9000000001" {
		t.Fatalf("newest entry %+v", d.Ledger[0])
	}
	ret, err := f.s.Returns(f.ctx, "", "", 1, 50)
	if err != nil || ret.Total != 1 || ret.Rows[0].Day != "2026-11-21" || ret.Rows[0].Units != 3 || ret.Rows[0].Code != "MY-1" {
		t.Fatalf("returns table %+v %v", ret, err)
	}

	// Undo the refunds, then the JD orders: the figures follow, the ledger still adds up.
	f.undo(rf.BatchID)
	if r = f.row("MY-1"); r.OnHand != 43 {
		t.Fatalf("after undoing the refund: %d", r.OnHand)
	}
	f.checkLedger("MY-1")
	f.undo(jd.BatchID)
	if r = f.row("MY-1"); r.OnHand != 47 || !near(r.Avg14, 3.0/14) {
		t.Fatalf("after undoing the JD orders: %+v", r.Figures)
	}
	f.checkLedger("MY-1")
	f.undo(taobao.BatchID)
	if r = f.row("MY-1"); r.OnHand != 50 || r.Avg30 != 0 || r.Status != stock.StatusOK {
		t.Fatalf("after undoing every order: %+v", r.Figures)
	}
	f.checkLedger("MY-1")
}

// A count includes what was sold before it, however late the orders are imported.
func TestOrdersImportedAfterACount(t *testing.T) {
	f := newFixture(t)
	f.sheet("库存表.xlsx", []string{"A", "杯子", "10", "", "2026-11-22 09:00:00"})
	f.qianniu("昨天.xlsx", "淘宝小铺", sold("3100000000000000011", "A", 2, "2026-11-21 20:00:00"))
	if r := f.row("A"); r.OnHand != 10 {
		t.Fatalf("a sale before the count changed on hand: %d", r.OnHand)
	}
	f.qianniu("今天.xlsx", "淘宝小铺", sold("3100000000000000012", "A", 1, "2026-11-22 09:30:00"))
	if r := f.row("A"); r.OnHand != 9 {
		t.Fatalf("a sale after the count: %d", r.OnHand)
	}
	d := f.checkLedger("A")
	if len(d.Ledger) != 2 || d.Ledger[1].Kind != stock.MoveStocktake || d.Ledger[1].Qty != 10 {
		t.Fatalf("ledger %+v", d.Ledger)
	}
}

// The inline edit is an adjustment with its reason; the latest movement by hand can be
// taken back, with a trace in the SKU's history.
func TestSetOnHandAndUndo(t *testing.T) {
	f := newFixture(t)
	f.sheet("库存表.xlsx", []string{"A", "杯子", "10", "", "2026-11-22 09:00:00"})
	id := f.row("A").ID
	if _, err := f.s.SetOnHand(f.ctx, id, 8, "", 0); err == nil {
		t.Fatal("an edit without a reason was taken")
	}
	e, err := f.s.SetOnHand(f.ctx, id, 8, "破损 2 件", 0)
	if err != nil || e.Kind != stock.MoveAdjust || e.Qty != -2 {
		t.Fatalf("%+v %v", e, err)
	}
	if r := f.row("A"); r.OnHand != 8 {
		t.Fatalf("on hand %d", r.OnHand)
	}
	d := f.checkLedger("A")
	if d.Ledger[0].Reason != "破损 2 件" {
		t.Fatalf("%+v", d.Ledger[0])
	}
	if _, err := f.s.AddMove(f.ctx, id, stock.MoveInput{Kind: stock.MoveIn, Qty: 12, Reason: "到货"}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.UndoMove(f.ctx, e.MoveID, 0); err == nil {
		t.Fatal("undid a movement that a later one built on")
	}
	d = f.checkLedger("A")
	if err := f.s.UndoMove(f.ctx, d.Ledger[0].MoveID, 0); err != nil {
		t.Fatal(err)
	}
	if r := f.row("A"); r.OnHand != 8 {
		t.Fatalf("after undo: %d", r.OnHand)
	}
	d = f.checkLedger("A")
	if len(d.Changes) != 1 || d.Changes[0].Field != "move_undone" {
		t.Fatalf("history %+v", d.Changes)
	}
	if err := f.s.UndoMove(f.ctx, d.Ledger[1].MoveID, 0); err == nil {
		t.Fatal("undid a stock sheet's movement by hand")
	}
}

// The count sheet goes out as xlsx, comes back filled in through the engine, waits for
// review, and posts; undoing its import takes it all back.
func TestStocktakeRoundTrip(t *testing.T) {
	f := newFixture(t)
	f.s.SetClock(time.Now) // the count sheet is counted now (it has no 盘点时间 column)
	f.sheet("库存表.xlsx", []string{"A", "杯子", "10", "甲", ""}, []string{"B", "碗", "5", "甲", ""},
		[]string{"C", "盘子", "7", "乙", ""})
	data, n, err := f.s.CountSheetXLSX(f.ctx, "")
	if err != nil || n != 3 {
		t.Fatalf("%d %v", n, err)
	}
	path := filepath.Join(f.dir, "盘点表.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// The seller counts A (8) and B (5) and leaves C blank.
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := x.GetRows("盘点表")
	if err != nil || !slices.Equal(rows[0], stock.CountSheetHeader) || len(rows) != 4 {
		t.Fatalf("count sheet %v %v", rows, err)
	}
	counted := map[string]string{"A": "8", "B": "5"}
	for i, r := range rows[1:] {
		if v, ok := counted[r[0]]; ok {
			if err := x.SetCellValue("盘点表", "F"+strconv.Itoa(i+2), v); err != nil {
				t.Fatal(err)
			}
		}
		if book := r[4]; (r[0] == "A" && book != "10") || (r[0] == "C" && book != "7") {
			t.Fatalf("book of %s: %s", r[0], book)
		}
	}
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
	x.Close()

	res := f.importFile(path, importer.Options{})
	if res.Format != "stock_count_sheet" || res.Updated != 1 || res.Unchanged != 2 {
		t.Fatalf("count sheet import %+v", res)
	}
	if r := f.row("A"); r.OnHand != 10 {
		t.Fatalf("a count sheet changed stock before it was posted: %d", r.OnHand)
	}
	sheets, err := f.s.CountSheets(f.ctx)
	if err != nil || len(sheets) != 1 || sheets[0].Counted != 2 || sheets[0].Differing != 1 || sheets[0].Posted != 0 {
		t.Fatalf("%+v %v", sheets, err)
	}
	review, err := f.s.CountReview(f.ctx, res.BatchID)
	if err != nil || len(review) != 3 || review[0].Code != "A" || review[0].Diff != -2 || review[2].Counted != nil {
		t.Fatalf("%+v %v", review, err)
	}
	if posted, err := f.s.PostCounts(f.ctx, res.BatchID, 0); err != nil || posted != 2 {
		t.Fatalf("%d %v", posted, err)
	}
	if _, err := f.s.PostCounts(f.ctx, res.BatchID, 0); err == nil {
		t.Fatal("posted twice")
	}
	for code, want := range map[string]int64{"A": 8, "B": 5, "C": 7} {
		if r := f.row(code); r.OnHand != want {
			t.Fatalf("%s: %d, want %d", code, r.OnHand, want)
		}
		f.checkLedgerNow(code)
	}
	f.undo(res.BatchID)
	if r := f.row("A"); r.OnHand != 10 {
		t.Fatalf("after undoing the count sheet: %d", r.OnHand)
	}
	if sheets, _ := f.s.CountSheets(f.ctx); len(sheets) != 0 {
		t.Fatalf("%+v", sheets)
	}
}

// checkLedgerNow is checkLedger at the real time (the stocktake test's clock).
func (f *fixture) checkLedgerNow(code string) {
	f.t.Helper()
	r := f.row(code)
	d, err := f.s.Get(f.ctx, r.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	var sum int64
	for _, e := range d.Ledger {
		sum += e.Qty
	}
	if sum != r.OnHand || d.Ledger[0].Balance != r.OnHand {
		f.t.Fatalf("%s: ledger %d / %d, on hand %d", code, sum, d.Ledger[0].Balance, r.OnHand)
	}
}

// Lines without a merchant code wait on the unmapped list with suggestions; a mapping
// takes them and every later import's.
func TestMappingAppliesToLaterImports(t *testing.T) {
	f := newFixture(t)
	f.sheet("库存表.xlsx", []string{"JJ-MT-150", "加厚珊瑚绒毛毯 灰色 150×200", "40", "南通家纺", "2026-11-01 09:00:00"},
		[]string{"JJ-BZ-350", "北欧风陶瓷马克杯 350ml", "10", "", "2026-11-01 09:00:00"})
	order := func(no, paid string) exportfile.TaobaoOrder {
		return exportfile.TaobaoOrder{OrderNo: no, Buyer: "买家", Status: "交易成功", Title: "加厚珊瑚绒毛毯 午睡毯 办公室盖腿小被子",
			Shop: "暖暖家居小铺", Items: 2, PayFen: 13600, CreatedAt: paid, PaidAt: paid, TrackingNo: "YT1", Carrier: "圆通速递"}
	}
	rows := [][]string{order("3200000000000000001", "2026-11-20 10:00:00").Row(), order("3200000000000000002", "2026-11-21 10:00:00").Row()}
	f.importFile(f.csv("ExportOrderList1.csv", exportfile.TaobaoOrderHeader, rows), importer.Options{})
	un, err := f.s.UnmappedLines(f.ctx, 1, 20)
	if err != nil || un.Titles != 1 || un.Lines != 2 || un.Rows[0].Units != 4 || len(un.Rows[0].Suggestions) == 0 ||
		un.Rows[0].Suggestions[0].Code != "JJ-MT-150" {
		t.Fatalf("unmapped %+v %v", un, err)
	}
	item := f.row("JJ-MT-150")
	if n, err := f.s.MapTitle(f.ctx, un.Rows[0].ShopID, un.Rows[0].Title, item.ID, "5566778899"); err != nil || n != 2 {
		t.Fatalf("%d %v", n, err)
	}
	if r := f.row("JJ-MT-150"); r.OnHand != 36 {
		t.Fatalf("on hand after mapping: %d", r.OnHand)
	}
	if un, _ = f.s.UnmappedLines(f.ctx, 1, 20); un.Titles != 0 {
		t.Fatalf("still unmapped: %+v", un)
	}
	later := [][]string{order("3200000000000000003", "2026-11-22 08:00:00").Row()}
	f.importFile(f.csv("ExportOrderList2.csv", exportfile.TaobaoOrderHeader, later), importer.Options{})
	if r := f.row("JJ-MT-150"); r.OnHand != 34 {
		t.Fatalf("a later import's line was not mapped: %d", r.OnHand)
	}
	d := f.checkLedger("JJ-MT-150")
	if len(d.Listings) == 0 || d.Listings[0].PlatformSkuID != "5566778899" || d.Listings[0].ShopName != "暖暖家居小铺" {
		t.Fatalf("listings %+v", d.Listings)
	}
	if err := f.s.Unmap(f.ctx, d.Listings[0].ID); err != nil {
		t.Fatal(err)
	}
	if un, _ = f.s.UnmappedLines(f.ctx, 1, 20); un.Lines != 3 {
		t.Fatalf("unmapped after unmap: %+v", un)
	}
	if r := f.row("JJ-MT-150"); r.OnHand != 40 {
		t.Fatalf("on hand after unmap: %d", r.OnHand)
	}
}

// A SKU first seen on an order line goes when the import that brought it is undone.
func TestUndoRemovesSKUsOfOrders(t *testing.T) {
	f := newFixture(t)
	r := f.qianniu("千牛.xlsx", "淘宝小铺", sold("3100000000000000021", "NEW-1", 1, "2026-11-21 10:00:00"))
	if row := f.row("NEW-1"); row.Name != "商品 NEW-1" || row.Known || row.Status != stock.StatusOut {
		t.Fatalf("%+v", row)
	}
	f.undo(r.BatchID)
	p, err := f.s.List(f.ctx, stock.Query{All: true})
	if err != nil || len(p.Rows) != 0 {
		t.Fatalf("%+v %v", p, err)
	}
}

// The reorder list by supplier, and the purchase sheet made of it.
func TestReorderAndPurchaseSheet(t *testing.T) {
	f := newFixture(t)
	f.sheet("库存表.xlsx", []string{"A", "杯子", "1", "景德镇", "2026-10-01 09:00:00"}, []string{"B", "碗", "0", "", "2026-10-01 09:00:00"},
		[]string{"C", "盘子", "500", "景德镇", "2026-10-01 09:00:00"})
	var subs []exportfile.QianniuSubOrder
	for i := 0; i < 14; i++ {
		day := time.Date(2026, 11, 9+i, 12, 0, 0, 0, time.UTC).Format("2006-01-02 15:04:05")
		subs = append(subs, sold("31000000000000010"+strconv.Itoa(10+i), "A", 2, day), sold("31000000000000020"+strconv.Itoa(10+i), "B", 1, day))
	}
	f.qianniu("千牛.xlsx", "淘宝小铺", subs...)
	groups, err := f.s.Reorder(f.ctx)
	if err != nil || len(groups) != 2 || groups[0].Supplier != "景德镇" || groups[1].Supplier != "" {
		t.Fatalf("%+v %v", groups, err)
	}
	// A: 28 sold from 1 (oversold to -27): avg 2, (7 + 14) x 2 + 27 = 69
	if l := groups[0].Lines; len(l) != 1 || l[0].Code != "A" || l[0].Qty != 69 {
		t.Fatalf("%+v", groups[0].Lines)
	}
	data, n, err := f.s.PurchaseXLSX(f.ctx, "", false)
	if err != nil || n != 2 {
		t.Fatalf("%d %v", n, err)
	}
	path := filepath.Join(f.dir, "采购单.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); !slices.Equal(got, []string{"汇总", "景德镇", "（未填供应商）"}) {
		t.Fatalf("sheets %v", got)
	}
	rows, err := x.GetRows("景德镇")
	if err != nil || len(rows) != 4 || rows[2][0] != "A" || rows[2][9] != "69" {
		t.Fatalf("%v %v", rows, err)
	}
}

// A big batch is derived a chunk of orders at a time: the same lines as in one go.
func TestSyncInChunks(t *testing.T) {
	old := stock.SetSyncChunk(2)
	t.Cleanup(func() { stock.SetSyncChunk(old) })
	f := newFixture(t)
	f.sheet("库存表.xlsx", []string{"A", "杯子", "50", "", "2026-11-01 09:00:00"})
	var subs []exportfile.QianniuSubOrder
	for i := 0; i < 5; i++ {
		subs = append(subs, sold("310000000000000090"+strconv.Itoa(i), "A", i+1, "2026-11-1"+strconv.Itoa(i)+" 10:00:00"))
	}
	r := f.qianniu("千牛.xlsx", "淘宝小铺", subs...)
	var lines int
	if err := f.d.SQL.QueryRow(`SELECT count(*) FROM stock_line`).Scan(&lines); err != nil || lines != 5 {
		t.Fatalf("%d lines, %v", lines, err)
	}
	if row := f.row("A"); row.OnHand != 50-15 {
		t.Fatalf("on hand %d", row.OnHand)
	}
	f.checkLedger("A")
	f.undo(r.BatchID)
	if row := f.row("A"); row.OnHand != 50 {
		t.Fatalf("after undo %d", row.OnHand)
	}
}

// A shop merged into another (its orders, with their sale lines, move; an order both have
// is parked with its lines) and the merge undone: the stock adds up at every step; a
// deleted shop takes its sales with it.
func TestShopMergeAndDelete(t *testing.T) {
	f := newFixture(t)
	f.sheet("库存表.xlsx", []string{"A", "杯子", "50", "", "2026-11-01 09:00:00"})
	f.qianniu("甲.xlsx", "甲店", sold("3100000000000000031", "A", 2, "2026-11-20 10:00:00"),
		sold("3100000000000000032", "A", 1, "2026-11-20 11:00:00"))
	f.qianniu("乙.xlsx", "乙店", sold("3100000000000000031", "A", 2, "2026-11-20 10:00:00"),
		sold("3100000000000000033", "A", 4, "2026-11-21 10:00:00"))
	if r := f.row("A"); r.OnHand != 41 {
		t.Fatalf("before: %d", r.OnHand)
	}
	ids := map[string]int64{}
	rows, err := f.d.SQL.Query(`SELECT name, id FROM shop`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		var id int64
		rows.Scan(&n, &id)
		ids[n] = id
	}
	rows.Close()
	shops := shop.New(f.d)
	m, err := shops.Merge(f.ctx, ids["乙店"], ids["甲店"])
	if err != nil {
		t.Fatal(err)
	}
	f.sync()
	// The order both had stays once (甲店's): 50 - 2 - 1 - 4.
	if r := f.row("A"); r.OnHand != 43 {
		t.Fatalf("after the merge: %d", r.OnHand)
	}
	f.checkLedger("A")
	if _, err := shops.UndoMerge(f.ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	f.sync()
	if r := f.row("A"); r.OnHand != 41 {
		t.Fatalf("after undoing the merge: %d", r.OnHand)
	}
	f.checkLedger("A")
	if err := shops.Delete(f.ctx, ids["乙店"], "乙店"); err != nil {
		t.Fatal(err)
	}
	f.sync()
	if r := f.row("A"); r.OnHand != 47 {
		t.Fatalf("after deleting 乙店: %d", r.OnHand)
	}
	f.checkLedger("A")
}

// An item report adds merchant codes to the orders of an order report: the orders' lines
// become the SKU's; undoing the item report gives the orders back their one untitled line.
func TestItemReportOverOrderReport(t *testing.T) {
	f := newFixture(t)
	o := exportfile.TaobaoOrder{OrderNo: "3300000000000000001", Buyer: "买家", Status: "交易成功", Title: "马克杯 350ml",
		Shop: "天猫店", Items: 3, PayFen: 8970, CreatedAt: "2026-11-20 10:00:00", PaidAt: "2026-11-20 10:01:00",
		TrackingNo: "YT1", Carrier: "圆通速递"}
	f.importFile(f.csv("ExportOrderList1.csv", exportfile.TaobaoOrderHeader, [][]string{o.Row()}), importer.Options{})
	if un, _ := f.s.UnmappedLines(f.ctx, 1, 10); un.Lines != 1 || un.Rows[0].Units != 3 {
		t.Fatalf("before the item report: %+v", un)
	}
	item := exportfile.TaobaoItemLine{OrderNo: o.OrderNo, Title: o.Title, Props: "颜色分类：白色", Status: o.Status, SkuCode: "JJ-BZ-350",
		PriceFen: 2990, Quantity: 3}
	var shopID int64
	if err := f.d.SQL.QueryRow(`SELECT id FROM shop WHERE name = '天猫店'`).Scan(&shopID); err != nil {
		t.Fatal(err)
	}
	r := f.importFile(f.csv("ExportOrderDetailList1.csv", exportfile.TaobaoItemReportHeader, [][]string{item.Row()}), importer.Options{ShopID: shopID})
	if un, _ := f.s.UnmappedLines(f.ctx, 1, 10); un.Lines != 0 {
		t.Fatalf("after the item report: %+v", un)
	}
	if row := f.row("JJ-BZ-350"); row.SoldRank != 3 || row.MarginFen != 8970 {
		t.Fatalf("%+v", row.Figures)
	}
	f.undo(r.BatchID)
	if un, _ := f.s.UnmappedLines(f.ctx, 1, 10); un.Lines != 1 || un.Rows[0].Units != 3 {
		t.Fatalf("after undoing the item report: %+v", un)
	}
	if p, _ := f.s.List(f.ctx, stock.Query{All: true}); len(p.Rows) != 0 {
		t.Fatalf("the SKU of the undone report stayed: %+v", p.Rows)
	}
}
