package orders

// SetDaysPerRead makes List read the day counts n days at a time, so that the tests go
// through the reads after the first; it returns a func that puts the default back.
func SetDaysPerRead(n int64) (restore func()) {
	old := daysPerRead
	daysPerRead = n
	return func() { daysPerRead = old }
}

// EncodeCursor is the cursor of the row (createdAt, id), as the UI holds it after paging
// down to that row.
var EncodeCursor = encodeCursor
