-- +goose Up
-- Templates for refund / after-sales exports (importer.KindRefunds, level 'refund'): the
-- CHECK of 00005 allowed only the order levels, and SQLite changes a CHECK only by
-- building the table again. Nothing refers to import_template by key (import_batch.format
-- names a template as the text 'template:<id>'), and the ids stay.
CREATE TABLE import_template_new (
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL,
    name         TEXT NOT NULL UNIQUE CHECK (name <> ''),
    level        TEXT NOT NULL CHECK (level IN ('order', 'sub_order', 'refund')),
    header_sig   TEXT NOT NULL,
    header_json  TEXT NOT NULL,
    columns_json TEXT NOT NULL,
    created_at   TEXT NOT NULL,      -- UTC, 'YYYY-MM-DD HH:MM:SS'
    last_used_at TEXT NOT NULL DEFAULT ''
);
INSERT INTO import_template_new (id, platform, name, level, header_sig, header_json, columns_json, created_at, last_used_at)
SELECT id, platform, name, level, header_sig, header_json, columns_json, created_at, last_used_at FROM import_template;
DROP TABLE import_template;
ALTER TABLE import_template_new RENAME TO import_template;
CREATE INDEX import_template_sig ON import_template (header_sig);

-- +goose Down
-- Refund templates cannot be kept by the older schema: they go.
CREATE TABLE import_template_old (
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL,
    name         TEXT NOT NULL UNIQUE CHECK (name <> ''),
    level        TEXT NOT NULL CHECK (level IN ('order', 'sub_order')),
    header_sig   TEXT NOT NULL,
    header_json  TEXT NOT NULL,
    columns_json TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_used_at TEXT NOT NULL DEFAULT ''
);
INSERT INTO import_template_old (id, platform, name, level, header_sig, header_json, columns_json, created_at, last_used_at)
SELECT id, platform, name, level, header_sig, header_json, columns_json, created_at, last_used_at FROM import_template
WHERE level <> 'refund';
DROP TABLE import_template;
ALTER TABLE import_template_old RENAME TO import_template;
CREATE INDEX import_template_sig ON import_template (header_sig);
