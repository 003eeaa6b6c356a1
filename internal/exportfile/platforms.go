package exportfile

import "fmt"

// Writers for the order exports of the other back offices: a header row as the platform
// writes it and a row type whose Row (or Rows, when one order spans several lines) puts
// the values under it. Money is in fen, times "YYYY-MM-DD HH:MM:SS" or "". How each is
// written: 千牛 order list and 1688 as xlsx (WriteXLSX); 宝贝报表 and JD as GBK CSV (JD
// says GB2312; GBK is its superset); 拼多多 as UTF-8 CSV with BOM; 抖店 and 快手 as UTF-8
// CSV (CSVOptions).

// rowFor lays cells (by header name) out in header order; headers without a value stay "".
func rowFor(header []string, cells map[string]string) []string {
	row := make([]string, len(header))
	for i, h := range header {
		row[i] = cells[h]
	}
	return row
}

// QianniuOrderHeader is the 21-column order list 千牛 exports: no buyer name, the address
// masked, and 买家实付金额 where the classic 订单报表 says 买家实际支付金额.
var QianniuOrderHeader = []string{
	"订单编号", "买家应付货款", "买家应付邮费", "总金额", "买家实付金额", "订单状态", "买家留言",
	"收货地址", "运送方式", "订单创建时间", "订单付款时间", "发货时间", "宝贝标题", "宝贝种类",
	"物流单号", "物流公司", "订单备注", "宝贝总数量", "店铺名称", "退款金额", "确认收货时间",
}

// QianniuOrder is one row of the 千牛 order list. Address is written as given (the back
// office masks it, e.g. "浙江省 杭州市 西湖区 ****").
type QianniuOrder struct {
	OrderNo, Status, Address, Title, TrackingNo, Carrier, Shop, Message, Memo string
	PayFen, RefundFen                                                         int64
	Items                                                                     int
	CreatedAt, PaidAt, ShippedAt                                              string
}

// Row returns the order's cells in QianniuOrderHeader order.
func (o QianniuOrder) Row() []string {
	return rowFor(QianniuOrderHeader, map[string]string{
		"订单编号": o.OrderNo, "买家应付货款": Yuan(o.PayFen), "买家应付邮费": "0.00", "总金额": Yuan(o.PayFen),
		"买家实付金额": Yuan(o.PayFen), "订单状态": o.Status, "买家留言": o.Message, "收货地址": o.Address,
		"运送方式": "快递", "订单创建时间": o.CreatedAt, "订单付款时间": o.PaidAt, "发货时间": o.ShippedAt,
		"宝贝标题": o.Title, "宝贝种类": "1", "物流单号": o.TrackingNo, "物流公司": o.Carrier, "订单备注": o.Memo,
		"宝贝总数量": fmt.Sprint(o.Items), "店铺名称": o.Shop, "退款金额": Yuan(o.RefundFen),
	})
}

// TaobaoItemReportHeader is the 宝贝报表 (ExportOrderDetailList*.csv) exported next to the
// 订单报表: one row per product line, no sub-order number and no times.
var TaobaoItemReportHeader = []string{
	"订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态", "商家编码",
}

// TaobaoItemLine is one row of the 宝贝报表.
type TaobaoItemLine struct {
	OrderNo, Title, Props, Status, SkuCode, Memo string
	PriceFen                                     int64
	Quantity                                     int
}

// Row returns the line's cells in TaobaoItemReportHeader order.
func (l TaobaoItemLine) Row() []string {
	return rowFor(TaobaoItemReportHeader, map[string]string{
		"订单编号": l.OrderNo, "标题": l.Title, "价格": Yuan(l.PriceFen), "购买数量": fmt.Sprint(l.Quantity),
		"商品属性": l.Props, "备注": l.Memo, "订单状态": l.Status, "商家编码": l.SkuCode,
	})
}

// JDOrderHeader is the JD POP 订单导出 (商家后台 订单管理 → 导出), one row per product line;
// every line repeats the order's columns.
var JDOrderHeader = []string{
	"订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价", "订单金额", "结算金额",
	"余额支付", "应付金额", "订单状态", "订单类型", "下单帐号", "客户姓名", "客户地址", "联系电话",
	"订单备注", "发票类型", "发票抬头", "发票内容", "商家备注", "商家备注等级（等级1-5为由高到低）",
	"运费金额", "付款确认时间", "增值税发票", "货号", "订单完成时间", "订单来源", "订单渠道", "送装服务", "服务费",
}

// JDOrder is one JD order; Rows writes one line per item.
type JDOrder struct {
	OrderNo, Status, Customer, Address, BuyerNote, SellerMemo string
	TotalFen, PayFen                                          int64
	CreatedAt, PaidAt                                         string
	Items                                                     []JDItem
}

// JDItem is one product line of a JD order.
type JDItem struct {
	ProductID, Title, SkuCode string
	PriceFen                  int64
	Quantity                  int
}

// Rows returns the order's lines in JDOrderHeader order.
func (o JDOrder) Rows() [][]string {
	out := make([][]string, 0, len(o.Items))
	for _, it := range o.Items {
		out = append(out, rowFor(JDOrderHeader, map[string]string{
			"订单号": o.OrderNo, "商品ID": it.ProductID, "商品名称": it.Title, "订购数量": fmt.Sprint(it.Quantity),
			"支付方式": "在线支付", "下单时间": o.CreatedAt, "京东价": Yuan(it.PriceFen), "订单金额": Yuan(o.TotalFen),
			"结算金额": Yuan(o.PayFen), "余额支付": "0.00", "应付金额": Yuan(o.PayFen), "订单状态": o.Status,
			"订单类型": "SOP", "下单帐号": "jd_" + maskName(o.Customer), "客户姓名": o.Customer, "客户地址": o.Address,
			"联系电话": "138****0000", "订单备注": o.BuyerNote, "商家备注": o.SellerMemo, "运费金额": "0.00",
			"付款确认时间": o.PaidAt, "货号": it.SkuCode, "订单来源": "京东APP", "订单渠道": "普通订单",
		}))
	}
	return out
}

// PDDOrderHeader is the 拼多多 order export (UTF-8 with BOM), one row per order.
var PDDOrderHeader = []string{
	"商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)", "多多支付立减金额(元)",
	"邮费(元)", "用户实付金额(元)", "商家实收金额(元)", "商品数量(件)", "身份证姓名", "身份证号码", "收货人",
	"手机", "是否审核中", "省", "市", "区", "街道", "订单成交时间", "支付时间", "拼单成功时间", "订单确认时间",
	"承诺发货时间", "发货时间", "确认收货时间", "商品id", "商品规格", "用户购买手机号", "样式ID",
	"商家编码-SKU维度", "商家编码-商品维度", "快递单号", "快递公司", "是否抽奖或0元试用", "商家备注",
	"售后状态", "买家留言",
}

// PDDOrder is one row of the 拼多多 export.
type PDDOrder struct {
	OrderNo, Status, Title, Spec, SkuCode, Receiver           string
	Province, City, District, Street                          string
	TrackingNo, Carrier, AfterSale, Message, Memo             string
	GoodsFen, PayFen                                          int64
	Quantity                                                  int
	CreatedAt, PaidAt, PromisedShipAt, ShippedAt, ConfirmedAt string
}

// Row returns the order's cells in PDDOrderHeader order.
func (o PDDOrder) Row() []string {
	return rowFor(PDDOrderHeader, map[string]string{
		"商品": o.Title, "订单号": o.OrderNo, "订单状态": o.Status, "商品总价(元)": Yuan(o.GoodsFen),
		"店铺优惠折扣(元)": Yuan(o.GoodsFen - o.PayFen), "平台优惠折扣(元)": "0.00", "多多支付立减金额(元)": "0.00",
		"邮费(元)": "0.00", "用户实付金额(元)": Yuan(o.PayFen), "商家实收金额(元)": Yuan(o.PayFen),
		"商品数量(件)": fmt.Sprint(o.Quantity), "收货人": o.Receiver, "手机": "[8613800000000]", "是否审核中": "否",
		"省": o.Province, "市": o.City, "区": o.District, "街道": o.Street, "订单成交时间": o.CreatedAt,
		"支付时间": o.PaidAt, "拼单成功时间": o.PaidAt, "订单确认时间": o.PaidAt, "承诺发货时间": o.PromisedShipAt,
		"发货时间": o.ShippedAt, "确认收货时间": o.ConfirmedAt, "商品规格": o.Spec, "商家编码-SKU维度": o.SkuCode,
		"快递单号": o.TrackingNo, "快递公司": o.Carrier, "是否抽奖或0元试用": "否", "商家备注": o.Memo,
		"售后状态": o.AfterSale, "买家留言": o.Message,
	})
}

// DouyinSubOrderHeader is the 抖店 order export at sub-order level (UTF-8 CSV): one row
// per 子订单, the 主订单 columns repeated. DouyinOrderHeader is the main-order level.
var DouyinSubOrderHeader = []string{
	"主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码", "商品单价",
	"订单应付金额", "运费", "优惠总金额", "平台优惠", "商家优惠", "达人优惠", "支付方式", "手续费",
	"收件人", "收件人手机号", "省", "市", "区", "街道", "详细地址", "是否修改过地址", "买家留言",
	"订单提交时间", "支付完成时间", "承诺发货时间", "订单完成时间", "订单状态", "售后状态", "取消原因",
	"发货时间", "快递公司", "快递单号", "商家备注", "旗帜颜色", "达人ID", "达人昵称", "广告渠道",
	"流量来源", "订单类型", "APP渠道",
}

// DouyinOrderHeader is the main-order level of the 抖店 export: no 子订单编号.
var DouyinOrderHeader = without(DouyinSubOrderHeader, "子订单编号")

func without(header []string, drop string) []string {
	out := make([]string, 0, len(header))
	for _, h := range header {
		if h != drop {
			out = append(out, h)
		}
	}
	return out
}

// DouyinOrder is one row of either 抖店 export: a sub-order (Row) or, with SubOrderNo
// ignored, a main order (MainRow).
type DouyinOrder struct {
	OrderNo, SubOrderNo, Title, Spec, SkuCode, ProductID, Receiver string
	Province, City, District, Street, Detail                       string
	Status, AfterSale, CancelReason, Message, Memo                 string
	TrackingNo, Carrier                                            string
	PriceFen, PayFen                                               int64
	Quantity                                                       int
	AddressChanged                                                 bool
	CreatedAt, PaidAt, PromisedShipAt, ShippedAt, FinishedAt       string
}

func (o DouyinOrder) cells() map[string]string {
	changed := "否"
	if o.AddressChanged {
		changed = "是"
	}
	return map[string]string{
		"主订单编号": o.OrderNo, "子订单编号": o.SubOrderNo, "选购商品": o.Title, "商品规格": o.Spec,
		"商品数量": fmt.Sprint(o.Quantity), "商品ID": o.ProductID, "商家编码": o.SkuCode, "商品单价": Yuan(o.PriceFen),
		"订单应付金额": Yuan(o.PayFen), "运费": "0.00", "优惠总金额": Yuan(o.PriceFen*int64(o.Quantity) - o.PayFen),
		"支付方式": "抖音支付", "手续费": "0.00", "收件人": o.Receiver, "收件人手机号": "138****0000",
		"省": o.Province, "市": o.City, "区": o.District, "街道": o.Street, "详细地址": o.Detail,
		"是否修改过地址": changed, "买家留言": o.Message, "订单提交时间": o.CreatedAt, "支付完成时间": o.PaidAt,
		"承诺发货时间": o.PromisedShipAt, "订单完成时间": o.FinishedAt, "订单状态": o.Status,
		"售后状态": o.AfterSale, "取消原因": o.CancelReason, "发货时间": o.ShippedAt, "快递公司": o.Carrier,
		"快递单号": o.TrackingNo, "商家备注": o.Memo, "流量来源": "直播", "订单类型": "普通订单", "APP渠道": "抖音",
	}
}

// Row returns the sub-order's cells in DouyinSubOrderHeader order.
func (o DouyinOrder) Row() []string { return rowFor(DouyinSubOrderHeader, o.cells()) }

// MainRow returns the order's cells in DouyinOrderHeader order.
func (o DouyinOrder) MainRow() []string { return rowFor(DouyinOrderHeader, o.cells()) }

// KuaishouOrderHeader is a 快手小店 order export (UTF-8 CSV), one row per order. It was
// put together from the fields the back office shows, not from a real file: when one
// turns up, its header is a change to layouts.json and here, not to the importer.
var KuaishouOrderHeader = []string{
	"订单号", "订单创建时间", "支付时间", "订单状态", "商品名称", "商品ID", "SKU编码", "商品规格", "商品单价",
	"商品数量", "实付款", "运费", "收货人", "收货人电话", "收货地址", "买家留言", "商家备注", "快递公司",
	"快递单号", "发货时间", "售后状态",
}

// KuaishouOrder is one row of the 快手 export.
type KuaishouOrder struct {
	OrderNo, Status, Title, Spec, SkuCode, Receiver, Address, Message, Memo string
	TrackingNo, Carrier, AfterSale                                          string
	PriceFen, PayFen                                                        int64
	Quantity                                                                int
	CreatedAt, PaidAt, ShippedAt                                            string
}

// Row returns the order's cells in KuaishouOrderHeader order.
func (o KuaishouOrder) Row() []string {
	return rowFor(KuaishouOrderHeader, map[string]string{
		"订单号": o.OrderNo, "订单创建时间": o.CreatedAt, "支付时间": o.PaidAt, "订单状态": o.Status,
		"商品名称": o.Title, "SKU编码": o.SkuCode, "商品规格": o.Spec, "商品单价": Yuan(o.PriceFen),
		"商品数量": fmt.Sprint(o.Quantity), "实付款": Yuan(o.PayFen), "运费": "0.00", "收货人": o.Receiver,
		"收货人电话": "138****0000", "收货地址": o.Address, "买家留言": o.Message, "商家备注": o.Memo,
		"快递公司": o.Carrier, "快递单号": o.TrackingNo, "发货时间": o.ShippedAt, "售后状态": o.AfterSale,
	})
}

// Order1688Header is the 1688 order export (xlsx, 买家/卖家 工作台 → 订单 → 导出).
var Order1688Header = []string{
	"订单编号", "买家公司名", "买家会员名", "卖家公司名", "卖家会员名", "货品总价(元)", "运费(元)",
	"涨价或折扣(元)", "实付款(元)", "订单状态", "订单创建时间", "订单付款时间", "发货方", "收货人姓名",
	"收货地址", "邮编", "联系电话", "联系手机", "货品标题", "单价(元)", "数量", "单位", "货号", "型号",
	"Offer ID", "SKU ID", "物料编号", "单品货号", "物流公司", "运单号", "买家留言", "发票类型",
}

// Order1688 is one 1688 order; Rows writes it the way 1688 does: the order's columns on
// its first line only, each further item on a line of its own with 订单编号 and the other
// order columns empty.
type Order1688 struct {
	OrderNo, Buyer, BuyerCompany, Status, Receiver, Address, Carrier, TrackingNo, Message string
	GoodsFen, FreightFen, PayFen                                                          int64
	CreatedAt, PaidAt                                                                     string
	Items                                                                                 []Item1688
}

// Item1688 is one product line of a 1688 order.
type Item1688 struct {
	Title, SkuCode, SkuID, Unit string
	PriceFen                    int64
	Quantity                    int
}

// Rows returns the order's lines in Order1688Header order.
func (o Order1688) Rows() [][]string {
	out := make([][]string, 0, len(o.Items))
	for i, it := range o.Items {
		unit := it.Unit
		if unit == "" {
			unit = "件"
		}
		cells := map[string]string{
			"货品标题": it.Title, "单价(元)": Yuan(it.PriceFen), "数量": fmt.Sprint(it.Quantity), "单位": unit,
			"货号": it.SkuCode, "SKU ID": it.SkuID,
		}
		if i == 0 {
			for k, v := range map[string]string{
				"订单编号": o.OrderNo, "买家公司名": o.BuyerCompany, "买家会员名": o.Buyer, "货品总价(元)": Yuan(o.GoodsFen),
				"运费(元)": Yuan(o.FreightFen), "涨价或折扣(元)": Yuan(o.PayFen - o.GoodsFen - o.FreightFen),
				"实付款(元)": Yuan(o.PayFen), "订单状态": o.Status, "订单创建时间": o.CreatedAt, "订单付款时间": o.PaidAt,
				"发货方": "卖家", "收货人姓名": o.Receiver, "收货地址": o.Address, "物流公司": o.Carrier,
				"运单号": o.TrackingNo, "买家留言": o.Message,
			} {
				cells[k] = v
			}
		}
		out = append(out, rowFor(Order1688Header, cells))
	}
	return out
}
