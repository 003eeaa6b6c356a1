-- +goose Up
-- Shop metrics (issue 12). Comments stay ASCII (sqlc).
--
-- shop_metric: the figures of a shop's day that no order export carries, typed in or
-- imported from a daily traffic export (生意参谋 style): visitors, page views, paying buyers,
-- promotion spend. NULL: not known. Orders, sales and refunds come from the orders.
CREATE TABLE shop_metric (
    shop_id    INTEGER NOT NULL REFERENCES shop (id) ON DELETE CASCADE,
    day        TEXT NOT NULL,
    visitors   INTEGER,
    page_views INTEGER,
    buyers     INTEGER,
    promo_fen  INTEGER,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (shop_id, day)
);

-- shop_target: a shop's sales target of a month, split evenly into its days.
CREATE TABLE shop_target (
    shop_id   INTEGER NOT NULL REFERENCES shop (id) ON DELETE CASCADE,
    month     TEXT NOT NULL,
    sales_fen INTEGER NOT NULL CHECK (sales_fen >= 0),
    PRIMARY KEY (shop_id, month)
);

-- +goose Down
DROP TABLE shop_target;
DROP TABLE shop_metric;
