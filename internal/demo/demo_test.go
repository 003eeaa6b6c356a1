package demo_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/internal/anomaly"
	"shopdesk/internal/demo"
)

func create(t *testing.T, now time.Time) (*anomaly.Store, demo.Result) {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	r, err := demo.Create(context.Background(), d, now)
	if err != nil {
		t.Fatal(err)
	}
	return anomaly.New(d), r
}

// A first run shows a few anomalies of every kind, the same ones for the same clock.
func TestDemoAnomalies(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 22, 1, 0, 0, 0, time.UTC) // 09:00 in the shops' zone
	s, r := create(t, now)
	rows, err := s.ListAll(ctx, anomaly.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Shops != 3 || r.Anomalies != len(rows) {
		t.Fatalf("result %+v, %d open anomalies", r, len(rows))
	}
	count := map[string]int{}
	var handled []anomaly.Anomaly
	for _, a := range rows {
		count[a.Kind]++
		if a.State == anomaly.StateInProgress {
			handled = append(handled, a)
		}
	}
	for _, k := range anomaly.Kinds {
		if count[k] == 0 {
			t.Errorf("no %s anomaly in the demo (%v)", k, count)
		}
	}
	if len(handled) != 1 || handled[0].OwnerName != "阿强" || handled[0].Notes != 0 {
		t.Fatalf("the anomaly being handled: %+v", handled)
	}
	d, err := s.Get(ctx, handled[0].ID)
	if err != nil || len(d.Events) != 2 || d.Events[1].Note == "" || d.Events[0].ActorName != "小王" {
		t.Fatalf("its history: %+v %v", d.Events, err)
	}

	s2, _ := create(t, now)
	again, err := s2.ListAll(ctx, anomaly.Query{})
	if err != nil {
		t.Fatal(err)
	}
	key := func(list []anomaly.Anomaly) []string {
		var out []string
		for _, a := range list {
			// Not Since: some rules take it from the time of the import that saw the order.
			out = append(out, fmt.Sprintf("%s %s %s %s", a.Kind, a.OrderNo, a.Subject, a.Deadline))
		}
		slices.Sort(out)
		return out
	}
	if !slices.Equal(key(rows), key(again)) {
		t.Fatal("the demo's anomalies differ between two runs with the same clock")
	}
}
