package importer

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
)

// The UI's copy of the shared lists and of each kind's mapping fields
// (frontend/src/lib/importDefs.json) is what FrontendDefinitions writes: a field, status
// or platform added on one side only fails here (and the frontend's own tests check its
// literal lists against the file).
func TestFrontendDefinitions(t *testing.T) {
	path := filepath.Join("..", "..", "frontend", "src", "lib", "importDefs.json")
	want, err := FrontendDefinitions()
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("SHOPDESK_UPDATE_DEFS") != "" {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s differs from the Go definitions (kind.go, orders.go, refunds.go, domain.go): rewrite it with\n\tSHOPDESK_UPDATE_DEFS=1 go test -run TestFrontendDefinitions ./internal/importer/\nand adapt the UI to the change", path)
	}
}

// A kind may keep its layouts in a layouts_<kind>.json of its own: the files are merged.
func TestLayoutFilesMerge(t *testing.T) {
	base, err := fs.ReadFile(layoutFiles, "layouts.json")
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{
		"layouts.json": {Data: base},
		"layouts_extra.json": {Data: []byte(`{"layouts": [{"id": "extra_orders", "name": "某 ERP 订单", "platform": "taobao",
			"level": "order", "signature": ["ERP单号", "ERP状态"], "columns": {"order_no": ["ERP单号"], "status": ["ERP状态"]}}],
			"statuses": {"taobao": [["ERP已付", "to_ship"]]}, "placeholders": {"jd": ["无数据"]}, "footer_words": ["本页合计"]}`)},
	}
	lf, err := readLayouts(files)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkLayouts(&lf); err != nil {
		t.Fatalf("merged layouts: %v", err)
	}
	only, err := readLayouts(fstest.MapFS{"layouts.json": {Data: base}})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(lf.Layouts); n != len(only.Layouts)+1 || lf.Layouts[n-1].ID != "extra_orders" {
		t.Fatalf("%d layouts, the last %q", n, lf.Layouts[n-1].ID)
	}
	if !lf.placeholders("jd")["无数据"] || lf.placeholders("taobao")["无数据"] || !slices.Contains(lf.FooterWords, "本页合计") {
		t.Fatalf("placeholders or footer words not merged: %v %v", lf.Placeholders, lf.FooterWords)
	}
	if rules := lf.Statuses["taobao"]; rules[len(rules)-1][0] != "ERP已付" {
		t.Fatalf("statuses not merged: %v", rules[len(rules)-1])
	}
}
