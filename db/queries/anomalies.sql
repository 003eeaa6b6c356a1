-- Order anomalies (internal/anomaly). A run of the rules looks at a scope: the order ids
-- (anomaly_scope_order) and the (shop, order number) keys (anomaly_scope_key) whose
-- findings may have changed since the last run (migration 00011 says how they are found),
-- or every candidate when it is a full run. The Rule* queries read one chunk of keys with
-- every column a rule reads; the rules themselves (what fires, since when, by when) are Go
-- code over those rows. "seen_utc" columns are the finish time (UTC) of the import that
-- recorded a change: the "since when" of the rules.

-- name: RuleShops :many
SELECT id, platform, name, timezone FROM shop ORDER BY id;

-- A run's first statement is a write, which takes the write lock before anything is read
-- (the reads then see what the writes will change). The scope is empty (a run empties it
-- when it is done): with a WHERE, the DELETE finds no row and changes no page, so that a
-- run that finds nothing to do writes nothing.
-- name: LockScope :exec
DELETE FROM anomaly_scope_order WHERE id > 0;

-- name: ClearScopeOrders :exec
DELETE FROM anomaly_scope_order;

-- name: ClearScopeKeys :exec
DELETE FROM anomaly_scope_key;

-- name: GetAnomalyRun :one
SELECT thresholds, found FROM anomaly_run WHERE id = 1;

-- name: SaveAnomalyRun :exec
INSERT OR REPLACE INTO anomaly_run (id, thresholds, found, ran_at)
VALUES (1, sqlc.arg(thresholds), sqlc.arg(found), sqlc.arg(ran_at));

-- name: AnomalyShops :many
SELECT shop_id, timezone, wall, offset_s, no_promised, no_shipped, refund_orders, window_n, median_fen
FROM anomaly_shop;

-- name: SaveAnomalyShop :exec
INSERT OR REPLACE INTO anomaly_shop (shop_id, timezone, wall, offset_s, no_promised, no_shipped, refund_orders,
                                     window_n, median_fen)
VALUES (sqlc.arg(shop_id), sqlc.arg(timezone), sqlc.arg(wall), sqlc.arg(offset_s), sqlc.arg(no_promised),
        sqlc.arg(no_shipped), sqlc.arg(refund_orders), sqlc.arg(window_n), sqlc.arg(median_fen));

-- name: DeleteAnomalyShops :exec
DELETE FROM anomaly_shop WHERE shop_id NOT IN (SELECT id FROM shop);

-- A full run starts from nothing.
-- name: ResetAnomalyState :exec
DELETE FROM anomaly_shop;

-- name: ResetAnomalyWatch :exec
DELETE FROM anomaly_watch;

-- name: ResetAnomalyAmounts :exec
DELETE FROM anomaly_amount;

-- name: MaxPending :one
SELECT CAST(coalesce(max(id), 0) AS INTEGER) FROM anomaly_pending;

-- name: DeletePending :exec
DELETE FROM anomaly_pending WHERE id <= sqlc.arg(upto);

-- Every order a rule may look at now or later (a full run): each line through its index.
-- name: ScopeCandidates :exec
INSERT OR IGNORE INTO anomaly_scope_order (id)
SELECT id FROM orders WHERE status IN ('to_ship', 'shipped', 'unpaid')
UNION ALL SELECT id FROM orders WHERE status = 'closed' AND paid_at <> ''
UNION ALL SELECT id FROM orders WHERE late_ship_comp <> 0 OR late_ship_comp_fen <> 0
UNION ALL SELECT id FROM orders WHERE after_sale <> ''
UNION ALL SELECT order_id FROM order_item WHERE refund_status <> ''
UNION ALL SELECT o.id FROM orders o WHERE o.created_at >= sqlc.arg(recent_from);

-- Every open refund, complaint and active anomaly (a full run).
-- name: ScopeAllKeys :exec
INSERT OR IGNORE INTO anomaly_scope_key (shop_id, order_no)
SELECT shop_id, order_no FROM refund WHERE status = 'open'
UNION ALL SELECT shop_id, order_no FROM complaint WHERE deleted_at = ''
UNION ALL SELECT shop_id, order_no FROM anomaly WHERE active = 1;

-- What the imports noted since the last run (up to pending id upto) touched: the orders a
-- batch created (its id range, see migration 00007), changed (order_change) or added items
-- to. A batch undone since is gone: its undo names what to look at. The scope queries start
-- from the few pending rows (CROSS JOIN: SQLite keeps that order; an automatic index over
-- every order's first_batch_id took 1.7 s) and reach the rest through indexes.
-- name: ScopeImportedOrders :exec
INSERT OR IGNORE INTO anomaly_scope_order (id)
SELECT o.id FROM anomaly_pending p CROSS JOIN import_batch b ON b.id = p.batch_id
CROSS JOIN orders o ON o.id >= b.first_order_id AND o.id <= b.last_order_id AND +o.first_batch_id = b.id
WHERE p.what = 'batch' AND p.id <= sqlc.arg(upto)
UNION ALL
SELECT c.order_id FROM anomaly_pending p CROSS JOIN order_change c ON c.batch_id = p.batch_id
WHERE p.what = 'batch' AND p.id <= sqlc.arg(upto)
UNION ALL
SELECT i.order_id FROM anomaly_pending p CROSS JOIN order_item i ON i.first_batch_id = p.batch_id
WHERE p.what = 'batch' AND p.id <= sqlc.arg(upto)
UNION ALL
SELECT p.first_id FROM anomaly_pending p WHERE p.what = 'order' AND p.id <= sqlc.arg(upto);

-- The refunds a batch created or changed, and the keys noted by the triggers.
-- name: ScopeImportedKeys :exec
INSERT OR IGNORE INTO anomaly_scope_key (shop_id, order_no)
SELECT r.shop_id, r.order_no FROM anomaly_pending p CROSS JOIN refund r ON r.first_batch_id = p.batch_id
WHERE p.what = 'batch' AND p.id <= sqlc.arg(upto)
UNION ALL
SELECT r.shop_id, r.order_no FROM anomaly_pending p CROSS JOIN refund_change c ON c.batch_id = p.batch_id
CROSS JOIN refund r ON r.id = c.refund_id
WHERE p.what = 'batch' AND p.id <= sqlc.arg(upto)
UNION ALL
SELECT p.shop_id, p.order_no FROM anomaly_pending p WHERE p.what = 'key' AND p.id <= sqlc.arg(upto);

-- The orders an undo removed: what the last run kept of them (anomaly_watch), and their
-- anomalies' keys (by the order id they were last seen with: a scan of the anomalies, for
-- undos only; an index on it cost a fifth of every anomaly's insert).
-- name: ScopeUndoneOrders :exec
INSERT OR IGNORE INTO anomaly_scope_order (id)
SELECT w.order_id FROM anomaly_pending p CROSS JOIN anomaly_watch w ON w.order_id >= p.first_id AND w.order_id <= p.last_id
WHERE p.what = 'undo' AND p.id <= sqlc.arg(upto);

-- name: ScopeUndoneKeys :exec
INSERT OR IGNORE INTO anomaly_scope_key (shop_id, order_no)
SELECT a.shop_id, a.order_no FROM anomaly_pending p CROSS JOIN anomaly a ON a.order_id >= p.first_id AND a.order_id <= p.last_id
WHERE p.what = 'undo' AND p.id <= sqlc.arg(upto);

-- The orders whose outcome the time changed since the last run.
-- name: ScopeDue :exec
INSERT OR IGNORE INTO anomaly_scope_order (id)
SELECT w.order_id FROM anomaly_watch w WHERE w.shop_id = sqlc.arg(shop_id) AND w.next_at <= sqlc.arg(wall);

-- Every order of a shop the last run did not know.
-- name: ScopeShopOrders :exec
INSERT OR IGNORE INTO anomaly_scope_order (id) SELECT o.id FROM orders o WHERE o.shop_id = sqlc.arg(shop_id);

-- name: ScopeKey :exec
INSERT OR IGNORE INTO anomaly_scope_key (shop_id, order_no) VALUES (sqlc.arg(shop_id), sqlc.arg(order_no));

-- The keys of the scope's orders. (An order an undo removed has none: ScopeUndoneKeys
-- found its anomalies.)
-- name: ScopeKeysOfOrders :exec
INSERT OR IGNORE INTO anomaly_scope_key (shop_id, order_no, order_id)
SELECT o.shop_id, o.order_no, o.id FROM anomaly_scope_order s CROSS JOIN orders o ON o.id = s.id;

-- A shop's big orders when its median moved: the ones the rule finds now, and the paid
-- orders of the look-back above the lower of the old and new thresholds.
-- name: ScopeBigOrderAnomalies :exec
INSERT OR IGNORE INTO anomaly_scope_key (shop_id, order_no)
SELECT a.shop_id, a.order_no FROM anomaly a WHERE a.kind = 'big_order' AND +a.shop_id = sqlc.arg(shop_id) AND +a.active = 1;

-- name: ScopeBigOrderCandidates :exec
INSERT OR IGNORE INTO anomaly_scope_key (shop_id, order_no)
SELECT o.shop_id, o.order_no FROM orders o
WHERE o.shop_id = sqlc.arg(shop_id) AND o.created_at >= sqlc.arg(from_time) AND o.created_at <= sqlc.arg(to_time)
  AND o.status IN ('to_ship', 'shipped', 'completed') AND o.pay_fen > sqlc.arg(above_fen);

-- name: MaxScopeKey :one
SELECT CAST(coalesce(max(n), 0) AS INTEGER) FROM anomaly_scope_key;

-- What the scope's orders change in a shop's median window: the ones in it now (paid,
-- created from from_time to before to_time, compared as text) come in, the ones the last
-- run counted (anomaly_watch flag 8) go out; only the amounts whose count changed.
-- name: AddWindowChanges :execrows
INSERT INTO anomaly_amount (shop_id, pay_fen, n)
SELECT x.shop_id, x.pay_fen, sum(x.d) FROM (
    SELECT o.shop_id AS shop_id, o.pay_fen AS pay_fen, 1 AS d
    FROM anomaly_scope_order s CROSS JOIN orders o ON o.id = s.id
    WHERE o.shop_id = sqlc.arg(shop_id) AND o.created_at >= sqlc.arg(from_time) AND o.created_at < sqlc.arg(to_time)
      AND o.status IN ('to_ship', 'shipped', 'completed')
    UNION ALL
    SELECT w.shop_id, w.pay_fen, -1
    FROM anomaly_scope_order s CROSS JOIN anomaly_watch w ON w.order_id = s.id
    WHERE w.shop_id = sqlc.arg(shop_id) AND w.flags & 8 <> 0) x
GROUP BY x.shop_id, x.pay_fen HAVING sum(x.d) <> 0
ON CONFLICT (shop_id, pay_fen) DO UPDATE SET n = n + excluded.n;

-- name: CountNegativeAmounts :one
SELECT CAST(count(*) AS INTEGER) FROM anomaly_amount WHERE n < 0;

-- Whether undos are among the noted changes (ScopeGoneWatch has anything to find).
-- name: PendingUndos :one
SELECT CAST(EXISTS (SELECT 1 FROM anomaly_pending WHERE what = 'undo' AND id <= sqlc.arg(upto)) AS INTEGER);

-- What the last run kept of the scope's orders that are gone (an undo removed them).
-- name: ScopeGoneWatch :many
SELECT w.order_id, w.shop_id, w.flags, w.pay_fen
FROM anomaly_scope_order s CROSS JOIN anomaly_watch w ON w.order_id = s.id
WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = s.id);

-- What a run keeps of orders (rows: a JSON array of [order_id, shop_id, next_at or null,
-- flags, pay_fen]). (A prepared statement of 200 rows of VALUES took longer: database/sql
-- converts every one of its 1,000 arguments.)
-- name: SaveWatch :exec
INSERT INTO anomaly_watch (order_id, shop_id, next_at, flags, pay_fen)
SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
       json_extract(value, '$[3]'), json_extract(value, '$[4]')
FROM json_each(sqlc.arg(rows)) WHERE true
ON CONFLICT (order_id) DO UPDATE SET shop_id = excluded.shop_id, next_at = excluded.next_at, flags = excluded.flags,
                                     pay_fen = excluded.pay_fen;

-- name: DeleteWatch :exec
DELETE FROM anomaly_watch WHERE order_id IN (SELECT value FROM json_each(sqlc.arg(ids)));

-- A full run counts a shop's window from the orders.
-- name: CountWindowAmounts :exec
INSERT INTO anomaly_amount (shop_id, pay_fen, n)
SELECT o.shop_id, o.pay_fen, count(*) FROM orders o
WHERE o.shop_id = sqlc.arg(shop_id) AND o.created_at >= sqlc.arg(from_time) AND o.created_at < sqlc.arg(to_time)
  AND o.status IN ('to_ship', 'shipped', 'completed')
GROUP BY o.shop_id, o.pay_fen;

-- A shop the last run did not know starts from nothing (its id may be one an undo freed),
-- and the windows of shops that are gone go.
-- name: ResetShopAmounts :exec
DELETE FROM anomaly_amount WHERE shop_id = sqlc.arg(shop_id);

-- name: DeleteGoneShopAmounts :exec
DELETE FROM anomaly_amount WHERE shop_id NOT IN (SELECT id FROM shop);

-- name: PruneAmounts :exec
DELETE FROM anomaly_amount WHERE shop_id = sqlc.arg(shop_id) AND n <= 0;

-- name: ShopAmounts :many
SELECT pay_fen, n FROM anomaly_amount WHERE shop_id = sqlc.arg(shop_id) AND n > 0 ORDER BY pay_fen;

-- name: CountAmountsBetween :one
SELECT CAST(coalesce(sum(n), 0) AS INTEGER) FROM anomaly_amount
WHERE shop_id = sqlc.arg(shop_id) AND pay_fen > sqlc.arg(above_fen) AND pay_fen <= sqlc.arg(upto_fen);

-- The orders of a chunk of keys (n > after, <= upto) with every column a rule reads.
-- The seen_utc look-ups run only for the orders whose rule reads them. CROSS JOIN keeps
-- the chunk the outer loop in these queries (SQLite does not reorder it): walking all
-- open refunds for each chunk instead took 18 s of a full run on a million orders.
-- name: RuleOrders :many
SELECT o.id, o.shop_id, o.order_no, o.status, o.status_text, o.created_at, o.paid_at, o.shipped_at,
       o.promised_ship_at, o.buyer_message, o.address_changed,
       CAST(CASE WHEN o.address_changed <> 0 THEN o.address ELSE '' END AS TEXT) AS address,
       o.pay_fen, o.refund_fen, o.item_count, o.tracking_no, o.carrier, o.close_reason, o.after_sale,
       o.late_ship_comp, o.late_ship_comp_fen,
       CAST(CASE WHEN o.status = 'shipped' OR o.refund_fen > 0 OR o.after_sale <> '' THEN
           (SELECT fb.finished_at FROM import_batch fb WHERE fb.id = o.first_batch_id) ELSE '' END AS TEXT) AS first_seen_utc,
       CAST(CASE WHEN o.status IN ('shipped', 'closed') THEN coalesce((
           SELECT max(b.finished_at) FROM order_change c JOIN import_batch b ON b.id = c.batch_id
           WHERE c.order_id = o.id AND c.field = 'status'), '') ELSE '' END AS TEXT) AS status_seen_utc,
       CAST(CASE WHEN o.late_ship_comp <> 0 OR o.late_ship_comp_fen <> 0 THEN coalesce((
           SELECT max(b.finished_at) FROM order_change c JOIN import_batch b ON b.id = c.batch_id
           WHERE c.order_id = o.id AND c.field IN ('late_ship_comp', 'late_ship_comp_amount')), '') ELSE '' END AS TEXT) AS comp_seen_utc,
       CAST(CASE WHEN o.refund_fen > 0 THEN coalesce((
           SELECT max(b.finished_at) FROM order_change c JOIN import_batch b ON b.id = c.batch_id
           WHERE c.order_id = o.id AND c.field = 'refund_amount'), '') ELSE '' END AS TEXT) AS refund_seen_utc,
       CAST(CASE WHEN o.after_sale <> '' THEN coalesce((
           SELECT max(b.finished_at) FROM order_change c JOIN import_batch b ON b.id = c.batch_id
           WHERE c.order_id = o.id AND c.field = 'after_sale'), '') ELSE '' END AS TEXT) AS after_sale_seen_utc,
       CAST(EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = o.shop_id AND r.order_no = o.order_no) AS INTEGER) AS has_refunds,
       CAST(EXISTS (SELECT 1 FROM order_item i WHERE i.order_id = o.id AND i.refund_status <> '') AS INTEGER) AS has_item_refunds,
       CAST(coalesce(w.shop_id, 0) AS INTEGER) AS watch_shop, CAST(coalesce(w.flags, 0) AS INTEGER) AS watch_flags,
       w.next_at AS watch_next,
       CAST(coalesce(w.pay_fen, 0) AS INTEGER) AS watch_pay, CAST(w.order_id IS NOT NULL AS INTEGER) AS watched
FROM anomaly_scope_key k
CROSS JOIN orders o ON o.id = coalesce(k.order_id, (SELECT x.id FROM orders x WHERE x.shop_id = k.shop_id AND x.order_no = k.order_no))
LEFT JOIN anomaly_watch w ON w.order_id = o.id
WHERE k.n > sqlc.arg(after) AND k.n <= sqlc.arg(upto);

-- Sub-orders with a refund status (the refund or after-sale status column of sub-order exports).
-- name: RuleRefundItems :many
SELECT i.order_id, i.sub_order_no, i.refund_status, i.refund_fen,
       CAST(coalesce((SELECT max(b.finished_at) FROM order_change c JOIN import_batch b ON b.id = c.batch_id
                      WHERE c.order_id = i.order_id AND c.field = 'item:' || i.sub_order_no || ':refund_status'), '') AS TEXT) AS seen_utc,
       fb.finished_at AS first_seen_utc
FROM anomaly_scope_key k
CROSS JOIN orders o ON o.shop_id = k.shop_id AND o.order_no = k.order_no
CROSS JOIN order_item i ON i.order_id = o.id
JOIN import_batch fb ON fb.id = i.first_batch_id
WHERE k.n > sqlc.arg(after) AND k.n <= sqlc.arg(upto) AND i.refund_status <> ''
ORDER BY i.order_id, i.id;

-- Open refunds and after-sales of the refund exports (db/migrations/00004_refunds.sql),
-- the refund rule's main source where a shop imports them; an order's own refund columns
-- are only read for orders without any refund row. return_seen_utc: when the return
-- waybill appeared (logistics_stalled).
-- name: RuleRefunds :many
SELECT r.id, r.shop_id, r.refund_no, r.order_no, r.status_text, r.amount_fen, r.applied_at, r.deadline_at,
       r.return_tracking_no, r.return_carrier,
       CAST(coalesce((SELECT max(b.finished_at) FROM refund_change c JOIN import_batch b ON b.id = c.batch_id
                      WHERE c.refund_id = r.id AND c.field = 'return_tracking_no'), '') AS TEXT) AS return_seen_utc,
       fb.finished_at AS first_seen_utc
FROM anomaly_scope_key k
CROSS JOIN refund r ON r.shop_id = k.shop_id AND r.order_no = k.order_no
JOIN import_batch fb ON fb.id = r.first_batch_id
WHERE k.n > sqlc.arg(after) AND k.n <= sqlc.arg(upto) AND r.status = 'open'
ORDER BY r.id;

-- name: RuleComplaints :many
SELECT c.id, c.shop_id, c.order_no, c.severity, c.content, c.received_at
FROM anomaly_scope_key k
CROSS JOIN complaint c ON c.shop_id = k.shop_id AND c.order_no = k.order_no
WHERE k.n > sqlc.arg(after) AND k.n <= sqlc.arg(upto) AND c.deleted_at = ''
ORDER BY c.id;

-- The stored anomalies (any state) of a chunk of keys.
-- name: RuleStoredAnomalies :many
SELECT a.id, a.rule, a.kind, a.shop_id, a.order_no, a.subject, a.order_id, a.since, a.deadline, a.basis, a.detail,
       a.amount_fen, a.fingerprint, a.active, a.state, a.resolution
FROM anomaly_scope_key k
CROSS JOIN anomaly a ON a.order_no = k.order_no AND a.shop_id = k.shop_id
WHERE k.n > sqlc.arg(after) AND k.n <= sqlc.arg(upto);

-- name: AnyComplaints :one
SELECT CAST(EXISTS (SELECT 1 FROM complaint WHERE deleted_at = '') AS INTEGER);

-- name: CountActiveAnomalies :one
SELECT CAST(count(*) AS INTEGER) FROM anomaly WHERE active = 1;

-- The shops with refund rows (a refunds export was imported for them).
-- name: ShopHasRefunds :one
SELECT CAST(EXISTS (SELECT 1 FROM refund WHERE shop_id = sqlc.arg(shop_id)) AS INTEGER);

-- A shop the user's rows point to that an undo removed: find it again by platform and name.
-- The keys whose shop changed are checked by the run.
-- name: RelinkAnomalyShops :many
UPDATE anomaly SET shop_id = (SELECT s.id FROM shop s WHERE s.platform = anomaly.platform AND s.name = anomaly.shop_name)
WHERE shop_id NOT IN (SELECT id FROM shop)
  AND EXISTS (SELECT 1 FROM shop s WHERE s.platform = anomaly.platform AND s.name = anomaly.shop_name)
RETURNING shop_id, order_no;

-- name: RelinkComplaintShops :exec
UPDATE complaint SET shop_id = (SELECT s.id FROM shop s WHERE s.platform = complaint.platform AND s.name = complaint.shop_name)
WHERE shop_id NOT IN (SELECT id FROM shop)
  AND EXISTS (SELECT 1 FROM shop s WHERE s.platform = complaint.platform AND s.name = complaint.shop_name);

-- name: InsertAnomaly :exec
INSERT INTO anomaly (rule, kind, shop_id, platform, shop_name, order_no, subject, order_id, since, deadline,
                     basis, detail, amount_fen, fingerprint, active, state, detected_at, updated_at)
VALUES (sqlc.arg(rule), sqlc.arg(kind), sqlc.arg(shop_id), sqlc.arg(platform), sqlc.arg(shop_name),
        sqlc.arg(order_no), sqlc.arg(subject), sqlc.arg(order_id), sqlc.arg(since), sqlc.arg(deadline),
        sqlc.arg(basis), sqlc.arg(detail), sqlc.arg(amount_fen), sqlc.arg(fingerprint), 1, 'open',
        sqlc.arg(now), sqlc.arg(now));

-- What the rule found now, with the workflow state the evaluation decided.
-- name: UpdateAnomalyFinding :exec
UPDATE anomaly
SET kind = sqlc.arg(kind), order_id = sqlc.arg(order_id), since = sqlc.arg(since), deadline = sqlc.arg(deadline),
    basis = sqlc.arg(basis), detail = sqlc.arg(detail), amount_fen = sqlc.arg(amount_fen),
    fingerprint = sqlc.arg(fingerprint), active = 1, state = sqlc.arg(state), resolution = sqlc.arg(resolution),
    cleared_reason = '', cleared_detail = '', updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: ClearAnomaly :exec
UPDATE anomaly
SET active = 0, state = sqlc.arg(state), resolution = sqlc.arg(resolution),
    cleared_reason = sqlc.arg(reason), cleared_detail = sqlc.arg(reason_detail), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: InsertAnomalyEvent :exec
INSERT INTO anomaly_event (anomaly_id, at, actor_id, actor_name, action, old_value, new_value, note)
VALUES (sqlc.arg(anomaly_id), sqlc.arg(at), sqlc.arg(actor_id), sqlc.arg(actor_name), sqlc.arg(action),
        sqlc.arg(old_value), sqlc.arg(new_value), sqlc.arg(note));

-- name: SetAnomalyState :exec
UPDATE anomaly SET state = sqlc.arg(state), resolution = sqlc.arg(resolution), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: SetAnomalyOwner :exec
UPDATE anomaly SET owner_id = sqlc.arg(owner_id), updated_at = sqlc.arg(now) WHERE id = sqlc.arg(id);

-- name: GetAnomalyWorkflow :one
SELECT a.id, a.state, a.resolution, a.owner_id, CAST(coalesce(s.name, '') AS TEXT) AS owner_name
FROM anomaly a LEFT JOIN staff s ON s.id = a.owner_id
WHERE a.id = sqlc.arg(id);

-- The worklist's rows of one order number (the search box, an anomaly's other anomalies),
-- filtered, grouped by kind (in the order of internal/anomaly.Kinds), most urgent first
-- within a kind (deadline first, then no deadline, newest first). states is a JSON array;
-- owner_id 0 = anyone, -1 = nobody yet. The other lists walk the anomaly_list index
-- (ListRun*): sorting every matching row took most of a first page's time.
-- name: ListAnomalies :many
SELECT a.id, a.rule, a.kind, a.shop_id, a.platform, a.shop_name, a.order_no, a.subject, a.since, a.deadline,
       a.basis, a.detail, a.amount_fen, a.active, a.state, a.resolution,
       CAST(coalesce(a.owner_id, 0) AS INTEGER) AS owner_id, CAST(coalesce(st.name, '') AS TEXT) AS owner_name,
       a.cleared_reason, a.cleared_detail, a.detected_at, a.updated_at,
       CAST(coalesce(o.buyer, '') AS TEXT) AS buyer, CAST(coalesce(o.status, '') AS TEXT) AS order_status,
       CAST(coalesce(o.status_text, '') AS TEXT) AS order_status_text, CAST(coalesce(o.pay_fen, 0) AS INTEGER) AS pay_fen,
       CAST(coalesce(o.title, '') AS TEXT) AS title,
       CAST((SELECT count(*) FROM anomaly_event e WHERE e.anomaly_id = a.id AND e.action = 'note') AS INTEGER) AS notes
FROM (SELECT x.id, x.deadline, x.since,
             CASE x.kind
               WHEN 'overdue_shipment' THEN 0 WHEN 'due_soon' THEN 1 WHEN 'refund' THEN 2 WHEN 'complaint' THEN 3
               WHEN 'logistics_stalled' THEN 4 WHEN 'late_ship_compensated' THEN 5 WHEN 'closed_after_payment' THEN 6
               WHEN 'unpaid' THEN 7 WHEN 'buyer_message' THEN 8 WHEN 'big_order' THEN 9 ELSE 10 END AS kind_rank
      FROM anomaly x
      WHERE x.state IN (SELECT value FROM json_each(sqlc.arg(states)))
        AND (sqlc.arg(shop_id) = 0 OR x.shop_id = sqlc.arg(shop_id))
        AND (sqlc.arg(kind) = '' OR x.kind = sqlc.arg(kind))
        AND (sqlc.arg(owner_id) = 0 OR coalesce(x.owner_id, -1) = sqlc.arg(owner_id))
        AND x.order_no = sqlc.arg(search)
      ORDER BY kind_rank, x.deadline = '', x.deadline, x.since DESC, x.id) p
JOIN anomaly a ON a.id = p.id
LEFT JOIN staff st ON st.id = a.owner_id
LEFT JOIN orders o ON o.id = a.order_id AND o.shop_id = a.shop_id AND o.order_no = a.order_no
ORDER BY p.kind_rank, p.deadline = '', p.deadline, p.since DESC, p.id;

-- The worklist's counts per kind, state, shop and owner (0: nobody), kept by triggers
-- (migration 00011): a few rows, whatever the filters.
-- name: AnomalyCounts :many
SELECT kind, state, shop_id, owner_id, n, newest FROM anomaly_count;

-- The same counts for one order number (the search box).
-- name: AnomalyCountsOfOrderNo :many
SELECT kind, state, shop_id, CAST(coalesce(owner_id, 0) AS INTEGER) AS owner_id, CAST(count(*) AS INTEGER) AS n,
       CAST(max(detected_at) AS TEXT) AS newest
FROM anomaly WHERE order_no = sqlc.arg(order_no)
GROUP BY kind, state, shop_id, coalesce(owner_id, 0);

-- The shop's name and platform as detected (a shop an undo removed).
-- name: AnomalyShopName :one
SELECT shop_name, platform FROM anomaly
WHERE kind = sqlc.arg(kind) AND state = sqlc.arg(state) AND shop_id = sqlc.arg(shop_id)
  AND coalesce(owner_id, 0) = sqlc.arg(owner_id)
LIMIT 1;

-- One run of the worklist (a kind, state, shop and owner) in its order, through the
-- anomaly_list index, from a cursor on: first the rows with a deadline (deadline, since
-- newest first, id) ...
-- name: ListRunDeadline :many
SELECT id, deadline, since FROM anomaly
WHERE kind = sqlc.arg(kind) AND state = sqlc.arg(state) AND shop_id = sqlc.arg(shop_id)
  AND coalesce(owner_id, 0) = sqlc.arg(owner_id)
  AND deadline >= sqlc.arg(after_deadline)
  AND NOT (deadline = sqlc.arg(after_deadline)
           AND (since > sqlc.arg(after_since) OR (since = sqlc.arg(after_since) AND id <= sqlc.arg(after_id))))
ORDER BY deadline, since DESC, id
LIMIT sqlc.arg(lim);

-- ... then the rows without one (since newest first, id).
-- name: ListRunNoDeadline :many
SELECT id, deadline, since FROM anomaly
WHERE kind = sqlc.arg(kind) AND state = sqlc.arg(state) AND shop_id = sqlc.arg(shop_id)
  AND coalesce(owner_id, 0) = sqlc.arg(owner_id) AND deadline = ''
  AND since <= sqlc.arg(after_since) AND NOT (since = sqlc.arg(after_since) AND id <= sqlc.arg(after_id))
ORDER BY deadline, since DESC, id
LIMIT sqlc.arg(lim);

-- The same without the orders' columns and the notes (0): what `shopdesk anomalies` writes,
-- at a third of the cost per row.
-- name: ListAnomalyBriefsByID :many
SELECT a.id, a.rule, a.kind, a.shop_id, a.platform, a.shop_name, a.order_no, a.subject, a.since, a.deadline,
       a.basis, a.detail, a.amount_fen, a.active, a.state, a.resolution,
       CAST(coalesce(a.owner_id, 0) AS INTEGER) AS owner_id, CAST(coalesce(st.name, '') AS TEXT) AS owner_name,
       a.cleared_reason, a.cleared_detail, a.detected_at, a.updated_at,
       CAST('' AS TEXT) AS buyer, CAST('' AS TEXT) AS order_status, CAST('' AS TEXT) AS order_status_text,
       CAST(0 AS INTEGER) AS pay_fen, CAST('' AS TEXT) AS title, CAST(0 AS INTEGER) AS notes
FROM anomaly a
LEFT JOIN staff st ON st.id = a.owner_id
WHERE a.id IN (SELECT value FROM json_each(sqlc.arg(ids)));

-- The worklist's rows of these ids (a JSON array), with their owners and orders.
-- name: ListAnomaliesByID :many
SELECT a.id, a.rule, a.kind, a.shop_id, a.platform, a.shop_name, a.order_no, a.subject, a.since, a.deadline,
       a.basis, a.detail, a.amount_fen, a.active, a.state, a.resolution,
       CAST(coalesce(a.owner_id, 0) AS INTEGER) AS owner_id, CAST(coalesce(st.name, '') AS TEXT) AS owner_name,
       a.cleared_reason, a.cleared_detail, a.detected_at, a.updated_at,
       CAST(coalesce(o.buyer, '') AS TEXT) AS buyer, CAST(coalesce(o.status, '') AS TEXT) AS order_status,
       CAST(coalesce(o.status_text, '') AS TEXT) AS order_status_text, CAST(coalesce(o.pay_fen, 0) AS INTEGER) AS pay_fen,
       CAST(coalesce(o.title, '') AS TEXT) AS title,
       CAST((SELECT count(*) FROM anomaly_event e WHERE e.anomaly_id = a.id AND e.action = 'note') AS INTEGER) AS notes
FROM anomaly a
LEFT JOIN staff st ON st.id = a.owner_id
LEFT JOIN orders o ON o.id = a.order_id AND o.shop_id = a.shop_id AND o.order_no = a.order_no
WHERE a.id IN (SELECT value FROM json_each(sqlc.arg(ids)));

-- name: GetAnomaly :one
SELECT a.id, a.rule, a.kind, a.shop_id, a.platform, a.shop_name, a.order_no, a.subject, a.order_id, a.since,
       a.deadline, a.basis, a.detail, a.amount_fen, a.active, a.state, a.resolution,
       CAST(coalesce(a.owner_id, 0) AS INTEGER) AS owner_id, CAST(coalesce(st.name, '') AS TEXT) AS owner_name,
       a.cleared_reason, a.cleared_detail, a.detected_at, a.updated_at
FROM anomaly a LEFT JOIN staff st ON st.id = a.owner_id
WHERE a.id = sqlc.arg(id);

-- Every note written on anomalies (added notes, and those given with a change of state), for
-- the export: notes are typed by people, so there are few of them whatever the number of
-- anomalies.
-- name: AnomalyNotes :many
SELECT e.anomaly_id, a.shop_id, e.at, e.actor_name, e.note
FROM anomaly_event e JOIN anomaly a ON a.id = e.anomaly_id
WHERE e.note <> ''
ORDER BY e.anomaly_id, e.id;

-- name: AnomalyEvents :many
SELECT id, at, CAST(coalesce(actor_id, 0) AS INTEGER) AS actor_id, actor_name, action, old_value, new_value, note
FROM anomaly_event WHERE anomaly_id = sqlc.arg(anomaly_id) ORDER BY id;

-- The order an anomaly is about, by shop and number (its id may have changed).
-- name: AnomalyOrder :one
SELECT id, buyer, status, status_text, pay_fen, refund_fen, title, item_count, address, created_at, paid_at,
       shipped_at, promised_ship_at, tracking_no, carrier, buyer_message, seller_memo, late_ship_comp_fen
FROM orders WHERE shop_id = sqlc.arg(shop_id) AND order_no = sqlc.arg(order_no);

-- What the imports changed on an order, oldest first, with the file and time that saw it.
-- name: OrderHistory :many
SELECT c.id, c.field, c.old_value, c.new_value, b.id AS batch_id, b.file_name, b.finished_at
FROM order_change c JOIN import_batch b ON b.id = c.batch_id
WHERE c.order_id = sqlc.arg(order_id)
ORDER BY c.id;

-- name: OrderFirstSeen :one
SELECT b.id, b.file_name, b.finished_at FROM orders o JOIN import_batch b ON b.id = o.first_batch_id
WHERE o.id = sqlc.arg(order_id);

-- name: OrderItems :many
SELECT sub_order_no, title, sku_code, price_fen, quantity, pay_fen, refund_status, refund_fen
FROM order_item WHERE order_id = sqlc.arg(order_id) ORDER BY id;

-- name: CreateComplaint :one
INSERT INTO complaint (shop_id, platform, shop_name, order_no, buyer, channel, severity, content, received_at,
                       created_by, created_at)
VALUES (sqlc.arg(shop_id), sqlc.arg(platform), sqlc.arg(shop_name), sqlc.arg(order_no), sqlc.arg(buyer),
        sqlc.arg(channel), sqlc.arg(severity), sqlc.arg(content), sqlc.arg(received_at), sqlc.arg(created_by),
        sqlc.arg(now))
RETURNING id;

-- name: GetComplaint :one
SELECT id, shop_id, platform, shop_name, order_no, buyer, channel, severity, content, received_at, created_at
FROM complaint WHERE id = sqlc.arg(id);

-- name: DeleteComplaint :execrows
UPDATE complaint SET deleted_at = sqlc.arg(now) WHERE id = sqlc.arg(id) AND deleted_at = '';

-- name: ShopForComplaint :one
SELECT id, platform, name, timezone FROM shop WHERE id = sqlc.arg(id);
