package staff_test

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"shopdesk/internal/staff"
)

// The codes Go sends and the UI shows are one list each: the UI's copies
// (frontend/src/pages/staff/text.ts) equal Go's, and both languages have words for each.
func TestListsMatchTheUI(t *testing.T) {
	src, err := os.ReadFile("../../frontend/src/pages/staff/text.ts")
	if err != nil {
		t.Fatal(err)
	}
	tsList := func(name string) []string {
		m := regexp.MustCompile(`export const ` + name + ` = \[([^\]]*)\] as const;`).FindSubmatch(src)
		if m == nil {
			t.Fatalf("text.ts has no list %s", name)
		}
		var out []string
		for _, q := range regexp.MustCompile(`'([^']*)'`).FindAllSubmatch(m[1], -1) {
			out = append(out, string(q[1]))
		}
		return out
	}
	locales := map[string]map[string]any{}
	for _, lang := range []string{"zh-CN", "en-US"} {
		data, err := os.ReadFile("../../frontend/src/locales/" + lang + "/staff.json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s/staff.json: %v", lang, err)
		}
		locales[lang] = m
	}
	word := func(lang, path string) string {
		var v any = locales[lang]
		for _, k := range strings.Split(path, ".") {
			m, ok := v.(map[string]any)
			if !ok {
				return ""
			}
			v = m[k]
		}
		s, _ := v.(string)
		return s
	}
	cases := []struct {
		ts     string
		goList []string
		words  []string // locale paths with %s for the code
	}{
		{"LINE_RULES", staff.LineRules, []string{"lineName.%s"}},
		{"TIERS", staff.Tiers, []string{"line.late.%s", "line.early.%s"}},
		{"CHECK_KINDS", staff.CheckKinds, []string{"checkKind.%s", "check.%s"}},
		{"LEAVE_TYPES", staff.LeaveTypes, []string{"leaveType.%s"}},
		{"INCIDENT_KINDS", staff.IncidentKinds, []string{"lineName.%s", "line.%s"}},
		{"CORRECTION_ACTIONS", staff.CorrectionActions, []string{"correct.actionName.%s"}},
		{"ROLES", staff.Roles, nil},
	}
	for _, c := range cases {
		if got := tsList(c.ts); !slices.Equal(got, c.goList) {
			t.Errorf("text.ts %s = %q, Go has %q", c.ts, got, c.goList)
		}
		for _, code := range c.goList {
			for _, w := range c.words {
				for lang := range locales {
					if word(lang, strings.Replace(w, "%s", code, 1)) == "" {
						t.Errorf("%s/staff.json has no %s", lang, strings.Replace(w, "%s", code, 1))
					}
				}
			}
		}
	}
	for _, lang := range []string{"zh-CN", "en-US"} {
		for _, d := range staff.RuleDefs {
			if word(lang, "rules.key."+strings.TrimPrefix(d.Key, "pay.")) == "" {
				t.Errorf("%s/staff.json has no words for the rule %s", lang, d.Key)
			}
		}
	}
}
