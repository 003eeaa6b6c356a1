-- name: ListShops :many
-- The counts come from order_day_count (migration 00012), read once for all shops:
-- counting orders walked a whole index per shop.
SELECT s.id, s.platform, s.name, s.timezone, CAST(coalesce(c.n, 0) AS INTEGER) AS order_count
FROM shop s LEFT JOIN (SELECT shop_id, sum(n) AS n FROM order_day_count GROUP BY shop_id) c ON c.shop_id = s.id
ORDER BY s.platform, s.name;

-- name: GetShop :one
SELECT id, platform, name, timezone FROM shop WHERE id = sqlc.arg(id);

-- The shop a file's shop name column names: the shop of that name, else the shop that had it (an old
-- name, or the name of a shop merged into it; see shop_alias in migration 00018).
-- name: FindShop :one
SELECT s.id, s.platform, s.name, s.timezone FROM shop s
LEFT JOIN shop_alias a ON a.shop_id = s.id AND a.platform = sqlc.arg(platform) AND a.name = sqlc.arg(name)
WHERE s.platform = sqlc.arg(platform) AND (s.name = sqlc.arg(name) OR a.id IS NOT NULL)
ORDER BY a.id IS NOT NULL
LIMIT 1;

-- Who holds a name on a platform: a shop, as its name (alias_id 0) or as an old name.
-- name: NameHolder :one
SELECT s.id AS shop_id, s.name AS shop_name, CAST(coalesce(a.id, 0) AS INTEGER) AS alias_id,
       CAST(coalesce(a.merge_id, 0) AS INTEGER) AS merge_id
FROM shop s
LEFT JOIN shop_alias a ON a.shop_id = s.id AND a.platform = sqlc.arg(platform) AND a.name = sqlc.arg(name)
WHERE s.platform = sqlc.arg(platform) AND (s.name = sqlc.arg(name) OR a.id IS NOT NULL)
ORDER BY a.id IS NOT NULL
LIMIT 1;

-- name: ShopsOnPlatform :many
SELECT id, platform, name, timezone FROM shop WHERE platform = sqlc.arg(platform) ORDER BY name;

-- The id is above every shop's and every merged-away shop's (waiting in shop_merge to be
-- put back by an undo), so that shop gets its own id back.
-- name: CreateShop :one
INSERT INTO shop (id, platform, name, timezone)
VALUES (max(coalesce((SELECT max(x.id) FROM shop x), 0), coalesce((SELECT max(m.source_shop_id) FROM shop_merge m), 0)) + 1,
        sqlc.arg(platform), sqlc.arg(name), sqlc.arg(timezone))
RETURNING id, platform, name, timezone;

-- name: RenameShop :exec
UPDATE shop SET name = sqlc.arg(name) WHERE id = sqlc.arg(id);

-- name: CountShops :one
SELECT count(*) FROM shop;

-- name: MaxShopID :one
SELECT CAST(coalesce(max(id), 0) AS INTEGER) FROM shop;

-- Shops made during an import (ids above the largest before it, inside its transaction)
-- belong to that batch: undoing it removes them again.
-- name: MarkShopsCreatedBy :exec
UPDATE shop SET created_batch_id = sqlc.arg(batch_id) WHERE id > sqlc.arg(after_id);

-- name: ListShopAliases :many
SELECT shop_id, name, CAST(merge_id IS NOT NULL AS INTEGER) AS from_merge
FROM shop_alias ORDER BY shop_id, id;

-- name: AddShopAlias :exec
INSERT INTO shop_alias (shop_id, platform, name, merge_id, created_at)
VALUES (sqlc.arg(shop_id), sqlc.arg(platform), sqlc.arg(name), sqlc.narg(merge_id), sqlc.arg(created_at));

-- name: DeleteShopAlias :exec
DELETE FROM shop_alias WHERE id = sqlc.arg(id);

-- name: CreateShopMerge :one
INSERT INTO shop_merge (platform, source_shop_id, source_name, target_shop_id, summary_json, merged_at)
VALUES (sqlc.arg(platform), sqlc.arg(source_shop_id), sqlc.arg(source_name), sqlc.arg(target_shop_id), '{}', sqlc.arg(merged_at))
RETURNING id;

-- name: SetShopMergeSummary :exec
UPDATE shop_merge SET summary_json = sqlc.arg(summary_json) WHERE id = sqlc.arg(id);

-- The merges that can be undone now, newest first: those whose target is a shop (not
-- itself merged away since; that merge is undone first).
-- name: ListShopMerges :many
SELECT m.id, m.platform, m.source_shop_id, m.source_name, m.target_shop_id, s.name AS target_name,
       s.timezone AS target_timezone, m.summary_json, m.merged_at
FROM shop_merge m JOIN shop s ON s.id = m.target_shop_id
ORDER BY m.id DESC;

-- name: GetShopMerge :one
SELECT id, platform, source_shop_id, source_name, target_shop_id, summary_json, merged_at
FROM shop_merge WHERE id = sqlc.arg(id);

-- The merge (not undone) that took a shop away.
-- name: MergeOfSource :one
SELECT id, source_name FROM shop_merge WHERE source_shop_id = sqlc.arg(shop_id) ORDER BY id DESC LIMIT 1;

-- name: MergesInto :many
SELECT id, source_shop_id FROM shop_merge WHERE target_shop_id = sqlc.arg(shop_id);

-- The id the merged-away shop got back (undo, after its row was put back).
-- name: ParkedShopNewID :one
SELECT new_row_id FROM shop_merge_parked
WHERE merge_id = sqlc.arg(merge_id) AND tbl = 'shop' AND parent_id IS NULL;

-- name: DeleteShopMerge :exec
DELETE FROM shop_merge WHERE id = sqlc.arg(id);

-- Import batches that wrote to this shop and no other: its part of the import history,
-- which goes with the shop.
-- name: BatchesOnlyOfShop :many
SELECT bs.batch_id FROM import_batch_shop bs
WHERE bs.shop_id = sqlc.arg(shop_id)
  AND NOT EXISTS (SELECT 1 FROM import_batch_shop o WHERE o.batch_id = bs.batch_id AND o.shop_id <> bs.shop_id);

-- name: DeleteImportBatch :exec
DELETE FROM import_batch WHERE id = sqlc.arg(id);

-- name: DeleteShop :exec
DELETE FROM shop WHERE id = sqlc.arg(id);
