package importer

import (
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestParseFen(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		bad  bool
	}{
		{"", 0, false}, {"0", 0, false}, {"12", 1200, false}, {"12.3", 1230, false}, {"12.30", 1230, false},
		{"¥1,234.56", 123456, false}, {"￥8.00", 800, false}, {"-3.10", -310, false}, {".5", 50, false},
		{"12.345", 1235, false}, {"12.344", 1234, false}, {"99元", 9900, false}, {" 7.1 ", 710, false},
		{"abc", 0, true}, {"1.2.3", 0, true}, {"12,3a", 0, true}, {"1e5", 0, true},
	}
	for _, tt := range tests {
		got, err := parseFen(tt.in)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("parseFen(%q) = %d, %v; want %d, bad=%v", tt.in, got, err, tt.want, tt.bad)
		}
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2020-02-21 00:00:00", "2020-02-21 00:00:00"},
		{"2020/2/21 0:00", "2020-02-21 00:00:00"},
		{"2020/2/21 13:05:09", "2020-02-21 13:05:09"},
		{"2020-2-1", "2020-02-01 00:00:00"},
		{"2026年11月22日 09:30", "2026-11-22 09:30:00"},
		{"43882", "2020-02-21 00:00:00"},     // Excel serial
		{"43882.5", "2020-02-21 12:00:00"},   // with time of day
		{"46348.375", "2026-11-22 09:00:00"}, // a recent one
		{"", ""}, {"0", ""},
	}
	for _, tt := range tests {
		got, err := parseTime(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("parseTime(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"昨天", "2165437890123456789", "2020-13-01", "12:00"} {
		if _, err := parseTime(bad); err == nil {
			t.Errorf("parseTime(%q) accepted a non-time", bad)
		}
	}
}

func TestCleanCellAndHeader(t *testing.T) {
	cells := []struct{ in, want string }{
		{`="2165437890123456789"`, "2165437890123456789"},
		{`=2165437890123456789`, "2165437890123456789"},
		{"'2165437890123456789", "2165437890123456789"},
		{"\t2165437890123456789", "2165437890123456789"},
		{"null", ""}, {"NULL", ""}, {"  交易成功 ", "交易成功"},
	}
	for _, tt := range cells {
		if got := cleanCell(tt.in); got != tt.want {
			t.Errorf("cleanCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	headers := []struct{ in, want string }{
		{"商品总价（元）", "商品总价(元)"}, {"订单编号 ", "订单编号"}, {"\ufeff订单编号", "订单编号"},
		{"订单\u200b编号", "订单编号"}, {"\u3000买家留言", "买家留言"},
	}
	for _, tt := range headers {
		if got := normalizeHeader(tt.in); got != tt.want {
			t.Errorf("normalizeHeader(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseID(t *testing.T) {
	if v, err := parseID("2165437890123456789"); err != nil || v != "2165437890123456789" {
		t.Fatalf("parseID kept %q, %v", v, err)
	}
	if _, err := parseID("2.16544E+18"); err == nil {
		t.Fatal("scientific notation accepted as an order number")
	}
}

func TestCSVReader(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		delim byte
		want  [][]string
	}{
		{"plain", "a,b,c\r\n1,2,3\r\n", ',', [][]string{{"a", "b", "c"}, {"1", "2", "3"}}},
		{"excel text with delimiter and newline inside", "=\"1,2\",=\"x\ny\",z\n", ',', [][]string{{"1,2", "x\ny", "z"}}},
		{"doubled quotes", `"say ""hi""",2` + "\n", ',', [][]string{{`say "hi"`, "2"}}},
		{"stray quote in a bare cell", `ab"c,d` + "\n", ',', [][]string{{`ab"c`, "d"}}},
		{"no final newline", "a,b", ',', [][]string{{"a", "b"}}},
		{"trailing delimiter", "a,b,\n", ',', [][]string{{"a", "b", ""}}},
		{"blank line", "a\n\nb\n", ',', [][]string{{"a"}, {""}, {"b"}}},
		{"tabs", "a\tb\n1\t2\n", '\t', [][]string{{"a", "b"}, {"1", "2"}}},
		{"lone CR line ends", "a,b\r1,2\r", ',', [][]string{{"a", "b"}, {"1", "2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newCSVReader(strings.NewReader(tt.in), tt.delim)
			var got [][]string
			for {
				rec, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, append([]string{}, rec...))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStatusCode(t *testing.T) {
	tests := []struct{ text, want string }{
		{"等待买家付款", "unpaid"}, {"买家已付款，等待卖家发货", "to_ship"}, {"买家已付款,等待卖家发货", "to_ship"},
		{"卖家已发货，等待买家确认", "shipped"}, {"交易成功", "completed"}, {"交易关闭", "closed"},
		{"付款以前，卖家或买家主动关闭交易", "closed"}, {"火星状态", "unknown"},
	}
	for _, tt := range tests {
		if got := statusCode("taobao", tt.text); got != tt.want {
			t.Errorf("statusCode(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
