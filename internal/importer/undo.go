package importer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"shopdesk/db"
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
	// A stock sheet ("stock") or count sheet ("stocktake"): the stock movements and count
	// rows it had made, the SKUs it had created (and nothing else uses), the SKU fields it
	// had changed that came back.
	StockMovesRemoved  int64 `json:"stockMovesRemoved"`
	StockCountsRemoved int64 `json:"stockCountsRemoved"`
	StockItemsRemoved  int64 `json:"stockItemsRemoved"`
	StockItemsRestored int64 `json:"stockItemsRestored"`
	// A register sheet ("inquiry"): the inquiries it had added, and how many of them were
	// edited by hand since (they go too).
	InquiriesRemoved int64 `json:"inquiriesRemoved"`
	InquiriesEdited  int64 `json:"inquiriesEdited"`
	// A rota grid or punch file ("rota", "punch"): the cells it changed are back, its
	// punches and the people it added gone.
	StaffUndone bool `json:"staffUndone"`
	// A daily traffic export ("metrics"): the shop days given back their figures before
	// it, and those typed over by hand since (kept as typed).
	MetricDaysRestored int64 `json:"metricDaysRestored"`
	MetricDaysKept     int64 `json:"metricDaysKept"`
}

// Undo takes a batch back: each kind removes the rows the batch created and gives the
// ones it changed their previous values (fileKind.undo), then the shops it created go if
// they are empty.
// A batch that later imports built on must wait until those are undone.
func (im *Importer) Undo(ctx context.Context, batchID int64) (UndoResult, error) {
	res := UndoResult{BatchID: batchID}
	err := im.db.InTx(db.WithOp(ctx, fmt.Sprintf("撤销导入 #%d", batchID)), func(tx *sql.Tx, q *sqldb.Queries) error {
		b, err := q.GetBatch(ctx, batchID)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("没有编号为 %d 的导入记录（可能已经撤销过）", batchID)
		}
		if err != nil {
			return fmt.Errorf("undo batch %d: %w", batchID, err)
		}
		res.File = b.FileName
		res.Level = LayoutLevel(b.Format)
		if id := templateID(b.Format); id != 0 {
			if t, err := q.GetTemplate(ctx, id); err == nil {
				res.Level = t.Level
			}
		}
		// Every kind takes back its own rows of the batch (a batch holds one kind's, the
		// others find none), after checking no later batch built on them.
		for _, k := range kinds {
			later, err := k.laterBatch(ctx, q, b)
			if err != nil {
				return fmt.Errorf("undo batch %d: %s: %w", batchID, k.ID, err)
			}
			if later > 0 {
				return fmt.Errorf("不能撤销导入 #%d（%s）：之后的导入 #%d 又改过这次导入的%s，请先撤销 #%d", batchID, b.FileName, later, k.Name, later)
			}
		}
		for _, k := range kinds {
			if err := k.undo(ctx, tx, q, b, &res); err != nil {
				return fmt.Errorf("undo batch %d: %s: %w", batchID, k.ID, err)
			}
		}
		steps := []struct {
			name string
			run  func() error
		}{
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
