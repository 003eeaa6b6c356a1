package xlsx

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The shared strings come back as they went in, from memory and from the temporary file,
// in any order of asking; a too-long text is marked with its length; the file is removed
// on close.
func TestSharedStringsSpillToDisk(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	tests := []struct {
		name                  string
		textPages, entryPages int
		n                     int
	}{
		{"all in memory", 64, 64, 20_000},
		{"texts spilled", 1, 64, 200_000},
		{"texts and entries spilled", 1, 1, 400_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSharedStringsSized(tt.textPages, tt.entryPages)
			want := make([]string, tt.n)
			rng := rand.New(rand.NewPCG(1, 2))
			for i := range want {
				switch {
				case i%1000 == 999:
					want[i] = "" // empty items exist (<si/>)
				case i == tt.n/2:
					want[i] = strings.Repeat("长", 2*pageSize/3) // 2 MB of UTF-8: too long, marked
				default:
					want[i] = fmt.Sprintf("订单%d-%s", i, strings.Repeat("x", rng.IntN(40)))
				}
				var err error
				if i == tt.n/2 {
					err = s.addTooLong(len([]rune(want[i])))
				} else {
					err = s.add([]byte(want[i]))
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			spilled, _ := filepath.Glob(filepath.Join(tmp, "shopdesk-sharedstrings-*"))
			if wantSpill := tt.textPages < 64; (len(spilled) > 0) != wantSpill {
				t.Fatalf("temporary files %v (spill expected: %v)", spilled, wantSpill)
			}
			check := func(i int) {
				got, chars, err := s.get(i)
				if err != nil {
					t.Fatal(err)
				}
				if i == tt.n/2 {
					if chars != len([]rune(want[i])) || got != "" {
						t.Fatalf("too-long item: %d chars, %q", chars, got)
					}
					return
				}
				if got != want[i] || chars != 0 {
					t.Fatalf("item %d = %q (%d), want %q", i, got, chars, want[i])
				}
			}
			for i := range want { // in order, as a sheet mostly asks
				check(i)
			}
			for range 50_000 { // and at random
				check(rng.IntN(tt.n))
			}
			if err := s.close(); err != nil {
				t.Fatal(err)
			}
			if left, _ := filepath.Glob(filepath.Join(tmp, "shopdesk-sharedstrings-*")); len(left) > 0 {
				t.Fatalf("left behind: %v", left)
			}
		})
	}
	_ = os.Remove
}
