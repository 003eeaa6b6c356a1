package exportfile

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// Writers for the refund / after-sales exports: the Taobao/Tmall 退款报表 (GBK CSV with
// ="…" cells, like the 订单报表) and the 拼多多 售后 export (xlsx whose 售后信息 sheet is
// not the first, times stored as Excel date serials, amounts as numbers).

// TaobaoRefundHeader is the 退款报表's header row (千牛 退款管理 → 导出, 38 columns). Some
// exports add 店铺名称 at the end: TaobaoRefundHeaderWithShop.
var TaobaoRefundHeader = []string{
	"订单编号", "退款编号", "支付宝交易号", "订单付款时间", "宝贝ID", "宝贝标题", "商家编码", "买家实际支付金额",
	"买家退款金额", "手工退款/系统退款", "是否需要退货", "退款的申请时间", "超时时间", "退款状态", "货物状态",
	"退货物流信息", "发货物流信息", "客服介入状态", "卖家真实姓名", "卖家真实姓名(新)", "卖家退货地址",
	"卖家邮编", "卖家电话", "卖家手机", "退货物流单号", "退货物流公司", "买家退款原因", "买家退款说明",
	"买家退货时间", "责任方", "售中或售后", "退款备注", "退款完结时间", "部分退款/全部退款", "审核操作人",
	"举证超时", "是否零秒响应", "退款阶段",
}

// TaobaoRefundHeaderWithShop is TaobaoRefundHeader with the 店铺名称 column some exports have.
var TaobaoRefundHeaderWithShop = append(append([]string{}, TaobaoRefundHeader...), "店铺名称")

// TaobaoRefund is one row of the 退款报表. Money in fen; times "YYYY-MM-DD HH:MM:SS" or "".
type TaobaoRefund struct {
	OrderNo, RefundNo, Title, SkuCode, Status, GoodsStatus, ReturnTrackingNo, ReturnCarrier string
	Reason, Note, Shop                                                                      string
	PayFen, RefundFen                                                                       int64
	NeedReturn, AfterSale                                                                   bool
	PaidAt, AppliedAt, DeadlineAt, ReturnedAt, FinishedAt                                   string
}

// Row returns the refund's cells under header (TaobaoRefundHeader or …WithShop).
func (r TaobaoRefund) Row(header []string) []string {
	yesNo := map[bool]string{true: "是", false: "否"}
	stage := map[bool]string{true: "售后", false: "售中"}
	whole := "部分退款"
	if r.RefundFen >= r.PayFen {
		whole = "全部退款"
	}
	return rowFor(header, map[string]string{
		"订单编号": r.OrderNo, "退款编号": r.RefundNo, "支付宝交易号": "2026" + r.OrderNo, "订单付款时间": r.PaidAt,
		"宝贝ID": "6" + tail(r.RefundNo, 11), "宝贝标题": r.Title, "商家编码": r.SkuCode,
		"买家实际支付金额": Yuan(r.PayFen), "买家退款金额": Yuan(r.RefundFen), "手工退款/系统退款": "系统退款",
		"是否需要退货": yesNo[r.NeedReturn], "退款的申请时间": r.AppliedAt, "超时时间": r.DeadlineAt,
		"退款状态": r.Status, "货物状态": r.GoodsStatus, "客服介入状态": "客服未介入",
		"退货物流单号": r.ReturnTrackingNo, "退货物流公司": r.ReturnCarrier, "买家退款原因": r.Reason,
		"买家退款说明": r.Note, "买家退货时间": r.ReturnedAt, "责任方": "买家", "售中或售后": stage[r.AfterSale],
		"退款完结时间": r.FinishedAt, "部分退款/全部退款": whole, "是否零秒响应": "否", "店铺名称": r.Shop,
	})
}

// PDDAfterSaleHeader is the 拼多多 售后 export's sheet 售后信息 (售后工作台 → 导出).
var PDDAfterSaleHeader = []string{
	"售后编号", "订单编号", "商品ID", "商品名称", "商品规格", "商家编码", "商品数量", "订单金额(元)", "退款金额",
	"申请时间", "售后类型", "售后状态", "售后原因", "售后说明", "收货状态", "退货物流单号", "退货快递公司",
	"商家处理截止时间", "售后完结时间", "是否极速退款",
}

// PDDAfterSale is one row of the 售后 export. Money in fen; times "YYYY-MM-DD HH:MM:SS" or "".
type PDDAfterSale struct {
	AfterSaleNo, OrderNo, Title, Spec, SkuCode, Kind, Status, Reason, Note, GoodsStatus string
	ReturnTrackingNo, ReturnCarrier, Shop                                               string
	OrderFen, RefundFen                                                                 int64
	Quantity                                                                            int
	AppliedAt, DeadlineAt, FinishedAt                                                   string
}

// Cells returns the row's cells under header as the xlsx holds them: times as Excel date
// serials (float64), amounts and counts as numbers, everything else as text.
func (a PDDAfterSale) Cells(header []string) []any {
	text := map[string]string{
		"售后编号": a.AfterSaleNo, "订单编号": a.OrderNo, "商品ID": "5" + tail(a.AfterSaleNo, 10),
		"商品名称": a.Title, "商品规格": a.Spec, "商家编码": a.SkuCode, "售后类型": a.Kind, "售后状态": a.Status,
		"售后原因": a.Reason, "售后说明": a.Note, "收货状态": a.GoodsStatus, "退货物流单号": a.ReturnTrackingNo,
		"退货快递公司": a.ReturnCarrier, "是否极速退款": "否", "店铺名称": a.Shop,
	}
	nums := map[string]any{
		"商品数量": a.Quantity, "订单金额(元)": float64(a.OrderFen) / 100, "退款金额": float64(a.RefundFen) / 100,
		"申请时间": serial(a.AppliedAt), "商家处理截止时间": serial(a.DeadlineAt), "售后完结时间": serial(a.FinishedAt),
	}
	out := make([]any, len(header))
	for i, h := range header {
		if v, ok := nums[h]; ok && v != nil {
			out[i] = v
			continue
		}
		out[i] = text[h]
	}
	return out
}

// tail is the last n bytes of s (all of s when shorter): made-up product ids.
func tail(s string, n int) string { return s[max(0, len(s)-n):] }

// serial is an Excel date serial for a "YYYY-MM-DD HH:MM:SS" time (nil for "").
func serial(s string) any {
	if s == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02 15:04:05", s)
	if err != nil {
		panic(fmt.Sprintf("exportfile: time %q: %v", s, err))
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return t.Sub(base).Hours() / 24
}

// Sheet is one worksheet for WriteWorkbook: a name and rows of string, number or nil cells.
type Sheet struct {
	Name string
	Rows [][]any
	// DateCols are the 0-based columns shown as dates (their numbers are date serials).
	DateCols []int
}

// WriteWorkbook writes an xlsx with the given sheets in order (strings as shared strings,
// numbers as numbers), as the 拼多多 back office writes its 售后 export: an explanation sheet
// first, the data on the next.
func WriteWorkbook(path string, sheets []Sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 22}) // m/d/yy h:mm
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				return fmt.Errorf("write %s: %w", path, err)
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		for r, row := range s.Rows {
			for c, v := range row {
				if v == nil || v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(s.Name, cell, v); err != nil {
					return fmt.Errorf("write %s: %w", path, err)
				}
				for _, dc := range s.DateCols {
					if dc == c && r > 0 {
						if err := f.SetCellStyle(s.Name, cell, cell, dateStyle); err != nil {
							return fmt.Errorf("write %s: %w", path, err)
						}
					}
				}
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// PDDAfterSaleWorkbook is the sheets of a 拼多多 售后 export: 导出说明, then 售后信息 with header
// and the rows.
func PDDAfterSaleWorkbook(header []string, rows []PDDAfterSale) []Sheet {
	data := [][]any{make([]any, len(header))}
	for i, h := range header {
		data[0][i] = h
	}
	var dates []int
	for i, h := range header {
		switch h {
		case "申请时间", "商家处理截止时间", "售后完结时间":
			dates = append(dates, i)
		}
	}
	for _, r := range rows {
		data = append(data, r.Cells(header))
	}
	return []Sheet{
		{Name: "导出说明", Rows: [][]any{{"拼多多商家后台 售后工作台 导出"}, {"导出时间", "2026-11-22 09:00:00"}, {"共 " + fmt.Sprint(len(rows)) + " 条"}}},
		{Name: "售后信息", Rows: data, DateCols: dates},
	}
}
