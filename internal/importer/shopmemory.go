package importer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"shopdesk/db/sqldb"
)

// Remembered shop choices. A file without a 店铺名称 column, of a platform with several
// shops, makes the seller pick the shop. The pick is remembered for files that look the
// same: the same header (HeaderSignature) and the same file-name pattern (FilePattern), so
// that the daily export of one shop's back office lands in that shop without asking, while
// another shop's export of the same platform (same header, but saved under another name)
// still asks. Used only when the caller named no shop: Options.ShopID or ShopName win.

// FilePattern is a file's base name with every run of digits (dates, times, serial
// numbers) replaced by one "*": ExportOrderList202611211800.csv -> ExportOrderList*.csv,
// 订单导出_2026-11-21(3).xlsx -> 订单导出_*-*-*(*).xlsx. Everything else, case included,
// stays: exports of one back office differ only in their numbers.
func FilePattern(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	var b strings.Builder
	digits := false
	for _, r := range name {
		if unicode.IsDigit(r) { // also full-width ０-９
			if !digits {
				b.WriteByte('*')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteRune(r)
	}
	return b.String()
}

// ShopChoice is one remembered pick, as the UI lists it.
type ShopChoice struct {
	ID          int64  `json:"id"`
	FilePattern string `json:"filePattern"`
	ShopID      int64  `json:"shopId"`
	ShopName    string `json:"shopName"`
	Platform    string `json:"platform"`
	CreatedAt   string `json:"createdAt"`  // local time of this computer
	LastUsedAt  string `json:"lastUsedAt"` // local time
}

// shopMemory is what an import knows about remembering its file's shop.
type shopMemory struct {
	sig, pattern string
	choiceID     int64 // the remembered choice used, 0 for none
}

// rememberedShop returns the shop remembered for a file (0 for none). It applies only to
// files that do not name their shop (no 店铺名称 column, no 店铺：line above the header) and
// when the caller named no shop.
func rememberedShop(ctx context.Context, q *sqldb.Queries, layout *boundLayout, file string, opts Options) (int64, shopMemory, error) {
	mem := shopMemory{sig: HeaderSignature(layout.headers), pattern: FilePattern(file)}
	if layout.namesShop() || opts.ShopID != 0 || opts.ShopName != "" {
		return 0, mem, nil
	}
	c, err := q.FindShopChoice(ctx, sqldb.FindShopChoiceParams{HeaderSig: mem.sig, FilePattern: mem.pattern})
	if errors.Is(err, sql.ErrNoRows) {
		return 0, mem, nil
	}
	if err != nil {
		return 0, mem, fmt.Errorf("文件“%s”：读取记住的店铺失败：%w", file, err)
	}
	if c.Platform != layout.Platform {
		return 0, mem, nil // a template moved to another platform: ask again
	}
	mem.choiceID = c.ID
	return c.ShopID, mem, nil
}

// defaultShop is the shop for the rows of a file that name none: the one remembered for
// files like it (res says so), else the caller's (0: the writer takes the platform's only
// shop, or asks). from says which (ShopFromRemembered, ShopFromChosen, "" for neither).
func (im *Importer) defaultShop(ctx context.Context, layout *boundLayout, opts Options, res *FileResult) (id int64, from string, mem shopMemory, err error) {
	id, mem, err = rememberedShop(ctx, im.db.Queries(), layout, res.File, opts)
	if err != nil {
		return 0, "", mem, err
	}
	res.ShopRemembered = id != 0
	switch {
	case id != 0:
		from = ShopFromRemembered
	case opts.ShopID != 0:
		id, from = opts.ShopID, ShopFromChosen
	}
	return id, from, mem, nil
}

// rememberImport runs in the import's transaction once the file went in: a shop the
// seller picked for a file without 店铺名称 is remembered (the latest pick replaces an
// earlier one), a remembered one and a template get their last use.
func rememberImport(ctx context.Context, q *sqldb.Queries, layout *boundLayout, mem shopMemory, opts Options) error {
	now := utcNow()
	if id := templateID(layout.ID); id != 0 {
		if err := q.TouchTemplate(ctx, sqldb.TouchTemplateParams{ID: id, UsedAt: now}); err != nil {
			return fmt.Errorf("记录导入模板的使用失败：%w", err)
		}
	}
	switch {
	case layout.namesShop():
	case opts.ShopID != 0:
		if err := q.RememberShopChoice(ctx, sqldb.RememberShopChoiceParams{HeaderSig: mem.sig,
			FilePattern: mem.pattern, ShopID: opts.ShopID, UsedAt: now}); err != nil {
			return fmt.Errorf("记住店铺失败：%w", err)
		}
	case mem.choiceID != 0:
		if err := q.TouchShopChoice(ctx, sqldb.TouchShopChoiceParams{ID: mem.choiceID, UsedAt: now}); err != nil {
			return fmt.Errorf("记录店铺选择的使用失败：%w", err)
		}
	}
	return nil
}

// ShopChoices lists the remembered shop choices, the last used first.
func (im *Importer) ShopChoices(ctx context.Context) ([]ShopChoice, error) {
	rows, err := im.db.Queries().ListShopChoices(ctx)
	if err != nil {
		return nil, fmt.Errorf("list shop choices: %w", err)
	}
	out := make([]ShopChoice, 0, len(rows))
	for _, r := range rows {
		out = append(out, ShopChoice{ID: r.ID, FilePattern: r.FilePattern, ShopID: r.ShopID, ShopName: r.ShopName,
			Platform: r.Platform, CreatedAt: localTime(r.CreatedAt), LastUsedAt: localTime(r.LastUsedAt)})
	}
	return out, nil
}

// ForgetShopChoice drops a remembered choice: such files ask for their shop again.
func (im *Importer) ForgetShopChoice(ctx context.Context, id int64) error {
	var n int64
	err := im.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) (err error) {
		n, err = q.ForgetShopChoice(ctx, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("forget shop choice %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("没有编号为 %d 的店铺记忆（可能已经删除）", id)
	}
	return nil
}
