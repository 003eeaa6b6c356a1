package checklist_test

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"shopdesk/internal/checklist"
)

// The UI's copy of the sections (pages/checklist/text.ts) is Go's, in the same order, and
// both locale files name every section, kind and repeat.
func TestUIKnowsSectionsAndKinds(t *testing.T) {
	src, err := os.ReadFile("../../frontend/src/pages/checklist/text.ts")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`SECTIONS = \[([^\]]*)\]`).FindSubmatch(src)
	if m == nil {
		t.Fatal("no SECTIONS in text.ts")
	}
	var ui []string
	for _, s := range strings.Split(string(m[1]), ",") {
		ui = append(ui, strings.Trim(strings.TrimSpace(s), "'"))
	}
	if !slices.Equal(ui, checklist.Sections) {
		t.Fatalf("text.ts SECTIONS %v, Go %v", ui, checklist.Sections)
	}
	for _, lang := range []string{"zh-CN", "en-US"} {
		b, err := os.ReadFile("../../frontend/src/locales/" + lang + "/checklist.json")
		if err != nil {
			t.Fatal(err)
		}
		var loc struct {
			Section map[string]string `json:"section"`
			Kind    map[string]string `json:"kind"`
			Repeat  map[string]string `json:"repeat"`
		}
		if err := json.Unmarshal(b, &loc); err != nil {
			t.Fatal(err)
		}
		for _, s := range checklist.Sections {
			if loc.Section[s] == "" {
				t.Errorf("%s: no section.%s", lang, s)
			}
		}
		for _, k := range checklist.Kinds {
			if loc.Kind[k] == "" {
				t.Errorf("%s: no kind.%s", lang, k)
			}
		}
		for _, r := range checklist.Repeats {
			if loc.Repeat[r] == "" {
				t.Errorf("%s: no repeat.%s", lang, r)
			}
		}
	}
}
