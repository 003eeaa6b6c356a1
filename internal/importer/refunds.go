package importer

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"shopdesk/db/sqldb"
)

// Refund and after-sales files (淘宝 退款报表, 拼多多 售后) go through the same reading,
// header detection and cell parsing as order files; their rows are written here, into the
// refund table, keyed by (shop, refund number). A refund attaches to its order by
// (shop, order number) when the two are read together, so it may arrive before its order.

// refundsKind: refund and after-sales files (淘宝 退款报表, 拼多多 售后, and the seller's refund
// templates). Their rows go into the refund table, keyed by (shop, refund number). A refund
// attaches to its order by (shop, order number) when the two are read together, so it may
// arrive before its order.
var refundsKind = &fileKind{
	ID:     KindRefunds,
	Name:   "退款/售后",
	Levels: []string{levelRefund},
	Fields: []Field{
		{Key: "order_no", Type: kindID, Name: "订单编号", Group: "refund", Required: true},
		{Key: "refund_no", Type: kindID, Name: "退款编号", Group: "refund", Required: true},
		{Key: "refund_status", Type: kindText, Name: "退款状态", Group: "refund", Required: true},
		{Key: "refund_amount", Type: kindMoney, Name: "退款金额", Group: "refund", Suggested: true},
		{Key: "refund_applied_at", Type: kindTime, Name: "退款申请时间", Group: "refund", Suggested: true},
		{Key: "refund_deadline_at", Type: kindTime, Name: "超时时间", Group: "refund"},
		{Key: "refund_kind", Type: kindText, Name: "售后类型", Group: "refund"},
		{Key: "refund_goods_status", Type: kindText, Name: "货物状态", Group: "refund"},
		{Key: "refund_reason", Type: kindText, Name: "退款原因", Group: "refund", Multi: true},
		{Key: "refund_return_tracking_no", Type: kindText, Name: "退货物流单号", Group: "refund"},
		{Key: "refund_return_carrier", Type: kindText, Name: "退货物流公司", Group: "refund"},
		{Key: "refund_finished_at", Type: kindTime, Name: "退款完结时间", Group: "refund"},
		{Key: "sub_order_no", Type: kindID, Name: "子订单编号", Group: "refund"},
		{Key: "item_title", Type: kindText, Name: "商品标题", Group: "refund", Multi: true},
		{Key: "item_sku_code", Type: kindText, Name: "商家编码", Group: "refund"},
		{Key: "shop_name", Type: kindText, Name: "店铺名称", Group: "refund"},
	},
	Preview: []string{"refund_no", "order_no", "refund_status", "refund_kind", "refund_amount", "refund_applied_at", "shop_name"},
}

func init() {
	k := refundsKind
	k.newHandler = newRefundsHandler
	k.laterBatch = func(ctx context.Context, q *sqldb.Queries, b sqldb.GetBatchRow) (int64, error) {
		return q.LaterBatchTouchingRefunds(ctx, b.ID)
	}
	k.undo = undoRefunds
}

// newRefundsHandler decides the shop of rows without a 店铺名称 when neither the caller nor
// the memory did: the one whose orders the file's rows name.
func newRefundsHandler(r *run) (rowHandler, error) {
	if r.defaultShop == 0 && r.opts.ShopName == "" && r.layout.preambleShop == "" {
		p := newRowParser(r.layout, r.res.File, r.facts)
		id, err := r.im.shopOfOrders(r.ctx, r.path, r.facts, &p, r.templates)
		if err != nil {
			return nil, err
		}
		if id != 0 {
			r.defaultShop, r.defaultShopFrom = id, ShopFromOrders
		}
	}
	return &refundsHandler{layout: r.layout, file: r.res.File, facts: r.facts}, nil
}

// refundsHandler is the refunds kind's rowHandler.
type refundsHandler struct {
	layout *boundLayout
	file   string
	facts  fileFacts
}

func (h *refundsHandler) parser() parseFunc {
	p := newRowParser(h.layout, h.file, h.facts)
	return func(nos []int, cells [][]string) any {
		rows := make([]refundRow, len(cells))
		for i, c := range cells {
			rows[i] = p.parseRefund(nos[i], c)
		}
		return rows
	}
}

func (h *refundsHandler) write(w *writer, chunk any, count func(rowOutcome) error) error {
	rw := &refundWriter{w}
	rows := chunk.([]refundRow)
	for i := range rows {
		outcome, err := rw.refund(&rows[i])
		if err != nil {
			return err
		}
		if err := count(outcome); err != nil {
			return err
		}
	}
	return nil
}

// finish: a refund file creates no order, its order id range stays empty.
func (h *refundsHandler) finish(*writer) (first, last int64, err error) { return 0, -1, nil }

// refundWriter upserts refunds.
type refundWriter struct{ *writer }

// refundRow is one row of a refund file as read: err is the first cell that does not read
// (reported when the writer reaches the row, as for order rows).
type refundRow struct {
	no       int
	blank    bool
	err      error
	shopName string
	v        refundValues
}

// refundValues are the refund columns an import sets.
type refundValues struct {
	RefundNo, OrderNo, SubOrderNo, Status, StatusText, Kind          string
	AmountFen                                                        int64
	AppliedAt, DeadlineAt, FinishedAt                                string
	GoodsStatus, ReturnTrackingNo, ReturnCarrier, Reason, Title, Sku string
}

// parseRefund reads one row of a refund file.
func (p *rowParser) parseRefund(rowNo int, row []string) (r refundRow) {
	r.no = rowNo
	if nonEmpty(row) == 0 {
		r.blank = true
		return r
	}
	r.err = p.refundValues(rowNo, row, &r.v)
	r.shopName = p.text(row, "shop_name")
	return r
}

func (p *rowParser) refundValues(rowNo int, row []string, v *refundValues) (err error) {
	if v.RefundNo, err = p.requiredID(rowNo, row, "refund_no"); err != nil {
		return err
	}
	if v.OrderNo, err = p.requiredID(rowNo, row, "order_no"); err != nil {
		return err
	}
	if v.SubOrderNo, err = parseID(p.cell(row, "sub_order_no")); err != nil {
		return p.bad(rowNo, row, "sub_order_no", err.Error())
	}
	if v.StatusText = p.text(row, "refund_status"); v.StatusText == "" {
		return p.bad(rowNo, row, "refund_status", "是空的：退款/售后文件的每一行都要有这一列")
	}
	v.Status = refundStatusCode(p.layout.Platform, v.StatusText)
	v.Kind = p.translated(row, "refund_kind")
	if v.AmountFen, err = p.money(rowNo, row, "refund_amount"); err != nil {
		return err
	}
	if v.AppliedAt, err = p.when(rowNo, row, "refund_applied_at"); err != nil {
		return err
	}
	if v.DeadlineAt, err = p.when(rowNo, row, "refund_deadline_at"); err != nil {
		return err
	}
	if v.FinishedAt, err = p.when(rowNo, row, "refund_finished_at"); err != nil {
		return err
	}
	v.GoodsStatus = p.text(row, "refund_goods_status")
	v.ReturnTrackingNo = p.text(row, "refund_return_tracking_no")
	v.ReturnCarrier = p.text(row, "refund_return_carrier")
	v.Reason = p.text(row, "refund_reason")
	v.Title = p.text(row, "item_title")
	v.Sku = p.text(row, "item_sku_code")
	return nil
}

// orderNosPerQuery bounds the order numbers one shop look-up carries.
const orderNosPerQuery = 500

// shopOfOrders answers "which shop?" for a refund file that names none, without asking:
// the one shop of the file's platform whose orders carry the order numbers of the file's
// rows without a 店铺名称. 0 when no stored order has them or they belong to several shops
// (the writer then takes the only shop of the platform, or asks). It reads the file once
// more, for the numbers only.
func (im *Importer) shopOfOrders(ctx context.Context, path string, facts fileFacts, p *rowParser, templates []templateLayout) (int64, error) {
	src, err := openTable(path, facts, templates)
	if err != nil {
		return 0, fail(ErrCodeUnreadable, fileError(p.file, err))
	}
	defer src.close()
	if _, _, err := findHeaderWith(src.table, templates); err != nil {
		return 0, fail(ErrCodeUnknownFormat, fileError(p.file, err))
	}
	seen := map[string]bool{}
	var nos []string
	for {
		row, err := src.table.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, nil // the import itself reports the read error with its row
		}
		if p.text(row, "shop_name") != "" {
			continue
		}
		no, err := parseID(p.cell(row, "order_no"))
		if err != nil || no == "" || seen[no] {
			continue
		}
		seen[no] = true
		nos = append(nos, no)
	}
	shops := map[int64]bool{}
	for start := 0; start < len(nos); start += orderNosPerQuery {
		list, err := json.Marshal(nos[start:min(start+orderNosPerQuery, len(nos))])
		if err != nil {
			return 0, err
		}
		ids, err := im.db.Queries().ShopsOfOrderNumbers(ctx, sqldb.ShopsOfOrderNumbersParams{
			Platform: p.layout.Platform, OrderNos: string(list)})
		if err != nil {
			return 0, fmt.Errorf("文件“%s”：查找订单所属店铺失败：%w", p.file, err)
		}
		for _, id := range ids {
			shops[id] = true
		}
		if len(shops) > 1 {
			return 0, nil
		}
	}
	for id := range shops {
		return id, nil
	}
	return 0, nil
}

// refund upserts one row's refund by (shop, refund number).
func (w *refundWriter) refund(r *refundRow) (rowOutcome, error) {
	if r.blank {
		return rowSkipped, nil
	}
	if r.err != nil {
		return 0, r.err
	}
	s, err := w.shop(r.no, r.shopName)
	if err != nil {
		return 0, err
	}
	v := &r.v
	cur, err := w.q.GetRefundForImport(w.ctx, sqldb.GetRefundForImportParams{ShopID: s.ID, RefundNo: v.RefundNo})
	if errors.Is(err, sql.ErrNoRows) {
		err = w.q.InsertRefund(w.ctx, sqldb.InsertRefundParams{
			ShopID: s.ID, RefundNo: v.RefundNo, OrderNo: v.OrderNo, SubOrderNo: v.SubOrderNo,
			Status: v.Status, StatusText: v.StatusText, Kind: v.Kind, AmountFen: v.AmountFen,
			AppliedAt: v.AppliedAt, DeadlineAt: v.DeadlineAt, GoodsStatus: v.GoodsStatus,
			ReturnTrackingNo: v.ReturnTrackingNo, ReturnCarrier: v.ReturnCarrier, Reason: v.Reason,
			Title: v.Title, SkuCode: v.Sku, FinishedAt: v.FinishedAt, BatchID: w.batchID,
		})
		if err != nil {
			return 0, fmt.Errorf("文件“%s”第 %d 行：写入退款 %s 失败：%w", w.file, r.no, v.RefundNo, err)
		}
		return rowNew, nil
	}
	if err != nil {
		return 0, fmt.Errorf("文件“%s”第 %d 行：读取退款 %s 失败：%w", w.file, r.no, v.RefundNo, err)
	}
	changes := w.mergeRefund(&cur, v)
	if len(changes) == 0 {
		return rowUnchanged, nil
	}
	// A refund this file created and names again (a later row) changes without history:
	// undo removes it whole.
	if cur.FirstBatchID != w.batchID {
		for _, c := range changes {
			if err := w.q.InsertRefundChange(w.ctx, sqldb.InsertRefundChangeParams{
				RefundID: cur.ID, BatchID: w.batchID, Field: c.field, OldValue: c.old, NewValue: c.new,
			}); err != nil {
				return 0, fmt.Errorf("文件“%s”第 %d 行：记录退款 %s 的变化失败：%w", w.file, r.no, v.RefundNo, err)
			}
		}
	}
	err = w.q.UpdateRefund(w.ctx, sqldb.UpdateRefundParams{
		ID: cur.ID, OrderNo: cur.OrderNo, SubOrderNo: cur.SubOrderNo, Status: cur.Status,
		StatusText: cur.StatusText, Kind: cur.Kind, AmountFen: cur.AmountFen, AppliedAt: cur.AppliedAt,
		DeadlineAt: cur.DeadlineAt, GoodsStatus: cur.GoodsStatus, ReturnTrackingNo: cur.ReturnTrackingNo,
		ReturnCarrier: cur.ReturnCarrier, Reason: cur.Reason, Title: cur.Title, SkuCode: cur.SkuCode,
		FinishedAt: cur.FinishedAt, BatchID: w.batchID,
	})
	if err != nil {
		return 0, fmt.Errorf("文件“%s”第 %d 行：更新退款 %s 失败：%w", w.file, r.no, v.RefundNo, err)
	}
	return rowUpdated, nil
}

// refundColumns are the refund columns an import may change, which refund_change names
// (field = column). Undo writes old values back only to these.
var refundColumns = map[string]bool{
	"order_no": true, "sub_order_no": true, "status": true, "status_text": true, "kind": true,
	"amount_fen": true, "applied_at": true, "deadline_at": true, "goods_status": true,
	"return_tracking_no": true, "return_carrier": true, "reason": true, "title": true,
	"sku_code": true, "finished_at": true,
}

// mergeRefund copies into cur the values of the fields this file has a column for and
// lists what changed; fields the file lacks keep their stored value. The normalised
// status and the platform's words are separate changes.
func (w *refundWriter) mergeRefund(cur *sqldb.GetRefundForImportRow, v *refundValues) []change {
	var changes []change
	str := func(field, column string, dst *string, src string) {
		if (field == "" || w.layout.has(field)) && *dst != src {
			changes = append(changes, change{column, *dst, src})
			*dst = src
		}
	}
	str("", "order_no", &cur.OrderNo, v.OrderNo)
	str("sub_order_no", "sub_order_no", &cur.SubOrderNo, v.SubOrderNo)
	str("", "status", &cur.Status, v.Status)
	str("", "status_text", &cur.StatusText, v.StatusText)
	str("refund_kind", "kind", &cur.Kind, v.Kind)
	if w.layout.has("refund_amount") && cur.AmountFen != v.AmountFen {
		changes = append(changes, change{"amount_fen", strconv.FormatInt(cur.AmountFen, 10), strconv.FormatInt(v.AmountFen, 10)})
		cur.AmountFen = v.AmountFen
	}
	str("refund_applied_at", "applied_at", &cur.AppliedAt, v.AppliedAt)
	str("refund_deadline_at", "deadline_at", &cur.DeadlineAt, v.DeadlineAt)
	str("refund_goods_status", "goods_status", &cur.GoodsStatus, v.GoodsStatus)
	str("refund_return_tracking_no", "return_tracking_no", &cur.ReturnTrackingNo, v.ReturnTrackingNo)
	str("refund_return_carrier", "return_carrier", &cur.ReturnCarrier, v.ReturnCarrier)
	str("refund_reason", "reason", &cur.Reason, v.Reason)
	str("item_title", "title", &cur.Title, v.Title)
	str("item_sku_code", "sku_code", &cur.SkuCode, v.Sku)
	str("refund_finished_at", "finished_at", &cur.FinishedAt, v.FinishedAt)
	return changes
}

// undoRefunds takes a batch's refunds back inside Undo's transaction: the ones it changed
// get their previous values (newest change first, so the oldest old value is written
// last), the ones it created are removed.
func undoRefunds(ctx context.Context, tx *sql.Tx, q *sqldb.Queries, b sqldb.GetBatchRow, res *UndoResult) error {
	removed, restored, err := undoRefundRows(ctx, tx, q, b.ID)
	res.RefundsRemoved, res.RefundsRestored = removed, restored
	return err
}

func undoRefundRows(ctx context.Context, tx *sql.Tx, q *sqldb.Queries, batchID int64) (removed, restored int64, err error) {
	changes, err := q.BatchRefundChanges(ctx, batchID)
	if err != nil {
		return 0, 0, fmt.Errorf("undo batch %d: refund changes: %w", batchID, err)
	}
	seen := map[int64]bool{}
	for _, c := range changes {
		if !refundColumns[c.Field] {
			return 0, 0, fmt.Errorf("undo batch %d: refund %d: unknown field %q", batchID, c.RefundID, c.Field)
		}
		// The column comes from the fixed set above, never from input.
		if _, err := tx.ExecContext(ctx, `UPDATE refund SET `+c.Field+` = ? WHERE id = ?`, c.OldValue, c.RefundID); err != nil {
			return 0, 0, fmt.Errorf("undo batch %d: refund %d field %s: %w", batchID, c.RefundID, c.Field, err)
		}
		seen[c.RefundID] = true
	}
	if err := q.DeleteBatchRefundChanges(ctx, batchID); err != nil {
		return 0, 0, fmt.Errorf("undo batch %d: delete refund changes: %w", batchID, err)
	}
	if err := q.ResetRefundLastBatch(ctx, batchID); err != nil {
		return 0, 0, fmt.Errorf("undo batch %d: reset refund last batch: %w", batchID, err)
	}
	removed, err = q.DeleteRefundsOfBatch(ctx, batchID)
	if err != nil {
		return 0, 0, fmt.Errorf("undo batch %d: delete refunds: %w", batchID, err)
	}
	return removed, int64(len(seen)), nil
}
