package demo_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/demo"
	"shopdesk/internal/stock"
)

// The demo's stock shows every status, a ledger by hand, the week's returns and titles
// waiting on the unmapped list.
func TestDemoStock(t *testing.T) {
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	now := time.Date(2026, 11, 22, 1, 0, 0, 0, time.UTC)
	r, err := demo.Create(ctx, d, now)
	if err != nil {
		t.Fatal(err)
	}
	s := stock.New(d)
	s.SetClock(func() time.Time { return now })
	p, err := s.List(ctx, stock.Query{PageSize: 200})
	if err != nil {
		t.Fatal(err)
	}
	if r.SKUs != 11 || len(p.Rows) != 11 {
		t.Fatalf("%d SKUs in the sheet, %d on the page", r.SKUs, len(p.Rows))
	}
	for _, st := range stock.Statuses {
		if p.Counts[st] == 0 {
			t.Errorf("no %s item: %v", st, p.Counts)
		}
	}
	ret, err := s.Returns(ctx, "", "", 1, 50)
	if err != nil || ret.Total != 2 {
		t.Fatalf("returns %+v %v", ret, err)
	}
	un, err := s.UnmappedLines(ctx, 1, 10)
	if err != nil || un.Titles == 0 || len(un.Rows[0].Suggestions) == 0 {
		t.Fatalf("unmapped %+v %v", un, err)
	}
	var byHand int
	if err := d.SQL.QueryRow(`SELECT count(*) FROM stock_move WHERE batch_id IS NULL`).Scan(&byHand); err != nil || byHand != 2 {
		t.Fatalf("%d movements by hand, %v", byHand, err)
	}
}
