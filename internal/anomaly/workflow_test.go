package anomaly_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"shopdesk/internal/anomaly"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/staff"
)

func workflowOrder(no, status, title string) exportfile.TaobaoOrder {
	return exportfile.TaobaoOrder{OrderNo: no, Buyer: "tb_买家", Status: status, Title: title, Shop: "流程测试店",
		PayFen: 5900, CreatedAt: "2026-11-19 09:59:00", PaidAt: "2026-11-19 10:00:00"}
}

func find(t *testing.T, s *anomaly.Store, order, kind string) anomaly.Detail {
	t.Helper()
	p, err := s.List(context.Background(), anomaly.Query{State: anomaly.StateAll, Search: order, PageSize: 200})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range p.Rows {
		if a.Kind == kind {
			d, err := s.Get(context.Background(), a.ID)
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
	}
	t.Fatalf("no %s anomaly for order %s", kind, order)
	return anomaly.Detail{}
}

func notes(d anomaly.Detail) []string {
	var out []string
	for _, e := range d.Events {
		if e.Action == anomaly.ActionNote || e.Note != "" && e.Action == anomaly.ActionState {
			out = append(out, e.Note)
		}
	}
	return out
}

// Owner and notes survive re-imports and undos; an anomaly the data clears resolves
// itself and says why; when the data brings it back, it opens again with its notes.
func TestWorkflowKeepsNotesThroughReimportAndUndo(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	dir := t.TempDir()
	s := anomaly.New(d)
	im := importer.New(d)
	const at = "2026-11-22 09:00:00"

	a := importFile(t, d, taobaoFile(t, dir, "ExportOrderList1.csv", workflowOrder("W1", "买家已付款，等待卖家发货", "连体衣")), importer.Options{})
	if res := evaluate(t, s, at); res.New != 1 {
		t.Fatalf("first evaluation: %+v", res)
	}
	wang, err := staff.Save(ctx, d.Queries(), staff.Staff{Name: "小王", Role: "warehouse", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	id := find(t, s, "W1", anomaly.KindOverdueShipment).Anomaly.ID
	if n, err := s.Assign(ctx, []int64{id}, wang.ID, wang.ID); err != nil || n != 1 {
		t.Fatalf("assign: %d %v", n, err)
	}
	if _, err := s.SetState(ctx, []int64{id}, anomaly.StateInProgress, wang.ID, "已联系仓库"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddNote(ctx, id, "明早第一个发", wang.ID); err != nil {
		t.Fatal(err)
	}
	wantNotes := []string{"已联系仓库", "明早第一个发"}
	check := func(step, state string, active bool) anomaly.Detail {
		t.Helper()
		got := find(t, s, "W1", anomaly.KindOverdueShipment)
		if got.Anomaly.ID != id {
			t.Fatalf("%s: the anomaly is a new row %d, want %d", step, got.Anomaly.ID, id)
		}
		if got.Anomaly.State != state || got.Anomaly.Active != active || got.Anomaly.OwnerName != "小王" {
			t.Fatalf("%s: state %s active %v owner %q; want %s %v 小王", step, got.Anomaly.State, got.Anomaly.Active,
				got.Anomaly.OwnerName, state, active)
		}
		if n := notes(got); !slices.Equal(n, wantNotes) {
			t.Fatalf("%s: notes %q, want %q", step, n, wantNotes)
		}
		return got
	}

	// Re-import with another title: the order changes, the workflow does not.
	b := importFile(t, d, taobaoFile(t, dir, "ExportOrderList2.csv", workflowOrder("W1", "买家已付款，等待卖家发货", "连体衣 新款")), importer.Options{})
	if b.Updated != 1 {
		t.Fatalf("second import: %+v", b)
	}
	evaluate(t, s, at)
	check("re-import", anomaly.StateInProgress, true)

	// Shipped: the data clears it, and says so.
	c := importFile(t, d, taobaoFile(t, dir, "ExportOrderList3.csv", workflowOrder("W1", "卖家已发货，等待买家确认", "连体衣 新款")), importer.Options{})
	if res := evaluate(t, s, at); res.Cleared != 1 {
		t.Fatalf("after shipping: %+v", res)
	}
	got := check("shipped", anomaly.StateResolved, false)
	if got.Anomaly.Resolution != anomaly.ResolvedByData || got.Anomaly.ClearedReason != "status" ||
		got.Anomaly.ClearedDetail != "卖家已发货，等待买家确认" {
		t.Fatalf("cleared: %+v", got.Anomaly)
	}
	last := got.Events[len(got.Events)-1]
	if last.Action != anomaly.ActionCleared || last.NewValue != "status" || last.OldValue != anomaly.StateInProgress || last.ActorName != "" {
		t.Fatalf("last event %+v", last)
	}
	if !strings.Contains(anomaly.ReasonText(last.NewValue, last.Note), "卖家已发货") {
		t.Fatalf("reason text %q", anomaly.ReasonText(last.NewValue, last.Note))
	}

	// Undo the shipping import: the order is to ship again, the anomaly opens again.
	if _, err := im.Undo(ctx, c.BatchID); err != nil {
		t.Fatal(err)
	}
	if res := evaluate(t, s, at); res.Reopened != 1 {
		t.Fatalf("after undo: %+v", res)
	}
	got = check("undo shipped", anomaly.StateOpen, true)
	if e := got.Events[len(got.Events)-1]; e.Action != anomaly.ActionReopened || e.NewValue != "reappeared" {
		t.Fatalf("reopen event %+v", e)
	}

	// Undo everything: the order and its shop are gone, the notes are not.
	for _, id := range []int64{b.BatchID, a.BatchID} {
		if _, err := im.Undo(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	evaluate(t, s, at)
	got = check("undo all", anomaly.StateResolved, false)
	if got.Anomaly.ClearedReason != "order_gone" || got.Order != nil {
		t.Fatalf("after undoing every import: reason %q order %+v", got.Anomaly.ClearedReason, got.Order)
	}

	// The same file again: a new shop row, the same anomaly with its owner and notes.
	importFile(t, d, taobaoFile(t, dir, "ExportOrderList1.csv", workflowOrder("W1", "买家已付款，等待卖家发货", "连体衣")), importer.Options{})
	evaluate(t, s, at)
	got = check("re-import after undo", anomaly.StateOpen, true)
	if got.Order == nil || got.Order.Title != "连体衣" {
		t.Fatalf("order after re-import: %+v", got.Order)
	}
	var actions []string
	for _, e := range got.Events {
		actions = append(actions, e.Action)
	}
	want := []string{"owner", "state", "note", "auto_resolved", "reopened", "auto_resolved", "reopened"}
	if !slices.Equal(actions, want) {
		t.Fatalf("history %v, want %v", actions, want)
	}
	if got.Events[0].ActorName != "小王" || got.Events[0].NewValue != "小王" {
		t.Fatalf("owner event %+v", got.Events[0])
	}
}

// A resolved anomaly stays resolved while the rule sees the same thing, and opens again
// when it changes (due soon became overdue); an ignored one stays ignored.
func TestWorkflowEscalation(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := anomaly.New(d)
	o := func(no string) exportfile.TaobaoOrder {
		x := workflowOrder(no, "买家已付款，等待卖家发货", "连体衣")
		x.CreatedAt, x.PaidAt = "2026-11-20 05:59:00", "2026-11-20 06:00:00" // deadline 11-22 06:00
		return x
	}
	importFile(t, d, taobaoFile(t, t.TempDir(), "ExportOrderList.csv", o("E-RESOLVED"), o("E-IGNORED")), importer.Options{})
	evaluate(t, s, "2026-11-22 05:00:00")
	r := find(t, s, "E-RESOLVED", anomaly.KindDueSoon).Anomaly.ID
	i := find(t, s, "E-IGNORED", anomaly.KindDueSoon).Anomaly.ID
	if _, err := s.SetState(ctx, []int64{r}, anomaly.StateResolved, 0, "买家同意晚两天"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetState(ctx, []int64{i}, anomaly.StateIgnored, 0, ""); err != nil {
		t.Fatal(err)
	}
	evaluate(t, s, "2026-11-22 05:30:00")
	if a := find(t, s, "E-RESOLVED", anomaly.KindDueSoon).Anomaly; a.State != anomaly.StateResolved || a.Resolution != anomaly.ResolvedByUser {
		t.Fatalf("resolved, same finding: %+v", a)
	}
	res := evaluate(t, s, "2026-11-22 06:00:01")
	if res.Reopened != 1 || res.Changed != 2 {
		t.Fatalf("escalation: %+v", res)
	}
	got := find(t, s, "E-RESOLVED", anomaly.KindOverdueShipment)
	if got.Anomaly.ID != r || got.Anomaly.State != anomaly.StateOpen {
		t.Fatalf("resolved then overdue: %+v", got.Anomaly)
	}
	var actions []string
	for _, e := range got.Events {
		actions = append(actions, e.Action+":"+e.NewValue)
	}
	if !slices.Equal(actions, []string{"state:resolved", "reopened:changed", "escalated:overdue_shipment"}) {
		t.Fatalf("history %v", actions)
	}
	if a := find(t, s, "E-IGNORED", anomaly.KindOverdueShipment).Anomaly; a.ID != i || a.State != anomaly.StateIgnored {
		t.Fatalf("ignored then overdue: %+v", a)
	}
	// Default worklist: only what is still to do.
	p, err := s.List(ctx, anomaly.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 1 || len(p.Rows) != 1 || p.Rows[0].ID != r {
		t.Fatalf("worklist: total %d rows %+v", p.Total, p.Rows)
	}
}

func TestWorkflowRefusals(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := anomaly.New(d)
	importFile(t, d, taobaoFile(t, t.TempDir(), "ExportOrderList.csv", workflowOrder("X1", "买家已付款，等待卖家发货", "连体衣")), importer.Options{})
	evaluate(t, s, "2026-11-22 09:00:00")
	id := find(t, s, "X1", anomaly.KindOverdueShipment).Anomaly.ID
	gone, err := staff.Save(ctx, d.Queries(), staff.Staff{Name: "老李", Role: "operations", Active: false})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		run  func() error
		want string
	}{
		{"unknown state", func() error { _, err := s.SetState(ctx, []int64{id}, "done", 0, ""); return err }, "未知的处理状态“done”"},
		{"no anomaly", func() error { _, err := s.SetState(ctx, []int64{id, 999}, anomaly.StateResolved, 0, ""); return err }, "没有编号为 999 的异常"},
		{"nothing chosen", func() error { _, err := s.Assign(ctx, nil, 0, 0); return err }, "没有选择任何异常"},
		{"inactive owner", func() error { _, err := s.Assign(ctx, []int64{id}, gone.ID, 0); return err }, "已停用"},
		{"unknown actor", func() error { return s.AddNote(ctx, id, "x", 4242) }, "没有编号为 4242 的员工"},
		{"empty note", func() error { return s.AddNote(ctx, id, "  ", 0) }, "备注是空的"},
		{"long note", func() error { return s.AddNote(ctx, id, strings.Repeat("长", 2001), 0) }, "最多 2000 个字"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.run()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
		})
	}
	// A refused bulk change changed nothing (all or none).
	if a := find(t, s, "X1", anomaly.KindOverdueShipment).Anomaly; a.State != anomaly.StateOpen {
		t.Fatalf("state after refused bulk change: %s", a.State)
	}
}
