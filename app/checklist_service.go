package app

import (
	"shopdesk/internal/checklist"
)

// ChecklistService is today's checklist (今日清单), the home page: the day's list made from
// the data and kept, ticks and skips, past days, the recurring items, and the print file.
type ChecklistService struct{ env *env }

// Open returns a day's list ("" today): today's refreshed from the data, a past day's as
// it was kept.
func (s *ChecklistService) Open(day string) (checklist.Day, error) {
	return s.env.checklist.Open(s.env.ctx, day)
}

// Days lists the kept days, newest first.
func (s *ChecklistService) Days(limit int) ([]checklist.DaySummary, error) {
	return s.env.checklist.Days(s.env.ctx, limit)
}

// Tick marks a line done by actorID (0: nobody chosen).
func (s *ChecklistService) Tick(id, actorID int64) (checklist.Item, error) {
	return s.env.checklist.Tick(s.env.ctx, id, actorID)
}

// Skip marks a line skipped with a reason.
func (s *ChecklistService) Skip(id, actorID int64, reason string) (checklist.Item, error) {
	return s.env.checklist.Skip(s.env.ctx, id, actorID, reason)
}

// Reopen takes a tick or a skip back.
func (s *ChecklistService) Reopen(id, actorID int64) (checklist.Item, error) {
	return s.env.checklist.Reopen(s.env.ctx, id, actorID)
}

// Tasks lists the recurring items.
func (s *ChecklistService) Tasks() ([]checklist.Task, error) { return s.env.checklist.Tasks(s.env.ctx) }

// SaveTask adds (id 0) or changes a recurring item.
func (s *ChecklistService) SaveTask(t checklist.Task) (checklist.Task, error) {
	return s.env.checklist.SaveTask(s.env.ctx, t)
}

// DeleteTask removes a recurring item (the days it was on keep their line).
func (s *ChecklistService) DeleteTask(id int64) error {
	return s.env.checklist.DeleteTask(s.env.ctx, id)
}

// ExportHTML saves a day's print view as one self-contained HTML file (the window's save
// dialog, or a download in the browser).
func (s *ChecklistService) ExportHTML(day string) (SavedFile, error) {
	d, err := s.env.checklist.Open(s.env.ctx, day)
	if err != nil {
		return SavedFile{}, err
	}
	html, err := checklist.HTML(d)
	if err != nil {
		return SavedFile{}, err
	}
	return s.env.shell.SaveFile("今日清单-"+d.Date+".html", html)
}

// SalesWeek returns every shop's paid sales of the 7 days ending on day ("" today).
func (s *ChecklistService) SalesWeek(day string) ([]checklist.ShopSales, error) {
	return s.env.checklist.SalesWeek(s.env.ctx, day)
}
