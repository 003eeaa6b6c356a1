-- +goose Up
-- Order anomalies (订单异常, issue 4), the settings their rules read (设置) and the staff
-- who own them. Times Shopdesk records itself (*_at of these tables, unless noted) are UTC
-- 'YYYY-MM-DD HH:MM:SS'; times that come from orders (since, deadline, received_at) are the
-- shop's local wall time, like the orders they describe.

-- A threshold the user changed. A key without a row has its default, which lives in code
-- (internal/settings) next to its unit, range and meaning.
CREATE TABLE setting (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- The people of the shop. The staff module (rota, attendance, pay) extends this table:
-- its own tables refer to staff.id (shifts, attendance, pay levels) and it may add columns.
-- Rows are deactivated, never deleted, so that history keeps the names it refers to.
CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (trim(name) <> ''),
    -- 老板 owner, 运营 operations, 客服 售前/售中/售后, 仓库/发货 warehouse, 美工 designer
    role       TEXT NOT NULL CHECK (role IN ('owner', 'operations', 'cs_presale', 'cs_insale',
                                             'cs_aftersale', 'warehouse', 'designer')),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX staff_name ON staff (name);

-- The complaints register (投诉登记), entered by hand. shop_id has no foreign key, like
-- anomaly.shop_id: undoing the import that created a shop removes the shop, and what the
-- user wrote must survive that (platform and shop_name find the shop again when it is
-- imported anew).
CREATE TABLE complaint (
    id          INTEGER PRIMARY KEY,
    shop_id     INTEGER NOT NULL,
    platform    TEXT NOT NULL,
    shop_name   TEXT NOT NULL,
    order_no    TEXT NOT NULL DEFAULT '',
    buyer       TEXT NOT NULL DEFAULT '',
    channel     TEXT NOT NULL CHECK (channel IN ('platform', 'chat', 'phone', 'wechat', 'regulator', 'other')),
    severity    TEXT NOT NULL CHECK (severity IN ('normal', 'serious', 'urgent')),
    content     TEXT NOT NULL CHECK (trim(content) <> ''),
    received_at TEXT NOT NULL,                -- shop-local: the 24 h to handle it start here
    created_by  INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    deleted_at  TEXT NOT NULL DEFAULT ''      -- entered by mistake: kept, no longer an anomaly
);

-- One anomaly per order, rule and subject (a refund number, a complaint; '' for most).
-- The rules (internal/anomaly) find them; the user owns the workflow columns (state, owner)
-- and the events. Keyed by shop and order number, not by orders.id: an undone import
-- deletes its orders, a re-import creates them again with new ids, and the notes stay.
--   rule    the stable rule id (overdue_shipment, refund, ...)
--   kind    what the rule says now: rule, or due_soon for an overdue_shipment not yet late
--   active  1 while the rule still finds it; 0 once the data or the time cleared it
--   resolution  who resolved it: 'user', or 'auto' when the data cleared it
CREATE TABLE anomaly (
    id             INTEGER PRIMARY KEY,
    rule           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    shop_id        INTEGER NOT NULL,
    platform       TEXT NOT NULL,
    shop_name      TEXT NOT NULL,
    order_no       TEXT NOT NULL,
    subject        TEXT NOT NULL DEFAULT '',
    order_id       INTEGER,                   -- the order as last seen (no foreign key, see above)
    since          TEXT NOT NULL DEFAULT '',  -- shop-local: when the problem started
    deadline       TEXT NOT NULL DEFAULT '',  -- shop-local: by when it must be handled; '' none
    basis          TEXT NOT NULL DEFAULT '',  -- how since/deadline were found (promised, paid_plus, ...)
    detail         TEXT NOT NULL DEFAULT '',  -- the fact the rule saw (message, refund status, ...)
    amount_fen     INTEGER NOT NULL DEFAULT 0,
    fingerprint    TEXT NOT NULL DEFAULT '',  -- a change reopens a resolved anomaly
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    state          TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'in_progress', 'resolved', 'ignored')),
    resolution     TEXT NOT NULL DEFAULT '' CHECK (resolution IN ('', 'user', 'auto')),
    owner_id       INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    cleared_reason TEXT NOT NULL DEFAULT '',  -- why the data cleared it (order_gone, status, ...)
    cleared_detail TEXT NOT NULL DEFAULT '',
    detected_at    TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (order_no, shop_id, rule, subject)
);
CREATE INDEX anomaly_active ON anomaly (shop_id) WHERE active = 1;
CREATE INDEX anomaly_state ON anomaly (state, kind, shop_id);
CREATE INDEX anomaly_owner ON anomaly (owner_id) WHERE owner_id IS NOT NULL;

-- Who changed what when: state, owner, notes, and what the rules did on their own.
-- actor_name keeps the name as it was; '' with no actor_id is 店务台 itself.
CREATE TABLE anomaly_event (
    id         INTEGER PRIMARY KEY,
    anomaly_id INTEGER NOT NULL REFERENCES anomaly (id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    actor_id   INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    actor_name TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL,                 -- state, owner, note, auto_resolved, reopened, escalated
    old_value  TEXT NOT NULL DEFAULT '',
    new_value  TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX anomaly_event_anomaly ON anomaly_event (anomaly_id, id);

-- The rules read few orders of a big table; these partial indexes hold only those
-- (to_ship, shipped and unpaid orders are found through orders_status_created).
CREATE INDEX orders_closed_paid ON orders (paid_at) WHERE status = 'closed' AND paid_at <> '';
CREATE INDEX orders_late_comp ON orders (shop_id) WHERE late_ship_comp <> 0 OR late_ship_comp_fen <> 0;
CREATE INDEX orders_refund_open ON orders (shop_id) WHERE refund_fen > 0 AND status IN ('to_ship', 'shipped');
CREATE INDEX order_item_refund ON order_item (order_id) WHERE refund_status <> '';

-- +goose Down
DROP INDEX order_item_refund;
DROP INDEX orders_refund_open;
DROP INDEX orders_late_comp;
DROP INDEX orders_closed_paid;
DROP TABLE anomaly_event;
DROP TABLE anomaly;
DROP TABLE complaint;
DROP TABLE staff;
DROP TABLE setting;
