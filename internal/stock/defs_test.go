package stock

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestFrontendDefinitions(t *testing.T) {
	path := filepath.Join("..", "..", "frontend", "src", "lib", "stockDefs.json")
	want, err := FrontendDefinitions()
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("SHOPDESK_UPDATE_DEFS") != "" {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s differs from the Go lists (internal/stock): rewrite it with\n\tSHOPDESK_UPDATE_DEFS=1 go test -run TestFrontendDefinitions ./internal/stock/", path)
	}
}
