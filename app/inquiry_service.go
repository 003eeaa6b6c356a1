package app

import (
	"log"
	"shopdesk/db"
	"time"

	"shopdesk/internal/inquiry"
	"shopdesk/internal/shop"
)

// InquiriesEvent tells the UI that orders were matched to inquiries (an inquiry.MatchResult).
const InquiriesEvent = "inquiries:changed"

// InquiryService is the inquiry and deal register (询盘成交登记): entry, lists, paste,
// type-ahead, follow-ups, orders proposed as deals, the analysis and the exports.
type InquiryService struct{ env *env }

// matchInquiries proposes imported orders as deals (after an import, an undo, at start)
// and tells the UI. A failure is logged: the import stands, the next run catches up.
func (e *env) matchInquiries() {
	if e.db == nil {
		return
	}
	res, err := e.inquiries.MatchOrders(db.WithOp(e.ctx, "把订单匹配到询盘"))
	if err != nil {
		log.Printf("inquiries: match orders: %v", err)
		return
	}
	e.shell.Emit(InquiriesEvent, res)
}

// today is the shops' local day (follow-ups are due on shop-local days).
func today() string {
	return time.Now().In(shop.Location(shop.DefaultTimezone)).Format("2006-01-02")
}

// List returns one page of the register, newest first.
func (s *InquiryService) List(q inquiry.Query) (inquiry.Page, error) {
	return s.env.inquiries.List(s.env.ctx, q)
}

// Get returns one row.
func (s *InquiryService) Get(id int64) (inquiry.Inquiry, error) {
	return s.env.inquiries.Get(s.env.ctx, id)
}

// Add registers a typed row (the reason is required when there was no deal).
func (s *InquiryService) Add(in inquiry.Inquiry) (inquiry.Inquiry, error) {
	return s.env.inquiries.Add(s.env.ctx, in)
}

// Update changes a row.
func (s *InquiryService) Update(in inquiry.Inquiry) (inquiry.Inquiry, error) {
	return s.env.inquiries.Update(s.env.ctx, in)
}

// Delete removes a row and returns it (the UI offers to put it back).
func (s *InquiryService) Delete(id int64) (inquiry.Inquiry, error) {
	return s.env.inquiries.Delete(s.env.ctx, id)
}

// Options returns the editable lists (customer types, channels, reasons, deal types).
func (s *InquiryService) Options() ([]inquiry.Option, error) {
	return s.env.inquiries.Options(s.env.ctx)
}

// SavedOption is a list entry saved, with the number of register rows a rename renamed.
type SavedOption struct {
	Option  inquiry.Option `json:"option"`
	Renamed int64          `json:"renamed"`
}

// SaveOption adds (id 0), renames, reorders or hides a list entry.
func (s *InquiryService) SaveOption(o inquiry.Option) (SavedOption, error) {
	saved, n, err := s.env.inquiries.SaveOption(s.env.ctx, o)
	return SavedOption{Option: saved, Renamed: n}, err
}

// PreviewPaste says what adding a block copied from Excel would do (nothing is written).
func (s *InquiryService) PreviewPaste(text string, d inquiry.PasteDefaults) (inquiry.PastePreview, error) {
	return s.env.inquiries.PreviewPaste(s.env.ctx, text, d)
}

// AddPasted adds a pasted block, all or nothing.
func (s *InquiryService) AddPasted(text string, d inquiry.PasteDefaults) (int, error) {
	return s.env.inquiries.AddPasted(s.env.ctx, text, d)
}

// SuggestCustomers is the type-ahead of 客户ID.
func (s *InquiryService) SuggestCustomers(prefix string) ([]inquiry.CustomerHint, error) {
	return s.env.inquiries.SuggestCustomers(s.env.ctx, prefix)
}

// CustomerHistory is what the register and the orders know of a customer.
func (s *InquiryService) CustomerHistory(customer string) (inquiry.History, error) {
	return s.env.inquiries.CustomerHistory(s.env.ctx, customer)
}

// SuggestProducts is the type-ahead of 咨询产品.
func (s *InquiryService) SuggestProducts(text string) ([]string, error) {
	return s.env.inquiries.SuggestProducts(s.env.ctx, text)
}

// Regions are the regions to offer (used ones first, then the provinces).
func (s *InquiryService) Regions() ([]string, error) { return s.env.inquiries.Regions(s.env.ctx) }

// FollowUps is today's follow-up list: due today, overdue, and done today.
func (s *InquiryService) FollowUps() (inquiry.FollowUps, error) {
	return s.env.inquiries.DueFollowUps(s.env.ctx, today())
}

// AddFollowUp plans a follow-up of an inquiry on a day (one a day for one customer).
func (s *InquiryService) AddFollowUp(inquiryID int64, day string, agentID int64) (int64, error) {
	return s.env.inquiries.AddFollowUp(s.env.ctx, inquiryID, day, agentID)
}

// FinishFollowUp marks a follow-up done (or canceled) with what was said.
func (s *InquiryService) FinishFollowUp(id int64, state, note string, actorID int64) error {
	return s.env.inquiries.FinishFollowUp(s.env.ctx, id, state, note, actorID)
}

// ReopenFollowUp takes back a follow-up marked done by mistake.
func (s *InquiryService) ReopenFollowUp(id int64) error {
	return s.env.inquiries.ReopenFollowUp(s.env.ctx, id)
}

// ScheduleRevisits adds the 1-3-10-30 revisit plan for a deal.
func (s *InquiryService) ScheduleRevisits(inquiryID int64) (inquiry.Revisits, error) {
	return s.env.inquiries.ScheduleRevisits(s.env.ctx, inquiryID)
}

// Matches lists the orders proposed as deals ("proposed", or "" for all).
func (s *InquiryService) Matches(state string) ([]inquiry.Match, error) {
	return s.env.inquiries.Matches(s.env.ctx, state)
}

// MatchOrders matches the imported orders to the inquiries now.
func (s *InquiryService) MatchOrders() (inquiry.MatchResult, error) {
	res, err := s.env.inquiries.MatchOrders(s.env.ctx)
	if err == nil {
		s.env.shell.Emit(InquiriesEvent, res)
	}
	return res, err
}

// Confirm makes a proposed order the inquiry's deal (flaggedBy: who flagged the order, 0
// to take it from the order's memo).
func (s *InquiryService) Confirm(matchID, flaggedBy, actorID int64) error {
	return s.env.inquiries.Confirm(s.env.ctx, matchID, flaggedBy, actorID)
}

// Reject says the order is not the inquiry's deal.
func (s *InquiryService) Reject(matchID, actorID int64) error {
	return s.env.inquiries.Reject(s.env.ctx, matchID, actorID)
}

// Unconfirm takes a confirmation back.
func (s *InquiryService) Unconfirm(matchID, actorID int64) error {
	return s.env.inquiries.Unconfirm(s.env.ctx, matchID, actorID)
}

// Analyze is the analysis page's figures for a period and a breakdown.
func (s *InquiryService) Analyze(from, to, by string) (inquiry.Analysis, error) {
	return s.env.inquiries.Analyze(s.env.ctx, from, to, by)
}

// Credits lists the deals of a period with the agent credited and why.
func (s *InquiryService) Credits(from, to string) ([]inquiry.Credit, error) {
	return s.env.inquiries.Credits(s.env.ctx, from, to)
}

// ExportRegister writes the rows q selects as an Excel file in the register's layout.
func (s *InquiryService) ExportRegister(q inquiry.Query) (SavedFile, error) {
	data, n, err := s.env.inquiries.ExportRegister(s.env.ctx, q)
	if err != nil {
		return SavedFile{}, err
	}
	f, err := s.env.shell.SaveFile("询盘成交登记_"+time.Now().Format("20060102_1504")+".xlsx", data)
	f.Rows = n
	return f, err
}

// ExportAnalysis writes the analysis of a period as an Excel file.
func (s *InquiryService) ExportAnalysis(from, to string) (SavedFile, error) {
	data, err := s.env.inquiries.ExportAnalysis(s.env.ctx, from, to)
	if err != nil {
		return SavedFile{}, err
	}
	return s.env.shell.SaveFile("询盘分析_"+from+"_"+to+".xlsx", data)
}
