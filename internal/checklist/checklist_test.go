package checklist_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/anomaly"
	"shopdesk/internal/checklist"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/inquiry"
	"shopdesk/internal/shop"
	"shopdesk/internal/staff"
	"shopdesk/internal/stock"
)

// The fixture day: Sunday 2026-11-22, the list made at 09:00 in the shops' zone (01:00 UTC).
var nineAM = time.Date(2026, 11, 22, 1, 0, 0, 0, time.UTC)

type fixture struct {
	t     *testing.T
	ctx   context.Context
	d     *db.DB
	now   time.Time
	an    *anomaly.Store
	stock *stock.Store
	inq   *inquiry.Store
	staff *staff.Store
	s     *checklist.Store
	ids   map[string]int64
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "shopdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	f := &fixture{t: t, ctx: context.Background(), d: d, now: nineAM, an: anomaly.New(d), stock: stock.New(d),
		inq: inquiry.New(d), ids: map[string]int64{}}
	clock := func() time.Time { return f.now }
	f.stock.SetClock(clock)
	f.staff = staff.New(d, f.inq).WithClock(clock)
	f.s = checklist.New(d, checklist.Sources{Anomalies: f.an, Stock: f.stock, Inquiry: f.inq, Staff: f.staff}).WithClock(clock)
	return f
}

// setNow moves the clock to a shop-local time.
func (f *fixture) setNow(wall string) {
	f.t.Helper()
	w, err := time.ParseInLocation("2006-01-02 15:04", wall, time.FixedZone("UTC+8", 8*3600))
	if err != nil {
		f.t.Fatal(err)
	}
	f.now = w.UTC()
}

// evaluate runs the anomaly rules now and keeps what they find, as the app does.
func (f *fixture) evaluate() {
	f.t.Helper()
	if _, err := f.an.Evaluate(f.ctx, anomaly.At(f.now)); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) importFile(path string, opts importer.Options) {
	f.t.Helper()
	if r := importer.New(f.d).ImportFile(f.ctx, path, opts); r.Error != "" {
		f.t.Fatalf("import %s: %s", filepath.Base(path), r.Error)
	}
	if _, err := f.stock.Sync(f.ctx); err != nil {
		f.t.Fatal(err)
	}
}

// load writes and imports the fixture's files and enters its register, rota and tasks.
//
// Hand count at 2026-11-22 09:00 (default thresholds: 48 h to ship, due soon 6 h before,
// chase unpaid from 2 h to 24 h, logistics stalled after 4 days):
//
//	after-sales  refund 1 (P-AFTERSALE), logistics 1 (P-STALLED)
//	orders       yesterday 暖暖家居小铺 3 paid orders ¥470.00 (T-Y1 120, T-Y2 50, T-Y3 300; the closed
//	             and the unpaid one of that day are not sales), 小雨家纺 1 ¥88.00;
//	             overdue 1 (T-OVER, paid 11-19 08:01), due soon 1 (T-SOON, due 11-22 12:00),
//	             unpaid 2 (T-UNPAID 3 h, T-UNPAID-Y 13 h; T-UNPAID-OLD is past 24 h)
//	stock        reorder 1 (A002: 3 on hand, safety 10), out 2 (A001, A004)
//	follow-ups   2 (abc妈妈 overdue since 11-21, 王小二 today; 星星 is on 11-25)
//	staff        on shift 2 (小王 白, 小李 晚; 小陈 rests), handover 1 (小李's, not acknowledged)
//	routine      daily, weekly on Sunday, monthly on the 22nd (not: weekly Monday, monthly 31st)
func (f *fixture) load() {
	t := f.t
	dir := t.TempDir()
	paid := func(no, shopName, status string, fen int64, created, paidAt string) exportfile.TaobaoOrder {
		return exportfile.TaobaoOrder{OrderNo: no, Buyer: "买家" + no, Status: status, Title: "加厚珊瑚绒毛毯", Shop: shopName,
			PayFen: fen, Items: 1, CreatedAt: created, PaidAt: paidAt, Address: "浙江省 杭州市 西湖区 文三路 1 号"}
	}
	const a, b = "暖暖家居小铺", "小雨家纺"
	const done, toShip, unpaid, closed = "交易成功", "买家已付款，等待卖家发货", "等待买家付款", "交易关闭"
	rows := []exportfile.TaobaoOrder{
		paid("T-Y1", a, done, 12000, "2026-11-21 10:00:00", "2026-11-21 10:01:00"),
		paid("T-Y2", a, done, 5000, "2026-11-21 11:00:00", "2026-11-21 11:01:00"),
		paid("T-Y3", a, done, 30000, "2026-11-21 23:59:00", "2026-11-21 23:59:30"),
		paid("T-Y-CLOSED", a, closed, 7000, "2026-11-21 12:00:00", "2026-11-21 12:01:00"),
		paid("T-UNPAID-Y", a, unpaid, 6000, "2026-11-21 20:00:00", ""),
		paid("T-OVER", a, toShip, 5000, "2026-11-19 08:00:00", "2026-11-19 08:01:00"),
		paid("T-SOON", a, toShip, 5000, "2026-11-20 11:59:00", "2026-11-20 12:00:00"),
		paid("T-UNPAID", a, unpaid, 5000, "2026-11-22 06:00:00", ""),
		paid("T-UNPAID-OLD", a, unpaid, 5000, "2026-11-20 06:00:00", ""),
		paid("T-TODAY", a, toShip, 5000, "2026-11-22 08:00:00", "2026-11-22 08:01:00"),
		paid("T2-Y1", b, done, 8800, "2026-11-21 15:00:00", "2026-11-21 15:01:00"),
		paid("T2-OLD", b, done, 8800, "2026-11-20 15:00:00", "2026-11-20 15:01:00"),
	}
	cells := make([][]string, len(rows))
	for i, o := range rows {
		cells[i] = o.Row()
	}
	p := filepath.Join(dir, "ExportOrderList202611220900.csv")
	if err := exportfile.WriteCSV(p, exportfile.TaobaoOrderHeader, cells, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	f.importFile(p, importer.Options{})

	pdd := func(no string) exportfile.PDDOrder {
		return exportfile.PDDOrder{OrderNo: no, Title: "宝宝辅食碗", PayFen: 5000, GoodsFen: 5000, Quantity: 1,
			Receiver: "张**", Province: "浙江省", City: "杭州市", District: "西湖区", Street: "文三路 1 号"}
	}
	after := pdd("P-AFTERSALE")
	after.Status, after.CreatedAt, after.PaidAt = "已发货，待收货", "2026-11-20 11:58:00", "2026-11-20 12:00:00"
	after.ShippedAt, after.Carrier, after.TrackingNo, after.AfterSale = "2026-11-21 09:00:00", "中通快递", "7312345678902", "待商家处理"
	stalled := pdd("P-STALLED")
	stalled.Status, stalled.CreatedAt, stalled.PaidAt = "已发货，待收货", "2026-11-16 09:58:00", "2026-11-16 10:00:00"
	stalled.ShippedAt, stalled.Carrier, stalled.TrackingNo = "2026-11-17 09:00:00", "中通快递", "7312345678901"
	pp := filepath.Join(dir, "pdd-orders.csv")
	if err := exportfile.WriteCSV(pp, exportfile.PDDOrderHeader, [][]string{after.Row(), stalled.Row()}, exportfile.CSVOptions{BOM: true}); err != nil {
		t.Fatal(err)
	}
	f.importFile(pp, importer.Options{ShopName: "暖暖拼多多店"})

	// The stock counted this morning (the store's clock: an import would book it at the real time).
	f.setNow("2026-11-22 08:00")
	for _, it := range []struct {
		code, name     string
		onHand, safety int64
	}{{"A001", "珊瑚绒毛毯 1.5m", 0, 0}, {"A002", "珊瑚绒毛毯 2m", 3, 10}, {"A003", "四件套 1.8m", 5, 2}, {"A004", "宝宝辅食碗", 0, 5}} {
		item, err := f.stock.CreateItem(f.ctx, it.code, stock.ItemInput{Name: it.name, SafetyStock: it.safety, PackSize: 1, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		if it.onHand == 0 {
			continue // never told: on hand reads 0
		}
		if _, err := f.stock.SetOnHand(f.ctx, item.ID, it.onHand, "盘点", 0); err != nil {
			t.Fatal(err)
		}
	}
	f.now = nineAM

	for _, p := range []struct{ name, pin string }{{"小王", "1111"}, {"小李", "2222"}, {"小陈", "4444"}} {
		st, err := f.staff.Save(f.ctx, staff.Staff{Name: p.name, Role: "cs_presale", Active: true}, p.pin)
		if err != nil {
			t.Fatal(err)
		}
		f.ids[p.name] = st.ID
	}
	shifts, err := f.staff.Shifts(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	cell := func(who, day, text string) staff.RotaCell {
		rest, ids, err := staff.ParseCell(shifts, text)
		if err != nil {
			t.Fatal(err)
		}
		return staff.RotaCell{StaffID: f.ids[who], Day: day, Rest: rest, ShiftIDs: ids}
	}
	if _, err := f.staff.SetRota(f.ctx, "2026-11", []staff.RotaCell{
		cell("小王", "2026-11-22", "白"), cell("小李", "2026-11-22", "晚"), cell("小陈", "2026-11-22", "休"),
		cell("小李", "2026-11-21", "晚"), cell("小陈", "2026-11-23", "白"),
	}); err != nil {
		t.Fatal(err)
	}
	f.setNow("2026-11-22 00:02")
	if _, err := f.staff.WriteHandover(f.ctx, staff.Handover{Orders: "T-SOON 买家要求改地址，明早确认"},
		staff.Auth{StaffID: f.ids["小李"], PIN: "2222"}); err != nil {
		t.Fatal(err)
	}
	f.now = nineAM

	for _, in := range []inquiry.Inquiry{
		{AskedOn: "2026-11-18", Customer: "abc妈妈", Outcome: inquiry.OutcomePending, NextFollowOn: "2026-11-21"},
		{AskedOn: "2026-11-20", Customer: "王小二", Outcome: inquiry.OutcomePending, NextFollowOn: "2026-11-22"},
		{AskedOn: "2026-11-20", Customer: "星星点灯88", Outcome: inquiry.OutcomePending, NextFollowOn: "2026-11-25"},
	} {
		in.Channel, in.Products = "旺旺/千牛", []string{"毛毯"}
		if _, err := f.inq.Add(f.ctx, in); err != nil {
			t.Fatal(err)
		}
	}

	for _, task := range []checklist.Task{
		{Title: "看直通车花费", Repeat: checklist.RepeatDaily, OwnerID: f.ids["小王"]},
		{Title: "报名平台活动", Repeat: checklist.RepeatWeekly, Weekday: 0},
		{Title: "写周报", Repeat: checklist.RepeatWeekly, Weekday: 1},
		{Title: "对账", Repeat: checklist.RepeatMonthly, MonthDay: 22},
		{Title: "联系供应商", Repeat: checklist.RepeatMonthly, MonthDay: 31},
	} {
		if _, err := f.s.SaveTask(f.ctx, task); err != nil {
			t.Fatal(err)
		}
	}
}

// line is what a test checks of a line: its key, count and state.
func lines(day checklist.Day) []string {
	out := make([]string, 0, len(day.Items))
	for _, it := range day.Items {
		out = append(out, fmt.Sprintf("%s %s %d %s", it.Section, it.Key, it.Count, it.State))
	}
	return out
}

func shopID(t *testing.T, d *db.DB, name string) int64 {
	t.Helper()
	shops, err := shop.New(d).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range shops {
		if s.Name == name {
			return s.ID
		}
	}
	t.Fatalf("no shop %s", name)
	return 0
}

func TestGenerate(t *testing.T) {
	f := newFixture(t)
	f.load()
	f.evaluate()
	a, b := shopID(t, f.d, "暖暖家居小铺"), shopID(t, f.d, "小雨家纺")
	want := []string{
		"after_sales anomaly.refund 1 open",
		"after_sales anomaly.logistics_stalled 1 open",
		fmt.Sprintf("orders orders.day.%d 3 open", a),
		fmt.Sprintf("orders orders.day.%d 1 open", b),
		"orders anomaly.overdue_shipment 1 open",
		"orders anomaly.due_soon 1 open",
		"orders anomaly.unpaid 2 open",
		"stock stock.reorder 1 open",
		"stock stock.out 2 open",
		"follow_up inquiry.follow_up 2 open",
		"staff staff.on_shift 2 open",
		"staff staff.handover 1 open",
		"routine task.1 0 open",
		"routine task.2 0 open",
		"routine task.4 0 open",
	}
	tests := []struct {
		name string
		open func() (checklist.Day, error)
		kept bool
	}{
		{"kept today", func() (checklist.Day, error) { return f.s.Open(f.ctx, "") }, true},
		{"as of 09:00 (--at)", func() (checklist.Day, error) {
			return f.s.AsOf(f.ctx, "2026-11-22", time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
		}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			day, err := tc.open()
			if err != nil {
				t.Fatal(err)
			}
			got := lines(day)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if day.Date != "2026-11-22" || day.Kept != tc.kept || len(day.Shops) != 3 {
				t.Fatalf("day %s kept %v shops %v", day.Date, day.Kept, day.Shops)
			}
			byKey := map[string]checklist.Item{}
			for _, it := range day.Items {
				byKey[it.Key] = it
			}
			yA := byKey[fmt.Sprintf("orders.day.%d", a)]
			if yA.Detail != "3 单，销售额 ¥470.00" || len(yA.Top) != 3 || !strings.HasPrefix(yA.Top[0].Text, "T-Y3 ¥300.00") {
				t.Fatalf("yesterday's orders: %+v", yA)
			}
			if u := byKey["anomaly.unpaid"]; len(u.Top) != 2 || u.Link != "anomalies?kind=unpaid" {
				t.Fatalf("unpaid: %+v", u)
			}
			if r := byKey["stock.reorder"]; len(r.Top) != 1 || !strings.HasPrefix(r.Top[0].Text, "A002 ") {
				t.Fatalf("reorder: %+v", r)
			}
			if fu := byKey["inquiry.follow_up"]; fu.Detail != "其中 1 个已过期" || !strings.HasPrefix(fu.Top[0].Text, "abc妈妈") {
				t.Fatalf("follow-ups: %+v", fu)
			}
			if on := byKey["staff.on_shift"]; on.Detail != "小王、小李" {
				t.Fatalf("on shift: %+v", on)
			}
			if task := byKey["task.1"]; task.Title != "看直通车花费" || task.Owner != "小王" || task.Detail != "每天" {
				t.Fatalf("daily task: %+v", task)
			}
		})
	}
}

// A day with nothing to do: no data, no recurring items, an empty list (and nothing kept).
func TestNothingToDo(t *testing.T) {
	f := newFixture(t)
	f.evaluate()
	day, err := f.s.Open(f.ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(day.Items) != 0 || day.Date != "2026-11-22" {
		t.Fatalf("empty day: %v", lines(day))
	}
	days, err := f.s.Days(f.ctx, 0)
	if err != nil || len(days) != 0 {
		t.Fatalf("kept days %v %v", days, err)
	}
	// Without the stock and staff modules, the same.
	bare := checklist.New(f.d, checklist.Sources{})
	if day, err = bare.AsOf(f.ctx, "2026-11-22", time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)); err != nil || len(day.Items) != 0 {
		t.Fatalf("no modules: %v %v", lines(day), err)
	}
}

func TestSchedules(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name string
		task checklist.Task
		day  string
		due  bool
	}{
		{"daily", checklist.Task{Repeat: "daily"}, "2026-11-22", true},
		{"weekly on its Sunday", checklist.Task{Repeat: "weekly", Weekday: 0}, "2026-11-22", true},
		{"weekly Monday on a Sunday", checklist.Task{Repeat: "weekly", Weekday: 1}, "2026-11-22", false},
		{"weekly Monday on a Monday", checklist.Task{Repeat: "weekly", Weekday: 1}, "2026-11-23", true},
		{"monthly 31st on the 30th of a 30-day month", checklist.Task{Repeat: "monthly", MonthDay: 31}, "2026-11-30", true},
		{"monthly 31st on the 29th of a 30-day month", checklist.Task{Repeat: "monthly", MonthDay: 31}, "2026-11-29", false},
		{"monthly 31st on the 30th of a 31-day month", checklist.Task{Repeat: "monthly", MonthDay: 31}, "2026-12-30", false},
		{"monthly 31st on the 31st", checklist.Task{Repeat: "monthly", MonthDay: 31}, "2026-12-31", true},
		{"monthly 30th in February", checklist.Task{Repeat: "monthly", MonthDay: 30}, "2027-02-28", true},
		{"monthly 29th in a leap February", checklist.Task{Repeat: "monthly", MonthDay: 29}, "2028-02-29", true},
		{"monthly 29th on the 28th of a leap February", checklist.Task{Repeat: "monthly", MonthDay: 29}, "2028-02-28", false},
		{"monthly 1st", checklist.Task{Repeat: "monthly", MonthDay: 1}, "2026-12-01", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.task.DueOn(day(tc.day)); got != tc.due {
				t.Fatalf("%+v on %s: %v, want %v", tc.task, tc.day, got, tc.due)
			}
		})
	}
}

func TestSaveTaskChecks(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		task checklist.Task
		err  string
	}{
		{checklist.Task{Title: " ", Repeat: "daily"}, "请写上事项内容"},
		{checklist.Task{Title: "x", Repeat: "yearly"}, "未知的重复方式"},
		{checklist.Task{Title: "x", Repeat: "weekly", Weekday: 7}, "不是星期几"},
		{checklist.Task{Title: "x", Repeat: "monthly", MonthDay: 32}, "不在 1-31 之间"},
	}
	for _, tc := range tests {
		if _, err := f.s.SaveTask(f.ctx, tc.task); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%+v: %v, want %q", tc.task, err, tc.err)
		}
	}
}

// Ticks are kept with who and when; the data ticks what it clears; the next day the list
// of the day before opens as it was.
func TestTicksAndHistory(t *testing.T) {
	f := newFixture(t)
	f.load()
	f.evaluate()
	day, err := f.s.Open(f.ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	item := func(d checklist.Day, key string) checklist.Item {
		for _, it := range d.Items {
			if it.Key == key {
				return it
			}
		}
		t.Fatalf("no line %s in %v", key, lines(d))
		return checklist.Item{}
	}
	f.setNow("2026-11-22 09:15")
	task := item(day, "task.1")
	ticked, err := f.s.Tick(f.ctx, task.ID, f.ids["小王"])
	if err != nil || ticked.State != "done" || ticked.DoneBy != "小王" || ticked.DoneAt != "2026-11-22 09:15:00" {
		t.Fatalf("tick: %+v %v", ticked, err)
	}
	if _, err := f.s.Skip(f.ctx, item(day, "task.2").ID, f.ids["小李"], " "); err == nil || !strings.Contains(err.Error(), "跳过要写原因") {
		t.Fatalf("skip without a reason: %v", err)
	}
	skipped, err := f.s.Skip(f.ctx, item(day, "task.2").ID, f.ids["小李"], "本周没有合适的活动")
	if err != nil || skipped.State != "skipped" || skipped.Note != "本周没有合适的活动" {
		t.Fatalf("skip: %+v %v", skipped, err)
	}
	// Tick and take back: both in the history.
	if _, err := f.s.Tick(f.ctx, item(day, "task.4").ID, 0); err != nil {
		t.Fatal(err)
	}
	if it, err := f.s.Reopen(f.ctx, item(day, "task.4").ID, f.ids["小陈"]); err != nil || it.State != "open" || it.DoneBy != "" {
		t.Fatalf("reopen: %+v %v", it, err)
	}

	// The handover is acknowledged: its line ticks itself when the list is opened again.
	f.setNow("2026-11-22 09:30")
	notes, err := f.staff.Handovers(f.ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.staff.AckHandover(f.ctx, notes[0].ID, staff.Auth{StaffID: f.ids["小王"], PIN: "1111"}); err != nil {
		t.Fatal(err)
	}
	day, err = f.s.Open(f.ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	ho := item(day, "staff.handover")
	if ho.State != "auto" || ho.Count != 0 || !strings.Contains(ho.Note, "自动勾选") || ho.DoneAt != "2026-11-22 09:30:00" {
		t.Fatalf("cleared by the data: %+v", ho)
	}
	if got := item(day, "task.1"); got.State != "done" || got.DoneBy != "小王" {
		t.Fatalf("tick kept across a refresh: %+v", got)
	}
	var hist []string
	for _, e := range day.Events {
		hist = append(hist, e.Action+" "+e.ActorName+" "+e.At[11:16])
	}
	wantHist := "done 小王 09:15|skipped 小李 09:15|done  09:15|reopened 小陈 09:15|auto  09:30"
	if strings.Join(hist, "|") != wantHist {
		t.Fatalf("history %q, want %q", strings.Join(hist, "|"), wantHist)
	}

	// The next day: yesterday's list opens as kept, today's is a new one.
	f.setNow("2026-11-23 08:30")
	f.evaluate()
	past, err := f.s.Open(f.ctx, "2026-11-22")
	if err != nil {
		t.Fatal(err)
	}
	if !past.Past || !past.Kept || len(past.Items) != len(day.Items) || item(past, "task.1").DoneBy != "小王" ||
		item(past, "task.2").Note != "本周没有合适的活动" || len(past.Events) != 5 {
		t.Fatalf("past day: %v events %d", lines(past), len(past.Events))
	}
	today, err := f.s.Open(f.ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if today.Date != "2026-11-23" || item(today, "task.1").State != "open" {
		t.Fatalf("today: %s %v", today.Date, lines(today))
	}
	days, err := f.s.Days(f.ctx, 10)
	if err != nil || len(days) != 2 || days[0].Date != "2026-11-23" || days[1].Done != 2 || days[1].Skipped != 1 {
		t.Fatalf("days %+v %v", days, err)
	}
}

func TestSalesWeek(t *testing.T) {
	f := newFixture(t)
	f.load()
	week, err := f.s.SalesWeek(f.ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range week {
		got = append(got, fmt.Sprintf("%s %v %v", s.ShopName, s.Orders, s.SalesFen))
	}
	// 11-16 .. 11-22: 暖暖家居小铺 11-19 T-OVER, 11-20 T-SOON, 11-21 T-Y1..3, 11-22 T-TODAY;
	// 小雨家纺 11-20, 11-21; the 拼多多 shop 11-16 P-STALLED, 11-20 P-AFTERSALE.
	want := []string{
		"暖暖家居小铺 [0 0 0 1 1 3 1] [0 0 0 5000 5000 47000 5000]",
		"小雨家纺 [0 0 0 0 1 1 0] [0 0 0 0 8800 8800 0]",
		"暖暖拼多多店 [1 0 0 0 1 0 0] [5000 0 0 0 5000 0 0]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || week[0].Days[0] != "2026-11-16" {
		t.Fatalf("week:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
