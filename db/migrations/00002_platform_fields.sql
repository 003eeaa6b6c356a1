-- +goose Up
-- Fields the order anomaly rules read (issue 4) that only some platforms export.
-- promised_ship_at: the export's 承诺发货时间, shop-local 'YYYY-MM-DD HH:MM:SS'; '' when the
--   export has none (the rules then fall back to paid time + the shop's default).
-- address_changed: 1 when the export says the buyer changed the address
--   (抖店 是否修改过地址, 淘宝 修改后的收货地址).
ALTER TABLE orders ADD COLUMN promised_ship_at TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN address_changed INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE orders DROP COLUMN address_changed;
ALTER TABLE orders DROP COLUMN promised_ship_at;
