-- name: GetBatch :one
SELECT id, file_name, platform, format, rows_total FROM import_batch WHERE id = sqlc.arg(id);

-- The newest later batch that touched an order or item this batch created or changed:
-- undoing under it would throw away what it saw, so it must be undone first.
-- name: LaterBatchTouching :one
SELECT CAST(coalesce(max(x.batch), 0) AS INTEGER) AS later_batch FROM (
    SELECT o.last_batch_id AS batch FROM orders o
    WHERE o.last_batch_id > sqlc.arg(batch_id)
      AND (o.first_batch_id = sqlc.arg(batch_id)
           OR o.id IN (SELECT c.order_id FROM order_change c WHERE c.batch_id = sqlc.arg(batch_id)))
    UNION ALL
    SELECT i.last_batch_id FROM order_item i
    WHERE i.last_batch_id > sqlc.arg(batch_id)
      AND (i.first_batch_id = sqlc.arg(batch_id)
           OR i.order_id IN (SELECT o2.id FROM orders o2 WHERE o2.first_batch_id = sqlc.arg(batch_id))
           OR i.order_id IN (SELECT c.order_id FROM order_change c WHERE c.batch_id = sqlc.arg(batch_id)))
) x;

-- name: BatchChanges :many
SELECT c.id, c.order_id, c.field, c.old_value, s.platform
FROM order_change c JOIN orders o ON o.id = c.order_id JOIN shop s ON s.id = o.shop_id
WHERE c.batch_id = sqlc.arg(batch_id)
ORDER BY c.id DESC;

-- name: DeleteBatchChanges :exec
DELETE FROM order_change WHERE batch_id = sqlc.arg(batch_id);

-- name: DeleteOrdersOfBatch :execrows
DELETE FROM orders WHERE first_batch_id = sqlc.arg(batch_id);

-- Items a batch added to orders that existed before it.
-- name: DeleteItemsOfBatch :execrows
DELETE FROM order_item WHERE first_batch_id = sqlc.arg(batch_id);

-- After the batch's changes are gone, the last batch that touched a row is the newest
-- change left, or the batch that created it.
-- name: ResetLastBatch :exec
UPDATE orders
SET last_batch_id = coalesce((SELECT max(c.batch_id) FROM order_change c
                              WHERE c.order_id = orders.id AND c.field NOT LIKE 'item:%'), first_batch_id)
WHERE last_batch_id = sqlc.arg(batch_id);

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
  AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.shop_id = shop.id);

-- name: DeleteBatchShops :exec
DELETE FROM import_batch_shop WHERE batch_id = sqlc.arg(batch_id);
