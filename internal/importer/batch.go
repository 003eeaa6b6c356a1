package importer

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"shopdesk/db/sqldb"
)

// fileBatch is one file's import_batch row inside its transaction, with the queries the
// file's writer uses; orders and refund files open and finish it the same way.
type fileBatch struct {
	q           *sqldb.Queries
	id          int64
	shopsBefore int64 // the largest shop id before the file: the shops after it are its own
	file        string
}

// openBatch prepares the writer's queries on tx and records the file's batch. The queries
// are prepared on the transaction because calling the pool's prepared statements inside
// one re-binds them on every call, and database/sql keeps each of those until the commit
// (memory growing per row). The caller closes b.q.
func openBatch(ctx context.Context, tx *sql.Tx, name string, facts fileFacts, layout *boundLayout) (*fileBatch, error) {
	q, err := sqldb.Prepare(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("文件“%s”：准备导入失败：%w", name, err)
	}
	id, err := q.CreateBatch(ctx, sqldb.CreateBatchParams{
		FileName: name, Sha256: facts.sha256, FileSize: facts.size,
		Platform: layout.Platform, Format: layout.ID, StartedAt: utcNow(),
	})
	if err != nil {
		q.Close()
		return nil, fmt.Errorf("文件“%s”：写入导入记录失败：%w", name, err)
	}
	shopsBefore, err := q.MaxShopID(ctx)
	if err != nil {
		q.Close()
		return nil, fmt.Errorf("文件“%s”：读取店铺失败：%w", name, err)
	}
	return &fileBatch{q: q, id: id, shopsBefore: shopsBefore, file: name}, nil
}

// finish records what the file did: the shops it created and wrote to, its counts and the
// id range of the orders it created (first > last: none), and names the shops in res.
func (b *fileBatch) finish(ctx context.Context, w *writer, res *FileResult, firstOrder, lastOrder int64) error {
	fail := func(err error) error {
		return fmt.Errorf("文件“%s”：写入导入记录失败：%w", b.file, err)
	}
	if err := b.q.MarkShopsCreatedBy(ctx, sqldb.MarkShopsCreatedByParams{BatchID: &b.id, AfterID: b.shopsBefore}); err != nil {
		return fail(err)
	}
	for _, id := range w.shopOrder {
		if err := b.q.AddBatchShop(ctx, sqldb.AddBatchShopParams{BatchID: b.id, ShopID: id}); err != nil {
			return fail(err)
		}
	}
	res.Shop = strings.Join(w.shopNames, "、")
	p := sqldb.FinishBatchParams{
		ID: b.id, RowsTotal: int64(res.Rows), RowsNew: int64(res.New),
		RowsUpdated: int64(res.Updated), RowsUnchanged: int64(res.Unchanged),
		RowsRejected: int64(res.Rejected), FinishedAt: utcNow(),
		FirstOrderID: firstOrder, LastOrderID: lastOrder,
	}
	if o := res.Orders; o != nil {
		n, u, c := int64(o.New), int64(o.Updated), int64(o.Unchanged)
		p.OrdersNew, p.OrdersUpdated, p.OrdersUnchanged = &n, &u, &c
	}
	if err := b.q.FinishBatch(ctx, p); err != nil {
		return fail(err)
	}
	res.BatchID = b.id
	return nil
}

// count adds one row's outcome to the file's counts (a blank row is no row).
func (r *FileResult) count(o rowOutcome) {
	switch o {
	case rowSkipped:
		return
	case rowNew:
		r.New++
	case rowUpdated:
		r.Updated++
	case rowUnchanged:
		r.Unchanged++
	}
	r.Rows++
}
