package importer

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bits-and-blooms/bloom/v3"

	"shopdesk/db/sqldb"
)

// insertRows is how many new orders one INSERT statement writes: a chunk's worth
// (chunkRows). Going from one row per statement to tens of rows is most of the gain; the
// rest (issue 13 §4: 100 -> 1000 rows took the writes from 1.37x to 1.2x the engine floor
// in CPU) is SQLite's statement journal: every statement copies each page it changes
// that an earlier statement of the transaction wrote (the index pages above all), once
// per statement. (SQLite caps a statement at 32,766 parameters: 1000 rows use 27,000.)
const insertRows = 1000

// orderKey is how an import finds an order: its shop and its number.
type orderKey struct {
	shopID int64
	no     string
}

// pendingOrder is a new order not yet written.
type pendingOrder struct {
	rowNo int
	key   orderKey
	v     orderValues // v.ID is already assigned
}

// orderStore is the writer's view of the orders table while one file is imported.
//
// For each chunk of rows it reads the stored orders the chunk names with a query or two
// (prefetch), and keeps them, and every order the chunk creates or changes, in known: the
// rows of the chunk then see exactly the state they would have read from the table row
// by row. New orders are queued and written insertRows at a time. Their ids are assigned
// here, counting on from the largest id, which is what SQLite itself would give them:
// the ids stay the same as with one INSERT per row, and nothing needs to be read back.
// Anything that writes rows referring to an order (history, items) or reads orders with
// SQL flushes the queue first.
type orderStore struct {
	// fresh: the platform had no orders when the file started, so a look-up can only find
	// an order this file created; made remembers those (a Bloom filter: a few MB for
	// millions of orders), and prefetch asks the table only for numbers it may hold. A
	// first import of a big file then does no look-ups at all.
	checkedFresh bool
	fresh        bool
	made         *bloom.BloomFilter

	known   map[orderKey]*storedOrder
	direct  map[string]bool // order numbers prefetch could not look up (see prefetch)
	pending []pendingOrder
	firstID int64 // the id of the first new order; 0 = not read yet
	nextID  int64 // the id of the next new order
	stmts   map[int]*sql.Stmt
	bound   []bool // by orderInsertColumns: the columns the INSERT binds (boundColumns)
	args    []any
}

// madeCapacity sizes the Bloom filter of a fresh import: at 1 % false positives for this
// many orders (2.4 MB); a bigger file only makes a few more look-ups.
const madeCapacity = 2_000_000

// storedOrder is an order of the table as the current chunk sees it. full is false when
// prefetch read only its id and import_fp, because the row naming it hashes the same
// (it changes nothing): the rest is read if another row of the chunk needs it.
type storedOrder struct {
	orderValues
	full bool
}

// prefetch writes the queued orders and reads the stored orders the rows name: for each,
// its fingerprint, and its whole state where the row's fingerprint differs.
func (s *orderStore) prefetch(w *writer, rows []parsedRow) error {
	if err := s.flush(w); err != nil {
		return err
	}
	if !s.checkedFresh {
		has, err := w.q.PlatformHasOrders(w.ctx, w.layout.Platform)
		if err != nil {
			return fmt.Errorf("读取已有订单失败：%w", err)
		}
		s.checkedFresh, s.fresh = true, !has
		if s.fresh {
			s.made = bloom.NewWithEstimates(madeCapacity, 0.01)
		}
	}
	if s.known == nil {
		s.known = make(map[orderKey]*storedOrder, len(rows))
		s.direct = map[string]bool{}
	}
	clear(s.known)
	clear(s.direct)
	// The numbers are looked up in the shop of their row where the writer has already
	// met that row's shop name (every chunk after the first), else in every shop of the
	// platform: one probe per number instead of one per number and shop.
	byShop := map[int64][]string{}
	rowFP := make(map[string]int64, len(rows)) // the fingerprint of the first row naming a number
	for i := range rows {
		r := &rows[i]
		if r.blank || r.orderNoErr != nil || r.orderNo == "" {
			continue
		}
		if s.fresh && !s.made.TestString(r.orderNo) {
			continue // not in the table: the file has not created it, and nothing else did
		}
		// JSON would turn invalid UTF-8 into U+FFFD and the number would not be found:
		// such a number (hardly ever seen) is looked up on its own.
		if !utf8.ValidString(r.orderNo) {
			s.direct[r.orderNo] = true
			continue
		}
		if _, seen := rowFP[r.orderNo]; !seen {
			rowFP[r.orderNo] = r.vals.ImportFp // 0 for a row whose values do not parse
		}
		shopID := int64(0) // 0: not known yet
		if sh, ok := w.shops[r.shopName]; ok {
			shopID = sh.ID
		}
		byShop[shopID] = append(byShop[shopID], r.orderNo)
	}
	changed := map[int64][]string{} // by shop: the numbers whose whole state is needed
	for shopID, nos := range byShop {
		shops, nosJSON, err := s.lookupArgs(w, shopID, nos)
		if err != nil {
			return err
		}
		found, err := w.q.OrderFingerprints(w.ctx, sqldb.OrderFingerprintsParams{ShopIds: shops, OrderNos: nosJSON})
		if err != nil {
			return fmt.Errorf("读取已有订单失败：%w", err)
		}
		for _, f := range found {
			if f.ImportFp != 0 && f.ImportFp == rowFP[f.OrderNo] {
				s.known[orderKey{f.ShopID, f.OrderNo}] = &storedOrder{orderValues: orderValues{ID: f.ID, ImportFp: f.ImportFp}}
			} else {
				changed[f.ShopID] = append(changed[f.ShopID], f.OrderNo)
			}
		}
	}
	for shopID, nos := range changed {
		shops, nosJSON, err := s.lookupArgs(w, shopID, nos)
		if err != nil {
			return err
		}
		found, err := w.q.OrdersForImport(w.ctx, sqldb.OrdersForImportParams{ShopIds: shops, OrderNos: nosJSON})
		if err != nil {
			return fmt.Errorf("读取已有订单失败：%w", err)
		}
		for _, f := range found {
			s.known[orderKey{f.ShopID, f.OrderNo}] = &storedOrder{full: true, orderValues: orderValues{
				ID: f.ID, Buyer: f.Buyer, Status: f.Status, StatusText: f.StatusText, PayFen: f.PayFen,
				RefundFen: f.RefundFen, Title: f.Title, ItemCount: f.ItemCount, Address: f.Address,
				CreatedAt: f.CreatedAt, PaidAt: f.PaidAt, ShippedAt: f.ShippedAt, TrackingNo: f.TrackingNo,
				Carrier: f.Carrier, BuyerMessage: f.BuyerMessage, SellerMemo: f.SellerMemo,
				LateShipComp: f.LateShipComp, LateShipCompFen: f.LateShipCompFen,
				PromisedShipAt: f.PromisedShipAt, AddressChanged: f.AddressChanged, CloseReason: f.CloseReason,
				AfterSale: f.AfterSale, ImportFp: f.ImportFp,
			}}
		}
	}
	return nil
}

// lookupArgs are the JSON arguments of a look-up of nos in one shop, or (shopID 0) in
// every shop of the file's platform.
func (s *orderStore) lookupArgs(w *writer, shopID int64, nos []string) (shops, orderNos string, err error) {
	ids := []int64{shopID}
	if shopID == 0 {
		list, err := w.q.ShopsOnPlatform(w.ctx, w.layout.Platform)
		if err != nil {
			return "", "", fmt.Errorf("读取店铺失败：%w", err)
		}
		ids = ids[:0]
		for _, sh := range list {
			ids = append(ids, sh.ID)
		}
	}
	idList, err := json.Marshal(ids)
	if err != nil {
		return "", "", err
	}
	noList, err := json.Marshal(nos)
	if err != nil {
		return "", "", err
	}
	return string(idList), string(noList), nil
}

// lookup returns the current state of an order of the current chunk, nil if there is no
// such order; whole unless prefetch found its fingerprint unchanged (see storedOrder).
// The writer may change the returned values in place (merge).
func (s *orderStore) lookup(w *writer, key orderKey) (*storedOrder, error) {
	if v, ok := s.known[key]; ok {
		return v, nil
	}
	if !s.direct[key.no] {
		return nil, nil
	}
	return s.load(w, key)
}

// load reads the whole stored state of an order into known; nil if there is none.
func (s *orderStore) load(w *writer, key orderKey) (*storedOrder, error) {
	v, err := w.q.GetOrderForImport(w.ctx, sqldb.GetOrderForImportParams{ShopID: key.shopID, OrderNo: key.no})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	st := &storedOrder{orderValues: v, full: true}
	s.known[key] = st
	return st, nil
}

// add queues a new order and returns its id.
func (s *orderStore) add(w *writer, rowNo int, key orderKey, v orderValues) (int64, error) {
	if s.firstID == 0 {
		maxID, err := w.q.MaxOrderID(w.ctx)
		if err != nil {
			return 0, err
		}
		s.firstID, s.nextID = maxID+1, maxID+1
	}
	v.ID = s.nextID
	s.nextID++
	if s.fresh {
		s.made.AddString(key.no)
	}
	s.pending = append(s.pending, pendingOrder{rowNo: rowNo, key: key, v: v})
	s.known[key] = &storedOrder{orderValues: v, full: true}
	if len(s.pending) >= insertRows {
		return v.ID, s.flush(w)
	}
	return v.ID, nil
}

// created is the id range of the orders the file created: first > last when none. Undo
// finds them by it (import_batch.first_order_id, last_order_id).
func (s *orderStore) created() (first, last int64) {
	if s.firstID == 0 {
		return 0, -1
	}
	return s.firstID, s.nextID - 1
}

// setTotals records totals the writer wrote for an order, if the chunk knows it (which
// cleared its fingerprint, as UpdateOrderTotals does).
func (s *orderStore) setTotals(key orderKey, pay, refund, count int64, title string) {
	if v, ok := s.known[key]; ok {
		v.PayFen, v.RefundFen, v.ItemCount, v.Title, v.ImportFp = pay, refund, count, title, 0
	}
}

// flush writes the queued orders, insertRows per statement.
func (s *orderStore) flush(w *writer) error {
	if s.bound == nil {
		s.bound = boundColumns(w.layout)
	}
	for start := 0; start < len(s.pending); {
		n := min(len(s.pending)-start, insertRows)
		if n < insertRows {
			// Fewer: a power of two at a time, so that at most 11 statements of different
			// sizes are prepared and kept (a statement of n rows holds its program for all
			// n; a file that changes stored orders between new ones flushes any number).
			n = 1 << (bits.Len(uint(n)) - 1)
		}
		stmt, err := s.insertStmt(w, n)
		if err != nil {
			return err
		}
		s.args = s.args[:0]
		for i := range s.pending[start : start+n] {
			for c, val := range s.pending[start+i].values() {
				if s.bound[c] {
					s.args = append(s.args, val)
				} else if val != "" && val != int64(0) {
					// A column taken as empty has a value after all (not seen: the layout
					// has no column for it): bind it from now on.
					s.bound[c] = true
					clear(s.stmts)
					s.pending = append(s.pending[:0], s.pending[start:]...)
					return s.flush(w)
				}
			}
		}
		if _, err := stmt.ExecContext(w.ctx, s.args...); err != nil {
			return fmt.Errorf("写入第 %d 行起的 %d 个新订单失败：%w", s.pending[start].rowNo, n, err)
		}
		start += n
	}
	s.pending = s.pending[:0]
	return nil
}

// values are p's values in orderInsertColumns order.
func (p *pendingOrder) values() [len(orderInsertColumns)]any {
	v := &p.v
	return [...]any{v.ID, p.key.shopID, p.key.no, v.Buyer, v.Status, v.StatusText,
		v.PayFen, v.RefundFen, v.Title, v.ItemCount, v.Address, v.CreatedAt, v.PaidAt,
		v.ShippedAt, v.TrackingNo, v.Carrier, v.BuyerMessage, v.SellerMemo, v.LateShipComp,
		v.LateShipCompFen, v.PromisedShipAt, v.AddressChanged, v.CloseReason, v.AfterSale, v.ImportFp}
}

// orderInsertColumns are the columns flush writes, with the import fields that set them
// ("" for the columns every row sets); first_batch_id and last_batch_id follow.
var orderInsertColumns = [...]struct{ name, field string }{
	{"id", ""}, {"shop_id", ""}, {"order_no", ""}, {"buyer", "buyer"}, {"status", ""}, {"status_text", ""},
	{"pay_fen", "pay_amount"}, {"refund_fen", "refund_amount"}, {"title", "title"}, {"item_count", "item_count"},
	{"address", "address"}, {"created_at", "created_at"}, {"paid_at", "paid_at"}, {"shipped_at", "shipped_at"},
	{"tracking_no", "tracking_no"}, {"carrier", "carrier"}, {"buyer_message", "buyer_message"},
	{"seller_memo", "seller_memo"}, {"late_ship_comp", "late_ship_comp*"},
	{"late_ship_comp_fen", "late_ship_comp_amount"}, {"promised_ship_at", "promised_ship_at"},
	{"address_changed", "address_changed"}, {"close_reason", "close_reason"}, {"after_sale", "after_sale"},
	{"import_fp", ""},
}

// boundColumns decides which columns the INSERT binds a value to: those the file has a
// column for. The others are empty in every row (the parser reads "" and 0 for a field
// the layout lacks) and are written as literals, as are the batch ids: binding a value
// costs about as much as SQLite's storing it, and a 48-column report maps 18 of them.
// flush checks each value it does not bind.
func boundColumns(l *boundLayout) []bool {
	bound := make([]bool, len(orderInsertColumns))
	for c, col := range orderInsertColumns {
		switch col.field {
		case "":
			bound[c] = true
		case "late_ship_comp*":
			bound[c] = l.has("late_ship_comp") || l.has("late_ship_comp_amount")
		default:
			bound[c] = l.has(col.field)
		}
	}
	return bound
}

// insertStmt is the INSERT of n orders, prepared once per file on its transaction. It is
// written here rather than in db/queries because sqlc cannot generate a statement with a
// variable number of VALUES rows.
func (s *orderStore) insertStmt(w *writer, n int) (*sql.Stmt, error) {
	if st, ok := s.stmts[n]; ok {
		return st, nil
	}
	names := make([]string, 0, len(orderInsertColumns)+2)
	cells := make([]string, 0, len(orderInsertColumns)+2)
	params := 0
	for c, col := range orderInsertColumns {
		names = append(names, col.name)
		switch {
		case s.bound[c]:
			cells = append(cells, "?")
			params++
		case orderColumnIsText[col.name]:
			cells = append(cells, "''")
		default:
			cells = append(cells, "0")
		}
	}
	batch := strconv.FormatInt(w.batchID, 10)
	names = append(names, "first_batch_id", "last_batch_id")
	cells = append(cells, batch, batch)
	if params*n > 32766 {
		return nil, fmt.Errorf("insert of %d orders: %d parameters, more than SQLite takes", n, params*n)
	}
	one := "(" + strings.Join(cells, ",") + ")"
	query := "INSERT INTO orders (" + strings.Join(names, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(one+",", n), ",")
	st, err := w.tx.PrepareContext(w.ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare insert of %d orders: %w", n, err)
	}
	if s.stmts == nil {
		s.stmts = map[int]*sql.Stmt{}
	}
	s.stmts[n] = st
	return st, nil
}

// orderColumnIsText are the text columns of orderInsertColumns that boundColumns may
// leave out (the others are integers).
var orderColumnIsText = map[string]bool{"buyer": true, "title": true, "address": true, "created_at": true,
	"paid_at": true, "shipped_at": true, "tracking_no": true, "carrier": true, "buyer_message": true,
	"seller_memo": true, "promised_ship_at": true, "close_reason": true, "after_sale": true}
