-- name: FindBatchBySHA :one
SELECT b.id, b.file_name, b.platform, b.format, CAST(coalesce((SELECT group_concat(s.name, char(12289))
           FROM import_batch_shop bs JOIN shop s ON s.id = bs.shop_id WHERE bs.batch_id = b.id), '') AS TEXT) AS shop_names,
       b.rows_total, b.orders_new, b.orders_updated, b.orders_unchanged, b.finished_at
FROM import_batch b
WHERE b.file_sha256 = sqlc.arg(sha256)
ORDER BY b.id DESC LIMIT 1;

-- name: CreateBatch :one
INSERT INTO import_batch (file_name, file_sha256, file_size, platform, format, started_at, finished_at)
VALUES (sqlc.arg(file_name), sqlc.arg(sha256), sqlc.arg(file_size), sqlc.arg(platform),
        sqlc.arg(format), sqlc.arg(started_at), sqlc.arg(started_at))
RETURNING id;

-- name: FinishBatch :exec
UPDATE import_batch
SET rows_total = sqlc.arg(rows_total), rows_new = sqlc.arg(rows_new),
    rows_updated = sqlc.arg(rows_updated), rows_unchanged = sqlc.arg(rows_unchanged),
    rows_rejected = sqlc.arg(rows_rejected), finished_at = sqlc.arg(finished_at),
    orders_new = sqlc.narg(orders_new), orders_updated = sqlc.narg(orders_updated),
    orders_unchanged = sqlc.narg(orders_unchanged),
    first_order_id = sqlc.arg(first_order_id), last_order_id = sqlc.arg(last_order_id)
WHERE id = sqlc.arg(id);

-- name: AddBatchShop :exec
INSERT INTO import_batch_shop (batch_id, shop_id) VALUES (sqlc.arg(batch_id), sqlc.arg(shop_id));

-- name: ListBatches :many
SELECT b.id, b.file_name, b.file_sha256, b.platform, b.format,
       CAST(coalesce((SELECT group_concat(s.name, char(12289)) FROM import_batch_shop bs JOIN shop s ON s.id = bs.shop_id
                      WHERE bs.batch_id = b.id), '') AS TEXT) AS shop_names,
       b.rows_total, b.rows_new, b.rows_updated, b.rows_unchanged,
       b.orders_new, b.orders_updated, b.orders_unchanged, b.started_at, b.finished_at
FROM import_batch b
ORDER BY b.id DESC
LIMIT sqlc.arg(lim);

-- name: GetOrderForImport :one
SELECT id, buyer, status, status_text, pay_fen, refund_fen, title, item_count, address,
       created_at, paid_at, shipped_at, tracking_no, carrier, buyer_message, seller_memo,
       late_ship_comp, late_ship_comp_fen, promised_ship_at, address_changed, close_reason, after_sale,
       import_fp
FROM orders WHERE shop_id = sqlc.arg(shop_id) AND order_no = sqlc.arg(order_no);

-- name: UpdateOrder :exec
UPDATE orders
SET buyer = sqlc.arg(buyer), status = sqlc.arg(status), status_text = sqlc.arg(status_text),
    pay_fen = sqlc.arg(pay_fen), refund_fen = sqlc.arg(refund_fen), title = sqlc.arg(title),
    item_count = sqlc.arg(item_count), address = sqlc.arg(address),
    created_at = sqlc.arg(created_at), paid_at = sqlc.arg(paid_at),
    shipped_at = sqlc.arg(shipped_at), tracking_no = sqlc.arg(tracking_no),
    carrier = sqlc.arg(carrier), buyer_message = sqlc.arg(buyer_message),
    seller_memo = sqlc.arg(seller_memo), late_ship_comp = sqlc.arg(late_ship_comp),
    late_ship_comp_fen = sqlc.arg(late_ship_comp_fen), promised_ship_at = sqlc.arg(promised_ship_at),
    address_changed = sqlc.arg(address_changed), close_reason = sqlc.arg(close_reason),
    after_sale = sqlc.arg(after_sale), import_fp = sqlc.arg(import_fp),
    last_batch_id = sqlc.arg(batch_id)
WHERE id = sqlc.arg(id);

-- name: InsertOrderChange :exec
INSERT INTO order_change (order_id, batch_id, field, old_value, new_value)
VALUES (sqlc.arg(order_id), sqlc.arg(batch_id), sqlc.arg(field), sqlc.arg(old_value), sqlc.arg(new_value));

-- name: GetOrderItem :one
SELECT id, title, sku_code, price_fen, quantity, pay_fen, status_text, refund_status, refund_fen
FROM order_item WHERE order_id = sqlc.arg(order_id) AND sub_order_no = sqlc.arg(sub_order_no);

-- name: InsertOrderItem :exec
INSERT INTO order_item (order_id, sub_order_no, title, sku_code, price_fen, quantity, pay_fen,
                        status_text, refund_status, refund_fen, first_batch_id, last_batch_id)
VALUES (sqlc.arg(order_id), sqlc.arg(sub_order_no), sqlc.arg(title), sqlc.arg(sku_code),
        sqlc.arg(price_fen), sqlc.arg(quantity), sqlc.arg(pay_fen), sqlc.arg(status_text),
        sqlc.arg(refund_status), sqlc.arg(refund_fen), sqlc.arg(batch_id), sqlc.arg(batch_id));

-- name: UpdateOrderItem :exec
UPDATE order_item
SET title = sqlc.arg(title), sku_code = sqlc.arg(sku_code), price_fen = sqlc.arg(price_fen),
    quantity = sqlc.arg(quantity), pay_fen = sqlc.arg(pay_fen), status_text = sqlc.arg(status_text),
    refund_status = sqlc.arg(refund_status), refund_fen = sqlc.arg(refund_fen),
    last_batch_id = sqlc.arg(batch_id)
WHERE id = sqlc.arg(id);

-- An order's totals next to the sums of its items, for the writer: after an item row it
-- takes from the items the totals its layout has no order-level column for, and keeps the
-- change as history unless the order is new in this batch.
-- name: OrderItemTotals :one
SELECT o.first_batch_id, o.pay_fen, o.refund_fen, o.item_count, o.title,
       CAST(coalesce((SELECT sum(i.pay_fen) FROM order_item i WHERE i.order_id = o.id), 0) AS INTEGER) AS items_pay_fen,
       CAST(coalesce((SELECT sum(i.refund_fen) FROM order_item i WHERE i.order_id = o.id), 0) AS INTEGER) AS items_refund_fen,
       CAST(coalesce((SELECT sum(i.quantity) FROM order_item i WHERE i.order_id = o.id), 0) AS INTEGER) AS items_quantity,
       CAST(coalesce((SELECT i.title FROM order_item i WHERE i.order_id = o.id AND i.title <> ''
                      ORDER BY i.id LIMIT 1), '') AS TEXT) AS items_title
FROM orders o WHERE o.id = sqlc.arg(id);

-- The totals come from the items, not from the values import_fp hashes: it is cleared.
-- name: UpdateOrderTotals :exec
UPDATE orders
SET pay_fen = sqlc.arg(pay_fen), refund_fen = sqlc.arg(refund_fen), item_count = sqlc.arg(item_count),
    title = sqlc.arg(title), import_fp = 0, last_batch_id = sqlc.arg(batch_id)
WHERE id = sqlc.arg(id);

-- A total that changes more than once in one batch (several items of an order changed)
-- keeps one history row: the value before the batch and the value after it.
-- name: ExtendOrderChange :execrows
UPDATE order_change SET new_value = sqlc.arg(new_value)
WHERE order_id = sqlc.arg(order_id) AND batch_id = sqlc.arg(batch_id) AND field = sqlc.arg(field);

-- The import assigns the ids of the orders it creates itself (max + 1 onwards, exactly
-- what SQLite would pick for an INTEGER PRIMARY KEY), so that it can insert many orders
-- with one statement and still know each one's id without RETURNING.
-- name: MaxOrderID :one
SELECT CAST(coalesce(max(id), 0) AS INTEGER) FROM orders;

-- The stored state of the orders a chunk of import rows names, in one query instead of
-- one per row. shop_ids and order_nos are JSON arrays; the orders with those numbers in
-- those shops come back (probing UNIQUE (shop_id, order_no) once per shop and number),
-- the import matches them by (shop_id, order_no).
-- name: OrdersForImport :many
SELECT shop_id, order_no, id, buyer, status, status_text, pay_fen, refund_fen, title, item_count, address,
       created_at, paid_at, shipped_at, tracking_no, carrier, buyer_message, seller_memo,
       late_ship_comp, late_ship_comp_fen, promised_ship_at, address_changed, close_reason, after_sale,
       import_fp
FROM orders
WHERE shop_id IN (SELECT value FROM json_each(sqlc.arg(shop_ids)))
  AND order_no IN (SELECT value FROM json_each(sqlc.arg(order_nos)));

-- OrdersForImport reduced to what tells whether a row changes the order at all (see
-- migration 00008): the full state is read only for the orders whose hash differs.
-- name: OrderFingerprints :many
SELECT shop_id, order_no, id, import_fp
FROM orders
WHERE shop_id IN (SELECT value FROM json_each(sqlc.arg(shop_ids)))
  AND order_no IN (SELECT value FROM json_each(sqlc.arg(order_nos)));

-- Whether any shop of the platform holds orders: when none does, an import's look-ups can
-- only find the orders the import itself created.
-- name: PlatformHasOrders :one
SELECT EXISTS (SELECT 1 FROM orders o
               WHERE o.shop_id IN (SELECT s.id FROM shop s WHERE s.platform = sqlc.arg(platform))) AS has_orders;
