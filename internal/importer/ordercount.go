package importer

// Counting a file's orders (OrderCounts) as its rows are written. A sub-order export has
// one row per product line: 抖店 250 rows are 200 orders, 1688 134 rows 80, 千牛 144 rows
// 120. The rows of one order usually follow each other, but nothing says they must, so an
// order is recognised by its id: the set of ids seen is a bitmap in 64-bit words, which
// for the dense ids SQLite gives is about one bit per order (a million orders: 16,000
// words) instead of a map entry per order.

// idSet is a set of positive ids.
type idSet map[int64]uint64

func (s idSet) has(id int64) bool { return s[id>>6]&(1<<(uint64(id)&63)) != 0 }
func (s idSet) add(id int64)      { s[id>>6] |= 1 << (uint64(id) & 63) }
func (s idSet) remove(id int64) {
	w := id >> 6
	if v := s[w] &^ (1 << (uint64(id) & 63)); v != 0 {
		s[w] = v
	} else {
		delete(s, w)
	}
}

// orderCount is OrderCounts being counted: an order counts once, by what the first of its
// rows did to it, and moves from unchanged to updated when a later row changes it (or one
// of its product lines). An order the file created stays new.
type orderCount struct {
	OrderCounts
	seen      idSet
	unchanged idSet // the seen orders counted as unchanged so far
}

// add counts a row of order id whose outcome for the order was o (rowNew: the row created
// it; rowUpdated: it changed the order or a product line of it; rowUnchanged: neither).
func (c *orderCount) add(id int64, o rowOutcome) {
	if c.seen == nil {
		c.seen, c.unchanged = idSet{}, idSet{}
	}
	if !c.seen.has(id) {
		c.seen.add(id)
		c.Total++
		switch o {
		case rowNew:
			c.New++
		case rowUpdated:
			c.Updated++
		default:
			c.Unchanged++
			c.unchanged.add(id)
		}
		return
	}
	if o != rowUnchanged && c.unchanged.has(id) {
		c.unchanged.remove(id)
		c.Unchanged--
		c.Updated++
	}
}
