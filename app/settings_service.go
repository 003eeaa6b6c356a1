package app

import (
	"database/sql"

	"shopdesk/db/sqldb"
	"shopdesk/internal/settings"
)

// SettingsService is 设置: the thresholds of the anomaly rules (the staff list is StaffService).
type SettingsService struct{ env *env }

// List returns every threshold with its value, default and range.
func (s *SettingsService) List() ([]settings.Setting, error) {
	return settings.List(s.env.ctx, s.env.db.Queries())
}

// Save stores changed thresholds (key -> value; all or none) and runs the rules with them.
func (s *SettingsService) Save(values map[string]float64) ([]settings.Setting, error) {
	ctx, done := s.env.write("保存设置")
	defer done()
	if err := s.env.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		return settings.Save(ctx, q, values)
	}); err != nil {
		return nil, err
	}
	s.env.refreshAnomalies()
	return s.List()
}
