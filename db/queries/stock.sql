-- Stock (issue 9): the SKU master, the ledger, the derived sales and returns and the
-- figures. Comments stay ASCII (sqlc). Wall times: see migration 00019.

-- ---------------------------------------------------------------- SKU master

-- name: GetStockItemByCode :one
SELECT id, code, name, spec, cost_fen, safety_stock, supplier, lead_days, pack_size, in_transit,
       role, active, source, edited
FROM stock_item WHERE code = sqlc.arg(code);

-- name: GetStockItem :one
SELECT id, code, name, spec, cost_fen, safety_stock, supplier, lead_days, pack_size, in_transit,
       role, active, source, edited
FROM stock_item WHERE id = sqlc.arg(id);

-- name: CreateStockItem :one
INSERT INTO stock_item (code, name, spec, cost_fen, safety_stock, supplier, lead_days, pack_size,
                        in_transit, role, source, edited, created_batch_id, created_at, updated_at)
VALUES (sqlc.arg(code), sqlc.arg(name), sqlc.arg(spec), sqlc.arg(cost_fen), sqlc.arg(safety_stock),
        sqlc.arg(supplier), sqlc.narg(lead_days), sqlc.arg(pack_size), sqlc.arg(in_transit), sqlc.arg(role),
        sqlc.arg(source), sqlc.arg(edited), sqlc.narg(created_batch_id), sqlc.arg(now), sqlc.arg(now))
RETURNING id;

-- Every field a sheet or the seller may change; the writer keeps the history
-- (stock_item_change).
-- name: UpdateStockItem :exec
UPDATE stock_item
SET name = sqlc.arg(name), spec = sqlc.arg(spec), cost_fen = sqlc.arg(cost_fen),
    safety_stock = sqlc.arg(safety_stock), supplier = sqlc.arg(supplier), lead_days = sqlc.narg(lead_days),
    pack_size = sqlc.arg(pack_size), in_transit = sqlc.arg(in_transit), role = sqlc.arg(role),
    active = sqlc.arg(active), edited = sqlc.arg(edited), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: InsertStockItemChange :exec
INSERT INTO stock_item_change (stock_item_id, batch_id, field, old_value, new_value, actor_name, at)
VALUES (sqlc.arg(stock_item_id), sqlc.narg(batch_id), sqlc.arg(field), sqlc.arg(old_value),
        sqlc.arg(new_value), sqlc.arg(actor_name), sqlc.arg(at));

-- name: StockItemChanges :many
SELECT c.id, c.field, c.old_value, c.new_value, c.actor_name, c.at, c.batch_id,
       CAST(coalesce(b.file_name, '') AS TEXT) AS file_name
FROM stock_item_change c LEFT JOIN import_batch b ON b.id = c.batch_id
WHERE c.stock_item_id = sqlc.arg(stock_item_id)
ORDER BY c.id DESC
LIMIT 100;

-- name: ListSuppliers :many
SELECT DISTINCT supplier FROM stock_item WHERE supplier <> '' ORDER BY supplier;

-- ---------------------------------------------------------------- ledger

-- name: InsertStockMove :one
INSERT INTO stock_move (stock_item_id, kind, qty, counted, at, reason, actor_id, actor_name, batch_id, created_at)
VALUES (sqlc.arg(stock_item_id), sqlc.arg(kind), sqlc.arg(qty), sqlc.narg(counted), sqlc.arg(at),
        sqlc.arg(reason), sqlc.narg(actor_id), sqlc.arg(actor_name), sqlc.narg(batch_id), sqlc.arg(created_at))
RETURNING id;

-- The stored movements up to a time, in ledger order.
-- name: MovesUpTo :many
SELECT id, stock_item_id, kind, qty, counted, at
FROM stock_move
WHERE at <= sqlc.arg(end_at)
ORDER BY stock_item_id, at, id;

-- The same for the items in a JSON array of ids.
-- name: ItemsMovesUpTo :many
SELECT m.id, m.stock_item_id, m.kind, m.qty, m.counted, m.at
FROM json_each(sqlc.arg(item_ids)) j JOIN stock_move m ON m.stock_item_id = j.value
WHERE m.at <= sqlc.arg(end_at)
ORDER BY m.stock_item_id, m.at, m.id;

-- Units sold and returned after each item's base up to a time: the base is its last count,
-- else its first movement (an item without movements has none: nothing is known).
-- name: SoldAfterBases :many
WITH b AS (
    SELECT m.stock_item_id AS item,
           CAST(coalesce(max(CASE WHEN m.kind = 'stocktake' THEN m.at END), min(m.at)) AS TEXT) AS at
    FROM stock_move m WHERE m.at <= sqlc.arg(end_at)
    GROUP BY m.stock_item_id)
SELECT b.item AS stock_item_id,
       CAST(coalesce((SELECT sum(l.units) FROM stock_line l
                      WHERE l.stock_item_id = b.item AND l.at > b.at AND l.at <= sqlc.arg(end_at)), 0) AS INTEGER) AS sold,
       CAST(coalesce((SELECT sum(r.units) FROM stock_return r
                      WHERE r.stock_item_id = b.item AND r.at > b.at AND r.at <= sqlc.arg(end_at)), 0) AS INTEGER) AS returned
FROM b;

-- The same for the items in a JSON array of ids.
-- name: ItemsSoldAfterBases :many
WITH b AS (
    SELECT m.stock_item_id AS item,
           CAST(coalesce(max(CASE WHEN m.kind = 'stocktake' THEN m.at END), min(m.at)) AS TEXT) AS at
    FROM json_each(sqlc.arg(item_ids)) j JOIN stock_move m ON m.stock_item_id = j.value
    WHERE m.at <= sqlc.arg(end_at)
    GROUP BY m.stock_item_id)
SELECT b.item AS stock_item_id,
       CAST(coalesce((SELECT sum(l.units) FROM stock_line l
                      WHERE l.stock_item_id = b.item AND l.at > b.at AND l.at <= sqlc.arg(end_at)), 0) AS INTEGER) AS sold,
       CAST(coalesce((SELECT sum(r.units) FROM stock_return r
                      WHERE r.stock_item_id = b.item AND r.at > b.at AND r.at <= sqlc.arg(end_at)), 0) AS INTEGER) AS returned
FROM b;

-- An item's stored movements, newest first (its ledger, with the derived ones).
-- name: ItemMoves :many
SELECT id, kind, qty, counted, at, reason, actor_name, batch_id
FROM stock_move WHERE stock_item_id = sqlc.arg(stock_item_id)
ORDER BY at, id;

-- An item's sale lines (the derived sales), with the shop.
-- name: ItemLines :many
SELECT l.id, l.order_id, l.shop_id, s.name AS shop_name, l.at, l.units, l.pay_fen, o.order_no
FROM stock_line l JOIN shop s ON s.id = l.shop_id JOIN orders o ON o.id = l.order_id
WHERE l.stock_item_id = sqlc.arg(stock_item_id) AND l.at > sqlc.arg(after_at)
ORDER BY l.at, l.id;

-- name: ItemReturns :many
SELECT r.id, r.refund_id, r.shop_id, s.name AS shop_name, r.at, r.units, r.amount_fen, f.refund_no, f.order_no
FROM stock_return r JOIN shop s ON s.id = r.shop_id JOIN refund f ON f.id = r.refund_id
WHERE r.stock_item_id = sqlc.arg(stock_item_id) AND r.at > sqlc.arg(after_at)
ORDER BY r.at, r.id;

-- An item's sales and returns per day from a day on, for its chart.
-- name: ItemDays :many
SELECT substr(l.at, 1, 10) AS day, CAST(sum(l.units) AS INTEGER) AS sold, CAST(0 AS INTEGER) AS returned
FROM stock_line l WHERE l.stock_item_id = sqlc.arg(stock_item_id) AND l.at >= sqlc.arg(from_at)
GROUP BY day
UNION ALL
SELECT substr(r.at, 1, 10) AS day, CAST(0 AS INTEGER), CAST(sum(r.units) AS INTEGER)
FROM stock_return r WHERE r.stock_item_id = sqlc.arg(stock_item_id) AND r.at >= sqlc.arg(from_at)
GROUP BY day;

-- ---------------------------------------------------------------- stock and count sheets

-- name: InsertStockCount :exec
INSERT INTO stock_count (batch_id, row_no, stock_item_id, counted, book, at)
VALUES (sqlc.arg(batch_id), sqlc.arg(row_no), sqlc.arg(stock_item_id), sqlc.narg(counted), sqlc.arg(book), sqlc.arg(at));

-- name: DeleteStockMovesOfBatch :execrows
DELETE FROM stock_move WHERE batch_id = sqlc.arg(batch_id);

-- name: DeleteStockCountsOfBatch :execrows
DELETE FROM stock_count WHERE batch_id = sqlc.arg(batch_id);

-- name: StockItemChangesOfBatch :many
SELECT id, stock_item_id, field, old_value, new_value
FROM stock_item_change WHERE batch_id = sqlc.arg(batch_id)
ORDER BY id DESC;

-- name: DeleteStockItemChangesOfBatch :exec
DELETE FROM stock_item_change WHERE batch_id = sqlc.arg(batch_id);

-- The SKUs a sheet created that nothing else refers to: undoing the sheet removes them.
-- name: DeleteUnusedStockItemsOfBatch :execrows
DELETE FROM stock_item
WHERE created_batch_id = sqlc.arg(batch_id) AND edited = 0
  AND NOT EXISTS (SELECT 1 FROM stock_move m WHERE m.stock_item_id = stock_item.id AND (m.batch_id IS NULL OR m.batch_id <> sqlc.arg(batch_id)))
  AND NOT EXISTS (SELECT 1 FROM stock_count c WHERE c.stock_item_id = stock_item.id AND c.batch_id <> sqlc.arg(batch_id))
  AND NOT EXISTS (SELECT 1 FROM stock_line l WHERE l.stock_item_id = stock_item.id)
  AND NOT EXISTS (SELECT 1 FROM stock_return r WHERE r.stock_item_id = stock_item.id)
  AND NOT EXISTS (SELECT 1 FROM stock_listing s WHERE s.stock_item_id = stock_item.id);

-- The count sheets imported (stocktake level), newest first, with what they hold.
-- name: CountSheets :many
SELECT c.batch_id, b.file_name, min(c.at) AS at,
       count(*) AS rows_total,
       CAST(sum(c.counted IS NOT NULL) AS INTEGER) AS counted_rows,
       CAST(sum(c.counted IS NOT NULL AND c.counted <> c.book) AS INTEGER) AS differing,
       CAST(sum(c.posted_move_id IS NOT NULL) AS INTEGER) AS posted
FROM stock_count c JOIN import_batch b ON b.id = c.batch_id
GROUP BY c.batch_id
ORDER BY c.batch_id DESC
LIMIT 50;

-- name: CountRows :many
SELECT c.id, c.row_no, c.stock_item_id, i.code, i.name, i.spec, i.cost_fen, c.counted, c.book, c.at, c.posted_move_id
FROM stock_count c JOIN stock_item i ON i.id = c.stock_item_id
WHERE c.batch_id = sqlc.arg(batch_id)
ORDER BY c.row_no;

-- name: SetCountPosted :exec
UPDATE stock_count SET posted_move_id = sqlc.arg(move_id) WHERE id = sqlc.arg(id);

-- ---------------------------------------------------------------- sync (derived lines)

-- name: SyncedBatches :many
SELECT batch_id, file_sha256, started_at, first_order_id, last_order_id, order_ids, refund_ids FROM stock_sync;

-- name: BatchesForSync :many
SELECT id, file_sha256, started_at, first_order_id, last_order_id FROM import_batch ORDER BY id;

-- name: PutSynced :exec
INSERT OR REPLACE INTO stock_sync (batch_id, file_sha256, started_at, first_order_id, last_order_id, order_ids, refund_ids)
VALUES (sqlc.arg(batch_id), sqlc.arg(file_sha256), sqlc.arg(started_at), sqlc.arg(first_order_id),
        sqlc.arg(last_order_id), sqlc.arg(order_ids), sqlc.arg(refund_ids));

-- name: DeleteSynced :exec
DELETE FROM stock_sync WHERE batch_id = sqlc.arg(batch_id);

-- The orders a batch changed without creating them: named by its order changes, or holding
-- items it created or changed.
-- name: OrdersChangedByBatch :many
SELECT c.order_id FROM order_change c WHERE c.batch_id = sqlc.arg(batch_id)
UNION
SELECT i.order_id FROM order_item i WHERE i.last_batch_id = sqlc.arg(batch_id)
UNION
SELECT j.order_id FROM order_item j WHERE j.first_batch_id = sqlc.arg(batch_id);

-- The refunds whose returns a batch may change: the refunds it created or changed, and
-- the refunds of the orders it created (ranges: a JSON array of [first, last] order ids).
-- name: RefundsOfBatch :many
SELECT f.id FROM refund f WHERE f.first_batch_id = sqlc.arg(batch_id) OR f.last_batch_id = sqlc.arg(batch_id)
UNION
SELECT c.refund_id FROM refund_change c WHERE c.batch_id = sqlc.arg(batch_id)
UNION
SELECT r.id FROM refund r
WHERE EXISTS (SELECT 1 FROM orders o JOIN json_each(sqlc.arg(ranges)) g
              ON o.id BETWEEN g.value ->> 0 AND g.value ->> 1
              WHERE o.shop_id = r.shop_id AND o.order_no = r.order_no);

-- Lines of the orders in ranges (a JSON array of [first, last] order ids) are derived
-- again: deleted here, inserted by the next three.
-- name: DeleteLinesOfOrders :exec
DELETE FROM stock_line
WHERE order_id IN (SELECT o.id FROM json_each(sqlc.arg(ranges)) g JOIN orders o ON o.id BETWEEN g.value ->> 0 AND g.value ->> 1);

-- A merchant code first seen on an order line becomes a SKU named by the line's title.
-- name: CreateItemsOfOrders :execrows
INSERT OR IGNORE INTO stock_item (code, name, source, created_at, updated_at)
SELECT i.sku_code, min(i.title), 'order', sqlc.arg(now), sqlc.arg(now)
FROM json_each(sqlc.arg(ranges)) g
JOIN orders o ON o.id BETWEEN g.value ->> 0 AND g.value ->> 1
JOIN order_item i ON i.order_id = o.id
WHERE i.sku_code <> ''
GROUP BY i.sku_code;

-- Sales: every line of an order that was paid, unless it closed before it shipped. A line
-- without its own amount (the Taobao item report has only the price) is price x quantity.
-- name: InsertItemLines :exec
INSERT INTO stock_line (order_id, item_id, shop_id, stock_item_id, code, title, at, units, pay_fen)
SELECT o.id, i.id, o.shop_id,
       CASE WHEN i.sku_code <> '' THEN (SELECT s.id FROM stock_item s WHERE s.code = i.sku_code)
            ELSE (SELECT l.stock_item_id FROM stock_listing l WHERE l.shop_id = o.shop_id AND l.title = i.title) END,
       i.sku_code, i.title,
       CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.created_at END,
       CASE WHEN i.quantity > 0 THEN i.quantity ELSE 1 END,
       CASE WHEN i.pay_fen <> 0 THEN i.pay_fen ELSE i.price_fen * max(i.quantity, 1) END
FROM json_each(sqlc.arg(ranges)) g
JOIN orders o ON o.id BETWEEN g.value ->> 0 AND g.value ->> 1
JOIN order_item i ON i.order_id = o.id
WHERE (o.paid_at <> '' OR o.status IN ('to_ship', 'shipped', 'completed'))
  AND o.status <> 'unpaid'
  AND (o.status <> 'closed' OR o.shipped_at <> '' OR o.tracking_no <> '');

-- The same for orders without lines (an order report): the order is its one line.
-- name: InsertOrderLines :exec
INSERT INTO stock_line (order_id, item_id, shop_id, stock_item_id, code, title, at, units, pay_fen)
SELECT o.id, NULL, o.shop_id,
       (SELECT l.stock_item_id FROM stock_listing l WHERE l.shop_id = o.shop_id AND l.title = o.title),
       '', o.title,
       CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.created_at END,
       CASE WHEN o.item_count > 0 THEN o.item_count ELSE 1 END, o.pay_fen
FROM json_each(sqlc.arg(ranges)) g
JOIN orders o ON o.id BETWEEN g.value ->> 0 AND g.value ->> 1
WHERE (o.paid_at <> '' OR o.status IN ('to_ship', 'shipped', 'completed'))
  AND o.status <> 'unpaid'
  AND (o.status <> 'closed' OR o.shipped_at <> '' OR o.tracking_no <> '')
  AND NOT EXISTS (SELECT 1 FROM order_item i WHERE i.order_id = o.id);

-- The refunds in a JSON array of ids that brought goods back, with their order.
-- name: ReturnedRefunds :many
SELECT r.id, r.shop_id, r.order_no, r.sub_order_no, r.sku_code, r.title, r.amount_fen,
       CASE WHEN r.finished_at <> '' THEN r.finished_at WHEN r.applied_at <> '' THEN r.applied_at ELSE '' END AS at,
       CAST(coalesce((SELECT o.id FROM orders o WHERE o.shop_id = r.shop_id AND o.order_no = r.order_no), 0) AS INTEGER) AS order_id
FROM refund r
WHERE r.id IN (SELECT value FROM json_each(sqlc.arg(ids)))
  AND r.status = 'refunded' AND instr(r.kind, sqlc.arg(return_word)) > 0;

-- The sale lines of an order with what tells a refund which one it is about.
-- name: OrderLinesForReturn :many
SELECT l.id, l.stock_item_id, l.code, l.title, l.units, l.pay_fen, CAST(coalesce(i.sub_order_no, '') AS TEXT) AS sub_order_no
FROM stock_line l LEFT JOIN order_item i ON i.id = l.item_id
WHERE l.order_id = sqlc.arg(order_id)
ORDER BY l.id;

-- name: DeleteReturnsOfRefunds :exec
DELETE FROM stock_return WHERE refund_id IN (SELECT value FROM json_each(sqlc.arg(ids)));

-- name: InsertReturn :exec
INSERT INTO stock_return (refund_id, shop_id, stock_item_id, code, title, at, units, amount_fen)
VALUES (sqlc.arg(refund_id), sqlc.arg(shop_id), sqlc.narg(stock_item_id), sqlc.arg(code), sqlc.arg(title),
        sqlc.arg(at), sqlc.arg(units), sqlc.arg(amount_fen));

-- name: RefundIDsOfShop :many
SELECT id FROM refund WHERE shop_id = sqlc.arg(shop_id);

-- SKUs made from order lines that nothing refers to any more (the imports that had them
-- were undone) and the seller never touched.
-- name: DeleteOrphanOrderItems :execrows
DELETE FROM stock_item
WHERE source = 'order' AND edited = 0
  AND NOT EXISTS (SELECT 1 FROM stock_line l WHERE l.stock_item_id = stock_item.id)
  AND NOT EXISTS (SELECT 1 FROM stock_return r WHERE r.stock_item_id = stock_item.id)
  AND NOT EXISTS (SELECT 1 FROM stock_move m WHERE m.stock_item_id = stock_item.id)
  AND NOT EXISTS (SELECT 1 FROM stock_count c WHERE c.stock_item_id = stock_item.id)
  AND NOT EXISTS (SELECT 1 FROM stock_listing s WHERE s.stock_item_id = stock_item.id);

-- ---------------------------------------------------------------- listings (mapping)

-- name: ListingsOfItem :many
SELECT l.id, l.shop_id, s.name AS shop_name, s.platform, l.title, l.platform_sku_id, l.created_at
FROM stock_listing l JOIN shop s ON s.id = l.shop_id
WHERE l.stock_item_id = sqlc.arg(stock_item_id)
ORDER BY s.name, l.title;

-- The shops and titles an item's coded lines came from.
-- name: CodedListingsOfItem :many
SELECT l.shop_id, s.name AS shop_name, s.platform, l.title, count(*) AS lines, CAST(sum(l.units) AS INTEGER) AS units
FROM stock_line l JOIN shop s ON s.id = l.shop_id
WHERE l.stock_item_id = sqlc.arg(stock_item_id)
GROUP BY l.shop_id, l.title
ORDER BY units DESC
LIMIT 20;

-- name: GetListing :one
SELECT id, shop_id, title, stock_item_id FROM stock_listing WHERE id = sqlc.arg(id);

-- name: PutListing :one
INSERT INTO stock_listing (shop_id, title, stock_item_id, platform_sku_id, created_at)
VALUES (sqlc.arg(shop_id), sqlc.arg(title), sqlc.arg(stock_item_id), sqlc.arg(platform_sku_id), sqlc.arg(now))
ON CONFLICT (shop_id, title) DO UPDATE SET stock_item_id = excluded.stock_item_id, platform_sku_id = excluded.platform_sku_id
RETURNING id;

-- name: DeleteListing :exec
DELETE FROM stock_listing WHERE id = sqlc.arg(id);

-- The unmapped lines of a shop's title become an item's (the partial index
-- stock_line_unmapped finds them).
-- name: MapLines :execrows
UPDATE stock_line SET stock_item_id = sqlc.arg(stock_item_id)
WHERE stock_item_id IS NULL AND shop_id = sqlc.arg(shop_id) AND title = sqlc.arg(title) AND code = '';

-- The lines a listing gave an item are unmapped again.
-- name: UnmapLines :execrows
UPDATE stock_line SET stock_item_id = NULL
WHERE stock_item_id = sqlc.arg(stock_item_id) AND shop_id = sqlc.arg(shop_id) AND title = sqlc.arg(title) AND code = '';

-- name: ListingOf :one
SELECT id, stock_item_id FROM stock_listing WHERE shop_id = sqlc.arg(shop_id) AND title = sqlc.arg(title);

-- The order lines no SKU takes (no merchant code, no listing), by shop and title, the most
-- units first.
-- name: UnmappedLines :many
SELECT l.shop_id, s.name AS shop_name, s.platform, l.title, count(*) AS lines,
       CAST(sum(l.units) AS INTEGER) AS units, CAST(max(l.at) AS TEXT) AS last_at
FROM stock_line l JOIN shop s ON s.id = l.shop_id
WHERE l.stock_item_id IS NULL
GROUP BY l.shop_id, l.title
ORDER BY units DESC, l.shop_id, l.title
LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off);

-- name: CountUnmapped :one
SELECT count(*) AS title_count, CAST(coalesce(sum(n), 0) AS INTEGER) AS line_count FROM (
    SELECT count(*) AS n FROM stock_line WHERE stock_item_id IS NULL GROUP BY shop_id, title);

-- name: ItemNames :many
SELECT id, code, name, spec FROM stock_item WHERE active = 1 ORDER BY code;

-- ---------------------------------------------------------------- figures

-- name: AllStockItems :many
SELECT id, code, name, spec, cost_fen, safety_stock, supplier, lead_days, pack_size, in_transit, role, active
FROM stock_item ORDER BY id;

-- What the figures need of every item, with its kept sums of the units sold and returned
-- between its base and the week's cut (stock_sold_cut; NULL when there are none).
-- name: FigureItems :many
SELECT i.id, i.cost_fen, i.safety_stock, i.lead_days, i.pack_size, i.in_transit, i.active,
       c.base_at, c.cut_at, c.sold, c.returned
FROM stock_item i LEFT JOIN stock_sold_cut c ON c.stock_item_id = i.id
ORDER BY i.id;

-- The sale lines from the cut (cut_at) to end_at, through stock_line_at: the figures add
-- them up per item in Go (the windows, and what on hand subtracts after each item's base).
-- name: LinesSince :many
SELECT CAST(stock_item_id AS INTEGER) AS stock_item_id, at, units, pay_fen
FROM stock_line
WHERE at >= sqlc.arg(cut_at) AND at <= sqlc.arg(end_at) AND stock_item_id IS NOT NULL;

-- The same for the returns.
-- name: ReturnsSince :many
SELECT CAST(stock_item_id AS INTEGER) AS stock_item_id, at, units, amount_fen
FROM stock_return
WHERE at >= sqlc.arg(cut_at) AND at <= sqlc.arg(end_at) AND stock_item_id IS NOT NULL;

-- For the items in a JSON array of ids whose base (the last count, else the first movement;
-- as SoldAfterBases) is before the cut: the base, and the units sold and returned after it
-- and before the cut, as stock_sold_cut keeps them. A kept row of the same base and an
-- earlier cut (the cut moved a week on) holds the sums up to its cut: only the lines from
-- there are read (the one lower bound of the index range: its cut, else the base, which is
-- not itself counted).
-- name: SoldBeforeCut :many
WITH b AS (
    SELECT m.stock_item_id AS item,
           CAST(coalesce(max(CASE WHEN m.kind = 'stocktake' THEN m.at END), min(m.at)) AS TEXT) AS at
    FROM stock_move m
    WHERE m.stock_item_id IN (SELECT j.value FROM json_each(sqlc.arg(item_ids)) j) AND m.at <= sqlc.arg(end_at)
    GROUP BY m.stock_item_id)
SELECT b.item AS stock_item_id, b.at AS base_at,
       CAST(coalesce(c.sold, 0) + coalesce((SELECT sum(l.units) FROM stock_line l
                      WHERE l.stock_item_id = b.item AND l.at >= coalesce(c.cut_at, b.at) AND l.at < sqlc.arg(cut_at)
                        AND (c.cut_at IS NOT NULL OR l.at > b.at)), 0) AS INTEGER) AS sold,
       CAST(coalesce(c.returned, 0) + coalesce((SELECT sum(r.units) FROM stock_return r
                      WHERE r.stock_item_id = b.item AND r.at >= coalesce(c.cut_at, b.at) AND r.at < sqlc.arg(cut_at)
                        AND (c.cut_at IS NOT NULL OR r.at > b.at)), 0) AS INTEGER) AS returned
FROM b LEFT JOIN stock_sold_cut c ON c.stock_item_id = b.item AND c.base_at = b.at AND c.cut_at < sqlc.arg(cut_at)
WHERE b.at < sqlc.arg(cut_at);

-- Of the items in a JSON array of ids, those sold before a time (their history is longer
-- than the figures' windows).
-- name: SoldBefore :many
SELECT CAST(j.value AS INTEGER) AS id FROM json_each(sqlc.arg(item_ids)) j
WHERE EXISTS (SELECT 1 FROM stock_line l WHERE l.stock_item_id = j.value AND l.at < sqlc.arg(before_at));

-- name: DeleteFigures :exec
DELETE FROM stock_figure;

-- name: GetStockState :one
SELECT figures_day, figures_key, computed_at FROM stock_state WHERE id = 1;

-- name: SetStockState :exec
UPDATE stock_state SET figures_day = sqlc.arg(figures_day), figures_key = sqlc.arg(figures_key),
                       computed_at = sqlc.arg(computed_at)
WHERE id = 1;

-- ---------------------------------------------------------------- the stock sheet

-- The same filters, counted per status (the filter's badges; the page's total is their sum
-- or the chosen status's).
-- name: CountStockSheet :many
SELECT f.status, count(*) AS n
FROM stock_figure f JOIN stock_item i ON i.id = f.stock_item_id
WHERE (sqlc.arg(supplier) = '' OR i.supplier = sqlc.arg(supplier))
  AND (sqlc.arg(active) = 0 OR i.active = 1)
  AND (sqlc.arg(term) = '' OR i.code LIKE '%' || sqlc.arg(term) || '%' OR i.name LIKE '%' || sqlc.arg(term) || '%')
  AND (sqlc.arg(shop_id) = 0
       OR EXISTS (SELECT 1 FROM stock_line l WHERE l.shop_id = sqlc.arg(shop_id) AND l.stock_item_id = i.id)
       OR EXISTS (SELECT 1 FROM stock_listing s WHERE s.shop_id = sqlc.arg(shop_id) AND s.stock_item_id = i.id))
GROUP BY f.status;

-- name: GetFigure :one
SELECT f.on_hand, f.known, f.avg7, f.avg14, f.avg30, f.avg_window, f.days_left, f.reorder_qty, f.status,
       f.value_fen, f.sold_rank, f.margin_fen, f.rank_units, f.rank_margin, f.last_sale_at, f.returned_window
FROM stock_figure f WHERE f.stock_item_id = sqlc.arg(stock_item_id);

-- The items to reorder, by supplier.
-- name: ReorderList :many
SELECT i.id, i.code, i.name, i.spec, i.supplier, i.cost_fen, i.pack_size, i.lead_days, i.in_transit,
       f.on_hand, f.avg_window, f.days_left, f.reorder_qty, f.status
FROM stock_figure f JOIN stock_item i ON i.id = f.stock_item_id
WHERE f.reorder_qty > 0 AND i.active = 1
ORDER BY i.supplier = '', i.supplier, i.code;

-- Every active item with its on hand, for the count sheet.
-- name: CountSheetItems :many
SELECT i.id, i.code, i.name, i.spec, i.supplier, f.on_hand, f.known
FROM stock_item i JOIN stock_figure f ON f.stock_item_id = i.id
WHERE i.active = 1 AND (sqlc.arg(supplier) = '' OR i.supplier = sqlc.arg(supplier))
ORDER BY i.supplier, i.code;

-- ---------------------------------------------------------------- returns table

-- Returns per day and item in a range of days, newest first.
-- name: ReturnsByDay :many
SELECT substr(r.at, 1, 10) AS day, CAST(coalesce(r.stock_item_id, 0) AS INTEGER) AS stock_item_id,
       CAST(coalesce(i.code, r.code) AS TEXT) AS code, CAST(coalesce(i.name, r.title) AS TEXT) AS name,
       CAST(sum(r.units) AS INTEGER) AS units, CAST(sum(r.amount_fen) AS INTEGER) AS amount_fen,
       count(*) AS refunds, CAST(group_concat(DISTINCT s.name) AS TEXT) AS shops
FROM stock_return r LEFT JOIN stock_item i ON i.id = r.stock_item_id JOIN shop s ON s.id = r.shop_id
WHERE r.at >= sqlc.arg(from_at) AND r.at <= sqlc.arg(end_at)
GROUP BY day, r.stock_item_id, coalesce(i.code, r.code)
ORDER BY day DESC, units DESC
LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off);

-- name: CountReturnsByDay :one
SELECT count(*) FROM (
    SELECT 1 FROM stock_return r LEFT JOIN stock_item i ON i.id = r.stock_item_id
    WHERE r.at >= sqlc.arg(from_at) AND r.at <= sqlc.arg(end_at)
    GROUP BY substr(r.at, 1, 10), r.stock_item_id, coalesce(i.code, r.code));

-- ---------------------------------------------------------------- movements by hand

-- name: GetStockMove :one
SELECT id, stock_item_id, kind, qty, counted, at, reason, actor_name, batch_id FROM stock_move WHERE id = sqlc.arg(id);

-- name: LastMoveOfItem :one
SELECT id FROM stock_move WHERE stock_item_id = sqlc.arg(stock_item_id) ORDER BY at DESC, id DESC LIMIT 1;

-- name: DeleteStockMove :exec
DELETE FROM stock_move WHERE id = sqlc.arg(id);
