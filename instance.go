package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// One window per database (issue 15 §6): a second start on the same database hands its
// files to the window already open and exits (Wails' SingleInstanceLock: a named mutex on
// Windows, a D-Bus name on Linux). Another database may have a window of its own.

// instanceID is the single instance lock's id for the database at dbPath.
func instanceID(dbPath string) string {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		abs = dbPath
	}
	sum := sha256.Sum256([]byte(filepath.Clean(abs)))
	// letters, digits and "-" only: Wails makes a D-Bus name and a mutex name of it
	return "shopdesk-" + hex.EncodeToString(sum[:8])
}

// filesFromArgs picks the files out of a second start's command line (global flags, then
// files; relative paths are of the second start's working folder). Anything that is not an
// existing regular file is dropped: the arguments come from another process.
func filesFromArgs(args []string, wd string) []string {
	fs := flag.NewFlagSet("second start", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.String("db", "", "")
	fs.Bool("demo", false, "")
	if err := fs.Parse(args); err != nil {
		return nil
	}
	var files []string
	for _, a := range fs.Args() {
		if !filepath.IsAbs(a) {
			a = filepath.Join(wd, a)
		}
		if st, err := os.Stat(a); err == nil && st.Mode().IsRegular() {
			files = append(files, filepath.Clean(a))
		}
	}
	return files
}

// isFileArg tells whether a command line word is a file to open rather than a subcommand:
// an existing regular file named with a folder or an extension (Explorer passes full
// paths; a subcommand has neither, so a file called "import" in the current folder does
// not shadow `shopdesk import`).
func isFileArg(arg string) bool {
	if filepath.Ext(arg) == "" && !strings.ContainsAny(arg, `/\`) {
		return false
	}
	st, err := os.Stat(arg)
	return err == nil && st.Mode().IsRegular()
}
