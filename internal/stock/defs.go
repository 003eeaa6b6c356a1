package stock

import "encoding/json"

// FrontendDefinitions is the UI's copy of the lists the stock page shares with Go: the
// statuses in their order, the rank classes, the item roles, the movement kinds (stored
// and by hand) and the sort keys (frontend/src/lib/stockDefs.json, written and checked by
// TestFrontendDefinitions: a code added on one side only fails there).
func FrontendDefinitions() ([]byte, error) {
	defs := struct {
		Comment   string   `json:"_comment"`
		Statuses  []string `json:"statuses"`
		Ranks     []string `json:"ranks"`
		Roles     []string `json:"roles"`
		MoveKinds []string `json:"moveKinds"`
		ByHand    []string `json:"byHand"`
		SortKeys  []string `json:"sortKeys"`
	}{
		Comment: "Written from the Go side (internal/stock defs.go): do not edit. " +
			"SHOPDESK_UPDATE_DEFS=1 go test -run TestFrontendDefinitions ./internal/stock/ rewrites it.",
		Statuses: Statuses, Ranks: Ranks, Roles: Roles, MoveKinds: MoveKinds,
		ByHand: []string{MoveIn, MoveOut, MoveReturn, MoveAdjust}, SortKeys: SortKeys,
	}
	b, err := json.MarshalIndent(defs, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
