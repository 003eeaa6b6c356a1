// Package stock is the inventory sheet (库存表, issue 9): the SKU master keyed by merchant
// code (商家编码), the stock ledger, and the figures a seller decides by: average daily units
// over 7, 14 and 30 days, days of stock left, what to reorder, and each item's status
// (缺货, 需补货, 正常, 积压, 滞销) and rank.
//
// Where the numbers come from:
//   - Stock on hand is the ledger's sum (balance.go): the stored movements (in, out, return,
//     adjust, stocktake: stock_move) and the sales and returns derived from the imported
//     orders and refunds (stock_line, stock_return). A stocktake is a count: the balance is
//     the last count plus everything after it, so orders imported after a count but paid
//     before it stay inside it.
//   - The derived lines are kept in step with the imports by Sync (sync.go), which the app
//     and the command line run after every import and undo (and at start).
//   - The figures of every item are computed whole (figures.go, calc.go) into stock_figure,
//     which the stock sheet pages, sorts and filters in SQL (list.go). They read the lines
//     of the last weeks once, in time order; the sales between an old count and those weeks
//     are kept per item in stock_sold_cut, a cache that triggers drop when its lines change.
//
// Stock sheets and count sheets are a file kind of the import engine (internal/importer
// stock.go): recognised by their header, previewed, imported all or nothing, undone.
package stock

import (
	"fmt"
	"sync"
	"time"

	"shopdesk/db"
	"shopdesk/internal/shop"
)

// Status codes of an item (stable: stored, exported by `shopdesk stock --json`, used by the UI).
const (
	StatusOut       = "out"       // 缺货: nothing on hand
	StatusReorder   = "reorder"   // 需补货: below the reorder point
	StatusOK        = "ok"        // 正常
	StatusOverstock = "overstock" // 积压: more days of stock than the setting
	StatusSlow      = "slow"      // 滞销: no sale in the setting's days
)

// Statuses lists the statuses in the order the sheet sorts them: the most pressing first.
var Statuses = []string{StatusOut, StatusReorder, StatusSlow, StatusOverstock, StatusOK}

// StatusName is the Chinese name of a status, for the command line and exports.
var StatusName = map[string]string{StatusOut: "缺货", StatusReorder: "需补货", StatusOK: "正常",
	StatusOverstock: "积压", StatusSlow: "滞销"}

// Rank classes (best sellers first): by units and by margin over the rank window.
const (
	RankBest    = "best"    // 畅销
	RankSecond  = "second"  // 次畅销
	RankAverage = "average" // 一般
	RankWorst   = "worst"   // 差
)

// Ranks lists the rank classes, best first.
var Ranks = []string{RankBest, RankSecond, RankAverage, RankWorst}

// Item roles (商品定位).
var Roles = []string{"traffic", "main", "image"} // 引流款, 主推, 形象款

// Movement kinds. The stored ones (stock_move.kind) are in, out, return, adjust and
// stocktake; sale and return also come from the imported orders and refunds.
const (
	MoveIn        = "in"
	MoveOut       = "out"
	MoveReturn    = "return"
	MoveAdjust    = "adjust"
	MoveStocktake = "stocktake"
	MoveSale      = "sale"
)

// MoveKinds lists every kind a ledger entry may have.
var MoveKinds = []string{MoveIn, MoveOut, MoveSale, MoveReturn, MoveAdjust, MoveStocktake}

// ReturnWord is what the kind of a refund that brought goods back contains (退货退款; 仅退款
// is money only).
const ReturnWord = "退货"

// Store is the stock data of one database. Its writes are serialised: Sync and the
// recomputation of the figures read, decide and write.
type Store struct {
	db  *db.DB
	mu  sync.Mutex
	loc *time.Location
	now func() time.Time
}

// New returns the store over d. Its clock is the computer's, read in the shops' default zone.
func New(d *db.DB) *Store {
	loc, err := time.LoadLocation(shop.DefaultTimezone)
	if err != nil {
		loc = time.FixedZone("CST", 8*3600) // no zone database: Asia/Shanghai has no DST
	}
	return &Store{db: d, loc: loc, now: time.Now}
}

// SetClock makes the store read the time from now (tests, `shopdesk stock --at`).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

const (
	wallLayout = "2006-01-02 15:04:05"
	dayLayout  = "2006-01-02"
)

// Wall is the time as the ledger stores it: a wall time of the shops' zone.
func (s *Store) Wall(t time.Time) string { return t.In(s.loc).Format(wallLayout) }

// wallNow is now as a ledger time.
func (s *Store) wallNow() string { return s.Wall(s.now()) }

// Today is the current day in the shops' zone (as a date at UTC midnight).
func (s *Store) Today() time.Time { return s.today() }

// today is the current day in the shops' zone.
func (s *Store) today() time.Time {
	t := s.now().In(s.loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func utcNow() string { return time.Now().UTC().Format(wallLayout) }

// endOf is the last second of day d as a ledger time.
func endOf(d time.Time) string { return d.Format(dayLayout) + " 23:59:59" }

// ParseDay reads a YYYY-MM-DD day.
func ParseDay(s string) (time.Time, error) {
	d, err := time.Parse(dayLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("“%s”不是日期：请写成 2026-11-22 这样", s)
	}
	return d, nil
}

// localTime shows a UTC time Shopdesk recorded in this computer's zone.
func localTime(utc string) string {
	t, err := time.ParseInLocation(wallLayout, utc, time.UTC)
	if err != nil {
		return utc
	}
	return t.Local().Format(wallLayout)
}
