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
	files := map[string]func(path string) error{
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
