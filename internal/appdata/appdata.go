// Package appdata says where Shopdesk keeps its database on this computer.
package appdata

import (
	"os"
	"path/filepath"
	"runtime"
)

// EnvDB overrides the database path (the --db flag overrides both).
const EnvDB = "SHOPDESK_DB"

// DBPath is the database file: $SHOPDESK_DB, else %APPDATA%\Shopdesk\shopdesk.db on
// Windows, $XDG_DATA_HOME/shopdesk/shopdesk.db (default ~/.local/share) elsewhere.
func DBPath() (string, error) {
	if p := os.Getenv(EnvDB); p != "" {
		return p, nil
	}
	dir, err := dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "shopdesk.db"), nil
}

func dataDir() (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("APPDATA"); d != "" {
			return filepath.Join(d, "Shopdesk"), nil
		}
		d, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(d, "Shopdesk"), nil
	case "darwin":
		d, err := os.UserConfigDir() // ~/Library/Application Support
		if err != nil {
			return "", err
		}
		return filepath.Join(d, "Shopdesk"), nil
	default:
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			return filepath.Join(d, "shopdesk"), nil
		}
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, ".local", "share", "shopdesk"), nil
	}
}
