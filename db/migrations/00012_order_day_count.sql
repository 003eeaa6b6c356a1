-- +goose Up
-- The orders page at a million orders (issue 13 §5). Its first page counted the orders
-- matching its filters by walking an index: 1.5-3 s. And a filter no index holds alone
-- (有售后, a shop with a status, a buyer with a date) read rows until it had a page: up to
-- the whole table when matches are rare. Three structures, kept by triggers so that they
-- are right whatever writes orders or refunds (an import, undo, a merge of shops in SQL):
--
-- order_day_count: the orders by day, shop and status. The page adds up the rows of its
-- filters instead of counting orders (a few thousand rows for a year), and reads the days
-- that have matches, through the index with the fewest rows that day (internal/orders).
--   day            substr(orders.created_at, 1, 10): the shop-local calendar day
--                  ('YYYY-MM-DD'; '' for an order without a created time). The date filter
--                  compares created_at as text with 'YYYY-MM-DD' bounds, and that gives the
--                  same answer for the day as for the whole time: summed days are exactly
--                  the orders the filter matches.
--   n              orders of that shop, status and day
--   n_open_refund  of them, those with an open refund (有售后: a refund of the same shop and
--                  order number whose status is 'open')
--   Rows that fall to zero stay (a few thousand at most); a shop's rows go with the shop
--   (a trigger below). No foreign key and no second index: each makes the upsert every
--   imported order runs bigger (measured: 1,800 machine instructions per order more).
CREATE TABLE order_day_count (
    day           TEXT NOT NULL,
    shop_id       INTEGER NOT NULL,
    status        TEXT NOT NULL,
    n             INTEGER NOT NULL,
    n_open_refund INTEGER NOT NULL,
    PRIMARY KEY (day, shop_id, status)
) WITHOUT ROWID;

-- order_open_refund: the orders that have an open refund, in the page's order, with the
-- two columns it filters on: 有售后 reads them instead of probing every order. Keyed by
-- (created_at, order_id), which every orders index the page walks holds, so asking whether
-- an order has an open refund costs no read of the order.
CREATE TABLE order_open_refund (
    created_at TEXT NOT NULL,
    order_id   INTEGER NOT NULL,
    shop_id    INTEGER NOT NULL,
    status     TEXT NOT NULL,
    PRIMARY KEY (created_at, order_id)
) WITHOUT ROWID;

-- The open refunds by order: what the triggers ask.
CREATE INDEX refund_open ON refund (shop_id, order_no) WHERE status = 'open';

-- Search by buyer: a masked receiver name (张**) or a common one (刘先生) can be on 1 % of
-- the orders. With the page's other filters and order in the index, such a search counts
-- and pages through the index alone, without reading 10,000 orders.
DROP INDEX orders_buyer;
CREATE INDEX orders_buyer ON orders (buyer, created_at, shop_id, status);

-- The databases of before: counted once here.
INSERT INTO order_open_refund (created_at, order_id, shop_id, status)
SELECT o.created_at, o.id, o.shop_id, o.status FROM orders o
WHERE EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = o.shop_id AND r.order_no = o.order_no AND r.status = 'open');

INSERT INTO order_day_count (day, shop_id, status, n, n_open_refund)
SELECT substr(o.created_at, 1, 10), o.shop_id, o.status, count(*),
       sum(EXISTS (SELECT 1 FROM order_open_refund x WHERE x.created_at = o.created_at AND x.order_id = o.id))
FROM orders o
GROUP BY 1, 2, 3;

-- What this costs an import, counted in machine instructions (cachegrind; the machine is
-- too busy for times to compare): the sqlite3 shell inserting 100,000 orders 100 to a
-- statement as the importer does, 21,000 more per order than with the schema of 00011:
-- about 7,300 for having any insert trigger on orders at all (SQLite then copies each
-- multi-row INSERT into a temporary table before running the triggers), 8,400 the upsert,
-- 3,300 the probe of refund_open, 2,000 the wider orders_buyer. The Go import of a Taobao
-- report of 20,000-40,000 orders: 28,000-33,000 more on about 230,000 per order (+13 %).
-- Counting a whole batch once at its end instead would cost about 7,700 per order, but
-- only an importer that calls it keeps the counts right; triggers keep them right for
-- every writer.

-- Each trigger below writes order_open_refund first and then moves n_open_refund by the
-- number of rows that write changed (changes(): inside a trigger, the rows changed by its
-- previous statement), so the two always agree.

-- An order counts in its day, shop and status: one upsert per imported order.
-- +goose StatementBegin
CREATE TRIGGER order_day_count_insert AFTER INSERT ON orders
BEGIN
    INSERT INTO order_day_count (day, shop_id, status, n, n_open_refund)
    VALUES (substr(NEW.created_at, 1, 10), NEW.shop_id, NEW.status, 1, 0)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd

-- An order whose open refund was imported before it (a refunds file first): the WHEN
-- probe of refund_open is all the others cost.
-- +goose StatementBegin
CREATE TRIGGER order_open_refund_insert AFTER INSERT ON orders
WHEN EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = NEW.shop_id AND r.order_no = NEW.order_no AND r.status = 'open')
BEGIN
    INSERT INTO order_open_refund (created_at, order_id, shop_id, status)
    VALUES (NEW.created_at, NEW.id, NEW.shop_id, NEW.status)
    ON CONFLICT DO NOTHING;
    INSERT INTO order_day_count (day, shop_id, status, n, n_open_refund)
    VALUES (substr(NEW.created_at, 1, 10), NEW.shop_id, NEW.status, 0, changes())
    ON CONFLICT DO UPDATE SET n_open_refund = n_open_refund + excluded.n_open_refund;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER order_day_count_delete AFTER DELETE ON orders
BEGIN
    DELETE FROM order_open_refund WHERE created_at = OLD.created_at AND order_id = OLD.id;
    UPDATE order_day_count SET n = n - 1, n_open_refund = n_open_refund - changes()
    WHERE day = substr(OLD.created_at, 1, 10) AND shop_id = OLD.shop_id AND status = OLD.status;
END;
-- +goose StatementEnd

-- An import rewrites status and created_at of every order it changes: the WHEN clause
-- keeps the trigger to the orders whose counts move. The old order leaves, the new one
-- arrives with the open refunds of its own shop and order number.
-- +goose StatementBegin
CREATE TRIGGER order_day_count_update AFTER UPDATE OF created_at, shop_id, status, order_no ON orders
WHEN OLD.created_at IS NOT NEW.created_at OR OLD.shop_id IS NOT NEW.shop_id
  OR OLD.status IS NOT NEW.status OR OLD.order_no IS NOT NEW.order_no
BEGIN
    DELETE FROM order_open_refund WHERE created_at = OLD.created_at AND order_id = OLD.id;
    UPDATE order_day_count SET n = n - 1, n_open_refund = n_open_refund - changes()
    WHERE day = substr(OLD.created_at, 1, 10) AND shop_id = OLD.shop_id AND status = OLD.status;
    INSERT INTO order_open_refund (created_at, order_id, shop_id, status)
    SELECT NEW.created_at, NEW.id, NEW.shop_id, NEW.status
    WHERE EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = NEW.shop_id AND r.order_no = NEW.order_no AND r.status = 'open')
    ON CONFLICT DO NOTHING;
    INSERT INTO order_day_count (day, shop_id, status, n, n_open_refund)
    VALUES (substr(NEW.created_at, 1, 10), NEW.shop_id, NEW.status, 1, changes())
    ON CONFLICT DO UPDATE SET n = n + 1, n_open_refund = n_open_refund + excluded.n_open_refund;
END;
-- +goose StatementEnd

-- A refund marks its order while it is open, once however many of the order's refunds
-- are open: one that opens marks the order unless another open refund did; one that stops
-- being open (closed, deleted, moved to another order) unmarks it unless another open
-- refund still holds it. An update is the old refund leaving and the new one arriving,
-- each judged against the other open refunds (all but this one). An order not imported
-- (yet) has nothing to mark; its own insert trigger marks it when it comes.
-- +goose StatementBegin
CREATE TRIGGER order_open_refund_refund_insert AFTER INSERT ON refund
WHEN NEW.status = 'open'
 AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = NEW.shop_id AND r.order_no = NEW.order_no
                                          AND r.status = 'open' AND r.id <> NEW.id)
BEGIN
    INSERT INTO order_open_refund (created_at, order_id, shop_id, status)
    SELECT o.created_at, o.id, o.shop_id, o.status FROM orders o
    WHERE o.shop_id = NEW.shop_id AND o.order_no = NEW.order_no
    ON CONFLICT DO NOTHING;
    UPDATE order_day_count SET n_open_refund = n_open_refund + changes()
    WHERE (day, shop_id, status) = (SELECT substr(o.created_at, 1, 10), o.shop_id, o.status FROM orders o
                                    WHERE o.shop_id = NEW.shop_id AND o.order_no = NEW.order_no);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER order_open_refund_refund_delete AFTER DELETE ON refund
WHEN OLD.status = 'open'
 AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = OLD.shop_id AND r.order_no = OLD.order_no
                                          AND r.status = 'open')
BEGIN
    DELETE FROM order_open_refund
    WHERE (created_at, order_id) = (SELECT o.created_at, o.id FROM orders o
                                    WHERE o.shop_id = OLD.shop_id AND o.order_no = OLD.order_no);
    UPDATE order_day_count SET n_open_refund = n_open_refund - changes()
    WHERE (day, shop_id, status) = (SELECT substr(o.created_at, 1, 10), o.shop_id, o.status FROM orders o
                                    WHERE o.shop_id = OLD.shop_id AND o.order_no = OLD.order_no);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER order_open_refund_refund_update AFTER UPDATE OF status, shop_id, order_no ON refund
WHEN (OLD.status = 'open' OR NEW.status = 'open')
 AND (OLD.status IS NOT NEW.status OR OLD.shop_id IS NOT NEW.shop_id OR OLD.order_no IS NOT NEW.order_no)
BEGIN
    DELETE FROM order_open_refund
    WHERE OLD.status = 'open'
      AND (created_at, order_id) = (SELECT o.created_at, o.id FROM orders o
                                    WHERE o.shop_id = OLD.shop_id AND o.order_no = OLD.order_no)
      AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = OLD.shop_id AND r.order_no = OLD.order_no
                                               AND r.status = 'open' AND r.id <> NEW.id);
    UPDATE order_day_count SET n_open_refund = n_open_refund - changes()
    WHERE (day, shop_id, status) = (SELECT substr(o.created_at, 1, 10), o.shop_id, o.status FROM orders o
                                    WHERE o.shop_id = OLD.shop_id AND o.order_no = OLD.order_no);
    INSERT INTO order_open_refund (created_at, order_id, shop_id, status)
    SELECT o.created_at, o.id, o.shop_id, o.status FROM orders o
    WHERE o.shop_id = NEW.shop_id AND o.order_no = NEW.order_no AND NEW.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.shop_id = NEW.shop_id AND r.order_no = NEW.order_no
                                               AND r.status = 'open' AND r.id <> NEW.id)
    ON CONFLICT DO NOTHING;
    UPDATE order_day_count SET n_open_refund = n_open_refund + changes()
    WHERE (day, shop_id, status) = (SELECT substr(o.created_at, 1, 10), o.shop_id, o.status FROM orders o
                                    WHERE o.shop_id = NEW.shop_id AND o.order_no = NEW.order_no);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER order_day_count_shop_delete AFTER DELETE ON shop
BEGIN
    DELETE FROM order_day_count WHERE shop_id = OLD.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER order_day_count_shop_delete;
DROP TRIGGER order_open_refund_refund_update;
DROP TRIGGER order_open_refund_refund_delete;
DROP TRIGGER order_open_refund_refund_insert;
DROP TRIGGER order_day_count_update;
DROP TRIGGER order_day_count_delete;
DROP TRIGGER order_open_refund_insert;
DROP TRIGGER order_day_count_insert;
DROP INDEX orders_buyer;
CREATE INDEX orders_buyer ON orders (buyer);
DROP INDEX refund_open;
DROP TABLE order_open_refund;
DROP TABLE order_day_count;
