-- +goose Up
-- Two order columns some exports carry, for the anomaly rules:
-- close_reason: why a closed order was closed (淘宝 订单关闭原因, 抖店 取消原因), shown with
--   "closed after payment"; '' when the export has none.
-- after_sale: the order-level after-sale status of exports at order level (拼多多, 快手,
--   抖店 主订单 售后状态), the platform's words; '' when none. Sub-order exports keep theirs
--   on order_item.refund_status, refund exports in refund.
ALTER TABLE orders ADD COLUMN close_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN after_sale TEXT NOT NULL DEFAULT '';
CREATE INDEX orders_after_sale ON orders (shop_id) WHERE after_sale <> '';

-- +goose Down
DROP INDEX orders_after_sale;
ALTER TABLE orders DROP COLUMN after_sale;
ALTER TABLE orders DROP COLUMN close_reason;
