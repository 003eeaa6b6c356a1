-- Import templates (user-made layouts) and remembered shop choices: see
-- db/migrations/00005_import_memory.sql and internal/importer/template.go, shopmemory.go.

-- name: ListTemplates :many
SELECT id, platform, name, level, header_sig, header_json, columns_json, created_at, last_used_at
FROM import_template
ORDER BY id DESC;

-- name: GetTemplate :one
SELECT id, platform, name, level, header_sig, header_json, columns_json, created_at, last_used_at
FROM import_template WHERE id = sqlc.arg(id);

-- name: TemplateIDByName :one
SELECT id FROM import_template WHERE name = sqlc.arg(name);

-- name: CreateTemplate :one
INSERT INTO import_template (platform, name, level, header_sig, header_json, columns_json, created_at)
VALUES (sqlc.arg(platform), sqlc.arg(name), sqlc.arg(level), sqlc.arg(header_sig),
        sqlc.arg(header_json), sqlc.arg(columns_json), sqlc.arg(created_at))
RETURNING id;

-- name: RenameTemplate :execrows
UPDATE import_template SET name = sqlc.arg(name) WHERE id = sqlc.arg(id);

-- name: DeleteTemplate :execrows
DELETE FROM import_template WHERE id = sqlc.arg(id);

-- name: TouchTemplate :exec
UPDATE import_template SET last_used_at = sqlc.arg(used_at) WHERE id = sqlc.arg(id);

-- name: FindShopChoice :one
SELECT c.id, c.shop_id, s.platform, s.name AS shop_name
FROM import_shop_choice c JOIN shop s ON s.id = c.shop_id
WHERE c.header_sig = sqlc.arg(header_sig) AND c.file_pattern = sqlc.arg(file_pattern);

-- The seller's latest pick for this header and name pattern replaces an earlier one.
-- name: RememberShopChoice :exec
INSERT INTO import_shop_choice (header_sig, file_pattern, shop_id, created_at, last_used_at)
VALUES (sqlc.arg(header_sig), sqlc.arg(file_pattern), sqlc.arg(shop_id), sqlc.arg(used_at), sqlc.arg(used_at))
ON CONFLICT (header_sig, file_pattern)
DO UPDATE SET shop_id = excluded.shop_id, last_used_at = excluded.last_used_at;

-- name: TouchShopChoice :exec
UPDATE import_shop_choice SET last_used_at = sqlc.arg(used_at) WHERE id = sqlc.arg(id);

-- name: ListShopChoices :many
SELECT c.id, c.header_sig, c.file_pattern, c.shop_id, s.platform, s.name AS shop_name,
       c.created_at, c.last_used_at
FROM import_shop_choice c JOIN shop s ON s.id = c.shop_id
ORDER BY c.last_used_at DESC, c.id DESC;

-- name: ForgetShopChoice :execrows
DELETE FROM import_shop_choice WHERE id = sqlc.arg(id);
