package importer_test

import (
	"context"
	"testing"

	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// A re-import skips reading an order whose row hashes the same as what the last import
// wrote (orders.import_fp). These are the ways the stored order can change in between
// without a new hash being written; each must still be seen as a change.
func TestFingerprintNeverHidesAChange(t *testing.T) {
	const no = "2165437890123456789"
	shipped := func() []exportfile.TaobaoOrder {
		o := sampleOrders()
		o[0].Status, o[0].Carrier, o[0].TrackingNo = "卖家已发货，等待买家确认", "中通快递", "78000000000009"
		return o
	}
	ctx := context.Background()
	tests := []struct {
		name string
		// between runs after the first two imports (sample, then shipped) and returns what
		// the third import, of the shipped export again, must report for the order.
		between func(t *testing.T, im *importer.Importer, second importer.FileResult) (wantUpdated int)
	}{
		{"nothing in between: unchanged", func(*testing.T, *importer.Importer, importer.FileResult) int { return 0 }},
		{"the change was undone", func(t *testing.T, im *importer.Importer, second importer.FileResult) int {
			if _, err := im.Undo(ctx, second.BatchID); err != nil {
				t.Fatal(err)
			}
			return 1
		}},
		{"another layout changed the order", func(t *testing.T, im *importer.Importer, _ importer.FileResult) int {
			o := sampleOrders()[0]
			q := exportfile.QianniuOrder{OrderNo: o.OrderNo, Status: "交易成功", Address: o.Address, Title: o.Title,
				Shop: o.Shop, PayFen: o.PayFen, Items: o.Items, CreatedAt: o.CreatedAt, PaidAt: o.PaidAt}
			p := writeXLSXFile(t, "订单列表.xlsx", "Sheet1", exportfile.QianniuOrderHeader, [][]string{q.Row()})
			if r := im.ImportFile(ctx, p, importer.Options{}); r.Error != "" || r.Updated != 1 {
				t.Fatalf("千牛 import = %+v", r)
			}
			return 1
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			im := importer.New(d)
			first := im.ImportFile(ctx, writeTaobao(t, "a.csv", sampleOrders(), exportfile.CSVOptions{GBK: true, ExcelText: true}), importer.Options{})
			second := im.ImportFile(ctx, writeTaobao(t, "b.csv", shipped(), exportfile.CSVOptions{GBK: true, ExcelText: true}), importer.Options{})
			if first.Error != "" || second.Error != "" || second.Updated != 1 {
				t.Fatalf("first %+v, second %+v", first, second)
			}
			wantUpdated := tt.between(t, im, second)
			// The same values in other bytes (plain quoting, UTF-8), so not the same file.
			third := im.ImportFile(ctx, writeTaobao(t, "c.csv", shipped(), exportfile.CSVOptions{}), importer.Options{})
			if third.Error != "" || third.Duplicate || third.Updated != wantUpdated || third.Unchanged != 3-wantUpdated {
				t.Fatalf("third import = %+v, want %d updated", third, wantUpdated)
			}
			got := loadOrder(t, d, no)
			if got.statusText != "卖家已发货，等待买家确认" || got.status != "shipped" {
				t.Fatalf("order after the third import = %+v", got)
			}
		})
	}
}
