package db

// WaitCheckpoints waits for the background checkpoints of bulk writes (tests only).
func (d *DB) WaitCheckpoints() { d.checkpoints.Wait() }
