-- Keyset pagination: a page starts after the cursor (created_at, id), newest first.
-- The first page passes after_created = '9999' and after_id = the largest int64.
-- Three variants so that SQLite can pick the index that fits: a "? = 0 OR col = ?" filter
-- cannot use an index on col, so the shop filter gets its own query.

-- name: ListOrders :many
SELECT o.id, o.shop_id, s.name AS shop_name, s.platform, o.order_no, o.buyer, o.status,
       o.status_text, o.pay_fen, o.refund_fen, o.title, o.item_count, o.address, o.created_at,
       o.paid_at, o.shipped_at, o.tracking_no, o.carrier
FROM orders o JOIN shop s ON s.id = o.shop_id
WHERE (o.status = sqlc.arg(status) OR sqlc.arg(status) = '')
  AND o.created_at >= sqlc.arg(from_time) AND o.created_at < sqlc.arg(to_time)
  AND o.created_at <= sqlc.arg(after_created)
  AND (o.created_at < sqlc.arg(after_created) OR o.id < sqlc.arg(after_id))
ORDER BY o.created_at DESC, o.id DESC
LIMIT sqlc.arg(lim);

-- name: CountOrders :one
SELECT count(*) FROM orders o
WHERE (o.status = sqlc.arg(status) OR sqlc.arg(status) = '')
  AND o.created_at >= sqlc.arg(from_time) AND o.created_at < sqlc.arg(to_time);

-- name: ListShopOrders :many
SELECT o.id, o.shop_id, s.name AS shop_name, s.platform, o.order_no, o.buyer, o.status,
       o.status_text, o.pay_fen, o.refund_fen, o.title, o.item_count, o.address, o.created_at,
       o.paid_at, o.shipped_at, o.tracking_no, o.carrier
FROM orders o JOIN shop s ON s.id = o.shop_id
WHERE o.shop_id = sqlc.arg(shop_id)
  AND (o.status = sqlc.arg(status) OR sqlc.arg(status) = '')
  AND o.created_at >= sqlc.arg(from_time) AND o.created_at < sqlc.arg(to_time)
  AND o.created_at <= sqlc.arg(after_created)
  AND (o.created_at < sqlc.arg(after_created) OR o.id < sqlc.arg(after_id))
ORDER BY o.created_at DESC, o.id DESC
LIMIT sqlc.arg(lim);

-- name: CountShopOrders :one
SELECT count(*) FROM orders o
WHERE o.shop_id = sqlc.arg(shop_id)
  AND (o.status = sqlc.arg(status) OR sqlc.arg(status) = '')
  AND o.created_at >= sqlc.arg(from_time) AND o.created_at < sqlc.arg(to_time);

-- Search by exact order number or buyer name: few rows, found through their own indexes
-- (a number through UNIQUE (shop_id, order_no), once per shop).
-- name: SearchOrders :many
SELECT o.id, o.shop_id, s.name AS shop_name, s.platform, o.order_no, o.buyer, o.status,
       o.status_text, o.pay_fen, o.refund_fen, o.title, o.item_count, o.address, o.created_at,
       o.paid_at, o.shipped_at, o.tracking_no, o.carrier
FROM orders o JOIN shop s ON s.id = o.shop_id
WHERE o.id IN (SELECT x.id FROM orders x WHERE x.shop_id IN (SELECT id FROM shop) AND x.order_no = sqlc.arg(term)
               UNION SELECT y.id FROM orders y WHERE y.buyer = sqlc.arg(term))
  AND (o.shop_id = sqlc.arg(shop_id) OR sqlc.arg(shop_id) = 0)
  AND (o.status = sqlc.arg(status) OR sqlc.arg(status) = '')
  AND o.created_at >= sqlc.arg(from_time) AND o.created_at < sqlc.arg(to_time)
  AND o.created_at <= sqlc.arg(after_created)
  AND (o.created_at < sqlc.arg(after_created) OR o.id < sqlc.arg(after_id))
ORDER BY o.created_at DESC, o.id DESC
LIMIT sqlc.arg(lim);

-- name: CountSearchOrders :one
SELECT count(*) FROM orders o
WHERE o.id IN (SELECT x.id FROM orders x WHERE x.shop_id IN (SELECT id FROM shop) AND x.order_no = sqlc.arg(term)
               UNION SELECT y.id FROM orders y WHERE y.buyer = sqlc.arg(term))
  AND (o.shop_id = sqlc.arg(shop_id) OR sqlc.arg(shop_id) = 0)
  AND (o.status = sqlc.arg(status) OR sqlc.arg(status) = '')
  AND o.created_at >= sqlc.arg(from_time) AND o.created_at < sqlc.arg(to_time);
