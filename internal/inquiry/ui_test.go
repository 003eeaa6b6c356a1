package inquiry_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"shopdesk/internal/inquiry"
	"shopdesk/internal/settings"
)

// The lists the UI knows (frontend/src/pages/inquiry/domain.ts) are the Go ones.
func TestUIListsMatchGo(t *testing.T) {
	src, err := os.ReadFile("../../frontend/src/pages/inquiry/domain.ts")
	if err != nil {
		t.Fatal(err)
	}
	list := func(name string) []string {
		m := regexp.MustCompile(`(?s)export const ` + name + ` = \[(.*?)\] as const`).FindSubmatch(src)
		if m == nil {
			t.Fatalf("domain.ts has no %s", name)
		}
		var out []string
		for _, q := range regexp.MustCompile(`'([^']*)'`).FindAllSubmatch(m[1], -1) {
			out = append(out, string(q[1]))
		}
		return out
	}
	var fields, keys []string
	for _, c := range inquiry.Columns {
		fields = append(fields, c.Field)
	}
	for _, d := range settings.Defs {
		if d.Rule == "inquiry" {
			keys = append(keys, d.Key)
		}
	}
	for name, want := range map[string][]string{
		"OUTCOMES": inquiry.Outcomes, "LISTS": inquiry.Lists, "DIMENSIONS": inquiry.Dimensions,
		"FIELDS": fields, "SETTING_KEYS": keys,
	} {
		if got := list(name); !slices.Equal(got, want) {
			t.Errorf("%s: UI %v, Go %v", name, got, want)
		}
	}
	if !strings.Contains(string(src), "REASON_MISSING = '"+inquiry.ReasonMissing+"'") {
		t.Error("REASON_MISSING differs")
	}
}
