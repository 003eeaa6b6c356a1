package anomaly_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/anomaly"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

func openDB(t *testing.T) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "shopdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// importFile imports one export file written by the test and fails the test on any error.
func importFile(t *testing.T, d *db.DB, path string, opts importer.Options) importer.FileResult {
	t.Helper()
	r := importer.New(d).ImportFile(context.Background(), path, opts)
	if r.Error != "" {
		t.Fatalf("import %s: %s", filepath.Base(path), r.Error)
	}
	return r
}

// pddFile writes a 拼多多 order export (UTF-8 with BOM, no shop column).
func pddFile(t *testing.T, dir, name string, orders ...exportfile.PDDOrder) string {
	t.Helper()
	rows := make([][]string, len(orders))
	for i, o := range orders {
		if o.Quantity == 0 {
			o.Quantity = 1
		}
		if o.GoodsFen == 0 {
			o.GoodsFen = o.PayFen
		}
		rows[i] = o.Row()
	}
	p := filepath.Join(dir, name)
	if err := exportfile.WriteCSV(p, exportfile.PDDOrderHeader, rows, exportfile.CSVOptions{BOM: true}); err != nil {
		t.Fatal(err)
	}
	return p
}

// taobaoFile writes a Taobao 订单报表 (GBK, ="…" cells, with its 店铺名称 column).
func taobaoFile(t *testing.T, dir, name string, orders ...exportfile.TaobaoOrder) string {
	t.Helper()
	rows := make([][]string, len(orders))
	for i, o := range orders {
		if o.Items == 0 {
			o.Items = 1
		}
		rows[i] = o.Row()
	}
	p := filepath.Join(dir, name)
	if err := exportfile.WriteCSV(p, exportfile.TaobaoOrderHeader, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	return p
}

func qianniuFile(t *testing.T, dir, name string, subs ...exportfile.QianniuSubOrder) string {
	t.Helper()
	rows := make([][]string, len(subs))
	for i, s := range subs {
		if s.Quantity == 0 {
			s.Quantity = 1
		}
		rows[i] = s.Row()
	}
	p := filepath.Join(dir, name)
	if err := exportfile.WriteXLSX(p, "订单列表", exportfile.QianniuSubOrderHeader, rows); err != nil {
		t.Fatal(err)
	}
	return p
}

func douyinFile(t *testing.T, dir, name string, orders ...exportfile.DouyinOrder) string {
	t.Helper()
	rows := make([][]string, len(orders))
	for i, o := range orders {
		if o.Quantity == 0 {
			o.Quantity = 1
		}
		rows[i] = o.Row()
	}
	p := filepath.Join(dir, name)
	if err := exportfile.WriteCSV(p, exportfile.DouyinSubOrderHeader, rows, exportfile.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	return p
}

func wall(t *testing.T, s string) anomaly.Clock {
	t.Helper()
	w, err := anomaly.ParseWall(s)
	if err != nil {
		t.Fatal(err)
	}
	return anomaly.WallAt(w)
}

// asOf lists every anomaly (any state) the rules see at the wall time at, keeping nothing.
func asOf(t *testing.T, s *anomaly.Store, at string) ([]anomaly.Anomaly, anomaly.Result) {
	t.Helper()
	rows, res, err := s.AsOf(context.Background(), wall(t, at), anomaly.Query{State: anomaly.StateAll})
	if err != nil {
		t.Fatal(err)
	}
	return rows, res
}

// kindsOf maps order number -> kinds of its active anomalies.
func kindsOf(rows []anomaly.Anomaly) map[string][]string {
	out := map[string][]string{}
	for _, a := range rows {
		if a.Active {
			out[a.OrderNo] = append(out[a.OrderNo], a.Kind)
		}
	}
	return out
}

func evaluate(t *testing.T, s *anomaly.Store, at string) anomaly.Result {
	t.Helper()
	res, err := s.Evaluate(context.Background(), wall(t, at))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

var _ = time.Hour

func writeRefunds(t *testing.T, dir string, refunds ...exportfile.TaobaoRefund) string {
	t.Helper()
	rows := make([][]string, len(refunds))
	for i, r := range refunds {
		rows[i] = r.Row(exportfile.TaobaoRefundHeaderWithShop)
	}
	p := filepath.Join(dir, "退款报表.csv")
	if err := exportfile.WriteCSV(p, exportfile.TaobaoRefundHeaderWithShop, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	return p
}
