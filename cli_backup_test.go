package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// backup, backups and restore: a backup made now and one made elsewhere, listed with the
// --json keys scripts rely on; a restore brings the data back and keeps what it replaced,
// which restores in turn.
func TestBackupCommands(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "s.db")
	if code, out, errOut := runCLI(t, "--db", dbPath, "import", taobaoFile(t, dir, "ExportOrderList1.csv", "交易成功")); code != 0 {
		t.Fatalf("import: %s %s", out, errOut)
	}
	code, out, errOut := runCLI(t, "--db", dbPath, "backup")
	if code != 0 || !strings.Contains(out, "已备份到 "+filepath.Join(dir, "backups", "s-")) {
		t.Fatalf("backup: %d %q %q", code, out, errOut)
	}
	elsewhere := filepath.Join(dir, "U盘")
	if code, out, _ := runCLI(t, "--db", dbPath, "backup", "--to", elsewhere); code != 0 || !strings.Contains(out, elsewhere) {
		t.Fatalf("backup --to: %d %q", code, out)
	}
	if runtime.GOOS != "windows" {
		files, _ := filepath.Glob(filepath.Join(elsewhere, "s-*-manual.db"))
		if st, err := os.Stat(files[0]); err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("backup file mode: %v %v", st.Mode(), err)
		}
	}

	code, out, _ = runCLI(t, "--db", dbPath, "backups", "--json")
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != 1 {
		t.Fatalf("backups --json: %d %q %v", code, out, err)
	}
	var keys []string
	for k := range list[0] {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, []string{"file", "kind", "size", "time"}) {
		t.Fatalf("keys %v", keys)
	}
	file := list[0]["file"].(string)
	if list[0]["kind"] != "manual" || list[0]["size"].(float64) <= 0 || filepath.Dir(file) != filepath.Join(dir, "backups") {
		t.Fatalf("backup %v", list[0])
	}
	if _, err := time.Parse(time.RFC3339, list[0]["time"].(string)); err != nil {
		t.Fatalf("time %v: %v", list[0]["time"], err)
	}
	if code, out, _ := runCLI(t, "--db", dbPath, "backups"); code != 0 || !strings.Contains(out, "手动") || !strings.Contains(out, filepath.Base(file)) {
		t.Fatalf("backups: %d %q", code, out)
	}

	runCLI(t, "--db", dbPath, "import", taobaoFile(t, dir, "ExportOrderList2.csv", "交易成功", "交易成功", "交易成功"))
	code, out, errOut = runCLI(t, "--db", dbPath, "restore", file)
	if code != 0 || !strings.Contains(out, "已恢复备份") || !strings.Contains(out, "恢复前的数据另存为") {
		t.Fatalf("restore: %d %q %q", code, out, errOut)
	}
	if _, out, _ := runCLI(t, "--db", dbPath, "imports"); strings.Contains(out, "ExportOrderList2.csv") || !strings.Contains(out, "ExportOrderList1.csv") {
		t.Fatalf("after the restore, imports: %q", out)
	}
	// Taking it back by the name `backups` lists.
	_, out, _ = runCLI(t, "--db", dbPath, "backups", "--json")
	json.Unmarshal([]byte(out), &list)
	if len(list) != 2 || list[0]["kind"] != "restore" {
		t.Fatalf("backups after the restore: %v", list)
	}
	if code, _, errOut := runCLI(t, "--db", dbPath, "restore", filepath.Base(list[0]["file"].(string))); code != 0 {
		t.Fatalf("restore by name: %q", errOut)
	}
	if _, out, _ := runCLI(t, "--db", dbPath, "imports"); !strings.Contains(out, "ExportOrderList2.csv") {
		t.Fatalf("after taking the restore back, imports: %q", out)
	}

	for _, bad := range [][]string{{"restore", filepath.Join(dir, "nope.db")}, {"restore", dir}} {
		if code, _, errOut := runCLI(t, append([]string{"--db", dbPath}, bad...)...); code != 1 || !strings.Contains(errOut, "无法恢复") {
			t.Fatalf("%v: %d %q", bad, code, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "--db", dbPath, "restore"); code != 2 || !strings.Contains(errOut, "用法") {
		t.Fatalf("restore without a file: %d %q", code, errOut)
	}
}
