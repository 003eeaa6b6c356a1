package stock

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"shopdesk/db/sqldb"
)

// Item is one SKU of the master as the UI edits it.
type Item struct {
	ID          int64  `json:"id"`
	Code        string `json:"code"`
	Name        string `json:"name"`
	Spec        string `json:"spec"`
	CostFen     int64  `json:"costFen"`
	SafetyStock int64  `json:"safetyStock"`
	Supplier    string `json:"supplier"`
	// LeadDays nil: the default lead time of 设置.
	LeadDays  *int64 `json:"leadDays"`
	PackSize  int64  `json:"packSize"`
	InTransit int64  `json:"inTransit"`
	Role      string `json:"role"` // "", traffic, main, image
	Active    bool   `json:"active"`
	Source    string `json:"source"` // order, sheet, manual
}

func itemOf(r sqldb.GetStockItemRow) Item {
	return Item{ID: r.ID, Code: r.Code, Name: r.Name, Spec: r.Spec, CostFen: r.CostFen, SafetyStock: r.SafetyStock,
		Supplier: r.Supplier, LeadDays: r.LeadDays, PackSize: r.PackSize, InTransit: r.InTransit, Role: r.Role,
		Active: r.Active == 1, Source: r.Source}
}

// itemColumns are the stock_item columns a sheet or the seller may change, with their
// Chinese names; stock_item_change.field is one of them (undo writes only these).
var itemColumns = map[string]string{
	"name": "商品名称", "spec": "规格", "cost_fen": "成本价", "safety_stock": "安全库存", "supplier": "供应商",
	"lead_days": "采购周期", "pack_size": "箱规", "in_transit": "在途数量", "role": "商品定位", "active": "启用",
}

// FieldName is the Chinese name of a SKU field of stock_item_change (move_undone: a
// movement taken back, see UndoMove).
func FieldName(field string) string {
	if n, ok := itemColumns[field]; ok {
		return n
	}
	if field == "move_undone" {
		return "撤销出入库"
	}
	return field
}

// FormatOptional writes an optional number as stock_item_change keeps it ("" for none).
func FormatOptional(v *int64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatInt(*v, 10)
}

// RestoreField puts a SKU field back to old when it still holds new (what the undone sheet
// wrote): a value the seller or a later sheet set since stays. It reports whether it did.
func RestoreField(ctx context.Context, tx *sql.Tx, id int64, field, old, new string) (bool, error) {
	if _, ok := itemColumns[field]; !ok {
		return false, fmt.Errorf("unknown field %q", field)
	}
	// The column comes from the fixed set above, never from input.
	var cur string
	err := tx.QueryRowContext(ctx, `SELECT CAST(coalesce(`+field+`, '') AS TEXT) FROM stock_item WHERE id = ?`, id).Scan(&cur)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil || cur != new {
		return false, err
	}
	var v any = old
	if old == "" && field == "lead_days" {
		v = nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE stock_item SET `+field+` = ? WHERE id = ?`, v, id)
	return err == nil, err
}

// ItemInput is what the SKU drawer saves.
type ItemInput struct {
	Name        string `json:"name"`
	Spec        string `json:"spec"`
	CostFen     int64  `json:"costFen"`
	SafetyStock int64  `json:"safetyStock"`
	Supplier    string `json:"supplier"`
	LeadDays    *int64 `json:"leadDays"`
	PackSize    int64  `json:"packSize"`
	InTransit   int64  `json:"inTransit"`
	Role        string `json:"role"`
	Active      bool   `json:"active"`
}

func (in *ItemInput) check() error {
	in.Name, in.Spec, in.Supplier = strings.TrimSpace(in.Name), strings.TrimSpace(in.Spec), strings.TrimSpace(in.Supplier)
	switch {
	case utf8.RuneCountInString(in.Name) > 200:
		return errors.New("商品名称太长了：最多 200 个字")
	case in.CostFen < 0:
		return errors.New("成本价不能小于 0")
	case in.SafetyStock < 0:
		return errors.New("安全库存不能小于 0")
	case in.LeadDays != nil && (*in.LeadDays < 0 || *in.LeadDays > 365):
		return errors.New("采购周期要在 0 到 365 天之间（不填就用设置里的默认值）")
	case in.PackSize < 1:
		return errors.New("箱规至少是 1（按件订货填 1）")
	case in.InTransit < 0:
		return errors.New("在途数量不能小于 0")
	case in.Role != "" && !slices.Contains(Roles, in.Role):
		return fmt.Errorf("不认识的商品定位“%s”", in.Role)
	}
	return nil
}

// GetItem returns one SKU.
func (s *Store) GetItem(ctx context.Context, id int64) (Item, error) {
	r, err := s.db.Queries().GetStockItem(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Item{}, fmt.Errorf("没有编号为 %d 的商品（可能已经撤销了导入）", id)
	}
	if err != nil {
		return Item{}, fmt.Errorf("get stock item %d: %w", id, err)
	}
	return itemOf(r), nil
}

// UpdateItem saves the SKU drawer: every field that changed is kept in the SKU's history
// with who changed it, and the figures are computed again.
func (s *Store) UpdateItem(ctx context.Context, id int64, in ItemInput, actorID int64) (Item, error) {
	if err := in.check(); err != nil {
		return Item{}, fmt.Errorf("不能保存：%w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		cur, err := q.GetStockItem(ctx, id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("没有编号为 %d 的商品", id)
		}
		if err != nil {
			return err
		}
		_, actor, err := actorName(ctx, q, actorID)
		if err != nil {
			return err
		}
		b := func(v bool) string { return map[bool]string{true: "1", false: "0"}[v] }
		n := strconv.FormatInt
		pairs := []struct{ field, old, new string }{
			{"name", cur.Name, in.Name}, {"spec", cur.Spec, in.Spec}, {"cost_fen", n(cur.CostFen, 10), n(in.CostFen, 10)},
			{"safety_stock", n(cur.SafetyStock, 10), n(in.SafetyStock, 10)}, {"supplier", cur.Supplier, in.Supplier},
			{"lead_days", FormatOptional(cur.LeadDays), FormatOptional(in.LeadDays)},
			{"pack_size", n(cur.PackSize, 10), n(in.PackSize, 10)}, {"in_transit", n(cur.InTransit, 10), n(in.InTransit, 10)},
			{"role", cur.Role, in.Role}, {"active", n(cur.Active, 10), b(in.Active)},
		}
		now := utcNow()
		changed := false
		for _, p := range pairs {
			if p.old == p.new {
				continue
			}
			changed = true
			if err := q.InsertStockItemChange(ctx, sqldb.InsertStockItemChangeParams{StockItemID: id, Field: p.field,
				OldValue: p.old, NewValue: p.new, ActorName: actor, At: now}); err != nil {
				return err
			}
		}
		if !changed {
			return nil
		}
		active := int64(0)
		if in.Active {
			active = 1
		}
		return q.UpdateStockItem(ctx, sqldb.UpdateStockItemParams{ID: id, Name: in.Name, Spec: in.Spec, CostFen: in.CostFen,
			SafetyStock: in.SafetyStock, Supplier: in.Supplier, LeadDays: in.LeadDays, PackSize: in.PackSize,
			InTransit: in.InTransit, Role: in.Role, Active: active, Edited: 1, Now: now})
	})
	if err != nil {
		return Item{}, fmt.Errorf("update stock item %d: %w", id, err)
	}
	if err := s.recompute(ctx); err != nil {
		return Item{}, err
	}
	return s.GetItem(ctx, id)
}

// CreateItem adds a SKU by hand (one Shopdesk has seen in no file yet).
func (s *Store) CreateItem(ctx context.Context, code string, in ItemInput) (Item, error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return Item{}, errors.New("不能新建：请填商家编码")
	}
	if err := in.check(); err != nil {
		return Item{}, fmt.Errorf("不能新建：%w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.db.Queries()
	if _, err := q.GetStockItemByCode(ctx, code); err == nil {
		return Item{}, fmt.Errorf("不能新建：已经有商家编码为“%s”的商品了", code)
	}
	now := utcNow()
	id, err := q.CreateStockItem(ctx, sqldb.CreateStockItemParams{Code: code, Name: in.Name, Spec: in.Spec,
		CostFen: in.CostFen, SafetyStock: in.SafetyStock, Supplier: in.Supplier, LeadDays: in.LeadDays,
		PackSize: in.PackSize, InTransit: in.InTransit, Role: in.Role, Source: "manual", Edited: 1, Now: now})
	if err != nil {
		return Item{}, fmt.Errorf("create stock item %s: %w", code, err)
	}
	if err := s.recompute(ctx); err != nil {
		return Item{}, err
	}
	return s.GetItem(ctx, id)
}

// Suppliers lists the suppliers the SKUs name, for the filter.
func (s *Store) Suppliers(ctx context.Context) ([]string, error) {
	out, err := s.db.Queries().ListSuppliers(ctx)
	if err != nil {
		return nil, fmt.Errorf("list suppliers: %w", err)
	}
	if out == nil {
		out = []string{}
	}
	return out, nil
}

// ItemChange is one change of a SKU's fields, for its history.
type ItemChange struct {
	Field string `json:"field"`
	Name  string `json:"name"` // Chinese name of the field
	Old   string `json:"old"`
	New   string `json:"new"`
	Actor string `json:"actor"`
	File  string `json:"file"` // the stock sheet that made it ("" by hand)
	At    string `json:"at"`   // local time of this computer
}
