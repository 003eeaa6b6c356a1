package importer

import (
	"encoding/json"

	"shopdesk/internal/orders"
	"shopdesk/internal/shop"
)

// The lists Go and the UI both know, each kept once: the platforms (package shop), the
// normalised order statuses and refund states (package orders). The importer checks
// layouts and templates against them, and writes them with the kinds' fields into
// frontend/src/lib/importDefs.json, which the UI imports (TestFrontendDefinitions fails
// when the file and these lists drift apart).

// OrderStatuses are the normalised order status codes, in the order the UI lists them.
var OrderStatuses = []string{orders.StatusUnpaid, orders.StatusToShip, orders.StatusShipped,
	orders.StatusCompleted, orders.StatusClosed, orders.StatusUnknown}

// RefundStatuses are the normalised refund states.
var RefundStatuses = []string{orders.RefundOpen, orders.RefundRefunded, orders.RefundClosed}

// platforms are the shop.platform values (the CHECK in the schema).
var platforms = setOf(shop.Platforms)

// statusCodes are the normalised codes a status rule may map to.
var statusCodes = setOf(OrderStatuses)

func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

// FrontendDefinitions is the UI's copy of what the two sides share: the platforms, order
// statuses and refund states, and each file kind's fields as the mapping screen offers
// them (frontend/src/lib/importDefs.json, written and checked by TestFrontendDefinitions).
func FrontendDefinitions() ([]byte, error) {
	type field struct {
		Key       string `json:"key"`
		Type      string `json:"type"`
		Name      string `json:"name"`
		Group     string `json:"group"`
		Required  bool   `json:"required,omitempty"`
		Suggested bool   `json:"suggested,omitempty"`
		Multi     bool   `json:"multi,omitempty"`
	}
	type kind struct {
		ID     string   `json:"id"`
		Name   string   `json:"name"`
		Levels []string `json:"levels"`
		// NoPlatform: the mapping screen asks for no platform (the seller's own sheet).
		NoPlatform bool       `json:"noPlatform,omitempty"`
		OneOf      [][]string `json:"oneOf"`
		Fields     []field    `json:"fields"`
	}
	defs := struct {
		Comment        string   `json:"_comment"`
		Platforms      []string `json:"platforms"`
		OrderStatuses  []string `json:"orderStatuses"`
		RefundStatuses []string `json:"refundStatuses"`
		Kinds          []kind   `json:"kinds"`
	}{
		Comment: "Written from the Go side (internal/importer/domain.go, kind.go): do not edit. " +
			"SHOPDESK_UPDATE_DEFS=1 go test -run TestFrontendDefinitions ./internal/importer/ rewrites it.",
		Platforms: shop.Platforms, OrderStatuses: OrderStatuses, RefundStatuses: RefundStatuses,
	}
	for _, k := range kinds {
		out := kind{ID: k.ID, Name: k.Name, Levels: k.Levels, NoPlatform: k.NoPlatform, OneOf: k.OneOf, Fields: []field{}}
		if out.OneOf == nil {
			out.OneOf = [][]string{}
		}
		for _, f := range k.Fields {
			if f.LayoutOnly {
				continue
			}
			out.Fields = append(out.Fields, field{Key: f.Key, Type: f.Type.String(), Name: f.Name, Group: f.Group,
				Required: f.Required, Suggested: f.Suggested, Multi: f.Multi})
		}
		defs.Kinds = append(defs.Kinds, out)
	}
	b, err := json.MarshalIndent(defs, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
