package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
)

func noWindow(t *testing.T) func(context.Context, globalFlags) int {
	return func(context.Context, globalFlags) int { t.Fatal("the window was started"); return 1 }
}

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut, noWindow(t))
	return code, out.String(), errOut.String()
}

func taobaoFile(t *testing.T, dir, name string, statuses ...string) string {
	t.Helper()
	var rows [][]string
	for i, st := range statuses {
		o := exportfile.TaobaoOrder{OrderNo: fmt.Sprintf("21654378901234567%02d", i), Buyer: "买家", Status: st,
			Title: "宝贝", Shop: "小米粒母婴旗舰店", PayFen: 1000, Items: 1, CreatedAt: "2026-11-21 10:00:00"}
		rows = append(rows, o.Row())
	}
	p := filepath.Join(dir, name)
	if err := exportfile.WriteCSV(p, exportfile.TaobaoOrderHeader, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	return p
}

type jsonLine struct {
	File, Shop, Platform, Format, Error string
	New, Updated, Unchanged, Rejected   int
	Duplicate                           bool
}

func parseLines(t *testing.T, out string) []jsonLine {
	t.Helper()
	var res []jsonLine
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("not JSON: %q", l)
		}
		for _, k := range []string{"file", "shop", "platform", "format", "new", "updated", "unchanged", "rejected", "error"} {
			if _, ok := m[k]; !ok {
				t.Fatalf("key %q missing in %s", k, l)
			}
		}
		var j jsonLine
		json.Unmarshal([]byte(l), &j)
		res = append(res, j)
	}
	return res
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "s.db")
	good := taobaoFile(t, dir, "ExportOrderList.csv", "交易成功", "等待买家付款")
	junk := filepath.Join(dir, "note.csv")
	os.WriteFile(junk, []byte("hello,world\n1,2\n"), 0o644)

	code, out, _ := runCLI(t, "--db", dbPath, "import", "--dry-run", "--json", good)
	if r := parseLines(t, out); code != 0 || len(r) != 1 || r[0].New != 2 || r[0].Error != "" {
		t.Fatalf("dry run: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "--db", dbPath, "import", "--json", good, junk)
	r := parseLines(t, out)
	if code != 1 || len(r) != 2 {
		t.Fatalf("exit %d (want 1: one file failed), out %s", code, out)
	}
	if r[0].New != 2 || r[0].Shop != "小米粒母婴旗舰店" || r[0].Platform != "taobao" || r[0].Format != "taobao_orders_csv" {
		t.Fatalf("good file: %+v", r[0])
	}
	if !strings.Contains(r[1].Error, "note.csv") || !strings.Contains(r[1].Error, "认不出") {
		t.Fatalf("junk file: %+v", r[1])
	}
	code, out, _ = runCLI(t, "--db", dbPath, "import", good)
	if code != 0 || !strings.Contains(out, "已导入过") {
		t.Fatalf("re-import: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "--db", dbPath, "imports")
	if code != 0 || !strings.Contains(out, "#1") || !strings.Contains(out, "ExportOrderList.csv") {
		t.Fatalf("imports: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "--db", dbPath, "undo", "1")
	if code != 0 || !strings.Contains(out, "删除 2 个新订单") {
		t.Fatalf("undo: %d %s", code, out)
	}
	if code, _, errOut := runCLI(t, "--db", dbPath, "undo", "1"); code != 1 || !strings.Contains(errOut, "没有编号") {
		t.Fatalf("undo again: %d %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", dbPath, "import"); code != 2 || !strings.Contains(errOut, "用法") {
		t.Fatalf("no files: %d %s", code, errOut)
	}
	if code, _, _ := runCLI(t, "--db", dbPath, "frobnicate"); code != 2 {
		t.Fatalf("unknown command: %d", code)
	}
}

func TestDemoCommand(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "demo.db")
	code, out, errOut := runCLI(t, "--db", dbPath, "demo")
	if code != 0 || !regexp.MustCompile(`3 个店铺，\d{3} 个订单，\d+ 个订单异常`).MatchString(out) {
		t.Fatalf("demo: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", dbPath, "demo"); code != 1 || !strings.Contains(errOut, "已经有店铺") {
		t.Fatalf("second demo: %d %q", code, errOut)
	}
}

// anomalies lists the open anomalies as of --at (nothing kept) with the --json keys
// scripts rely on; import and undo run the rules.
func TestAnomaliesCommand(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "a.db")
	// Created 2026-11-21 10:00, no paid time: ship by 11-23 10:00 (48 h), chase until 11-22 10:00.
	file := taobaoFile(t, dir, "ExportOrderList.csv", "买家已付款，等待卖家发货", "等待买家付款", "交易成功")
	if code, out, errOut := runCLI(t, "--db", dbPath, "import", file); code != 0 || errOut != "" {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	type entry map[string]any
	list := func(args ...string) []entry {
		t.Helper()
		code, out, errOut := runCLI(t, append([]string{"--db", dbPath, "anomalies", "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("anomalies %v: %d %s", args, code, errOut)
		}
		var got []entry
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("not a JSON array: %q", out)
		}
		for _, e := range got {
			for _, k := range []string{"order_no", "shop", "platform", "kind", "since", "deadline", "state", "owner"} {
				if _, ok := e[k]; !ok {
					t.Fatalf("key %q missing in %v", k, e)
				}
			}
		}
		return got
	}
	cases := []struct {
		at, kind, order, deadline string
	}{
		{"2026-11-21 12:00:01", "unpaid", "2165437890123456701", "2026-11-22 10:00:00"},
		{"2026-11-23 04:00", "due_soon", "2165437890123456700", "2026-11-23 10:00:00"},
		{"2026-11-23 10:00:01", "overdue_shipment", "2165437890123456700", "2026-11-23 10:00:00"},
	}
	for _, c := range cases {
		got := list("--at", c.at)
		if len(got) != 1 || got[0]["kind"] != c.kind || got[0]["order_no"] != c.order || got[0]["deadline"] != c.deadline ||
			got[0]["shop"] != "小米粒母婴旗舰店" || got[0]["platform"] != "taobao" || got[0]["state"] != "open" || got[0]["owner"] != "" {
			t.Fatalf("--at %s: %v", c.at, got)
		}
	}
	if got := list("--at", "2026-11-21 11:00", "--shop", "小米粒母婴旗舰店"); len(got) != 0 {
		t.Fatalf("nothing is due an hour after the orders: %v", got)
	}
	code, out, _ := runCLI(t, "--db", dbPath, "anomalies", "--at", "2026-11-23 10:00:01")
	if code != 0 || !strings.Contains(out, "超时未发货  小米粒母婴旗舰店（淘宝/天猫）  2165437890123456700") || !strings.Contains(out, "未保存") ||
		!strings.Contains(out, "提示：淘宝/天猫店铺“小米粒母婴旗舰店”：1 个待发货订单的导出文件没有承诺发货时间") {
		t.Fatalf("text: %d %s", code, out)
	}
	// --at kept nothing: the import's own run (now, long after the 11-22 chase ended) has no unpaid anomaly.
	d, err := db.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	var unpaid, total int
	d.SQL.QueryRow(`SELECT count(*) FILTER (WHERE kind = 'unpaid'), count(*) FROM anomaly`).Scan(&unpaid, &total)
	d.Close()
	if unpaid != 0 || total != 1 {
		t.Fatalf("stored anomalies after --at runs: %d unpaid of %d (want 0 of 1, the import's overdue order)", unpaid, total)
	}
	if code, _, errOut := runCLI(t, "--db", dbPath, "anomalies", "--at", "明天"); code != 2 || !strings.Contains(errOut, "“明天”不是时间") {
		t.Fatalf("bad --at: %d %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", dbPath, "anomalies", "--shop", "没有这个店"); code != 1 || !strings.Contains(errOut, "没有名为“没有这个店”的店铺") {
		t.Fatalf("unknown shop: %d %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", dbPath, "anomalies", "extra"); code != 2 || !strings.Contains(errOut, "用法") {
		t.Fatalf("extra argument: %d %s", code, errOut)
	}
	// Undoing the import runs the rules: the order is gone, so is its anomaly.
	if code, out, errOut := runCLI(t, "--db", dbPath, "undo", "1"); code != 0 || errOut != "" {
		t.Fatalf("undo: %d %s %s", code, out, errOut)
	}
	if got := list(); len(got) != 0 {
		t.Fatalf("after undo: %v", got)
	}
}
