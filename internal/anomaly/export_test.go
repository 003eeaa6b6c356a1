package anomaly_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shopdesk/internal/anomaly"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/shop"
)

// The export holds every row of the filtered list (not just a page), with order numbers
// as text cells that keep all 19 digits.
func TestExportXLSX(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := anomaly.New(d)
	var orders []exportfile.TaobaoOrder
	for i := range 60 {
		o := workflowOrder("2165437890123456"+string(rune('0'+i/10))+string(rune('0'+i%10))+"9", "买家已付款，等待卖家发货", "连体衣")
		orders = append(orders, o)
	}
	importFile(t, d, taobaoFile(t, t.TempDir(), "ExportOrderList.csv", orders...), importer.Options{})
	evaluate(t, s, "2026-11-22 09:00:00")
	data, n, err := s.ExportXLSX(ctx, anomaly.Query{Kind: anomaly.KindOverdueShipment, PageSize: 20, Page: 2})
	if err != nil {
		t.Fatal(err)
	}
	if n != 60 {
		t.Fatalf("exported %d rows, want all 60", n)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("订单异常")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 61 || rows[0][3] != "订单号" || rows[0][0] != "异常类型" {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	seen := map[string]bool{}
	for r := 2; r <= 61; r++ {
		cell, _ := excelize.CoordinatesToCellName(4, r)
		typ, err := f.GetCellType("订单异常", cell)
		if err != nil {
			t.Fatal(err)
		}
		if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
			t.Fatalf("%s has cell type %v, want text", cell, typ)
		}
		v, _ := f.GetCellValue("订单异常", cell)
		if len(v) != 19 || !strings.HasPrefix(v, "2165437890123456") {
			t.Fatalf("%s = %q", cell, v)
		}
		seen[v] = true
		if kind, _ := f.GetCellValue("订单异常", "A"+cell[1:]); kind != "超时未发货" {
			t.Fatalf("row %d kind %q", r, kind)
		}
	}
	if len(seen) != 60 {
		t.Fatalf("%d distinct order numbers", len(seen))
	}
	if v, _ := f.GetCellValue("订单异常", "I2"); !strings.Contains(v, "截止 2026-11-21 10:00:00") {
		t.Fatalf("description %q", v)
	}
}

func TestComplaints(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := anomaly.New(d)
	sh, err := shop.New(d).Create(ctx, shop.Taobao, "投诉测试店")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 22, 1, 0, 0, 0, time.UTC) // 09:00 in Shanghai
	bad := []struct {
		c    anomaly.Complaint
		want string
	}{
		{anomaly.Complaint{ShopID: sh.ID, Channel: "phone", Severity: "normal"}, "请填写投诉内容"},
		{anomaly.Complaint{ShopID: sh.ID, Channel: "fax", Severity: "normal", Content: "x"}, "未知的投诉渠道“fax”"},
		{anomaly.Complaint{ShopID: sh.ID, Channel: "phone", Severity: "mild", Content: "x"}, "未知的严重程度“mild”"},
		{anomaly.Complaint{ShopID: 99, Channel: "phone", Severity: "normal", Content: "x"}, "请选择投诉所属的店铺"},
		{anomaly.Complaint{ShopID: sh.ID, Channel: "phone", Severity: "normal", Content: "x", ReceivedAt: "昨天"}, "“昨天”不是时间"},
	}
	for _, b := range bad {
		if _, err := s.AddComplaint(ctx, b.c, 0, now); err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("complaint %+v: error %v, want %q", b.c, err, b.want)
		}
	}
	id, err := s.AddComplaint(ctx, anomaly.Complaint{ShopID: sh.ID, OrderNo: "2165437890123456789", Channel: "regulator",
		Severity: "urgent", Content: "买家打 12315 说收到的货有破损"}, 0, now)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Evaluate(ctx, anomaly.At(now)); err != nil {
		t.Fatal(err)
	}
	got := find(t, s, "2165437890123456789", anomaly.KindComplaint)
	a := got.Anomaly
	if a.Since != "2026-11-22 09:00:00" || a.Deadline != "2026-11-23 09:00:00" || a.Basis != "urgent" || !a.Active {
		t.Fatalf("complaint anomaly %+v", a)
	}
	if got.Complaint == nil || got.Complaint.ID != id || got.Complaint.Channel != "regulator" {
		t.Fatalf("complaint in the detail: %+v", got.Complaint)
	}
	if err := s.DeleteComplaint(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteComplaint(ctx, id); err == nil {
		t.Fatal("deleted twice")
	}
	if _, err := s.Evaluate(ctx, anomaly.At(now)); err != nil {
		t.Fatal(err)
	}
	if a := find(t, s, "2165437890123456789", anomaly.KindComplaint).Anomaly; a.Active || a.ClearedReason != "complaint_deleted" || a.State != anomaly.StateResolved {
		t.Fatalf("after deleting the complaint: %+v", a)
	}
}
