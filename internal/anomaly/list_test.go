package anomaly_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"shopdesk/internal/anomaly"
	"shopdesk/internal/staff"
)

// plainRow is an anomaly as the worklist filters and orders it, read with plain SQL.
type plainRow struct {
	id, shopID, ownerID     int64
	kind, state, orderNo    string
	deadline, since, newest string
}

// TestWorklistCountsAndOrder checks every filter combination of the worklist (shop, kind,
// state, owner, order number) against the anomalies read with plain SQL: the total, the
// counts per kind and shop, and every page's rows in the worklist's order (kind, deadline
// first and soonest, then newest since, then id). The counts come from anomaly_count (kept
// by triggers) and the rows from merging index runs: after assigning, changing states and
// a re-evaluation that escalates and clears, both must still say exactly what the rows say.
func TestWorklistCountsAndOrder(t *testing.T) {
	ctx := context.Background()
	d := fixture(t)
	s := anomaly.New(d)
	evaluate(t, s, "2026-11-22 05:00:00")
	all, err := s.ListAll(ctx, anomaly.Query{State: anomaly.StateAll})
	if err != nil {
		t.Fatal(err)
	}
	var people []int64
	for _, name := range []string{"小王", "小李"} {
		st, err := staff.Save(ctx, d.Queries(), staff.Staff{Name: name, Role: "operations", Active: true})
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, st.ID)
	}
	for i, a := range all {
		if i%3 == 0 {
			if _, err := s.Assign(ctx, []int64{a.ID}, people[i%2], 0); err != nil {
				t.Fatal(err)
			}
		}
		if state := []string{"", anomaly.StateInProgress, anomaly.StateResolved, "", anomaly.StateIgnored}[i%5]; state != "" {
			if _, err := s.SetState(ctx, []int64{a.ID}, state, 0, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Later: due soon becomes overdue, stalled parcels and unpaid orders come and go.
	evaluate(t, s, "2026-11-23 09:00:00")

	rows, err := d.SQL.QueryContext(ctx, `SELECT id, shop_id, coalesce(owner_id, 0), kind, state, order_no, deadline,
		since, detected_at FROM anomaly`)
	if err != nil {
		t.Fatal(err)
	}
	var plain []plainRow
	for rows.Next() {
		var r plainRow
		if err := rows.Scan(&r.id, &r.shopID, &r.ownerID, &r.kind, &r.state, &r.orderNo, &r.deadline, &r.since, &r.newest); err != nil {
			t.Fatal(err)
		}
		plain = append(plain, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rank := func(kind string) int { return slices.Index(anomaly.Kinds, kind) }
	slices.SortFunc(plain, func(a, b plainRow) int {
		switch {
		case rank(a.kind) != rank(b.kind):
			return rank(a.kind) - rank(b.kind)
		case (a.deadline == "") != (b.deadline == ""):
			if a.deadline == "" {
				return 1
			}
			return -1
		case a.deadline != b.deadline:
			return cmpString(a.deadline, b.deadline)
		case a.since != b.since:
			return cmpString(b.since, a.since)
		}
		return int(a.id - b.id)
	})

	shops, err := d.Queries().RuleShops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	shopIDs := []int64{0}
	for _, sh := range shops {
		shopIDs = append(shopIDs, sh.ID)
	}
	states := []string{anomaly.StateOpenAll, anomaly.StateAll, anomaly.StateOpen, anomaly.StateInProgress, anomaly.StateResolved, anomaly.StateIgnored}
	owners := append([]int64{0, -1}, people...)
	searches := []string{"", "P-OVER48", "T-RETURN", "没有这个订单"}
	combos := 0
	for _, shopID := range shopIDs {
		for _, kind := range append([]string{""}, anomaly.Kinds...) {
			for _, state := range states {
				for _, owner := range owners {
					for _, search := range searches {
						q := anomaly.Query{ShopID: shopID, Kind: kind, State: state, OwnerID: owner, Search: search, PageSize: 4}
						checkCombination(t, s, q, plain)
						combos++
					}
				}
			}
		}
	}
	if combos < 1000 {
		t.Fatalf("only %d combinations", combos)
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// checkCombination pages through q and compares with what plain (in the worklist's order)
// holds for it.
func checkCombination(t *testing.T, s *anomaly.Store, q anomaly.Query, plain []plainRow) {
	t.Helper()
	ctx := context.Background()
	match := func(r plainRow, withKind bool) bool {
		switch q.State {
		case anomaly.StateOpenAll:
			if r.state != anomaly.StateOpen && r.state != anomaly.StateInProgress {
				return false
			}
		case anomaly.StateAll:
		default:
			if r.state != q.State {
				return false
			}
		}
		owner := r.ownerID
		if owner == 0 {
			owner = -1
		}
		return (q.ShopID == 0 || r.shopID == q.ShopID) && (q.OwnerID == 0 || owner == q.OwnerID) &&
			(q.Search == "" || r.orderNo == q.Search) && (!withKind || q.Kind == "" || r.kind == q.Kind)
	}
	var want []int64
	groups := map[string]int64{}
	shopCounts := map[string]int64{}
	for _, r := range plain {
		if match(r, false) {
			groups[r.kind]++
			shopCounts[fmt.Sprintf("%s/%d", r.kind, r.shopID)]++
		}
		if match(r, true) {
			want = append(want, r.id)
		}
	}
	var got []int64
	for page := 1; ; page++ {
		q.Page = page
		p, err := s.List(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != int64(len(want)) {
			t.Fatalf("%+v: total %d, want %d", q, p.Total, len(want))
		}
		gotGroups := map[string]int64{}
		for _, g := range p.Groups {
			gotGroups[g.Kind] = g.Count
			var sum int64
			for _, sc := range g.Shops {
				if sc.Count != shopCounts[fmt.Sprintf("%s/%d", g.Kind, sc.ShopID)] {
					t.Fatalf("%+v: group %s shop %d: %d, want %d", q, g.Kind, sc.ShopID, sc.Count, shopCounts[fmt.Sprintf("%s/%d", g.Kind, sc.ShopID)])
				}
				sum += sc.Count
			}
			if sum != g.Count {
				t.Fatalf("%+v: group %s: shops add up to %d of %d", q, g.Kind, sum, g.Count)
			}
		}
		for k, n := range groups {
			if gotGroups[k] != n {
				t.Fatalf("%+v: group %s: %d, want %d", q, k, gotGroups[k], n)
			}
		}
		if len(gotGroups) != len(groups) {
			t.Fatalf("%+v: groups %v, want %v", q, gotGroups, groups)
		}
		for _, a := range p.Rows {
			got = append(got, a.ID)
		}
		if len(p.Rows) < q.PageSize {
			break
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("%+v: rows %v, want %v", q, got, want)
	}
}
