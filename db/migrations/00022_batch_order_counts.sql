-- +goose Up
-- Orders counted per import (issue 14). rows_new/rows_updated/rows_unchanged count the
-- file's rows; an export with one row per product line (抖店 子订单, 千牛, 1688) has more
-- rows than orders (250 rows, 200 orders), and the seller asks how many orders came in.
-- NULL: not an orders file (refunds), or imported before this migration (not counted).
ALTER TABLE import_batch ADD COLUMN orders_new INTEGER;
ALTER TABLE import_batch ADD COLUMN orders_updated INTEGER;
ALTER TABLE import_batch ADD COLUMN orders_unchanged INTEGER;

-- +goose Down
ALTER TABLE import_batch DROP COLUMN orders_unchanged;
ALTER TABLE import_batch DROP COLUMN orders_updated;
ALTER TABLE import_batch DROP COLUMN orders_new;
