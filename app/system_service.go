package app

import (
	"time"

	"shopdesk/internal/demo"
)

// SystemService tells the UI about the app and makes the demo shop.
type SystemService struct{ env *env }

// Info tells where the app runs and whether the database is still empty.
func (s *SystemService) Info() (Info, error) {
	n, err := s.env.shops.Count(s.env.ctx)
	if err != nil {
		return Info{}, err
	}
	return Info{Mode: s.env.shell.Mode(), DBPath: s.env.db.Path, Version: Version, Empty: n == 0}, nil
}

// CreateDemo fills an empty database with the demo shops.
func (s *SystemService) CreateDemo() (DemoResult, error) {
	r, err := demo.Create(s.env.ctx, s.env.db, time.Now())
	if err != nil {
		return DemoResult{}, err
	}
	s.env.refreshAnomalies()
	return DemoResult{Shops: r.Shops, Orders: r.Orders}, nil
}
