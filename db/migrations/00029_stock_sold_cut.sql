-- +goose Up
-- The full recompute of the stock figures at 20,000 SKUs and 1,000,000 order lines (issue 9).
-- On hand is the last count plus what moved after it, less the units sold and plus those
-- returned after it. An item last counted a year ago has a year of sale lines after its
-- count, and summing them item by item was a third of the recompute, and reading each item's
-- lines of the windows through its own range of stock_line_item_at another (20,000 seeks).
-- Now the figures read the lines from a cut (the Monday of the week their span starts in)
-- once, in time order (stock_line_at), and add them up per item in Go: the windows, and the
-- sales after each item's base (its last count, else its first movement) when the base is
-- after the cut, which a daily stock sheet makes the usual case. For a base before the cut,
-- stock_sold_cut keeps the units sold and returned between the base and the cut:
--   base_at    the base the sums are of (stock_move.at); another base: the row is stale
--   cut_at     'YYYY-MM-DD 00:00:00', a Monday; when the cut moves on, the sums grow by the
--              lines between the two (SoldBeforeCut)
--   sold, returned
--              the units with base_at < at < cut_at
-- The rows are a cache: the figures write them (internal/stock figures.go) and the triggers
-- below drop an item's row when a line or return it holds is added, removed or changed, by
-- any writer (sync, a mapping, an undo's cascade). A dropped row is summed again from the
-- lines at the next recompute.
CREATE INDEX stock_line_at ON stock_line (at, stock_item_id, units, pay_fen);

CREATE TABLE stock_sold_cut (
    stock_item_id INTEGER PRIMARY KEY REFERENCES stock_item (id) ON DELETE CASCADE,
    base_at       TEXT NOT NULL,
    cut_at        TEXT NOT NULL,
    sold          INTEGER NOT NULL,
    returned      INTEGER NOT NULL
);

-- +goose StatementBegin
CREATE TRIGGER stock_sold_cut_line_insert AFTER INSERT ON stock_line
WHEN NEW.stock_item_id IS NOT NULL
BEGIN
    DELETE FROM stock_sold_cut WHERE stock_item_id = NEW.stock_item_id AND cut_at >= NEW.at;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER stock_sold_cut_line_delete AFTER DELETE ON stock_line
WHEN OLD.stock_item_id IS NOT NULL
BEGIN
    DELETE FROM stock_sold_cut WHERE stock_item_id = OLD.stock_item_id AND cut_at >= OLD.at;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER stock_sold_cut_line_update AFTER UPDATE OF stock_item_id, at, units ON stock_line
BEGIN
    DELETE FROM stock_sold_cut WHERE stock_item_id = OLD.stock_item_id AND cut_at >= OLD.at;
    DELETE FROM stock_sold_cut WHERE stock_item_id = NEW.stock_item_id AND cut_at >= NEW.at;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER stock_sold_cut_return_insert AFTER INSERT ON stock_return
WHEN NEW.stock_item_id IS NOT NULL
BEGIN
    DELETE FROM stock_sold_cut WHERE stock_item_id = NEW.stock_item_id AND cut_at >= NEW.at;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER stock_sold_cut_return_delete AFTER DELETE ON stock_return
WHEN OLD.stock_item_id IS NOT NULL
BEGIN
    DELETE FROM stock_sold_cut WHERE stock_item_id = OLD.stock_item_id AND cut_at >= OLD.at;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER stock_sold_cut_return_update AFTER UPDATE OF stock_item_id, at, units ON stock_return
BEGIN
    DELETE FROM stock_sold_cut WHERE stock_item_id = OLD.stock_item_id AND cut_at >= OLD.at;
    DELETE FROM stock_sold_cut WHERE stock_item_id = NEW.stock_item_id AND cut_at >= NEW.at;
END;
-- +goose StatementEnd

-- +goose Down
DROP INDEX stock_line_at;
DROP TRIGGER stock_sold_cut_return_update;
DROP TRIGGER stock_sold_cut_return_delete;
DROP TRIGGER stock_sold_cut_return_insert;
DROP TRIGGER stock_sold_cut_line_update;
DROP TRIGGER stock_sold_cut_line_delete;
DROP TRIGGER stock_sold_cut_line_insert;
DROP TABLE stock_sold_cut;
