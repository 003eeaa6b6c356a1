package inquiry_test

import (
	"context"
	"path/filepath"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/inquiry"
	"shopdesk/internal/settings"
	staffpkg "shopdesk/internal/staff"
)

func openDB(t testing.TB) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "shopdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// staff adds people to the staff list and returns their ids by name.
func staff(t testing.TB, d *db.DB, names ...string) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	for _, n := range names {
		s, err := staffpkg.Save(context.Background(), d.Queries(), staffpkg.Staff{Name: n, Role: "cs_presale", Active: true})
		if err != nil {
			t.Fatal(err)
		}
		ids[n] = s.ID
	}
	return ids
}

// importTaobao writes a Taobao 订单报表 with these orders and imports it.
func importTaobao(t testing.TB, d *db.DB, orders ...exportfile.TaobaoOrder) {
	t.Helper()
	rows := make([][]string, len(orders))
	for i, o := range orders {
		if o.Items == 0 {
			o.Items = 1
		}
		if o.Shop == "" {
			o.Shop = "暖暖家居小铺"
		}
		if o.Title == "" {
			o.Title = "加厚珊瑚绒毛毯"
		}
		rows[i] = o.Row()
	}
	p := filepath.Join(t.TempDir(), "ExportOrderList202611220900.csv")
	if err := exportfile.WriteCSV(p, exportfile.TaobaoOrderHeader, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	if r := importer.New(d).ImportFile(context.Background(), p, importer.Options{}); r.Error != "" {
		t.Fatalf("import orders: %s", r.Error)
	}
}

// importRefunds writes a Taobao 退款报表 (with its shop column) and imports it.
func importRefunds(t testing.TB, d *db.DB, refunds ...exportfile.TaobaoRefund) {
	t.Helper()
	rows := make([][]string, len(refunds))
	for i, r := range refunds {
		if r.Shop == "" {
			r.Shop = "暖暖家居小铺"
		}
		rows[i] = r.Row(exportfile.TaobaoRefundHeaderWithShop)
	}
	p := filepath.Join(t.TempDir(), "退款报表202611220900.csv")
	if err := exportfile.WriteCSV(p, exportfile.TaobaoRefundHeaderWithShop, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	if r := importer.New(d).ImportFile(context.Background(), p, importer.Options{}); r.Error != "" {
		t.Fatalf("import refunds: %s", r.Error)
	}
}

// add registers a row and fails the test if the register refuses it.
func add(t testing.TB, s *inquiry.Store, in inquiry.Inquiry) inquiry.Inquiry {
	t.Helper()
	if in.Channel == "" {
		in.Channel = "旺旺/千牛"
	}
	if in.Outcome == inquiry.OutcomeNoDeal && in.Reason == "" {
		in.Reason = "价格"
	}
	out, err := s.Add(context.Background(), in)
	if err != nil {
		t.Fatalf("add %+v: %v", in, err)
	}
	return out
}

func saveSettings(t testing.TB, d *db.DB, v map[string]float64) {
	t.Helper()
	if err := settings.Save(context.Background(), d.Queries(), v); err != nil {
		t.Fatal(err)
	}
}
