-- +goose Up
-- The anomaly rules check what changed, not everything (issue 13 §3). On a million orders
-- with 400,000 open anomalies a full evaluation read every candidate order and every
-- anomaly back (8-12 s, 570 MB) to find, most of the time, that nothing had changed.
-- Now an evaluation looks at: the orders the imports and undos since the last run touched
-- (anomaly_pending, written by the triggers below), the orders whose outcome the passing
-- time changes (anomaly_watch.next_at), and, when a shop's usual order amount moved, its
-- big orders. A full evaluation runs only the first time and when the thresholds or a
-- shop's time zone change. internal/anomaly (scope.go, watch.go) reads and writes these
-- tables; nothing else does.

-- What changed since the rules last ran. The importer writes import_batch, order_change,
-- order_item, refund and refund_change rows for everything it changes; these triggers note
-- the batches and what an undo removes or puts back (after an undo its changes are gone).
--   what 'batch'  an import: batch_id (its orders, items, changes and refunds)
--        'undo'   an undone import: batch_id, its orders' id range first_id..last_id
--        'order'  an order an undo changed back or took items from: first_id
--        'key'    a shop's order number whose refunds or complaints changed: shop_id, order_no
CREATE TABLE anomaly_pending (
    id       INTEGER PRIMARY KEY,
    what     TEXT NOT NULL,
    batch_id INTEGER NOT NULL DEFAULT 0,
    first_id INTEGER NOT NULL DEFAULT 0,
    last_id  INTEGER NOT NULL DEFAULT 0,
    shop_id  INTEGER NOT NULL DEFAULT 0,
    order_no TEXT NOT NULL DEFAULT ''
);

-- +goose StatementBegin
CREATE TRIGGER anomaly_pending_import AFTER INSERT ON import_batch BEGIN
    INSERT INTO anomaly_pending (what, batch_id) VALUES ('batch', new.id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER anomaly_pending_undo AFTER DELETE ON import_batch BEGIN
    INSERT INTO anomaly_pending (what, batch_id, first_id, last_id)
    VALUES ('undo', old.id, old.first_order_id, old.last_order_id);
END;
-- +goose StatementEnd
-- Changes and items deleted with their order (ON DELETE CASCADE) are not noted: the order
-- is gone, and the undo's id range names it.
-- +goose StatementBegin
CREATE TRIGGER anomaly_pending_change AFTER DELETE ON order_change
WHEN EXISTS (SELECT 1 FROM orders WHERE id = old.order_id) BEGIN
    INSERT INTO anomaly_pending (what, first_id) VALUES ('order', old.order_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER anomaly_pending_item AFTER DELETE ON order_item
WHEN EXISTS (SELECT 1 FROM orders WHERE id = old.order_id) BEGIN
    INSERT INTO anomaly_pending (what, first_id) VALUES ('order', old.order_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER anomaly_pending_refund AFTER DELETE ON refund BEGIN
    INSERT INTO anomaly_pending (what, shop_id, order_no) VALUES ('key', old.shop_id, old.order_no);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER anomaly_pending_refund_change AFTER DELETE ON refund_change
WHEN EXISTS (SELECT 1 FROM refund WHERE id = old.refund_id) BEGIN
    INSERT INTO anomaly_pending (what, shop_id, order_no)
    SELECT 'key', shop_id, order_no FROM refund WHERE id = old.refund_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER anomaly_pending_complaint AFTER INSERT ON complaint BEGIN
    INSERT INTO anomaly_pending (what, shop_id, order_no) VALUES ('key', new.shop_id, new.order_no);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER anomaly_pending_complaint_update AFTER UPDATE ON complaint BEGIN
    INSERT INTO anomaly_pending (what, shop_id, order_no)
    VALUES ('key', old.shop_id, old.order_no), ('key', new.shop_id, new.order_no);
END;
-- +goose StatementEnd

-- The last run, one row: the thresholds it ran with (JSON of settings.Thresholds), when it
-- last changed anything (UTC), and how many anomalies the rules find (active = 1: only runs
-- change that, by what they add, clear and bring back). Other thresholds, or no row: the
-- next run is a full one.
CREATE TABLE anomaly_run (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    thresholds TEXT NOT NULL,
    found      INTEGER NOT NULL,
    ran_at     TEXT NOT NULL
);

-- Each shop as the last run saw it: its clock (shop-local wall time as seconds, like
-- anomaly_watch.next_at, and its UTC offset then), and the counts behind the notices and
-- the big-order median, kept up to date by adding what each run changed.
CREATE TABLE anomaly_shop (
    shop_id       INTEGER PRIMARY KEY,
    timezone      TEXT NOT NULL,
    wall          INTEGER NOT NULL,
    offset_s      INTEGER NOT NULL,
    no_promised   INTEGER NOT NULL DEFAULT 0,  -- orders to ship without 承诺发货时间
    no_shipped    INTEGER NOT NULL DEFAULT 0,  -- shipped orders without 发货时间
    refund_orders INTEGER NOT NULL DEFAULT 0,  -- orders with a sub-order refund status or 售后状态
    window_n      INTEGER NOT NULL DEFAULT 0,  -- paid orders in the median's window
    median_fen    INTEGER NOT NULL DEFAULT 0
);

-- The paid amounts of each shop's median window (big orders), as counts per amount: the
-- median is read from a few thousand rows instead of every order of the window.
CREATE TABLE anomaly_amount (
    shop_id INTEGER NOT NULL,
    pay_fen INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (shop_id, pay_fen)
) WITHOUT ROWID;

-- Every order the rules look at with what the last run saw of it: when the passing time
-- changes what a rule says (next_at: shop-local wall seconds; NULL never), and what it
-- counted for the notices and the median (flags: 1 to ship without 承诺发货时间, 2 shipped
-- without 发货时间, 4 a sub-order refund status or 售后状态, 8 pay_fen in the median window).
-- Keyed by orders.id without a foreign key: an undone order's row is what the run after
-- the undo takes back out of the counts.
CREATE TABLE anomaly_watch (
    order_id INTEGER PRIMARY KEY,
    shop_id  INTEGER NOT NULL,
    next_at  INTEGER,
    flags    INTEGER NOT NULL,
    pay_fen  INTEGER NOT NULL
);
CREATE INDEX anomaly_watch_next ON anomaly_watch (shop_id, next_at) WHERE next_at IS NOT NULL;

-- What one run looks at, emptied at its start: order ids and (shop, order number) keys.
CREATE TABLE anomaly_scope_order (id INTEGER PRIMARY KEY);
-- Keys are numbered (n) so that a run reads them a chunk at a time; order_id is the
-- key's order when the scope came to the key through it (NULL: look it up).
CREATE TABLE anomaly_scope_key (
    n        INTEGER PRIMARY KEY,
    shop_id  INTEGER NOT NULL,
    order_no TEXT NOT NULL,
    order_id INTEGER,
    UNIQUE (shop_id, order_no)
);

-- The worklist's counts (issue 13 §5): per kind, state, shop and owner (0: nobody), kept
-- by triggers, so that every filter of the page counts from a few rows; counting 400,000
-- open anomalies took 1.1 s. newest is the latest detected_at (anomaly_count_newest finds
-- it again when the newest leaves the group).
CREATE TABLE anomaly_count (
    kind     TEXT NOT NULL,
    state    TEXT NOT NULL,
    shop_id  INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    newest   TEXT NOT NULL,
    PRIMARY KEY (kind, state, shop_id, owner_id)
) WITHOUT ROWID;
DROP INDEX anomaly_state;
CREATE INDEX anomaly_count_newest ON anomaly (kind, state, shop_id, coalesce(owner_id, 0), detected_at);
INSERT INTO anomaly_count (kind, state, shop_id, owner_id, n, newest)
SELECT kind, state, shop_id, coalesce(owner_id, 0), count(*), max(detected_at) FROM anomaly
GROUP BY kind, state, shop_id, coalesce(owner_id, 0);

-- +goose StatementBegin
CREATE TRIGGER anomaly_count_insert AFTER INSERT ON anomaly BEGIN
    INSERT INTO anomaly_count (kind, state, shop_id, owner_id, n, newest)
    VALUES (new.kind, new.state, new.shop_id, coalesce(new.owner_id, 0), 1, new.detected_at)
    ON CONFLICT DO UPDATE SET n = n + 1, newest = max(newest, excluded.newest);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER anomaly_count_delete AFTER DELETE ON anomaly BEGIN
    UPDATE anomaly_count SET n = n - 1
    WHERE kind = old.kind AND state = old.state AND shop_id = old.shop_id AND owner_id = coalesce(old.owner_id, 0);
    DELETE FROM anomaly_count
    WHERE kind = old.kind AND state = old.state AND shop_id = old.shop_id AND owner_id = coalesce(old.owner_id, 0) AND n <= 0;
    UPDATE anomaly_count SET newest = coalesce((
        SELECT max(a.detected_at) FROM anomaly a
        WHERE a.kind = old.kind AND a.state = old.state AND a.shop_id = old.shop_id
          AND coalesce(a.owner_id, 0) = coalesce(old.owner_id, 0)), '')
    WHERE kind = old.kind AND state = old.state AND shop_id = old.shop_id AND owner_id = coalesce(old.owner_id, 0)
      AND newest = old.detected_at;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER anomaly_count_update AFTER UPDATE OF kind, state, shop_id, owner_id ON anomaly
WHEN old.kind IS NOT new.kind OR old.state IS NOT new.state OR old.shop_id IS NOT new.shop_id
  OR old.owner_id IS NOT new.owner_id BEGIN
    UPDATE anomaly_count SET n = n - 1
    WHERE kind = old.kind AND state = old.state AND shop_id = old.shop_id AND owner_id = coalesce(old.owner_id, 0);
    DELETE FROM anomaly_count
    WHERE kind = old.kind AND state = old.state AND shop_id = old.shop_id AND owner_id = coalesce(old.owner_id, 0) AND n <= 0;
    UPDATE anomaly_count SET newest = coalesce((
        SELECT max(a.detected_at) FROM anomaly a
        WHERE a.kind = old.kind AND a.state = old.state AND a.shop_id = old.shop_id
          AND coalesce(a.owner_id, 0) = coalesce(old.owner_id, 0)), '')
    WHERE kind = old.kind AND state = old.state AND shop_id = old.shop_id AND owner_id = coalesce(old.owner_id, 0)
      AND newest = old.detected_at;
    INSERT INTO anomaly_count (kind, state, shop_id, owner_id, n, newest)
    VALUES (new.kind, new.state, new.shop_id, coalesce(new.owner_id, 0), 1, new.detected_at)
    ON CONFLICT DO UPDATE SET n = n + 1, newest = max(newest, excluded.newest);
END;
-- +goose StatementEnd

-- The worklist's pages in their order (kind, then deadline first, then newest) for any
-- state, shop and owner, without sorting every matching row: internal/anomaly merges the
-- few (state, shop, owner) runs of a kind.
CREATE INDEX anomaly_list ON anomaly (kind, state, shop_id, coalesce(owner_id, 0), deadline, since DESC, id);
-- A complaint is checked with the rest of its order number's rules.
CREATE INDEX complaint_order ON complaint (shop_id, order_no);

-- +goose Down
DROP INDEX complaint_order;
DROP INDEX anomaly_list;
DROP TRIGGER anomaly_count_update;
DROP TRIGGER anomaly_count_delete;
DROP TRIGGER anomaly_count_insert;
DROP INDEX anomaly_count_newest;
CREATE INDEX anomaly_state ON anomaly (state, kind, shop_id);
DROP TABLE anomaly_count;
DROP TABLE anomaly_scope_key;
DROP TABLE anomaly_scope_order;
DROP TABLE anomaly_watch;
DROP TABLE anomaly_amount;
DROP TABLE anomaly_shop;
DROP TABLE anomaly_run;
DROP TRIGGER anomaly_pending_complaint_update;
DROP TRIGGER anomaly_pending_complaint;
DROP TRIGGER anomaly_pending_refund_change;
DROP TRIGGER anomaly_pending_refund;
DROP TRIGGER anomaly_pending_item;
DROP TRIGGER anomaly_pending_change;
DROP TRIGGER anomaly_pending_undo;
DROP TRIGGER anomaly_pending_import;
DROP TABLE anomaly_pending;
