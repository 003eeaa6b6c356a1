package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// The command line imports with the templates saved in the database (made on the mapping
// screen), and --shop files a shop-less export like the window's pick does.
func TestImportCommandUsesTemplates(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "s.db")
	header := []string{"单号", "状态", "金额", "下单日期"}
	file := filepath.Join(dir, "有赞订单_20261121.csv")
	if err := exportfile.WriteCSV(file, header, [][]string{{"YZ001", "待发货", "12.30", "2026-11-21 10:00:00"}}, exportfile.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, "--db", dbPath, "import", "--json", file)
	if r := parseLines(t, out); code != 1 || !strings.Contains(r[0].Error, "认不出") {
		t.Fatalf("before the template: %d %s", code, out)
	}

	d, err := db.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := importer.New(d).SaveTemplate(context.Background(), importer.TemplateInput{Platform: "kuaishou", Name: "有赞的订单列表",
		Header: header, Columns: map[string][]string{"order_no": {"单号"}, "status": {"状态"}, "pay_amount": {"金额"}, "created_at": {"下单日期"}}})
	d.Close()
	if err != nil {
		t.Fatal(err)
	}

	code, out, _ = runCLI(t, "--db", dbPath, "import", "--json", "--shop", "有赞小店", file)
	r := parseLines(t, out)
	if code != 0 || len(r) != 1 || r[0].New != 1 || r[0].Format != tpl.LayoutID || r[0].Platform != "kuaishou" || r[0].Shop != "有赞小店" {
		t.Fatalf("with the template: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "--db", dbPath, "imports")
	if code != 0 || !strings.Contains(out, "有赞订单_20261121.csv  有赞的订单列表") {
		t.Fatalf("imports names the template: %d %s", code, out)
	}
}
