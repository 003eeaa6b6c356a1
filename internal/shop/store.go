package shop

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"shopdesk/db/sqldb"
)

// List returns every shop with its order count.
func List(ctx context.Context, db sqldb.DBTX) ([]Shop, error) {
	rows, err := sqldb.New(db).ListShops(ctx)
	if err != nil {
		return nil, fmt.Errorf("list shops: %w", err)
	}
	out := make([]Shop, 0, len(rows))
	for _, r := range rows {
		out = append(out, Shop{ID: r.ID, Platform: r.Platform, Name: r.Name, Timezone: r.Timezone, OrderCount: r.OrderCount})
	}
	return out, nil
}

// Create adds a shop. The name is trimmed; a platform+name pair exists once.
func Create(ctx context.Context, db sqldb.DBTX, platform, name string) (Shop, error) {
	name = strings.TrimSpace(name)
	if !slices.Contains(Platforms, platform) {
		return Shop{}, fmt.Errorf("未知的平台“%s”", platform)
	}
	if name == "" {
		return Shop{}, errors.New("店铺名称不能为空")
	}
	q := sqldb.New(db)
	if _, err := q.FindShop(ctx, sqldb.FindShopParams{Platform: platform, Name: name}); err == nil {
		return Shop{}, fmt.Errorf("%s店铺“%s”已经存在", PlatformName[platform], name)
	}
	r, err := q.CreateShop(ctx, sqldb.CreateShopParams{Platform: platform, Name: name, Timezone: DefaultTimezone})
	if err != nil {
		return Shop{}, fmt.Errorf("create shop %s/%s: %w", platform, name, err)
	}
	return Shop{ID: r.ID, Platform: r.Platform, Name: r.Name, Timezone: r.Timezone}, nil
}

// Count returns how many shops there are.
func Count(ctx context.Context, db sqldb.DBTX) (int64, error) {
	n, err := sqldb.New(db).CountShops(ctx)
	if err != nil {
		return 0, fmt.Errorf("count shops: %w", err)
	}
	return n, nil
}
