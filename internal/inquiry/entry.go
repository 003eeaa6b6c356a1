package inquiry

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"shopdesk/db/sqldb"
)

// Inquiry is one row of the register. Days are "YYYY-MM-DD" (shop-local), money in fen.
// On Add and Update the read-only fields (names, deal_*, batch, times) are ignored.
type Inquiry struct {
	ID           int64    `json:"id"`
	AskedOn      string   `json:"askedOn"`   // 日期
	AskedTime    string   `json:"askedTime"` // "HH:MM" or ""
	ShopID       int64    `json:"shopId"`    // 0: no shop (WeChat, phone)
	ShopName     string   `json:"shopName"`
	Customer     string   `json:"customer"`     // 客户ID: platform nick or WeChat name
	CustomerType string   `json:"customerType"` // 客户类型
	Channel      string   `json:"channel"`      // 询盘渠道
	Products     []string `json:"products"`     // 咨询产品
	Region       string   `json:"region"`       // 地区
	AgentID      int64    `json:"agentId"`      // 客服 (staff.id; 0 none)
	AgentName    string   `json:"agentName"`
	Outcome      string   `json:"outcome"`      // deal, no_deal, pending
	DealType     string   `json:"dealType"`     // 交易类型
	AmountFen    int64    `json:"amountFen"`    // 成交金额
	Reason       string   `json:"reason"`       // 未成交原因 (required when no_deal)
	FollowNote   string   `json:"followNote"`   // 跟进情况
	NextFollowOn string   `json:"nextFollowOn"` // 下次跟进 "YYYY-MM-DD" or ""
	Note         string   `json:"note"`         // 备注
	// The deal's order when it was confirmed from an imported order ("" when typed).
	DealShopID  int64  `json:"dealShopId"`
	DealOrderNo string `json:"dealOrderNo"`
	DealOn      string `json:"dealOn"` // the day the deal counts on for credited sales
	// Credit rules: who flagged (插旗) the order, who chased it while its agent was offline.
	FlaggedBy int64  `json:"flaggedBy"`
	ChasedBy  int64  `json:"chasedBy"`
	BatchID   int64  `json:"batchId"` // the import that wrote it (0: typed or pasted)
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// Fields of a row, as FieldError and paste errors name them.
const (
	FieldAskedOn      = "askedOn"
	FieldAskedTime    = "askedTime"
	FieldShop         = "shop"
	FieldCustomer     = "customer"
	FieldCustomerType = "customerType"
	FieldChannel      = "channel"
	FieldProducts     = "products"
	FieldRegion       = "region"
	FieldAgent        = "agent"
	FieldOutcome      = "outcome"
	FieldDealType     = "dealType"
	FieldAmount       = "amount"
	FieldReason       = "reason"
	FieldFollowNote   = "followNote"
	FieldNextFollowOn = "nextFollowOn"
	FieldNote         = "note"
)

// FieldName is each field's column name in the register (the sheet's words).
var FieldName = map[string]string{
	FieldAskedOn: "日期", FieldAskedTime: "时间", FieldShop: "店铺", FieldCustomer: "客户ID",
	FieldCustomerType: "客户类型", FieldChannel: "询盘渠道", FieldProducts: "咨询产品", FieldRegion: "地区",
	FieldAgent: "客服", FieldOutcome: "是否成交", FieldDealType: "交易类型", FieldAmount: "成交金额",
	FieldReason: "未交易原因", FieldFollowNote: "跟进情况", FieldNextFollowOn: "下次跟进", FieldNote: "备注",
}

// FieldError is a value the register refuses, with the field it belongs to (the grid marks
// that cell; paste adds the row).
type FieldError struct {
	Field string `json:"field"`
	Value string `json:"value"`
	Msg   string `json:"msg"`
}

func (e *FieldError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("“%s”%s", FieldName[e.Field], e.Msg)
	}
	return fmt.Sprintf("“%s”的值“%s”%s", FieldName[e.Field], e.Value, e.Msg)
}

func fieldErr(field, value, msg string) error {
	return &FieldError{Field: field, Value: value, Msg: msg}
}

// Limits of typed text, so that a paste of a whole document into one cell is refused
// rather than stored.
const (
	maxShort = 60  // customer, type, channel, region, reason, deal type, one product
	maxLong  = 500 // follow-up note, note
)

// check normalises in (trims, splits, canonical days) and refuses what the register cannot
// keep. It is the one place the rules of a row live: typed, pasted and imported rows all
// pass here. imported allows the reason ReasonMissing (a sheet without a reason);
// keepReason is the stored reason of a row being edited (it may stay ReasonMissing).
func check(ctx context.Context, q *sqldb.Queries, in *Inquiry, imported bool, keepReason string) error {
	in.Customer = strings.TrimSpace(in.Customer)
	in.CustomerType = strings.TrimSpace(in.CustomerType)
	in.Channel = strings.TrimSpace(in.Channel)
	in.Region = strings.TrimSpace(in.Region)
	in.DealType = strings.TrimSpace(in.DealType)
	in.Reason = strings.TrimSpace(in.Reason)
	in.FollowNote = strings.TrimSpace(in.FollowNote)
	in.Note = strings.TrimSpace(in.Note)
	in.Products = cleanProducts(in.Products)

	day, clock, err := parseDay(in.AskedOn, 0)
	if err != nil {
		return fieldErr(FieldAskedOn, in.AskedOn, err.Error())
	}
	in.AskedOn = day
	if in.AskedTime != "" || clock == "" {
		if clock, err = parseClock(in.AskedTime); err != nil {
			return fieldErr(FieldAskedTime, in.AskedTime, err.Error())
		}
	}
	in.AskedTime = clock
	switch {
	case in.Customer == "":
		return fieldErr(FieldCustomer, "", "必须填写：买家的旺旺名、昵称或微信名")
	case tooLong(in.Customer, maxShort):
		return fieldErr(FieldCustomer, in.Customer, fmt.Sprintf("太长：最多 %d 个字", maxShort))
	case in.Channel == "":
		return fieldErr(FieldChannel, "", "必须填写：买家从哪里来问的（旺旺/千牛、微信、电话……）")
	case !slices.Contains(Outcomes, in.Outcome):
		return fieldErr(FieldOutcome, in.Outcome, "必须是 成交、未成交 或 跟进中")
	case in.AmountFen < 0:
		return fieldErr(FieldAmount, fmt.Sprintf("%.2f", float64(in.AmountFen)/100), "不能小于 0")
	case tooLong(in.FollowNote, maxLong):
		return fieldErr(FieldFollowNote, "", fmt.Sprintf("太长：最多 %d 个字", maxLong))
	case tooLong(in.Note, maxLong):
		return fieldErr(FieldNote, "", fmt.Sprintf("太长：最多 %d 个字", maxLong))
	}
	for field, v := range map[string]string{FieldCustomerType: in.CustomerType, FieldChannel: in.Channel,
		FieldRegion: in.Region, FieldDealType: in.DealType, FieldReason: in.Reason} {
		if tooLong(v, maxShort) {
			return fieldErr(field, v, fmt.Sprintf("太长：最多 %d 个字", maxShort))
		}
	}
	for _, p := range in.Products {
		if tooLong(p, 120) {
			return fieldErr(FieldProducts, p, "太长：最多 120 个字")
		}
	}
	if in.Outcome == OutcomeNoDeal {
		switch {
		case in.Reason == "":
			return fieldErr(FieldReason, "", "必须填写：未成交的询盘要写明原因（价格、运费、缺货……）")
		case in.Reason == ReasonMissing && !imported && keepReason != ReasonMissing:
			return fieldErr(FieldReason, in.Reason, "只用于导入时表格里没写原因的行：请选一个真实的原因")
		}
	}
	if in.NextFollowOn != "" {
		d, _, err := parseDay(in.NextFollowOn, 0)
		if err != nil {
			return fieldErr(FieldNextFollowOn, in.NextFollowOn, err.Error())
		}
		in.NextFollowOn = d
	}
	if in.AgentID != 0 {
		name, err := q.InquiryStaffName(ctx, in.AgentID)
		if errors.Is(err, sql.ErrNoRows) {
			return fieldErr(FieldAgent, fmt.Sprint(in.AgentID), "不是员工名单里的人（设置 → 员工）")
		} else if err != nil {
			return fmt.Errorf("inquiry: agent %d: %w", in.AgentID, err)
		}
		in.AgentName = name
	}
	if in.ShopID != 0 {
		sh, err := q.GetShop(ctx, in.ShopID)
		if errors.Is(err, sql.ErrNoRows) {
			return fieldErr(FieldShop, fmt.Sprint(in.ShopID), "不是已有的店铺")
		} else if err != nil {
			return fmt.Errorf("inquiry: shop %d: %w", in.ShopID, err)
		}
		in.ShopName = sh.Name
	}
	return nil
}

// Add registers one inquiry typed in the grid. The reason is required when there was no
// deal: a row without one is refused here, whatever the UI did. Values of the lists that
// are new (a channel typed for the first time) join their list.
func (s *Store) Add(ctx context.Context, in Inquiry) (Inquiry, error) {
	var out Inquiry
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if err := check(ctx, q, &in, false, ""); err != nil {
			return err
		}
		id, err := s.insert(ctx, q, in, 0)
		if err != nil {
			return err
		}
		if out, err = get(ctx, q, id); err != nil {
			return err
		}
		return s.afterWrite(ctx, q, out, Inquiry{})
	})
	return out, err
}

// insert writes a checked row (and its products, its list values, its follow-up date).
func (s *Store) insert(ctx context.Context, q *sqldb.Queries, in Inquiry, batchID int64) (int64, error) {
	dealOn := ""
	if in.Outcome == OutcomeDeal {
		dealOn = in.AskedOn
	}
	id, err := q.InsertInquiry(ctx, sqldb.InsertInquiryParams{
		AskedOn: in.AskedOn, AskedTime: in.AskedTime, ShopID: in.ShopID, Customer: in.Customer,
		CustomerType: in.CustomerType, Channel: in.Channel, Products: strings.Join(in.Products, "、"),
		Region: in.Region, AgentID: ptr(in.AgentID), Outcome: in.Outcome, DealType: in.DealType,
		AmountFen: in.AmountFen, Reason: in.Reason, FollowNote: in.FollowNote, NextFollowOn: in.NextFollowOn,
		Note: in.Note, DealOn: dealOn, FlaggedBy: ptr(in.FlaggedBy), ChasedBy: ptr(in.ChasedBy),
		BatchID: ptr(batchID), Now: utcNow(),
	})
	if err != nil {
		return 0, fmt.Errorf("insert inquiry of %s: %w", in.Customer, err)
	}
	if err := writeProducts(ctx, q, id, in.Products); err != nil {
		return 0, err
	}
	if err := addListValues(ctx, q, in); err != nil {
		return 0, err
	}
	s.rememberProducts(in.Products)
	return id, nil
}

func writeProducts(ctx context.Context, q *sqldb.Queries, id int64, products []string) error {
	if err := q.DeleteInquiryProducts(ctx, id); err != nil {
		return fmt.Errorf("inquiry %d products: %w", id, err)
	}
	for i, p := range products {
		if err := q.InsertInquiryProduct(ctx, sqldb.InsertInquiryProductParams{InquiryID: id, Position: int64(i), Product: p}); err != nil {
			return fmt.Errorf("inquiry %d product %s: %w", id, p, err)
		}
	}
	return nil
}

// addListValues puts the row's values of the editable lists into them (a new channel
// typed once is offered next time).
func addListValues(ctx context.Context, q *sqldb.Queries, in Inquiry) error {
	for list, v := range map[string]string{ListCustomerType: in.CustomerType, ListChannel: in.Channel,
		ListReason: in.Reason, ListDealType: in.DealType} {
		if v == "" || v == ReasonMissing {
			continue
		}
		if err := q.AddInquiryOption(ctx, sqldb.AddInquiryOptionParams{List: list, Name: v}); err != nil {
			return fmt.Errorf("add %s %s: %w", list, v, err)
		}
	}
	return nil
}

// Update changes a row. The deal an order confirmed stays linked while the row stays a
// deal; a row moved away from 成交 drops that link (the order is no longer its deal).
func (s *Store) Update(ctx context.Context, in Inquiry) (Inquiry, error) {
	var out Inquiry
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		old, err := get(ctx, q, in.ID)
		if err != nil {
			return err
		}
		if err := check(ctx, q, &in, false, old.Reason); err != nil {
			return err
		}
		dealOrder, dealOn := old.DealOrderNo, old.DealOn
		switch {
		case in.Outcome != OutcomeDeal:
			dealOrder, dealOn = "", ""
		case dealOrder == "":
			dealOn = in.AskedOn
		}
		n, err := q.UpdateInquiry(ctx, sqldb.UpdateInquiryParams{
			ID: in.ID, AskedOn: in.AskedOn, AskedTime: in.AskedTime, ShopID: in.ShopID, Customer: in.Customer,
			CustomerType: in.CustomerType, Channel: in.Channel, Products: strings.Join(in.Products, "、"),
			Region: in.Region, AgentID: ptr(in.AgentID), Outcome: in.Outcome, DealType: in.DealType,
			AmountFen: in.AmountFen, Reason: in.Reason, FollowNote: in.FollowNote, NextFollowOn: in.NextFollowOn,
			Note: in.Note, DealOn: dealOn, FlaggedBy: ptr(in.FlaggedBy), ChasedBy: ptr(in.ChasedBy), Now: utcNow(),
		})
		if err != nil {
			return fmt.Errorf("update inquiry %d: %w", in.ID, err)
		}
		if n == 0 {
			return fmt.Errorf("没有编号为 %d 的询盘登记", in.ID)
		}
		if dealOrder == "" && old.DealOrderNo != "" {
			if err := q.SetInquiryDeal(ctx, sqldb.SetInquiryDealParams{ID: in.ID, Outcome: in.Outcome,
				AmountFen: in.AmountFen, DealOn: dealOn, Now: utcNow()}); err != nil {
				return fmt.Errorf("unlink inquiry %d: %w", in.ID, err)
			}
			if err := q.RejectConfirmedMatches(ctx, sqldb.RejectConfirmedMatchesParams{InquiryID: in.ID, Now: utcNow()}); err != nil {
				return fmt.Errorf("unlink inquiry %d: %w", in.ID, err)
			}
		}
		if err := writeProducts(ctx, q, in.ID, in.Products); err != nil {
			return err
		}
		s.rememberProducts(in.Products)
		if err := addListValues(ctx, q, in); err != nil {
			return err
		}
		if out, err = get(ctx, q, in.ID); err != nil {
			return err
		}
		return s.afterWrite(ctx, q, out, old)
	})
	return out, err
}

// Delete removes a row entered by mistake (its follow-ups and proposals go with it) and
// returns it, so that the UI can offer to put it back (Add again).
func (s *Store) Delete(ctx context.Context, id int64) (Inquiry, error) {
	var out Inquiry
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		var err error
		if out, err = get(ctx, q, id); err != nil {
			return err
		}
		if _, err := q.DeleteInquiry(ctx, id); err != nil {
			return fmt.Errorf("delete inquiry %d: %w", id, err)
		}
		return nil
	})
	return out, err
}

// Get returns one row.
func (s *Store) Get(ctx context.Context, id int64) (Inquiry, error) {
	return get(ctx, s.db.Queries(), id)
}

func get(ctx context.Context, q *sqldb.Queries, id int64) (Inquiry, error) {
	r, err := q.GetInquiry(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Inquiry{}, fmt.Errorf("没有编号为 %d 的询盘登记（可能已经删除）", id)
	}
	if err != nil {
		return Inquiry{}, fmt.Errorf("get inquiry %d: %w", id, err)
	}
	return fromRow(sqldb.ListInquiriesRow(r)), nil
}

func fromRow(r sqldb.ListInquiriesRow) Inquiry {
	var products []string
	if r.Products != "" {
		products = strings.Split(r.Products, "、")
	}
	return Inquiry{
		ID: r.ID, AskedOn: r.AskedOn, AskedTime: r.AskedTime, ShopID: r.ShopID, ShopName: r.ShopName,
		Customer: r.Customer, CustomerType: r.CustomerType, Channel: r.Channel, Products: products,
		Region: r.Region, AgentID: val(r.AgentID), AgentName: r.AgentName, Outcome: r.Outcome,
		DealType: r.DealType, AmountFen: r.AmountFen, Reason: r.Reason, FollowNote: r.FollowNote,
		NextFollowOn: r.NextFollowOn, Note: r.Note, DealShopID: r.DealShopID, DealOrderNo: r.DealOrderNo,
		DealOn: r.DealOn, FlaggedBy: val(r.FlaggedBy), ChasedBy: val(r.ChasedBy), BatchID: val(r.BatchID),
		CreatedAt: r.CreatedUtc, UpdatedAt: r.UpdatedUtc,
	}
}

// Query selects a page of the register. Zero values mean no filter.
type Query struct {
	From       string `json:"from"` // YYYY-MM-DD inclusive
	To         string `json:"to"`
	Outcome    string `json:"outcome"`
	Channel    string `json:"channel"`
	AgentID    int64  `json:"agentId"`
	Search     string `json:"search"`     // part of the customer or of the products
	Incomplete bool   `json:"incomplete"` // only imported no-deal rows whose reason is 未填写
	Page       int    `json:"page"`       // from 1
	PageSize   int    `json:"pageSize"`   // 1..500, default 50
}

// Page is one page of the register, newest first.
type Page struct {
	Rows       []Inquiry `json:"rows"`
	Total      int64     `json:"total"`
	Incomplete int64     `json:"incomplete"` // rows still to complete (reason 未填写), in the whole register
}

// List returns one page of the register.
func (s *Store) List(ctx context.Context, lq Query) (Page, error) {
	if lq.Page < 1 {
		lq.Page = 1
	}
	if lq.PageSize < 1 || lq.PageSize > 500 {
		lq.PageSize = 50
	}
	inc := 0
	if lq.Incomplete {
		inc = 1
	}
	search := strings.TrimSpace(lq.Search)
	q := s.db.Queries()
	rows, err := q.ListInquiries(ctx, sqldb.ListInquiriesParams{FromDay: lq.From, ToDay: lq.To, Outcome: lq.Outcome,
		Channel: lq.Channel, AgentID: lq.AgentID, Search: search, Incomplete: inc, MissingReason: ReasonMissing,
		Lim: int64(lq.PageSize), Off: int64((lq.Page - 1) * lq.PageSize)})
	if err != nil {
		return Page{}, fmt.Errorf("list inquiries: %w", err)
	}
	total, err := q.CountInquiries(ctx, sqldb.CountInquiriesParams{FromDay: lq.From, ToDay: lq.To, Outcome: lq.Outcome,
		Channel: lq.Channel, AgentID: lq.AgentID, Search: search, Incomplete: inc, MissingReason: ReasonMissing})
	if err != nil {
		return Page{}, fmt.Errorf("count inquiries: %w", err)
	}
	incomplete, err := q.CountIncompleteInquiries(ctx, ReasonMissing)
	if err != nil {
		return Page{}, fmt.Errorf("count incomplete inquiries: %w", err)
	}
	out := Page{Rows: make([]Inquiry, 0, len(rows)), Total: total, Incomplete: incomplete}
	for _, r := range rows {
		out.Rows = append(out.Rows, fromRow(r))
	}
	return out, nil
}
