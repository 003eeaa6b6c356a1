package anomaly

import (
	"context"
	"database/sql"
	"errors"

	"shopdesk/db/sqldb"
)

// FullRecheck runs a full evaluation as of clock in a transaction it rolls back: what a
// full run would change on the data as it is, and the shops' numbers it would keep. Tests
// compare it with what the scoped runs left.
func (s *Store) FullRecheck(ctx context.Context, clock Clock) (Result, []sqldb.AnomalyShop, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var res Result
	var shops []sqldb.AnomalyShop
	err := s.db.InTx(ctx, func(tx *sql.Tx, _ *sqldb.Queries) error {
		q, err := prepare(ctx, tx)
		if err != nil {
			return err
		}
		defer q.Close()
		if res, err = evaluate(ctx, q, clock, true); err != nil {
			return err
		}
		if shops, err = q.AnomalyShops(ctx); err != nil {
			return err
		}
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		return Result{}, nil, err
	}
	return res, shops, nil
}
