package settings_test

import (
	"context"
	"strings"
	"testing"

	"shopdesk/internal/settings"
)

// Exports hide buyers unless the seller turns it off; the upload limit is 200 MB unless changed.
func TestPrivacySettings(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		changes   map[string]float64
		wantErr   string
		wantMask  bool
		wantLimit int64
	}{
		{"defaults", nil, "", true, 200 << 20},
		{"masking off", map[string]float64{settings.MaskBuyersInExports: 0}, "", false, 200 << 20},
		{"masking on again", map[string]float64{settings.MaskBuyersInExports: 1}, "", true, 200 << 20},
		{"a smaller limit", map[string]float64{settings.UploadMaxMB: 50}, "", true, 50 << 20},
		{"a switch is 0 or 1", map[string]float64{settings.MaskBuyersInExports: 2}, "不在 0 到 1 之间", true, 200 << 20},
		{"no zero limit", map[string]float64{settings.UploadMaxMB: 0}, "不在 1 到 4096 之间", true, 200 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDB(t)
			err := settings.Save(ctx, d.Queries(), tt.changes)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			mask, err := settings.MaskBuyers(ctx, d.Queries())
			if err != nil || mask != tt.wantMask {
				t.Fatalf("MaskBuyers = %v, %v; want %v", mask, err, tt.wantMask)
			}
			limit, err := settings.UploadLimit(ctx, d.Queries())
			if err != nil || limit != tt.wantLimit {
				t.Fatalf("UploadLimit = %d, %v; want %d", limit, err, tt.wantLimit)
			}
		})
	}
}
