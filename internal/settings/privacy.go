package settings

import (
	"context"

	"shopdesk/db/sqldb"
)

// Settings of buyers' privacy and of the browser mode (issue 15). They live in Defs with
// the thresholds (one table, one save, one check of ranges) but in groups of their own,
// which the settings page shows on their own card.
const (
	// MaskBuyersInExports: 1 (the default) hides buyers' nicknames, addresses and phone
	// numbers in Excel exports (see package mask); 0 exports them as stored.
	MaskBuyersInExports = "export_mask_buyers"
	// UploadMaxMB is the largest file `shopdesk serve` accepts by upload, in MB.
	UploadMaxMB = "upload_max_mb"

	GroupPrivacy = "privacy"
	GroupServe   = "serve"

	UnitSwitch = "switch" // 0 off, 1 on
	UnitMB     = "mb"
)

// MaskBuyers tells whether exports hide buyers' personal data.
func MaskBuyers(ctx context.Context, q *sqldb.Queries) (bool, error) {
	v, err := values(ctx, q)
	if err != nil {
		return true, err // hide when in doubt
	}
	return v[MaskBuyersInExports] != 0, nil
}

// UploadLimit is the largest upload `shopdesk serve` accepts, in bytes.
func UploadLimit(ctx context.Context, q *sqldb.Queries) (int64, error) {
	v, err := values(ctx, q)
	if err != nil {
		return int64(mustDef(UploadMaxMB).Default) << 20, err
	}
	return int64(v[UploadMaxMB]) << 20, nil
}
