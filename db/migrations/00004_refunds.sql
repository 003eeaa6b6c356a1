-- +goose Up
-- Refunds and after-sales (退款 / 售后) from the platforms' refund exports (issue 3): the
-- Taobao/Tmall 退款报表, the 拼多多 售后 export. A refund belongs to an order through
-- (shop_id, order_no); the order may be imported later or never, so there is no foreign key
-- to orders: read them joined on (shop_id, order_no).
--
-- status is normalised (importer layouts.json "refund_statuses"):
--   'open'     the refund or after-sale is still being handled (needs the seller),
--   'refunded' the money went back / the after-sale is done,
--   'closed'   cancelled, rejected or withdrawn.
-- status_text and kind keep the platform's own words (买家已经申请退款，等待卖家同意; 仅退款,
-- 退货退款, 换货 …). Times are shop-local 'YYYY-MM-DD HH:MM:SS', '' when the export has none.
CREATE TABLE refund (
    id                 INTEGER PRIMARY KEY,
    shop_id            INTEGER NOT NULL REFERENCES shop (id),
    refund_no          TEXT NOT NULL,               -- 退款编号 / 售后编号, exact text
    order_no           TEXT NOT NULL,               -- exact text, as orders.order_no
    sub_order_no       TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL CHECK (status IN ('open', 'refunded', 'closed')),
    status_text        TEXT NOT NULL DEFAULT '',
    kind               TEXT NOT NULL DEFAULT '',
    amount_fen         INTEGER NOT NULL DEFAULT 0,  -- the amount the buyer asks back (买家退款金额)
    applied_at         TEXT NOT NULL DEFAULT '',
    deadline_at        TEXT NOT NULL DEFAULT '',    -- 超时时间 / 商家处理截止时间
    goods_status       TEXT NOT NULL DEFAULT '',    -- 货物状态 (买家已收到货 …)
    return_tracking_no TEXT NOT NULL DEFAULT '',
    return_carrier     TEXT NOT NULL DEFAULT '',
    reason             TEXT NOT NULL DEFAULT '',
    title              TEXT NOT NULL DEFAULT '',    -- the product the refund is about
    sku_code           TEXT NOT NULL DEFAULT '',    -- 商家编码
    finished_at        TEXT NOT NULL DEFAULT '',    -- 退款完结时间
    first_batch_id     INTEGER NOT NULL REFERENCES import_batch (id),
    last_batch_id      INTEGER NOT NULL REFERENCES import_batch (id),
    UNIQUE (shop_id, refund_no)
);
CREATE INDEX refund_shop_order ON refund (shop_id, order_no);
CREATE INDEX refund_status_deadline ON refund (status, deadline_at);
CREATE INDEX refund_first_batch ON refund (first_batch_id);
CREATE INDEX refund_last_batch ON refund (last_batch_id);

-- Every change an import made to a stored refund, with the batch that saw it, as
-- order_change does for orders. field is the refund column that changed (status,
-- status_text, amount_fen, deadline_at, return_tracking_no, …); old_value and new_value are
-- its text (integers in decimal). A change of the normalised status is its own row
-- (field 'status'), next to the change of the platform's words (field 'status_text').
CREATE TABLE refund_change (
    id        INTEGER PRIMARY KEY,
    refund_id INTEGER NOT NULL REFERENCES refund (id) ON DELETE CASCADE,
    batch_id  INTEGER NOT NULL REFERENCES import_batch (id),
    field     TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL
);
CREATE INDEX refund_change_refund ON refund_change (refund_id, id);
CREATE INDEX refund_change_batch ON refund_change (batch_id);

-- +goose Down
DROP TABLE refund_change;
DROP TABLE refund;
