package importer

import (
	"slices"
	"strings"
	"testing"
)

// The load-time check keeps stock sheets and order exports apart: without its "not" headers
// the stock layout would also match an order export that has a code and a quantity column.
func TestStockLayoutNeedsItsNotHeaders(t *testing.T) {
	lf, err := readLayouts(layoutFiles)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(lf.Layouts, func(l Layout) bool { return l.ID == "stock_sheet" })
	if i < 0 {
		t.Fatal("no stock_sheet layout")
	}
	lf.Layouts[i].Not = nil
	err = checkLayouts(&lf)
	if err == nil || !strings.Contains(err.Error(), "stock_sheet") || !strings.Contains(err.Error(), "1688_orders_xlsx") {
		t.Fatalf("checkLayouts = %v, want stock_sheet / 1688_orders_xlsx told apart", err)
	}
}

// A stock layout names no platform; an order layout must.
func TestLayoutPlatformByKind(t *testing.T) {
	for _, tc := range []struct {
		level, platform string
		ok              bool
	}{{levelStock, "", true}, {levelStock, "taobao", false}, {levelOrder, "", false}, {levelOrder, "jd", true}} {
		l := Layout{ID: "x", Level: tc.level, Platform: tc.platform}
		if err := checkPlatform(kindOfLevel(tc.level), &l); (err == nil) != tc.ok {
			t.Errorf("%s/%q: %v", tc.level, tc.platform, err)
		}
	}
}
