-- +goose Up
-- import_fp: a 64-bit hash (FNV-1a) of the values the last import wrote to the order, with
-- that import's layout; 0 when anything else has written to it since (item totals, undo)
-- or it predates this column. A re-import whose row hashes the same skips reading the
-- order's twenty columns back: most rows of a re-exported date range are unchanged.
ALTER TABLE orders ADD COLUMN import_fp INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE orders DROP COLUMN import_fp;
