package app

import "shopdesk/internal/orders"

// OrderService lists orders a page at a time.
type OrderService struct{ env *env }

// List returns one page of orders matching q.
func (s *OrderService) List(q orders.Query) (orders.Page, error) {
	return orders.List(s.env.ctx, s.env.db.SQL, q)
}
