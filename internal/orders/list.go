package orders

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"shopdesk/db/sqldb"
)

const (
	defaultLimit = 50
	maxLimit     = 200
)

// List returns one page of orders matching q, newest created first.
func List(ctx context.Context, db sqldb.DBTX, q Query) (Page, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	from, to, err := dateRange(q.From, q.To)
	if err != nil {
		return Page{}, err
	}
	afterCreated, afterID, err := decodeCursor(q.Cursor)
	if err != nil {
		return Page{}, err
	}
	queries := sqldb.New(db)
	search := strings.TrimSpace(q.Search)
	// Ask for one row more than the page: its presence says whether a next page exists.
	lim := int64(limit + 1)
	var rows []Order
	total := int64(-1)
	firstPage := q.Cursor == ""
	switch {
	case q.OpenRefund:
		var r []sqldb.ListOrdersWithOpenRefundRow
		r, err = queries.ListOrdersWithOpenRefund(ctx, sqldb.ListOrdersWithOpenRefundParams{Term: search,
			ShopID: q.ShopID, Status: q.Status, FromTime: from, ToTime: to, AfterCreated: afterCreated,
			AfterID: afterID, Lim: lim})
		rows = convert(r, func(x sqldb.ListOrdersWithOpenRefundRow) Order { return Order(x) })
		if err == nil && firstPage {
			total, err = queries.CountOrdersWithOpenRefund(ctx, sqldb.CountOrdersWithOpenRefundParams{Term: search,
				ShopID: q.ShopID, Status: q.Status, FromTime: from, ToTime: to})
		}
	case search != "":
		var r []sqldb.SearchOrdersRow
		r, err = queries.SearchOrders(ctx, sqldb.SearchOrdersParams{Term: search, ShopID: q.ShopID,
			Status: q.Status, FromTime: from, ToTime: to, AfterCreated: afterCreated, AfterID: afterID, Lim: lim})
		rows = convert(r, func(x sqldb.SearchOrdersRow) Order { return Order(x) })
		if err == nil && firstPage {
			total, err = queries.CountSearchOrders(ctx, sqldb.CountSearchOrdersParams{Term: search,
				ShopID: q.ShopID, Status: q.Status, FromTime: from, ToTime: to})
		}
	case q.ShopID != 0:
		var r []sqldb.ListShopOrdersRow
		r, err = queries.ListShopOrders(ctx, sqldb.ListShopOrdersParams{ShopID: q.ShopID,
			Status: q.Status, FromTime: from, ToTime: to, AfterCreated: afterCreated, AfterID: afterID, Lim: lim})
		rows = convert(r, func(x sqldb.ListShopOrdersRow) Order { return Order(x) })
		if err == nil && firstPage {
			total, err = queries.CountShopOrders(ctx, sqldb.CountShopOrdersParams{ShopID: q.ShopID,
				Status: q.Status, FromTime: from, ToTime: to})
		}
	default:
		var r []sqldb.ListOrdersRow
		r, err = queries.ListOrders(ctx, sqldb.ListOrdersParams{Status: q.Status, FromTime: from,
			ToTime: to, AfterCreated: afterCreated, AfterID: afterID, Lim: lim})
		rows = convert(r, func(x sqldb.ListOrdersRow) Order { return Order(x) })
		if err == nil && firstPage {
			total, err = queries.CountOrders(ctx, sqldb.CountOrdersParams{Status: q.Status,
				FromTime: from, ToTime: to})
		}
	}
	if err != nil {
		return Page{}, fmt.Errorf("list orders: %w", err)
	}
	page := Page{Rows: rows, Total: total}
	if len(rows) > limit {
		page.Rows = rows[:limit]
		last := page.Rows[limit-1]
		page.NextCursor = encodeCursor(last.CreatedAt, last.ID)
	}
	if page.Rows == nil {
		page.Rows = []Order{} // JSON [] rather than null for the UI
	}
	return page, nil
}

func convert[T any](rows []T, f func(T) Order) []Order {
	out := make([]Order, len(rows))
	for i, r := range rows {
		out[i] = f(r)
	}
	return out
}

// dateRange turns inclusive YYYY-MM-DD days into the half-open text range
// [from, to) over created_at ("YYYY-MM-DD HH:MM:SS" sorts as text).
func dateRange(from, to string) (string, string, error) {
	lo, hi := "", "9999"
	if from != "" {
		d, err := time.Parse("2006-01-02", from)
		if err != nil {
			return "", "", fmt.Errorf("开始日期“%s”不是 YYYY-MM-DD 格式", from)
		}
		lo = d.Format("2006-01-02")
	}
	if to != "" {
		d, err := time.Parse("2006-01-02", to)
		if err != nil {
			return "", "", fmt.Errorf("结束日期“%s”不是 YYYY-MM-DD 格式", to)
		}
		hi = d.AddDate(0, 0, 1).Format("2006-01-02")
	}
	return lo, hi, nil
}

var errBadCursor = errors.New("分页位置无效，请回到第一页")

// A cursor is the (created_at, id) of the last row of the previous page.
func encodeCursor(createdAt string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(createdAt + "|" + strconv.FormatInt(id, 10)))
}

func decodeCursor(c string) (string, int64, error) {
	if c == "" {
		return "9999", math.MaxInt64, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", 0, errBadCursor
	}
	created, idText, ok := strings.Cut(string(raw), "|")
	id, err := strconv.ParseInt(idText, 10, 64)
	if !ok || err != nil {
		return "", 0, errBadCursor
	}
	return created, id, nil
}
