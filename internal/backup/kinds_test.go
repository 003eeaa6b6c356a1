package backup

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The UI knows the kinds of backup (their labels, api/backup.ts's list) as this package
// defines them.
func TestUIKnowsTheKinds(t *testing.T) {
	for _, lang := range []string{"zh-CN", "en-US"} {
		data, err := os.ReadFile("../../frontend/src/locales/" + lang + "/backup.json")
		if err != nil {
			t.Fatal(err)
		}
		var strs struct{ Kind map[string]string }
		if err := json.Unmarshal(data, &strs); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for k := range strs.Kind {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		want := slices.Sorted(slices.Values(Kinds))
		if !slices.Equal(keys, want) {
			t.Errorf("%s backup.kind labels %v, kinds %v", lang, keys, want)
		}
	}
	src, err := os.ReadFile("../../frontend/src/api/backup.ts")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`BACKUP_KINDS = \[([^\]]*)\]`).FindSubmatch(src)
	if m == nil {
		t.Fatal("no BACKUP_KINDS in api/backup.ts")
	}
	var ui []string
	for _, s := range strings.Split(string(m[1]), ",") {
		ui = append(ui, strings.Trim(strings.TrimSpace(s), `'"`))
	}
	if !slices.Equal(ui, Kinds) {
		t.Errorf("api/backup.ts BACKUP_KINDS %v, kinds %v", ui, Kinds)
	}
	for k := range KindName {
		if !slices.Contains(Kinds, k) {
			t.Errorf("KindName has %q", k)
		}
	}
	if len(KindName) != len(Kinds) {
		t.Errorf("KindName names %d kinds of %d", len(KindName), len(Kinds))
	}
}
