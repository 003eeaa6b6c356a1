package app

import "shopdesk/internal/shop"

// ShopService manages the seller's shops.
type ShopService struct{ env *env }

// List returns every shop with its order count.
func (s *ShopService) List() ([]shop.Shop, error) { return shop.List(s.env.ctx, s.env.db.SQL) }

// Create adds a shop on a platform (taobao, jd, pdd, douyin, kuaishou, 1688).
func (s *ShopService) Create(platform, name string) (shop.Shop, error) {
	return shop.Create(s.env.ctx, s.env.db.SQL, platform, name)
}
