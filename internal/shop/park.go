package shop

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// A merge takes rows out of their tables (the shop merged away, the rows both shops had)
// and keeps them in shop_merge_parked until it is undone. The columns come from the schema
// itself (pragma_table_info, pragma_foreign_key_list), not from a list here: a column a
// later migration adds is parked and put back with the rest.

// fk is a foreign key: From of the table holding it refers to To of Table.
type fk struct{ Table, From, To, OnDelete string }

// column is one column of a table as the schema says.
type column struct {
	Name    string
	Default sql.NullString // the DEFAULT expression, as written
}

type tableInfo struct {
	cols  []column
	alias string // the INTEGER PRIMARY KEY column (the rowid under another name), "" if none
	fks   []fk
}

// parker parks and restores the rows of one merge inside its transaction.
type parker struct {
	ctx    context.Context
	tx     *sql.Tx
	merge  int64
	step   int64
	tables map[string]tableInfo
}

func newParker(ctx context.Context, tx *sql.Tx, merge int64) *parker {
	return &parker{ctx: ctx, tx: tx, merge: merge, tables: map[string]tableInfo{}}
}

func (p *parker) info(table string) (tableInfo, error) {
	if t, ok := p.tables[table]; ok {
		return t, nil
	}
	var t tableInfo
	rows, err := p.tx.QueryContext(p.ctx, `SELECT name, upper(type), pk, dflt_value FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		return t, fmt.Errorf("read columns of %s: %w", table, err)
	}
	pks := 0
	for rows.Next() {
		var c column
		var typ string
		var pk int
		if err := rows.Scan(&c.Name, &typ, &pk, &c.Default); err != nil {
			rows.Close()
			return t, fmt.Errorf("read columns of %s: %w", table, err)
		}
		if pk > 0 {
			pks++
			if typ == "INTEGER" {
				t.alias = c.Name
			}
		}
		t.cols = append(t.cols, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return t, fmt.Errorf("read columns of %s: %w", table, err)
	}
	if len(t.cols) == 0 {
		return t, fmt.Errorf("table %s does not exist", table)
	}
	if pks != 1 {
		t.alias = ""
	}
	if t.fks, err = p.foreignKeys(`SELECT "table", "from", coalesce("to", ''), upper(on_delete) FROM pragma_foreign_key_list(?)`, table); err != nil {
		return t, fmt.Errorf("read foreign keys of %s: %w", table, err)
	}
	p.tables[table] = t
	return t, nil
}

// cascadeChildren lists the foreign keys that delete rows of other tables with a row of
// parent (fk.Table is the child table here).
func (p *parker) cascadeChildren(parent string) ([]fk, error) {
	return p.foreignKeys(`SELECT m.name, f."from", coalesce(f."to", ''), upper(f.on_delete)
		FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND f."table" = ? AND upper(f.on_delete) = 'CASCADE'
		ORDER BY m.name, f.id`, parent)
}

func (p *parker) foreignKeys(query string, arg string) ([]fk, error) {
	rows, err := p.tx.QueryContext(p.ctx, query, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []fk
	for rows.Next() {
		var f fk
		if err := rows.Scan(&f.Table, &f.From, &f.To, &f.OnDelete); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// refCol is the column a foreign key refers to: To, or the referred table's row id.
func (p *parker) refCol(f fk) (string, error) {
	if f.To != "" {
		return f.To, nil
	}
	t, err := p.info(f.Table)
	if err != nil {
		return "", err
	}
	if t.alias == "" {
		return "", fmt.Errorf("foreign key %s -> %s: the table has no row id column", f.From, f.Table)
	}
	return t.alias, nil
}

// jsonObject renders every column of alias as one JSON object. SQLite functions take at
// most 127 arguments, so wide tables are built in parts joined by json_patch.
func jsonObject(alias string, cols []column) string {
	const perCall = 60
	var parts []string
	for i := 0; i < len(cols); i += perCall {
		var args []string
		for _, c := range cols[i:min(i+perCall, len(cols))] {
			args = append(args, fmt.Sprintf("'%s', %s.%s", strings.ReplaceAll(c.Name, "'", "''"), alias, ident(c.Name)))
		}
		parts = append(parts, "json_object("+strings.Join(args, ", ")+")")
	}
	out := parts[0]
	for _, part := range parts[1:] {
		out = "json_patch(" + out + ", " + part + ")"
	}
	return out
}

// jsonPath is the path of a column in a parked row.
func jsonPath(col string) string {
	return `'$."` + strings.ReplaceAll(strings.ReplaceAll(col, "'", "''"), `"`, `\"`) + `"'`
}

// park copies the rows of table that where selects (over the alias t, with args) into
// shop_merge_parked and, with remove, deletes them. With children, the rows hanging from
// them by ON DELETE CASCADE foreign keys are parked too (at any depth); without, the
// caller moves them away. It returns the number of rows of table parked.
func (p *parker) park(table, where string, children, remove bool, args ...any) (int64, error) {
	t, err := p.info(table)
	if err != nil {
		return 0, err
	}
	p.step++
	step := p.step
	stmt := fmt.Sprintf(`INSERT INTO shop_merge_parked (merge_id, step, tbl, row_id, parent_id, fk_col, row_json)
		SELECT ?, ?, ?, t.rowid, NULL, '', %s FROM %s t WHERE %s`, jsonObject("t", t.cols), ident(table), where)
	res, err := p.tx.ExecContext(p.ctx, stmt, append([]any{p.merge, step, table}, args...)...)
	if err != nil {
		return 0, fmt.Errorf("park rows of %s: %w", table, err)
	}
	n, err := res.RowsAffected()
	if err != nil || n == 0 {
		return 0, err
	}
	if children {
		if err := p.parkChildren(table, step); err != nil {
			return 0, err
		}
	}
	if !remove {
		return n, nil
	}
	del := fmt.Sprintf(`DELETE FROM %s WHERE rowid IN (SELECT row_id FROM shop_merge_parked WHERE merge_id = ? AND step = ?)`, ident(table))
	if _, err := p.tx.ExecContext(p.ctx, del, p.merge, step); err != nil {
		return 0, fmt.Errorf("take parked rows out of %s: %w", table, err)
	}
	return n, nil
}

// parkChildren parks the rows that hang from the rows parked in step of parent.
func (p *parker) parkChildren(parent string, parentStep int64) error {
	kids, err := p.cascadeChildren(parent)
	if err != nil {
		return fmt.Errorf("read tables under %s: %w", parent, err)
	}
	pt, err := p.info(parent)
	if err != nil {
		return err
	}
	for _, k := range kids {
		if to, err := p.refCol(fk{Table: parent, To: k.To}); err != nil || to != pt.alias {
			return fmt.Errorf("%s.%s refers to %s.%s, not to its row id: a merge cannot park it", k.Table, k.From, parent, k.To)
		}
		ct, err := p.info(k.Table)
		if err != nil {
			return err
		}
		p.step++
		step := p.step
		stmt := fmt.Sprintf(`INSERT INTO shop_merge_parked (merge_id, step, tbl, row_id, parent_id, fk_col, row_json)
			SELECT ?, ?, ?, c.rowid, par.id, ?, %s
			FROM shop_merge_parked par JOIN %s c ON c.%s = par.row_id
			WHERE par.merge_id = ? AND par.step = ? ORDER BY par.id, c.rowid`,
			jsonObject("c", ct.cols), ident(k.Table), ident(k.From))
		res, err := p.tx.ExecContext(p.ctx, stmt, p.merge, step, k.Table, k.From, p.merge, parentStep)
		if err != nil {
			return fmt.Errorf("park rows of %s: %w", k.Table, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n > 0 {
			if err := p.parkChildren(k.Table, step); err != nil {
				return err
			}
		}
	}
	return nil
}

// restore puts the parked rows back, one step at a time in the order they were parked
// (the rows a row hangs from come back first). A row gets its old row id back unless a
// new row took it meanwhile; then it gets a new one, and the rows hanging from it follow.
// setShop sets a column of the top rows of a table (the shop column of the rows of the
// shop merged away) to the shop's id as restored. A row that refers to a row gone since
// (an order whose import was undone after the merge) stays out: dropped counts them.
func (p *parker) restore(setShop func(table string) (col string, id int64, ok bool)) (put, dropped int64, err error) {
	type stepInfo struct {
		step  int64
		table string
		child bool
		fkCol string
	}
	rows, err := p.tx.QueryContext(p.ctx, `SELECT step, tbl, max(parent_id IS NOT NULL), max(fk_col)
		FROM shop_merge_parked WHERE merge_id = ? GROUP BY step, tbl ORDER BY step`, p.merge)
	if err != nil {
		return 0, 0, fmt.Errorf("read parked rows: %w", err)
	}
	var steps []stepInfo
	for rows.Next() {
		var s stepInfo
		if err := rows.Scan(&s.step, &s.table, &s.child, &s.fkCol); err != nil {
			rows.Close()
			return 0, 0, err
		}
		steps = append(steps, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, 0, err
	}
	for _, s := range steps {
		n, err := p.restoreStep(s.step, s.table, s.fkCol, s.child, setShop)
		if err != nil {
			return 0, 0, fmt.Errorf("put back rows of %s: %w", s.table, err)
		}
		put += n
	}
	err = p.tx.QueryRowContext(p.ctx, `SELECT count(*) FROM shop_merge_parked WHERE merge_id = ? AND new_row_id IS NULL`, p.merge).Scan(&dropped)
	return put, dropped, err
}

func (p *parker) restoreStep(step int64, table, fkCol string, child bool, setShop func(string) (string, int64, bool)) (int64, error) {
	t, err := p.info(table)
	if err != nil {
		return 0, err
	}
	// What each column gets: a fixed expression, or its value from the JSON (or its
	// DEFAULT when the column is newer than the parked row).
	fixed := map[string]string{}
	if t.alias != "" {
		fixed[t.alias] = "p.new_row_id"
	}
	if child {
		fixed[fkCol] = "par.new_row_id"
	} else if col, id, ok := setShop(table); ok {
		fixed[col] = fmt.Sprint(id)
	}
	eligible := []string{"(p.parent_id IS NULL OR par.new_row_id IS NOT NULL)"}
	for _, f := range t.fks {
		if _, ok := fixed[f.From]; ok {
			continue
		}
		to, err := p.refCol(f)
		if err != nil {
			return 0, err
		}
		val := "json_extract(p.row_json, " + jsonPath(f.From) + ")"
		exists := fmt.Sprintf("(%s IS NULL OR EXISTS (SELECT 1 FROM %s r WHERE r.%s = %s))", val, ident(f.Table), ident(to), val)
		if f.OnDelete == "SET NULL" {
			fixed[f.From] = fmt.Sprintf("CASE WHEN %s THEN %s END", exists, val)
		} else {
			eligible = append(eligible, exists)
		}
	}
	from := `FROM shop_merge_parked p LEFT JOIN shop_merge_parked par ON par.id = p.parent_id
		WHERE p.merge_id = ? AND p.step = ?`
	cond := strings.Join(eligible, " AND ")
	// Old row ids where free.
	keep := fmt.Sprintf(`UPDATE shop_merge_parked SET new_row_id = row_id WHERE id IN (SELECT p.id %s AND %s
		AND NOT EXISTS (SELECT 1 FROM %s x WHERE x.rowid = p.row_id))`, from, cond, ident(table))
	if _, err := p.tx.ExecContext(p.ctx, keep, p.merge, step); err != nil {
		return 0, err
	}
	// New ones above every row id in the table and every parked one of it.
	renumber := fmt.Sprintf(`UPDATE shop_merge_parked SET new_row_id = n.v FROM (
		SELECT p.id, max(coalesce((SELECT max(rowid) FROM %s), 0),
		                 (SELECT max(q.row_id) FROM shop_merge_parked q WHERE q.merge_id = p.merge_id AND q.tbl = p.tbl))
		             + row_number() OVER (ORDER BY p.id) AS v
		%s AND p.new_row_id IS NULL AND %s) AS n
		WHERE shop_merge_parked.id = n.id`, ident(table), from, cond)
	if _, err := p.tx.ExecContext(p.ctx, renumber, p.merge, step); err != nil {
		return 0, err
	}
	names := make([]string, 0, len(t.cols)+1)
	exprs := make([]string, 0, len(t.cols)+1)
	if t.alias == "" {
		names, exprs = append(names, "rowid"), append(exprs, "p.new_row_id")
	}
	for _, c := range t.cols {
		names = append(names, ident(c.Name))
		if e, ok := fixed[c.Name]; ok {
			exprs = append(exprs, e)
			continue
		}
		def := "NULL"
		if c.Default.Valid {
			def = "(" + c.Default.String + ")"
		}
		exprs = append(exprs, fmt.Sprintf("CASE WHEN json_type(p.row_json, %s) IS NULL THEN %s ELSE json_extract(p.row_json, %s) END",
			jsonPath(c.Name), def, jsonPath(c.Name)))
	}
	insert := fmt.Sprintf(`INSERT INTO %s (%s) SELECT %s %s AND p.new_row_id IS NOT NULL ORDER BY p.id`,
		ident(table), strings.Join(names, ", "), strings.Join(exprs, ", "), from)
	res, err := p.tx.ExecContext(p.ctx, insert, p.merge, step)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
