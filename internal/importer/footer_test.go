package importer

import "testing"

// Which lines look like a footer (held back until the file's end says whether they are).
func TestFooterLike(t *testing.T) {
	rules := func(headerLen int, keyCols ...int) footerRules {
		l := &boundLayout{Layout: &Layout{Level: levelOrder}, headers: make([]string, headerLen), col: map[string][]int{"order_no": keyCols}}
		return newFooterRules(l)
	}
	narrow := rules(3, 0) // a narrow template: 订单编号, 付款时间, 实付金额
	wide := rules(39, 1)  // 拼多多: 订单号 is column 2
	tests := []struct {
		name string
		f    footerRules
		row  []string
		want bool
	}{
		{"blank", narrow, []string{"", " ", ""}, true},
		{"合计 line", wide, []string{"合计", "300单"}, true},
		{"共 N 条 in one cell", narrow, []string{"共 300 条记录"}, true},
		{"总计 with amounts, full width", wide, append([]string{"总计：", "", "12.00", "13.00"}, make([]string, 35)...), true},
		{"only the export time", narrow, []string{"2026-11-21 18:00:00"}, true},
		{"导出时间：…", narrow, []string{"导出时间：2026-11-21 18:00", ""}, true},
		{"short, nothing under the order number", wide, []string{"", "", "300单"}, true},
		{"a data row with an empty cell", narrow, []string{"2165437890123456789", "", "59.00"}, false},
		{"a short data row with its order number", wide, []string{"商品", "261121-000000000001"}, false},
		{"an order number alone (a narrow row cut short)", narrow, []string{"2165437890123456789"}, false},
		{"a full data row", narrow, []string{"2165437890123456789", "2026-11-21 10:00:00", "59.00"}, false},
	}
	for _, tt := range tests {
		if got := tt.f.like(tt.row); got != tt.want {
			t.Errorf("%s: like(%q) = %v, want %v", tt.name, tt.row, got, tt.want)
		}
	}
}
