package inquiry_test

import (
	"context"
	"slices"
	"testing"

	"shopdesk/internal/exportfile"
	"shopdesk/internal/inquiry"
)

// Type-ahead: customers from the register and the orders' buyers, their history, product
// names from the imported orders (read again after another import) and the register.
func TestSuggest(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	importTaobao(t, d, exportfile.TaobaoOrder{OrderNo: "3001000000000000031", Buyer: "tb_阳光", Status: "交易成功", PayFen: 5900,
		Title: "婴儿纯棉连体衣", Address: "浙江省 杭州市 西湖区 文三路 1号", CreatedAt: "2026-11-01 10:00:00", PaidAt: "2026-11-01 10:01:00"})
	add(t, s, inquiry.Inquiry{AskedOn: "2026-11-02", Customer: "tb_阳台花园", Outcome: inquiry.OutcomePending, Products: []string{"阳台收纳架"}})
	add(t, s, inquiry.Inquiry{AskedOn: "2026-11-03", Customer: "tb_阳光", Outcome: inquiry.OutcomeNoDeal, Reason: "运费", CustomerType: "批发"})

	hints, err := s.SuggestCustomers(ctx, "tb_阳")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, h := range hints {
		names = append(names, h.Name)
	}
	if !slices.Equal(names, []string{"tb_阳光", "tb_阳台花园"}) || hints[0].Orders != 1 || hints[0].Inquiries != 1 {
		t.Fatalf("hints %+v", hints)
	}
	h, err := s.CustomerHistory(ctx, "tb_阳光")
	if err != nil || len(h.Inquiries) != 1 || len(h.Orders) != 1 || h.PaidOrders != 1 || h.PaidFen != 5900 || h.CustomerType != "批发" {
		t.Fatalf("history %+v %v", h, err)
	}
	if h, _ := s.CustomerHistory(ctx, "tb_阳台花园"); h.Region != "" || len(h.Orders) != 0 {
		t.Fatalf("history without orders %+v", h)
	}
	// A buyer with orders only: the region comes from the address.
	importTaobao(t, d, exportfile.TaobaoOrder{OrderNo: "3001000000000000032", Buyer: "只下过单", Status: "交易成功", PayFen: 100,
		Title: "北欧风陶瓷马克杯", Address: "广东省 深圳市 南山区", CreatedAt: "2026-11-05 10:00:00", PaidAt: "2026-11-05 10:01:00"})
	if h, _ := s.CustomerHistory(ctx, "只下过单"); h.Region != "广东" {
		t.Fatalf("region from the address: %+v", h)
	}
	got, err := s.SuggestProducts(ctx, "连体")
	if err != nil || !slices.Equal(got, []string{"婴儿纯棉连体衣"}) {
		t.Fatalf("products %v %v", got, err)
	}
	if got, _ := s.SuggestProducts(ctx, "收纳"); !slices.Equal(got, []string{"阳台收纳架"}) {
		t.Fatalf("register products %v", got)
	}
	if got, _ := s.SuggestProducts(ctx, "马克杯"); !slices.Equal(got, []string{"北欧风陶瓷马克杯"}) {
		t.Fatalf("after another import %v", got)
	}
	regions, err := s.Regions(ctx)
	if err != nil || regions[0] != "北京" || !slices.Contains(regions, "新疆") {
		t.Fatalf("regions %v %v", regions[:3], err)
	}
}
