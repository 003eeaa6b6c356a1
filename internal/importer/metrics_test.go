package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/importer"
	"shopdesk/internal/metrics"
)

// Daily traffic exports (生意参谋 店铺 daily export, kind metrics) written by the tests as the
// back office writes them: a title line and 统计时间 above the header, percent and money
// cells, a 合计 line, '-' placeholders, Excel serial dates; then undone to the exact values.

// csvText writes a CSV file from its lines as they are (a title line above the header).
func csvText(name string, lines ...string) fileMaker {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("\ufeff"+strings.Join(lines, "\r\n")+"\r\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

// twoShops makes two Taobao shops (the file names none: the shop is picked) and returns
// the one picked.
func twoShops(t *testing.T, d *db.DB) int64 {
	t.Helper()
	res, err := d.SQL.Exec(`INSERT INTO shop (platform, name, timezone) VALUES ('taobao', '甲店', 'Asia/Shanghai'), ('taobao', '乙店', 'Asia/Shanghai')`)
	if err != nil {
		t.Fatal(err)
	}
	last, _ := res.LastInsertId()
	return last - 1 // 甲店
}

const metricSQL = `SELECT s.name, m.day, coalesce(m.visitors, 'nil'), coalesce(m.page_views, 'nil'), coalesce(m.buyers, 'nil'),
	coalesce(m.promo_fen, 'nil'), m.updated_at FROM shop_metric m JOIN shop s ON s.id = m.shop_id ORDER BY s.name, m.day`

func TestMetricsFileVariants(t *testing.T) {
	header := "日期,访客数,浏览量,支付买家数,支付金额,支付转化率,客单价"
	tests := []struct {
		name string
		make fileMaker
		want []string // shop|day|visitors|page views|buyers|promo fen (updated_at cut); 11-02 was typed before with buyers 5 and promotion 99.00, which a file without the column (or with '-') keeps
		rows int      // rows written
	}{
		{"plain csv", csvText("sycm.csv", header,
			"2026-11-01,1200,3600,36,\"5,400.00\",3.00%,150.00",
			"2026-11-02,\"1,350\",\"4,100\",41,\"6,150.50\",3.04%,150.01"),
			[]string{"甲店|2026-11-01|1200|3600|36|nil", "甲店|2026-11-02|1350|4100|41|9900"}, 2},
		{"title line, 统计时间, 合计 footer, placeholders", csvText("【生意参谋】店铺整体-日报.csv",
			"【生意参谋平台】店铺整体指标",
			"统计时间：2026-11-01 ~ 2026-11-03",
			"",
			"统计日期,店铺访客数,浏览量,支付买家数,支付金额,支付转化率,客单价,推广花费",
			"2026-11-01,980,2900,30,4500,3.06%,150,120.50",
			"2026-11-02,-,-,-,-,-,-,-",
			"2026-11-03,1010,3050,31,4650,3.07%,150,\"1,080.00\"",
			"合计,1990,5950,61,9150,3.07%,150,\"1,200.50\""),
			[]string{"甲店|2026-11-01|980|2900|30|12050", "甲店|2026-11-02|nil|nil|5|9900", "甲店|2026-11-03|1010|3050|31|108000"}, 2},
		{"xlsx, Excel serial dates, percent as numbers", xlsxCells("sycm.xlsx", [][]any{
			{"店铺整体指标 日报"},
			{"日期", "访客数", "浏览量", "支付买家数", "支付金额", "支付转化率", "客单价"},
			{46327, 800, 2400, 24, 3600.0, 0.03, 150.0}, // 2026-11-01
			{46328, 820, 2500, 25, 3750.0, 0.0305, 150.0},
			{"合计", 1620, 4900, 49, 7350.0, 0.0302, 150.0},
		}), []string{"甲店|2026-11-01|800|2400|24|nil", "甲店|2026-11-02|820|2500|25|9900"}, 2},
		{"20261101 dates and 成交买家数", csvText("traffic.csv", "日期,访客数,成交买家数,支付金额",
			"20261101,500,10,1500", "20261102,510,11,1650"),
			[]string{"甲店|2026-11-01|500|nil|10|nil", "甲店|2026-11-02|510|nil|11|9900"}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := openDB(t)
			shopID := twoShops(t, d)
			ctx := context.Background()
			// Typed-in figures before: 11-01 with a promotion spend the file keeps (no column or '-').
			typedBuyers, typedPromo := int64(5), int64(9900)
			if err := metrics.New(d).Save(ctx, metrics.Input{ShopID: shopID, Day: "2026-11-02", Buyers: &typedBuyers, PromoFen: &typedPromo}); err != nil {
				t.Fatal(err)
			}
			before := queryRows(t, d, metricSQL)
			im := importer.New(d)
			path := tc.make(t, t.TempDir())

			// Two Taobao shops, none named: the preview asks for one.
			if p := im.PreviewFile(ctx, path, importer.Options{}); p.Result.ErrorCode != importer.ErrCodeNeedShop {
				t.Fatalf("preview without a shop: %+v", p.Result)
			}
			p := im.PreviewFile(ctx, path, importer.Options{ShopID: shopID})
			if p.Result.Error != "" || p.Result.Kind != importer.KindMetrics || len(p.Rows) == 0 {
				t.Fatalf("preview: %+v", p.Result)
			}
			if got := queryRows(t, d, metricSQL); strings.Join(got, "\n") != strings.Join(before, "\n") {
				t.Fatalf("the preview wrote: %v", got)
			}
			r := im.ImportFile(ctx, path, importer.Options{ShopID: shopID})
			if r.Error != "" {
				t.Fatalf("import: %s", r.Error)
			}
			if r.New+r.Updated != tc.rows {
				t.Fatalf("counts %+v, want %d rows written", r, tc.rows)
			}
			var got []string
			for _, row := range queryRows(t, d, metricSQL) {
				got = append(got, row[:strings.LastIndex(row, "|")])
			}
			for _, w := range tc.want {
				if !strings.Contains(strings.Join(got, "\n"), w) {
					t.Errorf("missing %s in\n%s", w, strings.Join(got, "\n"))
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("%d days, want %d: %v", len(got), len(tc.want), got)
			}
			// Conversion stays derived from the stored figures (never the file's percent).
			days, err := metrics.New(d).Range(ctx, "2026-11-01", "2026-11-01")
			if err != nil {
				t.Fatal(err)
			}
			if c := days[shopID][0].Conversion; c == nil || *c != float64(int(float64(*days[shopID][0].Buyers)/float64(*days[shopID][0].Visitors)*10000+0.5))/10000 {
				t.Errorf("conversion %v", c)
			}

			u, err := im.Undo(ctx, r.BatchID)
			if err != nil {
				t.Fatal(err)
			}
			if u.MetricDaysRestored != int64(tc.rows) {
				t.Errorf("undo restored %d days, want %d", u.MetricDaysRestored, tc.rows)
			}
			if after := queryRows(t, d, metricSQL); strings.Join(after, "\n") != strings.Join(before, "\n") {
				t.Fatalf("undo did not restore exactly:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

func TestMetricsFileErrors(t *testing.T) {
	header := "日期,访客数,浏览量,支付买家数,支付金额"
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"a day that is none", []string{"2026-11-01,100,300,3,300", "昨天,100,300,3,300"},
			"文件“m.csv”第 3 行，“日期”列的值“昨天”不是日期"},
		{"visitors not a number", []string{"2026-11-01,很多,300,3,300"},
			"文件“m.csv”第 2 行，“访客数”列的值“很多”不是"},
		{"more buyers than visitors", []string{"2026-11-01,10,300,30,300"},
			"文件“m.csv”第 2 行，“支付买家数”列的值“30”比访客数 10 还多"},
		{"a day twice", []string{"2026-11-01,100,300,3,300", "2026-11-01,100,300,3,300"},
			"文件“m.csv”第 3 行：日期 2026-11-01 在第 2 行已经出现过"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := openDB(t)
			shopID := twoShops(t, d)
			path := csvText("m.csv", append([]string{header}, tc.lines...)...)(t, t.TempDir())
			r := importer.New(d).ImportFile(context.Background(), path, importer.Options{ShopID: shopID})
			if !strings.Contains(r.Error, tc.want) {
				t.Fatalf("error %q, want %q", r.Error, tc.want)
			}
			if n := count(t, d, "shop_metric") + count(t, d, "import_batch") + count(t, d, "shop_metric_import"); n != 0 {
				t.Fatalf("%d rows kept", n)
			}
		})
	}
}

// A later import of the same days must be undone first; a day typed over since keeps
// what was typed; the rest come back exactly.
func TestMetricsUndoOrder(t *testing.T) {
	d := openDB(t)
	shopID := twoShops(t, d)
	ctx := context.Background()
	im := importer.New(d)
	dir := t.TempDir()
	first := csvText("a.csv", "日期,访客数,支付买家数", "2026-11-01,100,3", "2026-11-02,200,4")(t, dir)
	second := csvText("b.csv", "日期,访客数,支付买家数", "2026-11-02,250,5")(t, dir)
	a := im.ImportFile(ctx, first, importer.Options{ShopID: shopID})
	b := im.ImportFile(ctx, second, importer.Options{ShopID: shopID})
	if a.Error != "" || b.Error != "" || b.Updated != 1 {
		t.Fatalf("%+v\n%+v", a, b)
	}
	if _, err := im.Undo(ctx, a.BatchID); err == nil {
		t.Fatal("undid the first import while a later one changed its day")
	}
	if _, err := im.Undo(ctx, b.BatchID); err != nil {
		t.Fatal(err)
	}
	v := int64(150)
	if err := metrics.New(d).Save(ctx, metrics.Input{ShopID: shopID, Day: "2026-11-01", Visitors: &v}); err != nil {
		t.Fatal(err)
	}
	u, err := im.Undo(ctx, a.BatchID)
	if err != nil {
		t.Fatal(err)
	}
	if u.MetricDaysRestored != 1 || u.MetricDaysKept != 1 {
		t.Fatalf("%+v", u)
	}
	got := queryRows(t, d, `SELECT day, coalesce(visitors, 'nil'), coalesce(buyers, 'nil') FROM shop_metric ORDER BY day`)
	if strings.Join(got, ";") != "2026-11-01|150|nil" {
		t.Fatalf("after undo: %v", got)
	}
}

// Another back office's daily figures (a 拼多多 data-centre export in its own words) through
// the mapping screen: a template of kind metrics with the file's platform; the file then
// imports into that platform's only shop, and undoes.
func TestMetricsTemplate(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	if _, err := d.SQL.Exec(`INSERT INTO shop (platform, name, timezone) VALUES ('pdd', '拼多多店', 'Asia/Shanghai')`); err != nil {
		t.Fatal(err)
	}
	im := importer.New(d)
	header := []string{"统计日期", "商品访客数", "商品浏览量", "成交买家数", "成交金额", "成交转化率", "推广费"}
	path := csvText("pdd.csv", strings.Join(header, ","), "2026/11/1,700,2100,21,3150,3.00%,88.8", "2026/11/2,-,-,-,-,-,-")(t, t.TempDir())
	if r := im.ImportFile(ctx, path, importer.Options{}); r.ErrorCode != importer.ErrCodeUnknownFormat {
		t.Fatalf("before the template: %+v", r)
	}
	_, err := im.SaveTemplate(ctx, importer.TemplateInput{File: "pdd.csv", Kind: importer.KindMetrics, Platform: "pdd", Name: "拼多多数据中心",
		Header: header, Columns: map[string][]string{"metric_day": {"统计日期"}}})
	if err == nil || !strings.Contains(err.Error(), "访客数") {
		t.Fatalf("a template with only the date: %v", err)
	}
	if _, err := im.SaveTemplate(ctx, importer.TemplateInput{File: "pdd.csv", Kind: importer.KindMetrics, Platform: "pdd", Name: "拼多多数据中心",
		Header: header, Columns: map[string][]string{"metric_day": {"统计日期"}, "metric_visitors": {"商品访客数"},
			"metric_page_views": {"商品浏览量"}, "metric_buyers": {"成交买家数"}, "metric_promo": {"推广费"}}}); err != nil {
		t.Fatal(err)
	}
	r := mustImport(t, im, path)
	if r.Kind != importer.KindMetrics || r.New != 1 {
		t.Fatalf("%+v", r)
	}
	got := queryRows(t, d, `SELECT s.name, m.day, m.visitors, m.page_views, m.buyers, m.promo_fen FROM shop_metric m JOIN shop s ON s.id = m.shop_id`)
	if strings.Join(got, ";") != "拼多多店|2026-11-01|700|2100|21|8880" {
		t.Fatalf("%v", got)
	}
	if _, err := im.Undo(ctx, r.BatchID); err != nil {
		t.Fatal(err)
	}
	if n := count(t, d, "shop_metric") + count(t, d, "shop_metric_import"); n != 0 {
		t.Fatalf("%d rows after undo", n)
	}
}
