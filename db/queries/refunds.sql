-- Refunds and after-sales (db/migrations/00004_refunds.sql): the import's upsert, the
-- refunds of an order, and undoing a refund import. The orders page's open-refund filter is
-- in orders.sql.

-- name: GetRefundForImport :one
SELECT id, first_batch_id, order_no, sub_order_no, status, status_text, kind, amount_fen,
       applied_at, deadline_at, goods_status, return_tracking_no, return_carrier, reason, title,
       sku_code, finished_at
FROM refund WHERE shop_id = sqlc.arg(shop_id) AND refund_no = sqlc.arg(refund_no);

-- name: InsertRefund :exec
INSERT INTO refund (shop_id, refund_no, order_no, sub_order_no, status, status_text, kind,
                    amount_fen, applied_at, deadline_at, goods_status, return_tracking_no,
                    return_carrier, reason, title, sku_code, finished_at, first_batch_id, last_batch_id)
VALUES (sqlc.arg(shop_id), sqlc.arg(refund_no), sqlc.arg(order_no), sqlc.arg(sub_order_no),
        sqlc.arg(status), sqlc.arg(status_text), sqlc.arg(kind), sqlc.arg(amount_fen),
        sqlc.arg(applied_at), sqlc.arg(deadline_at), sqlc.arg(goods_status),
        sqlc.arg(return_tracking_no), sqlc.arg(return_carrier), sqlc.arg(reason), sqlc.arg(title),
        sqlc.arg(sku_code), sqlc.arg(finished_at), sqlc.arg(batch_id), sqlc.arg(batch_id));

-- name: UpdateRefund :exec
UPDATE refund
SET order_no = sqlc.arg(order_no), sub_order_no = sqlc.arg(sub_order_no), status = sqlc.arg(status),
    status_text = sqlc.arg(status_text), kind = sqlc.arg(kind), amount_fen = sqlc.arg(amount_fen),
    applied_at = sqlc.arg(applied_at), deadline_at = sqlc.arg(deadline_at),
    goods_status = sqlc.arg(goods_status), return_tracking_no = sqlc.arg(return_tracking_no),
    return_carrier = sqlc.arg(return_carrier), reason = sqlc.arg(reason), title = sqlc.arg(title),
    sku_code = sqlc.arg(sku_code), finished_at = sqlc.arg(finished_at), last_batch_id = sqlc.arg(batch_id)
WHERE id = sqlc.arg(id);

-- name: InsertRefundChange :exec
INSERT INTO refund_change (refund_id, batch_id, field, old_value, new_value)
VALUES (sqlc.arg(refund_id), sqlc.arg(batch_id), sqlc.arg(field), sqlc.arg(old_value), sqlc.arg(new_value));

-- The shops of a platform whose orders carry any of these order numbers (a JSON array):
-- a refund file that names no shop goes to the one shop its orders belong to.
-- name: ShopsOfOrderNumbers :many
-- (shop_id IN probes UNIQUE (shop_id, order_no) once per shop and number.)
SELECT DISTINCT o.shop_id FROM orders o
WHERE o.shop_id IN (SELECT s.id FROM shop s WHERE s.platform = sqlc.arg(platform))
  AND o.order_no IN (SELECT value FROM json_each(sqlc.arg(order_nos)))
ORDER BY o.shop_id;

-- The refunds of one order, newest applied first, by shop and order number: also when the
-- order itself was never imported (a refunds file came first).
-- name: OrderRefunds :many
SELECT id, refund_no, sub_order_no, status, status_text, kind, amount_fen,
       applied_at, deadline_at, goods_status, return_tracking_no, return_carrier,
       reason, title, finished_at
FROM refund WHERE shop_id = sqlc.arg(shop_id) AND order_no = sqlc.arg(order_no)
ORDER BY applied_at DESC, id DESC;

-- Undoing a refund import (importer.Undo): its changes newest first, so that the oldest
-- old value is written last.
-- name: BatchRefundChanges :many
SELECT id, refund_id, field, old_value FROM refund_change
WHERE batch_id = sqlc.arg(batch_id)
ORDER BY id DESC;

-- name: DeleteBatchRefundChanges :exec
DELETE FROM refund_change WHERE batch_id = sqlc.arg(batch_id);

-- After the batch's changes are gone, the last batch that touched a refund is the newest
-- change left, or the batch that created it.
-- name: ResetRefundLastBatch :exec
UPDATE refund
SET last_batch_id = coalesce((SELECT max(c.batch_id) FROM refund_change c WHERE c.refund_id = refund.id),
                             first_batch_id)
WHERE last_batch_id = sqlc.arg(batch_id);

-- name: DeleteRefundsOfBatch :execrows
DELETE FROM refund WHERE first_batch_id = sqlc.arg(batch_id);
