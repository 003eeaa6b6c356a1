package orders_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/orders"
)

// seed writes n orders straight into a fresh database: shop 1 gets the even ones,
// shop 2 the odd ones; every third is unpaid; times run one hour apart, several sharing a
// second so the id tie-break of the cursor is exercised.
func seed(t *testing.T, n int) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "orders.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	exec := func(q string, args ...any) {
		if _, err := d.SQL.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`INSERT INTO shop (id, platform, name) VALUES (1, 'taobao', '甲店'), (2, 'taobao', '乙店')`)
	exec(`INSERT INTO import_batch (id, file_name, file_sha256, file_size, platform, format, started_at, finished_at)
	      VALUES (1, 'f.csv', 'x', 1, 'taobao', 'taobao_orders_csv', '', '')`)
	tx, _ := d.SQL.Begin()
	for i := 0; i < n; i++ {
		status := "completed"
		if i%3 == 0 {
			status = "unpaid"
		}
		created := fmt.Sprintf("2026-11-%02d %02d:00:00", 1+i/24%28, i%24)
		if i%10 == 1 { // share the previous order's second
			created = fmt.Sprintf("2026-11-%02d %02d:00:00", 1+(i-1)/24%28, (i-1)%24)
		}
		if _, err := tx.Exec(`INSERT INTO orders (shop_id, order_no, buyer, status, created_at, first_batch_id, last_batch_id)
			VALUES (?, ?, ?, ?, ?, 1, 1)`, 1+i%2, fmt.Sprintf("21654378901234%05d", i), fmt.Sprintf("买家%d", i%7), status, created); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return d
}

// all pages through q and checks that pages are newest first, never repeat a row and
// add up to Total.
func all(t *testing.T, d *db.DB, q orders.Query) []orders.Order {
	t.Helper()
	var out []orders.Order
	seen := map[int64]bool{}
	total := int64(-1)
	for page := 0; ; page++ {
		p, err := orders.List(context.Background(), d.SQL, q)
		if err != nil {
			t.Fatal(err)
		}
		if page == 0 {
			total = p.Total
		} else if p.Total != -1 {
			t.Fatalf("page %d counted again: total %d", page, p.Total)
		}
		for _, o := range p.Rows {
			if seen[o.ID] {
				t.Fatalf("order %d on two pages", o.ID)
			}
			seen[o.ID] = true
			if n := len(out); n > 0 {
				prev := out[n-1]
				if prev.CreatedAt < o.CreatedAt || (prev.CreatedAt == o.CreatedAt && prev.ID < o.ID) {
					t.Fatalf("not newest first: %s/%d before %s/%d", prev.CreatedAt, prev.ID, o.CreatedAt, o.ID)
				}
			}
			out = append(out, o)
		}
		if p.NextCursor == "" {
			if int64(len(out)) != total {
				t.Fatalf("paged %d rows, total says %d", len(out), total)
			}
			return out
		}
		if len(p.Rows) != q.Limit {
			t.Fatalf("page %d has %d rows, want %d", page, len(p.Rows), q.Limit)
		}
		q.Cursor = p.NextCursor
	}
}

func TestListFiltersAndKeysetPages(t *testing.T) {
	d := seed(t, 300)
	tests := []struct {
		name  string
		q     orders.Query
		want  int
		check func(o orders.Order) bool
	}{
		{"everything", orders.Query{Limit: 50}, 300, nil},
		{"one shop", orders.Query{ShopID: 2, Limit: 40}, 150, func(o orders.Order) bool { return o.ShopID == 2 && o.ShopName == "乙店" }},
		{"one status", orders.Query{Status: "unpaid", Limit: 30}, 100, func(o orders.Order) bool { return o.Status == "unpaid" }},
		{"shop and status", orders.Query{ShopID: 1, Status: "unpaid", Limit: 7}, 50, func(o orders.Order) bool { return o.ShopID == 1 && o.Status == "unpaid" }},
		{"date range, inclusive days", orders.Query{From: "2026-11-02", To: "2026-11-03", Limit: 20}, 48,
			func(o orders.Order) bool { return o.CreatedAt >= "2026-11-02" && o.CreatedAt < "2026-11-04" }},
		{"search by order number", orders.Query{Search: "2165437890123400042", Limit: 10}, 1,
			func(o orders.Order) bool { return o.OrderNo == "2165437890123400042" }},
		{"search by buyer within a shop", orders.Query{Search: "买家3", ShopID: 1, Limit: 5}, 21,
			func(o orders.Order) bool { return o.Buyer == "买家3" && o.ShopID == 1 }},
		{"nothing matches", orders.Query{Search: "没有这个人", Limit: 10}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := all(t, d, tt.q)
			if len(got) != tt.want {
				t.Fatalf("got %d orders, want %d", len(got), tt.want)
			}
			for _, o := range got {
				if tt.check != nil && !tt.check(o) {
					t.Fatalf("order does not match the filter: %+v", o)
				}
			}
		})
	}
}

func TestListRejectsBadInput(t *testing.T) {
	d := seed(t, 3)
	for _, q := range []orders.Query{{From: "2026/11/01"}, {To: "tomorrow"}, {Cursor: "%%%"}} {
		if _, err := orders.List(context.Background(), d.SQL, q); err == nil {
			t.Errorf("query %+v accepted", q)
		}
	}
	p, err := orders.List(context.Background(), d.SQL, orders.Query{Limit: 100000})
	if err != nil || len(p.Rows) != 3 {
		t.Fatalf("large limit: %v, %d rows", err, len(p.Rows))
	}
}

// Every filter combination the page offers (benchCases: shop, status, six date ranges,
// search by number, buyer and a name on 1 % of the orders, 有售后) over a year of orders:
// the first page's Total is the number of matching orders, and the first pages are the
// newest matching orders in order. Read with the day counts a year at a time, 20 days
// at a time (the reads after the first), and with counts that promise more orders than
// there are (an import committed between reading the counts and the rows).
func TestListMatchesTheOrdersForEveryFilter(t *testing.T) {
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "year.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	seedYear(t, d, 10_000)
	if diff := countsMismatch(t, d.SQL); diff != "" {
		t.Fatal(diff)
	}
	var orderNo string
	if err := d.SQL.QueryRow(`SELECT order_no FROM orders WHERE id = 5001`).Scan(&orderNo); err != nil {
		t.Fatal(err)
	}
	cases := benchCases(orderNo)
	t.Run("a year at a time", func(t *testing.T) { checkPages(t, d, cases, true) })
	t.Run("20 days at a time", func(t *testing.T) {
		defer orders.SetDaysPerRead(20)()
		checkPages(t, d, cases, true)
	})
	t.Run("counts ahead of the rows", func(t *testing.T) {
		if _, err := d.SQL.Exec(`UPDATE order_day_count SET n = n + 2, n_open_refund = n_open_refund + 2`); err != nil {
			t.Fatal(err)
		}
		checkPages(t, d, cases, false)
	})
}

// checkPages pages through the first three pages of each case and compares them, and
// with total the first page's Total, with the orders themselves.
func checkPages(t *testing.T, d *db.DB, cases []benchCase, total bool) {
	const limit, pages = 23, 3
	for _, c := range cases {
		q := c.q
		q.Limit = limit
		want := newestIDs(t, d.SQL, q, limit*pages)
		var got []int64
		for page := 0; page < pages; page++ {
			p, err := orders.List(context.Background(), d.SQL, q)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if page == 0 && total {
				if n := recount(t, d.SQL, q); p.Total != n {
					t.Errorf("%s: Total %d, %d orders match", c.name, p.Total, n)
				}
			}
			for _, o := range p.Rows {
				got = append(got, o.ID)
			}
			if p.NextCursor == "" {
				break
			}
			q.Cursor = p.NextCursor
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: pages %v, want %v", c.name, got, want)
		}
	}
}

// Orders without a created time (a layout without one) count under the empty day and come
// last, after the oldest dated order, whatever the filters; a date filter leaves them out.
func TestListOrdersWithoutCreatedTime(t *testing.T) {
	d := seed(t, 30)
	if _, err := d.SQL.Exec(`UPDATE orders SET created_at = '' WHERE id IN (2, 3, 5, 8)`); err != nil {
		t.Fatal(err)
	}
	if diff := countsMismatch(t, d.SQL); diff != "" {
		t.Fatal(diff)
	}
	for _, q := range []orders.Query{{Limit: 7}, {ShopID: 1, Status: "unpaid", Limit: 2}, {ShopID: 2, Status: "completed", Limit: 3},
		{Status: "completed", Limit: 4}, {From: "2026-11-01", Limit: 5}, {To: "2026-11-02", ShopID: 1, Status: "completed", Limit: 5}} {
		got := all(t, d, q)
		want := newestIDs(t, d.SQL, q, 1000)
		var ids []int64
		for _, o := range got {
			ids = append(ids, o.ID)
		}
		if fmt.Sprint(ids) != fmt.Sprint(want) {
			t.Errorf("%+v: %v, want %v", q, ids, want)
		}
	}
}
