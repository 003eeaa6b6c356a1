package inquiry

import (
	"context"
	"errors"
	"fmt"
	"time"

	"shopdesk/db/sqldb"
)

// The register sheets sellers already keep are imported by the import engine (a built-in
// layout recognised by its header, and a template kind of the mapping screen): the engine
// reads the file and owns the batch, the preview and the transaction; its row handler
// writes the rows through ImportSheetRows and undoes them through UndoBatch. The header
// cells are recognised with HeaderField (the same words as a pasted header: Columns).

// HeaderField is the register field a header cell names ("" for a column the register
// ignores): 日期, 客户ID / 客户旺旺 / 客户昵称, 询盘渠道 / 咨询渠道, … (see Columns).
func HeaderField(cell string) string { return headerField(cell) }

// SheetRow is one data row of a register sheet: its row number in the file (for messages)
// and its cells by field (HeaderField of its column's header). Cells hold the text as read;
// 日期 may be an Excel serial day number (46347) or any usual date text.
type SheetRow struct {
	Row   int
	Cells map[string]string
}

// RowError is a cell of a sheet the register refuses: the engine adds the file name.
type RowError struct {
	Row    int
	Column string // the register's column name (日期, 客户ID, …)
	Value  string
	Msg    string
}

func (e *RowError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("第 %d 行“%s”列%s", e.Row, e.Column, e.Msg)
	}
	return fmt.Sprintf("第 %d 行“%s”列的值“%s”%s", e.Row, e.Column, e.Value, e.Msg)
}

// ImportResult says what ImportSheetRows wrote.
type ImportResult struct {
	Added int `json:"added"`
	// Incomplete counts the no-deal rows without a reason: kept with the reason 未填写
	// (ReasonMissing) and listed for completion (Query.Incomplete), not refused.
	Incomplete int `json:"incomplete"`
	// NewValues are the list entries the sheet added (a channel the lists did not have).
	NewValues []ListValue `json:"newValues"`
}

// ImportSheetRows writes the rows of one register sheet as import batch batchID, inside
// the import's transaction q (db.InTx / db.InBulkTx of the engine): all or nothing, the
// first refused cell is returned as a *RowError and the engine rolls back. d fills what a
// row leaves empty (the shop the seller picked; no agent or channel by default). A row
// with 是否成交 = 否 and no 未交易原因 is written with the reason 未填写 and counted in
// Incomplete. The orders matching runs after the import (app/import_service.go).
func (s *Store) ImportSheetRows(ctx context.Context, q *sqldb.Queries, batchID int64, rows []SheetRow, d PasteDefaults) (ImportResult, error) {
	res := ImportResult{NewValues: []ListValue{}}
	look, err := newLookups(ctx, q)
	if err != nil {
		return res, err
	}
	year := time.Now().Year()
	seen := map[ListValue]bool{}
	for _, r := range rows {
		in, fe := look.row(r.Cells, d, year)
		if fe == nil && in.Outcome == OutcomeNoDeal && in.Reason == "" {
			in.Reason = ReasonMissing
			res.Incomplete++
		}
		if fe == nil {
			if err := check(ctx, q, &in, true, ""); err != nil {
				if !errors.As(err, &fe) {
					return res, err
				}
			}
		}
		if fe != nil {
			v := r.Cells[fe.Field]
			if v == "" {
				v = fe.Value
			}
			return res, &RowError{Row: r.Row, Column: FieldName[fe.Field], Value: v, Msg: fe.Msg}
		}
		for _, lv := range look.newValues(in) {
			if !seen[lv] {
				seen[lv] = true
				look.options[lv] = true
				res.NewValues = append(res.NewValues, lv)
			}
		}
		id, err := s.insert(ctx, q, in, batchID)
		if err != nil {
			return res, fmt.Errorf("row %d: %w", r.Row, err)
		}
		in.ID = id
		if err := s.afterWrite(ctx, q, in, Inquiry{}); err != nil {
			return res, fmt.Errorf("row %d: %w", r.Row, err)
		}
		res.Added++
	}
	return res, nil
}

// UndoBatch removes the rows an import batch wrote (with their follow-ups and proposals),
// inside the engine's undo transaction, before the batch row itself goes. edited counts
// the rows changed by hand since (a completed reason): they go too, and the engine should
// say so (or ask first).
func (s *Store) UndoBatch(ctx context.Context, q *sqldb.Queries, batchID int64) (removed, edited int64, err error) {
	if edited, err = q.CountEditedInquiriesOfBatch(ctx, &batchID); err != nil {
		return 0, 0, fmt.Errorf("undo inquiries of batch %d: %w", batchID, err)
	}
	if removed, err = q.DeleteInquiriesOfBatch(ctx, &batchID); err != nil {
		return 0, 0, fmt.Errorf("undo inquiries of batch %d: %w", batchID, err)
	}
	return removed, edited, nil
}
