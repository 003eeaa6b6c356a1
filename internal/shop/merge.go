package shop

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"shopdesk/db/sqldb"
)

// Merging a shop into another of its platform (the one made by mistake for a file without
// 店铺名称 into the real one): every row of every Ref moves to the target, the source's
// name becomes an old name of the target (files that carry it import into the target),
// and the source shop is deleted. Rows both shops have (the same order number in both,
// e.g. one export imported into each) cannot both stay: the target's is kept, the
// source's is parked with the merge, and the notes and history of an anomaly both had
// move to the target's (Ref.Adopt). The merge dialog names these rows before the seller
// confirms. Undo puts every row back where it was (shop_merge_moved, shop_merge_parked).

// TableCount is a number of rows of one kind (a Ref's Count: orders, refunds, ...).
type TableCount struct {
	Key  string `json:"key"`
	Rows int64  `json:"rows"`
}

// Conflict is the rows of one kind that both shops have.
type Conflict struct {
	Key      string   `json:"key"`
	Rows     int64    `json:"rows"`
	Examples []string `json:"examples"` // the first few keys (order numbers, ...)
}

// MergePlan is what merging Source into Target would do.
type MergePlan struct {
	Source    Shop         `json:"source"`
	Target    Shop         `json:"target"`
	Moves     []TableCount `json:"moves"`     // rows that move to the target
	Conflicts []Conflict   `json:"conflicts"` // rows both have: the target's stay, the source's are parked
}

// MergeSummary is what a merge did, kept with it.
type MergeSummary struct {
	Moved  []TableCount `json:"moved"`
	Parked []TableCount `json:"parked"`
}

// Merge is one merge that can be undone.
type Merge struct {
	ID         int64  `json:"id"`
	Platform   string `json:"platform"`
	SourceID   int64  `json:"sourceId"`
	SourceName string `json:"sourceName"`
	TargetID   int64  `json:"targetId"`
	TargetName string `json:"targetName"`
	// MergedAt is when, as the target shop's local wall time 'YYYY-MM-DD HH:MM:SS' (like
	// every time shown with a shop's data), whatever this computer's zone.
	MergedAt string `json:"mergedAt"`
	MergeSummary
}

// UndoResult is what undoing a merge put back.
type UndoResult struct {
	Shop Shop `json:"shop"` // the shop merged away, back
	// Dropped counts parked rows left out: they referred to something gone since (an
	// order whose import was undone after the merge).
	Dropped int64 `json:"dropped"`
}

const conflictExamples = 5

// PlanMerge says what merging source into target would move and which rows both have.
func (s *Store) PlanMerge(ctx context.Context, sourceID, targetID int64) (MergePlan, error) {
	var plan MergePlan
	err := s.db.InTx(ctx, func(tx *sql.Tx, q *sqldb.Queries) error {
		src, dst, err := mergeShops(ctx, q, sourceID, targetID)
		if err != nil {
			return err
		}
		plan = MergePlan{Source: src, Target: dst, Moves: []TableCount{}, Conflicts: []Conflict{}}
		for _, r := range Refs {
			if r.Count == "" {
				continue
			}
			var total int64
			stmt := fmt.Sprintf(`SELECT count(*) FROM %s t WHERE t.%s = ?`, ident(r.Table), ident(r.Column))
			if err := tx.QueryRowContext(ctx, stmt, sourceID).Scan(&total); err != nil {
				return fmt.Errorf("plan merge: count %s: %w", r.Table, err)
			}
			c := Conflict{Key: r.Count, Examples: []string{}}
			if len(r.Key) > 0 {
				where := conflictWhere(r)
				stmt := fmt.Sprintf(`SELECT count(*) FROM %s t WHERE %s`, ident(r.Table), where)
				if err := tx.QueryRowContext(ctx, stmt, sourceID, targetID).Scan(&c.Rows); err != nil {
					return fmt.Errorf("plan merge: conflicts in %s: %w", r.Table, err)
				}
				if c.Rows > 0 {
					if c.Examples, err = conflictKeys(ctx, tx, r, where, sourceID, targetID); err != nil {
						return err
					}
					plan.Conflicts = append(plan.Conflicts, c)
				}
			}
			plan.Moves = append(plan.Moves, TableCount{Key: r.Count, Rows: total - c.Rows})
		}
		return nil
	})
	return plan, err
}

// Merge merges source into target (same platform) and returns the merge, to be undone
// with UndoMerge.
func (s *Store) Merge(ctx context.Context, sourceID, targetID int64) (Merge, error) {
	var out Merge
	err := s.db.InTx(ctx, func(tx *sql.Tx, q *sqldb.Queries) error {
		src, dst, err := mergeShops(ctx, q, sourceID, targetID)
		if err != nil {
			return err
		}
		now := utcNow()
		id, err := q.CreateShopMerge(ctx, sqldb.CreateShopMergeParams{Platform: src.Platform, SourceShopID: src.ID,
			SourceName: src.Name, TargetShopID: dst.ID, MergedAt: now})
		if err != nil {
			return fmt.Errorf("merge shop %d into %d: %w", src.ID, dst.ID, err)
		}
		p := newParker(ctx, tx, id)
		// The shop's row first: undo puts it back before the rows that refer to it. It is
		// deleted last, when nothing refers to it any more.
		if _, err := p.park("shop", "t.id = ?", false, false, src.ID); err != nil {
			return fmt.Errorf("merge shop %d into %d: %w", src.ID, dst.ID, err)
		}
		var sum MergeSummary
		for _, r := range Refs {
			if len(r.Key) == 0 {
				continue
			}
			for _, c := range r.Adopt {
				if err := adopt(p, r, c, src.ID, dst.ID); err != nil {
					return fmt.Errorf("merge shop %d into %d: %w", src.ID, dst.ID, err)
				}
			}
			n, err := p.park(r.Table, conflictWhere(r), true, true, src.ID, dst.ID)
			if err != nil {
				return fmt.Errorf("merge shop %d into %d: %w", src.ID, dst.ID, err)
			}
			if n > 0 && r.Count != "" {
				sum.Parked = append(sum.Parked, TableCount{Key: r.Count, Rows: n})
			}
		}
		for _, r := range Refs {
			n, err := move(p, r, src.ID, dst)
			if err != nil {
				return fmt.Errorf("merge shop %d into %d: %w", src.ID, dst.ID, err)
			}
			if r.Count != "" {
				sum.Moved = append(sum.Moved, TableCount{Key: r.Count, Rows: n})
			}
		}
		if err := q.AddShopAlias(ctx, sqldb.AddShopAliasParams{ShopID: dst.ID, Platform: dst.Platform, Name: src.Name,
			MergeID: &id, CreatedAt: now}); err != nil {
			return fmt.Errorf("merge shop %d into %d: keep its name: %w", src.ID, dst.ID, err)
		}
		if err := q.DeleteShop(ctx, src.ID); err != nil {
			// A foreign key to shop that Refs does not list (TestEveryShopColumnIsARef).
			return fmt.Errorf("merge shop %d into %d: delete it: %w", src.ID, dst.ID, err)
		}
		js, err := json.Marshal(sum)
		if err != nil {
			return err
		}
		if err := q.SetShopMergeSummary(ctx, sqldb.SetShopMergeSummaryParams{ID: id, SummaryJson: string(js)}); err != nil {
			return fmt.Errorf("merge shop %d into %d: %w", src.ID, dst.ID, err)
		}
		out = Merge{ID: id, Platform: src.Platform, SourceID: src.ID, SourceName: src.Name, TargetID: dst.ID,
			TargetName: dst.Name, MergedAt: shopTime(now, dst.Timezone), MergeSummary: sum}
		return resetDerived(ctx, tx)
	})
	return out, err
}

// Merges lists the merges that can be undone now, newest first. A merge into a shop that
// was itself merged away since is not among them until that later merge is undone.
func (s *Store) Merges(ctx context.Context) ([]Merge, error) {
	rows, err := s.db.Queries().ListShopMerges(ctx)
	if err != nil {
		return nil, fmt.Errorf("list shop merges: %w", err)
	}
	out := make([]Merge, 0, len(rows))
	for _, r := range rows {
		m := Merge{ID: r.ID, Platform: r.Platform, SourceID: r.SourceShopID, SourceName: r.SourceName,
			TargetID: r.TargetShopID, TargetName: r.TargetName, MergedAt: shopTime(r.MergedAt, r.TargetTimezone)}
		if err := json.Unmarshal([]byte(r.SummaryJson), &m.MergeSummary); err != nil {
			return nil, fmt.Errorf("shop merge %d: %w", r.ID, err)
		}
		out = append(out, m)
	}
	return out, nil
}

// UndoMerge puts everything a merge moved or parked back where it was, the shop merged
// away included (with its id), and forgets the merge.
func (s *Store) UndoMerge(ctx context.Context, id int64) (UndoResult, error) {
	var out UndoResult
	err := s.db.InTx(ctx, func(tx *sql.Tx, q *sqldb.Queries) error {
		m, err := q.GetShopMerge(ctx, id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("合并 #%d 不存在（可能已经撤销）", id)
		}
		if err != nil {
			return fmt.Errorf("undo shop merge %d: %w", id, err)
		}
		if _, err := q.GetShop(ctx, m.TargetShopID); errors.Is(err, sql.ErrNoRows) {
			later, lerr := q.MergeOfSource(ctx, m.TargetShopID)
			if lerr != nil {
				return fmt.Errorf("店铺“%s”并入的店铺已不存在，这次合并不能撤销", m.SourceName)
			}
			return fmt.Errorf("“%s”并入的店铺“%s”后来又并入了别的店铺：请先撤销那次合并", m.SourceName, later.SourceName)
		} else if err != nil {
			return fmt.Errorf("undo shop merge %d: %w", id, err)
		}
		if h, err := q.NameHolder(ctx, sqldb.NameHolderParams{Platform: m.Platform, Name: m.SourceName}); err == nil && h.AliasID == 0 {
			return fmt.Errorf("现在已经有名为“%s”的店铺，不能撤销这次合并：先把它改名", m.SourceName)
		}
		p := newParker(ctx, tx, id)
		srcID := int64(-1)
		// The shop's row is the first put back (step 1); the rows of the Ref tables parked
		// with the merge were the source's and go back to it.
		setShop := func(table string) (string, int64, bool) {
			if table == "shop" {
				return "", 0, false
			}
			if srcID < 0 {
				if n, err := q.ParkedShopNewID(ctx, id); err == nil && n != nil {
					srcID = *n
				} else {
					srcID = 0
				}
			}
			for _, r := range Refs {
				if r.Table == table && srcID > 0 {
					return r.Column, srcID, true
				}
			}
			return "", 0, false
		}
		_, dropped, err := p.restore(setShop)
		if err != nil {
			return fmt.Errorf("undo shop merge %d: %w", id, err)
		}
		if n, err := q.ParkedShopNewID(ctx, id); err != nil || n == nil {
			return fmt.Errorf("undo shop merge %d: the shop merged away was not put back (%v)", id, err)
		} else {
			srcID = *n
		}
		if err := moveBack(p); err != nil {
			return fmt.Errorf("undo shop merge %d: %w", id, err)
		}
		// The merge goes, and with it (ON DELETE CASCADE) the source's name as an alias of
		// the target and what the merge kept.
		if err := q.DeleteShopMerge(ctx, id); err != nil {
			return fmt.Errorf("undo shop merge %d: %w", id, err)
		}
		if out.Shop, err = getShop(ctx, q, srcID); err != nil {
			return err
		}
		out.Dropped = dropped
		return resetDerived(ctx, tx)
	})
	return out, err
}

// mergeShops reads the two shops of a merge and checks they can be merged.
func mergeShops(ctx context.Context, q *sqldb.Queries, sourceID, targetID int64) (Shop, Shop, error) {
	src, err := getShop(ctx, q, sourceID)
	if err != nil {
		return Shop{}, Shop{}, err
	}
	dst, err := getShop(ctx, q, targetID)
	if err != nil {
		return Shop{}, Shop{}, err
	}
	switch {
	case src.ID == dst.ID:
		return Shop{}, Shop{}, errors.New("不能把店铺合并到它自己")
	case src.Platform != dst.Platform:
		return Shop{}, Shop{}, fmt.Errorf("只能合并同一平台的店铺：“%s”是%s店铺，“%s”是%s店铺",
			src.Name, PlatformName[src.Platform], dst.Name, PlatformName[dst.Platform])
	}
	return src, dst, nil
}

// conflictWhere selects (over the alias t, with the args source, target) the source's
// rows of r whose key the target also has.
func conflictWhere(r Ref) string {
	eq := make([]string, len(r.Key))
	for i, k := range r.Key {
		eq[i] = fmt.Sprintf("d.%s IS t.%s", ident(k), ident(k))
	}
	return fmt.Sprintf("t.%s = ? AND EXISTS (SELECT 1 FROM %s d WHERE d.%s = ? AND %s)",
		ident(r.Column), ident(r.Table), ident(r.Column), strings.Join(eq, " AND "))
}

// keyJSON renders the key of a row of r (alias t) as the JSON array shop_merge_moved keeps.
func keyJSON(r Ref, alias string) string {
	if len(r.Key) == 0 {
		return "''"
	}
	cols := make([]string, len(r.Key))
	for i, k := range r.Key {
		cols[i] = alias + "." + ident(k)
	}
	return "json_array(" + strings.Join(cols, ", ") + ")"
}

func conflictKeys(ctx context.Context, tx *sql.Tx, r Ref, where string, sourceID, targetID int64) ([]string, error) {
	stmt := fmt.Sprintf(`SELECT CAST(t.%s AS TEXT) FROM %s t WHERE %s ORDER BY 1 LIMIT %d`,
		ident(r.Key[0]), ident(r.Table), where, conflictExamples)
	rows, err := tx.QueryContext(ctx, stmt, sourceID, targetID)
	if err != nil {
		return nil, fmt.Errorf("plan merge: conflicts in %s: %w", r.Table, err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// adopt moves the rows of c that hang from the source's rows of r that collide to the
// target's row of the same key, noting each for undo.
func adopt(p *parker, r Ref, c Child, sourceID, targetID int64) error {
	eq := make([]string, len(r.Key))
	for i, k := range r.Key {
		eq[i] = fmt.Sprintf("d.%s IS t.%s", ident(k), ident(k))
	}
	note := fmt.Sprintf(`INSERT INTO shop_merge_moved (merge_id, tbl, col, row_id, ref_tbl, old_value, new_value, old_name, row_key)
		SELECT ?, ?, ?, c.rowid, ?, c.%s, d.rowid, NULL, ''
		FROM %s c JOIN %s t ON t.rowid = c.%s JOIN %s d ON d.%s = ? AND %s
		WHERE t.%s = ?`,
		ident(c.Column), ident(c.Table), ident(r.Table), ident(c.Column), ident(r.Table), ident(r.Column),
		strings.Join(eq, " AND "), ident(r.Column))
	if _, err := p.tx.ExecContext(p.ctx, note, p.merge, c.Table, c.Column, r.Table, targetID, sourceID); err != nil {
		return fmt.Errorf("note rows of %s: %w", c.Table, err)
	}
	set := fmt.Sprintf(`UPDATE %s SET %s = m.new_value
		FROM (SELECT row_id, new_value FROM shop_merge_moved WHERE merge_id = ? AND tbl = ? AND col = ?) AS m
		WHERE %s.rowid = m.row_id`, ident(c.Table), ident(c.Column), ident(c.Table))
	if _, err := p.tx.ExecContext(p.ctx, set, p.merge, c.Table, c.Column); err != nil {
		return fmt.Errorf("move rows of %s: %w", c.Table, err)
	}
	return nil
}

// move points the source's rows of r at the target, noting each for undo.
func move(p *parker, r Ref, sourceID int64, target Shop) (int64, error) {
	name := "NULL"
	if r.NameColumn != "" {
		name = "t." + ident(r.NameColumn)
	}
	note := fmt.Sprintf(`INSERT INTO shop_merge_moved (merge_id, tbl, col, row_id, ref_tbl, old_value, new_value, old_name, row_key)
		SELECT ?, ?, ?, t.rowid, 'shop', ?, ?, %s, %s FROM %s t WHERE t.%s = ?`,
		name, keyJSON(r, "t"), ident(r.Table), ident(r.Column))
	if _, err := p.tx.ExecContext(p.ctx, note, p.merge, r.Table, r.Column, sourceID, target.ID, sourceID); err != nil {
		return 0, fmt.Errorf("note rows of %s: %w", r.Table, err)
	}
	set := fmt.Sprintf(`UPDATE %s SET %s = ?`, ident(r.Table), ident(r.Column))
	args := []any{target.ID}
	if r.NameColumn != "" {
		set += fmt.Sprintf(", %s = ?", ident(r.NameColumn))
		args = append(args, target.Name)
	}
	res, err := p.tx.ExecContext(p.ctx, set+fmt.Sprintf(" WHERE %s = ?", ident(r.Column)), append(args, sourceID)...)
	if err != nil {
		return 0, fmt.Errorf("move rows of %s: %w", r.Table, err)
	}
	return res.RowsAffected()
}

// moveBack points every row the merge moved back at what it pointed to before (through
// the parked rows' new ids), if it still points where the merge put it: a row deleted
// since (its import undone) stays deleted, and a new row that took its id is left alone
// (for keyed tables its key must match too).
func moveBack(p *parker) error {
	rows, err := p.tx.QueryContext(p.ctx, `SELECT DISTINCT tbl, col FROM shop_merge_moved WHERE merge_id = ?`, p.merge)
	if err != nil {
		return err
	}
	var groups [][2]string
	for rows.Next() {
		var g [2]string
		if err := rows.Scan(&g[0], &g[1]); err != nil {
			rows.Close()
			return err
		}
		groups = append(groups, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, g := range groups {
		table, col := g[0], g[1]
		var ref *Ref
		for i := range Refs {
			if Refs[i].Table == table && Refs[i].Column == col {
				ref = &Refs[i]
			}
		}
		set := fmt.Sprintf("%s = m.v", ident(col))
		guard := fmt.Sprintf("%s.%s = m.new_value", ident(table), ident(col))
		if ref != nil && ref.NameColumn != "" {
			set += fmt.Sprintf(", %s = coalesce(m.old_name, %s)", ident(ref.NameColumn), ident(ref.NameColumn))
		}
		if ref != nil && len(ref.Key) > 0 {
			guard += " AND " + keyJSON(*ref, ident(table)) + " = m.row_key"
		}
		stmt := fmt.Sprintf(`UPDATE %s SET %s FROM (
			SELECT mv.row_id, coalesce(pk.new_row_id, mv.old_value) AS v, mv.new_value, mv.old_name, mv.row_key
			FROM shop_merge_moved mv
			LEFT JOIN shop_merge_parked pk ON pk.merge_id = mv.merge_id AND pk.tbl = mv.ref_tbl
			                               AND pk.row_id = mv.old_value AND pk.parent_id IS NULL
			WHERE mv.merge_id = ? AND mv.tbl = ? AND mv.col = ?) AS m
			WHERE %s.rowid = m.row_id AND %s`, ident(table), set, ident(table), guard)
		if _, err := p.tx.ExecContext(p.ctx, stmt, p.merge, table, col); err != nil {
			return fmt.Errorf("move rows of %s back: %w", table, err)
		}
	}
	return nil
}
