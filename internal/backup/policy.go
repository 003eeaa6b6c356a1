package backup

import (
	"context"
	"time"
)

// When the automatic backups are made.
//
// Daily: the app (window or serve) checks at start and every hour; the first check of a
// day without a backup makes one.
//
// Before an import: a backup costs a copy of the whole database, an import costs its rows.
// BenchmarkBackupBeforeImport, on this shared 2-core machine (load 9): a million-order
// import took 71.8 s and made a 364 MB database, which backed up in 3.4 s (4.8% of that
// import). But a shop's everyday import is a few hundred rows: 500 orders into that
// database took 0.34 s, and a backup before it would make it 10x slower. So the backup
// before an import is skipped when it would hold nothing new:
//   - nothing was written since this process's last backup (db.Writes has not moved);
//   - or the newest backup is younger than importGap. A seller dropping the morning's
//     files one after another gets one backup, not one per file; the imports since it
//     can each be undone (导入记录 → 撤销), and the next one after the gap is backed up.
// A multi-file import is one call: one backup before its first file.

// importGap is how recent a backup may be for an import to go without one of its own.
const importGap = time.Hour

// checkEvery is how often the app checks whether the day's backup is due.
const checkEvery = time.Hour

// BeforeImport makes the backup that precedes an import, unless (above) it would hold
// nothing new. made reports whether one was made; starting, if not nil, is called when
// one is about to be (for the UI to say so).
func (s *Store) BeforeImport(ctx context.Context, starting func()) (b Backup, made bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lastWrites >= 0 && s.lastWrites == s.db.Writes() {
		return Backup{}, false, nil
	}
	due, dir, err := s.due(ctx, func(newest Backup, now time.Time) bool { return now.Sub(newest.at) >= importGap })
	if err != nil || !due {
		return Backup{}, false, err
	}
	if starting != nil {
		starting()
	}
	b, err = s.backupLocked(ctx, dir, KindImport)
	return b, err == nil, err
}

// Daily makes the day's backup when the day has none yet.
func (s *Store) Daily(ctx context.Context) (b Backup, made bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	due, dir, err := s.due(ctx, func(newest Backup, now time.Time) bool {
		return newest.at.Format("2006-01-02") != now.Format("2006-01-02")
	})
	if err != nil || !due {
		return Backup{}, false, err
	}
	b, err = s.backupLocked(ctx, dir, KindDaily)
	return b, err == nil, err
}

// due tells whether an automatic backup is due, given the newest backup of the database
// as it is (the copies kept aside before a restore are of another state); always when
// there is none. A database without a shop has nothing to lose: never.
func (s *Store) due(ctx context.Context, since func(newest Backup, now time.Time) bool) (bool, string, error) {
	if n, err := s.db.Queries().CountShops(ctx); err != nil || n == 0 {
		return false, "", err
	}
	dir, err := s.Dir(ctx)
	if err != nil {
		return false, "", err
	}
	list, err := listDir(dir, stem(s.db.Path))
	if err != nil {
		return false, "", err
	}
	for _, b := range list {
		if b.Kind != KindRestore {
			return since(b, s.now()), dir, nil
		}
	}
	return true, dir, nil
}

// Run makes the daily backups until ctx ends: one check at once, then every checkEvery.
// done hears of each backup made or failed (the next check tries again).
func (s *Store) Run(ctx context.Context, done func(Backup, error)) {
	t := time.NewTicker(checkEvery)
	defer t.Stop()
	for {
		b, made, err := s.Daily(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			s.NoteAutomatic(err)
			done(b, err)
		case made:
			s.NoteAutomatic(nil)
			done(b, nil)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
