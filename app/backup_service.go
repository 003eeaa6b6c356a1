package app

import (
	"log"

	"shopdesk/internal/backup"
)

// BackupsChangedEvent tells the UI that a backup was made or restored (or an automatic one
// failed): 设置 → 备份 reloads its list.
const BackupsChangedEvent = "backup:changed"

// RestoredEvent tells every window that the database was replaced by a backup: the UI
// reloads everything it shows.
const RestoredEvent = "backup:restored"

// BackupService is 设置 → 备份: the backups, the folder, back up now, restore.
type BackupService struct{ env *env }

// Status lists the backups with the folder in force.
func (s *BackupService) Status() (backup.Status, error) {
	return s.env.backups.Status(s.env.ctx)
}

// BackupNow makes a backup of kind "manual" (kept until the seller deletes it).
func (s *BackupService) BackupNow() (backup.Backup, error) {
	b, err := s.env.backups.Backup(s.env.ctx, backup.KindManual)
	if err == nil {
		s.env.shell.Emit(BackupsChangedEvent, nil)
	}
	return b, err
}

// Restore puts the backup of that name (from Status) in place of the database, after
// keeping the current data aside as a backup of its own.
func (s *BackupService) Restore(name string) (backup.RestoreResult, error) {
	ctx, done := s.env.write("恢复备份")
	defer done()
	res, err := s.env.backups.RestoreNamed(ctx, name)
	if err != nil {
		return res, err
	}
	s.env.refreshAnomalies()
	s.env.shell.Emit(RestoredEvent, res)
	return res, nil
}

// SetFolder makes dir the backup folder ("": the folder beside the database).
func (s *BackupService) SetFolder(dir string) (backup.Status, error) {
	ctx, done := s.env.write("保存备份设置")
	defer done()
	if err := s.env.backups.SetFolder(ctx, dir); err != nil {
		return backup.Status{}, err
	}
	return s.Status()
}

// PickFolder opens the native folder dialog (desktop window only); "" when canceled.
func (s *BackupService) PickFolder() (string, error) {
	return s.env.shell.PickFolder("选择备份文件夹（可以是 U 盘、移动硬盘或网盘同步的文件夹）")
}

// run makes the daily backups while the app runs.
func (s *BackupService) run() {
	s.env.backups.Run(s.env.ctx, func(b backup.Backup, err error) {
		if err != nil {
			log.Printf("automatic backup: %v", err)
		}
		s.env.shell.Emit(BackupsChangedEvent, nil)
	})
}

// beforeImport makes the backup that precedes an import (see backup.Store.BeforeImport);
// starting is called when one is made. A failure does not stop the import: it is shown
// in 设置 → 备份 and logged.
func (e *env) beforeImport(starting func()) {
	b, made, err := e.backups.BeforeImport(e.ctx, starting)
	switch {
	case err != nil:
		e.backups.NoteAutomatic(err)
		log.Printf("backup before import: %v", err)
		e.shell.Emit(BackupsChangedEvent, nil)
	case made:
		e.backups.NoteAutomatic(nil)
		log.Printf("backup before import: %s", b.File)
		e.shell.Emit(BackupsChangedEvent, nil)
	}
}
