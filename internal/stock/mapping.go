package stock

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"shopdesk/db/sqldb"
)

// Order lines without a merchant code (the Taobao 订单报表 has only titles) are never
// dropped: they wait on the unmapped list, grouped by shop and title, until the seller
// says which SKU they are. That answer is a listing (stock_listing): the lines of that
// shop with that title are the SKU's, now and in every later import.

// Unmapped is one shop's title that no SKU takes yet.
type Unmapped struct {
	ShopID      int64        `json:"shopId"`
	ShopName    string       `json:"shopName"`
	Platform    string       `json:"platform"`
	Title       string       `json:"title"`
	Lines       int64        `json:"lines"`
	Units       int64        `json:"units"`
	LastAt      string       `json:"lastAt"`
	Suggestions []Suggestion `json:"suggestions"` // the SKUs whose names are most like the title
}

// Suggestion is a SKU a title may be.
type Suggestion struct {
	ItemID int64   `json:"itemId"`
	Code   string  `json:"code"`
	Name   string  `json:"name"`
	Spec   string  `json:"spec"`
	Score  float64 `json:"score"` // 0..1
}

// UnmappedPage is one page of the unmapped list.
type UnmappedPage struct {
	Rows   []Unmapped `json:"rows"`
	Titles int64      `json:"titles"` // shop titles unmapped in all
	Lines  int64      `json:"lines"`  // order lines unmapped in all
}

// suggestions is how many SKUs are suggested per title; minScore the least likeness shown.
const (
	suggestions = 3
	minScore    = 0.2
)

// UnmappedLines returns a page of the unmapped titles, the most units first, each with
// the SKUs most like it.
func (s *Store) UnmappedLines(ctx context.Context, page, size int) (UnmappedPage, error) {
	size = min(max(size, 1), 100)
	page = max(page, 1)
	q := s.db.Queries()
	rows, err := q.UnmappedLines(ctx, sqldb.UnmappedLinesParams{Lim: int64(size), Off: int64((page - 1) * size)})
	if err != nil {
		return UnmappedPage{}, fmt.Errorf("unmapped lines: %w", err)
	}
	n, err := q.CountUnmapped(ctx)
	if err != nil {
		return UnmappedPage{}, fmt.Errorf("unmapped lines: %w", err)
	}
	out := UnmappedPage{Rows: []Unmapped{}, Titles: n.TitleCount, Lines: n.LineCount}
	if len(rows) == 0 {
		return out, nil
	}
	items, err := q.ItemNames(ctx)
	if err != nil {
		return UnmappedPage{}, fmt.Errorf("unmapped lines: items: %w", err)
	}
	idx := newTitleIndex(items)
	for _, r := range rows {
		out.Rows = append(out.Rows, Unmapped{ShopID: r.ShopID, ShopName: r.ShopName, Platform: r.Platform, Title: r.Title,
			Lines: r.Lines, Units: r.Units, LastAt: r.LastAt, Suggestions: idx.best(r.Title, suggestions)})
	}
	return out, nil
}

// titleIndex finds the SKUs whose name (with spec and code) shares the most character
// pairs with a title: the Dice likeness of their bigram sets. Chinese titles have no
// spaces, so words are no unit; pairs of characters are (婴儿, 儿纯, 纯棉 …).
type titleIndex struct {
	items    []sqldb.ItemNamesRow
	sizes    []int
	postings map[string][]int32
}

func bigrams(s string) map[string]bool {
	var rs []rune
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rs = append(rs, r)
		} else {
			rs = append(rs, ' ')
		}
	}
	out := map[string]bool{}
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] != ' ' && rs[i+1] != ' ' {
			out[string(rs[i:i+2])] = true
		}
	}
	return out
}

func newTitleIndex(items []sqldb.ItemNamesRow) *titleIndex {
	idx := &titleIndex{items: items, sizes: make([]int, len(items)), postings: map[string][]int32{}}
	for i, it := range items {
		grams := bigrams(it.Name + " " + it.Spec + " " + it.Code)
		idx.sizes[i] = len(grams)
		for g := range grams {
			idx.postings[g] = append(idx.postings[g], int32(i))
		}
	}
	return idx
}

// Similarity is the Dice likeness of two texts' character pairs, 0..1.
func Similarity(a, b string) float64 {
	ga, gb := bigrams(a), bigrams(b)
	if len(ga) == 0 || len(gb) == 0 {
		return 0
	}
	common := 0
	for g := range ga {
		if gb[g] {
			common++
		}
	}
	return 2 * float64(common) / float64(len(ga)+len(gb))
}

func (idx *titleIndex) best(title string, n int) []Suggestion {
	grams := bigrams(title)
	out := []Suggestion{}
	if len(grams) == 0 {
		return out
	}
	common := map[int32]int{}
	for g := range grams {
		for _, i := range idx.postings[g] {
			common[i]++
		}
	}
	for i, c := range common {
		score := 2 * float64(c) / float64(len(grams)+idx.sizes[i])
		if score < minScore {
			continue
		}
		it := idx.items[i]
		out = append(out, Suggestion{ItemID: it.ID, Code: it.Code, Name: it.Name, Spec: it.Spec, Score: score})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Code < out[j].Code
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// MapTitle says that a shop's order lines with this title (and no merchant code) are the
// SKU itemID: the listing is kept for later imports, the lines and returns are the SKU's
// now, and the figures are computed again. It returns how many lines it took.
func (s *Store) MapTitle(ctx context.Context, shopID int64, title string, itemID int64, platformSkuID string) (int64, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		return 0, errors.New("没有标题的订单行不能对应到商品")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var n int64
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if _, err := q.GetStockItem(ctx, itemID); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("没有编号为 %d 的商品", itemID)
			}
			return err
		}
		// A title mapped before to another SKU leaves it.
		if prev, err := q.ListingOf(ctx, sqldb.ListingOfParams{ShopID: shopID, Title: title}); err == nil && prev.StockItemID != itemID {
			if _, err := q.UnmapLines(ctx, sqldb.UnmapLinesParams{StockItemID: &prev.StockItemID, ShopID: shopID, Title: title}); err != nil {
				return err
			}
		} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := q.PutListing(ctx, sqldb.PutListingParams{ShopID: shopID, Title: title, StockItemID: itemID,
			PlatformSkuID: strings.TrimSpace(platformSkuID), Now: utcNow()}); err != nil {
			return err
		}
		var err error
		if n, err = q.MapLines(ctx, sqldb.MapLinesParams{StockItemID: &itemID, ShopID: shopID, Title: title}); err != nil {
			return err
		}
		return s.rederiveShopReturns(ctx, q, shopID)
	})
	if err != nil {
		return 0, fmt.Errorf("对应商品失败：%w", err)
	}
	return n, s.recompute(ctx)
}

// Unmap removes a listing: its lines are unmapped again (they go back on the list).
func (s *Store) Unmap(ctx context.Context, listingID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		l, err := q.GetListing(ctx, listingID)
		if errors.Is(err, sql.ErrNoRows) {
			return errors.New("这个对应已经取消了")
		}
		if err != nil {
			return err
		}
		if err := q.DeleteListing(ctx, listingID); err != nil {
			return err
		}
		if _, err := q.UnmapLines(ctx, sqldb.UnmapLinesParams{StockItemID: &l.StockItemID, ShopID: l.ShopID, Title: l.Title}); err != nil {
			return err
		}
		return s.rederiveShopReturns(ctx, q, l.ShopID)
	})
	if err != nil {
		return fmt.Errorf("取消对应失败：%w", err)
	}
	return s.recompute(ctx)
}

// rederiveShopReturns derives a shop's returns again: a return takes its SKU from its line.
func (s *Store) rederiveShopReturns(ctx context.Context, q *sqldb.Queries, shopID int64) error {
	ids, err := q.RefundIDsOfShop(ctx, shopID)
	if err != nil {
		return err
	}
	var res SyncResult
	return deriveReturns(ctx, q, ids, &res)
}
