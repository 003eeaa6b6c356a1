package filename

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func gbk(t *testing.T, s string) string {
	t.Helper()
	out, err := simplifiedchinese.GBK.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"utf-8 stays", "订单导出_2026.csv", "订单导出_2026.csv"},
		{"ascii stays", "ExportOrderList202611211800.csv", "ExportOrderList202611211800.csv"},
		{"gbk name", gbk(t, "订单导出_淘宝.csv"), "订单导出_淘宝.csv"},
		{"gbk zip entry", gbk(t, "报表/售后信息.xlsx"), "报表/售后信息.xlsx"},
		{"neither", "a\xff\xfeb.csv", "a\uFFFDb.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Fatalf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got := Base("/tmp/x/" + gbk(t, "拼多多订单.csv")); got != "拼多多订单.csv" {
		t.Fatalf("Base = %q", got)
	}
}
