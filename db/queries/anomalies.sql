-- Order anomalies (internal/anomaly). The Rule* queries read the candidates of one rule
-- each, through an index that holds few rows of a big orders table; the rule itself (what
-- fires, since when, by when) is Go code over those rows. "seen_utc" columns are the
-- finish time (UTC) of the import that recorded a change: the "since when" of the rules.

-- name: RuleShops :many
SELECT id, platform, name, timezone FROM shop ORDER BY id;

-- Paid, not shipped: overdue_shipment / due_soon and buyer_message.
-- name: RuleToShipOrders :many
SELECT o.id, o.shop_id, o.order_no, o.created_at, o.paid_at, o.promised_ship_at, o.buyer_message,
       o.address_changed, o.address
FROM orders o
WHERE o.status = 'to_ship';

-- name: RuleShippedOrders :many
SELECT o.id, o.shop_id, o.order_no, o.paid_at, o.shipped_at, o.tracking_no, o.carrier,
       CAST(coalesce((SELECT max(b.finished_at) FROM order_change c JOIN import_batch b ON b.id = c.batch_id
                      WHERE c.order_id = o.id AND c.field = 'status'), '') AS TEXT) AS status_seen_utc,
       fb.finished_at AS first_seen_utc
FROM orders o JOIN import_batch fb ON fb.id = o.first_batch_id
WHERE o.status = 'shipped';

-- name: RuleUnpaidOrders :many
SELECT o.id, o.shop_id, o.order_no, o.created_at, o.pay_fen
FROM orders o
WHERE o.status = 'unpaid' AND o.created_at >= sqlc.arg(from_time);

-- Closed after payment, paid within the look-back or closed by an import within it.
-- name: RuleClosedPaidOrders :many
SELECT o.id, o.shop_id, o.order_no, o.paid_at, o.status_text, o.close_reason, o.pay_fen, o.refund_fen,
       CAST(coalesce((SELECT max(b.finished_at) FROM order_change c JOIN import_batch b ON b.id = c.batch_id
                      WHERE c.order_id = o.id AND c.field = 'status'), '') AS TEXT) AS status_seen_utc
FROM orders o
WHERE o.status = 'closed' AND o.paid_at <> ''
  AND (o.paid_at >= sqlc.arg(from_time)
       OR o.id IN (SELECT c.order_id FROM order_change c
                   WHERE c.field = 'status'
                     AND c.batch_id IN (SELECT b.id FROM import_batch b WHERE b.finished_at >= sqlc.arg(from_utc))));

-- name: RuleLateCompOrders :many
SELECT o.id, o.shop_id, o.order_no, o.paid_at, o.shipped_at, o.late_ship_comp_fen,
       CAST(coalesce((SELECT max(b.finished_at) FROM order_change c JOIN import_batch b ON b.id = c.batch_id
                      WHERE c.order_id = o.id AND c.field IN ('late_ship_comp', 'late_ship_comp_amount')), '') AS TEXT) AS seen_utc
FROM orders o
WHERE o.late_ship_comp <> 0 OR o.late_ship_comp_fen <> 0;

-- Sub-orders with a refund status (the refund or after-sale status column of sub-order exports).
-- name: RuleRefundItems :many
SELECT o.id, o.shop_id, o.order_no, o.status, i.sub_order_no, i.refund_status, i.refund_fen,
       CAST(coalesce((SELECT max(b.finished_at) FROM order_change c JOIN import_batch b ON b.id = c.batch_id
                      WHERE c.order_id = o.id AND c.field = 'item:' || i.sub_order_no || ':refund_status'), '') AS TEXT) AS seen_utc,
       fb.finished_at AS first_seen_utc
FROM order_item i
JOIN orders o ON o.id = i.order_id
JOIN import_batch fb ON fb.id = i.first_batch_id
WHERE i.refund_status <> ''
  AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = o.shop_id AND r.order_no = o.order_no)
ORDER BY o.id, i.id;

-- An order-level refund amount on an order still in progress, from exports that have no
-- refund status (the Taobao order report has only a refund amount).
-- name: RuleOrderRefunds :many
SELECT o.id, o.shop_id, o.order_no, o.status_text, o.refund_fen, o.paid_at,
       CAST(coalesce((SELECT max(b.finished_at) FROM order_change c JOIN import_batch b ON b.id = c.batch_id
                      WHERE c.order_id = o.id AND c.field = 'refund_amount'), '') AS TEXT) AS seen_utc,
       fb.finished_at AS first_seen_utc
FROM orders o JOIN import_batch fb ON fb.id = o.first_batch_id
WHERE o.refund_fen > 0 AND o.status IN ('to_ship', 'shipped') AND o.after_sale = ''
  AND NOT EXISTS (SELECT 1 FROM order_item i WHERE i.order_id = o.id AND i.refund_status <> '')
  AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = o.shop_id AND r.order_no = o.order_no);

-- The after-sale status column of order-level exports (Pinduoduo, Kuaishou, Douyin main
-- orders; migration 00009) for orders without any refund row, with when an import saw it.
-- name: RuleAfterSaleOrders :many
SELECT o.id, o.shop_id, o.order_no, o.after_sale, o.refund_fen, o.pay_fen,
       CAST(coalesce((SELECT max(b.finished_at) FROM order_change c JOIN import_batch b ON b.id = c.batch_id
                      WHERE c.order_id = o.id AND c.field = 'after_sale'), '') AS TEXT) AS seen_utc,
       fb.finished_at AS first_seen_utc
FROM orders o JOIN import_batch fb ON fb.id = o.first_batch_id
WHERE o.after_sale <> ''
  AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = o.shop_id AND r.order_no = o.order_no);

-- Open refunds and after-sales of the refund exports (db/migrations/00004_refunds.sql),
-- the refund rule's main source where a shop imports them; an order's own refund columns
-- are only read for orders without any refund row. return_seen_utc: when the return
-- waybill appeared (logistics_stalled).
-- name: RuleOpenRefunds :many
SELECT r.id, r.shop_id, r.refund_no, r.order_no, r.status_text, r.kind, r.amount_fen, r.applied_at,
       r.deadline_at, r.goods_status, r.return_tracking_no, r.return_carrier, r.reason,
       CAST(coalesce((SELECT o.id FROM orders o WHERE o.shop_id = r.shop_id AND o.order_no = r.order_no), 0) AS INTEGER) AS order_id,
       CAST(coalesce((SELECT max(b.finished_at) FROM refund_change c JOIN import_batch b ON b.id = c.batch_id
                      WHERE c.refund_id = r.id AND c.field = 'return_tracking_no'), '') AS TEXT) AS return_seen_utc,
       fb.finished_at AS first_seen_utc
FROM refund r JOIN import_batch fb ON fb.id = r.first_batch_id
WHERE r.status = 'open'
ORDER BY r.id;

-- name: RuleRecentPaidOrders :many
SELECT o.id, o.shop_id, o.order_no, o.created_at, o.pay_fen, o.item_count
FROM orders o
WHERE o.created_at >= sqlc.arg(from_time) AND o.status IN ('to_ship', 'shipped', 'completed');

-- The paid amounts of a window, for each shop's median (sorted in Go: a window function
-- sorting them in SQL took several times longer).
-- name: RuleWindowAmounts :many
SELECT o.shop_id, o.pay_fen
FROM orders o
WHERE o.created_at >= sqlc.arg(from_time) AND o.created_at < sqlc.arg(to_time)
  AND o.status IN ('to_ship', 'shipped', 'completed');

-- name: RuleComplaints :many
SELECT c.id, c.shop_id, c.order_no, c.buyer, c.channel, c.severity, c.content, c.received_at,
       CAST(coalesce((SELECT o.id FROM orders o WHERE o.shop_id = c.shop_id AND o.order_no = c.order_no), 0) AS INTEGER) AS order_id
FROM complaint c WHERE c.deleted_at = '' ORDER BY c.id;

-- The shops that have refund rows (a refunds export was imported for them).
-- name: RuleRefundShops :many
SELECT DISTINCT shop_id FROM refund;

-- A shop the user's rows point to that an undo removed: find it again by platform and name.
-- name: RelinkAnomalyShops :exec
UPDATE anomaly SET shop_id = (SELECT s.id FROM shop s WHERE s.platform = anomaly.platform AND s.name = anomaly.shop_name)
WHERE shop_id NOT IN (SELECT id FROM shop)
  AND EXISTS (SELECT 1 FROM shop s WHERE s.platform = anomaly.platform AND s.name = anomaly.shop_name);

-- name: RelinkComplaintShops :exec
UPDATE complaint SET shop_id = (SELECT s.id FROM shop s WHERE s.platform = complaint.platform AND s.name = complaint.shop_name)
WHERE shop_id NOT IN (SELECT id FROM shop)
  AND EXISTS (SELECT 1 FROM shop s WHERE s.platform = complaint.platform AND s.name = complaint.shop_name);

-- name: ActiveAnomalies :many
SELECT id, rule, kind, shop_id, order_no, subject, order_id, since, deadline, basis, detail, amount_fen,
       fingerprint, active, state, resolution
FROM anomaly WHERE active = 1;

-- The anomalies (any state) of these order numbers (a JSON array).
-- name: AnomaliesOfOrderNos :many
SELECT id, rule, kind, shop_id, order_no, subject, order_id, since, deadline, basis, detail, amount_fen,
       fingerprint, active, state, resolution
FROM anomaly WHERE order_no IN (SELECT value FROM json_each(sqlc.arg(order_nos)));

-- The current orders of anomalies being cleared (ids a JSON array), to say why.
-- name: OrdersByIDs :many
SELECT id, shop_id, order_no, status, status_text FROM orders
WHERE id IN (SELECT value FROM json_each(sqlc.arg(ids)));

-- name: InsertAnomaly :one
INSERT INTO anomaly (rule, kind, shop_id, platform, shop_name, order_no, subject, order_id, since, deadline,
                     basis, detail, amount_fen, fingerprint, active, state, detected_at, updated_at)
VALUES (sqlc.arg(rule), sqlc.arg(kind), sqlc.arg(shop_id), sqlc.arg(platform), sqlc.arg(shop_name),
        sqlc.arg(order_no), sqlc.arg(subject), sqlc.arg(order_id), sqlc.arg(since), sqlc.arg(deadline),
        sqlc.arg(basis), sqlc.arg(detail), sqlc.arg(amount_fen), sqlc.arg(fingerprint), 1, 'open',
        sqlc.arg(now), sqlc.arg(now))
RETURNING id;

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

-- The worklist: filtered, grouped by kind (in the order of internal/anomaly.Kinds), most
-- urgent first within a kind (deadline first, then no deadline, newest first). states is
-- a JSON array; owner_id 0 = anyone, -1 = nobody yet; lim -1 = all rows (export). The
-- page is chosen on the anomaly rows alone, then joined to its owners and orders: sorting
-- every matching row with its joins was most of the time of a first page.
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
        AND (sqlc.arg(search) = '' OR x.order_no = sqlc.arg(search))
      ORDER BY kind_rank, x.deadline = '', x.deadline, x.since DESC, x.id
      LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off)) p
JOIN anomaly a ON a.id = p.id
LEFT JOIN staff st ON st.id = a.owner_id
LEFT JOIN orders o ON o.id = a.order_id AND o.shop_id = a.shop_id AND o.order_no = a.order_no
ORDER BY p.kind_rank, p.deadline = '', p.deadline, p.since DESC, p.id;

-- Counts per kind and shop of the anomalies the filters select (all kinds: the groups).
-- name: CountAnomalies :many
SELECT a.kind, a.shop_id, CAST(max(a.shop_name) AS TEXT) AS shop_name, CAST(max(a.platform) AS TEXT) AS platform,
       CAST(count(*) AS INTEGER) AS n, CAST(max(a.detected_at) AS TEXT) AS newest
FROM anomaly a
WHERE a.state IN (SELECT value FROM json_each(sqlc.arg(states)))
  AND (sqlc.arg(shop_id) = 0 OR a.shop_id = sqlc.arg(shop_id))
  AND (sqlc.arg(owner_id) = 0 OR coalesce(a.owner_id, -1) = sqlc.arg(owner_id))
  AND (sqlc.arg(search) = '' OR a.order_no = sqlc.arg(search))
GROUP BY a.kind, a.shop_id;

-- name: GetAnomaly :one
SELECT a.id, a.rule, a.kind, a.shop_id, a.platform, a.shop_name, a.order_no, a.subject, a.order_id, a.since,
       a.deadline, a.basis, a.detail, a.amount_fen, a.active, a.state, a.resolution,
       CAST(coalesce(a.owner_id, 0) AS INTEGER) AS owner_id, CAST(coalesce(st.name, '') AS TEXT) AS owner_name,
       a.cleared_reason, a.cleared_detail, a.detected_at, a.updated_at
FROM anomaly a LEFT JOIN staff st ON st.id = a.owner_id
WHERE a.id = sqlc.arg(id);

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

