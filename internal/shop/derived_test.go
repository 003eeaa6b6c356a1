package shop_test

import (
	"context"
	"strings"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/anomaly"
	"shopdesk/internal/shop"
)

// The Derived tables are left to their owners by merge, undo and delete: the orders page's
// counts follow the moved rows by their triggers, and the anomaly rules, reset, rebuild their
// state on their next run. After each step both hold: the counts equal a recount of the
// orders, and nothing the rules kept refers to a shop that is gone.
func TestMergeKeepsDerivedTablesRight(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	store := shop.New(f.d)
	rules := anomaly.New(f.d)
	check := func(step string) {
		t.Helper()
		res, err := rules.Evaluate(ctx, clock(t))
		if err != nil {
			t.Fatalf("%s: rules: %v", step, err)
		}
		if !res.Full {
			t.Errorf("%s: the rules' run after the change was not a full one", step)
		}
		if diff := countsDiff(t, f.d); diff != "" {
			t.Errorf("%s: order_day_count is not a recount of the orders:\n%s", step, diff)
		}
		for _, dt := range shop.DerivedTables {
			if len(strs(t, f.d, `SELECT name FROM pragma_table_info(?) WHERE name = 'shop_id'`, dt.Table)) == 0 {
				continue // anomaly_run: the record of the rules' last run
			}
			gone := strs(t, f.d, `SELECT DISTINCT shop_id FROM `+quote(dt.Table)+` WHERE shop_id <> 0 AND shop_id NOT IN (SELECT id FROM shop)`)
			if len(gone) > 0 {
				t.Errorf("%s: %s still has rows of shops that are gone: %v", step, dt.Table, gone)
			}
		}
		// A second run finds the rules' state right: nothing left to do.
		if res, err := rules.Evaluate(ctx, clock(t)); err != nil || res.Full {
			t.Errorf("%s: a second run: full %v, %v", step, res.Full, err)
		}
	}
	if _, err := rules.Evaluate(ctx, clock(t)); err != nil {
		t.Fatal(err)
	}
	m, err := store.Merge(ctx, f.shops[mistakeTB], f.shops[realTaobao])
	if err != nil {
		t.Fatal(err)
	}
	check("merge")
	if _, err := store.UndoMerge(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	check("undo of the merge")
	if err := store.Delete(ctx, f.shops[mistakeJD], mistakeJD); err != nil {
		t.Fatal(err)
	}
	check("delete")
}

// clock is a fixed morning in every shop's zone.
func clock(t *testing.T) anomaly.Clock {
	t.Helper()
	w, err := anomaly.ParseWall("2026-11-22 09:00")
	if err != nil {
		t.Fatal(err)
	}
	return anomaly.WallAt(w)
}

// countsDiff compares order_day_count (its rows above zero) with a recount of the orders.
func countsDiff(t *testing.T, d *db.DB) string {
	t.Helper()
	kept := strs(t, d, `SELECT day || ' ' || shop_id || ' ' || status || ' ' || n || ' ' || n_open_refund
		FROM order_day_count WHERE n <> 0 OR n_open_refund <> 0 ORDER BY 1`)
	recount := strs(t, d, `SELECT substr(o.created_at, 1, 10) || ' ' || o.shop_id || ' ' || o.status || ' ' || count(*) || ' ' ||
		sum(EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = o.shop_id AND r.order_no = o.order_no AND r.status = 'open'))
		FROM orders o GROUP BY substr(o.created_at, 1, 10), o.shop_id, o.status ORDER BY 1`)
	if strings.Join(kept, "\n") == strings.Join(recount, "\n") {
		return ""
	}
	return "kept:\n" + strings.Join(kept, "\n") + "\nrecount:\n" + strings.Join(recount, "\n")
}
