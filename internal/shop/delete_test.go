package shop_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/shop"
)

func TestDeleteShopWithItsData(t *testing.T) {
	cases := []struct {
		name string
		shop string
		// merge, if set, is merged into the shop first: its merge goes too.
		merge string
	}{
		{"the real Taobao shop", realTaobao, ""},
		{"the mistaken Taobao shop", mistakeTB, ""},
		{"a shop that shares its imports with another", "暖暖家居小铺", ""},
		{"a JD shop with a remembered pick", mistakeJD, ""},
		{"a shop another was merged into", realJD, mistakeJD},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			f := newFixture(t)
			store := shop.New(f.d)
			id := f.shops[tc.shop]
			if tc.merge != "" {
				if _, err := store.Merge(ctx, f.shops[tc.merge], id); err != nil {
					t.Fatal(err)
				}
			}
			before := dump(t, f.d)

			impact, err := store.Impact(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range impact.Rows {
				r := refByCount(t, c.Key)
				want := count(t, f.d, fmt.Sprintf(`SELECT count(*) FROM %s WHERE %s = ?`, quote(r.Table), quote(r.Column)), id)
				if c.Rows != want {
					t.Errorf("impact: %d %s, want %d", c.Rows, c.Key, want)
				}
			}
			if orders := impact.Rows[0]; orders.Key != "orders" || orders.Rows == 0 {
				t.Errorf("impact names %+v first; want the shop's orders", orders)
			}
			onlyHere := batchesOnlyOf(t, f, id)
			if impact.Batches != int64(len(onlyHere)) {
				t.Errorf("impact: %d imports, want %d (%v)", impact.Batches, len(onlyHere), onlyHere)
			}
			if wantMerges := int64(min(1, len(tc.merge))); impact.Merges != wantMerges {
				t.Errorf("impact: %d merges, want %d", impact.Merges, wantMerges)
			}

			// The name typed must be the shop's.
			for _, typed := range []string{"", tc.shop + " ", "别的店"} {
				if err := store.Delete(ctx, id, typed); err == nil || !strings.Contains(err.Error(), "确认删除") {
					t.Errorf("delete with %q typed: %v", typed, err)
				}
			}
			if got := dump(t, f.d); got != before {
				t.Fatalf("a refused delete changed data:\n%s", diff(before, got))
			}

			owned := ownedRows(t, f.d, id, onlyHere)
			if err := store.Delete(ctx, id, tc.shop); err != nil {
				t.Fatal(err)
			}
			if left := rowsReferring(t, f.d, id); len(left) > 0 {
				t.Errorf("rows still refer to the deleted shop: %v", left)
			}
			if n := count(t, f.d, `SELECT count(*) FROM shop WHERE id = ?`, id); n != 0 {
				t.Error("the shop is still there")
			}
			if tc.merge != "" {
				if n := count(t, f.d, `SELECT count(*) FROM shop_merge`) + count(t, f.d, `SELECT count(*) FROM shop_merge_parked`); n != 0 {
					t.Errorf("%d rows of the merge into the shop are left", n)
				}
			}
			// Everything else is as it was, row for row.
			if got, want := dump(t, f.d), dumpWithout(t, before, owned); got != want {
				t.Errorf("rows of other shops changed:\n%s", diff(want, got))
			}
			if bad := strs(t, f.d, `SELECT "table" || ' ' || rowid FROM pragma_foreign_key_check`); len(bad) > 0 {
				t.Errorf("foreign keys broken: %v", bad)
			}
		})
	}
}

func refByCount(t *testing.T, key string) shop.Ref {
	t.Helper()
	for _, r := range shop.Refs {
		if r.Count == key {
			return r
		}
	}
	t.Fatalf("no Ref counts %q", key)
	return shop.Ref{}
}

// batchesOnlyOf lists the imports that wrote to the shop and no other.
func batchesOnlyOf(t *testing.T, f *fixture, id int64) []string {
	t.Helper()
	return strs(t, f.d, `SELECT batch_id FROM import_batch_shop GROUP BY batch_id
		HAVING count(*) = 1 AND max(shop_id) = ? ORDER BY 1`, id)
}

// ownedRows lists the rows ("table rowid", as dump prints them first) that deleting the
// shop should delete: its own row, the rows of every shop column holding it, its imports
// of batches, the merge log into it, and, at any depth, the rows that refer to those by
// a foreign key.
func ownedRows(t *testing.T, d *db.DB, id int64, batches []string) map[string]bool {
	t.Helper()
	owned := map[string]bool{fmt.Sprintf("shop %d", id): true}
	add := func(table, query string, args ...any) {
		for _, r := range strs(t, d, query, args...) {
			owned[table+" "+r] = true
		}
	}
	for _, c := range shopColumns(t, d) {
		add(c.Table, fmt.Sprintf(`SELECT rowid FROM %s WHERE %s = ?`, quote(c.Table), quote(c.Column)), id)
	}
	for _, b := range batches {
		owned["import_batch "+b] = true
	}
	// Rows hanging from owned rows, until nothing is added.
	for grown := true; grown; {
		grown = false
		n := len(owned)
		for _, table := range tables(t, d) {
			rows := strs(t, d, `SELECT "table" || '|' || "from" FROM pragma_foreign_key_list(?)`, table)
			for _, r := range rows {
				parent, col, _ := strings.Cut(r, "|")
				for key := range owned {
					pt, prow, _ := strings.Cut(key, " ")
					if pt != parent {
						continue
					}
					sel := fmt.Sprintf(`SELECT rowid FROM %s WHERE %s = ?`, quote(table), quote(col))
					if withoutRowid(t, d, table) {
						continue // the merge log's moved rows: owned through shop_merge below
					}
					add(table, sel, prow)
				}
			}
		}
		grown = len(owned) > n
	}
	return owned
}

// dumpWithout drops from a dump the lines of owned rows, and the merge log's moved rows
// (a table without row ids) when a merge is owned: they go with it.
func dumpWithout(t *testing.T, dumped string, owned map[string]bool) string {
	t.Helper()
	ownsMerge := false
	for k := range owned {
		ownsMerge = ownsMerge || strings.HasPrefix(k, "shop_merge ")
	}
	var out []string
	for _, line := range strings.SplitAfter(dumped, "\n") {
		table, rest, _ := strings.Cut(line, " ")
		rowid, _, _ := strings.Cut(strings.TrimPrefix(rest, "["), " ")
		if line == "" || owned[table+" "+rowid] || (table == "shop_merge_moved" && ownsMerge) {
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "")
}
