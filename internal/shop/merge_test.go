package shop_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"shopdesk/internal/importer"
	"shopdesk/internal/shop"
)

// orderNos lists a shop's order numbers.
func orderNos(t *testing.T, f *fixture, shopID int64) []string {
	t.Helper()
	return strs(t, f.d, `SELECT order_no FROM orders WHERE shop_id = ? ORDER BY order_no`, shopID)
}

// common lists what both sorted lists hold.
func common(a, b []string) []string {
	var out []string
	for _, x := range a {
		if _, found := slices.BinarySearch(b, x); found {
			out = append(out, x)
		}
	}
	return out
}

// union lists what either sorted list holds, once.
func union(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

func TestMergeMovesEverythingAndUndoPutsItBack(t *testing.T) {
	cases := []struct {
		name           string
		source, target string
	}{
		{"the mistaken Taobao shop into the real one", mistakeTB, realTaobao},
		{"the real Taobao shop into the mistaken one", realTaobao, mistakeTB},
		{"one JD shop into the other (every order in both)", mistakeJD, realJD},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			f := newFixture(t)
			store := shop.New(f.d)
			src, dst := f.shops[tc.source], f.shops[tc.target]
			before := dump(t, f.d)
			srcOrders, dstOrders := orderNos(t, f, src), orderNos(t, f, dst)
			both := common(srcOrders, dstOrders)
			if len(srcOrders) == 0 {
				t.Fatal("the source shop has no orders: the fixture tests nothing")
			}
			dstBoth := orderRows(t, f, dst, both)
			srcRefunds := strs(t, f.d, `SELECT refund_no FROM refund WHERE shop_id = ? ORDER BY 1`, src)
			dstRefunds := strs(t, f.d, `SELECT refund_no FROM refund WHERE shop_id = ? ORDER BY 1`, dst)
			notes := strs(t, f.d, `SELECT e.note FROM anomaly_event e JOIN anomaly a ON a.id = e.anomaly_id
				WHERE a.shop_id IN (?, ?) AND e.note <> '' ORDER BY 1`, src, dst)
			complaints := count(t, f.d, `SELECT count(*) FROM complaint WHERE shop_id IN (?, ?)`, src, dst)
			choices := count(t, f.d, `SELECT count(*) FROM import_shop_choice WHERE shop_id IN (?, ?)`, src, dst)
			srcName := tc.source

			plan, err := store.PlanMerge(ctx, src, dst)
			if err != nil {
				t.Fatal(err)
			}
			wantConflicts := map[string]int64{"orders": int64(len(both)), "refunds": int64(len(common(srcRefunds, dstRefunds)))}
			for _, c := range plan.Conflicts {
				if c.Rows != wantConflicts[c.Key] && c.Key != "anomalies" {
					t.Errorf("plan: %d %s in both shops, want %d", c.Rows, c.Key, wantConflicts[c.Key])
				}
				if c.Key == "orders" && !slices.Equal(c.Examples, both[:min(5, len(both))]) {
					t.Errorf("plan: order examples %v, want the first of %v", c.Examples, both)
				}
			}
			if got := moves(plan.Moves)["orders"]; got != int64(len(srcOrders)-len(both)) {
				t.Errorf("plan: %d orders move, want %d", got, len(srcOrders)-len(both))
			}

			m, err := store.Merge(ctx, src, dst)
			if err != nil {
				t.Fatal(err)
			}
			// Nothing refers to the source any more; it is gone; its orders are in the
			// target, the target's own orders unchanged where both had one.
			if left := rowsReferring(t, f.d, src); len(left) > 0 {
				t.Fatalf("rows still refer to the merged shop: %v", left)
			}
			if n := count(t, f.d, `SELECT count(*) FROM shop WHERE id = ?`, src); n != 0 {
				t.Fatal("the merged shop is still there")
			}
			if got, want := orderNos(t, f, dst), union(srcOrders, dstOrders); !slices.Equal(got, want) {
				t.Errorf("target orders = %d, want %d (both shops')", len(got), len(want))
			}
			if got := orderRows(t, f, dst, both); got != dstBoth {
				t.Errorf("the target's own rows of the orders both had changed:\n%s", diff(dstBoth, got))
			}
			if got, want := strs(t, f.d, `SELECT refund_no FROM refund WHERE shop_id = ? ORDER BY 1`, dst), union(srcRefunds, dstRefunds); !slices.Equal(got, want) {
				t.Errorf("target refunds = %v, want %v", got, want)
			}
			// What the seller typed all stays in view: notes (of anomalies both had too),
			// complaints, remembered shop choices.
			gotNotes := strs(t, f.d, `SELECT e.note FROM anomaly_event e JOIN anomaly a ON a.id = e.anomaly_id
				WHERE a.shop_id = ? AND e.note <> '' ORDER BY 1`, dst)
			if !slices.Equal(gotNotes, notes) {
				t.Errorf("notes on the target = %q, want %q", gotNotes, notes)
			}
			if n := count(t, f.d, `SELECT count(*) FROM complaint WHERE shop_id = ?`, dst); n != complaints {
				t.Errorf("complaints on the target = %d, want %d", n, complaints)
			}
			if names := strs(t, f.d, `SELECT DISTINCT shop_name FROM complaint WHERE shop_id = ?`, dst); !slices.Equal(names, []string{tc.target}) {
				t.Errorf("complaint shop names = %v, want the target's", names)
			}
			if n := count(t, f.d, `SELECT count(*) FROM import_shop_choice WHERE shop_id = ?`, dst); n != choices {
				t.Errorf("remembered choices on the target = %d, want %d", n, choices)
			}
			// The source's name (and its old names) now find the target.
			shops, err := store.List(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range shops {
				if s.ID == dst && !slices.ContainsFunc(s.OldNames, func(o shop.OldName) bool { return o.Name == srcName && o.FromMerge }) {
					t.Errorf("target's old names %v lack %s", s.OldNames, srcName)
				}
			}
			merges, err := store.Merges(ctx)
			if err != nil || len(merges) != 1 || merges[0].ID != m.ID || merges[0].TargetName != tc.target {
				t.Fatalf("merges = %+v, %v", merges, err)
			}

			res, err := store.UndoMerge(ctx, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			if res.Shop.ID != src || res.Shop.Name != srcName || res.Dropped != 0 {
				t.Errorf("undo = %+v, want shop %d %s back, nothing dropped", res, src, srcName)
			}
			if after := dump(t, f.d); after != before {
				t.Errorf("undo did not restore the state exactly:\n%s", diff(before, after))
			}
		})
	}
}

// orderRows renders a shop's rows of the orders nos, with their items.
func orderRows(t *testing.T, f *fixture, shopID int64, nos []string) string {
	t.Helper()
	var b strings.Builder
	for _, no := range nos {
		b.WriteString(strings.Join(strs(t, f.d, `SELECT o.id || '|' || o.status_text || '|' || o.pay_fen || '|' || o.tracking_no || '|' ||
			coalesce((SELECT group_concat(i.id || ':' || i.sub_order_no, ',') FROM order_item i WHERE i.order_id = o.id), '')
			FROM orders o WHERE o.shop_id = ? AND o.order_no = ?`, shopID, no), ";"))
		b.WriteString("\n")
	}
	return b.String()
}

func moves(tc []shop.TableCount) map[string]int64 {
	out := map[string]int64{}
	for _, c := range tc {
		out[c.Key] = c.Rows
	}
	return out
}

// diff shows the lines only one of two dumps has.
func diff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for _, l := range la {
		if !slices.Contains(lb, l) {
			out = append(out, "- "+l)
		}
	}
	for _, l := range lb {
		if !slices.Contains(la, l) {
			out = append(out, "+ "+l)
		}
	}
	if len(out) > 40 {
		out = append(out[:40], fmt.Sprintf("… %d more", len(out)-40))
	}
	return strings.Join(out, "\n")
}

// An import of a file that carries the merged shop's name goes to the target, not into a
// new shop; undoing the merge afterwards still brings the shop back.
func TestImportAfterMergeFindsTheTarget(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	store := shop.New(f.d)
	shopsBefore := count(t, f.d, `SELECT count(*) FROM shop`)
	ordersBefore := count(t, f.d, `SELECT count(*) FROM orders WHERE shop_id = ?`, f.shops[mistakeTB])
	m, err := store.Merge(ctx, f.shops[mistakeTB], f.shops[realTaobao])
	if err != nil {
		t.Fatal(err)
	}
	// A file still named for the shop as it was called before its rename, and one
	// without 店铺名称 whose pick was remembered for the merged shop (JD).
	for _, name := range []string{mistakeOld, mistakeTB} {
		res := importFile(t, f.d, withShopName(t, taobaoLater, "ExportOrderList202611230900.csv", name), importer.Options{})
		// The 订单报表 holds the orders of a second shop too: "小米粒母婴旗舰店、暖暖家居小铺".
		if shops := strings.Split(res.Shop, "、"); !slices.Contains(shops, realTaobao) || slices.Contains(shops, name) {
			t.Errorf("a file of %s went to %q, want %s", name, res.Shop, realTaobao)
		}
	}
	if _, err := store.Merge(ctx, f.shops[mistakeJD], f.shops[realJD]); err != nil {
		t.Fatal(err)
	}
	res := importFile(t, f.d, withJDRow(t, "京东订单导出_20261122.csv", "290088888888"), importer.Options{})
	if res.Shop != realJD || !res.ShopRemembered {
		t.Errorf("the JD file went to %q (remembered %v), want %s by the remembered pick", res.Shop, res.ShopRemembered, realJD)
	}
	if n := count(t, f.d, `SELECT count(*) FROM shop`); n != shopsBefore-2 {
		t.Errorf("%d shops after two merges and the imports, want %d", n, shopsBefore-2)
	}
	// A shop made now does not take the merged shop's id: undo gives it back.
	fresh, err := store.Create(ctx, "taobao", "又一家店")
	if err != nil {
		t.Fatal(err)
	}
	if fresh.ID == f.shops[mistakeTB] || fresh.ID == f.shops[mistakeJD] {
		t.Fatalf("new shop took the id %d of a merged shop", fresh.ID)
	}
	back, err := store.UndoMerge(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.Shop.ID != f.shops[mistakeTB] {
		t.Errorf("undo gave the shop id %d, want %d", back.Shop.ID, f.shops[mistakeTB])
	}
	if n := count(t, f.d, `SELECT count(*) FROM orders WHERE shop_id = ?`, back.Shop.ID); n != ordersBefore {
		t.Errorf("the shop came back with %d orders, want its %d", n, ordersBefore)
	}
}

// withJDRow writes the JD sample export under name (same header, so the remembered pick
// for 京东订单导出_*.csv applies) with one more order, numbered no.
func withJDRow(t *testing.T, name, no string) string {
	t.Helper()
	p := copyFile(t, jdExport, name)
	data := readGBK(t, p)
	lines := strings.Split(strings.TrimRight(data, "\r\n"), "\n")
	extra := strings.Replace(lines[1], strings.Split(lines[1], ",")[0], no, 1)
	writeGBK(t, p, strings.Join(append(lines, extra), "\n")+"\n")
	return p
}

func TestMergeRefusals(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	store := shop.New(f.d)
	cases := []struct {
		name           string
		source, target int64
		want           string
	}{
		{"into itself", f.shops[realJD], f.shops[realJD], "不能把店铺合并到它自己"},
		{"across platforms", f.shops[realJD], f.shops[realTaobao], "只能合并同一平台的店铺"},
		{"a shop that is not there", 999, f.shops[realTaobao], "店铺 #999 不存在"},
	}
	before := dump(t, f.d)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := store.PlanMerge(ctx, tc.source, tc.target); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("plan: %v, want %q", err, tc.want)
			}
			if _, err := store.Merge(ctx, tc.source, tc.target); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("merge: %v, want %q", err, tc.want)
			}
		})
	}
	if after := dump(t, f.d); after != before {
		t.Errorf("a refused merge changed data:\n%s", diff(before, after))
	}
}

// Merges build on each other: A into B, then B into C. The first waits until the second
// is undone; undoing both in turn gives back the start exactly.
func TestChainedMergesUndoInTurn(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	store := shop.New(f.d)
	third, err := store.Create(ctx, "taobao", "小米粒第三店")
	if err != nil {
		t.Fatal(err)
	}
	start := dump(t, f.d)
	first, err := store.Merge(ctx, f.shops[mistakeTB], f.shops[realTaobao])
	if err != nil {
		t.Fatal(err)
	}
	afterFirst := dump(t, f.d)
	second, err := store.Merge(ctx, f.shops[realTaobao], third.ID)
	if err != nil {
		t.Fatal(err)
	}
	merges, err := store.Merges(ctx)
	if err != nil || len(merges) != 1 || merges[0].ID != second.ID {
		t.Fatalf("undoable merges = %+v, %v; want only the second", merges, err)
	}
	if _, err := store.UndoMerge(ctx, first.ID); err == nil || !strings.Contains(err.Error(), "请先撤销那次合并") {
		t.Fatalf("undo of the first merge under the second: %v", err)
	}
	if _, err := store.UndoMerge(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, f.d); got != afterFirst {
		t.Fatalf("after undoing the second merge:\n%s", diff(afterFirst, got))
	}
	if _, err := store.UndoMerge(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, f.d); got != start {
		t.Fatalf("after undoing both:\n%s", diff(start, got))
	}
}

// After a merge the data moves on: new imports, undone imports. Undo still puts back
// what it can, keeps every foreign key whole, and says what it could not put back.
func TestUndoMergeAfterTheDataMovedOn(t *testing.T) {
	cases := []struct {
		name string
		// after runs between the merge and its undo; it says whether undo must leave out
		// every parked row (orders and items).
		after       func(t *testing.T, d *fixture, im *importer.Importer, sourceBatch int64) bool
		wantSource  int64 // orders of the source after the undo
		wantTarget  int64 // orders of the target after the undo
		wantNewOrID bool  // the source's orders came back under new ids
	}{
		{
			name: "new orders took the ids of the parked ones",
			after: func(t *testing.T, f *fixture, im *importer.Importer, _ int64) bool {
				importFile(t, f.d, withJDRow(t, "jd_more_2.csv", "290077777777"), importer.Options{ShopID: f.shops["X"]})
				return false
			},
			wantSource: 3, wantTarget: 4, wantNewOrID: true,
		},
		{
			name: "the import of the parked orders was undone",
			after: func(t *testing.T, f *fixture, im *importer.Importer, sourceBatch int64) bool {
				if _, err := im.Undo(context.Background(), sourceBatch); err != nil {
					t.Fatal(err)
				}
				return true
			},
			wantSource: 0, wantTarget: 3,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			d := openDB(t)
			store := shop.New(d)
			f := &fixture{d: d, shops: map[string]int64{}}
			for _, name := range []string{"X", "Y"} {
				s, err := store.Create(ctx, shop.JD, name)
				if err != nil {
					t.Fatal(err)
				}
				f.shops[name] = s.ID
			}
			importFile(t, d, jdExport, importer.Options{ShopID: f.shops["X"]})
			// Y: the same orders, imported last (their ids are the highest).
			// (The same export with other line ends: not the same file, the same orders.)
			again := filepathOf(t, "jd_again.csv", strings.ReplaceAll(readGBK(t, jdExport), "\n", "\r\n"))
			ySource := importFile(t, d, again, importer.Options{ShopID: f.shops["Y"]})
			yRows := count(t, d, `SELECT count(*) FROM orders WHERE shop_id = ?`, f.shops["Y"]) +
				count(t, d, `SELECT count(*) FROM order_item WHERE order_id IN (SELECT id FROM orders WHERE shop_id = ?)`, f.shops["Y"])
			yIDs := strs(t, d, `SELECT id FROM orders WHERE shop_id = ? ORDER BY id`, f.shops["Y"])
			if len(yIDs) != 3 {
				t.Fatalf("Y has orders %v", yIDs)
			}
			m, err := store.Merge(ctx, f.shops["Y"], f.shops["X"])
			if err != nil {
				t.Fatal(err)
			}
			var wantDropped int64
			if tc.after(t, f, importer.New(d), ySource.BatchID) {
				wantDropped = yRows
			}
			res, err := store.UndoMerge(ctx, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			if res.Dropped != wantDropped {
				t.Errorf("dropped %d parked rows, want %d", res.Dropped, wantDropped)
			}
			if n := count(t, d, `SELECT count(*) FROM orders WHERE shop_id = ?`, f.shops["Y"]); n != tc.wantSource {
				t.Errorf("Y has %d orders after the undo, want %d", n, tc.wantSource)
			}
			if n := count(t, d, `SELECT count(*) FROM orders WHERE shop_id = ?`, f.shops["X"]); n != tc.wantTarget {
				t.Errorf("X has %d orders after the undo, want %d", n, tc.wantTarget)
			}
			got := strs(t, d, `SELECT id FROM orders WHERE shop_id = ? ORDER BY id`, f.shops["Y"])
			if tc.wantNewOrID == slices.Equal(got, yIDs) && tc.wantSource > 0 {
				t.Errorf("Y's order ids %v (before %v), new ids wanted: %v", got, yIDs, tc.wantNewOrID)
			}
			// Every order of Y has its items back, under its (new) id.
			if n := count(t, d, `SELECT count(*) FROM orders o WHERE o.shop_id = ?
				AND NOT EXISTS (SELECT 1 FROM order_item i WHERE i.order_id = o.id)`, f.shops["Y"]); n != 0 {
				t.Errorf("%d orders of Y came back without their items", n)
			}
			if bad := strs(t, d, `SELECT "table" || ' ' || rowid FROM pragma_foreign_key_check`); len(bad) > 0 {
				t.Errorf("foreign keys broken after the undo: %v", bad)
			}
			if n := count(t, d, `SELECT count(*) FROM shop_merge_parked`) + count(t, d, `SELECT count(*) FROM shop_merge_moved`); n != 0 {
				t.Errorf("%d rows of the merge log left after the undo", n)
			}
		})
	}
}

func filepathOf(t *testing.T, name, text string) string {
	t.Helper()
	p := copyFile(t, jdExport, name)
	writeGBK(t, p, text)
	return p
}
