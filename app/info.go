package app

// Info tells the UI where it runs and what the database holds.
type Info struct {
	Mode    string `json:"mode"` // "desktop" (the Wails window) or "browser" (shopdesk serve)
	DBPath  string `json:"dbPath"`
	Version string `json:"version"`
	Empty   bool   `json:"empty"` // no shop yet: the UI offers the demo shop
}

// DemoResult says what CreateDemo made.
type DemoResult struct {
	Shops  int `json:"shops"`
	Orders int `json:"orders"`
}

// SavedFile says where a file the app made went: Path in the window (empty when the user
// canceled the dialog), URL in the browser (the page downloads it from there).
type SavedFile struct {
	Name string `json:"name"`
	Path string `json:"path"`
	URL  string `json:"url"`
	Rows int    `json:"rows"`
}
