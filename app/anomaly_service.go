package app

import (
	"context"
	"log"
	"shopdesk/db"
	"time"

	"shopdesk/internal/anomaly"
)

// AnomaliesEvent tells the UI that the anomalies changed (an anomaly.Result).
const AnomaliesEvent = "anomalies:changed"

// recheckEvery is how often the rules run while the app is open: time-based rules (due
// soon, overdue, stalled) change as time passes.
const recheckEvery = 5 * time.Minute

// AnomalyService is the order anomalies workbench (订单异常): the worklist, its workflow,
// the complaints register and the export.
type AnomalyService struct{ env *env }

// run evaluates the rules at start and then every recheckEvery until ctx ends.
func (s *AnomalyService) run(ctx context.Context) {
	s.env.refreshAnomalies()
	t := time.NewTicker(recheckEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.env.refreshAnomalies()
		}
	}
}

// refreshAnomalies runs the rules now (after an import, an undo, a settings change, at
// start and every few minutes) and tells the UI. A run looks only at what changed since
// the last one: after an import or an undo, the orders the batch touched (the triggers of
// migration 00011 note it), plus the orders whose time-based rules the clock passed; with
// nothing changed it reads a few index entries and writes nothing. A failure is logged:
// whatever changed the data stands, and the next run catches up.
func (e *env) refreshAnomalies() {
	if e.db == nil {
		return
	}
	res, err := e.anomalies.Evaluate(db.WithOp(e.ctx, "更新订单异常"), anomaly.At(time.Now()))
	if err != nil {
		log.Printf("order anomalies: %v", err)
		return
	}
	e.shell.Emit(AnomaliesEvent, res)
}

// List returns one page of the worklist with the counts per kind and shop.
func (s *AnomalyService) List(q anomaly.Query) (anomaly.Page, error) {
	return s.env.anomalies.List(s.env.ctx, q)
}

// Summary is the dashboard tile: what is still to do, by kind, newest first.
func (s *AnomalyService) Summary() (anomaly.Summary, error) {
	return s.env.anomalies.Summary(s.env.ctx)
}

// Get returns one anomaly with its history and its order.
func (s *AnomalyService) Get(id int64) (anomaly.Detail, error) {
	return s.env.anomalies.Get(s.env.ctx, id)
}

// Recheck runs the rules now.
func (s *AnomalyService) Recheck() (anomaly.Result, error) {
	res, err := s.env.anomalies.Evaluate(s.env.ctx, anomaly.At(time.Now()))
	if err == nil {
		s.env.shell.Emit(AnomaliesEvent, res)
	}
	return res, err
}

// SetState moves anomalies to a state (open, in_progress, resolved, ignored), with an
// optional note; actorID is the staff member making the change (0: not chosen).
func (s *AnomalyService) SetState(ids []int64, state string, actorID int64, note string) (int, error) {
	return s.env.anomalies.SetState(s.env.ctx, ids, state, actorID, note)
}

// Assign gives anomalies to a staff member (ownerID 0: to nobody).
func (s *AnomalyService) Assign(ids []int64, ownerID, actorID int64) (int, error) {
	return s.env.anomalies.Assign(s.env.ctx, ids, ownerID, actorID)
}

// AddNote adds a note to an anomaly's history.
func (s *AnomalyService) AddNote(id int64, text string, actorID int64) error {
	return s.env.anomalies.AddNote(s.env.ctx, id, text, actorID)
}

// AddComplaint registers a complaint (投诉登记); it becomes an anomaly at once.
func (s *AnomalyService) AddComplaint(c anomaly.Complaint, actorID int64) (int64, error) {
	id, err := s.env.anomalies.AddComplaint(s.env.ctx, c, actorID, time.Now())
	if err == nil {
		s.env.refreshAnomalies()
	}
	return id, err
}

// DeleteComplaint takes back a complaint entered by mistake.
func (s *AnomalyService) DeleteComplaint(id int64) error {
	err := s.env.anomalies.DeleteComplaint(s.env.ctx, id)
	if err == nil {
		s.env.refreshAnomalies()
	}
	return err
}

// Export writes every anomaly q selects to an Excel file: a save dialog in the window, a
// download in the browser.
func (s *AnomalyService) Export(q anomaly.Query) (SavedFile, error) {
	data, n, err := s.env.anomalies.ExportXLSX(s.env.ctx, q)
	if err != nil {
		return SavedFile{}, err
	}
	f, err := s.env.shell.SaveFile("订单异常_"+time.Now().Format("20060102_1504")+".xlsx", data)
	f.Rows = n
	return f, err
}
