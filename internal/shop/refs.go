package shop

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
	// Stock (internal/stock): a listing of the shop mapped to a SKU; the sale lines and
	// returns derived from the shop's orders and refunds (they follow them).
	{Table: "stock_listing", Column: "shop_id", Key: []string{"title"}},
	{Table: "stock_line", Column: "shop_id"},
	{Table: "stock_return", Column: "shop_id"},
}

// ownColumns are shop columns this package keeps itself, outside Refs: the merge log.
// Merge, UndoMerge and Delete handle them (merge.go, delete.go).
var ownColumns = map[string]string{
	"shop_merge.source_shop_id": "the shop merged away; its row is parked with the merge",
	"shop_merge.target_shop_id": "the shop merged into; Delete removes the merges into it",
}
