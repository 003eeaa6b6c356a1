-- +goose Up
-- Inventory sheets (库存表, issue 9): the SKU master, the stock ledger, what the stock figures
-- are computed from and the figures themselves. internal/stock keeps them; the stock sheet
-- and the count sheet are a file kind of the import engine (internal/importer stock.go).
--
-- Times: at columns are wall times 'YYYY-MM-DD HH:MM:SS' of the shops' default zone
-- (Asia/Shanghai), like the order times they are compared with; *_at columns Shopdesk
-- records for itself (created_at, updated_at) are UTC, as elsewhere.

-- The SKU master, one row per merchant code (商家编码). Rows come from order lines that carry
-- a code (source 'order', made by internal/stock sync.go), from stock and count sheets
-- ('sheet', created_batch_id names the import) and by hand ('manual'). Rows are deactivated,
-- never deleted by the seller: the ledger refers to them.
--   lead_days  NULL: the default lead time of 设置 (stock_lead_days)
--   role       '' none, 'traffic' 引流款, 'main' 主推, 'image' 形象款
--   edited     1 once the seller changed the row by hand: sync never removes it
CREATE TABLE stock_item (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name             TEXT NOT NULL DEFAULT '',
    spec             TEXT NOT NULL DEFAULT '',
    cost_fen         INTEGER NOT NULL DEFAULT 0,
    safety_stock     INTEGER NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
    supplier         TEXT NOT NULL DEFAULT '',
    lead_days        INTEGER CHECK (lead_days IS NULL OR lead_days >= 0),
    pack_size        INTEGER NOT NULL DEFAULT 1 CHECK (pack_size >= 1),
    in_transit       INTEGER NOT NULL DEFAULT 0 CHECK (in_transit >= 0),
    role             TEXT NOT NULL DEFAULT '' CHECK (role IN ('', 'traffic', 'main', 'image')),
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    source           TEXT NOT NULL CHECK (source IN ('order', 'sheet', 'manual')),
    edited           INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
    created_batch_id INTEGER REFERENCES import_batch (id) ON DELETE SET NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX stock_item_supplier ON stock_item (supplier);
CREATE INDEX stock_item_batch ON stock_item (created_batch_id) WHERE created_batch_id IS NOT NULL;

-- Every change of a SKU's fields, by hand (batch_id NULL) or by a stock sheet (batch_id):
-- the SKU's history, and what undoing a sheet puts back (only where the field still holds
-- the sheet's value). field is the stock_item column.
CREATE TABLE stock_item_change (
    id            INTEGER PRIMARY KEY,
    stock_item_id INTEGER NOT NULL REFERENCES stock_item (id) ON DELETE CASCADE,
    batch_id      INTEGER REFERENCES import_batch (id),
    field         TEXT NOT NULL,
    old_value     TEXT NOT NULL,
    new_value     TEXT NOT NULL,
    actor_name    TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL
);
CREATE INDEX stock_item_change_item ON stock_item_change (stock_item_id, id);
CREATE INDEX stock_item_change_batch ON stock_item_change (batch_id) WHERE batch_id IS NOT NULL;

-- A shop's listing that sells a stock item although its order lines carry no merchant code
-- (the Taobao 订单报表 has only titles): the order lines of that shop with that title are the
-- item's. Made on the unmapped lines screen; it applies to every later import.
CREATE TABLE stock_listing (
    id              INTEGER PRIMARY KEY,
    shop_id         INTEGER NOT NULL REFERENCES shop (id),
    title           TEXT NOT NULL CHECK (title <> ''),
    stock_item_id   INTEGER NOT NULL REFERENCES stock_item (id) ON DELETE CASCADE,
    platform_sku_id TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    UNIQUE (shop_id, title)
);
CREATE INDEX stock_listing_item ON stock_listing (stock_item_id);

-- The stock ledger: every change of stock Shopdesk was told of. kind:
--   in        goods received (入库), qty > 0
--   out       goods out other than sales (出库: samples, damage), qty < 0
--   return    goods back by hand (退货入库), qty > 0
--   adjust    a correction (调整, also the stock sheet's inline edit), qty signed
--   stocktake a count (盘点, also each row of an imported stock sheet): counted is the count,
--             qty is 0 here; its change is the count less the balance before it, worked out
--             when read, so that sales imported later but made before the count stay inside it
-- Sales and the returns of refunds are not stored here: they come from the imported orders
-- and refunds (stock_line, stock_return) and join the ledger when it is read. On hand is the
-- ledger's sum: the last count plus every movement after it (internal/stock onhand.go).
CREATE TABLE stock_move (
    id            INTEGER PRIMARY KEY,
    stock_item_id INTEGER NOT NULL REFERENCES stock_item (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('in', 'out', 'return', 'adjust', 'stocktake')),
    qty           INTEGER NOT NULL,
    counted       INTEGER,
    at            TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    actor_id      INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    actor_name    TEXT NOT NULL DEFAULT '',
    batch_id      INTEGER REFERENCES import_batch (id),
    created_at    TEXT NOT NULL,
    CHECK ((kind = 'stocktake') = (counted IS NOT NULL))
);
CREATE INDEX stock_move_item ON stock_move (stock_item_id, at, id);
CREATE INDEX stock_move_batch ON stock_move (batch_id) WHERE batch_id IS NOT NULL;

-- The rows of an imported count sheet (盘点表), waiting to be reviewed and posted as
-- stocktake movements (posted_move_id). counted NULL: the row was left blank (not counted).
-- book is the balance when the sheet was imported. Undoing the import removes them.
CREATE TABLE stock_count (
    id             INTEGER PRIMARY KEY,
    batch_id       INTEGER NOT NULL REFERENCES import_batch (id),
    row_no         INTEGER NOT NULL,
    stock_item_id  INTEGER NOT NULL REFERENCES stock_item (id) ON DELETE CASCADE,
    counted        INTEGER,
    book           INTEGER NOT NULL,
    at             TEXT NOT NULL,
    posted_move_id INTEGER REFERENCES stock_move (id) ON DELETE SET NULL
);
CREATE INDEX stock_count_batch ON stock_count (batch_id, row_no);

-- Derived from the imported orders (internal/stock sync.go), one row per order line that is
-- a sale: a line of an order that was paid, unless the order was closed before it shipped
-- (an order without lines is one line: its title and item count). A closed order that had
-- shipped stays a sale; its goods come back as a return when its refund is imported. at is
-- the paid time (else the created time). A line without a merchant code is the item of its
-- shop's listing of that title, else unmapped (stock_item_id NULL). Lines go with their
-- orders and items (ON DELETE CASCADE).
CREATE TABLE stock_line (
    id            INTEGER PRIMARY KEY,
    order_id      INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    item_id       INTEGER,  -- order_item.id; no foreign key: a line hangs from one parent (its
                            -- order), so that a shop merge parks it once; sync derives the
                            -- order again when an undo removes items of it
    shop_id       INTEGER NOT NULL,
    stock_item_id INTEGER REFERENCES stock_item (id) ON DELETE SET NULL,
    code          TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL,
    units         INTEGER NOT NULL,
    pay_fen       INTEGER NOT NULL
);
-- (stock_item_id, at) with the amounts: the figures read an item's lines by time without
-- touching the table.
CREATE INDEX stock_line_item_at ON stock_line (stock_item_id, at, units, pay_fen);
CREATE INDEX stock_line_order ON stock_line (order_id);
CREATE INDEX stock_line_shop ON stock_line (shop_id, stock_item_id);
CREATE INDEX stock_line_unmapped ON stock_line (shop_id, title) WHERE stock_item_id IS NULL;

-- Derived from the imported refunds: goods that came back (a refunded refund whose kind is a
-- return, 退货退款), one row per refund, at its finished time (else applied). units: the
-- refunded line's quantity, in proportion when only part of its amount went back; 1 when
-- the line is not known.
CREATE TABLE stock_return (
    id            INTEGER PRIMARY KEY,
    refund_id     INTEGER NOT NULL REFERENCES refund (id) ON DELETE CASCADE,
    shop_id       INTEGER NOT NULL,
    stock_item_id INTEGER REFERENCES stock_item (id) ON DELETE SET NULL,
    code          TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL,
    units         INTEGER NOT NULL,
    amount_fen    INTEGER NOT NULL
);
CREATE INDEX stock_return_item_at ON stock_return (stock_item_id, at, units, amount_fen);
CREATE INDEX stock_return_refund ON stock_return (refund_id);
CREATE INDEX stock_return_at ON stock_return (at);
CREATE INDEX stock_return_shop ON stock_return (shop_id);

-- The import batches the lines and returns were derived from: what a batch created and
-- changed, so that undoing it derives them again. No foreign key: the row outlives its
-- batch until sync sees the batch is gone. file_sha256 and started_at tell a batch from a
-- later one that got the same id.
CREATE TABLE stock_sync (
    batch_id       INTEGER PRIMARY KEY,
    file_sha256    TEXT NOT NULL,
    started_at     TEXT NOT NULL,
    first_order_id INTEGER NOT NULL,
    last_order_id  INTEGER NOT NULL,
    order_ids      TEXT NOT NULL DEFAULT '[]',  -- JSON: orders the batch changed
    refund_ids     TEXT NOT NULL DEFAULT '[]'   -- JSON: refunds it created or changed, or of its orders
);

-- The figures of every stock item as of figures_day (stock_state): what the stock sheet
-- pages, sorts and filters in SQL. Recomputed whole (internal/stock figures.go).
CREATE TABLE stock_figure (
    stock_item_id   INTEGER PRIMARY KEY REFERENCES stock_item (id) ON DELETE CASCADE,
    on_hand         INTEGER NOT NULL,
    known           INTEGER NOT NULL,       -- 1 when the item has a stock movement
    avg7            REAL NOT NULL,
    avg14           REAL NOT NULL,
    avg30           REAL NOT NULL,
    avg_window      REAL NOT NULL,
    days_left       REAL,                   -- NULL: nothing sold in the window
    reorder_qty     INTEGER NOT NULL,
    status          TEXT NOT NULL,
    status_order    INTEGER NOT NULL,
    value_fen       INTEGER NOT NULL,
    sold_rank       INTEGER NOT NULL,       -- net units over the rank window
    margin_fen      INTEGER NOT NULL,
    rank_units      TEXT NOT NULL,
    rank_margin     TEXT NOT NULL,
    last_sale_at    TEXT NOT NULL,
    returned_window INTEGER NOT NULL
);
-- No index besides the key: the sheet sorts by expressions (days left with nothing sold
-- last) over at most tens of thousands of rows, which SQLite sorts in milliseconds, while
-- four more indexes doubled the time of writing every figure (BenchmarkStockSheet).

-- One row: the day and settings stock_figure was computed with.
CREATE TABLE stock_state (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    figures_day  TEXT NOT NULL DEFAULT '',
    figures_key  TEXT NOT NULL DEFAULT '',
    computed_at  TEXT NOT NULL DEFAULT ''
);
INSERT INTO stock_state (id) VALUES (1);

-- +goose Down
DROP TABLE stock_state;
DROP TABLE stock_figure;
DROP TABLE stock_sync;
DROP TABLE stock_return;
DROP TABLE stock_line;
DROP TABLE stock_count;
DROP TABLE stock_move;
DROP TABLE stock_listing;
DROP TABLE stock_item_change;
DROP TABLE stock_item;
