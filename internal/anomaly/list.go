package anomaly

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/orders"
	"shopdesk/internal/shop"
)

// Query selects anomalies for the worklist. Zero values mean "no filter".
type Query struct {
	ShopID   int64  `json:"shopId"`
	Kind     string `json:"kind"`
	State    string `json:"state"`   // "" = open and in progress (待处理), a state, or "all"
	OwnerID  int64  `json:"ownerId"` // 0 = anyone, -1 = nobody yet
	Search   string `json:"search"`  // an exact order number
	Page     int    `json:"page"`    // 1-based
	PageSize int    `json:"pageSize"`
}

const (
	defaultPageSize = 50
	maxPageSize     = 200
	// StateOpenAll is the default filter: everything still to do (open and in progress).
	StateOpenAll = ""
	StateAll     = "all"
)

func (q Query) states() ([]string, error) {
	switch q.State {
	case StateOpenAll:
		return []string{StateOpen, StateInProgress}, nil
	case StateAll:
		return States, nil
	}
	if !slices.Contains(States, q.State) {
		return nil, fmt.Errorf("未知的处理状态“%s”", q.State)
	}
	return []string{q.State}, nil
}

// Anomaly is one row of the worklist. Times since and deadline are the shop's local time;
// detectedAt and updatedAt this computer's.
type Anomaly struct {
	ID              int64  `json:"id"`
	Rule            string `json:"rule"`
	Kind            string `json:"kind"`
	ShopID          int64  `json:"shopId"`
	ShopName        string `json:"shopName"`
	Platform        string `json:"platform"`
	OrderNo         string `json:"orderNo"`
	Subject         string `json:"subject"`
	Since           string `json:"since"`
	Deadline        string `json:"deadline"`
	Basis           string `json:"basis"`
	Detail          string `json:"detail"`
	AmountFen       int64  `json:"amountFen"`
	Active          bool   `json:"active"`
	State           string `json:"state"`
	Resolution      string `json:"resolution"`
	OwnerID         int64  `json:"ownerId"`
	OwnerName       string `json:"ownerName"`
	ClearedReason   string `json:"clearedReason"`
	ClearedDetail   string `json:"clearedDetail"`
	DetectedAt      string `json:"detectedAt"`
	UpdatedAt       string `json:"updatedAt"`
	Buyer           string `json:"buyer"`
	OrderStatus     string `json:"orderStatus"`
	OrderStatusText string `json:"orderStatusText"`
	PayFen          int64  `json:"payFen"`
	Title           string `json:"title"`
	Notes           int64  `json:"notes"`
	// MinutesLeft is the time to the deadline when the list was read, in the shop's own
	// time zone (negative: late); 0 without a deadline. The UI counts on from there.
	MinutesLeft int64 `json:"minutesLeft"`
}

// Page is one page of the worklist with the counts of every kind under the same filters.
type Page struct {
	Rows     []Anomaly `json:"rows"`
	Total    int64     `json:"total"` // rows matching the filters (all pages)
	Page     int       `json:"page"`
	PageSize int       `json:"pageSize"`
	Groups   []Group   `json:"groups"`  // every kind with anomalies under the filters but the kind
	Notices  []Notice  `json:"notices"` // what the rules lacked in the last evaluation
	Checked  string    `json:"checkedAt"`
}

// Group is one kind's count, and per shop.
type Group struct {
	Kind   string      `json:"kind"`
	Count  int64       `json:"count"`
	Newest string      `json:"newest"` // this computer's time of the newest detection
	Shops  []ShopCount `json:"shops"`
}

// ShopCount is one shop's count within a group.
type ShopCount struct {
	ShopID   int64  `json:"shopId"`
	ShopName string `json:"shopName"`
	Platform string `json:"platform"`
	Count    int64  `json:"count"`
}

// List returns one page of the worklist. Its counts come from anomaly_count (a few rows,
// kept by triggers) and its rows from the anomaly_list index (stream.go): a first page
// costs the same with 400,000 open anomalies as with 40.
func (s *Store) List(ctx context.Context, lq Query) (Page, error) {
	q := s.db.Queries()
	size := lq.PageSize
	if size <= 0 {
		size = defaultPageSize
	}
	size = min(size, maxPageSize)
	page := max(lq.Page, 1)
	lq.Page, lq.PageSize = page, size
	p, err := listPage(ctx, q, lq)
	if err != nil {
		return Page{}, err
	}
	if err := minutesLeft(ctx, q, p.Rows, time.Now()); err != nil {
		return Page{}, err
	}
	last := s.Last()
	p.Notices, p.Checked = last.Notices, last.CheckedAt
	if p.Notices == nil {
		p.Notices = []Notice{}
	}
	return p, nil
}

// listPage reads the counts and the rows of lq's page.
func listPage(ctx context.Context, q *sqldb.Queries, lq Query) (Page, error) {
	p := Page{Page: lq.Page, PageSize: lq.PageSize, Rows: []Anomaly{}}
	counts, err := readCounts(ctx, q, lq)
	if err != nil {
		return Page{}, err
	}
	if p.Groups, err = groups(ctx, q, counts); err != nil {
		return Page{}, err
	}
	for _, g := range p.Groups {
		if lq.Kind == "" || g.Kind == lq.Kind {
			p.Total += g.Count
		}
	}
	z, err := loadZones(ctx, q)
	if err != nil {
		return Page{}, err
	}
	skip := int64(lq.Page-1) * int64(lq.PageSize)
	err = walk(ctx, q, lq, counts, skip, int64(lq.PageSize), false, func(a Anomaly) error {
		z.row(&a)
		p.Rows = append(p.Rows, a)
		return nil
	})
	return p, err
}

// minutesLeft fills in each row's time to its deadline as of now, in its shop's zone.
func minutesLeft(ctx context.Context, q *sqldb.Queries, rows []Anomaly, now time.Time) error {
	shops, err := q.RuleShops(ctx)
	if err != nil {
		return fmt.Errorf("list anomalies: %w", err)
	}
	clocks := map[int64]time.Time{}
	for _, s := range shops {
		loc, err := time.LoadLocation(s.Timezone)
		if err != nil {
			loc, _ = time.LoadLocation(shop.DefaultTimezone)
		}
		clocks[s.ID], _ = At(now)(loc)
	}
	for i := range rows {
		d, ok := parseWall(rows[i].Deadline)
		c, known := clocks[rows[i].ShopID]
		if ok && known {
			rows[i].MinutesLeft = int64(d.Sub(c) / time.Minute)
		}
	}
	return nil
}

// listRows reads every row lq selects (the export: a workbook is made in memory anyway).
func listRows(ctx context.Context, q *sqldb.Queries, lq Query) ([]Anomaly, error) {
	out := []Anomaly{}
	err := stream(ctx, q, lq, false, nil, func(a Anomaly) error {
		out = append(out, a)
		return nil
	})
	return out, err
}

// stream calls begin with the counts (Total, Groups) of what lq selects, then each with
// every row of it, all pages, in the worklist's order; it keeps a few hundred rows in
// memory whatever their number.
func stream(ctx context.Context, q *sqldb.Queries, lq Query, brief bool, begin func(Page) error, each func(Anomaly) error) error {
	counts, err := readCounts(ctx, q, lq)
	if err != nil {
		return err
	}
	if begin != nil {
		p := Page{Page: 1, PageSize: -1, Rows: []Anomaly{}}
		if p.Groups, err = groups(ctx, q, counts); err != nil {
			return err
		}
		for _, g := range p.Groups {
			if lq.Kind == "" || g.Kind == lq.Kind {
				p.Total += g.Count
			}
		}
		if err := begin(p); err != nil {
			return err
		}
	}
	z, err := loadZones(ctx, q)
	if err != nil {
		return err
	}
	return walk(ctx, q, lq, counts, 0, -1, brief, func(a Anomaly) error {
		z.row(&a)
		return each(a)
	})
}

// count is one row of anomaly_count: the anomalies of a kind, state, shop and owner.
type count = sqldb.AnomalyCount

// readCounts returns the counts of the anomalies lq's state, shop, owner and search select
// (every kind: the groups show them all).
func readCounts(ctx context.Context, q *sqldb.Queries, lq Query) ([]count, error) {
	states, err := lq.states()
	if err != nil {
		return nil, err
	}
	var all []count
	if search := strings.TrimSpace(lq.Search); search != "" {
		rows, err := q.AnomalyCountsOfOrderNo(ctx, search)
		if err != nil {
			return nil, fmt.Errorf("count anomalies: %w", err)
		}
		for _, r := range rows {
			all = append(all, count(r))
		}
	} else if all, err = q.AnomalyCounts(ctx); err != nil {
		return nil, fmt.Errorf("count anomalies: %w", err)
	}
	out := all[:0]
	for _, c := range all {
		owner := c.OwnerID
		if owner == 0 {
			owner = -1 // the filter's "nobody yet"
		}
		if c.N > 0 && slices.Contains(states, c.State) && (lq.ShopID == 0 || c.ShopID == lq.ShopID) &&
			(lq.OwnerID == 0 || owner == lq.OwnerID) {
			out = append(out, c)
		}
	}
	return out, nil
}

// groups sums counts per kind (in the worklist's order) and shop.
func groups(ctx context.Context, q *sqldb.Queries, counts []count) ([]Group, error) {
	shops, err := q.RuleShops(ctx)
	if err != nil {
		return nil, fmt.Errorf("count anomalies: %w", err)
	}
	byID := map[int64]sqldb.RuleShopsRow{}
	for _, s := range shops {
		byID[s.ID] = s
	}
	display := displayZone(zoneNames(shops))
	byKind := map[string]*Group{}
	at := map[[2]string]int{} // kind, shop -> index in the group's Shops
	for _, c := range counts {
		g := byKind[c.Kind]
		if g == nil {
			g = &Group{Kind: c.Kind}
			byKind[c.Kind] = g
		}
		g.Count += c.N
		g.Newest = max(g.Newest, c.Newest)
		k := [2]string{c.Kind, strconv.FormatInt(c.ShopID, 10)}
		if i, ok := at[k]; ok {
			g.Shops[i].Count += c.N
			continue
		}
		s, ok := byID[c.ShopID]
		if !ok { // a shop an undo removed: its name as detected
			owner := c.OwnerID
			r, err := q.AnomalyShopName(ctx, sqldb.AnomalyShopNameParams{Kind: c.Kind, State: c.State, ShopID: c.ShopID, OwnerID: &owner})
			if err != nil {
				return nil, fmt.Errorf("count anomalies: %w", err)
			}
			s = sqldb.RuleShopsRow{ID: c.ShopID, Name: r.ShopName, Platform: r.Platform}
		}
		at[k] = len(g.Shops)
		g.Shops = append(g.Shops, ShopCount{ShopID: c.ShopID, ShopName: s.Name, Platform: s.Platform, Count: c.N})
	}
	out := make([]Group, 0, len(byKind))
	for _, k := range Kinds {
		if g := byKind[k]; g != nil {
			sort.Slice(g.Shops, func(i, j int) bool {
				if g.Shops[i].Count != g.Shops[j].Count {
					return g.Shops[i].Count > g.Shops[j].Count
				}
				return g.Shops[i].ShopName < g.Shops[j].ShopName
			})
			g.Newest = show(g.Newest, display)
			out = append(out, *g)
		}
	}
	return out, nil
}

// Summary is the dashboard tile: what is still to do, by kind, newest first.
type Summary struct {
	Total   int64   `json:"total"`
	Kinds   []Group `json:"kinds"`
	Checked string  `json:"checkedAt"`
	Notices int     `json:"notices"`
}

// Summary counts the open and in-progress anomalies by kind, the kind with the newest
// detection first.
func (s *Store) Summary(ctx context.Context) (Summary, error) {
	q := s.db.Queries()
	counts, err := readCounts(ctx, q, Query{})
	if err != nil {
		return Summary{}, err
	}
	groups, err := groups(ctx, q, counts)
	if err != nil {
		return Summary{}, err
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Newest > groups[j].Newest })
	out := Summary{Kinds: groups}
	for _, g := range groups {
		out.Total += g.Count
	}
	last := s.Last()
	out.Checked, out.Notices = last.CheckedAt, len(last.Notices)
	return out, nil
}

// Detail is one anomaly with its history, its order and the order's history.
type Detail struct {
	Anomaly   Anomaly         `json:"anomaly"`
	Events    []Event         `json:"events"`
	Order     *Order          `json:"order"` // nil: the order is not (or no longer) imported
	Items     []Item          `json:"items"`
	Refunds   []orders.Refund `json:"refunds"`
	Changes   []Change        `json:"changes"`   // what imports changed on the order, oldest first
	FirstSeen *Change         `json:"firstSeen"` // the import that brought the order
	Complaint *Complaint      `json:"complaint"`
	Others    []Anomaly       `json:"others"` // the order's other anomalies
}

// Event is one entry of an anomaly's history. At is this computer's local time.
type Event struct {
	ID        int64  `json:"id"`
	At        string `json:"at"`
	ActorID   int64  `json:"actorId"`
	ActorName string `json:"actorName"` // "" with actorId 0: 店务台 itself (or nobody chosen)
	Action    string `json:"action"`
	OldValue  string `json:"oldValue"`
	NewValue  string `json:"newValue"`
	Note      string `json:"note"`
}

// Order is the order an anomaly is about, as imported.
type Order struct {
	ID              int64  `json:"id"`
	Buyer           string `json:"buyer"`
	Status          string `json:"status"`
	StatusText      string `json:"statusText"`
	PayFen          int64  `json:"payFen"`
	RefundFen       int64  `json:"refundFen"`
	Title           string `json:"title"`
	ItemCount       int64  `json:"itemCount"`
	Address         string `json:"address"`
	CreatedAt       string `json:"createdAt"`
	PaidAt          string `json:"paidAt"`
	ShippedAt       string `json:"shippedAt"`
	PromisedShipAt  string `json:"promisedShipAt"`
	TrackingNo      string `json:"trackingNo"`
	Carrier         string `json:"carrier"`
	BuyerMessage    string `json:"buyerMessage"`
	SellerMemo      string `json:"sellerMemo"`
	LateShipCompFen int64  `json:"lateShipCompFen"`
}

// Item is one sub-order.
type Item struct {
	SubOrderNo   string `json:"subOrderNo"`
	Title        string `json:"title"`
	SkuCode      string `json:"skuCode"`
	PriceFen     int64  `json:"priceFen"`
	Quantity     int64  `json:"quantity"`
	PayFen       int64  `json:"payFen"`
	RefundStatus string `json:"refundStatus"`
	RefundFen    int64  `json:"refundFen"`
}

// Change is one field an import changed on the order (or, FirstSeen, the import that
// created it). At is this computer's local time.
type Change struct {
	Field    string `json:"field"`
	OldValue string `json:"oldValue"`
	NewValue string `json:"newValue"`
	BatchID  int64  `json:"batchId"`
	File     string `json:"file"`
	At       string `json:"at"`
}

// Get returns one anomaly with everything the detail view shows.
func (s *Store) Get(ctx context.Context, id int64) (Detail, error) {
	q := s.db.Queries()
	r, err := q.GetAnomaly(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Detail{}, fmt.Errorf("没有编号为 %d 的异常", id)
	}
	if err != nil {
		return Detail{}, fmt.Errorf("get anomaly %d: %w", id, err)
	}
	d := Detail{Anomaly: Anomaly{ID: r.ID, Rule: r.Rule, Kind: r.Kind, ShopID: r.ShopID, ShopName: r.ShopName,
		Platform: r.Platform, OrderNo: r.OrderNo, Subject: r.Subject, Since: r.Since, Deadline: r.Deadline,
		Basis: r.Basis, Detail: r.Detail, AmountFen: r.AmountFen, Active: r.Active == 1, State: r.State,
		Resolution: r.Resolution, OwnerID: r.OwnerID, OwnerName: r.OwnerName, ClearedReason: r.ClearedReason,
		ClearedDetail: r.ClearedDetail, DetectedAt: r.DetectedAt, UpdatedAt: r.UpdatedAt},
		Events: []Event{}, Items: []Item{}, Refunds: []orders.Refund{}, Changes: []Change{}, Others: []Anomaly{}}
	z, err := loadZones(ctx, q)
	if err != nil {
		return Detail{}, err
	}
	loc := z.of(r.ShopID)
	z.row(&d.Anomaly)
	one := []Anomaly{d.Anomaly}
	if err := minutesLeft(ctx, q, one, time.Now()); err != nil {
		return Detail{}, err
	}
	d.Anomaly = one[0]
	evs, err := q.AnomalyEvents(ctx, id)
	if err != nil {
		return Detail{}, fmt.Errorf("get anomaly %d: history: %w", id, err)
	}
	for _, e := range evs {
		d.Events = append(d.Events, Event{ID: e.ID, At: show(e.At, loc), ActorID: e.ActorID, ActorName: e.ActorName,
			Action: e.Action, OldValue: e.OldValue, NewValue: e.NewValue, Note: e.Note})
	}
	if no, ok := strings.CutPrefix(r.Subject, "complaint:"); ok {
		cid, _ := strconv.ParseInt(no, 10, 64)
		if c, err := q.GetComplaint(ctx, cid); err == nil {
			d.Complaint = &Complaint{ID: c.ID, ShopID: c.ShopID, OrderNo: c.OrderNo, Buyer: c.Buyer, Channel: c.Channel,
				Severity: c.Severity, Content: c.Content, ReceivedAt: c.ReceivedAt, CreatedAt: show(c.CreatedAt, loc)}
		}
	}
	if r.OrderNo == "" {
		return d, nil
	}
	if d.Refunds, err = orders.Refunds(ctx, s.db.SQL, r.ShopID, r.OrderNo); err != nil {
		return Detail{}, fmt.Errorf("get anomaly %d: %w", id, err)
	}
	others, err := listRows(ctx, q, Query{State: StateAll, ShopID: r.ShopID, Search: r.OrderNo, PageSize: -1})
	if err != nil {
		return Detail{}, err
	}
	for _, o := range others {
		if o.ID != id {
			d.Others = append(d.Others, o)
		}
	}
	o, err := q.AnomalyOrder(ctx, sqldb.AnomalyOrderParams{ShopID: r.ShopID, OrderNo: r.OrderNo})
	if errors.Is(err, sql.ErrNoRows) {
		return d, nil
	}
	if err != nil {
		return Detail{}, fmt.Errorf("get anomaly %d: order: %w", id, err)
	}
	ord := Order(o)
	d.Order = &ord
	d.Anomaly.Buyer, d.Anomaly.OrderStatus, d.Anomaly.OrderStatusText = o.Buyer, o.Status, o.StatusText
	d.Anomaly.PayFen, d.Anomaly.Title = o.PayFen, o.Title
	items, err := q.OrderItems(ctx, o.ID)
	if err != nil {
		return Detail{}, fmt.Errorf("get anomaly %d: items: %w", id, err)
	}
	for _, it := range items {
		d.Items = append(d.Items, Item(it))
	}
	changes, err := q.OrderHistory(ctx, o.ID)
	if err != nil {
		return Detail{}, fmt.Errorf("get anomaly %d: order history: %w", id, err)
	}
	for _, c := range changes {
		d.Changes = append(d.Changes, Change{Field: c.Field, OldValue: c.OldValue, NewValue: c.NewValue,
			BatchID: c.BatchID, File: c.FileName, At: show(c.FinishedAt, loc)})
	}
	if f, err := q.OrderFirstSeen(ctx, o.ID); err == nil {
		d.FirstSeen = &Change{BatchID: f.ID, File: f.FileName, At: show(f.FinishedAt, loc)}
	}
	return d, nil
}

// ListAll returns every anomaly lq selects, all pages (tests, the demo). Each does the
// same for any number of them.
func (s *Store) ListAll(ctx context.Context, lq Query) ([]Anomaly, error) {
	return listRows(ctx, s.db.Queries(), lq)
}

// Each calls begin with the counts of what lq selects (Total, Groups; nil: not needed),
// then each with every anomaly of it, all pages, in the worklist's order, holding a few
// hundred in memory at a time (`shopdesk anomalies`). Its anomalies leave out their
// order's columns (Buyer, OrderStatus, OrderStatusText, PayFen, Title) and Notes.
func (s *Store) Each(ctx context.Context, lq Query, begin func(Page) error, each func(Anomaly) error) error {
	return stream(ctx, s.db.Queries(), lq, true, begin, each)
}
