package anomaly_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/xuri/excelize/v2"

	"shopdesk/internal/anomaly"
	"shopdesk/internal/importer"
	"shopdesk/internal/settings"
)

// The Excel export hides buyers by default and shows them when 设置 says so; the app's
// own detail view always shows them whole.
func TestExportMasksBuyers(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := anomaly.New(d)
	o := workflowOrder("2165437890123456789", "买家已付款，等待卖家发货", "连体衣")
	o.Buyer = "张三丰"
	o.Address = "浙江省杭州市西湖区文三路100号"
	o.Message = "地址改成浙江省杭州市西湖区文三路100号，电话13812345678"
	importFile(t, d, taobaoFile(t, t.TempDir(), "ExportOrderList.csv", o), importer.Options{})
	evaluate(t, s, "2026-11-22 09:00:00")

	tests := []struct {
		name      string
		mask      float64
		wantBuyer string
		wantNote  string
	}{
		{"hidden by default", -1, "张**", "买家留言：地址改成浙江省杭州市西湖区****，电话138****5678"},
		{"shown when turned off", 0, "张三丰", "买家留言：地址改成浙江省杭州市西湖区文三路100号，电话13812345678"},
		{"hidden when turned on again", 1, "张**", "买家留言：地址改成浙江省杭州市西湖区****，电话138****5678"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.mask >= 0 {
				if err := settings.Save(ctx, d.Queries(), map[string]float64{settings.MaskBuyersInExports: tt.mask}); err != nil {
					t.Fatal(err)
				}
			}
			data, n, err := s.ExportXLSX(ctx, anomaly.Query{Kind: anomaly.KindBuyerMessage})
			if err != nil || n != 1 {
				t.Fatalf("export: %d rows, %v", n, err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows("订单异常")
			if err != nil || len(rows) != 2 {
				t.Fatalf("rows %v, %v", rows, err)
			}
			if rows[0][10] != "买家" || rows[1][10] != tt.wantBuyer {
				t.Errorf("买家 column %q = %q, want %q", rows[0][10], rows[1][10], tt.wantBuyer)
			}
			if rows[0][8] != "说明" || rows[1][8] != tt.wantNote {
				t.Errorf("说明 column %q = %q, want %q", rows[0][8], rows[1][8], tt.wantNote)
			}
		})
	}

	// the order drawer keeps them
	got := find(t, s, "2165437890123456789", anomaly.KindBuyerMessage)
	if got.Anomaly.Buyer != "张三丰" || got.Order == nil || got.Order.Address != o.Address {
		t.Fatalf("detail buyer %q, order %+v", got.Anomaly.Buyer, got.Order)
	}
}
