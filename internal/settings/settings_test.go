package settings_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/settings"
)

func openDB(t *testing.T) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func TestDefaults(t *testing.T) {
	d := openDB(t)
	got, err := settings.Load(context.Background(), d.Queries())
	if err != nil {
		t.Fatal(err)
	}
	want := settings.Thresholds{ShipHours: 48, DueSoonHours: 6, StalledDays: 4, UnpaidAfterHours: 2,
		UnpaidCloseHours: 24, BigOrderMultiple: 3, BigOrderMedianDays: 30, BigOrderMinOrders: 10,
		BigOrderFixedFen: 0, BigOrderQuantity: 10, LookbackDays: 7, ComplaintHours: 24}
	if got != want || settings.Defaults() != want {
		t.Fatalf("defaults %+v, want %+v", got, want)
	}
}

func TestSave(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name    string
		changes map[string]float64
		want    string // error text; "" = accepted
	}{
		{"ship hours", map[string]float64{settings.ShipHours: 72}, ""},
		{"multiple in halves", map[string]float64{settings.BigOrderMultiple: 2.5}, ""},
		{"fixed amount in fen", map[string]float64{settings.BigOrderFixedFen: 100000}, ""},
		{"zero turns the quantity off", map[string]float64{settings.BigOrderQuantity: 0}, ""},
		{"below the range", map[string]float64{settings.ShipHours: 0}, "“付款后多久内发货（导出文件没有承诺发货时间时）”的值 0 不在 1 到 720 之间"},
		{"above the range", map[string]float64{settings.StalledDays: 61}, "不在 1 到 60 之间"},
		{"not a whole number", map[string]float64{settings.ShipHours: 1.5}, "必须是 1 的整数倍"},
		{"not a half", map[string]float64{settings.BigOrderMultiple: 2.2}, "必须是 0.5 的整数倍"},
		{"money shown in yuan", map[string]float64{settings.BigOrderFixedFen: -100}, "的值 -1.00 元 不在 0.00 元 到"},
		{"unknown key", map[string]float64{"colour": 1}, "没有名为“colour”的设置"},
		{"close before chase", map[string]float64{settings.UnpaidAfterHours: 30}, "必须大于"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := openDB(t)
			err := settings.Save(ctx, d.Queries(), c.changes)
			if c.want != "" {
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("error %v, want %q", err, c.want)
				}
				if got, _ := settings.Load(ctx, d.Queries()); got != settings.Defaults() {
					t.Fatalf("a refused save changed the settings: %+v", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			list, err := settings.List(ctx, d.Queries())
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range list {
				if v, ok := c.changes[s.Key]; ok && s.Value != v {
					t.Fatalf("%s = %v, want %v", s.Key, s.Value, v)
				}
			}
		})
	}
}

// A value set back to its default leaves no row: a later version's default applies.
func TestSaveDefaultRemovesRow(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	if err := settings.Save(ctx, d.Queries(), map[string]float64{settings.ShipHours: 24}); err != nil {
		t.Fatal(err)
	}
	if err := settings.Save(ctx, d.Queries(), map[string]float64{settings.ShipHours: 48}); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := d.SQL.QueryRow(`SELECT count(*) FROM setting`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d rows (%v)", n, err)
	}
	// A stored value the checks refuse (a hand-edited file) falls back to the default.
	if _, err := d.SQL.Exec(`INSERT INTO setting (key, value, updated_at) VALUES ('ship_hours', 'abc', ''), ('stalled_days', '9999', '')`); err != nil {
		t.Fatal(err)
	}
	if got, _ := settings.Load(ctx, d.Queries()); got != settings.Defaults() {
		t.Fatalf("bad stored values: %+v", got)
	}
}
