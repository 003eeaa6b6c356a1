package importer_test

import (
	"context"
	"fmt"
	"testing"

	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// Files of product lines: n orders, the first extra of them with two lines.
func douyinLines(n, extra int) [][]string {
	var rows [][]string
	for i := range n {
		o := exportfile.DouyinOrder{OrderNo: fmt.Sprintf("69200000000%08d", i), SubOrderNo: fmt.Sprintf("69200000001%08d", i),
			Title: "羊毛围巾", SkuCode: "WJ", Receiver: "周**", Province: "浙江省", City: "杭州市", District: "余杭区",
			Status: "待发货", PriceFen: 12900, PayFen: 11900, Quantity: 1,
			CreatedAt: "2026-11-21 20:00:00", PaidAt: "2026-11-21 20:00:20", PromisedShipAt: "2026-11-23 20:00:20"}
		rows = append(rows, o.Row())
		if i < extra {
			o.SubOrderNo, o.Title, o.SkuCode = fmt.Sprintf("69200000002%08d", i), "羊毛手套", "ST"
			rows = append(rows, o.Row())
		}
	}
	return rows
}

func lines1688(n, extra int) [][]string {
	var rows [][]string
	for i := range n {
		o := exportfile.Order1688{OrderNo: fmt.Sprintf("32000000000%08d", i), Buyer: "义乌小商品店", Status: "等待卖家发货",
			Receiver: "何先生", Address: "浙江省 金华市 义乌市", GoodsFen: 8000, PayFen: 8000,
			CreatedAt: "2026-11-20 14:00:00", PaidAt: "2026-11-20 14:05:00",
			Items: []exportfile.Item1688{{Title: "陶瓷马克杯", SkuCode: "MK-100", SkuID: "501", PriceFen: 800, Quantity: 10}}}
		if i < extra {
			o.Items = append(o.Items, exportfile.Item1688{Title: "杯垫", SkuCode: "BD-1", SkuID: "502", PriceFen: 100, Quantity: 10})
		}
		rows = append(rows, o.Rows()...)
	}
	return rows
}

func qianniuLines(n, extra int) [][]string {
	var rows [][]string
	for i := range n {
		o := exportfile.QianniuSubOrder{OrderNo: fmt.Sprintf("40010000000%08d", i), SubOrderNo: fmt.Sprintf("40020000000%08d", i),
			Title: "婴儿连体衣", Status: "买家已付款，等待卖家发货", SkuCode: "LTY", Buyer: "tb_buyer", PriceFen: 4400,
			PayFen: 4400, Quantity: 1, CreatedAt: "2026-11-21 10:00:00", PaidAt: "2026-11-21 10:00:30"}
		rows = append(rows, o.Row())
		if i < extra {
			o.SubOrderNo, o.Title = fmt.Sprintf("40030000000%08d", i), "婴儿袜"
			rows = append(rows, o.Row())
		}
	}
	return rows
}

// The import counts orders, not rows: the exports of the issue (抖店 250 rows are 200
// orders, 1688 134 are 80, 千牛 144 are 120). The import history keeps both; the same file
// again counts its orders unchanged; an order whose lines are apart in the file counts once.
func TestOrderCounts(t *testing.T) {
	tests := []struct {
		name  string
		write func(t *testing.T) string
		rows  int
		want  importer.OrderCounts
	}{
		{"抖店 250 rows", func(t *testing.T) string {
			return writeCSVFile(t, "抖店订单.csv", exportfile.DouyinSubOrderHeader, douyinLines(200, 50), exportfile.CSVOptions{})
		}, 250, importer.OrderCounts{Total: 200, New: 200}},
		{"1688 134 rows", func(t *testing.T) string {
			return writeXLSXFile(t, "1688订单.xlsx", "Sheet1", exportfile.Order1688Header, lines1688(80, 54))
		}, 134, importer.OrderCounts{Total: 80, New: 80}},
		{"千牛 144 rows", func(t *testing.T) string {
			return writeXLSXFile(t, "千牛子订单.xlsx", "Sheet1", exportfile.QianniuSubOrderHeader, qianniuLines(120, 24))
		}, 144, importer.OrderCounts{Total: 120, New: 120}},
		{"an order's lines apart", func(t *testing.T) string {
			rows := douyinLines(3, 1) // order 0 (two lines), 1, 2
			rows[1], rows[3] = rows[3], rows[1]
			return writeCSVFile(t, "抖店订单.csv", exportfile.DouyinSubOrderHeader, rows, exportfile.CSVOptions{})
		}, 4, importer.OrderCounts{Total: 3, New: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			ctx := context.Background()
			im := importer.New(d)
			path := tt.write(t)
			opts := importer.Options{ShopName: "测试店"}
			p := im.PreviewFile(ctx, path, opts)
			r := im.ImportFile(ctx, path, opts)
			for _, got := range []importer.FileResult{p.Result, r} {
				if got.Error != "" || got.Rows != tt.rows || got.New != tt.rows || got.Orders == nil || *got.Orders != tt.want {
					t.Fatalf("rows %d new %d orders %+v, want rows %d orders %+v; %s", got.Rows, got.New, got.Orders, tt.rows, tt.want, got.Error)
				}
			}
			if n := count(t, d, "orders"); n != tt.want.Total {
				t.Fatalf("%d orders stored, want %d", n, tt.want.Total)
			}
			batches, err := importer.ListBatches(ctx, d.SQL, 10)
			if err != nil || len(batches) != 1 || batches[0].Rows != int64(tt.rows) || batches[0].Orders == nil || *batches[0].Orders != tt.want {
				t.Fatalf("history = %+v, %v", batches, err)
			}
			again := im.ImportFile(ctx, path, opts)
			if !again.Duplicate || again.Orders == nil || *again.Orders != (importer.OrderCounts{Total: tt.want.Total, Unchanged: tt.want.Total}) {
				t.Fatalf("the same file again: %+v", again)
			}
		})
	}
}

// A later export of the same orders: an order with a new or changed product line counts
// as updated once, however many of its lines changed; an untouched order as unchanged.
func TestOrderCountsLaterExport(t *testing.T) {
	d := openDB(t)
	ctx := context.Background()
	im := importer.New(d)
	opts := importer.Options{ShopName: "测试店"}
	first := douyinLines(4, 2) // orders 0 and 1 have two lines
	if r := im.ImportFile(ctx, writeCSVFile(t, "a.csv", exportfile.DouyinSubOrderHeader, first, exportfile.CSVOptions{}), opts); r.Error != "" {
		t.Fatal(r.Error)
	}
	later := douyinLines(5, 3) // order 2 gets a second line, order 4 is new
	r := im.ImportFile(ctx, writeCSVFile(t, "b.csv", exportfile.DouyinSubOrderHeader, later, exportfile.CSVOptions{}), opts)
	if want := (importer.OrderCounts{Total: 5, New: 1, Updated: 1, Unchanged: 3}); r.Error != "" || r.Orders == nil || *r.Orders != want {
		t.Fatalf("orders = %+v, want %+v (%s)", r.Orders, want, r.Error)
	}
	if r.Rows != 8 || r.New != 2 || r.Unchanged != 6 {
		t.Fatalf("rows %d new %d unchanged %d", r.Rows, r.New, r.Unchanged)
	}
}

// Refund files count refunds (their rows), not orders.
func TestRefundFileHasNoOrderCounts(t *testing.T) {
	d := openDB(t)
	r := importer.New(d).ImportFile(context.Background(), writeTaobaoRefunds(t, "退款.csv", sampleRefunds(), exportfile.CSVOptions{GBK: true, ExcelText: true}),
		importer.Options{ShopName: "小米粒母婴旗舰店"})
	if r.Error != "" || r.Kind != importer.KindRefunds || r.Orders != nil || r.New == 0 {
		t.Fatalf("result = %+v", r)
	}
}
