package importer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"shopdesk/db/sqldb"
)

// UndoResult says what undoing a batch did.
type UndoResult struct {
	BatchID  int64  `json:"batchId"`
	File     string `json:"file"`
	Removed  int64  `json:"removed"`  // orders the batch had created
	Restored int64  `json:"restored"` // orders whose earlier values came back
	// Level is the batch's layout level ("refund" for a refund / after-sales file, whose
	// counts are RefundsRemoved and RefundsRestored).
	Level           string `json:"level"`
	RefundsRemoved  int64  `json:"refundsRemoved"`
	RefundsRestored int64  `json:"refundsRestored"`
}

// orderColumns maps the field names kept in order_change to their orders column.
// Every field merge can change must be here, or undo cannot put it back.
var orderColumns = map[string]string{
	"buyer": "buyer", "pay_amount": "pay_fen", "refund_amount": "refund_fen", "title": "title",
	"item_count": "item_count", "address": "address", "created_at": "created_at", "paid_at": "paid_at",
	"shipped_at": "shipped_at", "tracking_no": "tracking_no", "carrier": "carrier",
	"buyer_message": "buyer_message", "seller_memo": "seller_memo", "late_ship_comp": "late_ship_comp",
	"late_ship_comp_amount": "late_ship_comp_fen",
	"promised_ship_at":      "promised_ship_at", "address_changed": "address_changed",
	"close_reason": "close_reason", "after_sale": "after_sale",
}

// itemColumns maps the item fields kept in order_change ("item:<sub-order>:<field>").
var itemColumns = map[string]string{
	"title": "title", "sku_code": "sku_code", "price": "price_fen", "quantity": "quantity",
	"pay_amount": "pay_fen", "status": "status_text", "refund_status": "refund_status",
	"refund_amount": "refund_fen",
}

// Undo takes a batch back: the orders and items it created are removed, the ones it
// changed get their previous values, and the shops it created go if they are empty.
// A batch that later imports built on must wait until those are undone.
func (im *Importer) Undo(ctx context.Context, batchID int64) (UndoResult, error) {
	res := UndoResult{BatchID: batchID}
	err := im.db.InTx(ctx, func(tx *sql.Tx, q *sqldb.Queries) error {
		b, err := q.GetBatch(ctx, batchID)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("没有编号为 %d 的导入记录（可能已经撤销过）", batchID)
		}
		if err != nil {
			return fmt.Errorf("undo batch %d: %w", batchID, err)
		}
		res.File = b.FileName
		later, err := q.LaterBatchTouching(ctx, sqldb.LaterBatchTouchingParams{
			BatchID: batchID, FirstOrderID: b.FirstOrderID, LastOrderID: b.LastOrderID})
		if err != nil {
			return fmt.Errorf("undo batch %d: %w", batchID, err)
		}
		if later > 0 {
			return fmt.Errorf("不能撤销导入 #%d（%s）：之后的导入 #%d 又改过这次导入的订单或退款，请先撤销 #%d", batchID, b.FileName, later, later)
		}
		changes, err := q.BatchChanges(ctx, batchID)
		if err != nil {
			return fmt.Errorf("undo batch %d: %w", batchID, err)
		}
		restored := map[int64]bool{}
		for _, c := range changes { // newest first: the oldest old value is written last
			if err := restore(ctx, tx, c); err != nil {
				return fmt.Errorf("undo batch %d: order %d field %s: %w", batchID, c.OrderID, c.Field, err)
			}
			restored[c.OrderID] = true
		}
		res.Restored = int64(len(restored))
		res.Level = LayoutLevel(b.Format)
		if res.RefundsRemoved, res.RefundsRestored, err = undoRefunds(ctx, tx, q, batchID); err != nil {
			return err
		}
		steps := []struct {
			name string
			run  func() error
		}{
			{"reset last batch", func() error { return q.ResetLastBatch(ctx, batchID) }},
			{"delete changes", func() error { return q.DeleteBatchChanges(ctx, batchID) }},
			{"reset item last batch", func() error { return q.ResetItemLastBatch(ctx, batchID) }},
			{"delete items", func() error { _, err := q.DeleteItemsOfBatch(ctx, batchID); return err }},
			{"delete orders", func() error {
				n, err := q.DeleteOrdersOfBatch(ctx, sqldb.DeleteOrdersOfBatchParams{
					BatchID: batchID, FirstOrderID: b.FirstOrderID, LastOrderID: b.LastOrderID})
				res.Removed = n
				return err
			}},
			{"delete batch shops", func() error { return q.DeleteBatchShops(ctx, batchID) }},
			{"delete empty shops", func() error { _, err := q.DeleteEmptyShopsOfBatch(ctx, &batchID); return err }},
			{"delete batch", func() error { return q.DeleteBatch(ctx, batchID) }},
		}
		for _, s := range steps {
			if err := s.run(); err != nil {
				return fmt.Errorf("undo batch %d: %s: %w", batchID, s.name, err)
			}
		}
		return nil
	})
	return res, err
}

// restore writes one old value back. The column comes from a fixed map, never from input.
// An order's import_fp is cleared: it hashed the values being undone (migration 00008).
func restore(ctx context.Context, tx *sql.Tx, c sqldb.BatchChangesRow) error {
	if rest, ok := strings.CutPrefix(c.Field, "item:"); ok {
		sub, field, found := strings.Cut(rest, ":")
		col, known := itemColumns[field]
		if !found || !known {
			return errors.New("unknown item field")
		}
		_, err := tx.ExecContext(ctx, `UPDATE order_item SET `+col+` = ? WHERE order_id = ? AND sub_order_no = ?`,
			c.OldValue, c.OrderID, sub)
		return err
	}
	if c.Field == "status" {
		_, err := tx.ExecContext(ctx, `UPDATE orders SET status_text = ?, status = ?, import_fp = 0 WHERE id = ?`,
			c.OldValue, statusCode(c.Platform, c.OldValue), c.OrderID)
		return err
	}
	col, ok := orderColumns[c.Field]
	if !ok {
		return errors.New("unknown field")
	}
	_, err := tx.ExecContext(ctx, `UPDATE orders SET `+col+` = ?, import_fp = 0 WHERE id = ?`, c.OldValue, c.OrderID)
	return err
}
