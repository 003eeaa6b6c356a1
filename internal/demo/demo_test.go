package demo_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/demo"
)

// The demo shops come with refunds in every state, each on one of their orders, and an
// open one already past its deadline.
func TestDemoRefunds(t *testing.T) {
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	now := time.Date(2026, 11, 22, 1, 0, 0, 0, time.UTC) // 09:00 in Asia/Shanghai
	r, err := demo.Create(context.Background(), d, now)
	if err != nil {
		t.Fatal(err)
	}
	var refunds, orphans int
	if err := d.SQL.QueryRow(`SELECT count(*), count(*) - count(o.id) FROM refund r
		LEFT JOIN orders o ON o.shop_id = r.shop_id AND o.order_no = r.order_no`).Scan(&refunds, &orphans); err != nil {
		t.Fatal(err)
	}
	if refunds == 0 || refunds != r.Refunds || orphans != 0 {
		t.Fatalf("refunds = %d (result %d), without their order %d", refunds, r.Refunds, orphans)
	}
	for _, status := range []string{"open", "refunded", "closed"} {
		var n int
		if err := d.SQL.QueryRow(`SELECT count(*) FROM refund WHERE status = ?`, status).Scan(&n); err != nil || n == 0 {
			t.Errorf("%s refunds = %d, %v", status, n, err)
		}
	}
	var overdue int
	if err := d.SQL.QueryRow(`SELECT count(*) FROM refund WHERE status = 'open' AND deadline_at <> '' AND deadline_at < '2026-11-22 09:00:00'`).Scan(&overdue); err != nil || overdue != 1 {
		t.Errorf("overdue open refunds = %d, %v; want 1", overdue, err)
	}
}
