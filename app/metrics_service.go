package app

import (
	"shopdesk/internal/metrics"
)

// MetricsService is 店铺数据: the shops' daily figures typed in, the monthly targets, the
// derived figures, the alerts and the trends.
type MetricsService struct{ env *env }

// Today is the day now in the shops' zone ('YYYY-MM-DD').
func (s *MetricsService) Today() string { return s.env.metrics.Today() }

// Range returns every shop's figures of the days [from, to].
func (s *MetricsService) Range(from, to string) ([]metrics.ShopDays, error) {
	return s.env.metrics.Shops(s.env.ctx, from, to)
}

// Save keeps a day's typed figures.
func (s *MetricsService) Save(in metrics.Input) error { return s.env.metrics.Save(s.env.ctx, in) }

// SetTarget sets a shop's sales target of a month, in fen.
func (s *MetricsService) SetTarget(shopID int64, month string, fen int64) error {
	return s.env.metrics.SetTarget(s.env.ctx, shopID, month, fen)
}

// Alerts lists the figures of day that moved more than the setting against their 7-day average.
func (s *MetricsService) Alerts(day string) ([]metrics.Alert, error) {
	return s.env.metrics.Alerts(s.env.ctx, day)
}

// AlertPct is the alert setting (percent).
func (s *MetricsService) AlertPct() (float64, error) { return s.env.metrics.AlertPercent(s.env.ctx) }

// SetAlertPct changes the alert setting (percent, 1-500).
func (s *MetricsService) SetAlertPct(pct float64) error {
	return s.env.metrics.SetAlertPercent(s.env.ctx, pct)
}
