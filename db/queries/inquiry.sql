-- The inquiry and deal register (internal/inquiry, migration 00015): entry, the editable
-- lists, type-ahead, follow-ups, orders proposed as deals, credited sales and the analysis.
-- Days (asked_on, deal_on, due_on) are 'YYYY-MM-DD' shop-local, from/to are inclusive.

-- name: ListInquiryOptions :many
SELECT id, list, name, position, active FROM inquiry_option ORDER BY list, position, id;

-- A value typed that is not in its list yet joins it (at the end), one the user removed
-- from the list stays removed.
-- name: AddInquiryOption :exec
INSERT INTO inquiry_option (list, name, position)
SELECT sqlc.arg(list), sqlc.arg(name), coalesce(max(position), 0) + 1 FROM inquiry_option WHERE list = sqlc.arg(list)
ON CONFLICT (list, name) DO NOTHING;

-- name: GetInquiryOption :one
SELECT id, list, name, position, active FROM inquiry_option WHERE id = sqlc.arg(id);

-- name: FindInquiryOption :one
SELECT id FROM inquiry_option WHERE list = sqlc.arg(list) AND name = sqlc.arg(name);

-- name: UpdateInquiryOption :exec
UPDATE inquiry_option SET name = sqlc.arg(name), position = sqlc.arg(position), active = sqlc.arg(active)
WHERE id = sqlc.arg(id);

-- name: RenameInquiryCustomerType :execrows
UPDATE inquiry SET customer_type = sqlc.arg(new_name), edited = 1, updated_utc = sqlc.arg(now) WHERE customer_type = sqlc.arg(old_name);

-- name: RenameInquiryChannel :execrows
UPDATE inquiry SET channel = sqlc.arg(new_name), edited = 1, updated_utc = sqlc.arg(now) WHERE channel = sqlc.arg(old_name);

-- name: RenameInquiryReason :execrows
UPDATE inquiry SET reason = sqlc.arg(new_name), edited = 1, updated_utc = sqlc.arg(now) WHERE reason = sqlc.arg(old_name);

-- name: RenameInquiryDealType :execrows
UPDATE inquiry SET deal_type = sqlc.arg(new_name), edited = 1, updated_utc = sqlc.arg(now) WHERE deal_type = sqlc.arg(old_name);

-- name: InsertInquiry :one
INSERT INTO inquiry (asked_on, asked_time, shop_id, customer, customer_type, channel, products, region,
                     agent_id, outcome, deal_type, amount_fen, reason, follow_note, next_follow_on, note,
                     deal_on, flagged_by, chased_by, batch_id, created_utc, updated_utc)
VALUES (sqlc.arg(asked_on), sqlc.arg(asked_time), sqlc.arg(shop_id), sqlc.arg(customer), sqlc.arg(customer_type),
        sqlc.arg(channel), sqlc.arg(products), sqlc.arg(region), sqlc.narg(agent_id), sqlc.arg(outcome),
        sqlc.arg(deal_type), sqlc.arg(amount_fen), sqlc.arg(reason), sqlc.arg(follow_note),
        sqlc.arg(next_follow_on), sqlc.arg(note), sqlc.arg(deal_on), sqlc.narg(flagged_by), sqlc.narg(chased_by),
        sqlc.narg(batch_id), sqlc.arg(now), sqlc.arg(now))
RETURNING id;

-- name: UpdateInquiry :execrows
UPDATE inquiry
SET asked_on = sqlc.arg(asked_on), asked_time = sqlc.arg(asked_time), shop_id = sqlc.arg(shop_id),
    customer = sqlc.arg(customer), customer_type = sqlc.arg(customer_type), channel = sqlc.arg(channel),
    products = sqlc.arg(products), region = sqlc.arg(region), agent_id = sqlc.narg(agent_id),
    outcome = sqlc.arg(outcome), deal_type = sqlc.arg(deal_type), amount_fen = sqlc.arg(amount_fen),
    reason = sqlc.arg(reason), follow_note = sqlc.arg(follow_note), next_follow_on = sqlc.arg(next_follow_on),
    note = sqlc.arg(note), deal_on = sqlc.arg(deal_on), flagged_by = sqlc.narg(flagged_by),
    chased_by = sqlc.narg(chased_by), edited = 1, updated_utc = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: DeleteInquiry :execrows
DELETE FROM inquiry WHERE id = sqlc.arg(id);

-- name: DeleteInquiryProducts :exec
DELETE FROM inquiry_product WHERE inquiry_id = sqlc.arg(inquiry_id);

-- name: InsertInquiryProduct :exec
INSERT INTO inquiry_product (inquiry_id, position, product) VALUES (sqlc.arg(inquiry_id), sqlc.arg(position), sqlc.arg(product));

-- name: GetInquiry :one
SELECT i.id, i.asked_on, i.asked_time, i.shop_id, CAST(coalesce(s.name, '') AS TEXT) AS shop_name,
       i.customer, i.customer_type, i.channel, i.products, i.region, i.agent_id,
       CAST(coalesce(a.name, '') AS TEXT) AS agent_name, i.outcome, i.deal_type, i.amount_fen, i.reason,
       i.follow_note, i.next_follow_on, i.note, i.deal_shop_id, i.deal_order_no, i.deal_on,
       i.flagged_by, i.chased_by, i.batch_id, i.created_utc, i.updated_utc
FROM inquiry i
LEFT JOIN shop s ON s.id = i.shop_id
LEFT JOIN staff a ON a.id = i.agent_id
WHERE i.id = sqlc.arg(id);

-- One page of the register, newest first. Empty filters match everything, incomplete keeps
-- the imported no-deal rows whose reason is still "not filled in" (inquiry.ReasonMissing).
-- name: ListInquiries :many
SELECT i.id, i.asked_on, i.asked_time, i.shop_id, CAST(coalesce(s.name, '') AS TEXT) AS shop_name,
       i.customer, i.customer_type, i.channel, i.products, i.region, i.agent_id,
       CAST(coalesce(a.name, '') AS TEXT) AS agent_name, i.outcome, i.deal_type, i.amount_fen, i.reason,
       i.follow_note, i.next_follow_on, i.note, i.deal_shop_id, i.deal_order_no, i.deal_on,
       i.flagged_by, i.chased_by, i.batch_id, i.created_utc, i.updated_utc
FROM inquiry i
LEFT JOIN shop s ON s.id = i.shop_id
LEFT JOIN staff a ON a.id = i.agent_id
WHERE (sqlc.arg(from_day) = '' OR i.asked_on >= sqlc.arg(from_day))
  AND (sqlc.arg(to_day) = '' OR i.asked_on <= sqlc.arg(to_day))
  AND (sqlc.arg(outcome) = '' OR i.outcome = sqlc.arg(outcome))
  AND (sqlc.arg(channel) = '' OR i.channel = sqlc.arg(channel))
  AND (sqlc.arg(agent_id) = 0 OR i.agent_id = sqlc.arg(agent_id))
  AND (sqlc.arg(search) = '' OR instr(i.customer, sqlc.arg(search)) > 0 OR instr(i.products, sqlc.arg(search)) > 0)
  AND (sqlc.arg(incomplete) = 0 OR (i.outcome = 'no_deal' AND i.reason = sqlc.arg(missing_reason)))
ORDER BY i.asked_on DESC, i.id DESC
LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off);

-- name: CountInquiries :one
SELECT count(*) FROM inquiry i
WHERE (sqlc.arg(from_day) = '' OR i.asked_on >= sqlc.arg(from_day))
  AND (sqlc.arg(to_day) = '' OR i.asked_on <= sqlc.arg(to_day))
  AND (sqlc.arg(outcome) = '' OR i.outcome = sqlc.arg(outcome))
  AND (sqlc.arg(channel) = '' OR i.channel = sqlc.arg(channel))
  AND (sqlc.arg(agent_id) = 0 OR i.agent_id = sqlc.arg(agent_id))
  AND (sqlc.arg(search) = '' OR instr(i.customer, sqlc.arg(search)) > 0 OR instr(i.products, sqlc.arg(search)) > 0)
  AND (sqlc.arg(incomplete) = 0 OR (i.outcome = 'no_deal' AND i.reason = sqlc.arg(missing_reason)));

-- name: CountIncompleteInquiries :one
SELECT count(*) FROM inquiry WHERE outcome = 'no_deal' AND reason = sqlc.arg(missing_reason);

-- Customers seen before whose name starts with prefix: in the register and as order buyers
-- (both through an index on the name).
-- name: SuggestCustomers :many
SELECT name, CAST(sum(inquiries) AS INTEGER) AS inquiries, CAST(sum(orders) AS INTEGER) AS orders,
       CAST(max(last_day) AS TEXT) AS last_day
FROM (
    SELECT customer AS name, count(*) AS inquiries, 0 AS orders, max(asked_on) AS last_day
    FROM inquiry WHERE customer >= sqlc.arg(prefix) AND customer < sqlc.arg(prefix_end)
    GROUP BY customer
    UNION ALL
    SELECT buyer AS name, 0 AS inquiries, count(*) AS orders, max(substr(created_at, 1, 10)) AS last_day
    FROM orders WHERE buyer >= sqlc.arg(prefix) AND buyer < sqlc.arg(prefix_end) AND buyer <> ''
    GROUP BY buyer
)
GROUP BY name
ORDER BY max(last_day) DESC, name
LIMIT sqlc.arg(lim);

-- name: CustomerInquiries :many
SELECT i.id, i.asked_on, i.asked_time, i.channel, i.customer_type, i.products, i.region, i.outcome, i.amount_fen,
       i.reason, i.follow_note, CAST(coalesce(a.name, '') AS TEXT) AS agent_name, i.agent_id
FROM inquiry i LEFT JOIN staff a ON a.id = i.agent_id
WHERE i.customer = sqlc.arg(customer)
ORDER BY i.asked_on DESC, i.id DESC
LIMIT sqlc.arg(lim);

-- name: CustomerOrders :many
SELECT o.shop_id, s.name AS shop_name, o.order_no, o.status, o.status_text, o.pay_fen, o.title, o.address, o.created_at
FROM orders o JOIN shop s ON s.id = o.shop_id
WHERE o.buyer = sqlc.arg(customer)
ORDER BY o.created_at DESC
LIMIT sqlc.arg(lim);

-- name: CustomerOrderTotals :one
SELECT count(*) AS orders, CAST(coalesce(sum(pay_fen), 0) AS INTEGER) AS pay_fen
FROM orders WHERE buyer = sqlc.arg(customer) AND paid_at <> '';

-- Whether the customer had a deal before this day (a first deal makes a new customer).
-- name: CustomerDealsBefore :one
SELECT count(*) FROM inquiry
WHERE customer = sqlc.arg(customer) AND outcome = 'deal' AND asked_on < sqlc.arg(day) AND id <> sqlc.arg(id);

-- name: CustomerPaidOrdersBefore :one
SELECT count(*) FROM orders WHERE buyer = sqlc.arg(customer) AND paid_at <> '' AND created_at < sqlc.arg(day);

-- The product names the type-ahead offers: order item titles and merchant codes, order
-- titles of order-level exports, and what the register already names.
-- name: ProductNames :many
SELECT DISTINCT name FROM (
    SELECT title AS name FROM order_item WHERE title <> ''
    UNION SELECT sku_code FROM order_item WHERE sku_code <> ''
    UNION SELECT title FROM orders WHERE title <> '' AND item_count <= 1
          AND NOT EXISTS (SELECT 1 FROM order_item i WHERE i.order_id = orders.id)
    UNION SELECT product FROM inquiry_product
);

-- name: RegionNames :many
SELECT region FROM inquiry WHERE region <> '' GROUP BY region ORDER BY count(*) DESC LIMIT 200;

-- What changes the type-ahead's product names: imports and the register.
-- name: ProductNamesVersion :one
SELECT CAST((SELECT coalesce(max(id), 0) FROM import_batch) AS INTEGER) AS batches,
       CAST((SELECT count(*) FROM import_batch) AS INTEGER) AS batch_count;

-- Follow-ups ---------------------------------------------------------------------------

-- name: GetFollowUpByKey :one
SELECT id, customer, kind, due_on, step, inquiry_id, agent_id, state, note, done_by, done_utc, created_utc
FROM inquiry_follow_up WHERE customer = sqlc.arg(customer) AND kind = sqlc.arg(kind) AND due_on = sqlc.arg(due_on);

-- name: GetFollowUp :one
SELECT id, customer, kind, due_on, step, inquiry_id, agent_id, state, note, done_by, done_utc, created_utc
FROM inquiry_follow_up WHERE id = sqlc.arg(id);

-- name: InsertFollowUp :one
INSERT INTO inquiry_follow_up (customer, kind, due_on, step, inquiry_id, agent_id, created_utc)
VALUES (sqlc.arg(customer), sqlc.arg(kind), sqlc.arg(due_on), sqlc.arg(step), sqlc.narg(inquiry_id),
        sqlc.narg(agent_id), sqlc.arg(now))
RETURNING id;

-- The open follow-up an inquiry's next follow-up date made (moved or dropped with it).
-- name: OpenFollowUpOfInquiry :many
SELECT id, due_on FROM inquiry_follow_up
WHERE inquiry_id = sqlc.arg(inquiry_id) AND kind = 'follow_up' AND state = 'open';

-- name: DeleteFollowUp :exec
DELETE FROM inquiry_follow_up WHERE id = sqlc.arg(id);

-- name: FinishFollowUp :execrows
UPDATE inquiry_follow_up SET state = sqlc.arg(state), note = sqlc.arg(note), done_by = sqlc.narg(done_by),
                             done_utc = sqlc.arg(now)
WHERE id = sqlc.arg(id) AND state = 'open';

-- name: ReopenFollowUp :execrows
UPDATE inquiry_follow_up SET state = 'open', done_by = NULL, done_utc = '' WHERE id = sqlc.arg(id) AND state <> 'open';

-- Open follow-ups due on or before a day (today: due today and overdue), oldest first,
-- or every follow-up of one day (state any) when all_states is 1.
-- name: DueFollowUps :many
SELECT f.id, f.customer, f.kind, f.due_on, f.step, f.inquiry_id, f.agent_id,
       CAST(coalesce(a.name, '') AS TEXT) AS agent_name, f.state, f.note, f.done_utc,
       CAST(coalesce(i.products, '') AS TEXT) AS products, CAST(coalesce(i.channel, '') AS TEXT) AS channel,
       CAST(coalesce(i.outcome, '') AS TEXT) AS outcome, CAST(coalesce(i.asked_on, '') AS TEXT) AS asked_on,
       CAST(coalesce(i.follow_note, '') AS TEXT) AS follow_note
FROM inquiry_follow_up f
LEFT JOIN inquiry i ON i.id = f.inquiry_id
LEFT JOIN staff a ON a.id = f.agent_id
WHERE (f.state = 'open' AND f.due_on <= sqlc.arg(day))
   OR (f.state <> 'open' AND f.done_utc >= sqlc.arg(done_since))
ORDER BY f.state <> 'open', f.due_on, f.id
LIMIT 500;

-- name: UpcomingFollowUps :many
SELECT f.id, f.customer, f.kind, f.due_on, f.step, f.inquiry_id, f.agent_id,
       CAST(coalesce(a.name, '') AS TEXT) AS agent_name, f.state
FROM inquiry_follow_up f LEFT JOIN staff a ON a.id = f.agent_id
WHERE f.customer = sqlc.arg(customer) AND f.state = 'open'
ORDER BY f.due_on;

-- name: CountDueFollowUps :one
SELECT count(*) FROM inquiry_follow_up WHERE state = 'open' AND due_on <= sqlc.arg(day);

-- name: SetInquiryFollow :exec
UPDATE inquiry SET next_follow_on = sqlc.arg(next_follow_on), follow_note = sqlc.arg(follow_note), edited = 1, updated_utc = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- Orders proposed as deals -----------------------------------------------------------------

-- Pending and no-deal inquiries whose customer bought (a paid order, not closed) in the
-- window: from the inquiry's day (and time, when typed) up to window days after it. Pairs
-- already proposed, and orders already proposed or confirmed for any inquiry, are left out.
-- name: MatchCandidates :many
SELECT i.id AS inquiry_id, i.asked_on, i.asked_time, i.customer, i.agent_id,
       o.shop_id, o.order_no, o.created_at, o.paid_at, o.pay_fen, o.seller_memo
FROM inquiry i
JOIN orders o ON o.buyer = i.customer
WHERE i.outcome IN ('pending', 'no_deal')
  AND (i.shop_id = 0 OR o.shop_id = i.shop_id)
  AND o.paid_at <> '' AND o.status <> 'closed'
  AND o.created_at >= i.asked_on || CASE WHEN i.asked_time <> '' THEN ' ' || i.asked_time ELSE '' END
  AND o.created_at < date(i.asked_on, sqlc.arg(window))
  AND NOT EXISTS (SELECT 1 FROM inquiry_match m
                  WHERE m.shop_id = o.shop_id AND m.order_no = o.order_no
                    AND (m.inquiry_id = i.id OR m.state IN ('proposed', 'confirmed')))
  AND NOT EXISTS (SELECT 1 FROM inquiry_match m WHERE m.inquiry_id = i.id AND m.state = 'proposed')
ORDER BY o.created_at, o.shop_id, o.order_no, i.asked_on DESC, i.asked_time DESC, i.id DESC;

-- name: InsertMatch :one
INSERT INTO inquiry_match (inquiry_id, shop_id, order_no, order_created, order_paid, amount_fen, proposed_utc)
VALUES (sqlc.arg(inquiry_id), sqlc.arg(shop_id), sqlc.arg(order_no), sqlc.arg(order_created),
        sqlc.arg(order_paid), sqlc.arg(amount_fen), sqlc.arg(now))
RETURNING id;

-- name: GetMatch :one
SELECT m.id, m.inquiry_id, m.shop_id, m.order_no, m.order_created, m.order_paid, m.amount_fen, m.state,
       m.auto, m.prev_outcome, m.prev_amount_fen, m.prev_deal_on
FROM inquiry_match m WHERE m.id = sqlc.arg(id);

-- name: DecideMatch :execrows
UPDATE inquiry_match
SET state = sqlc.arg(state), auto = sqlc.arg(auto), prev_outcome = sqlc.arg(prev_outcome),
    prev_amount_fen = sqlc.arg(prev_amount_fen), prev_deal_on = sqlc.arg(prev_deal_on),
    decided_utc = sqlc.arg(now), decided_by = sqlc.narg(decided_by)
WHERE id = sqlc.arg(id);

-- Proposals whose order is gone (its import undone) or whose inquiry is no longer open.
-- name: DropStaleProposals :execrows
DELETE FROM inquiry_match
WHERE state = 'proposed'
  AND (NOT EXISTS (SELECT 1 FROM orders o WHERE o.shop_id = inquiry_match.shop_id AND o.order_no = inquiry_match.order_no)
       OR NOT EXISTS (SELECT 1 FROM inquiry i WHERE i.id = inquiry_match.inquiry_id AND i.outcome IN ('pending', 'no_deal')));

-- name: SetInquiryDeal :exec
UPDATE inquiry
SET outcome = sqlc.arg(outcome), amount_fen = sqlc.arg(amount_fen), deal_shop_id = sqlc.arg(deal_shop_id),
    deal_order_no = sqlc.arg(deal_order_no), deal_on = sqlc.arg(deal_on),
    flagged_by = coalesce(sqlc.narg(flagged_by), flagged_by), chased_by = coalesce(sqlc.narg(chased_by), chased_by),
    edited = 1, updated_utc = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: ListMatches :many
SELECT m.id, m.inquiry_id, m.shop_id, CAST(coalesce(s.name, '') AS TEXT) AS shop_name, m.order_no,
       m.order_created, m.order_paid, m.amount_fen, m.state, m.auto, m.proposed_utc, m.decided_utc,
       i.customer, i.asked_on, i.channel, i.products, i.outcome, CAST(coalesce(a.name, '') AS TEXT) AS agent_name
FROM inquiry_match m
JOIN inquiry i ON i.id = m.inquiry_id
LEFT JOIN shop s ON s.id = m.shop_id
LEFT JOIN staff a ON a.id = i.agent_id
WHERE (sqlc.arg(state) = '' OR m.state = sqlc.arg(state))
ORDER BY m.state <> 'proposed', m.order_created DESC, m.id DESC
LIMIT 500;

-- name: CountProposedMatches :one
SELECT count(*) FROM inquiry_match WHERE state = 'proposed';

-- A row moved away from a confirmed deal: its order is not its deal (and is not proposed again).
-- name: RejectConfirmedMatches :exec
UPDATE inquiry_match SET state = 'rejected', decided_utc = sqlc.arg(now)
WHERE inquiry_id = sqlc.arg(inquiry_id) AND state = 'confirmed';

-- name: ActiveStaffNames :many
SELECT id, name FROM staff WHERE active = 1 ORDER BY id;

-- Credited sales ----------------------------------------------------------------------------

-- The deals of a period (by the day the deal counts on), with their order when linked.
-- name: DealsForCredit :many
SELECT i.id, i.customer, i.asked_on, i.asked_time, i.agent_id, i.flagged_by, i.chased_by, i.amount_fen,
       i.deal_shop_id, i.deal_order_no, i.deal_on,
       CAST(coalesce(o.created_at, '') AS TEXT) AS order_created, CAST(coalesce(o.paid_at, '') AS TEXT) AS order_paid,
       CAST(coalesce(o.refund_fen, 0) AS INTEGER) AS order_refund_fen, CAST(coalesce(o.status, '') AS TEXT) AS order_status,
       CAST(coalesce(o.close_reason, '') AS TEXT) AS order_close_reason,
       CAST(coalesce(o.after_sale, '') AS TEXT) AS order_after_sale
FROM inquiry i
LEFT JOIN orders o ON o.shop_id = i.deal_shop_id AND o.order_no = i.deal_order_no AND i.deal_order_no <> ''
WHERE i.outcome = 'deal' AND i.deal_on >= sqlc.arg(from_day) AND i.deal_on <= sqlc.arg(to_day)
ORDER BY i.deal_on, i.id;

-- Who talked to a buyer between two days (the agents of the buyer's inquiries).
-- name: CustomerAgentsBetween :many
SELECT i.agent_id, i.asked_on, i.asked_time FROM inquiry i
WHERE i.customer = sqlc.arg(customer) AND i.asked_on >= sqlc.arg(from_day) AND i.asked_on <= sqlc.arg(to_day)
  AND i.agent_id IS NOT NULL
ORDER BY i.asked_on, i.asked_time, i.id;

-- name: RefundsOfOrder :many
SELECT status, kind, reason, amount_fen FROM refund
WHERE shop_id = sqlc.arg(shop_id) AND order_no = sqlc.arg(order_no);

-- Analysis ---------------------------------------------------------------------------------
-- The counts of one dimension over a period, from inquiry_stat (migration 00015): the whole
-- months inside the period at month grain, the days at its two ends at day grain (an
-- empty range is one whose start is after its end).
-- name: StatSums :many
SELECT val, outcome, CAST(sum(n) AS INTEGER) AS n, CAST(sum(amount_fen) AS INTEGER) AS amount_fen
FROM inquiry_stat
WHERE (dim = sqlc.arg(dim) AND grain = 'm' AND period >= sqlc.arg(month_from) AND period <= sqlc.arg(month_to))
   OR (dim = sqlc.arg(dim) AND grain = 'd' AND period >= sqlc.arg(from_day) AND period <= sqlc.arg(head_to))
   OR (dim = sqlc.arg(dim) AND grain = 'd' AND period >= sqlc.arg(tail_from) AND period <= sqlc.arg(to_day))
GROUP BY val, outcome;

-- name: StatDays :many
SELECT period, outcome, CAST(sum(n) AS INTEGER) AS n
FROM inquiry_stat
WHERE dim = 'all' AND grain = 'd' AND period >= sqlc.arg(from_day) AND period <= sqlc.arg(to_day)
GROUP BY period, outcome;

-- name: StaffNames :many
SELECT id, name FROM staff ORDER BY id;

-- Imports of register sheets (the import handler, later) ---------------------------------

-- name: DeleteInquiriesOfBatch :execrows
DELETE FROM inquiry WHERE batch_id = sqlc.arg(batch_id);

-- name: CountEditedInquiriesOfBatch :one
SELECT count(*) FROM inquiry WHERE batch_id = sqlc.arg(batch_id) AND edited = 1;

-- name: InquiryStaffName :one
SELECT name FROM staff WHERE id = sqlc.arg(id);

-- name: OrderMemo :one
SELECT seller_memo FROM orders WHERE shop_id = sqlc.arg(shop_id) AND order_no = sqlc.arg(order_no);
