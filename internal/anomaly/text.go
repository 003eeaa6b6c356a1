package anomaly

import (
	"fmt"
	"strconv"
	"strings"

	"shopdesk/internal/shop"
)

// Chinese words for the command line and the Excel export (the UI has its own, i18n).

// KindName is the Chinese name of a kind.
var KindName = map[string]string{
	KindOverdueShipment: "超时未发货", KindDueSoon: "即将超时", KindLateShipComp: "延迟发货赔付",
	KindRefund: "退款/售后", KindLogistics: "物流异常", KindClosedPaid: "付款后关闭", KindUnpaid: "待催付",
	KindBigOrder: "大额订单", KindBuyerMessage: "买家留言", KindComplaint: "投诉",
}

// StateName is the Chinese name of a state.
var StateName = map[string]string{
	StateOpen: "待处理", StateInProgress: "处理中", StateResolved: "已解决", StateIgnored: "已忽略",
}

var channelName = map[string]string{
	"platform": "平台客服/工单", "chat": "旺旺/千牛聊天", "phone": "电话", "wechat": "微信", "regulator": "12315/监管部门", "other": "其他",
}

var severityName = map[string]string{"normal": "一般", "serious": "严重", "urgent": "紧急"}

func yuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return fmt.Sprintf("%s¥%d.%02d", sign, fen/100, fen%100)
}

func fenText(s string) string {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return s
	}
	return yuan(n)
}

// Describe says in Chinese what the rule saw, for the export and the command line.
func Describe(a Anomaly) string {
	switch a.Kind {
	case KindOverdueShipment, KindDueSoon:
		switch a.Basis {
		case BasisPromised:
			return "承诺发货时间 " + a.Deadline
		case BasisCreatedPlus:
			return "没有付款时间：按下单后的发货时限计算，截止 " + a.Deadline
		}
		return "导出文件没有承诺发货时间：按付款后的发货时限计算，截止 " + a.Deadline
	case KindLogistics:
		switch a.Basis {
		case BasisReturnBill:
			return "出现退货运单 " + a.Detail
		case BasisEstimated:
			return "发货时间是估算的（导出文件没有发货时间）；" + a.Detail
		}
		return "发货后还没有签收：" + a.Detail
	case KindRefund:
		switch a.Basis {
		case BasisRefundAmount:
			return "订单有退款金额 " + yuan(a.AmountFen) + "，导出文件没有退款状态"
		case BasisAfterSale:
			return "售后：" + a.Detail + "，订单金额 " + yuan(a.AmountFen)
		}
		return strings.TrimSpace(a.Detail + " " + yuan(a.AmountFen))
	case KindClosedPaid:
		return "付款后关闭：" + a.Detail
	case KindLateShipComp:
		return "平台已向买家赔付 " + yuan(a.AmountFen)
	case KindUnpaid:
		return "未付款，平台约在 " + a.Deadline + " 自动关闭"
	case KindBigOrder:
		switch a.Basis {
		case BasisMedian:
			return "金额 " + yuan(a.AmountFen) + "，店铺近期中位数 " + fenText(a.Detail)
		case BasisFixed:
			return "金额 " + yuan(a.AmountFen) + " 超过 " + fenText(a.Detail)
		}
		return "件数超过 " + a.Detail + " 件"
	case KindBuyerMessage:
		switch a.Basis {
		case BasisAddress:
			return "买家修改了收货地址"
		case BasisMessageAddr:
			return "买家修改了收货地址；留言：" + a.Detail
		}
		return "买家留言：" + a.Detail
	case KindComplaint:
		return "（" + severityName[a.Basis] + "）" + a.Detail
	}
	return a.Detail
}

// ReasonText says in Chinese why the data cleared an anomaly.
func ReasonText(code, detail string) string {
	switch code {
	case "order_gone":
		return "订单已不在（导入已撤销）"
	case "status":
		return "订单状态已变为“" + detail + "”"
	case "expired":
		return "下单已超过催付时限，平台通常已自动关闭订单"
	case "aged_out":
		return "已超过回看天数"
	case "refund_done":
		return "退款/售后已处理完"
	case "complaint_deleted":
		return "投诉登记已删除"
	}
	return "数据已不再显示此异常"
}

// NoticeText says in Chinese what a rule lacked for a shop and what it did instead.
func NoticeText(n Notice) string {
	who := fmt.Sprintf("%s店铺“%s”", shop.PlatformName[n.Platform], n.ShopName)
	switch n.Code {
	case "no_promised_time":
		return fmt.Sprintf("%s：%d 个待发货订单的导出文件没有承诺发货时间，超时未发货按付款后 %d 小时计算", who, n.Count, n.Value)
	case "no_shipped_time":
		return fmt.Sprintf("%s：%d 个已发货订单的导出文件没有发货时间，物流异常按导入记录或付款后 %d 小时估算发货时间", who, n.Count, n.Value)
	case "few_orders":
		return fmt.Sprintf("%s：近期只有 %d 笔订单（少于 %d 笔），大额订单不按中位数判断，只看固定金额和件数", who, n.Count, n.Value)
	case "no_refund_status":
		return fmt.Sprintf("%s：还没有导入过带退款状态的文件（退款报表或子订单导出），退款/售后只能看订单的退款金额", who)
	case "no_comp_data":
		return fmt.Sprintf("%s：这个平台的订单导出没有延迟发货赔付信息，无法检查延迟发货赔付", who)
	}
	return who + "：" + n.Code
}
