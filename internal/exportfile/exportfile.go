// Package exportfile writes files the way the platforms' seller back offices export them
// (encoding, ="…" cells, column sets). The demo shop, the tests and the benchmarks use it
// to make realistic input for the importer.
package exportfile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// TaobaoOrder is one row of the classic Taobao/Tmall 订单报表 (ExportOrderList*.csv).
// Money is in fen; times are "YYYY-MM-DD HH:MM:SS" or "".
type TaobaoOrder struct {
	OrderNo, Buyer, Status, Address, Title, TrackingNo, Carrier, Shop, Message, Memo string
	CloseReason                                                                      string // 订单关闭原因
	PayFen, RefundFen                                                                int64
	Items                                                                            int
	CreatedAt, PaidAt                                                                string
}

// TaobaoOrderHeader is the classic export's header row (the 2020s column set).
var TaobaoOrderHeader = []string{
	"订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分", "总金额",
	"返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址",
	"运送方式", "联系电话", "联系手机", "订单创建时间", "订单付款时间", "宝贝标题", "宝贝种类", "物流单号",
	"物流公司", "订单备注", "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费", "买家服务费",
	"发票抬头", "是否手机订单", "分阶段订单信息", "特权订金订单id", "是否上传合同照片", "是否上传小票",
	"是否代付", "定金排名", "修改后的sku", "修改后的收货地址", "异常信息", "天猫卡券抵扣", "集分宝抵扣",
	"是否是O2O交易", "退款金额", "预约门店", "确认收货时间", "打款商家金额",
}

// Yuan formats fen as the exports write money: "12.30".
func Yuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return fmt.Sprintf("%s%d.%02d", sign, fen/100, fen%100)
}

// Row returns the order's cells in TaobaoOrderHeader order.
func (o TaobaoOrder) Row() []string {
	cells := map[string]string{
		"订单编号": o.OrderNo, "买家会员名": o.Buyer, "买家应付货款": Yuan(o.PayFen), "买家应付邮费": "0.00",
		"总金额": Yuan(o.PayFen), "买家实际支付金额": Yuan(o.PayFen), "订单状态": o.Status, "买家留言": o.Message,
		"收货人姓名": maskName(o.Buyer), "收货地址": o.Address, "运送方式": "快递", "订单创建时间": o.CreatedAt,
		"订单付款时间": o.PaidAt, "宝贝标题": o.Title, "宝贝种类": "1", "物流单号": o.TrackingNo,
		"物流公司": o.Carrier, "订单备注": o.Memo, "宝贝总数量": fmt.Sprint(o.Items), "店铺名称": o.Shop,
		"退款金额": Yuan(o.RefundFen), "是否手机订单": "手机订单", "买家支付积分": "0", "返点积分": "0",
		"买家实际支付积分": "0", "订单关闭原因": o.CloseReason,
	}
	row := make([]string, len(TaobaoOrderHeader))
	for i, h := range TaobaoOrderHeader {
		row[i] = cells[h]
	}
	return row
}

func maskName(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[0]) + "**"
}

// CSVOptions control the quirks a CSV is written with.
type CSVOptions struct {
	GBK       bool // encode as GBK (what the Taobao back office writes); else UTF-8
	BOM       bool // UTF-8 with BOM (ignored with GBK)
	ExcelText bool // write every value as ="…"
	Preamble  []string
	Footer    []string
}

// WriteCSV writes header and rows to path with the given quirks.
func WriteCSV(path string, header []string, rows [][]string, opt CSVOptions) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write %s: %w", path, cerr)
		}
	}()
	var w io.Writer = f
	if opt.GBK {
		tw := transform.NewWriter(f, simplifiedchinese.GBK.NewEncoder())
		defer func() {
			if cerr := tw.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("write %s: %w", path, cerr)
			}
		}()
		w = tw
	} else if opt.BOM {
		if _, err := f.Write([]byte{0xEF, 0xBB, 0xBF}); err != nil {
			return err
		}
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	for _, l := range opt.Preamble {
		fmt.Fprintf(bw, "%s\r\n", l)
	}
	writeLine(bw, header, false)
	for _, r := range rows {
		writeLine(bw, r, opt.ExcelText)
	}
	for _, l := range opt.Footer {
		fmt.Fprintf(bw, "%s\r\n", l)
	}
	return bw.Flush()
}

func writeLine(w *bufio.Writer, cells []string, excelText bool) {
	for i, c := range cells {
		if i > 0 {
			w.WriteByte(',')
		}
		switch {
		case excelText:
			w.WriteString(`="` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		case strings.ContainsAny(c, ",\"\r\n"):
			w.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		default:
			w.WriteString(c)
		}
	}
	w.WriteString("\r\n")
}

// QianniuSubOrder is one row of the 千牛 sub-order export (xlsx).
type QianniuSubOrder struct {
	SubOrderNo, OrderNo, Title, Status, SkuCode, RefundStatus, TrackingNo, Carrier, Buyer string
	PriceFen, PayFen, RefundFen, LateCompFen                                              int64
	Quantity                                                                              int
	CreatedAt, PaidAt, ShippedAt                                                          string
	Compensated                                                                           bool
}

// QianniuSubOrderHeader is the 29-column header of the 千牛 sub-order export.
var QianniuSubOrderHeader = []string{
	"子订单编号", "主订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注",
	"订单状态", "商家编码", "支付单号", "买家应付货款", "买家实际支付金额", "退款状态", "退款金额",
	"订单创建时间", "订单付款时间", "商品ID", "分阶段信息", "发货时间", "物流单号", "物流公司",
	"是否赔付", "延迟发货主动赔付金额", "买家会员名", "主订单备注", "是否主动赔付", "赔付单号",
}

// Row returns the sub-order's cells in QianniuSubOrderHeader order.
func (o QianniuSubOrder) Row() []string {
	comp := "否"
	if o.Compensated {
		comp = "是"
	}
	cells := map[string]string{
		"子订单编号": o.SubOrderNo, "主订单编号": o.OrderNo, "标题": o.Title, "价格": Yuan(o.PriceFen),
		"购买数量": fmt.Sprint(o.Quantity), "订单状态": o.Status, "商家编码": o.SkuCode,
		"买家应付货款": Yuan(o.PayFen), "买家实际支付金额": Yuan(o.PayFen), "退款状态": o.RefundStatus,
		"退款金额": Yuan(o.RefundFen), "订单创建时间": o.CreatedAt, "订单付款时间": o.PaidAt,
		"发货时间": o.ShippedAt, "物流单号": o.TrackingNo, "物流公司": o.Carrier, "是否赔付": comp,
		"延迟发货主动赔付金额": Yuan(o.LateCompFen), "买家会员名": o.Buyer,
	}
	row := make([]string, len(QianniuSubOrderHeader))
	for i, h := range QianniuSubOrderHeader {
		row[i] = cells[h]
	}
	return row
}

// WriteXLSX writes one sheet named sheet with header and rows, every cell as text (as the
// 千牛 export does for order numbers), streaming so large files stay small in memory.
func WriteXLSX(path, sheet string, header []string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	put := func(n int, cells []string) error {
		vals := make([]any, len(cells))
		for i, c := range cells {
			vals[i] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		return sw.SetRow(cell, vals)
	}
	if err := put(1, header); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	for i, r := range rows {
		if err := put(i+2, r); err != nil {
			return fmt.Errorf("write %s: row %d: %w", path, i+2, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.SaveAs(path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
