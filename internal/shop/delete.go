package shop

import (
	"context"
	"database/sql"
	"fmt"

	"shopdesk/db/sqldb"
)

// Impact is what deleting a shop takes with it, for the confirmation.
type Impact struct {
	Shop Shop         `json:"shop"`
	Rows []TableCount `json:"rows"` // per Ref with a Count (orders, refunds, anomalies, ...)
	// Batches are the imports that wrote to this shop only: they leave the import history.
	Batches int64 `json:"batches"`
	// Merges are the merges into this shop that could be undone: they can no longer be.
	Merges int64 `json:"merges"`
}

// Impact says what deleting the shop would delete.
func (s *Store) Impact(ctx context.Context, id int64) (Impact, error) {
	var out Impact
	err := s.db.InTx(ctx, func(tx *sql.Tx, q *sqldb.Queries) error {
		sh, err := getShop(ctx, q, id)
		if err != nil {
			return err
		}
		out = Impact{Shop: sh, Rows: []TableCount{}}
		for _, r := range Refs {
			if r.Count == "" {
				continue
			}
			var n int64
			stmt := fmt.Sprintf(`SELECT count(*) FROM %s WHERE %s = ?`, ident(r.Table), ident(r.Column))
			if err := tx.QueryRowContext(ctx, stmt, id).Scan(&n); err != nil {
				return fmt.Errorf("count %s of shop %d: %w", r.Table, id, err)
			}
			out.Rows = append(out.Rows, TableCount{Key: r.Count, Rows: n})
		}
		batches, err := q.BatchesOnlyOfShop(ctx, id)
		if err != nil {
			return fmt.Errorf("count imports of shop %d: %w", id, err)
		}
		out.Batches = int64(len(batches))
		merges, err := q.MergesInto(ctx, id)
		if err != nil {
			return fmt.Errorf("count merges into shop %d: %w", id, err)
		}
		out.Merges = int64(len(merges))
		return nil
	})
	return out, err
}

// Delete deletes a shop with everything that refers to it (Refs; ClearShop rows stay
// without a shop), its imports that wrote to no other shop, and the merges into it (with
// the shops merged into it, which can no longer come back). confirmName must be the
// shop's name: the seller typed it to confirm.
func (s *Store) Delete(ctx context.Context, id int64, confirmName string) error {
	return s.db.InTx(ctx, func(tx *sql.Tx, q *sqldb.Queries) error {
		sh, err := getShop(ctx, q, id)
		if err != nil {
			return err
		}
		if confirmName != sh.Name {
			return fmt.Errorf("请输入店铺名称“%s”确认删除", sh.Name)
		}
		batches, err := q.BatchesOnlyOfShop(ctx, id)
		if err != nil {
			return fmt.Errorf("delete shop %d: %w", id, err)
		}
		if err := deleteMergesInto(ctx, q, id); err != nil {
			return fmt.Errorf("delete shop %d: %w", id, err)
		}
		for _, r := range Refs {
			stmt := fmt.Sprintf(`DELETE FROM %s WHERE %s = ?`, ident(r.Table), ident(r.Column))
			if r.OnDelete == ClearShop {
				stmt = fmt.Sprintf(`UPDATE %s SET %s = 0 WHERE %s = ?`, ident(r.Table), ident(r.Column), ident(r.Column))
			}
			if _, err := tx.ExecContext(ctx, stmt, id); err != nil {
				return fmt.Errorf("delete shop %d: %s: %w", id, r.Table, err)
			}
		}
		if err := q.DeleteShop(ctx, id); err != nil {
			return fmt.Errorf("delete shop %d: %w", id, err)
		}
		for _, b := range batches {
			if err := q.DeleteImportBatch(ctx, b); err != nil {
				return fmt.Errorf("delete shop %d: import #%d: %w", id, b, err)
			}
		}
		return resetDerived(ctx, tx)
	})
}

// deleteMergesInto forgets the merges into a shop, and those into the shops merged into
// it, at any depth (a shop merged away exists only in its merge).
func deleteMergesInto(ctx context.Context, q *sqldb.Queries, id int64) error {
	merges, err := q.MergesInto(ctx, id)
	if err != nil {
		return err
	}
	for _, m := range merges {
		if err := deleteMergesInto(ctx, q, m.SourceShopID); err != nil {
			return err
		}
		if err := q.DeleteShopMerge(ctx, m.ID); err != nil {
			return err
		}
	}
	return nil
}
