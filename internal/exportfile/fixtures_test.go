package exportfile_test

import (
	"bytes"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"shopdesk/internal/demo"
	"shopdesk/internal/exportfile"
)

var update = flag.Bool("update", false, "rewrite the fixture files under testdata/exports")

// The end-to-end tests upload the files under testdata/exports. They are generated here
// (go test ./internal/exportfile -update) so that they stay what the generator writes.
func TestFixturesUpToDate(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "exports")
	now := time.Date(2026, 11, 21, 18, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(1, 2))
	orders := append(demo.TaobaoOrders(rng, "小米粒母婴旗舰店", 24, now), demo.TaobaoOrders(rng, "暖暖家居小铺", 6, now)...)
	orders[0].OrderNo, orders[0].Status, orders[0].Buyer = "2165437890123456789", "买家已付款，等待卖家发货", "tb_小鱼儿2019"
	rows := make([][]string, len(orders))
	for i, o := range orders {
		rows[i] = o.Row()
	}
	// The next morning's export: two of yesterday's orders moved on, five new ones.
	later := append([]exportfile.TaobaoOrder{}, orders...)
	later[0].Status, later[0].Carrier, later[0].TrackingNo = "卖家已发货，等待买家确认", "中通快递", "78000000000123"
	later[1].Status = "交易成功"
	later = append(later, demo.TaobaoOrders(rng, "小米粒母婴旗舰店", 5, now.Add(15*time.Hour))...)
	laterRows := make([][]string, len(later))
	for i, o := range later {
		laterRows[i] = o.Row()
	}
	jd := []exportfile.JDOrder{
		{OrderNo: "290012345678", Status: "等待出库", Customer: "刘先生", Address: "北京 朝阳区 望京街道 阜通东大街 6号院",
			TotalFen: 15800, PayFen: 15800, CreatedAt: "2026-11-21 09:12:00", PaidAt: "2026-11-21 09:13:05",
			Items: []exportfile.JDItem{{ProductID: "100012345", Title: "加厚珊瑚绒毛毯 午睡毯", SkuCode: "BLK-01", PriceFen: 6800, Quantity: 1},
				{ProductID: "100012399", Title: "北欧风陶瓷马克杯 350ml", SkuCode: "MUG-01", PriceFen: 4500, Quantity: 2}}},
		{OrderNo: "290012345679", Status: "等待确认收货", Customer: "陈女士", Address: "上海 浦东新区 张江镇 碧波路 690号",
			TotalFen: 5990, PayFen: 5990, CreatedAt: "2026-11-20 21:40:00", PaidAt: "2026-11-20 21:41:10",
			Items: []exportfile.JDItem{{ProductID: "100012400", Title: "婴儿纯棉连体衣 0-18个月", SkuCode: "BABY-07", PriceFen: 5990, Quantity: 1}}},
		{OrderNo: "290012345680", Status: "完成", Customer: "王先生", Address: "广东 深圳市 南山区 科苑路 15号",
			TotalFen: 8900, PayFen: 8900, CreatedAt: "2026-11-18 10:05:00", PaidAt: "2026-11-18 10:06:00",
			Items: []exportfile.JDItem{{ProductID: "100012500", Title: "家用收纳箱 大号 3个装", SkuCode: "BOX-3", PriceFen: 8900, Quantity: 1}}},
	}
	var jdRows [][]string
	for _, o := range jd {
		jdRows = append(jdRows, o.Rows()...)
	}
	files := map[string]func(path string) error{
		"ExportOrderList202611220900.csv": func(p string) error {
			return exportfile.WriteCSV(p, exportfile.TaobaoOrderHeader, laterRows, exportfile.CSVOptions{GBK: true, ExcelText: true})
		},
		"京东订单导出_20261121.csv": func(p string) error {
			return exportfile.WriteCSV(p, exportfile.JDOrderHeader, jdRows, exportfile.CSVOptions{GBK: true})
		},
		"ExportOrderList202611211800.csv": func(p string) error {
			return exportfile.WriteCSV(p, exportfile.TaobaoOrderHeader, rows, exportfile.CSVOptions{GBK: true, ExcelText: true})
		},
		"客户名单.csv": func(p string) error {
			return exportfile.WriteCSV(p, []string{"姓名", "电话", "地址"}, [][]string{{"张三", "13800000000", "杭州"}}, exportfile.CSVOptions{})
		},
	}
	for name, write := range files {
		want := filepath.Join(dir, name)
		if *update {
			if err := write(want); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got := filepath.Join(t.TempDir(), name)
		if err := write(got); err != nil {
			t.Fatal(err)
		}
		a, _ := os.ReadFile(got)
		b, err := os.ReadFile(want)
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s is stale: run go test ./internal/exportfile -update (%v)", want, err)
		}
	}
}
