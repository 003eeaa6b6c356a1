package db_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every write goes through db.InTx / InBulkTx / WithWriter (issue 15 §3): a write on the
// shared pool outside them does not queue behind the running writer (an import) and fails
// after the busy timeout with SQLite's English "database is locked". This finds, in the
// app's Go sources, generated write queries called on Queries() (outside a transaction)
// and Exec on the pool.
func TestWritesGoThroughTheWriterQueue(t *testing.T) {
	writes := map[string]bool{}
	queries, err := filepath.Glob("queries/*.sql")
	if err != nil || len(queries) == 0 {
		t.Fatalf("no queries: %v", err)
	}
	nameRe := regexp.MustCompile(`(?m)^-- name: (\w+) :\w+\s*$`)
	writeRe := regexp.MustCompile(`(?is)^\s*(INSERT|UPDATE|DELETE|REPLACE)\b`)
	for _, q := range queries {
		src, _ := os.ReadFile(q)
		marks := nameRe.FindAllSubmatchIndex(src, -1)
		for i, m := range marks {
			end := len(src)
			if i+1 < len(marks) {
				end = marks[i+1][0]
			}
			var body []string
			for _, line := range strings.Split(string(src[m[1]:end]), "\n") {
				if !strings.HasPrefix(strings.TrimSpace(line), "--") {
					body = append(body, line)
				}
			}
			if writeRe.MatchString(strings.Join(body, "\n")) {
				writes[string(src[m[2]:m[3]])] = true
			}
		}
	}
	if len(writes) < 10 {
		t.Fatalf("found only %d write queries", len(writes))
	}
	callRe := regexp.MustCompile(`Queries\(\)\.(\w+)\(`)
	execRe := regexp.MustCompile(`\.SQL\.Exec(Context)?\(`)
	var bad []string
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "frontend", "build", "node_modules", "sqldb", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range callRe.FindAllSubmatch(src, -1) {
			if writes[string(m[1])] {
				bad = append(bad, path+": Queries()."+string(m[1])+" writes outside db.InTx")
			}
		}
		if filepath.Dir(path) != filepath.Join("..", "db") && execRe.Match(src) {
			bad = append(bad, path+": Exec on the pool (db.SQL) outside db.InTx")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bad {
		t.Error(b)
	}
}
