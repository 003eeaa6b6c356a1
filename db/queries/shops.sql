-- name: ListShops :many
SELECT s.id, s.platform, s.name, s.timezone,
       (SELECT count(*) FROM orders o WHERE o.shop_id = s.id) AS order_count
FROM shop s
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
