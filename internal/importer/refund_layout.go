package importer

import (
	"fmt"
	"strings"

	"shopdesk/internal/orders"
)

// Normalised refund states (refund.status).
const (
	RefundOpen     = orders.RefundOpen     // still being handled: the seller has to act or wait
	RefundRefunded = orders.RefundRefunded // money returned / after-sale done
	RefundClosed   = orders.RefundClosed   // cancelled, rejected or withdrawn
)

// refundStatusCodes are the codes a refund_statuses rule may map to (the list the UI
// shares, domain.go).
var refundStatusCodes = setOf(RefundStatuses)

// checkLevel keeps order and refund layouts apart at load time: a refund layout maps only
// refund fields and has refund statuses for its platform; an order layout maps no refund
// field. "values" translate text fields of refund layouts only (the refund writer reads them).
func checkLevel(lf *layoutFile, l *Layout) error {
	isRefund := l.Level == levelRefund
	for f := range l.Columns {
		switch {
		case fieldOfLevel(l.Level, f):
		case isRefund:
			return fmt.Errorf("refund layout %s maps order field %q", l.ID, f)
		default:
			return fmt.Errorf("layout %s (level %s) maps refund field %q", l.ID, l.Level, f)
		}
	}
	if !isRefund {
		if len(l.Values) > 0 {
			return fmt.Errorf("layout %s: \"values\" are only read by refund layouts", l.ID)
		}
		return nil
	}
	if len(lf.RefundStatuses[l.Platform]) == 0 {
		return fmt.Errorf("refund layout %s: no refund_statuses for platform %s", l.ID, l.Platform)
	}
	if len(l.ItemKey) > 0 || l.InheritOrderNo {
		return fmt.Errorf("refund layout %s: item_key and inherit_order_no are for order layouts", l.ID)
	}
	for f, m := range l.Values {
		if len(l.Columns[f]) == 0 || fields[f].kind != kindText {
			return fmt.Errorf("refund layout %s: values for %q, which is not a mapped text field", l.ID, f)
		}
		for from := range m {
			if strings.TrimSpace(from) == "" {
				return fmt.Errorf("refund layout %s: values for %q translate an empty cell", l.ID, f)
			}
		}
	}
	return nil
}

// checkRefundStatuses checks the refund status rules and folds their full-width commas the
// way refundStatusCode folds the cell.
func checkRefundStatuses(lf *layoutFile) error {
	for p, rules := range lf.RefundStatuses {
		if !platforms[p] && p != anyPlatform {
			return fmt.Errorf("refund_statuses: unknown platform %q", p)
		}
		for i := range rules {
			if rules[i][0] == "" || !refundStatusCodes[rules[i][1]] {
				return fmt.Errorf("refund_statuses %s: %q maps to unknown code %q", p, rules[i][0], rules[i][1])
			}
			rules[i][0] = strings.ReplaceAll(rules[i][0], "，", ",")
		}
	}
	return nil
}

// anyPlatform keys the refund status rules tried after a platform's own: the wording most
// refund exports share, for the seller's refund templates (a platform without rules of
// its own) and for a wording missing from a platform's list.
const anyPlatform = "*"

// refundStatusCode maps a platform's refund status text to open, refunded or closed: the
// first rule of the platform, then of anyPlatform, whose text the cell contains. A text no
// rule knows counts as open, so that a refund in a state Shopdesk has not seen yet is
// shown to the seller rather than hidden.
func refundStatusCode(platform, text string) string {
	t := strings.ReplaceAll(text, "，", ",")
	for _, p := range []string{platform, anyPlatform} {
		for _, rule := range registry.RefundStatuses[p] {
			if strings.Contains(t, rule[0]) {
				return rule[1]
			}
		}
	}
	return RefundOpen
}

// LayoutLevel is the level of a layout id: "order", "sub_order", "refund" ("" if unknown).
func LayoutLevel(id string) string {
	for _, l := range registry.Layouts {
		if l.ID == id {
			return l.Level
		}
	}
	return ""
}
