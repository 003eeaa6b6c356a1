-- name: ListSettings :many
SELECT key, value FROM setting ORDER BY key;

-- name: PutSetting :exec
INSERT INTO setting (key, value, updated_at) VALUES (sqlc.arg(key), sqlc.arg(value), sqlc.arg(updated_at))
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;

-- A setting back at its default has no row.
-- name: DeleteSetting :exec
DELETE FROM setting WHERE key = sqlc.arg(key);

-- name: ListStaff :many
SELECT id, name, role, active, note, created_at, updated_at FROM staff ORDER BY active DESC, name;

-- name: GetStaff :one
SELECT id, name, role, active, note, created_at, updated_at FROM staff WHERE id = sqlc.arg(id);

-- name: FindStaffByName :one
SELECT id FROM staff WHERE name = sqlc.arg(name);

-- name: CreateStaff :one
INSERT INTO staff (name, role, active, note, created_at, updated_at)
VALUES (sqlc.arg(name), sqlc.arg(role), sqlc.arg(active), sqlc.arg(note), sqlc.arg(now), sqlc.arg(now))
RETURNING id;

-- name: UpdateStaff :execrows
UPDATE staff SET name = sqlc.arg(name), role = sqlc.arg(role), active = sqlc.arg(active),
                 note = sqlc.arg(note), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);
