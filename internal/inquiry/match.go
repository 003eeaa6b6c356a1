package inquiry

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"shopdesk/db/sqldb"
)

// Linking orders to inquiries. When an imported order's buyer is the customer of a
// pending or no-deal inquiry and the order was placed (and paid, and not closed) from the
// inquiry's day up to N days after it (setting inquiry_match_days, default 7), the order
// is proposed as that inquiry's deal with the order's amount. The agent confirms it, or it
// confirms itself when inquiry_auto_confirm is on.
//
// One order is proposed for one inquiry: the latest one of its buyer before the order
// (the conversation that closed it), and one inquiry gets one proposal at a time (its
// earliest order). A rejected proposal is never made again; a confirmed one can be taken
// back (Unconfirm), which puts the inquiry as it was.

// Match is an order proposed as (or confirmed as) an inquiry's deal.
type Match struct {
	ID           int64  `json:"id"`
	InquiryID    int64  `json:"inquiryId"`
	ShopID       int64  `json:"shopId"`
	ShopName     string `json:"shopName"`
	OrderNo      string `json:"orderNo"`
	OrderCreated string `json:"orderCreated"`
	OrderPaid    string `json:"orderPaid"`
	AmountFen    int64  `json:"amountFen"`
	State        string `json:"state"` // proposed, confirmed, rejected
	Auto         bool   `json:"auto"`  // confirmed by the setting, not by a person
	ProposedAt   string `json:"proposedAt"`
	DecidedAt    string `json:"decidedAt"`
	Customer     string `json:"customer"`
	AskedOn      string `json:"askedOn"`
	Channel      string `json:"channel"`
	Products     string `json:"products"`
	Outcome      string `json:"outcome"`
	AgentName    string `json:"agentName"`
}

// MatchResult says what a matching run did.
type MatchResult struct {
	Proposed  int   `json:"proposed"`  // new proposals waiting for the agent
	Confirmed int   `json:"confirmed"` // confirmed at once (auto-confirm setting)
	Dropped   int64 `json:"dropped"`   // proposals whose order is gone (import undone) or inquiry changed
	Waiting   int64 `json:"waiting"`   // proposals waiting in all
}

// MatchOrders proposes the orders imported so far as deals of the inquiries they follow.
// It runs after every import and undo, and on demand.
func (s *Store) MatchOrders(ctx context.Context) (MatchResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var res MatchResult
	// Read before the transaction: its first statement writes, so that it waits for another
	// writer (the anomaly rules run at the same time at start) instead of failing as a
	// read transaction that wants to write after someone else did.
	r, err := rules(ctx, s.db.Queries())
	if err != nil {
		return res, err
	}
	staff, err := s.db.Queries().ActiveStaffNames(ctx)
	if err != nil {
		return res, fmt.Errorf("staff names: %w", err)
	}
	err = s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		var err error
		if res.Dropped, err = q.DropStaleProposals(ctx); err != nil {
			return fmt.Errorf("drop stale proposals: %w", err)
		}
		cands, err := q.MatchCandidates(ctx, "+"+strconv.Itoa(r.MatchDays+1)+" days")
		if err != nil {
			return fmt.Errorf("match orders: %w", err)
		}
		// Candidates come by order (oldest first), each order's inquiries latest first.
		orderTaken := map[string]bool{}
		inquiryTaken := map[int64]bool{}
		for _, c := range cands {
			key := strconv.FormatInt(c.ShopID, 10) + "\x00" + c.OrderNo
			if orderTaken[key] || inquiryTaken[c.InquiryID] {
				continue
			}
			orderTaken[key], inquiryTaken[c.InquiryID] = true, true
			id, err := q.InsertMatch(ctx, sqldb.InsertMatchParams{InquiryID: c.InquiryID, ShopID: c.ShopID,
				OrderNo: c.OrderNo, OrderCreated: c.CreatedAt, OrderPaid: c.PaidAt, AmountFen: c.PayFen, Now: utcNow()})
			if err != nil {
				return fmt.Errorf("propose order %s for inquiry %d: %w", c.OrderNo, c.InquiryID, err)
			}
			if !r.AutoConfirm {
				res.Proposed++
				continue
			}
			if err := s.confirm(ctx, q, id, 0, flaggerInMemo(c.SellerMemo, staff), true); err != nil {
				return err
			}
			res.Confirmed++
		}
		res.Waiting, err = q.CountProposedMatches(ctx)
		return err
	})
	return res, err
}

// flaggerInMemo finds the agent who flagged the order in the seller's memo: shops write the
// agent's name there when they flag (插旗) an order. Exactly one staff name must appear;
// otherwise nobody is taken (the agent picks on confirmation).
func flaggerInMemo(memo string, staff []sqldb.ActiveStaffNamesRow) int64 {
	var found int64
	for _, st := range staff {
		if st.Name != "" && strings.Contains(memo, st.Name) {
			if found != 0 {
				return 0
			}
			found = st.ID
		}
	}
	return found
}

// Confirm makes a proposed order the inquiry's deal: outcome 成交, the order's amount, the
// day it was paid. flaggedBy is the agent who flagged the order (0: from the order's memo
// if it names one, else unchanged); actorID is who confirmed.
func (s *Store) Confirm(ctx context.Context, matchID, flaggedBy, actorID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if flaggedBy == 0 {
			m, err := getMatch(ctx, q, matchID)
			if err != nil {
				return err
			}
			staff, err := q.ActiveStaffNames(ctx)
			if err != nil {
				return fmt.Errorf("staff names: %w", err)
			}
			memo, err := q.OrderMemo(ctx, sqldb.OrderMemoParams{ShopID: m.ShopID, OrderNo: m.OrderNo})
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("order %s memo: %w", m.OrderNo, err)
			}
			flaggedBy = flaggerInMemo(memo, staff)
		}
		return s.confirm(ctx, q, matchID, actorID, flaggedBy, false)
	})
}

func getMatch(ctx context.Context, q *sqldb.Queries, id int64) (sqldb.GetMatchRow, error) {
	m, err := q.GetMatch(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("没有编号为 %d 的成交匹配（订单的导入可能已撤销）", id)
	}
	if err != nil {
		return m, fmt.Errorf("match %d: %w", id, err)
	}
	return m, nil
}

func (s *Store) confirm(ctx context.Context, q *sqldb.Queries, matchID, actorID, flaggedBy int64, auto bool) error {
	m, err := getMatch(ctx, q, matchID)
	if err != nil {
		return err
	}
	if m.State != "proposed" {
		return fmt.Errorf("订单 %s 已经%s过了", m.OrderNo, map[string]string{"confirmed": "确认", "rejected": "否决"}[m.State])
	}
	old, err := get(ctx, q, m.InquiryID)
	if err != nil {
		return err
	}
	if old.Outcome == OutcomeDeal {
		return fmt.Errorf("“%s”%s 的询盘已经是成交了", old.Customer, old.AskedOn)
	}
	dealOn := m.OrderPaid
	if dealOn == "" {
		dealOn = m.OrderCreated
	}
	dealOn = dealOn[:min(10, len(dealOn))]
	if err := q.SetInquiryDeal(ctx, sqldb.SetInquiryDealParams{ID: m.InquiryID, Outcome: OutcomeDeal,
		AmountFen: m.AmountFen, DealShopID: m.ShopID, DealOrderNo: m.OrderNo, DealOn: dealOn,
		FlaggedBy: ptr(flaggedBy), Now: utcNow()}); err != nil {
		return fmt.Errorf("confirm order %s for inquiry %d: %w", m.OrderNo, m.InquiryID, err)
	}
	a := int64(0)
	if auto {
		a = 1
	}
	if _, err := q.DecideMatch(ctx, sqldb.DecideMatchParams{ID: matchID, State: "confirmed", Auto: a,
		PrevOutcome: old.Outcome, PrevAmountFen: old.AmountFen, PrevDealOn: old.DealOn, Now: utcNow(),
		DecidedBy: ptr(actorID)}); err != nil {
		return fmt.Errorf("confirm match %d: %w", matchID, err)
	}
	cur, err := get(ctx, q, m.InquiryID)
	if err != nil {
		return err
	}
	return s.afterWrite(ctx, q, cur, old)
}

// Reject says the order is not this inquiry's deal: it is never proposed for it again.
func (s *Store) Reject(ctx context.Context, matchID, actorID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		m, err := getMatch(ctx, q, matchID)
		if err != nil {
			return err
		}
		if m.State != "proposed" {
			return fmt.Errorf("订单 %s 不在待确认的成交里", m.OrderNo)
		}
		_, err = q.DecideMatch(ctx, sqldb.DecideMatchParams{ID: matchID, State: "rejected", Now: utcNow(), DecidedBy: ptr(actorID)})
		return err
	})
}

// Unconfirm takes back a confirmation: the inquiry gets its outcome and amount back and
// the order is proposed again.
func (s *Store) Unconfirm(ctx context.Context, matchID, actorID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		m, err := getMatch(ctx, q, matchID)
		if err != nil {
			return err
		}
		if m.State != "confirmed" {
			return fmt.Errorf("订单 %s 没有确认为成交，不用撤销", m.OrderNo)
		}
		if err := q.SetInquiryDeal(ctx, sqldb.SetInquiryDealParams{ID: m.InquiryID, Outcome: m.PrevOutcome,
			AmountFen: m.PrevAmountFen, DealOn: m.PrevDealOn, Now: utcNow()}); err != nil {
			return fmt.Errorf("unconfirm match %d: %w", matchID, err)
		}
		_, err = q.DecideMatch(ctx, sqldb.DecideMatchParams{ID: matchID, State: "proposed", Now: utcNow(), DecidedBy: ptr(actorID)})
		return err
	})
}

// Matches lists the proposals (state "proposed", or "" for all: waiting first).
func (s *Store) Matches(ctx context.Context, state string) ([]Match, error) {
	rows, err := s.db.Queries().ListMatches(ctx, state)
	if err != nil {
		return nil, fmt.Errorf("list matches: %w", err)
	}
	out := make([]Match, 0, len(rows))
	for _, r := range rows {
		out = append(out, Match{ID: r.ID, InquiryID: r.InquiryID, ShopID: r.ShopID, ShopName: r.ShopName,
			OrderNo: r.OrderNo, OrderCreated: r.OrderCreated, OrderPaid: r.OrderPaid, AmountFen: r.AmountFen,
			State: r.State, Auto: r.Auto == 1, ProposedAt: r.ProposedUtc, DecidedAt: r.DecidedUtc,
			Customer: r.Customer, AskedOn: r.AskedOn, Channel: r.Channel, Products: r.Products,
			Outcome: r.Outcome, AgentName: r.AgentName})
	}
	return out, nil
}
