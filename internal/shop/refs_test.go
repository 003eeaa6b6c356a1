package shop_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"shopdesk/db"
	"shopdesk/internal/shop"
)

// refProblems checks shop.Refs against the schema of d and says what does not hold.
func refProblems(t *testing.T, d *db.DB) []string {
	t.Helper()
	var out []string
	listed := map[string]shop.Ref{}
	for _, r := range shop.Refs {
		listed[r.Table+"."+r.Column] = r
	}
	// Every shop column is a Ref (or the merge log's own).
	for _, c := range shopColumns(t, d) {
		key := c.Table + "." + c.Column
		if _, ok := listed[key]; ok {
			continue
		}
		if _, ok := shop.OwnColumns[key]; ok {
			continue
		}
		out = append(out, fmt.Sprintf("%s refers to a shop but is not in shop.Refs (internal/shop/refs.go): merge and delete would not handle it", key))
	}
	// Every copy of a shop name is kept by its table's Ref.
	for _, table := range tables(t, d) {
		for _, col := range strs(t, d, `SELECT name FROM pragma_table_info(?)`, table) {
			if col != "shop_name" && !strings.HasSuffix(col, "_shop_name") {
				continue
			}
			if !slices.ContainsFunc(shop.Refs, func(r shop.Ref) bool { return r.Table == table && r.NameColumn == col }) {
				out = append(out, fmt.Sprintf("%s.%s copies a shop name but no Ref of %s names it NameColumn: rename and merge would leave it stale", table, col, table))
			}
		}
	}
	for _, dt := range shop.DerivedTables {
		if !slices.Contains(tables(t, d), dt.Table) {
			out = append(out, fmt.Sprintf("shop.DerivedTables lists %s, which the schema does not have", dt.Table))
		}
	}
	for _, r := range shop.Refs {
		cols := strs(t, d, `SELECT name FROM pragma_table_info(?)`, r.Table)
		if len(cols) == 0 {
			out = append(out, fmt.Sprintf("shop.Refs lists %s, which the schema does not have", r.Table))
			continue
		}
		for _, c := range slices.Concat([]string{r.Column, r.NameColumn}, r.Key) {
			if c != "" && !slices.Contains(cols, c) {
				out = append(out, fmt.Sprintf("shop.Refs: %s has no column %s", r.Table, c))
			}
		}
		if withoutRowid(t, d, r.Table) {
			out = append(out, fmt.Sprintf("%s is WITHOUT ROWID: a merge notes moved rows by row id", r.Table))
		}
		// A merge parks the source's colliding rows of a keyed table, with what hangs
		// from them by ON DELETE CASCADE, and moves the rows of Adopt: any other foreign
		// key into the table would stop the merge or lose rows.
		if len(r.Key) == 0 {
			continue
		}
		for _, table := range tables(t, d) {
			for _, fk := range strs(t, d, `SELECT "from" || '|' || upper(on_delete) FROM pragma_foreign_key_list(?) WHERE "table" = ?`, table, r.Table) {
				col, onDelete, _ := strings.Cut(fk, "|")
				adopted := slices.Contains(r.Adopt, shop.Child{Table: table, Column: col})
				if onDelete != "CASCADE" && !adopted {
					out = append(out, fmt.Sprintf("%s.%s refers to %s without ON DELETE CASCADE and is not in its Adopt", table, col, r.Table))
				}
			}
		}
		for _, c := range r.Adopt {
			if n := len(strs(t, d, `SELECT "from" FROM pragma_foreign_key_list(?) WHERE "table" = ? AND "from" = ?`, c.Table, r.Table, c.Column)); n != 1 {
				out = append(out, fmt.Sprintf("Adopt %s.%s is not a foreign key to %s", c.Table, c.Column, r.Table))
			}
		}
	}
	return out
}

// Every table with a shop column (shop_id, *_shop_id, a foreign key to shop; *shop_name)
// must be handled by merge and delete. Module tables with a shop column are being added
// (inquiry, staff, stock, metrics): this fails until the module adds its line to
// shop.Refs.
func TestEveryShopColumnIsARef(t *testing.T) {
	d := openDB(t)
	if problems := refProblems(t, d); len(problems) > 0 {
		t.Fatalf("shop.Refs does not match the schema:\n%s", strings.Join(problems, "\n"))
	}
	if cols := shopColumns(t, d); len(cols) < len(shop.Refs) {
		t.Fatalf("found %d shop columns in the schema (%v), fewer than shop.Refs lists: the finder is broken", len(cols), cols)
	}

	// What a module's migration could add, and what the check then says.
	cases := []struct {
		name, ddl, want string
	}{
		{"a shop_id column", `CREATE TABLE module_x (id INTEGER PRIMARY KEY, shop_id INTEGER NOT NULL, sku TEXT)`,
			"module_x.shop_id refers to a shop but is not in shop.Refs"},
		{"another name for a shop id", `CREATE TABLE inquiry_x (id INTEGER PRIMARY KEY, deal_shop_id INTEGER NOT NULL DEFAULT 0)`,
			"inquiry_x.deal_shop_id refers to a shop"},
		{"a foreign key to shop", `CREATE TABLE metric_day (id INTEGER PRIMARY KEY, store INTEGER REFERENCES shop (id))`,
			"metric_day.store refers to a shop"},
		{"a copy of the shop name", `ALTER TABLE orders ADD COLUMN shop_name TEXT NOT NULL DEFAULT ''`,
			"orders.shop_name copies a shop name"},
		{"a table hanging from orders without cascade", `CREATE TABLE order_note (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders (id))`,
			"order_note.order_id refers to orders without ON DELETE CASCADE"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := openDB(t)
			if _, err := d.SQL.Exec(tc.ddl); err != nil {
				t.Fatal(err)
			}
			problems := refProblems(t, d)
			if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, tc.want) }) {
				t.Errorf("problems = %q, want one saying %q", problems, tc.want)
			}
		})
	}
}

// Each kind of row the merge and delete dialogs name has its words in both locales
// (shops.rows.<Count>).
func TestRefCountsHaveLabels(t *testing.T) {
	for _, lang := range []string{"zh-CN", "en-US"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "frontend", "src", "locales", lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var loc struct {
			Shops struct {
				Rows map[string]string `json:"rows"`
			} `json:"shops"`
		}
		if err := json.Unmarshal(data, &loc); err != nil {
			t.Fatal(err)
		}
		for _, r := range shop.Refs {
			if r.Count != "" && loc.Shops.Rows[r.Count] == "" {
				t.Errorf("%s: shops.rows.%s is missing (shop.Refs %s)", lang, r.Count, r.Table)
			}
		}
	}
}
