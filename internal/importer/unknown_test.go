package importer_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// The message for a file no layout knows says what is actually missing, from what the
// layouts know: never that the file lacks a column it has.
func TestUnknownFormatMessage(t *testing.T) {
	without := func(h []string, drop ...string) []string {
		return slices.DeleteFunc(slices.Clone(h), func(c string) bool { return slices.Contains(drop, c) })
	}
	tests := []struct {
		name      string
		header    []string
		want, not []string
	}{
		{"an ERP's order list with 订单编号 and 订单创建时间",
			[]string{"订单编号", "订单创建时间", "收件人", "实付金额", "ERP单号"},
			[]string{"第 1 行像是表头", "有“淘宝/天猫 订单报表”的“订单编号”“订单创建时间”", "缺少“买家会员名”“订单状态”"},
			[]string{"没有“订单编号”", "没有表头"}},
		{"淘宝 订单报表 without 订单状态",
			without(exportfile.TaobaoOrderHeader, "订单状态"),
			[]string{"“淘宝/天猫 订单报表”", "缺少“订单状态”"},
			[]string{"缺少“订单编号”", "没有表头"}},
		{"淘宝 订单报表 with a 退款编号 column",
			append(slices.Clone(exportfile.TaobaoOrderHeader), "退款编号"),
			[]string{"也有“退款编号”", "这种文件没有这样的列"},
			[]string{"缺少"}},
		{"客户名单", []string{"联系人", "电话", "地址"},
			[]string{"第 1 行像是表头（联系人、电话、地址）", "没有店务台认识的列"},
			[]string{"缺少"}},
		// 姓名 is a column of the staff files (issue 11): a list of people is told what a
		// punch file has that it lacks, never that it is a rota without day columns.
		{"员工通讯录", []string{"姓名", "电话", "地址"},
			[]string{"第 1 行像是表头（姓名、电话、地址）", "缺少“打卡时间”"},
			[]string{"排班表"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			rows := [][]string{make([]string, len(tt.header))}
			for i := range rows[0] {
				rows[0][i] = "x"
			}
			r := importer.New(d).ImportFile(context.Background(), writeCSVFile(t, "orders.csv", tt.header, rows, exportfile.CSVOptions{}), importer.Options{})
			if r.ErrorCode != importer.ErrCodeUnknownFormat {
				t.Fatalf("result = %+v", r)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.Error, w) {
					t.Errorf("message lacks %q:\n%s", w, r.Error)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(r.Error, n) {
					t.Errorf("message says %q:\n%s", n, r.Error)
				}
			}
			// Whatever it names as missing is not in the header.
			if _, after, ok := strings.Cut(r.Error, "缺少"); ok {
				for _, h := range tt.header {
					if strings.Contains(strings.Split(after, "，")[0], "“"+h+"”") {
						t.Errorf("message says %s is missing, the header has it:\n%s", h, r.Error)
					}
				}
			}
		})
	}
}
