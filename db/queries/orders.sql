-- The orders page (internal/orders): counts from order_day_count (migration 00012), rows
-- keyset-paged newest first. A page reads the rows with created_at >= from_time and
-- (created_at, id) < (below_created, below_id): the lower of the cursor (the last row of
-- the page before) and the end of the date range or day read (end, 0). One upper bound,
-- given as a row value, is a range on the (created_at, id) of every index walked; with two
-- SQLite uses one of them and checks the other on every row (a page after the middle of a
-- million orders read half a million rows).
--
-- Each rows query walks the index it names (INDEXED BY: the same plan with or without
-- statistics, and internal/orders counts on it): a "? = 0 OR col = ?" filter cannot use an
-- index on col, so the filter that narrows the walk is a plain equality and the others are
-- checked on the rows walked. internal/orders picks the query whose index holds the fewest
-- rows that day (from the day counts).

-- The number of orders matching the filters, and of those with an open refund.
-- name: CountOrdersByDay :one
SELECT CAST(coalesce(sum(n), 0) AS INTEGER) AS orders,
       CAST(coalesce(sum(n_open_refund), 0) AS INTEGER) AS open_refund
FROM order_day_count
WHERE day >= sqlc.arg(from_day) AND day < sqlc.arg(to_day)
  AND (shop_id = sqlc.arg(shop_id) OR sqlc.arg(shop_id) = 0)
  AND (status = sqlc.arg(status) OR sqlc.arg(status) = '');

-- The days that have orders, newest first from upto_day, at most max_days of them: how
-- many match the filters (all, with an open refund), and how many rows each index holds
-- that day (the shop's, the status's, all, order_open_refund).
-- name: OrderDays :many
SELECT day,
       CAST(sum(CASE WHEN (shop_id = sqlc.arg(shop_id) OR sqlc.arg(shop_id) = 0)
                      AND (status = sqlc.arg(status) OR sqlc.arg(status) = '') THEN n ELSE 0 END) AS INTEGER) AS matching,
       CAST(sum(CASE WHEN (shop_id = sqlc.arg(shop_id) OR sqlc.arg(shop_id) = 0)
                      AND (status = sqlc.arg(status) OR sqlc.arg(status) = '') THEN n_open_refund ELSE 0 END) AS INTEGER) AS matching_open_refund,
       CAST(sum(CASE WHEN shop_id = sqlc.arg(shop_id) OR sqlc.arg(shop_id) = 0 THEN n ELSE 0 END) AS INTEGER) AS shop_rows,
       CAST(sum(CASE WHEN status = sqlc.arg(status) OR sqlc.arg(status) = '' THEN n ELSE 0 END) AS INTEGER) AS status_rows,
       CAST(sum(n) AS INTEGER) AS all_rows,
       CAST(sum(n_open_refund) AS INTEGER) AS all_open_refund
FROM order_day_count
WHERE day >= sqlc.arg(from_day) AND day < sqlc.arg(to_day) AND day <= sqlc.arg(upto_day)
GROUP BY day
ORDER BY day DESC
LIMIT sqlc.arg(max_days);

-- name: ListOrders :many
SELECT o.id, o.shop_id, s.name AS shop_name, s.platform, o.order_no, o.buyer, o.status,
       o.status_text, o.pay_fen, o.refund_fen, o.title, o.item_count, o.address, o.created_at,
       o.paid_at, o.shipped_at, o.tracking_no, o.carrier
FROM orders o INDEXED BY orders_created JOIN shop s ON s.id = o.shop_id
WHERE o.created_at >= sqlc.arg(from_time)
  AND (o.created_at, o.id) < (sqlc.arg(below_created), CAST(sqlc.arg(below_id) AS INTEGER))
  AND (CAST(sqlc.arg(open_refund) AS INTEGER) = 0 OR EXISTS (SELECT 1 FROM order_open_refund x
        WHERE x.created_at = o.created_at AND x.order_id = o.id))
ORDER BY o.created_at DESC, o.id DESC
LIMIT sqlc.arg(lim);

-- name: ListShopOrders :many
SELECT o.id, o.shop_id, s.name AS shop_name, s.platform, o.order_no, o.buyer, o.status,
       o.status_text, o.pay_fen, o.refund_fen, o.title, o.item_count, o.address, o.created_at,
       o.paid_at, o.shipped_at, o.tracking_no, o.carrier
FROM orders o INDEXED BY orders_shop_created JOIN shop s ON s.id = o.shop_id
WHERE o.shop_id = sqlc.arg(shop_id)
  AND (o.status = sqlc.arg(status) OR sqlc.arg(status) = '')
  AND o.created_at >= sqlc.arg(from_time)
  AND (o.created_at, o.id) < (sqlc.arg(below_created), CAST(sqlc.arg(below_id) AS INTEGER))
  AND (CAST(sqlc.arg(open_refund) AS INTEGER) = 0 OR EXISTS (SELECT 1 FROM order_open_refund x
        WHERE x.created_at = o.created_at AND x.order_id = o.id))
ORDER BY o.created_at DESC, o.id DESC
LIMIT sqlc.arg(lim);

-- name: ListStatusOrders :many
SELECT o.id, o.shop_id, s.name AS shop_name, s.platform, o.order_no, o.buyer, o.status,
       o.status_text, o.pay_fen, o.refund_fen, o.title, o.item_count, o.address, o.created_at,
       o.paid_at, o.shipped_at, o.tracking_no, o.carrier
FROM orders o INDEXED BY orders_status_created JOIN shop s ON s.id = o.shop_id
WHERE o.status = sqlc.arg(status)
  AND (o.shop_id = sqlc.arg(shop_id) OR sqlc.arg(shop_id) = 0)
  AND o.created_at >= sqlc.arg(from_time)
  AND (o.created_at, o.id) < (sqlc.arg(below_created), CAST(sqlc.arg(below_id) AS INTEGER))
  AND (CAST(sqlc.arg(open_refund) AS INTEGER) = 0 OR EXISTS (SELECT 1 FROM order_open_refund x
        WHERE x.created_at = o.created_at AND x.order_id = o.id))
ORDER BY o.created_at DESC, o.id DESC
LIMIT sqlc.arg(lim);

-- The orders with an open refund (order_open_refund, in its key's order).
-- name: ListOpenRefundOrders :many
SELECT o.id, o.shop_id, s.name AS shop_name, s.platform, o.order_no, o.buyer, o.status,
       o.status_text, o.pay_fen, o.refund_fen, o.title, o.item_count, o.address, o.created_at,
       o.paid_at, o.shipped_at, o.tracking_no, o.carrier
FROM order_open_refund x JOIN orders o ON o.id = x.order_id JOIN shop s ON s.id = o.shop_id
WHERE (x.shop_id = sqlc.arg(shop_id) OR sqlc.arg(shop_id) = 0)
  AND (x.status = sqlc.arg(status) OR sqlc.arg(status) = '')
  AND x.created_at >= sqlc.arg(from_time)
  AND (x.created_at, x.order_id) < (sqlc.arg(below_created), CAST(sqlc.arg(below_id) AS INTEGER))
ORDER BY x.created_at DESC, x.order_id DESC
LIMIT sqlc.arg(lim);

-- Search by exact order number or buyer name. A number is found through UNIQUE (shop_id,
-- order_no), once per shop: a handful of orders. A buyer can have thousands (a masked
-- receiver name): orders_buyer holds (buyer, created_at, shop_id, status), so the newest
-- page of them is read from the index in order, every filter checked on the index entry
-- (the open-refund filter through order_open_refund's key), and only the page's orders are
-- read. (One IN list of both: with "IN (...) OR IN (...)" SQLite ran the buyer's twice.)
-- name: SearchOrders :many
SELECT o.id, o.shop_id, s.name AS shop_name, s.platform, o.order_no, o.buyer, o.status,
       o.status_text, o.pay_fen, o.refund_fen, o.title, o.item_count, o.address, o.created_at,
       o.paid_at, o.shipped_at, o.tracking_no, o.carrier
FROM orders o JOIN shop s ON s.id = o.shop_id
WHERE o.id IN (SELECT b.id FROM (SELECT y.id FROM orders y INDEXED BY orders_buyer
                                  WHERE y.buyer = sqlc.arg(term)
                                    AND y.created_at >= sqlc.arg(from_time)
                                    AND (y.created_at, y.id) < (sqlc.arg(below_created), CAST(sqlc.arg(below_id) AS INTEGER))
                                    AND (y.shop_id = sqlc.arg(shop_id) OR sqlc.arg(shop_id) = 0)
                                    AND (y.status = sqlc.arg(status) OR sqlc.arg(status) = '')
                                    AND (CAST(sqlc.arg(open_refund) AS INTEGER) = 0
                                         OR EXISTS (SELECT 1 FROM order_open_refund x
                                                    WHERE x.created_at = y.created_at AND x.order_id = y.id))
                                  ORDER BY y.created_at DESC, y.id DESC
                                  LIMIT sqlc.arg(lim)) b
               UNION
               SELECT z.id FROM orders z WHERE z.shop_id IN (SELECT id FROM shop) AND z.order_no = sqlc.arg(term))
  AND o.created_at >= sqlc.arg(from_time)
  AND (o.created_at, o.id) < (sqlc.arg(below_created), CAST(sqlc.arg(below_id) AS INTEGER))
  AND (o.shop_id = sqlc.arg(shop_id) OR sqlc.arg(shop_id) = 0)
  AND (o.status = sqlc.arg(status) OR sqlc.arg(status) = '')
  AND (CAST(sqlc.arg(open_refund) AS INTEGER) = 0 OR EXISTS (SELECT 1 FROM order_open_refund x
        WHERE x.created_at = o.created_at AND x.order_id = o.id))
ORDER BY o.created_at DESC, o.id DESC
LIMIT sqlc.arg(lim);

-- The buyer's orders counted on the index entries, plus the orders found by number that
-- are not the buyer's (those were counted already). The unary + keeps the date range from
-- drawing the planner to orders_created: a number is a single probe of each shop.
-- name: CountSearchOrders :one
SELECT (SELECT count(*) FROM orders y INDEXED BY orders_buyer
        WHERE y.buyer = sqlc.arg(term)
          AND y.created_at >= sqlc.arg(from_time) AND y.created_at < sqlc.arg(to_time)
          AND (y.shop_id = sqlc.arg(shop_id) OR sqlc.arg(shop_id) = 0)
          AND (y.status = sqlc.arg(status) OR sqlc.arg(status) = '')
          AND (CAST(sqlc.arg(open_refund) AS INTEGER) = 0 OR EXISTS (SELECT 1 FROM order_open_refund x
                WHERE x.created_at = y.created_at AND x.order_id = y.id)))
     + (SELECT count(*) FROM orders z
        WHERE z.shop_id IN (SELECT id FROM shop) AND z.order_no = sqlc.arg(term) AND z.buyer <> sqlc.arg(term)
          AND +z.created_at >= sqlc.arg(from_time) AND +z.created_at < sqlc.arg(to_time)
          AND (z.shop_id = sqlc.arg(shop_id) OR sqlc.arg(shop_id) = 0)
          AND (z.status = sqlc.arg(status) OR sqlc.arg(status) = '')
          AND (CAST(sqlc.arg(open_refund) AS INTEGER) = 0 OR EXISTS (SELECT 1 FROM order_open_refund x
                WHERE x.created_at = z.created_at AND x.order_id = z.id)))
     AS matching;
