//go:build bindings

package main

// generatingBindings is true when `wails generate module` (or wails build) runs the app
// only to read its bound methods: no display, no database.
const generatingBindings = true
