package anomaly

import (
	"context"
	"fmt"
	"time"

	"shopdesk/db/sqldb"
	"shopdesk/internal/shop"
)

// zones shows the instants Shopdesk records in UTC (when an anomaly was found or changed,
// its history, the last run of the rules) as wall times of the shop's zone. Deadlines and
// order times are the shop's own: shown in the PC's zone beside them, 发现时间 would read
// hours off on a PC set to another zone, and a seller reads one clock.
type zones struct {
	byShop map[int64]*time.Location
	// display is the zone of times that belong to no one shop (the last run, a group's
	// newest detection): the shops' zone when they share one, else the default
	// (Asia/Shanghai).
	display *time.Location
}

// loadZones reads every shop's zone; an unknown or empty one is the default.
func loadZones(ctx context.Context, q *sqldb.Queries) (zones, error) {
	shops, err := q.RuleShops(ctx)
	if err != nil {
		return zones{}, fmt.Errorf("shop time zones: %w", err)
	}
	z := zones{byShop: make(map[int64]*time.Location, len(shops)), display: displayZone(zoneNames(shops))}
	for _, s := range shops {
		z.byShop[s.ID] = location(s.Timezone)
	}
	return z, nil
}

// location is the zone name's location, the default zone for an unknown or empty name.
func location(name string) *time.Location { return shop.Location(name) }

// displayZone is the zone the shops share, or the default when they differ (or none exist).
func displayZone(names []string) *time.Location {
	if len(names) == 0 {
		return location(shop.DefaultTimezone)
	}
	for _, n := range names[1:] {
		if n != names[0] {
			return location(shop.DefaultTimezone)
		}
	}
	return location(names[0])
}

// of is the shop's zone (a shop an undo removed: the display zone).
func (z zones) of(shopID int64) *time.Location {
	if loc, ok := z.byShop[shopID]; ok {
		return loc
	}
	return z.display
}

// show turns a recorded UTC "YYYY-MM-DD HH:MM:SS" into the wall time of loc ("" stays "").
func show(utc string, loc *time.Location) string {
	t, err := time.ParseInLocation(wallLayout, utc, time.UTC)
	if err != nil {
		return utc
	}
	return t.In(loc).Format(wallLayout)
}

// row shows a worklist row's recorded times in its shop's zone.
func (z zones) row(a *Anomaly) {
	loc := z.of(a.ShopID)
	a.DetectedAt, a.UpdatedAt = show(a.DetectedAt, loc), show(a.UpdatedAt, loc)
}
