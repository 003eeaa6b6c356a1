package app

import (
	"context"
	"sync/atomic"

	"shopdesk/db"
)

// WaitingEvent tells the UI that a change it asked for (a settings save, an undo, a
// restore) waits for another write to finish (issue 15 §3): the UI shows Text until an
// event with the same ID and Done comes. An import shows its wait in its own progress
// (importer.Progress.Waiting) instead.
const WaitingEvent = "db:waiting"

// Waiting is the WaitingEvent's data.
type Waiting struct {
	ID   int64  `json:"id"`
	Text string `json:"text"` // "等待另一个导入完成：正在导入“a.csv”，09:30:05 开始（已 12 秒）"
	Done bool   `json:"done"`
}

var waitSeq atomic.Int64

// write is the context of a change the UI asked for: named op for those who wait for it,
// and telling the UI when it waits itself. Call done when the change is over.
func (e *env) write(op string) (ctx context.Context, done func()) {
	id := waitSeq.Add(1)
	var waited atomic.Bool
	ctx = db.OnWait(db.WithOp(e.ctx, op), func(h db.Holder) {
		waited.Store(true)
		e.shell.Emit(WaitingEvent, Waiting{ID: id, Text: h.Waiting()})
	})
	return ctx, func() {
		if waited.Load() {
			e.shell.Emit(WaitingEvent, Waiting{ID: id, Done: true})
		}
	}
}
