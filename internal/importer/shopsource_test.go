package importer_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// pddExport writes the sample 拼多多 export (no 店铺名称 column) with preamble lines above its
// header, as the back office writes them.
func pddExport(t *testing.T, name string, preamble ...string) string {
	t.Helper()
	return writeCSVFile(t, name, exportfile.PDDOrderHeader, pddOrders(false), exportfile.CSVOptions{Preamble: preamble})
}

// pddXLSXLabelCells writes the 拼多多 export as an xlsx whose second line has the label and
// the shop name in two cells (店铺： | 暖暖家居拼多多店).
func pddXLSXLabelCells(t *testing.T, label, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "拼多多订单.xlsx")
	f := excelize.NewFile()
	defer f.Close()
	rows := append([][]string{{"拼多多订单导出"}, {"导出时间：2026-11-22 09:00", label, name}, exportfile.PDDOrderHeader}, pddOrders(false)...)
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(r))
		for k, c := range r {
			vals[k] = c
		}
		if err := f.SetSheetRow("Sheet1", cell, &vals); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// A shop named above the header (店铺：…) is read as a 店铺名称 column is: the orders go to
// that shop (made on the file's platform when new, found by name when it exists, even
// with other shops of the platform), nobody is asked, nothing is remembered, and the
// result says which line named it.
func TestPreambleShop(t *testing.T) {
	tests := []struct {
		name     string
		write    func(t *testing.T) string
		wantShop string
		wantLine int
	}{
		{"店铺：", func(t *testing.T) string {
			return pddExport(t, "orders_export.csv", "拼多多订单导出", "店铺：暖暖家居拼多多店", "导出时间：2026-11-22 09:00")
		}, "暖暖家居拼多多店", 2},
		{"店铺名称：", func(t *testing.T) string {
			return pddExport(t, "orders_export.csv", "店铺名称：暖暖家居拼多多店")
		}, "暖暖家居拼多多店", 1},
		{"店铺名: with spaces", func(t *testing.T) string {
			return pddExport(t, "orders_export.csv", "订单导出", "店铺名:  暖暖家居拼多多店  ")
		}, "暖暖家居拼多多店", 2},
		{"full-width space then another item", func(t *testing.T) string {
			return pddExport(t, "orders_export.csv", "店铺：小米粒（拼多多）店\u3000导出时间：2026-11-22")
		}, "小米粒（拼多多）店", 1},
		{"xlsx label and name in two cells", func(t *testing.T) string {
			return pddXLSXLabelCells(t, "店铺：", "暖暖家居拼多多店")
		}, "暖暖家居拼多多店", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			ctx := context.Background()
			im := importer.New(d)
			// Two 拼多多 shops: a file without a name would have to ask.
			createShop(t, d, "pdd", "小米粒拼多多店")
			createShop(t, d, "pdd", "拼多多B店")
			if tt.wantShop == "暖暖家居拼多多店" {
				createShop(t, d, "pdd", "暖暖家居拼多多店")
			}
			path := tt.write(t)
			p := im.PreviewFile(ctx, path, importer.Options{})
			if p.Result.Error != "" || p.Result.Shop != tt.wantShop || p.Result.ShopFrom != importer.ShopFromPreamble || p.Result.ShopLine != tt.wantLine {
				t.Fatalf("preview = %+v, want shop %s from line %d", p.Result, tt.wantShop, tt.wantLine)
			}
			r := im.ImportFile(ctx, path, importer.Options{})
			if r.Error != "" || r.Shop != tt.wantShop || r.ShopFrom != importer.ShopFromPreamble || r.ShopID != p.Result.ShopID || r.ShopID == 0 {
				t.Fatalf("import = %+v", r)
			}
			if got := shopOf(t, d, "261121-123456789012345"); got != tt.wantShop {
				t.Fatalf("order went to %q, want %q", got, tt.wantShop)
			}
			if n := count(t, d, "import_shop_choice"); n != 0 {
				t.Fatalf("%d remembered choices: a file that names its shop is not remembered", n)
			}
		})
	}
}

// A line above the header that names no shop (another label, no colon, an empty name)
// leaves the file without a shop: with two shops of its platform it asks.
func TestPreambleWithoutShop(t *testing.T) {
	for _, preamble := range [][]string{
		{"拼多多订单导出", "导出时间：2026-11-22 09:00"},
		{"店铺暖暖家居拼多多店"},   // no colon
		{"店铺：", "共 3 条"}, // no name
		{"商品：加厚抽纸"},      // another label
	} {
		t.Run(preamble[0], func(t *testing.T) {
			d := openDB(t)
			createShop(t, d, "pdd", "小米粒拼多多店")
			createShop(t, d, "pdd", "拼多多B店")
			r := importer.New(d).ImportFile(context.Background(), pddExport(t, "orders_export.csv", preamble...), importer.Options{})
			if r.ErrorCode != importer.ErrCodeNeedShop {
				t.Fatalf("result = %+v, want need_shop", r)
			}
		})
	}
}

// Where the shop of a file that names none came from, as the preview shows it before the
// seller confirms: the platform's only shop (said, not silently taken), the seller's pick,
// the remembered pick, the command line's --shop, the 店铺名称 column. The import with the
// same options goes where the preview said.
func TestShopFrom(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name     string
		setup    func(t *testing.T, im *importer.Importer, shops map[string]int64) importer.Options
		wantFrom string
		wantShop string
	}{
		{"the only shop of the platform", func(t *testing.T, _ *importer.Importer, _ map[string]int64) importer.Options {
			return importer.Options{}
		}, importer.ShopFromOnly, "小米粒拼多多店"},
		{"the seller's pick", func(t *testing.T, _ *importer.Importer, shops map[string]int64) importer.Options {
			return importer.Options{ShopID: shops["小米粒拼多多店"]}
		}, importer.ShopFromChosen, "小米粒拼多多店"},
		{"--shop", func(t *testing.T, _ *importer.Importer, _ map[string]int64) importer.Options {
			return importer.Options{ShopName: "新开的拼多多店"}
		}, importer.ShopFromNamed, "新开的拼多多店"},
		{"remembered", func(t *testing.T, im *importer.Importer, shops map[string]int64) importer.Options {
			// picked once for a file of the same header and name pattern
			earlier := writeCSVFile(t, "pdd_orders_20261120.csv", exportfile.PDDOrderHeader, pddOrders(true), exportfile.CSVOptions{})
			r := im.ImportFile(ctx, earlier, importer.Options{ShopID: shops["小米粒拼多多店"]})
			if r.Error != "" {
				t.Fatal(r.Error)
			}
			return importer.Options{}
		}, importer.ShopFromRemembered, "小米粒拼多多店"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			im := importer.New(d)
			shops := map[string]int64{"小米粒拼多多店": createShop(t, d, "pdd", "小米粒拼多多店")}
			opts := tt.setup(t, im, shops)
			path := pddExport(t, "pdd_orders_20261121.csv")
			p := im.PreviewFile(ctx, path, opts)
			if p.Result.Error != "" || p.Result.ShopFrom != tt.wantFrom || p.Result.Shop != tt.wantShop || p.Result.ShopID == 0 {
				t.Fatalf("preview: shop %q from %q (id %d), want %q from %q; %s", p.Result.Shop, p.Result.ShopFrom, p.Result.ShopID, tt.wantShop, tt.wantFrom, p.Result.Error)
			}
			r := im.ImportFile(ctx, path, opts)
			if r.Error != "" || r.ShopFrom != tt.wantFrom || r.ShopID != p.Result.ShopID || r.Shop != p.Result.Shop {
				t.Fatalf("import: shop %q from %q (id %d), the preview said %q from %q (id %d)", r.Shop, r.ShopFrom, r.ShopID, p.Result.Shop, p.Result.ShopFrom, p.Result.ShopID)
			}
		})
	}

	t.Run("a 店铺名称 column", func(t *testing.T) {
		d := openDB(t)
		r := importer.New(d).ImportFile(ctx, writeTaobao(t, "ExportOrderList.csv", sampleOrders(), exportfile.CSVOptions{GBK: true, ExcelText: true}), importer.Options{})
		if r.Error != "" || r.ShopFrom != importer.ShopFromColumn || r.ShopID != 0 {
			t.Fatalf("result = %+v", r)
		}
	})
	t.Run("a refund report by its orders' shop", func(t *testing.T) {
		d := openDB(t)
		im := importer.New(d)
		if r := im.ImportFile(ctx, writeTaobao(t, "ExportOrderList.csv", sampleOrders(), exportfile.CSVOptions{GBK: true, ExcelText: true}), importer.Options{}); r.Error != "" {
			t.Fatal(r.Error)
		}
		// The report names no shop; two Taobao shops exist; its orders are 小米粒母婴旗舰店's.
		r := im.ImportFile(ctx, writeTaobaoRefunds(t, "退款.csv", sampleRefunds()[:1], exportfile.CSVOptions{GBK: true, ExcelText: true}), importer.Options{})
		if r.Error != "" || r.ShopFrom != importer.ShopFromOrders || r.Shop != "小米粒母婴旗舰店" || r.ShopID == 0 {
			t.Fatalf("result = %+v", r)
		}
	})
	t.Run("a failed file says no shop", func(t *testing.T) {
		d := openDB(t)
		r := importer.New(d).ImportFile(ctx, pddExport(t, "pdd.csv"), importer.Options{})
		if r.ErrorCode != importer.ErrCodeNeedShop || r.ShopFrom != "" || r.ShopID != 0 || r.Platform != "pdd" {
			t.Fatalf("result = %+v", r)
		}
	})
}

// Each file of a batch has its own shop: two 拼多多 files of two shops and a 京东 file go
// where each was sent, in one call, and files that name their shop ignore the pick.
func TestImportFilesShopPerFile(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	im := importer.New(d)
	a := createShop(t, d, "pdd", "拼多多A店")
	b := createShop(t, d, "pdd", "拼多多B店")
	jd := createShop(t, d, "jd", "京东店")
	pddB := writeCSVFile(t, "pdd_b.csv", exportfile.PDDOrderHeader, [][]string{pddOrders(false)[0]}, exportfile.CSVOptions{})
	files := []importer.File{
		{Path: pddExport(t, "pdd_a.csv"), ShopID: a},
		{Path: pddB, ShopID: b},
		{Path: writeCSVFile(t, "jd.csv", exportfile.JDOrderHeader, jdOrders(false), exportfile.CSVOptions{GBK: true}), ShopID: jd},
		{Path: writeTaobao(t, "ExportOrderList.csv", sampleOrders(), exportfile.CSVOptions{GBK: true, ExcelText: true}), ShopID: a},
	}
	previews := im.PreviewFiles(ctx, files, importer.Options{})
	results := im.ImportFiles(ctx, files, importer.Options{})
	want := []struct {
		shop string
		id   int64
		from string
	}{{"拼多多A店", a, importer.ShopFromChosen}, {"拼多多B店", b, importer.ShopFromChosen}, {"京东店", jd, importer.ShopFromChosen},
		{"小米粒母婴旗舰店、暖暖家居小铺", 0, importer.ShopFromColumn}}
	for i, w := range want {
		for _, r := range []importer.FileResult{previews[i].Result, results[i]} {
			if r.Error != "" || r.Shop != w.shop || r.ShopID != w.id || r.ShopFrom != w.from {
				t.Fatalf("file %d: shop %q (id %d, from %q), want %q (id %d, from %q); %s", i, r.Shop, r.ShopID, r.ShopFrom, w.shop, w.id, w.from, r.Error)
			}
		}
	}
	var inB int
	if err := d.SQL.QueryRow(`SELECT count(*) FROM orders WHERE shop_id = ?`, b).Scan(&inB); err != nil || inB != 1 {
		t.Fatalf("拼多多B店 has %d orders (%v), want 1", inB, err)
	}
}

// A shop picked on the preview that is gone by the time of the import (deleted or merged
// meanwhile) is said, not replaced by another.
func TestChosenShopGone(t *testing.T) {
	d := openDB(t)
	r := importer.New(d).ImportFile(context.Background(), pddExport(t, "pdd.csv"), importer.Options{ShopID: 999})
	if r.ErrorCode != importer.ErrCodeNeedShop || r.Error == "" {
		t.Fatalf("result = %+v", r)
	}
}
