//go:build !windows

package webserve

import (
	"errors"
	"syscall"
)

// processAlive tells whether a process with this id runs (signal 0 checks without sending).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
