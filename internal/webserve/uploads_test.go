//go:build !windows

package webserve_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"shopdesk/internal/webserve"
)

// A run's uploads go when it closes; the folders of runs that died (kill -9, a crash, a
// power cut) go when the next run opens; those of runs still alive stay.
func TestUploadFoldersCleaned(t *testing.T) {
	root := t.TempDir()
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Skip("no `true` command to get the id of a finished process")
	}
	folders := map[string]bool{ // name -> still there after OpenUploads
		"shopdesk-uploads-" + strconv.Itoa(gone.Process.Pid) + "-123": false, // its process ended
		"shopdesk-uploads-" + strconv.Itoa(os.Getpid()) + "-456":      true,  // this process (another server in it)
		"shopdesk-uploads-1-789":                                      true,  // init: alive
		"shopdesk-uploads-x-1":                                        true,  // not ours: no process id
		"other-program-uploads-1":                                     true,
	}
	for name := range folders {
		if err := os.MkdirAll(filepath.Join(root, name, "abc"), 0o700); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(root, name, "abc", "ExportOrderList.csv"), []byte("x"), 0o600)
	}
	u, err := webserve.OpenUploads(root)
	if err != nil {
		t.Fatal(err)
	}
	for name, stays := range folders {
		_, err := os.Stat(filepath.Join(root, name))
		if (err == nil) != stays {
			t.Errorf("%s: there = %v, want %v", name, err == nil, stays)
		}
	}
	if st, err := os.Stat(u.Dir()); err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("this run's folder: %v, %v", st, err)
	}
	os.WriteFile(filepath.Join(u.Dir(), "x.csv"), []byte("x"), 0o600)
	if err := u.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(u.Dir()); !os.IsNotExist(err) {
		t.Fatalf("uploads left after Close: %v", err)
	}
}
