package importer_test

import (
	"context"
	"testing"

	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// 关闭原因 and the order-level 售后状态 (migration 00009) import like every order field: the
// value is kept, a newer export's change is history with its batch, undo puts it back.
func TestImportCloseReasonAndAfterSale(t *testing.T) {
	ctx := context.Background()
	pdd := func(afterSale string) exportfile.PDDOrder {
		return exportfile.PDDOrder{OrderNo: "261121-000000000001", Status: "已发货，待收货", Title: "宝宝辅食碗",
			GoodsFen: 5000, PayFen: 5000, Quantity: 1, Receiver: "张**", Province: "浙江省", City: "杭州市",
			District: "西湖区", Street: "文三路 1 号", CreatedAt: "2026-11-20 11:58:00", PaidAt: "2026-11-20 12:00:00",
			ShippedAt: "2026-11-21 09:00:00", AfterSale: afterSale}
	}
	taobao := func(reason string) exportfile.TaobaoOrder {
		o := sampleOrders()[2] // 交易关闭
		o.CloseReason = reason
		return o
	}
	tests := []struct {
		name, orderNo, column, field, first, second string
		write                                       func(t *testing.T, name, value string) string
		opts                                        importer.Options
	}{
		{"拼多多 售后状态", "261121-000000000001", "after_sale", "after_sale", "", "待商家处理",
			func(t *testing.T, name, v string) string {
				return writeCSVFile(t, name, exportfile.PDDOrderHeader, [][]string{pdd(v).Row()}, exportfile.CSVOptions{BOM: true})
			}, importer.Options{ShopName: "小米粒拼多多店"}},
		{"淘宝 订单关闭原因", "3165437890123456791", "close_reason", "close_reason", "买家不想买了", "其他原因",
			func(t *testing.T, name, v string) string {
				return writeTaobao(t, name, []exportfile.TaobaoOrder{taobao(v)}, exportfile.CSVOptions{GBK: true, ExcelText: true})
			}, importer.Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			im := importer.New(d)
			value := func() string {
				t.Helper()
				var v string
				if err := d.SQL.QueryRow(`SELECT `+tt.column+` FROM orders WHERE order_no = ?`, tt.orderNo).Scan(&v); err != nil {
					t.Fatal(err)
				}
				return v
			}
			if r := im.ImportFile(ctx, tt.write(t, "a.csv", tt.first), tt.opts); r.Error != "" || r.New != 1 {
				t.Fatalf("first import = %+v", r)
			}
			if got := value(); got != tt.first {
				t.Fatalf("%s = %q, want %q", tt.column, got, tt.first)
			}
			before := snapshot(t, d)
			r := im.ImportFile(ctx, tt.write(t, "b.csv", tt.second), tt.opts)
			if r.Error != "" || r.Updated != 1 {
				t.Fatalf("second import = %+v", r)
			}
			var old, new string
			if err := d.SQL.QueryRow(`SELECT old_value, new_value FROM order_change WHERE field = ? AND batch_id = ?`,
				tt.field, r.BatchID).Scan(&old, &new); err != nil {
				t.Fatalf("history of %s: %v", tt.field, err)
			}
			if got := value(); got != tt.second || old != tt.first || new != tt.second {
				t.Fatalf("%s = %q, history %q -> %q; want %q, %q -> %q", tt.column, got, old, new, tt.second, tt.first, tt.second)
			}
			if _, err := im.Undo(ctx, r.BatchID); err != nil {
				t.Fatal(err)
			}
			if after := snapshot(t, d); after != before {
				t.Fatalf("undo did not restore the state:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}
