package metrics

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"shopdesk/db/sqldb"
)

// Imported daily traffic exports (生意参谋 style, the import engine's kind "metrics",
// internal/importer/metrics.go). The import writes the typed-in figures of the days its
// file has, inside the import's transaction; each day's values before it are kept in
// shop_metric_import with the batch, so that undo puts back exactly what was there.

// ImportOutcome is what importing one day did.
type ImportOutcome int

const (
	ImportNew       ImportOutcome = iota // the shop had no figures that day
	ImportChanged                        // some figure changed
	ImportUnchanged                      // the file says what was already there
)

// ImportDay writes one shop day of an import (batch) through q, the import's transaction.
// A nil figure is one the file does not give (no column, a blank or '-' cell): the value
// there stays. Conversion and AOV are never stored: they stay derived (derive).
func ImportDay(ctx context.Context, q *sqldb.Queries, batchID int64, in Input) (ImportOutcome, error) {
	if _, err := time.Parse(dayLayout, in.Day); err != nil {
		return 0, fmt.Errorf("“%s”不是日期", in.Day)
	}
	cur, err := q.GetShopMetric(ctx, sqldb.GetShopMetricParams{ShopID: in.ShopID, Day: in.Day})
	had := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("metrics: read %s: %w", in.Day, err)
	}
	next := cur
	for _, f := range []struct{ dst, src **int64 }{{&next.Visitors, &in.Visitors}, {&next.PageViews, &in.PageViews},
		{&next.Buyers, &in.Buyers}, {&next.PromoFen, &in.PromoFen}} {
		if *f.src != nil {
			*f.dst = *f.src
		}
	}
	if next.Visitors != nil && next.Buyers != nil && *next.Buyers > *next.Visitors {
		return 0, fmt.Errorf("%s 的支付买家数 %d 比访客数 %d 还多：请检查", in.Day, *next.Buyers, *next.Visitors)
	}
	if !had && in.Visitors == nil && in.PageViews == nil && in.Buyers == nil && in.PromoFen == nil {
		return ImportUnchanged, nil // a day the file gives no figure of ('-' throughout): still not known
	}
	if had && same(cur.Visitors, next.Visitors) && same(cur.PageViews, next.PageViews) &&
		same(cur.Buyers, next.Buyers) && same(cur.PromoFen, next.PromoFen) {
		return ImportUnchanged, nil
	}
	rec := sqldb.InsertShopMetricImportParams{BatchID: batchID, ShopID: in.ShopID, Day: in.Day,
		NewVisitors: next.Visitors, NewPageViews: next.PageViews, NewBuyers: next.Buyers, NewPromoFen: next.PromoFen}
	if had {
		rec.HadRow = 1
		rec.OldVisitors, rec.OldPageViews, rec.OldBuyers, rec.OldPromoFen = cur.Visitors, cur.PageViews, cur.Buyers, cur.PromoFen
		rec.OldUpdatedAt = &cur.UpdatedAt
	}
	if err := q.InsertShopMetricImport(ctx, rec); err != nil {
		return 0, fmt.Errorf("metrics: record %s for undo: %w", in.Day, err)
	}
	err = q.UpsertShopMetric(ctx, sqldb.UpsertShopMetricParams{ShopID: in.ShopID, Day: in.Day, Visitors: next.Visitors,
		PageViews: next.PageViews, Buyers: next.Buyers, PromoFen: next.PromoFen, Now: time.Now().UTC().Format("2006-01-02 15:04:05")})
	if err != nil {
		return 0, fmt.Errorf("metrics: write %s: %w", in.Day, err)
	}
	if had {
		return ImportChanged, nil
	}
	return ImportNew, nil
}

func same(a, b *int64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// LaterImport is the first import after batch that wrote one of its shop days (0: none):
// undoing batch first would put back values that import had already replaced.
func LaterImport(ctx context.Context, q *sqldb.Queries, batchID int64) (int64, error) {
	id, err := q.LaterShopMetricBatch(ctx, batchID)
	if err != nil {
		return 0, fmt.Errorf("metrics: later imports of batch %d: %w", batchID, err)
	}
	return id, nil
}

// UndoImport takes an import's days back through q (Undo's transaction): each day gets
// exactly the figures (and time) it had before, or goes when it had none. A day typed
// over by hand since keeps what the seller typed (as a stock sheet's undo leaves a field
// changed again): kept counts them, so the seller is told.
func UndoImport(ctx context.Context, q *sqldb.Queries, batchID int64) (restored, kept int64, err error) {
	rows, err := q.ShopMetricImportsOfBatch(ctx, batchID)
	if err != nil {
		return 0, 0, fmt.Errorf("metrics: imports of batch %d: %w", batchID, err)
	}
	for _, r := range rows {
		cur, err := q.GetShopMetric(ctx, sqldb.GetShopMetricParams{ShopID: r.ShopID, Day: r.Day})
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, 0, fmt.Errorf("metrics: read %s: %w", r.Day, err)
		}
		if err != nil || !same(cur.Visitors, r.NewVisitors) || !same(cur.PageViews, r.NewPageViews) ||
			!same(cur.Buyers, r.NewBuyers) || !same(cur.PromoFen, r.NewPromoFen) {
			kept++
			continue
		}
		if r.HadRow == 0 {
			err = q.DeleteShopMetric(ctx, sqldb.DeleteShopMetricParams{ShopID: r.ShopID, Day: r.Day})
		} else {
			err = q.RestoreShopMetric(ctx, sqldb.RestoreShopMetricParams{ShopID: r.ShopID, Day: r.Day, Visitors: r.OldVisitors,
				PageViews: r.OldPageViews, Buyers: r.OldBuyers, PromoFen: r.OldPromoFen, UpdatedAt: *r.OldUpdatedAt})
		}
		if err != nil {
			return 0, 0, fmt.Errorf("metrics: restore %s: %w", r.Day, err)
		}
		restored++
	}
	if err := q.DeleteShopMetricImportsOfBatch(ctx, batchID); err != nil {
		return 0, 0, fmt.Errorf("metrics: forget batch %d: %w", batchID, err)
	}
	return restored, kept, nil
}
