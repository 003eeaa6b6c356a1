-- name: GetBatch :one
SELECT id, file_name, platform, format, rows_total, first_order_id, last_order_id
FROM import_batch WHERE id = sqlc.arg(id);

-- The newest later batch that touched an order or item this batch created or changed:
-- undoing under it would throw away what it saw, so it must be undone first. Each file
-- kind asks for its own rows (internal/importer fileKind.laterBatch).
-- name: LaterBatchTouchingOrders :one
SELECT CAST(coalesce(max(x.batch), 0) AS INTEGER) AS later_batch FROM (
    SELECT o.last_batch_id AS batch FROM orders o
    WHERE o.id >= sqlc.arg(first_order_id) AND o.id <= sqlc.arg(last_order_id)
      AND o.last_batch_id > sqlc.arg(batch_id)
    UNION ALL
    SELECT o.last_batch_id FROM orders o
    WHERE o.id IN (SELECT c.order_id FROM order_change c WHERE c.batch_id = sqlc.arg(batch_id))
      AND o.last_batch_id > sqlc.arg(batch_id)
    UNION ALL
    SELECT i.last_batch_id FROM order_item i
    WHERE i.last_batch_id > sqlc.arg(batch_id)
      AND (i.first_batch_id = sqlc.arg(batch_id)
           OR (i.order_id >= sqlc.arg(first_order_id) AND i.order_id <= sqlc.arg(last_order_id))
           OR i.order_id IN (SELECT c.order_id FROM order_change c WHERE c.batch_id = sqlc.arg(batch_id)))
) x;

-- The same for the refunds this batch created or changed.
-- name: LaterBatchTouchingRefunds :one
SELECT CAST(coalesce(max(r.last_batch_id), 0) AS INTEGER) AS later_batch FROM refund r
WHERE r.last_batch_id > sqlc.arg(batch_id)
  AND (r.first_batch_id = sqlc.arg(batch_id)
       OR r.id IN (SELECT rc.refund_id FROM refund_change rc WHERE rc.batch_id = sqlc.arg(batch_id)));

-- name: BatchChanges :many
SELECT c.id, c.order_id, c.field, c.old_value, s.platform
FROM order_change c JOIN orders o ON o.id = c.order_id JOIN shop s ON s.id = o.shop_id
WHERE c.batch_id = sqlc.arg(batch_id)
ORDER BY c.id DESC;

-- name: DeleteBatchChanges :exec
DELETE FROM order_change WHERE batch_id = sqlc.arg(batch_id);

-- The orders a batch created: its id range (see migration 00007), checked against
-- first_batch_id.
-- name: DeleteOrdersOfBatch :execrows
DELETE FROM orders
WHERE id >= sqlc.arg(first_order_id) AND id <= sqlc.arg(last_order_id)
  AND first_batch_id = sqlc.arg(batch_id);

-- Items a batch added to orders that existed before it.
-- name: DeleteItemsOfBatch :execrows
DELETE FROM order_item WHERE first_batch_id = sqlc.arg(batch_id);

-- After the batch's changes are gone, the last batch that touched a row is the newest
-- change left, or the batch that created it. Run before the batch's changes are deleted:
-- the orders it changed are the ones its order_change rows name (order fields, or items
-- it changed), plus those it added items to; the orders it created are deleted anyway.
-- name: ResetLastBatch :exec
UPDATE orders
SET last_batch_id = coalesce((SELECT max(c.batch_id) FROM order_change c
                              WHERE c.order_id = orders.id AND c.field NOT LIKE 'item:%'
                                AND c.batch_id <> sqlc.arg(batch_id)), first_batch_id)
WHERE last_batch_id = sqlc.arg(batch_id)
  AND id IN (SELECT c.order_id FROM order_change c WHERE c.batch_id = sqlc.arg(batch_id)
             UNION SELECT i.order_id FROM order_item i WHERE i.first_batch_id = sqlc.arg(batch_id));

-- name: ResetItemLastBatch :exec
UPDATE order_item
SET last_batch_id = coalesce((SELECT max(c.batch_id) FROM order_change c
                              WHERE c.order_id = order_item.order_id
                                AND c.field LIKE 'item:' || order_item.sub_order_no || ':%'), first_batch_id)
WHERE last_batch_id = sqlc.arg(batch_id);

-- name: DeleteBatch :exec
DELETE FROM import_batch WHERE id = sqlc.arg(id);

-- Shops the batch created that hold nothing any more.
-- name: DeleteEmptyShopsOfBatch :execrows
DELETE FROM shop
WHERE created_batch_id = sqlc.arg(batch_id)
  AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.shop_id = shop.id)
  AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = shop.id);

-- name: DeleteBatchShops :exec
DELETE FROM import_batch_shop WHERE batch_id = sqlc.arg(batch_id);
