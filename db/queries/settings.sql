-- name: ListSettings :many
SELECT key, value FROM setting ORDER BY key;

-- name: PutSetting :exec
INSERT INTO setting (key, value, updated_at) VALUES (sqlc.arg(key), sqlc.arg(value), sqlc.arg(updated_at))
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;

-- A setting back at its default has no row.
-- name: DeleteSetting :exec
DELETE FROM setting WHERE key = sqlc.arg(key);
