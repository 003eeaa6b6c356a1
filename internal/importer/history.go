package importer

import (
	"context"
	"fmt"
	"time"

	"shopdesk/db/sqldb"
)

// ListBatches returns the newest imports first, at most limit.
func ListBatches(ctx context.Context, db sqldb.DBTX, limit int) ([]Batch, error) {
	q := sqldb.New(db)
	rows, err := q.ListBatches(ctx, int64(limit))
	if err != nil {
		return nil, fmt.Errorf("list import batches: %w", err)
	}
	out := make([]Batch, 0, len(rows))
	formatName := formatNames(ctx, q) // built-in layouts and templates
	// A template's imports have its level (the undo dialog words what undo takes back by it).
	templateLevel := map[string]string{}
	if ts, err := q.ListTemplates(ctx); err == nil {
		for _, t := range ts {
			templateLevel[templatePrefix+fmt.Sprint(t.ID)] = t.Level
		}
	}
	for _, r := range rows {
		level := LayoutLevel(r.Format)
		if level == "" {
			level = templateLevel[r.Format]
		}
		b := Batch{ID: r.ID, FileName: r.FileName, SHA256: r.FileSha256, Platform: r.Platform,
			Format: r.Format, FormatName: formatName(r.Format), Level: level, ShopName: r.ShopNames, Rows: r.RowsTotal,
			New: r.RowsNew, Updated: r.RowsUpdated, Unchanged: r.RowsUnchanged,
			StartedAt: localTime(r.StartedAt), FinishedAt: localTime(r.FinishedAt)}
		if r.OrdersNew != nil && r.OrdersUpdated != nil && r.OrdersUnchanged != nil {
			n, u, c := int(*r.OrdersNew), int(*r.OrdersUpdated), int(*r.OrdersUnchanged)
			b.Orders = &OrderCounts{Total: n + u + c, New: n, Updated: u, Unchanged: c}
		}
		out = append(out, b)
	}
	return out, nil
}

// localTime shows a UTC time Shopdesk recorded in this computer's zone.
func localTime(utc string) string {
	t, err := time.ParseInLocation("2006-01-02 15:04:05", utc, time.UTC)
	if err != nil {
		return utc
	}
	return t.Local().Format("2006-01-02 15:04:05")
}
