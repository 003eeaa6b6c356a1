// Package checklist is today's checklist (今日清单): the morning routine of domain.md, filled
// from the data of the other modules, plus the recurring items the seller defines, ticked
// with who and when. Each day's list is kept (checklist_item) so that past days can be
// opened as they were.
//
// A line counts what is behind it (orders, SKUs, people) and names the first few. The
// modules are read through Sources: a module that is not there contributes nothing, and a
// count of zero is not listed (a day with nothing to do is an empty list), except that a
// line listed earlier the same day whose count fell to zero stays, ticked by the data.
package checklist

import (
	"context"
	"time"

	"shopdesk/db"
	"shopdesk/internal/anomaly"
	"shopdesk/internal/inquiry"
	"shopdesk/internal/shop"
	"shopdesk/internal/staff"
	"shopdesk/internal/stock"
)

// Section ids, in the order of the morning routine (domain.md "The morning checklist").
// Stable: stored, printed by `shopdesk checklist --json` and used by the UI.
const (
	SectionAfterSales = "after_sales" // 售后、物流异常、投诉
	SectionOrders     = "orders"      // 订单
	SectionStock      = "stock"       // 库存
	SectionFollowUp   = "follow_up"   // 询盘跟进
	SectionStaff      = "staff"       // 值班与交接
	SectionMetrics    = "metrics"     // 店铺数据
	SectionRoutine    = "routine"     // 例行事项 (the user's recurring items)
)

// Sections lists the sections in the order the list shows them.
var Sections = []string{SectionAfterSales, SectionOrders, SectionStock, SectionFollowUp, SectionStaff,
	SectionMetrics, SectionRoutine}

// SectionName is the Chinese heading of a section (print, command line).
var SectionName = map[string]string{
	SectionAfterSales: "售后与投诉", SectionOrders: "订单", SectionStock: "库存", SectionFollowUp: "询盘跟进",
	SectionStaff: "值班与交接", SectionMetrics: "店铺数据", SectionRoutine: "例行事项",
}

// Item kinds: what a line counts. The UI titles a line by its kind (and Params).
const (
	KindRefund      = "refund"           // 退款/售后待处理
	KindLogistics   = "logistics"        // 物流异常
	KindComplaint   = "complaint"        // 投诉
	KindDayOrders   = "day_orders"       // 昨日订单（每个店铺一行）
	KindBigOrder    = "big_order"        // 大额订单
	KindOverdue     = "overdue_shipment" // 超时未发货
	KindDueSoon     = "due_soon"         // 即将超时
	KindUnpaid      = "unpaid"           // 待催付
	KindReorder     = "reorder"          // 需补货
	KindOut         = "out"              // 缺货
	KindOverstock   = "overstock"        // 积压
	KindFollowUp    = "follow_up"        // 到期跟进
	KindOnShift     = "on_shift"         // 今日值班
	KindHandover    = "handover"         // 交接本待确认
	KindTask        = "task"             // a recurring item
	KindMetricAlert = "metric_alert"     // 店铺数据异常波动
	KindTarget      = "target"           // 今日目标
)

// Kinds lists the kinds of the generated lines (the UI words each: a test checks the locale files).
var Kinds = []string{KindRefund, KindLogistics, KindComplaint, KindDayOrders, KindBigOrder, KindOverdue, KindDueSoon,
	KindUnpaid, KindReorder, KindOut, KindOverstock, KindFollowUp, KindOnShift, KindHandover, KindMetricAlert, KindTarget}

// Item states.
const (
	StateOpen    = "open"
	StateDone    = "done"
	StateSkipped = "skipped"
	StateAuto    = "auto" // the data cleared it
)

// Sources are the modules the list reads; nil ones contribute nothing.
type Sources struct {
	Anomalies *anomaly.Store
	Stock     *stock.Store
	Inquiry   *inquiry.Store
	Staff     *staff.Store
	// Metrics reads the shop metrics' lines (alerts, today's target); nil: none.
	Metrics MetricsSource
}

// Store is the checklist of one database.
type Store struct {
	db  *db.DB
	src Sources
	loc *time.Location
	now func() time.Time
}

// New returns the store over d reading src.
func New(d *db.DB, src Sources) *Store {
	return &Store{db: d, src: src, loc: shop.Location(shop.DefaultTimezone), now: time.Now}
}

// WithClock returns a store that takes the time from now (tests, the demo).
func (s *Store) WithClock(now func() time.Time) *Store {
	c := *s
	c.now = now
	return &c
}

const (
	wallLayout = "2006-01-02 15:04:05"
	dayLayout  = "2006-01-02"
)

// wallNow is now as the shops' wall time (a time.Time in UTC with no zone meaning).
func (s *Store) wallNow() time.Time {
	t := s.now().In(s.loc)
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// Top is one of the first few things behind a line's count (an order, a SKU, a person).
type Top struct {
	Text string `json:"text"`
	Ref  string `json:"ref"` // what it is: an order number, a merchant code, a name
}

// Item is one line of a day's list.
type Item struct {
	ID       int64  `json:"id"` // 0: not kept (a preview, `--at`)
	Key      string `json:"key"`
	Section  string `json:"section"`
	Kind     string `json:"kind"`
	Source   string `json:"source"` // the module: anomaly, orders, stock, inquiry, staff, metrics, manual
	Title    string `json:"title"`  // Chinese, as printed
	Count    int64  `json:"count"`  // orders, SKUs or people behind the line; 0 for a recurring item
	Detail   string `json:"detail"` // Chinese, as printed (oldest deadline, sales …)
	Top      []Top  `json:"top"`
	Link     string `json:"link"` // the list behind it: "page?filter=value"
	Owner    string `json:"owner"`
	State    string `json:"state"`
	DoneByID int64  `json:"doneById"`
	DoneBy   string `json:"doneBy"`
	DoneAt   string `json:"doneAt"` // shop-local
	Note     string `json:"note"`   // the reason of a skip; what the data did for auto
	// Params are the values in Title and Detail, for the UI to word them in its language.
	Params map[string]string `json:"params"`
}

// Done says whether the line needs nothing more (ticked, or cleared by the data).
func (it Item) Done() bool { return it.State == StateDone || it.State == StateAuto }

// Day is one day's list.
type Day struct {
	Date  string `json:"date"`
	Today string `json:"today"`
	// Kept: the list is the stored one (today's, refreshed from the data; a past day's as it
	// was). A future day, and a list made with --at, are previews: nothing is kept.
	Kept  bool     `json:"kept"`
	Past  bool     `json:"past"`
	Now   string   `json:"now"` // shop-local time the list was made
	Shops []string `json:"shops"`
	Items []Item   `json:"items"`
	// Events is the day's history: ticks, skips, reopenings, the data's ticks.
	Events []Event `json:"events"`
}

// Event is one change of a line's state.
type Event struct {
	ItemID    int64  `json:"itemId"`
	At        string `json:"at"`
	ActorID   int64  `json:"actorId"`
	ActorName string `json:"actorName"` // '' = 店务台 (the data)
	Action    string `json:"action"`    // done, skipped, reopened, auto, reappeared
	Note      string `json:"note"`
}

// DaySummary is one kept day in the history.
type DaySummary struct {
	Date    string `json:"date"`
	Items   int64  `json:"items"`
	Done    int64  `json:"done"`
	Skipped int64  `json:"skipped"`
}

// MetricsSource gives the shop metrics' lines for a day (internal/metrics).
type MetricsSource interface {
	ChecklistLines(ctx context.Context, day string) ([]Line, error)
}

// Line is a generated line: an Item before it is kept (no state).
type Line struct {
	Key, Section, Kind, Source, Title, Detail, Link, Owner string
	Count                                                  int64
	Top                                                    []Top
	Params                                                 map[string]string
}
