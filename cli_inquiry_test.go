package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/inquiry"
)

func TestInquiriesStatsCommand(t *testing.T) {
	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "s.db")
	d, err := db.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	s := inquiry.New(d)
	for _, in := range []inquiry.Inquiry{
		{AskedOn: "2026-11-01", Customer: "a", Channel: "微信", Outcome: inquiry.OutcomeDeal, AmountFen: 100},
		{AskedOn: "2026-11-02", Customer: "b", Channel: "微信", Outcome: inquiry.OutcomePending},
		{AskedOn: "2026-11-02", Customer: "c", Channel: "微信", Outcome: inquiry.OutcomeNoDeal, Reason: "价格"},
		{AskedOn: "2026-11-03", Customer: "d", Channel: "电话", Outcome: inquiry.OutcomeNoDeal, Reason: "价格"},
		{AskedOn: "2026-11-03", Customer: "e", Channel: "电话", Outcome: inquiry.OutcomeNoDeal, Reason: "运费"},
		{AskedOn: "2026-12-01", Customer: "f", Channel: "电话", Outcome: inquiry.OutcomeDeal},
	} {
		if _, err := s.Add(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()

	cases := []struct {
		by   string
		want string
	}{
		// 微信: 3 inquiries (one 跟进中), 1 deal -> 0.3333
		{"channel", `[{"key":"微信","inquiries":3,"deals":1,"conversion":0.3333},{"key":"电话","inquiries":2,"deals":0,"conversion":0}]`},
		// reasons: the no-deal rows only, deals 0
		{"reason", `[{"key":"价格","inquiries":2,"deals":0,"conversion":0},{"key":"运费","inquiries":1,"deals":0,"conversion":0}]`},
		{"type", `[{"key":"（未填）","inquiries":5,"deals":1,"conversion":0.2}]`},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, "--db", dbPath, "inquiries", "stats", "--from", "2026-11-01", "--to", "2026-11-30", "--by", c.by, "--json")
		if code != 0 || strings.TrimSpace(out) != c.want {
			t.Errorf("--by %s: code %d\n%s\nwant %s\n%s", c.by, code, out, c.want, errOut)
		}
		var rows []map[string]any
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			keys := make([]string, 0, len(r))
			for k := range r {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if !slices.Equal(keys, []string{"conversion", "deals", "inquiries", "key"}) {
				t.Errorf("keys %v", keys)
			}
		}
	}
	// No inquiries in the period: an empty array.
	if code, out, _ := runCLI(t, "--db", dbPath, "inquiries", "stats", "--from", "2025-01-01", "--to", "2025-01-31", "--json"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("empty period: %d %q", code, out)
	}
	// Text output.
	code, out, _ := runCLI(t, "--db", dbPath, "inquiries", "stats", "--from", "2026-11-01", "--to", "2026-11-30")
	if code != 0 || !strings.Contains(out, "微信  询盘 3  成交 1  跟进中 1  转化率 33.33%") || !strings.Contains(out, "合计  询盘 5  成交 1  转化率 20.00%") {
		t.Errorf("text: %d\n%s", code, out)
	}
	for _, bad := range [][]string{
		{"inquiries", "stats", "--from", "2026-11-01"},
		{"inquiries", "stats", "--from", "2026-11-01", "--to", "2026-11-30", "--by", "colour"},
		{"inquiries", "stats", "--from", "2026-11-31", "--to", "2026-11-30"},
		{"inquiries", "nothing"},
	} {
		if code, _, errOut := runCLI(t, append([]string{"--db", dbPath}, bad...)...); code == 0 || errOut == "" {
			t.Errorf("%v: code %d, stderr %q", bad, code, errOut)
		}
	}
	if code, out, _ := runCLI(t, "--db", dbPath, "inquiries", "match"); code != 0 || !strings.Contains(out, "共 0 笔待确认") {
		t.Errorf("match: %d %q", code, out)
	}
}
