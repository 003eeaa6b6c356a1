-- +goose Up
-- Shop metrics imported from a daily traffic export (issue 12, kind metrics). Comments stay ASCII (sqlc).
--
-- shop_metric_import: each shop day an import wrote, with the values before it (had_row 0:
-- there was no row; the old_* columns then are NULL) and the values it wrote, so that undo
-- puts back exactly what was there, and can tell a day typed over by hand since.
CREATE TABLE shop_metric_import (
    batch_id       INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    shop_id        INTEGER NOT NULL REFERENCES shop (id) ON DELETE CASCADE,
    day            TEXT NOT NULL,
    had_row        INTEGER NOT NULL,
    old_visitors   INTEGER,
    old_page_views INTEGER,
    old_buyers     INTEGER,
    old_promo_fen  INTEGER,
    old_updated_at TEXT,
    new_visitors   INTEGER,
    new_page_views INTEGER,
    new_buyers     INTEGER,
    new_promo_fen  INTEGER,
    PRIMARY KEY (batch_id, shop_id, day)
);
CREATE INDEX shop_metric_import_day ON shop_metric_import (shop_id, day);

-- +goose Down
DROP TABLE shop_metric_import;
