package orders_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"shopdesk/internal/orders"
)

// The oracle: what the page must show, asked of the orders and refunds tables themselves,
// the way the page counted before order_day_count.

// matching is the WHERE clause of the orders (alias o) that q matches, and its arguments.
func matching(tb testing.TB, q orders.Query) (string, []any) {
	tb.Helper()
	where := []string{"o.created_at >= ?", "o.created_at < ?"}
	args := []any{q.From, "9999"}
	if q.To != "" {
		day, err := time.Parse("2006-01-02", q.To)
		if err != nil {
			tb.Fatal(err)
		}
		args[1] = day.AddDate(0, 0, 1).Format("2006-01-02") // the To day is inclusive
	}
	if q.ShopID != 0 {
		where, args = append(where, "o.shop_id = ?"), append(args, q.ShopID)
	}
	if q.Status != "" {
		where, args = append(where, "o.status = ?"), append(args, q.Status)
	}
	if s := strings.TrimSpace(q.Search); s != "" {
		where, args = append(where, "(o.order_no = ? OR o.buyer = ?)"), append(args, s, s)
	}
	if q.OpenRefund {
		where = append(where, `EXISTS (SELECT 1 FROM refund r
			WHERE r.shop_id = o.shop_id AND r.order_no = o.order_no AND r.status = 'open')`)
	}
	return strings.Join(where, " AND "), args
}

// recount counts the orders q matches.
func recount(tb testing.TB, d *sql.DB, q orders.Query) int64 {
	tb.Helper()
	where, args := matching(tb, q)
	var n int64
	if err := d.QueryRowContext(context.Background(), "SELECT count(*) FROM orders o WHERE "+where, args...).Scan(&n); err != nil {
		tb.Fatalf("count %+v: %v", q, err)
	}
	return n
}

// newestIDs are the ids of the first limit orders q matches, newest created first.
func newestIDs(tb testing.TB, d *sql.DB, q orders.Query, limit int) []int64 {
	tb.Helper()
	where, args := matching(tb, q)
	rows, err := d.QueryContext(context.Background(), "SELECT o.id FROM orders o WHERE "+where+
		" ORDER BY o.created_at DESC, o.id DESC LIMIT ?", append(args, limit)...)
	if err != nil {
		tb.Fatalf("ids %+v: %v", q, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			tb.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

// countsMismatch compares order_day_count and order_open_refund with the orders and
// refunds themselves and describes the first difference of each ("" when they agree).
// Counts that fell to zero are the same as no row.
func countsMismatch(tb testing.TB, d *sql.DB) string {
	tb.Helper()
	var diff string
	err := d.QueryRowContext(context.Background(), `
		WITH open AS (
			SELECT o.created_at, o.id AS order_id, o.shop_id, o.status FROM orders o
			WHERE EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = o.shop_id
			              AND r.order_no = o.order_no AND r.status = 'open')),
		actual AS (
			SELECT substr(o.created_at, 1, 10) AS day, o.shop_id, o.status, count(*) AS n,
			       sum(o.id IN (SELECT order_id FROM open)) AS n_open_refund
			FROM orders o GROUP BY 1, 2, 3),
		kept AS (SELECT day, shop_id, status, n, n_open_refund FROM order_day_count
		         WHERE n <> 0 OR n_open_refund <> 0)
		SELECT concat_ws(' | ',
			(SELECT printf('order_day_count has %s/%d/%s: %d, %d open', day, shop_id, status, n, n_open_refund)
			 FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) LIMIT 1),
			(SELECT printf('the orders have %s/%d/%s: %d, %d open', day, shop_id, status, n, n_open_refund)
			 FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) LIMIT 1),
			(SELECT printf('order_open_refund has order %d (%s, shop %d, %s)', order_id, created_at, shop_id, status)
			 FROM (SELECT created_at, order_id, shop_id, status FROM order_open_refund EXCEPT SELECT * FROM open) LIMIT 1),
			(SELECT printf('order_open_refund lacks order %d (%s, shop %d, %s)', order_id, created_at, shop_id, status)
			 FROM (SELECT * FROM open EXCEPT SELECT created_at, order_id, shop_id, status FROM order_open_refund) LIMIT 1),
			(SELECT printf('order_day_count has shop %d, which is gone', shop_id)
			 FROM order_day_count WHERE shop_id NOT IN (SELECT id FROM shop) LIMIT 1))`).Scan(&diff)
	if err != nil {
		tb.Fatal(err)
	}
	return diff
}
