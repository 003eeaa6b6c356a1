package importer

import (
	"strings"
	"testing"
)

// The load-time checks keep refund and order layouts apart: a mistake in layouts.json fails
// here instead of misreading a seller's file.
func TestCheckLayoutsRefunds(t *testing.T) {
	find := func(lf *layoutFile, id string) *Layout {
		for i := range lf.Layouts {
			if lf.Layouts[i].ID == id {
				return &lf.Layouts[i]
			}
		}
		t.Fatalf("no layout %s", id)
		return nil
	}
	tests := []struct {
		name   string
		change func(lf *layoutFile)
		want   string
	}{
		{"as shipped", func(lf *layoutFile) {}, ""},
		{"refund layout maps an order field", func(lf *layoutFile) {
			find(lf, "taobao_refunds_csv").Columns["buyer"] = []alias{{"买家会员名"}}
		}, "maps order field \"buyer\""},
		{"order layout maps a refund field", func(lf *layoutFile) {
			find(lf, "taobao_orders_csv").Columns["refund_no"] = []alias{{"退款编号"}}
		}, "maps refund field \"refund_no\""},
		{"refund layout without refund number", func(lf *layoutFile) {
			delete(find(lf, "pdd_aftersales_xlsx").Columns, "refund_no")
		}, "lacks required field “退款编号”"},
		{"no refund statuses for the platform", func(lf *layoutFile) { delete(lf.RefundStatuses, "pdd") }, "no refund_statuses for platform pdd"},
		{"unknown refund code", func(lf *layoutFile) {
			lf.RefundStatuses["taobao"] = append(lf.RefundStatuses["taobao"], [2]string{"退款中", "pending"})
		}, "unknown code \"pending\""},
		{"values on an order layout", func(lf *layoutFile) {
			find(lf, "taobao_orders_csv").Values = map[string]map[string]string{"buyer": {"a": "b"}}
		}, "only read by refund layouts"},
		{"values for an unmapped field", func(lf *layoutFile) {
			find(lf, "pdd_aftersales_xlsx").Values = map[string]map[string]string{"refund_reason": {"": "x"}}
		}, "translate an empty cell"},
		{"a refund signature an order file carries", func(lf *layoutFile) {
			find(lf, "taobao_refunds_csv").Signature = []string{"订单编号", "退款金额"}
		}, "would also match"},
		{"unknown level", func(lf *layoutFile) { find(lf, "pdd_aftersales_xlsx").Level = "after_sale" }, "is no kind's"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lf, err := readLayouts(layoutFiles)
			if err != nil {
				t.Fatal(err)
			}
			tt.change(&lf)
			err = checkLayouts(&lf)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("checkLayouts: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("checkLayouts = %v, want an error with %q", err, tt.want)
			}
		})
	}
}

func TestRefundStatusCode(t *testing.T) {
	tests := []struct{ platform, text, want string }{
		{"taobao", "买家已经申请退款，等待卖家同意", RefundOpen},
		{"taobao", "买家已经申请退款,等待卖家同意", RefundOpen},
		{"taobao", "卖家已经同意退款，等待买家退货", RefundOpen},
		{"taobao", "买家已经退货，等待卖家确认收货", RefundOpen},
		{"taobao", "卖家拒绝退款", RefundClosed},
		{"taobao", "退款关闭", RefundClosed},
		{"taobao", "退款成功", RefundRefunded},
		{"taobao", "一个没见过的状态", RefundOpen}, // shown rather than hidden
		{"pdd", "待商家处理", RefundOpen},
		{"pdd", "待买家退货", RefundOpen},
		{"pdd", "待商家收货", RefundOpen},
		{"pdd", "退款成功", RefundRefunded},
		{"pdd", "换货成功", RefundRefunded},
		{"pdd", "售后关闭", RefundClosed},
		{"pdd", "驳回", RefundClosed},
		{"pdd", "商家已驳回，待买家处理", RefundClosed},
		{"pdd", "买家已撤销", RefundClosed},
	}
	for _, tt := range tests {
		if got := refundStatusCode(tt.platform, tt.text); got != tt.want {
			t.Errorf("refundStatusCode(%s, %q) = %s, want %s", tt.platform, tt.text, got, tt.want)
		}
	}
}
