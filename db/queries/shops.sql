-- name: ListShops :many
-- The counts come from order_day_count (migration 00012), read once for all shops:
-- counting orders walked a whole index per shop.
SELECT s.id, s.platform, s.name, s.timezone, CAST(coalesce(c.n, 0) AS INTEGER) AS order_count
FROM shop s LEFT JOIN (SELECT shop_id, sum(n) AS n FROM order_day_count GROUP BY shop_id) c ON c.shop_id = s.id
ORDER BY s.platform, s.name;

-- name: GetShop :one
SELECT id, platform, name, timezone FROM shop WHERE id = sqlc.arg(id);

-- name: FindShop :one
SELECT id, platform, name, timezone FROM shop
WHERE platform = sqlc.arg(platform) AND name = sqlc.arg(name);

-- name: ShopsOnPlatform :many
SELECT id, platform, name, timezone FROM shop WHERE platform = sqlc.arg(platform) ORDER BY name;

-- name: CreateShop :one
INSERT INTO shop (platform, name, timezone)
VALUES (sqlc.arg(platform), sqlc.arg(name), sqlc.arg(timezone))
RETURNING id, platform, name, timezone;

-- name: CountShops :one
SELECT count(*) FROM shop;

-- name: MaxShopID :one
SELECT CAST(coalesce(max(id), 0) AS INTEGER) FROM shop;

-- Shops made during an import (ids above the largest before it, inside its transaction)
-- belong to that batch: undoing it removes them again.
-- name: MarkShopsCreatedBy :exec
UPDATE shop SET created_batch_id = sqlc.arg(batch_id) WHERE id > sqlc.arg(after_id);
