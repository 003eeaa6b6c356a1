package settings

import (
	"context"

	"shopdesk/db/sqldb"
)

// InquiryRules are the settings of the inquiry register (internal/inquiry): matching orders
// to inquiries and the credit rules of the deals.
type InquiryRules struct {
	MatchDays    int  // an order within this many days after the inquiry's day is its deal
	AutoConfirm  bool // a matched order is confirmed as the deal without asking
	CreditFlag   bool // several agents talked to the buyer: the credit goes to the one who flagged the order
	CreditChase  bool // an unpaid order chased by another agent while its agent was offline: the chaser's
	ChaseHours   int  // unpaid longer than this after the order was placed counts as chased
	CreditReturn bool // a return for a non-quality reason takes the credit back
	RevisitPlan  bool // a new customer's first deal schedules the 1-3-10-30 revisits
}

// InquiryDefaults are the rules with no setting changed.
func InquiryDefaults() InquiryRules {
	v := map[string]float64{}
	for _, d := range Defs {
		v[d.Key] = d.Default
	}
	return inquiryFrom(v)
}

func inquiryFrom(v map[string]float64) InquiryRules {
	on := func(k string) bool { return v[k] != 0 }
	return InquiryRules{
		MatchDays: int(v[InquiryMatchDays]), AutoConfirm: on(InquiryAutoConfirm), CreditFlag: on(InquiryCreditFlag),
		CreditChase: on(InquiryCreditChase), ChaseHours: int(v[InquiryChaseHours]),
		CreditReturn: on(InquiryCreditReturn), RevisitPlan: on(InquiryRevisitPlan),
	}
}

// LoadInquiry returns the inquiry register's rules in force.
func LoadInquiry(ctx context.Context, q *sqldb.Queries) (InquiryRules, error) {
	v, err := values(ctx, q)
	if err != nil {
		return InquiryRules{}, err
	}
	return inquiryFrom(v), nil
}
