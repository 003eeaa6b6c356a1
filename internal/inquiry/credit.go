package inquiry

import (
	"context"
	"fmt"
	"strings"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/settings"
)

// Credited sales: which agent a deal counts for, and how much. The payroll (commission on
// credited sales) reads CreditedSales. The data each rule needs:
//
//   - A deal typed by hand (no order): its agent (客服 of the row), its amount.
//   - A deal confirmed from an order: the order counts once, however many inquiries of its
//     buyer there were. It goes to the agent of the inquiry it was confirmed on (the
//     latest conversation before the order), unless a rule below says otherwise.
//   - Flag rule (inquiry_credit_flagger): when several agents talked to the buyer (their
//     inquiries of that buyer from N days before the order to its day), the agent who
//     flagged (插旗) the order gets it: the row's 插旗客服 (flagged_by), taken from the
//     order's seller memo when it names exactly one staff member, or picked on confirming.
//   - Chase rule (inquiry_credit_chase): an order paid more than inquiry_chase_hours (24)
//     after it was placed, chased (催付) by another agent while its agent was offline, goes
//     to the chaser: the row's 催付客服 (chased_by), typed by hand for now (the staff rota
//     will tell who was offline later). A chase of an order paid sooner does not count.
//   - Return rule (inquiry_credit_return): money refunded for a reason that is not about
//     quality (不想要了, 拍错了, 尺码不合适 …) is taken off the credit: a whole return removes
//     it. The reasons come from the refund exports (refund.reason, status refunded); an
//     order closed with a refund and no refund row is judged by its close reason. A reason
//     with one of QualityWords is a quality return and keeps the credit.

// QualityWords mark a refund reason as the product's (or the shop's) fault: such a return
// does not take the agent's credit.
var QualityWords = []string{"质量", "破损", "瑕疵", "描述不符", "假货", "故障", "坏了", "损坏", "少件", "漏发",
	"错发", "发错", "污渍", "掉色", "起球", "做工"}

// Credit rules as Credit.Rule says which one decided the agent.
const (
	CreditManual  = "manual"  // a deal typed by hand
	CreditAgent   = "agent"   // the agent of the inquiry the order was confirmed on
	CreditFlagger = "flagger" // several agents talked: the one who flagged the order
	CreditChaser  = "chaser"  // chased while unpaid for long: the chaser
)

// Credit is one deal's credit.
type Credit struct {
	InquiryID   int64  `json:"inquiryId"`
	Customer    string `json:"customer"`
	ShopID      int64  `json:"shopId"`
	OrderNo     string `json:"orderNo"` // "" for a deal typed by hand
	DealOn      string `json:"dealOn"`
	AgentID     int64  `json:"agentId"` // 0: nobody (a row without 客服)
	Rule        string `json:"rule"`
	AmountFen   int64  `json:"amountFen"`
	ReturnedFen int64  `json:"returnedFen"` // non-quality returns taken off
	CreditFen   int64  `json:"creditFen"`
	Agents      int    `json:"agents"` // how many agents talked to the buyer
	Note        string `json:"note"`   // why, in Chinese (for the owner's check)
}

// CreditedSales returns each staff member's credited sales (fen) for the deals of a period
// (from, to: "YYYY-MM-DD", inclusive, by the day the deal counts on). Staff without
// credit are absent; deals without an agent count for nobody. The payroll reads this.
func (s *Store) CreditedSales(ctx context.Context, from, to string) (map[int64]int64, error) {
	credits, err := s.Credits(ctx, from, to)
	if err != nil {
		return nil, err
	}
	out := map[int64]int64{}
	for _, c := range credits {
		if c.AgentID != 0 && c.CreditFen != 0 {
			out[c.AgentID] += c.CreditFen
		}
	}
	return out, nil
}

// Credits returns every deal of the period with its credited agent and amount.
func (s *Store) Credits(ctx context.Context, from, to string) ([]Credit, error) {
	q := s.db.Queries()
	r, err := rules(ctx, q)
	if err != nil {
		return nil, err
	}
	deals, err := q.DealsForCredit(ctx, sqldb.DealsForCreditParams{FromDay: from, ToDay: to})
	if err != nil {
		return nil, fmt.Errorf("deals %s..%s: %w", from, to, err)
	}
	var out []Credit
	byOrder := map[string]int{} // shop+order -> index in out
	for _, d := range deals {
		if d.DealOrderNo == "" {
			out = append(out, Credit{InquiryID: d.ID, Customer: d.Customer, DealOn: d.DealOn, AgentID: val(d.AgentID),
				Rule: CreditManual, AmountFen: d.AmountFen, CreditFen: d.AmountFen, Agents: 1, Note: "手工登记的成交"})
			continue
		}
		key := fmt.Sprint(d.DealShopID, "\x00", d.DealOrderNo)
		if _, ok := byOrder[key]; ok {
			continue // another inquiry confirmed on the same order: the order counts once
		}
		c, err := orderCredit(ctx, q, r, d)
		if err != nil {
			return nil, err
		}
		byOrder[key] = len(out)
		out = append(out, c)
	}
	return out, nil
}

// orderCredit decides the credit of a deal confirmed from an order.
func orderCredit(ctx context.Context, q *sqldb.Queries, r settings.InquiryRules, d sqldb.DealsForCreditRow) (Credit, error) {
	c := Credit{InquiryID: d.ID, Customer: d.Customer, ShopID: d.DealShopID, OrderNo: d.DealOrderNo,
		DealOn: d.DealOn, AgentID: val(d.AgentID), Rule: CreditAgent, AmountFen: d.AmountFen}
	orderDay := d.OrderCreated
	if orderDay == "" {
		orderDay = d.DealOn
	}
	orderDay = orderDay[:min(10, len(orderDay))]
	since := orderDay
	if t, err := time.Parse("2006-01-02", orderDay); err == nil {
		since = t.AddDate(0, 0, -r.MatchDays).Format("2006-01-02")
	}
	talked, err := q.CustomerAgentsBetween(ctx, sqldb.CustomerAgentsBetweenParams{Customer: d.Customer, FromDay: since, ToDay: orderDay})
	if err != nil {
		return c, fmt.Errorf("agents of %s: %w", d.Customer, err)
	}
	agents := map[int64]bool{}
	for _, t := range talked {
		agents[val(t.AgentID)] = true
	}
	if c.AgentID != 0 {
		agents[c.AgentID] = true
	}
	c.Agents = len(agents)
	notes := []string{}
	switch {
	case r.CreditChase && d.ChasedBy != nil && unpaidLonger(d.OrderCreated, d.OrderPaid, r.ChaseHours):
		c.AgentID, c.Rule = *d.ChasedBy, CreditChaser
		notes = append(notes, fmt.Sprintf("下单超过 %d 小时才付款，由催付的客服拿业绩", r.ChaseHours))
	case d.ChasedBy != nil && r.CreditChase:
		notes = append(notes, fmt.Sprintf("有人催付，但订单 %d 小时内就付款了，催付不算", r.ChaseHours))
		fallthrough
	default:
		if c.Agents > 1 && r.CreditFlag {
			if d.FlaggedBy != nil {
				c.AgentID, c.Rule = *d.FlaggedBy, CreditFlagger
				notes = append(notes, fmt.Sprintf("%d 位客服接待过，归插旗的客服", c.Agents))
			} else {
				notes = append(notes, fmt.Sprintf("%d 位客服接待过，没有记录谁插旗：归最后接待的客服", c.Agents))
			}
		}
	}
	c.CreditFen = c.AmountFen
	if r.CreditReturn {
		returned, why, err := nonQualityReturns(ctx, q, d)
		if err != nil {
			return c, err
		}
		if returned > 0 {
			c.ReturnedFen = min(returned, c.AmountFen)
			c.CreditFen = c.AmountFen - c.ReturnedFen
			notes = append(notes, "非质量原因退款（"+why+"）扣除")
		}
	}
	c.Note = strings.Join(notes, "；")
	return c, nil
}

// unpaidLonger: paid more than hours after it was placed (or not paid at all).
func unpaidLonger(created, paid string, hours int) bool {
	c, err := time.Parse(utcLayout, created)
	if err != nil {
		return false
	}
	if paid == "" {
		return true
	}
	p, err := time.Parse(utcLayout, paid)
	if err != nil {
		return false
	}
	return p.Sub(c) > time.Duration(hours)*time.Hour
}

// nonQualityReturns adds up the money refunded on the order for reasons not about quality.
func nonQualityReturns(ctx context.Context, q *sqldb.Queries, d sqldb.DealsForCreditRow) (int64, string, error) {
	refunds, err := q.RefundsOfOrder(ctx, sqldb.RefundsOfOrderParams{ShopID: d.DealShopID, OrderNo: d.DealOrderNo})
	if err != nil {
		return 0, "", fmt.Errorf("refunds of order %s: %w", d.DealOrderNo, err)
	}
	var total int64
	var why []string
	for _, rf := range refunds {
		if rf.Status != "refunded" || qualityReason(rf.Reason) {
			continue
		}
		total += rf.AmountFen
		why = append(why, reasonText(rf.Reason))
	}
	if len(refunds) == 0 && d.OrderStatus == "closed" && d.OrderRefundFen > 0 && !qualityReason(d.OrderCloseReason) {
		total += d.OrderRefundFen
		why = append(why, reasonText(d.OrderCloseReason))
	}
	return total, strings.Join(why, "、"), nil
}

func qualityReason(reason string) bool {
	for _, w := range QualityWords {
		if strings.Contains(reason, w) {
			return true
		}
	}
	return false
}

func reasonText(r string) string {
	if r == "" {
		return "没写原因"
	}
	return r
}
