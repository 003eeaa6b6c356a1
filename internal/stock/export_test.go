package stock

// SetSyncChunk sets how many orders one transaction of a sync derives; it returns the old value.
func SetSyncChunk(n int64) int64 {
	old := syncChunk
	syncChunk = n
	return old
}
