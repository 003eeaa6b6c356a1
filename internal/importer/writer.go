package importer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"shopdesk/db/sqldb"
	"shopdesk/internal/shop"
)

type rowOutcome int

const (
	rowSkipped rowOutcome = iota // blank line
	rowNew
	rowUpdated
	rowUnchanged
)

// rowError names the file, row, column and value a seller must look at.
type rowError struct {
	file, column, value string
	row                 int
	reason              string
}

func (e *rowError) Error() string {
	if e.value == "" {
		return fmt.Sprintf("文件“%s”第 %d 行，“%s”列：%s", e.file, e.row, e.column, e.reason)
	}
	return fmt.Sprintf("文件“%s”第 %d 行，“%s”列的值“%s”%s", e.file, e.row, e.column, e.value, e.reason)
}

// writer is what every row handler writes with, inside the file's transaction: the
// file's parser (layout, messages), its batch and prepared queries, and the shops its rows
// go to (shop). Rows come parsed (pipeline.go) and in file order.
type writer struct {
	rowParser
	ctx             context.Context
	tx              *sql.Tx
	q               *sqldb.Queries
	batchID         int64
	defaultShop     int64
	defaultShopFrom string // where defaultShop came from (ShopFromChosen, …)
	defaultShopName string
	shops           map[string]sqldb.FindShopRow // by name in the file ("" = no name column)
	shopIDs         map[int64]bool
	shopOrder       []int64 // the shops written to, in order of first appearance
	shopNames       []string
	// unnamed is the shop the rows without a shop name went to, and unnamedFrom how it
	// was found (a ShopFrom* value); "" while no such row was written.
	unnamed     int64
	unnamedFrom string
}

// shop resolves the row's shop: the row's 店铺名称, else the one named above the header,
// else the caller's choice (or the remembered one), else the only shop of the platform.
func (w *writer) shop(rowNo int, name string) (sqldb.FindShopRow, error) {
	if s, ok := w.shops[name]; ok {
		return s, nil
	}
	key := name
	from := "" // how a row without a name found its shop
	if name == "" && w.layout.preambleShop != "" {
		name, from = w.layout.preambleShop, ShopFromPreamble
	}
	if name == "" && w.defaultShop == 0 && w.defaultShopName != "" {
		name, from = w.defaultShopName, ShopFromNamed
	}
	platform := w.layout.Platform
	var s sqldb.FindShopRow
	var err error
	switch {
	case name != "":
		s, err = w.q.FindShop(w.ctx, sqldb.FindShopParams{Platform: platform, Name: name})
		if errors.Is(err, sql.ErrNoRows) {
			s, err = w.createShop(platform, name)
		}
	case w.defaultShop != 0:
		from = w.defaultShopFrom
		var g sqldb.GetShopRow
		g, err = w.q.GetShop(w.ctx, w.defaultShop)
		s = sqldb.FindShopRow(g)
		if errors.Is(err, sql.ErrNoRows) {
			return s, fail(ErrCodeNeedShop, fmt.Errorf("文件“%s”：选择的店铺已不存在（可能刚被删除或合并）：请重新选择店铺", w.file))
		}
		if err == nil && s.Platform != platform {
			return s, fail(ErrCodeNeedShop, fmt.Errorf("文件“%s”是%s的导出文件，不能导入到%s店铺“%s”：请选择%s店铺",
				w.file, platformLabel(platform), platformLabel(s.Platform), s.Name, platformLabel(platform)))
		}
	default:
		from = ShopFromOnly
		var list []sqldb.ShopsOnPlatformRow
		list, err = w.q.ShopsOnPlatform(w.ctx, platform)
		if err == nil && len(list) != 1 {
			why := "还没有" + platformLabel(platform) + "店铺"
			if len(list) > 1 {
				why = fmt.Sprintf("有 %d 个%s店铺", len(list), platformLabel(platform))
			}
			return s, fail(ErrCodeNeedShop, fmt.Errorf("文件“%s”里没有店铺名称，%s：请先选择要导入到哪个店铺", w.file, why))
		}
		if err == nil {
			s = sqldb.FindShopRow(list[0])
		}
	}
	if err != nil {
		return s, fmt.Errorf("文件“%s”第 %d 行：查找店铺失败：%w", w.file, rowNo, err)
	}
	w.shops[key] = s
	if key == "" && from != "" {
		w.unnamed, w.unnamedFrom = s.ID, from
	}
	if w.shopIDs == nil {
		w.shopIDs = map[int64]bool{}
	}
	if !w.shopIDs[s.ID] {
		w.shopIDs[s.ID] = true
		w.shopOrder = append(w.shopOrder, s.ID)
		w.shopNames = append(w.shopNames, s.Name)
	}
	return s, nil
}

func (w *writer) createShop(platform, name string) (sqldb.FindShopRow, error) {
	c, err := w.q.CreateShop(w.ctx, sqldb.CreateShopParams{Platform: platform, Name: name, Timezone: shop.DefaultTimezone})
	return sqldb.FindShopRow(c), err
}

// change is one field an import changed, kept in order_change or refund_change.
type change struct{ field, old, new string }
