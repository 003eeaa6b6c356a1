-- +goose Up
-- Template levels are the file kinds' (internal/importer kind.go): orders ('order',
-- 'sub_order'), refunds ('refund'), and the kinds later issues add (stock, inquiries,
-- punches, metrics …). The importer checks a template's level against its registry when
-- it saves and loads one, so the table asks only for a level, and a new kind needs no
-- migration for its templates. SQLite changes a CHECK only by building the table again;
-- the ids stay (import_batch.format names a template as 'template:<id>').
CREATE TABLE import_template_new (
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL,
    name         TEXT NOT NULL UNIQUE CHECK (name <> ''),
    level        TEXT NOT NULL CHECK (level <> ''),
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
-- Templates of kinds the older schema does not know cannot be kept: they go.
CREATE TABLE import_template_old (
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL,
    name         TEXT NOT NULL UNIQUE CHECK (name <> ''),
    level        TEXT NOT NULL CHECK (level IN ('order', 'sub_order', 'refund')),
    header_sig   TEXT NOT NULL,
    header_json  TEXT NOT NULL,
    columns_json TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_used_at TEXT NOT NULL DEFAULT ''
);
INSERT INTO import_template_old (id, platform, name, level, header_sig, header_json, columns_json, created_at, last_used_at)
SELECT id, platform, name, level, header_sig, header_json, columns_json, created_at, last_used_at FROM import_template
WHERE level IN ('order', 'sub_order', 'refund');
DROP TABLE import_template;
ALTER TABLE import_template_old RENAME TO import_template;
CREATE INDEX import_template_sig ON import_template (header_sig);
