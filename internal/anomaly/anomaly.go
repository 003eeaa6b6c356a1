// Package anomaly finds the order anomalies (订单异常) in the imported data and keeps their
// workflow: who owns each one, its state, notes and history.
//
// The rules (rules.go) read the few candidate orders of each rule through partial indexes
// and decide in Go what fires, since when and by when, with the thresholds of 设置
// (internal/settings). Evaluate compares what the rules find now with what is stored: new
// anomalies are added, changed ones updated, and the ones the data no longer shows are
// resolved "by the data", with the reason. The user's columns (state, owner) and the
// events are never touched by a re-import or an undo: anomalies are keyed by shop, order
// number, rule and subject, not by the orders row.
package anomaly

import (
	"sync"
	"time"

	"shopdesk/db"
	"shopdesk/db/sqldb"
)

// Rule and kind ids are stable: stored, exported (CLI --json) and used by the UI.
const (
	KindOverdueShipment = "overdue_shipment"      // 超时未发货
	KindDueSoon         = "due_soon"              // 即将超时 (the overdue_shipment rule, before the deadline)
	KindLateShipComp    = "late_ship_compensated" // 延迟发货赔付
	KindRefund          = "refund"                // 退款/售后
	KindLogistics       = "logistics_stalled"     // 物流异常
	KindClosedPaid      = "closed_after_payment"  // 付款后关闭
	KindUnpaid          = "unpaid"                // 待催付
	KindBigOrder        = "big_order"             // 大额订单
	KindBuyerMessage    = "buyer_message"         // 买家留言 / 改地址
	KindComplaint       = "complaint"             // 投诉
)

// Kinds lists every kind in the order the worklist groups them: the most pressing first.
// db/queries/anomalies.sql ListAnomalies sorts by the same order.
var Kinds = []string{
	KindOverdueShipment, KindDueSoon, KindRefund, KindComplaint, KindLogistics, KindLateShipComp,
	KindClosedPaid, KindUnpaid, KindBuyerMessage, KindBigOrder,
}

// Rules lists the rule ids (a rule's anomalies are of its own kind, except overdue_shipment,
// which says due_soon until the deadline has passed).
var Rules = []string{
	KindOverdueShipment, KindLateShipComp, KindRefund, KindLogistics, KindClosedPaid, KindUnpaid,
	KindBigOrder, KindBuyerMessage, KindComplaint,
}

// Workflow states.
const (
	StateOpen       = "open"        // 待处理
	StateInProgress = "in_progress" // 处理中
	StateResolved   = "resolved"    // 已解决
	StateIgnored    = "ignored"     // 已忽略
)

// States lists the states in workflow order.
var States = []string{StateOpen, StateInProgress, StateResolved, StateIgnored}

// Who resolved an anomaly.
const (
	ResolvedByUser = "user"
	ResolvedByData = "auto"
)

// Event actions (anomaly_event.action).
const (
	ActionState    = "state"         // old_value -> new_value
	ActionOwner    = "owner"         // old owner's name -> new owner's name
	ActionNote     = "note"          // note holds the text
	ActionCleared  = "auto_resolved" // the data cleared it: new_value = reason code, note = detail
	ActionReopened = "reopened"      // new_value = why: reappeared, changed
	ActionEscalate = "escalated"     // old kind -> new kind (due_soon -> overdue_shipment)
)

// Store is the anomalies of one database. Its methods that write are serialised: the
// evaluation compares and then writes, and a workflow change in between must wait.
type Store struct {
	db   *db.DB
	mu   sync.Mutex
	last Result // the last evaluation, for the notices the worklist shows
}

// New returns the store over d.
func New(d *db.DB) *Store { return &Store{db: d} }

// Last returns what the last Evaluate of this store found (zero before the first).
func (s *Store) Last() Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

const wallLayout = "2006-01-02 15:04:05"

func utcNow() string { return time.Now().UTC().Format(wallLayout) }

// zoneNames lists the shops' zone names (for displayZone).
func zoneNames(shops []sqldb.RuleShopsRow) []string {
	out := make([]string, len(shops))
	for i, s := range shops {
		out[i] = s.Timezone
	}
	return out
}
