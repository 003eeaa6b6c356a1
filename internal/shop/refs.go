package shop

import (
	"context"
	"database/sql"
	"fmt"
)

// Ref is a column that holds a shop's id. Merge moves its rows to the other shop (and
// undo moves them back); Delete deletes them, or clears the column. A module whose table
// has a shop column adds a line to Refs; TestEveryShopColumnIsARef finds every such column
// in the migrated schema (shop_id, *_shop_id, a foreign key to shop, shop_name) and fails
// when one is missing here.
type Ref struct {
	Table  string
	Column string
	// NameColumn is the row's copy of the shop name (anomaly.shop_name), kept current by
	// rename and merge; "" when the table keeps none.
	NameColumn string
	// Key are the columns that, with Column, are unique (orders: order_no). A row of the
	// shop merged away whose key the target also has is parked with the merge (the
	// target's row stays; undo puts the parked one back). nil: rows never collide.
	Key []string
	// Adopt are the tables whose rows hang from a parked row and move to the target's row
	// of the same key instead of being parked with it (anomaly_event: the notes and
	// history of an anomaly both shops had stay in view).
	Adopt []Child
	// Count names the rows for the seller (the merge and delete dialogs; the UI's label is
	// shops.rows.<Count> in the locales); "" when they are not worth naming.
	Count string
	// OnDelete is what deleting the shop does to the rows.
	OnDelete DeleteAction
}

// Child is a column of another table that refers to a Ref table's rows.
type Child struct{ Table, Column string }

// DeleteAction is what deleting a shop does to the rows of a Ref.
type DeleteAction int

const (
	// DeleteRows deletes them (and, through ON DELETE CASCADE, what hangs from them).
	DeleteRows DeleteAction = iota
	// ClearShop keeps them with the column set to 0: for what the seller typed that stands
	// without the shop (a register whose shop is optional).
	ClearShop
)

// Refs lists every column that refers to a shop, in the order merge and delete handle
// them. To add a table: one line here (and, if Count is set, shops.rows.<Count> in the
// zh-CN and en-US locales; TestRefCountsHaveLabels checks).
var Refs = []Ref{
	{Table: "orders", Column: "shop_id", Key: []string{"order_no"}, Count: "orders"},
	{Table: "refund", Column: "shop_id", Key: []string{"refund_no"}, Count: "refunds"},
	{Table: "anomaly", Column: "shop_id", NameColumn: "shop_name", Key: []string{"order_no", "rule", "subject"},
		Adopt: []Child{{Table: "anomaly_event", Column: "anomaly_id"}}, Count: "anomalies"},
	{Table: "complaint", Column: "shop_id", NameColumn: "shop_name", Count: "complaints"},
	{Table: "import_shop_choice", Column: "shop_id", Count: "choices"},
	{Table: "import_batch_shop", Column: "shop_id", Key: []string{"batch_id"}},
	{Table: "shop_alias", Column: "shop_id"},
	// The inquiry register (internal/inquiry) stands without the shop: a deleted shop's
	// inquiries stay, with no shop; the orders proposed as their deals go with the orders.
	{Table: "inquiry", Column: "shop_id", OnDelete: ClearShop},
	{Table: "inquiry", Column: "deal_shop_id", OnDelete: ClearShop},
	{Table: "inquiry_match", Column: "shop_id", Key: []string{"inquiry_id", "order_no"}},
	// Stock (internal/stock): a listing of the shop mapped to a SKU; the sale lines and
	// returns derived from the shop's orders and refunds (they follow them).
	{Table: "stock_listing", Column: "shop_id", Key: []string{"title"}},
	{Table: "stock_line", Column: "shop_id"},
	{Table: "stock_return", Column: "shop_id"},
	// Shop metrics (internal/metrics): the typed or imported daily figures and the monthly
	// targets; on a merge the target shop's own day or month is kept.
	{Table: "shop_metric", Column: "shop_id", Key: []string{"day"}},
	{Table: "shop_target", Column: "shop_id", Key: []string{"month"}},
	// A daily traffic export's import record of each shop day (for undo; internal/metrics/import.go).
	{Table: "shop_metric_import", Column: "shop_id", Key: []string{"batch_id", "day"}},
}

// Derived is a table that its owner keeps from the tables in Refs by itself: a summary kept
// by triggers follows every row that merge, undo and delete move or remove; the anomaly rules'
// state of their last run does not, and is reset. Merge, undo and delete leave the rows of a
// Derived table alone and then run its Reset, so that the owner does not trust what it kept.
// TestEveryShopColumnIsARef accepts a shop column listed here; TestMergeKeepsDerivedTablesRight
// checks that the owners put them right.
type Derived struct {
	Table string
	// Reset runs in the transaction of every merge, undo of a merge and delete ("": the
	// table's triggers keep it right).
	Reset string
}

// resetAnomalyRun: without the record of their last run, the anomaly rules look at every
// order on their next run and rebuild their per-shop and per-order state (internal/anomaly,
// 00011); they run after a merge or delete as after an import.
const resetAnomalyRun = `DELETE FROM anomaly_run`

// DerivedTables lists the Derived tables. A module whose summary or cache has a shop column
// adds a line here.
var DerivedTables = []Derived{
	// The orders page's counts (internal/orders, 00012): triggers on orders, refund and shop.
	{Table: "order_day_count"},
	{Table: "order_open_refund"},
	// The anomaly worklist's counts (00011): triggers on anomaly.
	{Table: "anomaly_count"},
	// The anomaly rules' state of their last run (00011), and its record, which the reset
	// removes.
	{Table: "anomaly_run", Reset: resetAnomalyRun},
	{Table: "anomaly_pending", Reset: resetAnomalyRun},
	{Table: "anomaly_scope_key", Reset: resetAnomalyRun},
	{Table: "anomaly_shop", Reset: resetAnomalyRun},
	{Table: "anomaly_amount", Reset: resetAnomalyRun},
	{Table: "anomaly_watch", Reset: resetAnomalyRun},
}

// resetDerived runs the Resets of DerivedTables (each once), inside the transaction of a
// merge, an undo of a merge or a delete.
func resetDerived(ctx context.Context, tx *sql.Tx) error {
	done := map[string]bool{}
	for _, d := range DerivedTables {
		if d.Reset == "" || done[d.Reset] {
			continue
		}
		done[d.Reset] = true
		if _, err := tx.ExecContext(ctx, d.Reset); err != nil {
			return fmt.Errorf("reset %s: %w", d.Table, err)
		}
	}
	return nil
}

// ownColumns are shop columns this package keeps itself, outside Refs: the merge log.
// Merge, UndoMerge and Delete handle them (merge.go, delete.go).
var ownColumns = map[string]string{
	"shop_merge.source_shop_id": "the shop merged away; its row is parked with the merge",
	"shop_merge.target_shop_id": "the shop merged into; Delete removes the merges into it",
}
