package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The UI's copy of the shared lists and of each kind's mapping fields
// (frontend/src/lib/importDefs.json) is what FrontendDefinitions writes: a field, status
// or platform added on one side only fails here (and the frontend's own tests check its
// literal lists against the file).
func TestFrontendDefinitions(t *testing.T) {
	path := filepath.Join("..", "..", "frontend", "src", "lib", "importDefs.json")
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
		t.Fatalf("%s differs from the Go definitions (kind.go, orders.go, refunds.go, domain.go): rewrite it with\n\tSHOPDESK_UPDATE_DEFS=1 go test -run TestFrontendDefinitions ./internal/importer/\nand adapt the UI to the change", path)
	}
}
