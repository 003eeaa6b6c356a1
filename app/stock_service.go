package app

import (
	"log"
	"shopdesk/db"
	"time"

	"shopdesk/internal/stock"
)

// StockService is the inventory sheet (库存表): the stock sheet and its figures, a SKU's
// drawer, movements by hand, the unmapped order lines, the reorder list and purchase
// sheet, the daily returns, and stocktakes. Stock and count sheets import through
// ImportService like every file.
type StockService struct{ env *env }

// syncStock derives the stock data from the imports (after an import, an undo, a shop
// merge or delete, and at start) and computes the figures. A failure is logged: what
// changed the data stands, and the next sync catches up.
func (e *env) syncStock() {
	if e.db == nil {
		return
	}
	if _, err := e.stock.Sync(db.WithOp(e.ctx, "更新库存表")); err != nil {
		log.Printf("stock: %v", err)
	}
}

// List returns one page of the stock sheet.
func (s *StockService) List(q stock.Query) (stock.Page, error) { return s.env.stock.List(s.env.ctx, q) }

// Get returns a SKU's drawer: figures, listings, ledger, 30-day chart, history.
func (s *StockService) Get(id int64) (stock.Detail, error) { return s.env.stock.Get(s.env.ctx, id) }

// Recompute derives what the imports changed and computes every figure again.
func (s *StockService) Recompute() (stock.SyncResult, error) { return s.env.stock.Sync(s.env.ctx) }

// Suppliers lists the suppliers the SKUs name.
func (s *StockService) Suppliers() ([]string, error) { return s.env.stock.Suppliers(s.env.ctx) }

// UpdateItem saves a SKU's fields (actorID: who, 0 for nobody chosen).
func (s *StockService) UpdateItem(id int64, in stock.ItemInput, actorID int64) (stock.Item, error) {
	return s.env.stock.UpdateItem(s.env.ctx, id, in, actorID)
}

// CreateItem adds a SKU by hand.
func (s *StockService) CreateItem(code string, in stock.ItemInput) (stock.Item, error) {
	return s.env.stock.CreateItem(s.env.ctx, code, in)
}

// SetOnHand is the inline edit of on hand: an adjustment by the difference, with a reason.
func (s *StockService) SetOnHand(id, value int64, reason string, actorID int64) (stock.Entry, error) {
	return s.env.stock.SetOnHand(s.env.ctx, id, value, reason, actorID)
}

// AddMove records goods in, out, a return or an adjustment.
func (s *StockService) AddMove(id int64, in stock.MoveInput) (stock.Entry, error) {
	return s.env.stock.AddMove(s.env.ctx, id, in)
}

// UndoMove takes back the latest movement recorded by hand.
func (s *StockService) UndoMove(moveID, actorID int64) error {
	return s.env.stock.UndoMove(s.env.ctx, moveID, actorID)
}

// Unmapped returns a page of the order lines no SKU takes, with suggestions.
func (s *StockService) Unmapped(page, size int) (stock.UnmappedPage, error) {
	return s.env.stock.UnmappedLines(s.env.ctx, page, size)
}

// MapTitle makes a shop's order lines of a title a SKU's, now and in later imports.
func (s *StockService) MapTitle(shopID int64, title string, itemID int64, platformSkuID string) (int64, error) {
	return s.env.stock.MapTitle(s.env.ctx, shopID, title, itemID, platformSkuID)
}

// Unmap removes a listing (its lines are unmapped again).
func (s *StockService) Unmap(listingID int64) error { return s.env.stock.Unmap(s.env.ctx, listingID) }

// Reorder returns the reorder list grouped by supplier.
func (s *StockService) Reorder() ([]stock.ReorderGroup, error) { return s.env.stock.Reorder(s.env.ctx) }

// ExportPurchase saves the purchase sheet (采购单): every supplier, or only the one named
// when only is true.
func (s *StockService) ExportPurchase(supplier string, only bool) (SavedFile, error) {
	data, n, err := s.env.stock.PurchaseXLSX(s.env.ctx, supplier, only)
	if err != nil {
		return SavedFile{}, err
	}
	f, err := s.env.shell.SaveFile("采购单_"+time.Now().Format("20060102_1504")+".xlsx", data)
	f.Rows = n
	return f, err
}

// Returns lists returns per day and SKU between two days ("" : the last 30 days).
func (s *StockService) Returns(from, to string, page, size int) (stock.ReturnsPage, error) {
	return s.env.stock.Returns(s.env.ctx, from, to, page, size)
}

// ExportCountSheet saves the count sheet (盘点表) of the active SKUs (of one supplier).
func (s *StockService) ExportCountSheet(supplier string) (SavedFile, error) {
	data, n, err := s.env.stock.CountSheetXLSX(s.env.ctx, supplier)
	if err != nil {
		return SavedFile{}, err
	}
	f, err := s.env.shell.SaveFile("盘点表_"+time.Now().Format("20060102_1504")+".xlsx", data)
	f.Rows = n
	return f, err
}

// CountSheets lists the imported count sheets.
func (s *StockService) CountSheets() ([]stock.CountSheet, error) {
	return s.env.stock.CountSheets(s.env.ctx)
}

// CountReview returns a count sheet's rows, the differences first.
func (s *StockService) CountReview(batchID int64) ([]stock.CountLine, error) {
	return s.env.stock.CountReview(s.env.ctx, batchID)
}

// PostCounts posts a count sheet's counts as stocktake movements.
func (s *StockService) PostCounts(batchID, actorID int64) (int, error) {
	return s.env.stock.PostCounts(s.env.ctx, batchID, actorID)
}
