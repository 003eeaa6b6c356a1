-- Shop metrics (issue 12). Comments stay ASCII (sqlc).

-- name: UpsertShopMetric :exec
INSERT INTO shop_metric (shop_id, day, visitors, page_views, buyers, promo_fen, updated_at)
VALUES (sqlc.arg(shop_id), sqlc.arg(day), sqlc.narg(visitors), sqlc.narg(page_views), sqlc.narg(buyers),
        sqlc.narg(promo_fen), sqlc.arg(now))
ON CONFLICT (shop_id, day) DO UPDATE
SET visitors = excluded.visitors, page_views = excluded.page_views, buyers = excluded.buyers,
    promo_fen = excluded.promo_fen, updated_at = excluded.updated_at;

-- name: ListShopMetrics :many
SELECT shop_id, day, visitors, page_views, buyers, promo_fen
FROM shop_metric WHERE day >= sqlc.arg(from_day) AND day <= sqlc.arg(to_day)
ORDER BY shop_id, day;

-- Per shop and day (orders placed that day, shop-local): orders and sales are the paid
-- orders not closed (as the checklist counts them); paid_all with the ones closed after
-- payment, refunded those of them refunded in part or whole (the refund rate).
-- name: MetricDailyOrders :many
SELECT o.shop_id, substr(o.created_at, 1, 10) AS day,
       CAST(coalesce(sum(o.status <> 'closed'), 0) AS INTEGER) AS orders,
       CAST(coalesce(sum(CASE WHEN o.status <> 'closed' THEN o.pay_fen ELSE 0 END), 0) AS INTEGER) AS sales_fen,
       count(*) AS paid_all,
       CAST(coalesce(sum(o.refund_fen > 0 OR o.status = 'closed'), 0) AS INTEGER) AS refunded,
       CAST(coalesce(sum(o.refund_fen), 0) AS INTEGER) AS refund_fen
FROM orders o
WHERE o.created_at >= sqlc.arg(from_at) AND o.created_at < sqlc.arg(to_at)
  AND o.paid_at <> '' AND o.status IN ('to_ship', 'shipped', 'completed', 'closed')
GROUP BY o.shop_id, substr(o.created_at, 1, 10) ORDER BY o.shop_id, day;

-- name: SetShopTarget :exec
INSERT INTO shop_target (shop_id, month, sales_fen) VALUES (sqlc.arg(shop_id), sqlc.arg(month), sqlc.arg(sales_fen))
ON CONFLICT (shop_id, month) DO UPDATE SET sales_fen = excluded.sales_fen;

-- name: ListShopTargets :many
SELECT shop_id, month, sales_fen FROM shop_target WHERE month >= sqlc.arg(from_month) AND month <= sqlc.arg(to_month);

-- Imports of daily traffic exports (kind metrics, internal/metrics/import.go).

-- name: GetShopMetric :one
SELECT shop_id, day, visitors, page_views, buyers, promo_fen, updated_at
FROM shop_metric WHERE shop_id = sqlc.arg(shop_id) AND day = sqlc.arg(day);

-- name: InsertShopMetricImport :exec
INSERT INTO shop_metric_import (batch_id, shop_id, day, had_row, old_visitors, old_page_views, old_buyers,
    old_promo_fen, old_updated_at, new_visitors, new_page_views, new_buyers, new_promo_fen)
VALUES (sqlc.arg(batch_id), sqlc.arg(shop_id), sqlc.arg(day), sqlc.arg(had_row), sqlc.narg(old_visitors),
    sqlc.narg(old_page_views), sqlc.narg(old_buyers), sqlc.narg(old_promo_fen), sqlc.narg(old_updated_at),
    sqlc.narg(new_visitors), sqlc.narg(new_page_views), sqlc.narg(new_buyers), sqlc.narg(new_promo_fen));

-- name: ShopMetricImportsOfBatch :many
SELECT i.shop_id, i.day, i.had_row, i.old_visitors, i.old_page_views, i.old_buyers, i.old_promo_fen,
       i.old_updated_at, i.new_visitors, i.new_page_views, i.new_buyers, i.new_promo_fen, s.name AS shop_name
FROM shop_metric_import i JOIN shop s ON s.id = i.shop_id
WHERE i.batch_id = sqlc.arg(batch_id) ORDER BY i.shop_id, i.day;

-- The first later import that wrote one of the batch's shop days (undo waits for it).
-- name: LaterShopMetricBatch :one
SELECT CAST(coalesce(min(l.batch_id), 0) AS INTEGER) FROM shop_metric_import l
JOIN shop_metric_import b ON b.shop_id = l.shop_id AND b.day = l.day
WHERE b.batch_id = sqlc.arg(batch_id) AND l.batch_id > sqlc.arg(batch_id);

-- name: RestoreShopMetric :exec
UPDATE shop_metric SET visitors = sqlc.narg(visitors), page_views = sqlc.narg(page_views), buyers = sqlc.narg(buyers),
    promo_fen = sqlc.narg(promo_fen), updated_at = sqlc.arg(updated_at)
WHERE shop_id = sqlc.arg(shop_id) AND day = sqlc.arg(day);

-- name: DeleteShopMetric :exec
DELETE FROM shop_metric WHERE shop_id = sqlc.arg(shop_id) AND day = sqlc.arg(day);

-- name: DeleteShopMetricImportsOfBatch :exec
DELETE FROM shop_metric_import WHERE batch_id = sqlc.arg(batch_id);
