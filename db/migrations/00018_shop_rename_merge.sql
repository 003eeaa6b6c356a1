-- +goose Up
-- Renaming, merging and deleting shops (issue 14). What refers to a shop is listed in one
-- place, internal/shop/refs.go; a test there fails when a table with a shop column is
-- missing from it.

-- One merge of a shop into another of its platform, kept until it is undone or the shop it
-- went into is deleted. The shop merged away is deleted: its row waits in
-- shop_merge_parked, so its id is never taken by another shop while the merge can be
-- undone (SQLite gives a new row max(id) + 1). target_shop_id has no foreign key on
-- purpose: when the target is later merged into a third shop, this merge waits (it can be
-- undone again once that later merge is undone) instead of vanishing with the row.
CREATE TABLE shop_merge (
    id             INTEGER PRIMARY KEY,
    platform       TEXT NOT NULL,
    source_shop_id INTEGER NOT NULL,  -- the shop merged away (row parked below)
    source_name    TEXT NOT NULL,
    target_shop_id INTEGER NOT NULL,  -- the shop it went into
    summary_json   TEXT NOT NULL,     -- what moved, per table (shop.MergeSummary)
    merged_at      TEXT NOT NULL      -- UTC 'YYYY-MM-DD HH:MM:SS'
);
CREATE INDEX shop_merge_target ON shop_merge (target_shop_id);
CREATE INDEX shop_merge_source ON shop_merge (source_shop_id);

-- Every row a merge re-pointed, so that undo points it back: the row (by rowid) of tbl
-- whose column col held old_value and now holds new_value, both ids of ref_tbl ('shop';
-- for the notes of an anomaly both shops had, 'anomaly'). old_name is the row's copy of
-- the shop name before (anomaly.shop_name), NULL for tables without one. row_key is the
-- row's key (orders: its order number) as a JSON array, '' for tables without one: undo
-- checks it, so a row id given to a new row after the old one was deleted is left alone.
CREATE TABLE shop_merge_moved (
    merge_id  INTEGER NOT NULL REFERENCES shop_merge (id) ON DELETE CASCADE,
    tbl       TEXT NOT NULL,
    col       TEXT NOT NULL,
    row_id    INTEGER NOT NULL,
    ref_tbl   TEXT NOT NULL,
    old_value INTEGER NOT NULL,
    new_value INTEGER NOT NULL,
    old_name  TEXT,
    row_key   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (merge_id, tbl, col, row_id)
) WITHOUT ROWID;

-- Rows a merge took out, every column as JSON (json_object), to be put back by undo: the
-- shop merged away, and the rows both shops had (an order number in both: the target's
-- order stays, the source's waits here), with the rows hanging from them by ON DELETE
-- CASCADE foreign keys (parent_id: the parked row they hung from, fk_col: the column
-- that named it). step numbers the statements that parked them: undo puts them back in
-- that order, parents first. new_row_id is set while undoing: the row's id when it is
-- put back (its old one unless a new row took it meanwhile).
CREATE TABLE shop_merge_parked (
    id         INTEGER PRIMARY KEY,
    merge_id   INTEGER NOT NULL REFERENCES shop_merge (id) ON DELETE CASCADE,
    step       INTEGER NOT NULL,
    tbl        TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    parent_id  INTEGER,
    fk_col     TEXT NOT NULL DEFAULT '',
    row_json   TEXT NOT NULL,
    new_row_id INTEGER
);
CREATE INDEX shop_merge_parked_row ON shop_merge_parked (merge_id, tbl, row_id);
CREATE INDEX shop_merge_parked_step ON shop_merge_parked (merge_id, step);

-- Names a shop was known by: its names before a rename, and the names of the shops merged
-- into it (merge_id; such a name goes when the merge is undone). An import looks a file's
-- 店铺名称 up among shop names and then these (db/queries/shops.sql FindShop), so a file
-- exported before the rename, or from the shop merged away, still goes to this shop. On a
-- platform a name is one shop's: its current name or an old one, never both (internal/shop
-- checks it when shops are created and renamed).
CREATE TABLE shop_alias (
    id         INTEGER PRIMARY KEY,
    shop_id    INTEGER NOT NULL REFERENCES shop (id) ON DELETE CASCADE,
    platform   TEXT NOT NULL,
    name       TEXT NOT NULL CHECK (name <> ''),
    merge_id   INTEGER REFERENCES shop_merge (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,          -- UTC
    UNIQUE (platform, name)
);
CREATE INDEX shop_alias_shop ON shop_alias (shop_id);

-- +goose Down
DROP TABLE shop_alias;
DROP TABLE shop_merge_parked;
DROP TABLE shop_merge_moved;
DROP TABLE shop_merge;
