-- +goose Up
-- Today's checklist (issue 12). Comments stay ASCII (sqlc).
--
-- checklist_task: the recurring items the seller defines (check the ad spend, sign up for
-- campaigns, call the supplier). repeat: daily; weekly on weekday (0 Sunday .. 6 Saturday);
-- monthly on month_day (1..31; a month without that day has it on its last day).
CREATE TABLE checklist_task (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL CHECK (trim(title) <> ''),
    repeat     TEXT NOT NULL CHECK (repeat IN ('daily', 'weekly', 'monthly')),
    weekday    INTEGER NOT NULL DEFAULT 0 CHECK (weekday BETWEEN 0 AND 6),
    month_day  INTEGER NOT NULL DEFAULT 1 CHECK (month_day BETWEEN 1 AND 31),
    owner_id   INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
);

-- checklist_item: one line of one day's list, kept so that past days can be opened as they
-- were (what was on the list, what was done, by whom and when). Generated lines are keyed
-- by what they count (anomaly.refund, orders.day.<shop>, stock.reorder, task.<id> ...):
-- generating the day again updates their counts and leaves the ticks alone.
-- state: open; done (ticked by done_by); skipped (note says why); auto (the data cleared
-- it: the count fell to zero after the line was listed). Times are shop-local wall times.
-- top: JSON array of the first few things behind the count ({"text","ref"}).
-- The shop a line is about is in its key and title as text only: a past day's list is a
-- record of that day, not a reference kept in step with shop merges.
CREATE TABLE checklist_item (
    id         INTEGER PRIMARY KEY,
    day        TEXT NOT NULL,
    item_key   TEXT NOT NULL,
    position   INTEGER NOT NULL,
    section    TEXT NOT NULL,
    source     TEXT NOT NULL,
    title      TEXT NOT NULL,
    count      INTEGER NOT NULL DEFAULT 0,
    detail     TEXT NOT NULL DEFAULT '',
    top        TEXT NOT NULL DEFAULT '[]',
    link       TEXT NOT NULL DEFAULT '',
    owner_name TEXT NOT NULL DEFAULT '',
    state      TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'skipped', 'auto')),
    done_by_id INTEGER,
    done_by    TEXT NOT NULL DEFAULT '',
    done_at    TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    UNIQUE (day, item_key)
);
CREATE INDEX checklist_item_day ON checklist_item (day, position);

-- checklist_event: every tick, skip and reopen, and the data's own ticks (actor '' = Shopdesk).
CREATE TABLE checklist_event (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES checklist_item (id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    actor_id   INTEGER,
    actor_name TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX checklist_event_item ON checklist_event (item_id, id);

-- +goose Down
DROP TABLE checklist_event;
DROP TABLE checklist_item;
DROP TABLE checklist_task;
