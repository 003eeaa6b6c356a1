-- +goose Up
-- What the import remembers of the seller's answers (issue 3).
--
-- header_sig is importer.HeaderSignature of a file's header row: its cells normalised,
-- blanks dropped, duplicates folded, sorted and hashed (hex SHA-256), so the same export
-- matches whatever the order of its columns.

-- Layouts the seller made on the mapping screen for an export no built-in layout knows.
-- columns_json maps a Shopdesk field to the file headers it is read from, e.g.
-- {"order_no":["订单号"],"address":["省","市","区"]}; header_json is the header row the
-- template was made for (its cells as written, JSON array). platform is checked in Go
-- (importer.platforms), as for the built-in layouts.
CREATE TABLE import_template (
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL,
    name         TEXT NOT NULL UNIQUE CHECK (name <> ''),
    level        TEXT NOT NULL CHECK (level IN ('order', 'sub_order')),
    header_sig   TEXT NOT NULL,
    header_json  TEXT NOT NULL,
    columns_json TEXT NOT NULL,
    created_at   TEXT NOT NULL,      -- UTC, 'YYYY-MM-DD HH:MM:SS'
    last_used_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX import_template_sig ON import_template (header_sig);

-- The shop the seller picked for a file that does not name its shop, remembered for files
-- with the same header and the same name pattern (importer.FilePattern: the base name with
-- every run of digits replaced by '*', ExportOrderList202611211800.csv -> ExportOrderList*.csv).
CREATE TABLE import_shop_choice (
    id           INTEGER PRIMARY KEY,
    header_sig   TEXT NOT NULL,
    file_pattern TEXT NOT NULL,
    shop_id      INTEGER NOT NULL REFERENCES shop (id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,      -- UTC
    last_used_at TEXT NOT NULL,      -- UTC
    UNIQUE (header_sig, file_pattern)
);
CREATE INDEX import_shop_choice_shop ON import_shop_choice (shop_id);

-- +goose Down
DROP TABLE import_shop_choice;
DROP TABLE import_template;
