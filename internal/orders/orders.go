// Package orders lists imported orders a page at a time, with keyset pagination so the
// webview never holds a whole table.
package orders

// Status codes are the normalised order states; the platform's own text is kept in StatusText.
const (
	StatusUnpaid    = "unpaid"    // 等待买家付款
	StatusToShip    = "to_ship"   // 买家已付款，等待卖家发货
	StatusShipped   = "shipped"   // 卖家已发货，等待买家确认
	StatusCompleted = "completed" // 交易成功
	StatusClosed    = "closed"    // 交易关闭
	StatusUnknown   = "unknown"   // a text no rule knows yet (kept as exported)
)

// Query selects a page of orders. Zero values mean "no filter".
type Query struct {
	ShopID int64  `json:"shopId"`
	Status string `json:"status"`
	From   string `json:"from"`   // YYYY-MM-DD, shop-local, inclusive (order created time)
	To     string `json:"to"`     // YYYY-MM-DD, shop-local, inclusive
	Search string `json:"search"` // exact order number, or buyer name
	// OpenRefund keeps only orders with a refund or after-sale still open (有售后).
	OpenRefund bool   `json:"openRefund"`
	Cursor     string `json:"cursor"` // opaque; "" for the first page, else Page.NextCursor
	Limit      int    `json:"limit"`  // 1..200, default 50
}

// Page is one page of orders, newest created first.
type Page struct {
	Rows       []Order `json:"rows"`
	NextCursor string  `json:"nextCursor"` // "" when this is the last page
	// Total is the number of rows matching the filters, counted on the first page only
	// (a count walks the whole index); later pages carry -1.
	Total int64 `json:"total"`
}

// Order is one order as the list shows it. Money is in fen; times are shop-local
// "YYYY-MM-DD HH:MM:SS" ("" when the export has none).
type Order struct {
	ID         int64  `json:"id"`
	ShopID     int64  `json:"shopId"`
	ShopName   string `json:"shopName"`
	Platform   string `json:"platform"`
	OrderNo    string `json:"orderNo"`
	Buyer      string `json:"buyer"`
	Status     string `json:"status"`
	StatusText string `json:"statusText"`
	PayFen     int64  `json:"payFen"`
	RefundFen  int64  `json:"refundFen"`
	Title      string `json:"title"`
	ItemCount  int64  `json:"itemCount"`
	Address    string `json:"address"`
	CreatedAt  string `json:"createdAt"`
	PaidAt     string `json:"paidAt"`
	ShippedAt  string `json:"shippedAt"`
	TrackingNo string `json:"trackingNo"`
	Carrier    string `json:"carrier"`
}
