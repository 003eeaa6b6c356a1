-- +goose Up
-- Conventions for every table:
--   money is INTEGER fen (1 yuan = 100 fen), never REAL;
--   times from export files are the shop's local wall time as TEXT 'YYYY-MM-DD HH:MM:SS'
--   (exports carry no zone; shop.timezone says which zone, default Asia/Shanghai);
--   times Shopdesk itself records (imported_at ...) are TEXT 'YYYY-MM-DD HH:MM:SS' in UTC.

CREATE TABLE shop (
    id         INTEGER PRIMARY KEY,
    platform   TEXT NOT NULL CHECK (platform IN ('taobao', 'jd', 'pdd', 'douyin', 'kuaishou', '1688')),
    name       TEXT NOT NULL CHECK (name <> ''),
    timezone   TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    UNIQUE (platform, name)
);

-- One row per imported file. A file is imported all or nothing, so a batch row exists
-- only for files that were committed.
CREATE TABLE import_batch (
    id             INTEGER PRIMARY KEY,
    file_name      TEXT NOT NULL,
    file_sha256    TEXT NOT NULL,
    file_size      INTEGER NOT NULL,
    platform       TEXT NOT NULL,
    format         TEXT NOT NULL,
    rows_total     INTEGER NOT NULL DEFAULT 0,
    rows_new       INTEGER NOT NULL DEFAULT 0,
    rows_updated   INTEGER NOT NULL DEFAULT 0,
    rows_unchanged INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    started_at     TEXT NOT NULL,
    finished_at    TEXT NOT NULL
);
CREATE INDEX import_batch_sha ON import_batch (file_sha256);

-- The shops a batch wrote to (a Taobao 订单报表 can hold several).
CREATE TABLE import_batch_shop (
    batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    shop_id  INTEGER NOT NULL REFERENCES shop (id),
    PRIMARY KEY (batch_id, shop_id)
);

-- "orders", not "order": ORDER is a keyword.
CREATE TABLE orders (
    id             INTEGER PRIMARY KEY,
    shop_id        INTEGER NOT NULL REFERENCES shop (id),
    order_no       TEXT NOT NULL,               -- exact text: 18-19 digits do not fit a double
    buyer          TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,               -- normalised code, see internal/orders
    status_text    TEXT NOT NULL DEFAULT '',    -- the platform's own words
    pay_fen        INTEGER NOT NULL DEFAULT 0,
    refund_fen     INTEGER NOT NULL DEFAULT 0,
    title          TEXT NOT NULL DEFAULT '',
    item_count     INTEGER NOT NULL DEFAULT 0,
    address        TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    paid_at        TEXT NOT NULL DEFAULT '',
    shipped_at     TEXT NOT NULL DEFAULT '',
    tracking_no    TEXT NOT NULL DEFAULT '',
    carrier        TEXT NOT NULL DEFAULT '',
    buyer_message  TEXT NOT NULL DEFAULT '',
    seller_memo    TEXT NOT NULL DEFAULT '',
    late_ship_comp INTEGER NOT NULL DEFAULT 0,  -- 1 when the platform compensated a late shipment
    late_ship_comp_fen INTEGER NOT NULL DEFAULT 0,
    first_batch_id INTEGER NOT NULL REFERENCES import_batch (id),
    last_batch_id  INTEGER NOT NULL REFERENCES import_batch (id),
    UNIQUE (shop_id, order_no)
);
-- Keyset pagination walks (created_at, id) newest first, optionally within one shop or status.
CREATE INDEX orders_created ON orders (created_at, id);
CREATE INDEX orders_shop_created ON orders (shop_id, created_at, id);
CREATE INDEX orders_status_created ON orders (status, created_at, id);
CREATE INDEX orders_order_no ON orders (order_no);
CREATE INDEX orders_buyer ON orders (buyer);

-- Sub-orders (one product line of an order), from exports at sub-order level.
CREATE TABLE order_item (
    id            INTEGER PRIMARY KEY,
    order_id      INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    sub_order_no  TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    sku_code      TEXT NOT NULL DEFAULT '',     -- 商家编码
    price_fen     INTEGER NOT NULL DEFAULT 0,
    quantity      INTEGER NOT NULL DEFAULT 0,
    pay_fen       INTEGER NOT NULL DEFAULT 0,
    status_text   TEXT NOT NULL DEFAULT '',
    refund_status TEXT NOT NULL DEFAULT '',
    refund_fen    INTEGER NOT NULL DEFAULT 0,
    first_batch_id INTEGER NOT NULL REFERENCES import_batch (id),
    last_batch_id  INTEGER NOT NULL REFERENCES import_batch (id),
    UNIQUE (order_id, sub_order_no)
);
CREATE INDEX order_item_batch ON order_item (last_batch_id);

-- Every change an import made to an existing order, with the batch that saw it: the
-- anomaly rules ask "since when", and undoing a batch puts the old values back.
CREATE TABLE order_change (
    id        INTEGER PRIMARY KEY,
    order_id  INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    batch_id  INTEGER NOT NULL REFERENCES import_batch (id),
    field     TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL
);
CREATE INDEX order_change_order ON order_change (order_id, id);
CREATE INDEX order_change_batch ON order_change (batch_id);

-- +goose Down
DROP TABLE order_change;
DROP TABLE order_item;
DROP TABLE orders;
DROP TABLE import_batch_shop;
DROP TABLE import_batch;
DROP TABLE shop;
