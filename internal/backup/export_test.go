package backup

import "time"

// SetClock makes the store read the time from now (tests only).
func (s *Store) SetClock(now func() time.Time) { s.now = now }
