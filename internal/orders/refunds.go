package orders

import (
	"context"
	"fmt"

	"shopdesk/db/sqldb"
)

// Normalised refund states (refund.status); the platform's own words are in StatusText.
const (
	RefundOpen     = "open"     // still being handled: 买家已经申请退款，等待卖家同意, 待商家处理 …
	RefundRefunded = "refunded" // 退款成功, 售后成功 …
	RefundClosed   = "closed"   // 退款关闭, 卖家拒绝退款, 售后关闭, 驳回 …
)

// Refund is one refund or after-sale of an order, from the platforms' refund exports
// (淘宝 退款报表, 拼多多 售后). Money in fen; times shop-local "YYYY-MM-DD HH:MM:SS" or "".
type Refund struct {
	ID               int64  `json:"id"`
	RefundNo         string `json:"refundNo"` // exact text
	SubOrderNo       string `json:"subOrderNo"`
	Status           string `json:"status"` // RefundOpen, RefundRefunded, RefundClosed
	StatusText       string `json:"statusText"`
	Kind             string `json:"kind"` // 仅退款, 退货退款, 换货 … as the platform says
	AmountFen        int64  `json:"amountFen"`
	AppliedAt        string `json:"appliedAt"`
	DeadlineAt       string `json:"deadlineAt"`
	GoodsStatus      string `json:"goodsStatus"`
	ReturnTrackingNo string `json:"returnTrackingNo"`
	ReturnCarrier    string `json:"returnCarrier"`
	Reason           string `json:"reason"`
	Title            string `json:"title"`
	FinishedAt       string `json:"finishedAt"`
}

// Refunds returns the refunds of the order shopID/orderNo (whichever of the order and its
// refunds was imported first), newest applied first; [] when it has none.
func Refunds(ctx context.Context, db sqldb.DBTX, shopID int64, orderNo string) ([]Refund, error) {
	rows, err := sqldb.New(db).OrderRefunds(ctx, sqldb.OrderRefundsParams{ShopID: shopID, OrderNo: orderNo})
	if err != nil {
		return nil, fmt.Errorf("refunds of order %s (shop %d): %w", orderNo, shopID, err)
	}
	out := make([]Refund, len(rows))
	for i, r := range rows {
		out[i] = Refund(r)
	}
	return out, nil
}
