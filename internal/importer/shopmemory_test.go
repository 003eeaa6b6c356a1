package importer_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"shopdesk/db"
	"shopdesk/db/sqldb"
	"shopdesk/internal/importer"
)

func TestFilePattern(t *testing.T) {
	tests := []struct{ name, want string }{
		{"ExportOrderList202611211800.csv", "ExportOrderList*.csv"},
		{"订单导出_2026-11-21(3).xlsx", "订单导出_*-*-*(*).xlsx"},
		{"京东订单导出_20261121.csv", "京东订单导出_*.csv"},
		{"1688订单.xlsx", "*订单.xlsx"},
		{"订单.csv", "订单.csv"},
		{"订单（２）.csv", "订单（*）.csv"}, // full-width digits
		{`C:\Users\小李\Downloads\ExportOrderDetailList20261121.csv`, "ExportOrderDetailList*.csv"},
		{"/tmp/upload-123/微店订单_20261121.csv", "微店订单_*.csv"},
		{"a1b22c333.CSV", "a*b*c*.CSV"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := importer.FilePattern(tt.name); got != tt.want {
				t.Fatalf("FilePattern(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func createShop(t *testing.T, d *db.DB, platform, name string) int64 {
	t.Helper()
	s, err := d.Queries().CreateShop(context.Background(), sqldb.CreateShopParams{Platform: platform, Name: name, Timezone: "Asia/Shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	return s.ID
}

func shopOf(t *testing.T, d *db.DB, orderNo string) string {
	t.Helper()
	return loadOrder(t, d, orderNo).shop
}

// The shop picked for a file without 店铺名称 is remembered for its header and file-name
// pattern: the next such file goes there without asking, a file of another pattern still
// asks, an explicit shop wins (and becomes the memory), and a forgotten choice asks again.
func TestRememberedShop(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	im := importer.New(d)
	shopA := createShop(t, d, "pdd", "拼多多A店")
	shopB := createShop(t, d, "pdd", "拼多多B店")
	createShop(t, d, "taobao", "淘宝店")

	// A template without a shop column.
	header := slices.DeleteFunc(slices.Clone(weidianHeader), func(h string) bool { return h == "店铺" })
	in := weidianTemplate(header)
	delete(in.Columns, "shop_name")
	if _, err := im.SaveTemplate(ctx, in); err != nil {
		t.Fatal(err)
	}
	orders := weidianOrders()
	// file writes one order numbered n (a file of its own content: not a duplicate).
	file := func(name string, n int) string {
		o := orders[n%len(orders)]
		o.no = fmt.Sprintf("WD9000%02d", n)
		return writeWeidian(t, name, header, []weidianOrder{o})
	}

	steps := []struct {
		name       string
		file       string
		opts       importer.Options
		code       string // "" = imported
		shop       string // the order's shop
		remembered bool
	}{
		{"two pdd shops: ask", file("微店订单_20261121.csv", 1), importer.Options{}, importer.ErrCodeNeedShop, "", false},
		{"the seller picks B", file("微店订单_20261121.csv", 2), importer.Options{ShopID: shopB}, "", "拼多多B店", false},
		{"next day's export: B without asking", file("微店订单_20261122.csv", 3), importer.Options{}, "", "拼多多B店", true},
		{"another name pattern: ask", file("别的导出_20261122.csv", 4), importer.Options{}, importer.ErrCodeNeedShop, "", false},
		{"an explicit shop wins over the memory", file("微店订单_20261123.csv", 5), importer.Options{ShopID: shopA}, "", "拼多多A店", false},
		{"and is remembered instead", file("微店订单_20261124.csv", 6), importer.Options{}, "", "拼多多A店", true},
		{"the command line's --shop wins too", file("微店订单_20261125.csv", 7), importer.Options{ShopName: "拼多多C店"}, "", "拼多多C店", false},
		{"a dry run uses the memory", file("微店订单_20261126.csv", 8), importer.Options{DryRun: true}, "", "拼多多A店", true},
	}
	for _, s := range steps {
		r := im.ImportFile(ctx, s.file, s.opts)
		if r.ErrorCode != s.code || r.ShopRemembered != s.remembered {
			t.Fatalf("%s: %+v, want code %q remembered %v", s.name, r, s.code, s.remembered)
		}
		if s.shop != "" && r.Shop != s.shop {
			t.Fatalf("%s: shop %q, want %q", s.name, r.Shop, s.shop)
		}
	}
	if got := shopOf(t, d, "WD900003"); got != "拼多多B店" {
		t.Fatalf("the remembered import went to %q", got)
	}

	choices, err := im.ShopChoices(ctx)
	if err != nil || len(choices) != 1 || choices[0].FilePattern != "微店订单_*.csv" || choices[0].ShopID != shopA ||
		choices[0].ShopName != "拼多多A店" || choices[0].Platform != "pdd" {
		t.Fatalf("choices = %+v, %v", choices, err)
	}
	if err := im.ForgetShopChoice(ctx, choices[0].ID); err != nil {
		t.Fatal(err)
	}
	if r := im.ImportFile(ctx, file("微店订单_20261127.csv", 9), importer.Options{}); r.ErrorCode != importer.ErrCodeNeedShop {
		t.Fatalf("after forgetting: %+v", r)
	}

	// Built-in layouts remember too (千牛 sub-orders have no 店铺名称).
	createShop(t, d, "taobao", "淘宝二店")
	if r := im.ImportFile(ctx, writeQianniu(t, qianniuRows()), importer.Options{}); r.ErrorCode != importer.ErrCodeNeedShop {
		t.Fatalf("千牛 export with two taobao shops: %+v", r)
	}
	if r := im.ImportFile(ctx, writeQianniu(t, qianniuRows()), importer.Options{ShopName: "淘宝店"}); r.Error != "" || r.ShopRemembered {
		t.Fatalf("千牛 export with --shop: %+v", r)
	}
	if n := count(t, d, "import_shop_choice"); n != 0 {
		t.Fatalf("a --shop import was remembered (%d choices)", n)
	}
	subs := qianniuRows()
	subs[0].Status = "卖家已发货，等待买家确认"
	if r := im.ImportFile(ctx, writeQianniu(t, subs), importer.Options{ShopID: createShop(t, d, "taobao", "淘宝三店")}); r.Error != "" {
		t.Fatal(r.Error)
	}
	subs[1].Status = "卖家已发货，等待买家确认"
	if r := im.ImportFile(ctx, writeQianniu(t, subs), importer.Options{}); r.Error != "" || !r.ShopRemembered || r.Shop != "淘宝三店" || r.Updated != 1 || r.Unchanged != 2 {
		t.Fatalf("the next 千牛 export = %+v, want its orders in 淘宝三店 (remembered), one updated", r)
	}

	// A deleted shop takes its memories with it.
	empty := createShop(t, d, "jd", "京东空店")
	if err := d.Queries().RememberShopChoice(ctx, sqldb.RememberShopChoiceParams{HeaderSig: "x", FilePattern: "京东*.csv",
		ShopID: empty, UsedAt: "2026-11-21 00:00:00"}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SQL.Exec(`DELETE FROM shop WHERE id = ?`, empty); err != nil {
		t.Fatal(err)
	}
	if n := count(t, d, "import_shop_choice"); n != 1 {
		t.Fatalf("choices after deleting the shop = %d, want 1 (the 千牛 one)", n)
	}
}
