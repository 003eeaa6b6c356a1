package importer

import (
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
