package orders

// SetDaysPerRead makes List read the day counts n days at a time, so that the tests go
// through the reads after the first; it returns a func that puts the default back.
func SetDaysPerRead(n int64) (restore func()) {
	old := daysPerRead
	daysPerRead = n
	return func() { daysPerRead = old }
}
