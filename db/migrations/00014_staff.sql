-- +goose Up
-- Staff, rota, attendance and monthly pay (排班、考勤、工资, issue 11). Extends the staff list
-- of 00006. Conventions of these tables:
--   day       a shop-local date 'YYYY-MM-DD' (the day a shift starts on)
--   at        a shop-local wall time 'YYYY-MM-DD HH:MM:SS' (Asia/Shanghai by default), the
--             way attendance exports write it and the way the rules compare it
--   *_at      other times Shopdesk records itself (recorded_at, created_at, ...) are UTC
--   month     'YYYY-MM'
--   *_fen     money in integer fen
--   batch_id  the import that wrote the row (the later rota and punch import kinds); undoing
--             the import removes what it added

-- Pay levels (初级 1500, 中级 1800, 高级 2200, 客户经理 2700 by default; editable).
CREATE TABLE pay_level (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (trim(name) <> ''),
    base_fen   INTEGER NOT NULL CHECK (base_fen >= 0),
    sort       INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX pay_level_name ON pay_level (name);
INSERT INTO pay_level (name, base_fen, sort, created_at, updated_at) VALUES
    ('初级', 150000, 1, datetime('now'), datetime('now')),
    ('中级', 180000, 2, datetime('now'), datetime('now')),
    ('高级', 220000, 3, datetime('now'), datetime('now')),
    ('客户经理', 270000, 4, datetime('now'), datetime('now'));

-- The person's pay level (NULL: not on the payroll, e.g. the owner), the clock-in PIN as a
-- salted hash (never the PIN), failed PIN attempts (throttled), and the employment dates
-- ('' = not given: a staff member without a joined date is paid for the whole month).
ALTER TABLE staff ADD COLUMN level_id INTEGER REFERENCES pay_level (id);
ALTER TABLE staff ADD COLUMN pin_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN pin_locked_until TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN joined_on TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN left_on TEXT NOT NULL DEFAULT '';
-- A person a rota or punch import added (names not yet in the list): undoing it removes them.
ALTER TABLE staff ADD COLUMN created_batch_id INTEGER REFERENCES import_batch (id) ON DELETE SET NULL;

-- Platform sub-account names (淘宝 子账号 "店铺:小王", 京东 咚咚 account, ...) that match a
-- person in imported chat and credit data. One account belongs to one person.
CREATE TABLE staff_account (
    account  TEXT PRIMARY KEY CHECK (trim(account) <> ''),
    staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE
);
CREATE INDEX staff_account_staff ON staff_account (staff_id);

-- Shift templates. Minutes from the start day's midnight: a shift crossing midnight ends
-- after 1440 (值班 17:00-02:00 is 1020-1560), 24:00 is 1440. Shifts are deactivated, never
-- deleted: old rotas keep them. need: how many people the rota check wants on it each day.
CREATE TABLE shift (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (trim(name) <> ''),
    short      TEXT NOT NULL CHECK (trim(short) <> ''),
    start_min  INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
    end_min    INTEGER NOT NULL CHECK (end_min > start_min AND end_min - start_min <= 1440),
    need       INTEGER NOT NULL DEFAULT 1 CHECK (need >= 0),
    sort       INTEGER NOT NULL DEFAULT 0,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX shift_name ON shift (name);
CREATE UNIQUE INDEX shift_short ON shift (short);
INSERT INTO shift (name, short, start_min, end_min, need, sort, created_at, updated_at) VALUES
    ('白班', '白', 510, 1050, 1, 1, datetime('now'), datetime('now')),
    ('晚班', '晚', 1020, 1440, 1, 2, datetime('now'), datetime('now')),
    ('值班', '值', 1020, 1560, 0, 3, datetime('now'), datetime('now'));

-- The rota (排班表): a cell (person, day) holds shifts, or one row with shift_id NULL for
-- 休 (a rest day). No row: not planned.
CREATE TABLE rota_entry (
    id         INTEGER PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff (id),
    day        TEXT NOT NULL,
    shift_id   INTEGER REFERENCES shift (id),
    batch_id   INTEGER REFERENCES import_batch (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX rota_entry_cell ON rota_entry (staff_id, day, coalesce(shift_id, 0));
CREATE INDEX rota_entry_day ON rota_entry (day);

-- Every change of a rota cell, with the value before: the history, and what undoing an
-- import (batch_id) puts back. Values: '' not planned, 'rest', or shift ids '1,2'.
CREATE TABLE rota_change (
    id        INTEGER PRIMARY KEY,
    staff_id  INTEGER NOT NULL REFERENCES staff (id),
    day       TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    source    TEXT NOT NULL CHECK (source IN ('edit', 'swap', 'copy', 'import', 'undo')),
    batch_id  INTEGER,
    at        TEXT NOT NULL
);
CREATE INDEX rota_change_batch ON rota_change (batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX rota_change_cell ON rota_change (staff_id, day);

-- Punches (打卡). kind '' is a raw punch of an attendance export (in or out is decided by
-- the shift it falls in). source: clock (in the app, with name and PIN), import,
-- correction (added by the owner). A correction never deletes: it voids the punch
-- (voided_at) and, for a change, adds the new one.
CREATE TABLE punch (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('in', 'out', '')),
    source      TEXT NOT NULL CHECK (source IN ('clock', 'import', 'correction')),
    note        TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,                 -- UTC machine time the punch was recorded
    batch_id    INTEGER REFERENCES import_batch (id) ON DELETE CASCADE,
    voided_at   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX punch_staff_at ON punch (staff_id, at);
CREATE INDEX punch_at ON punch (at);
CREATE INDEX punch_batch ON punch (batch_id) WHERE batch_id IS NOT NULL;

-- Corrections by the owner, with the reason: the history of every punch.
CREATE TABLE punch_correction (
    id           INTEGER PRIMARY KEY,
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    action       TEXT NOT NULL CHECK (action IN ('add', 'change', 'delete')),
    old_punch_id INTEGER REFERENCES punch (id) ON DELETE SET NULL,
    new_punch_id INTEGER REFERENCES punch (id) ON DELETE SET NULL,
    old_at       TEXT NOT NULL DEFAULT '',
    old_kind     TEXT NOT NULL DEFAULT '',
    new_at       TEXT NOT NULL DEFAULT '',
    new_kind     TEXT NOT NULL DEFAULT '',
    reason       TEXT NOT NULL CHECK (trim(reason) <> ''),
    owner_id     INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    owner_name   TEXT NOT NULL,
    at           TEXT NOT NULL
);
CREATE INDEX punch_correction_staff ON punch_correction (staff_id, id);

-- Leave (请假): sick, personal, annual, swap (调休); days inclusive. Cancelled, not deleted.
CREATE TABLE staff_leave (
    id            INTEGER PRIMARY KEY,
    staff_id      INTEGER NOT NULL REFERENCES staff (id),
    type          TEXT NOT NULL CHECK (type IN ('sick', 'personal', 'annual', 'swap')),
    from_day      TEXT NOT NULL,
    to_day        TEXT NOT NULL CHECK (to_day >= from_day),
    approved_by   INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    approved_name TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    cancelled_at  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX staff_leave_days ON staff_leave (from_day, to_day);

-- Shift swaps (调班) between two people on a day: their cells are exchanged (rota_change
-- keeps the values before, source 'swap').
CREATE TABLE shift_swap (
    id            INTEGER PRIMARY KEY,
    day           TEXT NOT NULL,
    staff_a       INTEGER NOT NULL REFERENCES staff (id),
    staff_b       INTEGER NOT NULL REFERENCES staff (id),
    cell_a        TEXT NOT NULL,               -- a's cell before the swap (b's after)
    cell_b        TEXT NOT NULL,
    approved_by   INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    approved_name TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);
CREATE INDEX shift_swap_day ON shift_swap (day);

-- The handover book (交接本): what is pending at the end of a shift; the next shift
-- acknowledges it.
CREATE TABLE handover (
    id          INTEGER PRIMARY KEY,
    day         TEXT NOT NULL,
    shift_id    INTEGER REFERENCES shift (id),
    writer_id   INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    writer_name TEXT NOT NULL,
    orders      TEXT NOT NULL DEFAULT '',
    buyers      TEXT NOT NULL DEFAULT '',
    anomalies   TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    written_at  TEXT NOT NULL,
    ack_by      INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    ack_name    TEXT NOT NULL DEFAULT '',
    ack_at      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX handover_open ON handover (id) WHERE ack_at = '';

-- Service penalties of a month (客服考核), entered or imported: missed 2-minute replies
-- (slow_reply, a count), no reply in 30 minutes, in 2 hours, away while online 2 hours.
CREATE TABLE service_incident (
    id         INTEGER PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff (id),
    day        TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('slow_reply', 'no_reply_30m', 'no_reply_2h', 'away_2h')),
    count      INTEGER NOT NULL DEFAULT 1 CHECK (count > 0),
    note       TEXT NOT NULL DEFAULT '',
    batch_id   INTEGER REFERENCES import_batch (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
CREATE INDEX service_incident_day ON service_incident (day);

-- What the owner enters per person and month: the team score (0-100; NULL not entered).
CREATE TABLE pay_input (
    month      TEXT NOT NULL,
    staff_id   INTEGER NOT NULL REFERENCES staff (id),
    team_score INTEGER CHECK (team_score BETWEEN 0 AND 100),
    set_by     TEXT NOT NULL DEFAULT '',
    set_at     TEXT NOT NULL,
    PRIMARY KEY (month, staff_id)
);

-- A closed month: its payslips as they were at closing (JSON), frozen. Reopening deletes
-- the row; pay_month_event keeps both, with who and why.
CREATE TABLE pay_month (
    month       TEXT PRIMARY KEY,
    closed_at   TEXT NOT NULL,
    closed_by   INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    closed_name TEXT NOT NULL,
    payslips    TEXT NOT NULL
);
CREATE TABLE pay_month_event (
    id         INTEGER PRIMARY KEY,
    month      TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
    actor_id   INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    actor_name TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    payslips   TEXT NOT NULL DEFAULT '',      -- the payslips closed (close) or set aside (reopen)
    at         TEXT NOT NULL
);
CREATE INDEX pay_month_event_month ON pay_month_event (month, id);

-- +goose Down
DROP TABLE pay_month_event;
DROP TABLE pay_month;
DROP TABLE pay_input;
DROP TABLE service_incident;
DROP TABLE handover;
DROP TABLE shift_swap;
DROP TABLE staff_leave;
DROP TABLE punch_correction;
DROP TABLE punch;
DROP TABLE rota_change;
DROP TABLE rota_entry;
DROP TABLE shift;
DROP TABLE staff_account;
ALTER TABLE staff DROP COLUMN created_batch_id;
ALTER TABLE staff DROP COLUMN left_on;
ALTER TABLE staff DROP COLUMN joined_on;
ALTER TABLE staff DROP COLUMN pin_locked_until;
ALTER TABLE staff DROP COLUMN pin_failures;
ALTER TABLE staff DROP COLUMN pin_hash;
ALTER TABLE staff DROP COLUMN level_id;
DROP TABLE pay_level;
