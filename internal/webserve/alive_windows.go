package webserve

import "os"

// processAlive tells whether a process with this id runs: on Windows FindProcess opens
// the process, which fails when there is none.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
