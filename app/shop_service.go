package app

import "shopdesk/internal/shop"

// ShopService manages the seller's shops (店铺): create, rename, merge (and undo), delete.
// Each change names itself for the writes that wait for it, and shows its own wait
// (env.write).
type ShopService struct{ env *env }

// List returns every shop with its order count and old names.
func (s *ShopService) List() ([]shop.Shop, error) { return s.env.shops.List(s.env.ctx) }

// Create adds a shop on a platform (taobao, jd, pdd, douyin, kuaishou, 1688).
func (s *ShopService) Create(platform, name string) (shop.Shop, error) {
	ctx, done := s.env.write("新建店铺")
	defer done()
	return s.env.shops.Create(ctx, platform, name)
}

// Rename gives a shop a new name; the old one stays an alias for imports.
func (s *ShopService) Rename(id int64, name string) (shop.Shop, error) {
	ctx, done := s.env.write("店铺改名")
	defer done()
	sh, err := s.env.shops.Rename(ctx, id, name)
	if err == nil {
		s.env.refreshAnomalies()
	}
	return sh, err
}

// ForgetOldName stops imports from matching an old name to the shop.
func (s *ShopService) ForgetOldName(id int64, name string) error {
	ctx, done := s.env.write("忘记店铺曾用名")
	defer done()
	return s.env.shops.ForgetOldName(ctx, id, name)
}

// PlanMerge says what merging source into target would move, and which rows both have.
func (s *ShopService) PlanMerge(sourceID, targetID int64) (shop.MergePlan, error) {
	return s.env.shops.PlanMerge(s.env.ctx, sourceID, targetID)
}

// Merge merges source into target (same platform); UndoMerge undoes it.
func (s *ShopService) Merge(sourceID, targetID int64) (shop.Merge, error) {
	ctx, done := s.env.write("合并店铺")
	defer done()
	m, err := s.env.shops.Merge(ctx, sourceID, targetID)
	if err == nil {
		s.env.refreshAnomalies()
		s.env.syncStock() // the stock figures of the shops' sales
	}
	return m, err
}

// Merges lists the merges that can be undone, newest first.
func (s *ShopService) Merges() ([]shop.Merge, error) { return s.env.shops.Merges(s.env.ctx) }

// UndoMerge puts back what a merge moved, and the shop merged away.
func (s *ShopService) UndoMerge(id int64) (shop.UndoResult, error) {
	ctx, done := s.env.write("撤销店铺合并")
	defer done()
	r, err := s.env.shops.UndoMerge(ctx, id)
	if err == nil {
		s.env.refreshAnomalies()
		s.env.syncStock() // the stock figures of the shops' sales
	}
	return r, err
}

// Impact says what deleting a shop would delete.
func (s *ShopService) Impact(id int64) (shop.Impact, error) { return s.env.shops.Impact(s.env.ctx, id) }

// Delete deletes a shop and its data; confirmName is the shop's name as the seller typed it.
func (s *ShopService) Delete(id int64, confirmName string) error {
	ctx, done := s.env.write("删除店铺")
	defer done()
	err := s.env.shops.Delete(ctx, id, confirmName)
	if err == nil {
		s.env.refreshAnomalies()
		s.env.syncStock() // the stock figures of the shops' sales
	}
	return err
}
