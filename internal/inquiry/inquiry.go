// Package inquiry is the inquiry and deal register (询盘成交登记): customer service writes
// one row per inquiry (who asked, through which channel, about what, whether it became a
// deal and if not why), and the owner reads conversion by channel, agent, product,
// customer type and region, the reasons buyers walk away, and the follow-ups due.
//
// Rows are typed in a keyboard-first grid, pasted from Excel (paste.go) or, later, imported
// from the sheet sellers already keep (ImportRows, for the import engine's handler).
// Imported orders whose buyer asked shortly before are proposed as the inquiry's deal
// (match.go); the deals' credited sales per agent (credit.go) feed the payroll.
package inquiry

import (
	"context"
	"fmt"
	"sync"
	"time"

	"shopdesk/db"
	"shopdesk/db/sqldb"
	"shopdesk/internal/settings"
)

// Outcomes (是否成交) as stored; the UI and the CLI use these ids.
const (
	OutcomeDeal    = "deal"    // 成交
	OutcomeNoDeal  = "no_deal" // 未成交
	OutcomePending = "pending" // 跟进中
)

// Outcomes lists the outcomes in the order the entry offers them.
var Outcomes = []string{OutcomeDeal, OutcomeNoDeal, OutcomePending}

// OutcomeName is the Chinese word of each outcome (exports, messages, the sheet's 是否成交
// column writes 是/否/跟进中, see parseOutcome).
var OutcomeName = map[string]string{OutcomeDeal: "成交", OutcomeNoDeal: "未成交", OutcomePending: "跟进中"}

// The editable lists (inquiry_option.list).
const (
	ListCustomerType = "customer_type" // 客户类型
	ListChannel      = "channel"       // 询盘渠道
	ListReason       = "reason"        // 未成交原因
	ListDealType     = "deal_type"     // 交易类型
)

// Lists lists the editable lists.
var Lists = []string{ListCustomerType, ListChannel, ListReason, ListDealType}

// ListName is the Chinese name of each list, for messages.
var ListName = map[string]string{
	ListCustomerType: "客户类型", ListChannel: "询盘渠道", ListReason: "未成交原因", ListDealType: "交易类型",
}

// ReasonMissing is the reason an imported no-deal row gets when its sheet gave none: the
// row is kept (not refused) and listed for completion (Query.Incomplete). Typed entry
// never accepts it as a new reason.
const ReasonMissing = "未填写"

// Follow-up kinds.
const (
	KindFollowUp = "follow_up" // 跟进: an inquiry's next follow-up date
	KindRevisit  = "revisit"   // 回访: the 1-3-10-30 plan after a new customer's first deal
)

// RevisitDays is the revisit plan: contact on these days after the purchase.
var RevisitDays = []int{1, 3, 10, 30}

// Store is the register of one database. Writes that read before they write (matching,
// follow-ups) are serialised by mu.
type Store struct {
	db *db.DB
	mu sync.Mutex

	// products caches the type-ahead's product names (distinct titles of a table that may
	// hold millions of order items); it is read again when an import happened since.
	productsMu      sync.Mutex
	products        []string
	productsVersion [2]int64
}

// New returns the store over d.
func New(d *db.DB) *Store { return &Store{db: d} }

const utcLayout = "2006-01-02 15:04:05"

func utcNow() string { return time.Now().UTC().Format(utcLayout) }

// rules reads the register's settings.
func rules(ctx context.Context, q *sqldb.Queries) (settings.InquiryRules, error) {
	r, err := settings.LoadInquiry(ctx, q)
	if err != nil {
		return r, fmt.Errorf("inquiry settings: %w", err)
	}
	return r, nil
}

func ptr(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func val(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}
