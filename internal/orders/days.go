package orders

import (
	"context"
	"unicode/utf8"

	"shopdesk/db/sqldb"
)

// readByDays reads a page of a filter that no index holds alone: a shop and a status, or
// 有售后 with either. Walking one index and checking the other filter on each row can read
// the whole index for a page when matches are rare (a status a shop almost never has, the
// open refunds of last spring). The day counts say which days have matches and how many
// rows each index holds on each day, so only the days with matches are read, newest
// first, each through the index with the fewest rows that day, until the page is full.
func readByDays(ctx context.Context, q *sqldb.Queries, f filter, after position, lim int) ([]Order, error) {
	var out []Order
	// upto is the newest day left to read; after the first read it is the oldest day
	// planned, which is not read again.
	upto, again := f.to, false
	if !after.first() {
		upto = dayOf(after.created)
	}
	// Most pages fill from their first days: read a few days' counts first, more after.
	read := min(firstDaysRead, daysPerRead)
	for len(out) < lim {
		days, err := q.OrderDays(ctx, sqldb.OrderDaysParams{ShopID: f.shopID, Status: f.status,
			FromDay: f.from, ToDay: f.to, UptoDay: upto, MaxDays: read})
		if err != nil {
			return nil, err
		}
		if again && len(days) > 0 && days[0].Day == upto {
			days = days[1:]
		}
		if len(days) == 0 {
			return out, nil
		}
		plan, through := planWalks(f, days, after, lim-len(out))
		for _, w := range plan {
			rows, err := walk(ctx, q, f, w.index, w.from, w.to, after, lim-len(out))
			if err != nil {
				return nil, err
			}
			out = append(out, rows...)
			if len(out) >= lim {
				return out, nil
			}
		}
		// The days planned held fewer rows than the page needs (all the matches there are,
		// or an import committed between reading the counts and the rows): go on after the
		// oldest day planned.
		upto, again = through, true
		read = min(read*8, daysPerRead)
	}
	return out, nil
}

// A page reads the day counts of firstDaysRead days, then 8 times more each time it needs
// more, up to daysPerRead (more than a year) at a time. Reading a year's counts costs a few
// milliseconds; a dense filter needs its first day only. (daysPerRead is a variable for the
// tests, which read fewer days at a time.)
const firstDaysRead = 16

var daysPerRead int64 = 400

const (
	// mergeRows: a walk over consecutive days with matches costs a query per day, about
	// as much as reading 100 rows. Two days read through the same index become one walk
	// when the days between them, which have no matches, hold no more rows than that.
	mergeRows = 100
)

// dayWalk is a walk of one index over the created_at range [from, to).
type dayWalk struct {
	index    index
	from, to string
}

// planWalks picks, newest first, the days that hold the next need matching rows, each
// read through the index of f's filters with the fewest rows that day, and joins days
// into walks (see mergeRows). The cursor's own day counts for no row: its matches may
// all be above the cursor. through is the oldest day the plan took into account.
func planWalks(f filter, days []sqldb.OrderDaysRow, after position, need int) (plan []dayWalk, through string) {
	var have int64
	skipped := map[index]int64{} // rows of each index on the days passed since the last walk
	for _, d := range days {
		through = d.Day
		matching := d.Matching
		if f.openRefund {
			matching = d.MatchingOpenRefund
		}
		if matching == 0 {
			for _, idx := range indexesFor(f) {
				skipped[idx] += rowsIn(d, idx)
			}
			continue
		}
		best := indexesFor(f)[0]
		for _, idx := range indexesFor(f) {
			if rowsIn(d, idx) < rowsIn(d, best) {
				best = idx
			}
		}
		if n := len(plan); n > 0 && plan[n-1].index == best && skipped[best] <= mergeRows {
			plan[n-1].from = d.Day
		} else {
			plan = append(plan, dayWalk{index: best, from: d.Day, to: dayEnd(d.Day)})
		}
		clear(skipped)
		if after.first() || d.Day != dayOf(after.created) {
			have += matching
		}
		if have >= int64(need) {
			break
		}
	}
	return plan, through
}

// rowsIn is how many rows idx holds on the day d.
func rowsIn(d sqldb.OrderDaysRow, idx index) int64 {
	switch idx {
	case byShop:
		return d.ShopRows
	case byStatus:
		return d.StatusRows
	case byOpenRefund:
		return d.AllOpenRefund
	}
	return d.AllRows
}

// dayOf is the day of a created_at as order_day_count keys it: its first 10 characters.
func dayOf(created string) string {
	i := 0
	for n := 0; i < len(created) && n < 10; n++ {
		_, size := utf8.DecodeRuneInString(created[i:])
		i += size
	}
	return created[:i]
}

// dayEnd is the text just above every created_at of the day: [day, dayEnd(day)) holds
// the created_at values whose first 10 characters are day. A shorter day (an order
// without a created time has the empty day) is a whole created_at: only itself.
func dayEnd(day string) string {
	if utf8.RuneCountInString(day) < 10 {
		return day + "\x01"
	}
	return day + string(utf8.MaxRune)
}
