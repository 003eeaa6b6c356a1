package stock_test

import (
	"database/sql"
	"errors"
	"testing"
	"time"

	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// On hand of an item counted long ago: the sales between its count and the week's cut are
// kept (stock_sold_cut), the rest read from the lines. Every way those sales change (a
// late import of old orders, its undo, a return, a mapping, a new count, the cut moving a
// week on) must show in on hand at once; checkLedger holds the sheet to the ledger and to
// Balances, which sums the lines without the kept sums.
//
// The clock is Sunday 2026-11-22: the figures' span starts on 10-24, the cut is Monday 10-19.
func TestOnHandWithSalesBeforeTheCut(t *testing.T) {
	f := newFixture(t)
	f.sheet("库存表.xlsx", []string{"OLD-1", "老款马克杯", "100", "", "2026-09-01 09:00:00"},
		[]string{"NEW-1", "新款马克杯", "50", "", "2026-11-20 09:00:00"})
	f.qianniu("千牛1.xlsx", "淘宝小铺",
		sold("3100000000000000001", "OLD-1", 5, "2026-09-10 12:00:00"), // between the count and the cut
		sold("3100000000000000002", "OLD-1", 2, "2026-11-20 12:00:00"), // after the cut
		sold("3100000000000000003", "NEW-1", 4, "2026-11-19 12:00:00"), // before NEW-1's count: inside it
		sold("3100000000000000004", "NEW-1", 3, "2026-11-21 12:00:00"))
	kept := func(code string) (base, cut string, sold, returned int64, ok bool) {
		t.Helper()
		err := f.d.SQL.QueryRow(`SELECT c.base_at, c.cut_at, c.sold, c.returned FROM stock_sold_cut c
			JOIN stock_item i ON i.id = c.stock_item_id WHERE i.code = ?`, code).Scan(&base, &cut, &sold, &returned)
		if errors.Is(err, sql.ErrNoRows) {
			return "", "", 0, 0, false
		}
		if err != nil {
			t.Fatal(err)
		}
		return base, cut, sold, returned, true
	}
	want := func(step string, old, new int64) {
		t.Helper()
		if r := f.row("OLD-1"); r.OnHand != old {
			t.Fatalf("%s: OLD-1 on hand %d, want %d", step, r.OnHand, old)
		}
		if r := f.row("NEW-1"); r.OnHand != new {
			t.Fatalf("%s: NEW-1 on hand %d, want %d", step, r.OnHand, new)
		}
		f.checkLedger("OLD-1")
		f.checkLedger("NEW-1")
		// `stock --at` computes without writing: the same on hand.
		rows, err := f.s.AsOf(f.ctx, f.s.Today())
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if (r.Code == "OLD-1" && r.OnHand != old) || (r.Code == "NEW-1" && r.OnHand != new) {
				t.Fatalf("%s: AsOf %s on hand %d", step, r.Code, r.OnHand)
			}
		}
	}

	// 100 - 5 - 2 = 93; 50 - 3 = 47. OLD-1's 5 before the cut are kept; NEW-1 (counted after
	// the cut) needs nothing kept.
	want("imported", 93, 47)
	if base, cut, n, _, ok := kept("OLD-1"); !ok || base != "2026-09-01 09:00:00" || cut != "2026-10-19 00:00:00" || n != 5 {
		t.Fatalf("kept for OLD-1: %s %s %d %v", base, cut, n, ok)
	}
	if _, _, _, _, ok := kept("NEW-1"); ok {
		t.Fatal("NEW-1 was counted after the cut: nothing to keep")
	}

	// Orders of October found late: the kept sum is dropped and summed again.
	late := f.qianniu("千牛旧.xlsx", "淘宝小铺", sold("3100000000000000005", "OLD-1", 4, "2026-10-01 12:00:00"))
	want("late import", 89, 47)
	if _, _, n, _, ok := kept("OLD-1"); !ok || n != 9 {
		t.Fatalf("kept after the late import: %d %v", n, ok)
	}
	f.undo(late.BatchID)
	want("late import undone", 93, 47)

	// The September buyer sends 2 of the 5 back (退货退款), refunded in September.
	refund := exportfile.TaobaoRefund{OrderNo: "3100000000000000001", RefundNo: "9000000001", Title: "商品 OLD-1",
		Status: "退款成功", PayFen: 2000, RefundFen: 2000, NeedReturn: true, AfterSale: true, Shop: "淘宝小铺",
		PaidAt: "2026-09-10 12:00:00", AppliedAt: "2026-09-12 09:00:00", FinishedAt: "2026-09-15 18:00:00"}
	f.importFile(f.csv("退款.csv", exportfile.TaobaoRefundHeaderWithShop,
		[][]string{refund.Row(exportfile.TaobaoRefundHeaderWithShop)}), importer.Options{})
	want("returned", 95, 47)
	if _, _, n, back, ok := kept("OLD-1"); !ok || n != 5 || back != 2 {
		t.Fatalf("kept after the return: %d %d %v", n, back, ok)
	}

	// A sale on Tuesday 10-20, after the cut: read with the weeks' lines, the kept row stays.
	f.qianniu("千牛周.xlsx", "淘宝小铺", sold("3100000000000000006", "OLD-1", 1, "2026-10-20 12:00:00"))
	want("a sale after the cut", 94, 47)
	if _, _, n, _, ok := kept("OLD-1"); !ok || n != 5 {
		t.Fatalf("kept after a sale after the cut: %d %v", n, ok)
	}

	// A week on (Sunday 11-29): the cut is Monday 10-26, and the kept sums grow by the week
	// between the cuts (the sale of 10-20): 6 sold, 2 returned; on hand still 94 and 47.
	f.s.SetClock(func() time.Time { return now.AddDate(0, 0, 7) })
	want("a week on", 94, 47)
	if _, cut, n, back, ok := kept("OLD-1"); !ok || cut != "2026-10-26 00:00:00" || n != 6 || back != 2 {
		t.Fatalf("kept a week on: %s %d %d %v", cut, n, back, ok)
	}
	f.s.SetClock(func() time.Time { return now })

	// A count of OLD-1 in early October (60, before the cut): the base moves; 60 - 1 - 2 = 57.
	f.sheet("库存表2.xlsx", []string{"OLD-1", "老款马克杯", "60", "", "2026-10-05 09:00:00"})
	want("counted again", 57, 47)
	if base, _, n, back, ok := kept("OLD-1"); !ok || base != "2026-10-05 09:00:00" || n != 0 || back != 0 {
		t.Fatalf("kept after the count: %s %d %d %v", base, n, back, ok)
	}
}

// A title-only order line from before the cut mapped to an item counted before it: on hand
// follows the mapping and its removal.
func TestMappingBeforeTheCut(t *testing.T) {
	f := newFixture(t)
	f.sheet("库存表.xlsx", []string{"JJ-MT-150", "加厚珊瑚绒毛毯 灰色 150×200", "40", "南通家纺", "2026-09-01 09:00:00"})
	order := exportfile.TaobaoOrder{OrderNo: "3200000000000000001", Buyer: "买家", Status: "交易成功",
		Title: "加厚珊瑚绒毛毯 午睡毯 办公室盖腿小被子", Shop: "暖暖家居小铺", Items: 3, PayFen: 20400,
		CreatedAt: "2026-09-20 10:00:00", PaidAt: "2026-09-20 10:00:00", TrackingNo: "YT1", Carrier: "圆通速递"}
	f.importFile(f.csv("ExportOrderList.csv", exportfile.TaobaoOrderHeader, [][]string{order.Row()}), importer.Options{})
	if r := f.row("JJ-MT-150"); r.OnHand != 40 {
		t.Fatalf("before mapping: %d", r.OnHand)
	}
	un, err := f.s.UnmappedLines(f.ctx, 1, 20)
	if err != nil || un.Titles != 1 {
		t.Fatalf("unmapped %+v %v", un, err)
	}
	item := f.row("JJ-MT-150")
	if _, err := f.s.MapTitle(f.ctx, un.Rows[0].ShopID, un.Rows[0].Title, item.ID, ""); err != nil {
		t.Fatal(err)
	}
	if r := f.row("JJ-MT-150"); r.OnHand != 37 {
		t.Fatalf("after mapping: %d", r.OnHand)
	}
	d := f.checkLedger("JJ-MT-150")
	if err := f.s.Unmap(f.ctx, d.Listings[0].ID); err != nil {
		t.Fatal(err)
	}
	if r := f.row("JJ-MT-150"); r.OnHand != 40 {
		t.Fatalf("after unmapping: %d", r.OnHand)
	}
	f.checkLedger("JJ-MT-150")
}
