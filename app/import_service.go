package app

import (
	"context"
	"sync"

	"shopdesk/internal/importer"
)

// ImportService imports export files dropped on or picked in the window (or uploaded in
// browser mode) and reports progress as importer.ProgressEvent events.
type ImportService struct {
	env *env
	mu  sync.Mutex // one import at a time: SQLite has one writer

	cancelMu sync.Mutex
	cancel   context.CancelFunc // of the running ImportFiles, nil when idle
}

// ImportFiles imports the files at paths, each all or nothing. shopIDs[i] is the shop the
// seller picked for paths[i] on the preview, for a file that does not name its shop (0 or
// missing: from the file, the remembered pick or the platform's only shop, as previewed).
func (s *ImportService) ImportFiles(paths []string, shopIDs []int64) (res []importer.FileResult, err error) {
	s.exclusive(func(ctx context.Context, im *importer.Importer, opts importer.Options) {
		res = im.ImportFiles(ctx, filesOf(paths, shopIDs), opts)
	})
	s.env.refreshAnomalies()
	s.env.matchInquiries()
	s.env.syncStock()
	return res, nil
}

// PreviewFiles dry-runs the files (nothing is kept) and returns, per file, what importing
// it would do and its first rows, for the seller to confirm. ImportFiles with the same
// paths and shops imports what the preview showed.
func (s *ImportService) PreviewFiles(paths []string, shopIDs []int64) (res []importer.Preview, err error) {
	s.exclusive(func(ctx context.Context, im *importer.Importer, opts importer.Options) {
		res = im.PreviewFiles(ctx, filesOf(paths, shopIDs), opts)
	})
	return res, nil
}

// filesOf pairs each path with its shop (0 past the end of shopIDs).
func filesOf(paths []string, shopIDs []int64) []importer.File {
	files := make([]importer.File, len(paths))
	for i, p := range paths {
		files[i].Path = p
		if i < len(shopIDs) {
			files[i].ShopID = shopIDs[i]
		}
	}
	return files
}

// exclusive runs fn as the one import at a time, with a context Cancel can stop and
// options that report progress to the UI.
func (s *ImportService) exclusive(fn func(context.Context, *importer.Importer, importer.Options)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ctx, cancel := context.WithCancel(s.env.ctx)
	defer cancel()
	s.setCancel(cancel)
	defer s.setCancel(nil)
	fn(ctx, importer.New(s.env.db), importer.Options{
		Progress: func(p importer.Progress) { s.env.shell.Emit(importer.ProgressEvent, p) },
	})
}

// SheetHeader reads another sheet of an xlsx being mapped: its header row and first rows
// (see importer.SheetHeader). Nothing is imported.
func (s *ImportService) SheetHeader(path, sheet string) importer.FileResult {
	return importer.New(s.env.db).SheetHeader(s.env.ctx, path, sheet)
}

// PickFiles opens the native dialog for export files (desktop window only).
func (s *ImportService) PickFiles() ([]string, error) { return s.env.shell.PickFiles() }

// ListBatches returns the newest 200 imports.
func (s *ImportService) ListBatches() ([]importer.Batch, error) {
	return importer.ListBatches(s.env.ctx, s.env.db.SQL, 200)
}

// UndoBatch takes an import back (see importer.Undo).
func (s *ImportService) UndoBatch(batchID int64) (importer.UndoResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	res, err := importer.New(s.env.db).Undo(s.env.ctx, batchID)
	if err == nil {
		s.env.refreshAnomalies()
		s.env.matchInquiries()
		s.env.syncStock()
	}
	return res, err
}

// SaveTemplate stores a template made on the mapping screen for an export no built-in
// layout knows; such files import with it from now on (see importer.SaveTemplate).
func (s *ImportService) SaveTemplate(in importer.TemplateInput) (importer.Template, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return importer.New(s.env.db).SaveTemplate(s.env.ctx, in)
}

// ListTemplates returns the saved templates, newest first.
func (s *ImportService) ListTemplates() ([]importer.Template, error) {
	return importer.New(s.env.db).Templates(s.env.ctx)
}

// RenameTemplate gives a template another name.
func (s *ImportService) RenameTemplate(id int64, name string) (importer.Template, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return importer.New(s.env.db).RenameTemplate(s.env.ctx, id, name)
}

// DeleteTemplate removes a template (the orders imported with it stay).
func (s *ImportService) DeleteTemplate(id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return importer.New(s.env.db).DeleteTemplate(s.env.ctx, id)
}

// ListShopChoices returns the remembered shops of files without 店铺名称.
func (s *ImportService) ListShopChoices() ([]importer.ShopChoice, error) {
	return importer.New(s.env.db).ShopChoices(s.env.ctx)
}

// ForgetShopChoice drops a remembered shop: such files ask again.
func (s *ImportService) ForgetShopChoice(id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return importer.New(s.env.db).ForgetShopChoice(s.env.ctx, id)
}

// Cancel stops the running import: the file being imported is rolled back, the files
// after it are not started. Files already done stay imported.
func (s *ImportService) Cancel() {
	s.cancelMu.Lock()
	defer s.cancelMu.Unlock()
	if s.cancel != nil {
		s.cancel()
	}
}

func (s *ImportService) setCancel(c context.CancelFunc) {
	s.cancelMu.Lock()
	s.cancel = c
	s.cancelMu.Unlock()
}
