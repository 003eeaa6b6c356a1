-- +goose Up
-- Undoing an import also removes the shops it created (when they are empty again).
ALTER TABLE shop ADD COLUMN created_batch_id INTEGER REFERENCES import_batch (id) ON DELETE SET NULL;
CREATE INDEX orders_first_batch ON orders (first_batch_id);
CREATE INDEX orders_last_batch ON orders (last_batch_id);
CREATE INDEX order_item_first_batch ON order_item (first_batch_id);

-- +goose Down
DROP INDEX order_item_first_batch;
DROP INDEX orders_last_batch;
DROP INDEX orders_first_batch;
ALTER TABLE shop DROP COLUMN created_batch_id;
