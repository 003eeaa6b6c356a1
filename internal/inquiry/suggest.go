package inquiry

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"shopdesk/db/sqldb"
)

// Type-ahead of the entry grid: customers seen before (with their history), products from
// the imported orders, regions.

// CustomerHint is a customer seen before: in the register or as an order's buyer.
type CustomerHint struct {
	Name      string `json:"name"`
	Inquiries int64  `json:"inquiries"`
	Orders    int64  `json:"orders"`
	LastDay   string `json:"lastDay"`
}

// SuggestCustomers returns up to 10 customers whose name starts with prefix, most recent first.
func (s *Store) SuggestCustomers(ctx context.Context, prefix string) ([]CustomerHint, error) {
	prefix = strings.TrimSpace(prefix)
	if prefix == "" {
		return []CustomerHint{}, nil
	}
	rows, err := s.db.Queries().SuggestCustomers(ctx, sqldb.SuggestCustomersParams{Prefix: prefix,
		PrefixEnd: prefix + "\U0010FFFF", Lim: 10})
	if err != nil {
		return nil, fmt.Errorf("suggest customers %s: %w", prefix, err)
	}
	out := make([]CustomerHint, 0, len(rows))
	for _, r := range rows {
		out = append(out, CustomerHint{Name: r.Name, Inquiries: r.Inquiries, Orders: r.Orders, LastDay: r.LastDay})
	}
	return out, nil
}

// PastInquiry is one earlier inquiry of a customer, as the history shows it.
type PastInquiry struct {
	ID           int64  `json:"id"`
	AskedOn      string `json:"askedOn"`
	Channel      string `json:"channel"`
	CustomerType string `json:"customerType"`
	Products     string `json:"products"`
	Region       string `json:"region"`
	Outcome      string `json:"outcome"`
	AmountFen    int64  `json:"amountFen"`
	Reason       string `json:"reason"`
	FollowNote   string `json:"followNote"`
	AgentID      int64  `json:"agentId"`
	AgentName    string `json:"agentName"`
}

// PastOrder is one of the customer's imported orders.
type PastOrder struct {
	ShopName   string `json:"shopName"`
	OrderNo    string `json:"orderNo"`
	Status     string `json:"status"`
	StatusText string `json:"statusText"`
	PayFen     int64  `json:"payFen"`
	Title      string `json:"title"`
	CreatedAt  string `json:"createdAt"`
}

// History is what the register knows of a customer: the entry fills the row's customer
// type and region from it and shows it beside the grid.
type History struct {
	Customer     string        `json:"customer"`
	CustomerType string        `json:"customerType"` // of the latest inquiry
	Region       string        `json:"region"`       // of the latest inquiry, else the province of the latest order
	Inquiries    []PastInquiry `json:"inquiries"`    // latest 10
	Orders       []PastOrder   `json:"orders"`       // latest 10
	PaidOrders   int64         `json:"paidOrders"`
	PaidFen      int64         `json:"paidFen"`
	FollowUps    []FollowUp    `json:"followUps"` // open
}

// CustomerHistory returns a customer's history (empty for a new customer).
func (s *Store) CustomerHistory(ctx context.Context, customer string) (History, error) {
	customer = strings.TrimSpace(customer)
	h := History{Customer: customer, Inquiries: []PastInquiry{}, Orders: []PastOrder{}, FollowUps: []FollowUp{}}
	if customer == "" {
		return h, nil
	}
	q := s.db.Queries()
	inq, err := q.CustomerInquiries(ctx, sqldb.CustomerInquiriesParams{Customer: customer, Lim: 10})
	if err != nil {
		return h, fmt.Errorf("history of %s: %w", customer, err)
	}
	for _, r := range inq {
		h.Inquiries = append(h.Inquiries, PastInquiry{ID: r.ID, AskedOn: r.AskedOn, Channel: r.Channel,
			CustomerType: r.CustomerType, Products: r.Products, Region: r.Region, Outcome: r.Outcome,
			AmountFen: r.AmountFen, Reason: r.Reason, FollowNote: r.FollowNote, AgentID: val(r.AgentID),
			AgentName: r.AgentName})
		if h.CustomerType == "" {
			h.CustomerType = r.CustomerType
		}
		if h.Region == "" {
			h.Region = r.Region
		}
	}
	orders, err := q.CustomerOrders(ctx, sqldb.CustomerOrdersParams{Customer: customer, Lim: 10})
	if err != nil {
		return h, fmt.Errorf("orders of %s: %w", customer, err)
	}
	for _, o := range orders {
		h.Orders = append(h.Orders, PastOrder{ShopName: o.ShopName, OrderNo: o.OrderNo, Status: o.Status,
			StatusText: o.StatusText, PayFen: o.PayFen, Title: o.Title, CreatedAt: o.CreatedAt})
		if h.Region == "" {
			h.Region = Province(o.Address)
		}
	}
	tot, err := q.CustomerOrderTotals(ctx, customer)
	if err != nil {
		return h, fmt.Errorf("order totals of %s: %w", customer, err)
	}
	h.PaidOrders, h.PaidFen = tot.Orders, tot.PayFen
	fus, err := q.UpcomingFollowUps(ctx, customer)
	if err != nil {
		return h, fmt.Errorf("follow-ups of %s: %w", customer, err)
	}
	for _, f := range fus {
		h.FollowUps = append(h.FollowUps, FollowUp{ID: f.ID, Customer: f.Customer, Kind: f.Kind, DueOn: f.DueOn,
			Step: f.Step, InquiryID: val(f.InquiryID), AgentID: val(f.AgentID), AgentName: f.AgentName, State: f.State})
	}
	return h, nil
}

// Provinces are the regions the entry offers first (the provinces of mainland China, with
// the short names sellers write).
var Provinces = []string{"北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
	"安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南",
	"西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾"}

// Province is the province an order address starts with ("浙江省 杭州市 …" -> "浙江"), or "".
func Province(address string) string {
	address = strings.TrimSpace(address)
	for _, p := range Provinces {
		if strings.HasPrefix(address, p) {
			return p
		}
	}
	return ""
}

// Regions returns the regions to offer: the ones the register uses most, then the provinces.
func (s *Store) Regions(ctx context.Context) ([]string, error) {
	used, err := s.db.Queries().RegionNames(ctx)
	if err != nil {
		return nil, fmt.Errorf("regions: %w", err)
	}
	out := slices.Clone(used)
	for _, p := range Provinces {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out, nil
}

// SuggestProducts returns up to 12 product names containing text (order item titles,
// merchant codes, products the register names), shortest first.
func (s *Store) SuggestProducts(ctx context.Context, text string) ([]string, error) {
	text = strings.TrimSpace(text)
	names, err := s.productNames(ctx)
	if err != nil {
		return nil, err
	}
	out := []string{}
	lower := strings.ToLower(text)
	for _, n := range names {
		if text == "" || strings.Contains(strings.ToLower(n), lower) {
			out = append(out, n)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return len(a) - len(b) })
	return out[:min(12, len(out))], nil
}

// productNames returns the distinct product names, read again when an import happened
// (the distinct titles of millions of order items take a while: not on every key stroke).
func (s *Store) productNames(ctx context.Context) ([]string, error) {
	q := s.db.Queries()
	v, err := q.ProductNamesVersion(ctx)
	if err != nil {
		return nil, fmt.Errorf("product names: %w", err)
	}
	s.productsMu.Lock()
	defer s.productsMu.Unlock()
	if s.products != nil && s.productsVersion == [2]int64{v.Batches, v.BatchCount} {
		return s.products, nil
	}
	names, err := q.ProductNames(ctx)
	if err != nil {
		return nil, fmt.Errorf("product names: %w", err)
	}
	s.products, s.productsVersion = names, [2]int64{v.Batches, v.BatchCount}
	return names, nil
}

// rememberProducts adds the products of a written row to the cached names.
func (s *Store) rememberProducts(products []string) {
	s.productsMu.Lock()
	defer s.productsMu.Unlock()
	if s.products == nil {
		return
	}
	for _, p := range products {
		if !slices.Contains(s.products, p) {
			s.products = append(s.products, p)
		}
	}
}
