package stock

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"shopdesk/db/sqldb"
)

// Movements the seller records by hand: goods in, goods out, a return, an adjustment, and
// the stock sheet's inline edit of on hand (an adjustment by the difference). Each keeps
// who and why. Nothing is overwritten: a mistake is taken back by UndoMove, which removes
// the movement and notes that in the SKU's history.

// MoveInput is one movement by hand.
type MoveInput struct {
	Kind    string `json:"kind"` // in, out, return, adjust
	Qty     int64  `json:"qty"`  // in, out, return: how many (> 0); adjust: the change (±)
	Reason  string `json:"reason"`
	ActorID int64  `json:"actorId"` // the staff member (0: not chosen)
}

// maxReason is the longest reason, in characters.
const maxReason = 200

// actorName is the name of a staff member (0: nobody chosen).
func actorName(ctx context.Context, q *sqldb.Queries, id int64) (*int64, string, error) {
	if id == 0 {
		return nil, "", nil
	}
	s, err := q.GetStaff(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", fmt.Errorf("没有编号为 %d 的员工", id)
	}
	if err != nil {
		return nil, "", err
	}
	return &s.ID, s.Name, nil
}

// AddMove records a movement by hand and computes the figures again.
func (s *Store) AddMove(ctx context.Context, itemID int64, in MoveInput) (Entry, error) {
	in.Reason = strings.TrimSpace(in.Reason)
	qty := in.Qty
	switch in.Kind {
	case MoveIn, MoveReturn:
		if qty <= 0 {
			return Entry{}, errors.New("数量要大于 0")
		}
	case MoveOut:
		if qty <= 0 {
			return Entry{}, errors.New("数量要大于 0")
		}
		qty = -qty
	case MoveAdjust:
		if qty == 0 {
			return Entry{}, errors.New("调整数量不能是 0")
		}
		if in.Reason == "" {
			return Entry{}, errors.New("请写明调整的原因（例如“破损”“盘点少了”）")
		}
	default:
		return Entry{}, fmt.Errorf("不认识的出入库类型“%s”", in.Kind)
	}
	return s.insertMove(ctx, itemID, in.Kind, qty, in.Reason, in.ActorID)
}

// SetOnHand is the sheet's inline edit: on hand becomes value, by an adjustment of the
// difference (with its reason), and the figures are computed again.
func (s *Store) SetOnHand(ctx context.Context, itemID, value int64, reason string, actorID int64) (Entry, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Entry{}, errors.New("请写明修改库存的原因（例如“盘点”“破损”“录错了”）")
	}
	bal, err := Balances(ctx, s.db.Queries(), []int64{itemID}, s.wallNow())
	if err != nil {
		return Entry{}, err
	}
	diff := value - bal[itemID].OnHand
	if diff == 0 {
		return Entry{}, fmt.Errorf("库存已经是 %d，没有改动", value)
	}
	return s.insertMove(ctx, itemID, MoveAdjust, diff, reason, actorID)
}

func (s *Store) insertMove(ctx context.Context, itemID int64, kind string, qty int64, reason string, actorID int64) (Entry, error) {
	if utf8.RuneCountInString(reason) > maxReason {
		return Entry{}, fmt.Errorf("原因太长了：最多 %d 个字", maxReason)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.db.Queries()
	if _, err := q.GetStockItem(ctx, itemID); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return Entry{}, fmt.Errorf("没有编号为 %d 的商品", itemID)
		}
		return Entry{}, err
	}
	aid, name, err := actorName(ctx, q, actorID)
	if err != nil {
		return Entry{}, err
	}
	at := s.wallNow()
	id, err := q.InsertStockMove(ctx, sqldb.InsertStockMoveParams{StockItemID: itemID, Kind: kind, Qty: qty, At: at,
		Reason: reason, ActorID: aid, ActorName: name, CreatedAt: utcNow()})
	if err != nil {
		return Entry{}, fmt.Errorf("record stock movement: %w", err)
	}
	if err := s.recompute(ctx); err != nil {
		return Entry{}, err
	}
	return Entry{Kind: kind, At: at, Qty: qty, Reason: reason, Actor: name, MoveID: id}, nil
}

// UndoMove takes back a movement recorded by hand, as long as it is the item's latest
// stored one (a later count or movement was made knowing it). The SKU's history keeps
// what was taken back.
func (s *Store) UndoMove(ctx context.Context, moveID int64, actorID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		m, err := q.GetStockMove(ctx, moveID)
		if errors.Is(err, sql.ErrNoRows) {
			return errors.New("这条出入库记录已经撤销过了")
		}
		if err != nil {
			return err
		}
		if m.BatchID != nil {
			return fmt.Errorf("这条记录来自导入 #%d：请在“导入”页撤销那次导入", *m.BatchID)
		}
		last, err := q.LastMoveOfItem(ctx, m.StockItemID)
		if err != nil {
			return err
		}
		if last != m.ID {
			return errors.New("这条记录之后又有新的出入库或盘点，不能撤销：请记一笔调整来更正")
		}
		_, name, err := actorName(ctx, q, actorID)
		if err != nil {
			return err
		}
		if err := q.DeleteStockMove(ctx, m.ID); err != nil {
			return err
		}
		what := fmt.Sprintf("%s %+d（%s，%s）", MoveName[m.Kind], m.Qty, m.At, m.Reason)
		return q.InsertStockItemChange(ctx, sqldb.InsertStockItemChangeParams{StockItemID: m.StockItemID,
			Field: "move_undone", OldValue: what, NewValue: "", ActorName: name, At: utcNow()})
	})
	if err != nil {
		return fmt.Errorf("撤销出入库记录失败：%w", err)
	}
	return s.recompute(ctx)
}

// MoveName is the Chinese name of a movement kind.
var MoveName = map[string]string{MoveIn: "入库", MoveOut: "出库", MoveSale: "销售", MoveReturn: "退货",
	MoveAdjust: "调整", MoveStocktake: "盘点"}
