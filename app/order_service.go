package app

import "shopdesk/internal/orders"

// OrderService lists orders a page at a time.
type OrderService struct{ env *env }

// List returns one page of orders matching q.
func (s *OrderService) List(q orders.Query) (orders.Page, error) {
	return orders.List(s.env.ctx, s.env.db.SQL, q)
}

// Refunds returns the refunds and after-sales of one order, newest first.
func (s *OrderService) Refunds(shopID int64, orderNo string) ([]orders.Refund, error) {
	return orders.Refunds(s.env.ctx, s.env.db.SQL, shopID, orderNo)
}
