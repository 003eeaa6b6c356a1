-- +goose Up
-- Every index on orders is maintained for every imported row: with ten of them a
-- million-row import spent more than half its time in index upkeep. Three go:
--
-- orders_order_no: UNIQUE (shop_id, order_no) answers every look-up by number, because a
--   number is always looked up within the shops it can belong to (the import: the shops of
--   the file's platform; the search box: every shop, a handful), i.e. shop_id IN (...).
-- orders_first_batch, orders_last_batch (for undo): the orders a batch created get
--   consecutive ids (the import numbers them max + 1 onwards), so import_batch keeps that
--   range and undo reads it through the primary key; the orders a batch changed are the
--   ones its order_change rows name.
ALTER TABLE import_batch ADD COLUMN first_order_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_batch ADD COLUMN last_order_id INTEGER NOT NULL DEFAULT -1;
-- Batches imported before this migration: their range, read while the index still exists.
UPDATE import_batch
SET first_order_id = coalesce((SELECT min(o.id) FROM orders o WHERE o.first_batch_id = import_batch.id), 0),
    last_order_id = coalesce((SELECT max(o.id) FROM orders o WHERE o.first_batch_id = import_batch.id), -1);
DROP INDEX orders_order_no;
DROP INDEX orders_first_batch;
DROP INDEX orders_last_batch;

-- +goose Down
CREATE INDEX orders_last_batch ON orders (last_batch_id);
CREATE INDEX orders_first_batch ON orders (first_batch_id);
CREATE INDEX orders_order_no ON orders (order_no);
ALTER TABLE import_batch DROP COLUMN last_order_id;
ALTER TABLE import_batch DROP COLUMN first_order_id;
