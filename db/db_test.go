package db_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"shopdesk/db"
	"shopdesk/db/sqldb"
)

func TestOpenMigratesFromEmptyAndAgain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "shop.db")
	for i := 0; i < 2; i++ { // the second open finds the schema current
		d, err := db.Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		for _, table := range []string{"shop", "import_batch", "orders", "order_item", "order_change"} {
			var n int
			if err := d.SQL.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?`, table).Scan(&n); err != nil || n != 1 {
				t.Fatalf("table %s: %d, %v", table, n, err)
			}
		}
		var mode string
		var fk, tempStore int
		d.SQL.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
		d.SQL.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
		d.SQL.QueryRow(`PRAGMA temp_store`).Scan(&tempStore)
		if mode != "wal" || fk != 1 || tempStore != 2 {
			t.Fatalf("journal_mode=%s foreign_keys=%d temp_store=%d", mode, fk, tempStore)
		}
		d.Close()
	}
}

func TestInTxCommitsOrRollsBack(t *testing.T) {
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(t.TempDir(), "shop.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	boom := errors.New("boom")
	err = d.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if _, err := q.CreateShop(ctx, sqldb.CreateShopParams{Platform: "taobao", Name: "甲", Timezone: "Asia/Shanghai"}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if n, _ := d.Queries().CountShops(ctx); n != 0 {
		t.Fatalf("rolled-back shop is there: %d", n)
	}
	err = d.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		_, err := q.CreateShop(ctx, sqldb.CreateShopParams{Platform: "taobao", Name: "甲", Timezone: "Asia/Shanghai"})
		return err
	})
	if n, _ := d.Queries().CountShops(ctx); err != nil || n != 1 {
		t.Fatalf("commit: %v, %d shops", err, n)
	}
	// A bad platform is refused by the schema itself.
	err = d.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		_, err := q.CreateShop(ctx, sqldb.CreateShopParams{Platform: "ebay", Name: "乙", Timezone: "Asia/Shanghai"})
		return err
	})
	if err == nil {
		t.Fatal("unknown platform accepted")
	}
}

// InBulkTx commits or rolls back like InTx, and gives its connection back to the pool with
// SQLite's default page cache and automatic checkpoint, whichever way it ended.
func TestInBulkTxRestoresTheConnection(t *testing.T) {
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(t.TempDir(), "shop.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	d.SQL.SetMaxOpenConns(1) // the pool's one connection is the one InBulkTx used
	var cache, autocheckpoint int
	d.SQL.QueryRow(`PRAGMA cache_size`).Scan(&cache)
	d.SQL.QueryRow(`PRAGMA wal_autocheckpoint`).Scan(&autocheckpoint)

	insert := func(name string, fail error) error {
		return d.InBulkTx(ctx, 64, func(tx *sql.Tx, q *sqldb.Queries) error {
			var inside int
			tx.QueryRow(`PRAGMA cache_size`).Scan(&inside)
			if inside != -64*1024 {
				t.Errorf("cache_size inside = %d, want %d", inside, -64*1024)
			}
			if _, err := tx.Exec(`INSERT INTO shop (platform, name) VALUES ('jd', ?)`, name); err != nil {
				return err
			}
			return fail
		})
	}
	for _, tt := range []struct {
		name string
		fail error
		want int
	}{{"kept", nil, 1}, {"dropped", errors.New("boom"), 0}} {
		err := insert(tt.name, tt.fail)
		if (err != nil) != (tt.fail != nil) {
			t.Fatalf("%s: err = %v", tt.name, err)
		}
		var n, c, a int
		d.SQL.QueryRow(`SELECT count(*) FROM shop WHERE name = ?`, tt.name).Scan(&n)
		d.SQL.QueryRow(`PRAGMA cache_size`).Scan(&c)
		d.SQL.QueryRow(`PRAGMA wal_autocheckpoint`).Scan(&a)
		if n != tt.want || c != cache || a != autocheckpoint {
			t.Fatalf("%s: rows %d (want %d), cache_size %d (want %d), wal_autocheckpoint %d (want %d)",
				tt.name, n, tt.want, c, cache, a, autocheckpoint)
		}
	}
}
