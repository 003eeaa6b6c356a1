package shop

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"shopdesk/db"
	"shopdesk/db/sqldb"
)

// Store is the shops of one database. Built once (app/services.go); its writes go through
// db.InTx, each all or nothing.
type Store struct{ db *db.DB }

// New returns the store over d.
func New(d *db.DB) *Store { return &Store{db: d} }

// List returns every shop with its order count and old names.
func (s *Store) List(ctx context.Context) ([]Shop, error) {
	q := s.db.Queries()
	rows, err := q.ListShops(ctx)
	if err != nil {
		return nil, fmt.Errorf("list shops: %w", err)
	}
	aliases, err := q.ListShopAliases(ctx)
	if err != nil {
		return nil, fmt.Errorf("list shop aliases: %w", err)
	}
	old := map[int64][]OldName{}
	for _, a := range aliases {
		old[a.ShopID] = append(old[a.ShopID], OldName{Name: a.Name, FromMerge: a.FromMerge != 0})
	}
	out := make([]Shop, 0, len(rows))
	for _, r := range rows {
		out = append(out, Shop{ID: r.ID, Platform: r.Platform, Name: r.Name, Timezone: r.Timezone,
			OrderCount: r.OrderCount, OldNames: old[r.ID]})
	}
	return out, nil
}

// Count returns how many shops there are.
func (s *Store) Count(ctx context.Context) (int64, error) {
	n, err := s.db.Queries().CountShops(ctx)
	if err != nil {
		return 0, fmt.Errorf("count shops: %w", err)
	}
	return n, nil
}

// Create adds a shop. The name is trimmed; on a platform a name is one shop's, as its
// name or an old one.
func (s *Store) Create(ctx context.Context, platform, name string) (Shop, error) {
	name, err := cleanName(name)
	if err != nil {
		return Shop{}, err
	}
	if !slices.Contains(Platforms, platform) {
		return Shop{}, fmt.Errorf("未知的平台“%s”", platform)
	}
	var out Shop
	err = s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if err := nameFree(ctx, q, platform, name, 0); err != nil {
			return err
		}
		r, err := q.CreateShop(ctx, sqldb.CreateShopParams{Platform: platform, Name: name, Timezone: DefaultTimezone})
		if err != nil {
			return fmt.Errorf("create shop %s/%s: %w", platform, name, err)
		}
		out = Shop{ID: r.ID, Platform: r.Platform, Name: r.Name, Timezone: r.Timezone}
		return nil
	})
	return out, err
}

// Rename gives a shop a new name. The old name stays an alias of the shop: a file exported
// before the rename still carries it in 店铺名称 and is imported into this shop, not into a
// new one. Renaming back to an old name takes that alias away again. The copies of the
// name kept beside shop ids (Ref.NameColumn) follow.
func (s *Store) Rename(ctx context.Context, id int64, name string) (Shop, error) {
	name, err := cleanName(name)
	if err != nil {
		return Shop{}, err
	}
	var out Shop
	err = s.db.InTx(ctx, func(tx *sql.Tx, q *sqldb.Queries) error {
		cur, err := getShop(ctx, q, id)
		if err != nil {
			return err
		}
		out = cur
		if cur.Name == name {
			return nil
		}
		h, err := q.NameHolder(ctx, sqldb.NameHolderParams{Platform: cur.Platform, Name: name})
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return fmt.Errorf("rename shop %d: %w", id, err)
		case h.ShopID != id:
			return takenError(cur.Platform, name, h)
		case h.MergeID != 0:
			return fmt.Errorf("“%s”是并入本店的店铺原来的名称：撤销那次合并之后才能改用这个名称", name)
		default: // back to an old name of its own
			if err := q.DeleteShopAlias(ctx, h.AliasID); err != nil {
				return fmt.Errorf("rename shop %d: %w", id, err)
			}
		}
		if err := q.AddShopAlias(ctx, sqldb.AddShopAliasParams{ShopID: id, Platform: cur.Platform, Name: cur.Name,
			CreatedAt: utcNow()}); err != nil {
			return fmt.Errorf("rename shop %d: keep old name: %w", id, err)
		}
		if err := q.RenameShop(ctx, sqldb.RenameShopParams{ID: id, Name: name}); err != nil {
			return fmt.Errorf("rename shop %d: %w", id, err)
		}
		for _, r := range Refs {
			if r.NameColumn == "" {
				continue
			}
			stmt := fmt.Sprintf(`UPDATE %s SET %s = ? WHERE %s = ?`, ident(r.Table), ident(r.NameColumn), ident(r.Column))
			if _, err := tx.ExecContext(ctx, stmt, name, id); err != nil {
				return fmt.Errorf("rename shop %d: %s: %w", id, r.Table, err)
			}
		}
		out.Name = name
		return nil
	})
	return out, err
}

// ForgetOldName stops imports from matching an old name to the shop: a file that carries
// it then makes a new shop of that name. A merged shop's name goes only with its merge.
func (s *Store) ForgetOldName(ctx context.Context, id int64, name string) error {
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		cur, err := getShop(ctx, q, id)
		if err != nil {
			return err
		}
		h, err := q.NameHolder(ctx, sqldb.NameHolderParams{Platform: cur.Platform, Name: name})
		if errors.Is(err, sql.ErrNoRows) || (err == nil && (h.ShopID != id || h.AliasID == 0)) {
			return fmt.Errorf("“%s”不是店铺“%s”以前的名称", name, cur.Name)
		}
		if err != nil {
			return fmt.Errorf("forget old name of shop %d: %w", id, err)
		}
		if h.MergeID != 0 {
			return fmt.Errorf("“%s”是并入本店的店铺原来的名称：撤销那次合并时会一起去掉", name)
		}
		return q.DeleteShopAlias(ctx, h.AliasID)
	})
}

// cleanName trims a shop name and checks it.
func cleanName(name string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", errors.New("店铺名称不能为空")
	case utf8.RuneCountInString(name) > maxNameRunes:
		return "", fmt.Errorf("店铺名称太长：最多 %d 个字", maxNameRunes)
	}
	return name, nil
}

// nameFree says whether name may be given to a shop of platform (other than self).
func nameFree(ctx context.Context, q *sqldb.Queries, platform, name string, self int64) error {
	h, err := q.NameHolder(ctx, sqldb.NameHolderParams{Platform: platform, Name: name})
	if errors.Is(err, sql.ErrNoRows) || (err == nil && h.ShopID == self) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("check shop name %s/%s: %w", platform, name, err)
	}
	return takenError(platform, name, h)
}

// takenError says who holds a name already.
func takenError(platform, name string, h sqldb.NameHolderRow) error {
	switch {
	case h.AliasID == 0:
		return fmt.Errorf("%s店铺“%s”已经存在", PlatformName[platform], name)
	case h.MergeID != 0:
		return fmt.Errorf("“%s”已并入%s店铺“%s”：导入的文件里写着“%s”时会归到“%s”。撤销那次合并之后才能再用这个名称",
			name, PlatformName[platform], h.ShopName, name, h.ShopName)
	default:
		return fmt.Errorf("“%s”是%s店铺“%s”以前的名称：导入的文件里写着“%s”时会归到“%s”。要用这个名称，先在“%s”的改名里忘记它",
			name, PlatformName[platform], h.ShopName, name, h.ShopName, h.ShopName)
	}
}

func getShop(ctx context.Context, q *sqldb.Queries, id int64) (Shop, error) {
	r, err := q.GetShop(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Shop{}, fmt.Errorf("店铺 #%d 不存在（可能已被删除或合并）", id)
	}
	if err != nil {
		return Shop{}, fmt.Errorf("read shop %d: %w", id, err)
	}
	return Shop{ID: r.ID, Platform: r.Platform, Name: r.Name, Timezone: r.Timezone}, nil
}

// ident quotes a table or column name from Refs or the schema for SQL built here (sqlc
// cannot write statements over a list of tables).
func ident(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

const wallLayout = "2006-01-02 15:04:05"

func utcNow() string { return time.Now().UTC().Format(wallLayout) }

// shopTime shows a UTC time Shopdesk recorded as the wall time of a shop's zone.
func shopTime(utc, zone string) string {
	t, err := time.Parse(wallLayout, utc)
	if err != nil {
		return utc
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		if loc, err = time.LoadLocation(DefaultTimezone); err != nil {
			return utc
		}
	}
	return t.In(loc).Format(wallLayout)
}

// Location is the zone name's location: the default zone (Asia/Shanghai) for an empty or
// unknown name, and fixed Beijing time when the PC has no zone database at all (the
// default zone has no DST, so the fixed offset is exact for it).
func Location(name string) *time.Location {
	if name != "" {
		if loc, err := time.LoadLocation(name); err == nil {
			return loc
		}
	}
	if loc, err := time.LoadLocation(DefaultTimezone); err == nil {
		return loc
	}
	return time.FixedZone("UTC+8", 8*3600)
}
