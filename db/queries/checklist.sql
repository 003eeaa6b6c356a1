-- Today's checklist (issue 12). Comments stay ASCII (sqlc).

-- ---------------------------------------------------------------- recurring items

-- name: ListChecklistTasks :many
SELECT t.id, t.title, t.repeat, t.weekday, t.month_day, t.owner_id, coalesce(s.name, '') AS owner_name,
       t.active, t.created_at
FROM checklist_task t LEFT JOIN staff s ON s.id = t.owner_id
ORDER BY t.id;

-- name: CreateChecklistTask :one
INSERT INTO checklist_task (title, repeat, weekday, month_day, owner_id, active, created_at)
VALUES (sqlc.arg(title), sqlc.arg(repeat), sqlc.arg(weekday), sqlc.arg(month_day), sqlc.narg(owner_id),
        sqlc.arg(active), sqlc.arg(now))
RETURNING id;

-- name: UpdateChecklistTask :execrows
UPDATE checklist_task
SET title = sqlc.arg(title), repeat = sqlc.arg(repeat), weekday = sqlc.arg(weekday),
    month_day = sqlc.arg(month_day), owner_id = sqlc.narg(owner_id), active = sqlc.arg(active)
WHERE id = sqlc.arg(id);

-- name: DeleteChecklistTask :execrows
DELETE FROM checklist_task WHERE id = sqlc.arg(id);

-- ---------------------------------------------------------------- a day's items

-- name: ListChecklistItems :many
SELECT id, day, item_key, position, section, source, title, count, detail, top, link, owner_name,
       state, done_by_id, done_by, done_at, note
FROM checklist_item WHERE day = sqlc.arg(day)
ORDER BY position, id;

-- name: GetChecklistItem :one
SELECT id, day, item_key, position, section, source, title, count, detail, top, link, owner_name,
       state, done_by_id, done_by, done_at, note
FROM checklist_item WHERE id = sqlc.arg(id);

-- name: InsertChecklistItem :one
INSERT INTO checklist_item (day, item_key, position, section, source, title, count, detail, top, link,
                            owner_name, state, note, done_at, updated_at)
VALUES (sqlc.arg(day), sqlc.arg(item_key), sqlc.arg(position), sqlc.arg(section), sqlc.arg(source),
        sqlc.arg(title), sqlc.arg(count), sqlc.arg(detail), sqlc.arg(top), sqlc.arg(link),
        sqlc.arg(owner_name), sqlc.arg(state), sqlc.arg(note), sqlc.arg(done_at), sqlc.arg(now))
RETURNING id;

-- The generated columns of a line, as the data says now.
-- name: RefreshChecklistItem :exec
UPDATE checklist_item
SET position = sqlc.arg(position), section = sqlc.arg(section), title = sqlc.arg(title),
    count = sqlc.arg(count), detail = sqlc.arg(detail), top = sqlc.arg(top), link = sqlc.arg(link),
    owner_name = sqlc.arg(owner_name), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: SetChecklistItemState :exec
UPDATE checklist_item
SET state = sqlc.arg(state), done_by_id = sqlc.narg(done_by_id), done_by = sqlc.arg(done_by),
    done_at = sqlc.arg(done_at), note = sqlc.arg(note), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: AddChecklistEvent :exec
INSERT INTO checklist_event (item_id, at, actor_id, actor_name, action, note)
VALUES (sqlc.arg(item_id), sqlc.arg(at), sqlc.narg(actor_id), sqlc.arg(actor_name), sqlc.arg(action), sqlc.arg(note));

-- name: ListChecklistEvents :many
SELECT e.id, e.item_id, e.at, e.actor_id, e.actor_name, e.action, e.note
FROM checklist_event e JOIN checklist_item i ON i.id = e.item_id
WHERE i.day = sqlc.arg(day)
ORDER BY e.id;

-- The days kept, newest first, with how much of each was done.
-- name: ListChecklistDays :many
SELECT day, count(*) AS items,
       CAST(coalesce(sum(state IN ('done', 'auto')), 0) AS INTEGER) AS done,
       CAST(coalesce(sum(state = 'skipped'), 0) AS INTEGER) AS skipped
FROM checklist_item
GROUP BY day ORDER BY day DESC LIMIT sqlc.arg(lim);

-- ---------------------------------------------------------------- data read for the list

-- Paid orders of a day per shop (created that day, shop-local; not closed): the orders and
-- the sales of yesterday.
-- name: ChecklistDayOrders :many
SELECT s.id AS shop_id, s.name AS shop_name, s.platform, count(*) AS orders, CAST(coalesce(sum(o.pay_fen), 0) AS INTEGER) AS sales_fen
FROM orders o JOIN shop s ON s.id = o.shop_id
WHERE o.created_at >= sqlc.arg(from_at) AND o.created_at < sqlc.arg(to_at)
  AND o.paid_at <> '' AND o.status IN ('to_ship', 'shipped', 'completed')
GROUP BY s.id ORDER BY s.id;

-- name: ChecklistTopDayOrders :many
SELECT order_no, pay_fen, title
FROM orders
WHERE shop_id = sqlc.arg(shop_id) AND created_at >= sqlc.arg(from_at) AND created_at < sqlc.arg(to_at)
  AND paid_at <> '' AND status IN ('to_ship', 'shipped', 'completed')
ORDER BY pay_fen DESC, order_no LIMIT sqlc.arg(lim);

-- Paid sales per shop and day over a span (the home page's 7-day chart).
-- name: ChecklistDailySales :many
SELECT s.id AS shop_id, s.name AS shop_name, substr(o.created_at, 1, 10) AS day, count(*) AS orders,
       CAST(coalesce(sum(o.pay_fen), 0) AS INTEGER) AS sales_fen
FROM orders o JOIN shop s ON s.id = o.shop_id
WHERE o.created_at >= sqlc.arg(from_at) AND o.created_at < sqlc.arg(to_at)
  AND o.paid_at <> '' AND o.status IN ('to_ship', 'shipped', 'completed')
GROUP BY s.id, substr(o.created_at, 1, 10) ORDER BY s.id, day;
