-- +goose Up
-- The inquiry and deal register (询盘成交登记, issue 10): one row per inquiry, the editable
-- lists its entry offers, the follow-ups (跟进 and the 1-3-10-30 回访 plan) and the orders
-- proposed as deals. Days and times of inquiries are the shop's local wall time, as typed;
-- *_utc columns are times Shopdesk records itself (UTC 'YYYY-MM-DD HH:MM:SS').

-- The editable lists: customer types, channels, no-deal reasons, deal types. Rows keep
-- their name as text in the register (what was typed stays as typed, even after a rename
-- or removal of the list entry); a list only offers and orders the choices.
CREATE TABLE inquiry_option (
    id       INTEGER PRIMARY KEY,
    list     TEXT NOT NULL CHECK (list IN ('customer_type', 'channel', 'reason', 'deal_type')),
    name     TEXT NOT NULL CHECK (trim(name) <> ''),
    position INTEGER NOT NULL DEFAULT 0,
    active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (list, name)
);
INSERT INTO inquiry_option (list, name, position) VALUES
    ('customer_type', '零售', 1), ('customer_type', '批发', 2), ('customer_type', '分销', 3), ('customer_type', '代理', 4),
    ('channel', '旺旺/千牛', 1), ('channel', '微信', 2), ('channel', '电话', 3), ('channel', 'QQ', 4),
    ('channel', '1688询盘', 5), ('channel', '抖音', 6),
    ('reason', '价格', 1), ('reason', '运费', 2), ('reason', '发货时间', 3), ('reason', '缺货', 4),
    ('reason', '质量顾虑', 5), ('reason', '只是问问', 6), ('reason', '选了别家', 7),
    ('deal_type', '零售', 1), ('deal_type', '批发', 2), ('deal_type', '代发', 3), ('deal_type', '拿样', 4);

-- One inquiry. shop_id has no foreign key (like complaint.shop_id): undoing the import that
-- created a shop removes the shop, and the register must survive that; 0 = no shop (a WeChat
-- or phone inquiry). outcome: 'deal' 成交, 'no_deal' 未成交, 'pending' 跟进中; reason is
-- required for 'no_deal' (internal/inquiry enforces it; '未填写' marks an imported row whose
-- sheet had none, listed for completion). products holds the products asked about joined
-- by '、' as shown; inquiry_product has them one per row for the analysis.
-- deal_*: the order that made it a deal (confirmed from inquiry_match), '' when typed by hand.
-- flagged_by: the agent who flagged (插旗) the order; chased_by: the agent who chased the
-- unpaid order while its agent was offline (credit rules, internal/inquiry/credit.go).
-- batch_id: the import that wrote the row (undo removes it); NULL for rows typed or pasted.
CREATE TABLE inquiry (
    id             INTEGER PRIMARY KEY,
    asked_on       TEXT NOT NULL CHECK (asked_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    asked_time     TEXT NOT NULL DEFAULT '',     -- 'HH:MM' or ''
    shop_id        INTEGER NOT NULL DEFAULT 0,
    customer       TEXT NOT NULL CHECK (trim(customer) <> ''),
    customer_type  TEXT NOT NULL DEFAULT '',
    channel        TEXT NOT NULL CHECK (trim(channel) <> ''),
    products       TEXT NOT NULL DEFAULT '',
    region         TEXT NOT NULL DEFAULT '',
    agent_id       INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    outcome        TEXT NOT NULL CHECK (outcome IN ('deal', 'no_deal', 'pending')),
    deal_type      TEXT NOT NULL DEFAULT '',
    amount_fen     INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
    reason         TEXT NOT NULL DEFAULT '',
    follow_note    TEXT NOT NULL DEFAULT '',     -- 跟进情况 / 未成交后期的跟进情况
    next_follow_on TEXT NOT NULL DEFAULT '',     -- 'YYYY-MM-DD' or ''
    note           TEXT NOT NULL DEFAULT '',
    deal_shop_id   INTEGER NOT NULL DEFAULT 0,
    deal_order_no  TEXT NOT NULL DEFAULT '',
    deal_on        TEXT NOT NULL DEFAULT '',     -- the day the deal counts on (order paid; else asked_on)
    flagged_by     INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    chased_by      INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    batch_id       INTEGER REFERENCES import_batch (id),
    edited         INTEGER NOT NULL DEFAULT 0,   -- changed since it was written (undo of its import says so)
    created_utc    TEXT NOT NULL,
    updated_utc    TEXT NOT NULL,
    CHECK (outcome <> 'no_deal' OR trim(reason) <> '')
);
CREATE INDEX inquiry_asked ON inquiry (asked_on);
CREATE INDEX inquiry_customer ON inquiry (customer, asked_on);
CREATE INDEX inquiry_open ON inquiry (asked_on) WHERE outcome IN ('pending', 'no_deal');
CREATE INDEX inquiry_deal_on ON inquiry (deal_on) WHERE outcome = 'deal';
CREATE INDEX inquiry_batch ON inquiry (batch_id) WHERE batch_id IS NOT NULL;

CREATE TABLE inquiry_product (
    inquiry_id INTEGER NOT NULL REFERENCES inquiry (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    product    TEXT NOT NULL,
    PRIMARY KEY (inquiry_id, position)
) WITHOUT ROWID;
CREATE INDEX inquiry_product_name ON inquiry_product (product);

-- The analysis reads counts, not rows: inquiry_stat holds, per day (grain 'd') and per month
-- (grain 'm'), the number of inquiries and the deals' amount of each outcome for each value
-- of each dimension (dim: all, channel, agent (staff id as text, '0' none), type, region,
-- reason, product ('' = no product)). A period's figures add up its whole months and the
-- days at its two ends: a year of 100,000 inquiries is a few thousand rows (measured: a
-- GROUP BY over the rows themselves took 180 ms per dimension through modernc, reading
-- them into Go 230 ms; BenchmarkStats in internal/inquiry). Triggers keep it exact on
-- every write, whoever writes (entry, paste, the import handler, list renames).
CREATE TABLE inquiry_stat (
    dim        TEXT NOT NULL,
    grain      TEXT NOT NULL CHECK (grain IN ('d', 'm')),
    period     TEXT NOT NULL,   -- 'YYYY-MM-DD' (grain d) or 'YYYY-MM' (grain m)
    val        TEXT NOT NULL,   -- the dimension's value
    outcome    TEXT NOT NULL,
    n          INTEGER NOT NULL,
    amount_fen INTEGER NOT NULL,
    PRIMARY KEY (dim, grain, period, val, outcome)
) WITHOUT ROWID;

-- +goose StatementBegin
CREATE TRIGGER inquiry_stat_insert AFTER INSERT ON inquiry BEGIN
    INSERT INTO inquiry_stat (dim, grain, period, val, outcome, n, amount_fen)
    SELECT d.dim, g.grain, CASE g.grain WHEN 'd' THEN NEW.asked_on ELSE substr(NEW.asked_on, 1, 7) END, d.val,
           NEW.outcome, 1, NEW.amount_fen
    FROM (SELECT 'all' AS dim, '' AS val UNION ALL SELECT 'channel', NEW.channel
          UNION ALL SELECT 'agent', CAST(coalesce(NEW.agent_id, 0) AS TEXT) UNION ALL SELECT 'type', NEW.customer_type
          UNION ALL SELECT 'region', NEW.region UNION ALL SELECT 'reason', NEW.reason
          UNION ALL SELECT 'product', '' WHERE NEW.products = '') AS d,
         (SELECT 'd' AS grain UNION ALL SELECT 'm') AS g
    WHERE true
    ON CONFLICT (dim, grain, period, val, outcome) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER inquiry_stat_update AFTER UPDATE OF asked_on, outcome, channel, agent_id, customer_type, region, reason, amount_fen, products ON inquiry BEGIN
    INSERT INTO inquiry_stat (dim, grain, period, val, outcome, n, amount_fen)
    SELECT d.dim, g.grain, CASE g.grain WHEN 'd' THEN OLD.asked_on ELSE substr(OLD.asked_on, 1, 7) END, d.val,
           OLD.outcome, -1, -OLD.amount_fen
    FROM (SELECT 'all' AS dim, '' AS val UNION ALL SELECT 'channel', OLD.channel
          UNION ALL SELECT 'agent', CAST(coalesce(OLD.agent_id, 0) AS TEXT) UNION ALL SELECT 'type', OLD.customer_type
          UNION ALL SELECT 'region', OLD.region UNION ALL SELECT 'reason', OLD.reason
          UNION ALL SELECT 'product', '' WHERE OLD.products = '') AS d,
         (SELECT 'd' AS grain UNION ALL SELECT 'm') AS g
    WHERE true
    ON CONFLICT (dim, grain, period, val, outcome) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
    INSERT INTO inquiry_stat (dim, grain, period, val, outcome, n, amount_fen)
    SELECT d.dim, g.grain, CASE g.grain WHEN 'd' THEN NEW.asked_on ELSE substr(NEW.asked_on, 1, 7) END, d.val,
           NEW.outcome, 1, NEW.amount_fen
    FROM (SELECT 'all' AS dim, '' AS val UNION ALL SELECT 'channel', NEW.channel
          UNION ALL SELECT 'agent', CAST(coalesce(NEW.agent_id, 0) AS TEXT) UNION ALL SELECT 'type', NEW.customer_type
          UNION ALL SELECT 'region', NEW.region UNION ALL SELECT 'reason', NEW.reason
          UNION ALL SELECT 'product', '' WHERE NEW.products = '') AS d,
         (SELECT 'd' AS grain UNION ALL SELECT 'm') AS g
    WHERE true
    ON CONFLICT (dim, grain, period, val, outcome) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
    INSERT INTO inquiry_stat (dim, grain, period, val, outcome, n, amount_fen)
    SELECT 'product', g.grain, CASE g.grain WHEN 'd' THEN OLD.asked_on ELSE substr(OLD.asked_on, 1, 7) END, p.product,
           OLD.outcome, -1, -OLD.amount_fen
    FROM inquiry_product AS p, (SELECT 'd' AS grain UNION ALL SELECT 'm') AS g
    WHERE p.inquiry_id = NEW.id AND (OLD.asked_on <> NEW.asked_on OR OLD.outcome <> NEW.outcome OR OLD.amount_fen <> NEW.amount_fen)
    ON CONFLICT (dim, grain, period, val, outcome) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
    INSERT INTO inquiry_stat (dim, grain, period, val, outcome, n, amount_fen)
    SELECT 'product', g.grain, CASE g.grain WHEN 'd' THEN NEW.asked_on ELSE substr(NEW.asked_on, 1, 7) END, p.product,
           NEW.outcome, 1, NEW.amount_fen
    FROM inquiry_product AS p, (SELECT 'd' AS grain UNION ALL SELECT 'm') AS g
    WHERE p.inquiry_id = NEW.id AND (OLD.asked_on <> NEW.asked_on OR OLD.outcome <> NEW.outcome OR OLD.amount_fen <> NEW.amount_fen)
    ON CONFLICT (dim, grain, period, val, outcome) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
END;
-- +goose StatementEnd

-- Products go before their inquiry, while it is there to say the day and outcome.
-- +goose StatementBegin
CREATE TRIGGER inquiry_stat_delete_products BEFORE DELETE ON inquiry BEGIN
    DELETE FROM inquiry_product WHERE inquiry_id = OLD.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER inquiry_stat_delete AFTER DELETE ON inquiry BEGIN
    INSERT INTO inquiry_stat (dim, grain, period, val, outcome, n, amount_fen)
    SELECT d.dim, g.grain, CASE g.grain WHEN 'd' THEN OLD.asked_on ELSE substr(OLD.asked_on, 1, 7) END, d.val,
           OLD.outcome, -1, -OLD.amount_fen
    FROM (SELECT 'all' AS dim, '' AS val UNION ALL SELECT 'channel', OLD.channel
          UNION ALL SELECT 'agent', CAST(coalesce(OLD.agent_id, 0) AS TEXT) UNION ALL SELECT 'type', OLD.customer_type
          UNION ALL SELECT 'region', OLD.region UNION ALL SELECT 'reason', OLD.reason
          UNION ALL SELECT 'product', '' WHERE OLD.products = '') AS d,
         (SELECT 'd' AS grain UNION ALL SELECT 'm') AS g
    WHERE true
    ON CONFLICT (dim, grain, period, val, outcome) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER inquiry_stat_product_insert AFTER INSERT ON inquiry_product BEGIN
    INSERT INTO inquiry_stat (dim, grain, period, val, outcome, n, amount_fen)
    SELECT 'product', g.grain, CASE g.grain WHEN 'd' THEN i.asked_on ELSE substr(i.asked_on, 1, 7) END, p.product,
           i.outcome, 1, i.amount_fen
    FROM inquiry AS i, (SELECT NEW.product AS product) AS p, (SELECT 'd' AS grain UNION ALL SELECT 'm') AS g
    WHERE i.id = NEW.inquiry_id
    ON CONFLICT (dim, grain, period, val, outcome) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER inquiry_stat_product_delete AFTER DELETE ON inquiry_product BEGIN
    INSERT INTO inquiry_stat (dim, grain, period, val, outcome, n, amount_fen)
    SELECT 'product', g.grain, CASE g.grain WHEN 'd' THEN i.asked_on ELSE substr(i.asked_on, 1, 7) END, p.product,
           i.outcome, -1, -i.amount_fen
    FROM inquiry AS i, (SELECT OLD.product AS product) AS p, (SELECT 'd' AS grain UNION ALL SELECT 'm') AS g
    WHERE i.id = OLD.inquiry_id
    ON CONFLICT (dim, grain, period, val, outcome) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
END;
-- +goose StatementEnd

-- Follow-ups: kind 'follow_up' (an inquiry's next follow-up date) or 'revisit' (the
-- 1-3-10-30 plan after a new customer's first deal; step = the day number). Never two for
-- the same thing on the same day: one row per customer, kind and day, whatever its state.
CREATE TABLE inquiry_follow_up (
    id          INTEGER PRIMARY KEY,
    customer    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('follow_up', 'revisit')),
    due_on      TEXT NOT NULL,
    step        INTEGER NOT NULL DEFAULT 0,
    inquiry_id  INTEGER REFERENCES inquiry (id) ON DELETE CASCADE,
    agent_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'canceled')),
    note        TEXT NOT NULL DEFAULT '',     -- what was said
    done_by     INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    done_utc    TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL,
    UNIQUE (customer, kind, due_on)
);
CREATE INDEX inquiry_follow_up_due ON inquiry_follow_up (due_on) WHERE state = 'open';
CREATE INDEX inquiry_follow_up_inquiry ON inquiry_follow_up (inquiry_id);

-- Orders proposed as an inquiry's deal (the order's buyer is the inquiry's customer, within
-- N days). Keyed by shop and order number, not orders.id (an undone import deletes orders,
-- a re-import makes new ids). state: 'proposed', 'confirmed', 'rejected' (never proposed
-- again). prev_*: the inquiry as it was before the confirmation, for taking it back.
CREATE TABLE inquiry_match (
    id              INTEGER PRIMARY KEY,
    inquiry_id      INTEGER NOT NULL REFERENCES inquiry (id) ON DELETE CASCADE,
    shop_id         INTEGER NOT NULL,
    order_no        TEXT NOT NULL,
    order_created   TEXT NOT NULL,
    order_paid      TEXT NOT NULL DEFAULT '',
    amount_fen      INTEGER NOT NULL,
    state           TEXT NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'confirmed', 'rejected')),
    auto            INTEGER NOT NULL DEFAULT 0,   -- confirmed by the auto-confirm setting
    prev_outcome    TEXT NOT NULL DEFAULT '',
    prev_amount_fen INTEGER NOT NULL DEFAULT 0,
    prev_deal_on    TEXT NOT NULL DEFAULT '',
    proposed_utc    TEXT NOT NULL,
    decided_utc     TEXT NOT NULL DEFAULT '',
    decided_by      INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    UNIQUE (inquiry_id, shop_id, order_no)
);
CREATE INDEX inquiry_match_order ON inquiry_match (shop_id, order_no);
CREATE INDEX inquiry_match_state ON inquiry_match (state);

-- +goose Down
DROP TABLE inquiry_match;
DROP TABLE inquiry_follow_up;
DROP TABLE inquiry_stat;
DROP TABLE inquiry_product;
DROP TABLE inquiry;
DROP TABLE inquiry_option;
