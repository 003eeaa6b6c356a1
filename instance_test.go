package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestInstanceID(t *testing.T) {
	dir := t.TempDir()
	a := instanceID(filepath.Join(dir, "shop.db"))
	if !regexp.MustCompile(`^shopdesk-[0-9a-f]{16}$`).MatchString(a) {
		t.Fatalf("id %q is not fit for a D-Bus or mutex name", a)
	}
	t.Chdir(dir)
	if b := instanceID("shop.db"); b != a {
		t.Fatalf("the same database by a relative path: %s vs %s", b, a)
	}
	if c := instanceID(filepath.Join(dir, "other.db")); c == a {
		t.Fatal("two databases share one lock")
	}
}

func TestFilesFromArgs(t *testing.T) {
	wd := t.TempDir()
	csv := filepath.Join(wd, "ExportOrderList.csv")
	os.WriteFile(csv, []byte("x"), 0o600)
	os.Mkdir(filepath.Join(wd, "folder"), 0o700)
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"no files", nil, nil},
		{"absolute", []string{csv}, []string{csv}},
		{"relative to the second start's folder", []string{"ExportOrderList.csv"}, []string{csv}},
		{"after the global flags", []string{"--db", "/x/shop.db", "--demo", csv}, []string{csv}},
		{"missing files and folders dropped", []string{"missing.csv", "folder", csv}, []string{csv}},
		{"unknown flags: nothing", []string{"--evil", csv}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := filesFromArgs(tt.args, wd)
			if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// shopdesk FILE... opens the window with the files to preview; an unknown word is still
// an unknown command.
func TestStartWithFiles(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "ExportOrderList.csv")
	os.WriteFile(csv, []byte("x"), 0o600)
	var got globalFlags
	window := func(_ context.Context, g globalFlags) int { got = g; return 0 }
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"--db", filepath.Join(dir, "s.db"), csv}, &out, &errOut, window); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if len(got.open) != 1 || got.open[0] != csv {
		t.Fatalf("window opened with %+v", got)
	}
	if code := run(context.Background(), []string{"importt"}, &out, &errOut, noWindow(t)); code != 2 || !strings.Contains(errOut.String(), "未知的子命令") {
		t.Fatalf("unknown command: %d %s", code, errOut.String())
	}
	// a file named like a subcommand in the current folder does not shadow it
	t.Chdir(dir)
	os.WriteFile(filepath.Join(dir, "imports"), []byte("x"), 0o600)
	out.Reset()
	if code := run(context.Background(), []string{"--db", filepath.Join(dir, "s.db"), "imports"}, &out, &errOut, noWindow(t)); code != 0 || !strings.Contains(out.String(), "还没有导入记录") {
		t.Fatalf("imports with a file called imports here: %d %q %q", code, out.String(), errOut.String())
	}
}
