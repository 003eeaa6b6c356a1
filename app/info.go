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
