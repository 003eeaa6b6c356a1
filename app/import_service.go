package app

import (
	"context"
	"sync"

	"shopdesk/internal/filename"
	"shopdesk/internal/importer"
)

// ImportService imports export files dropped on or picked in the window (or uploaded in
// browser mode) and reports progress as importer.ProgressEvent events.
type ImportService struct {
	env *env
	// mu: one ImportFiles or PreviewFiles call at a time, the one Cancel stops. (Writes
	// of any kind wait for each other in the db package: this is about the calls.)
	mu sync.Mutex

	cancelMu sync.Mutex
	cancel   context.CancelFunc // of the running ImportFiles, nil when idle
	running  string             // the file name of the running call, for those who wait
}

// ImportFiles imports the files at paths, each all or nothing. shopIDs[i] is the shop the
// seller picked for paths[i] on the preview, for a file that does not name its shop (0 or
// missing: from the file, the remembered pick or the platform's only shop, as previewed).
func (s *ImportService) ImportFiles(paths []string, shopIDs []int64) (res []importer.FileResult, err error) {
	s.exclusive(paths, func(ctx context.Context, im *importer.Importer, opts importer.Options) {
		// The backup before an import (issue 15 §4), when due; the rows say so meanwhile.
		s.env.beforeImport(func() { s.waiting(paths, "导入前先备份数据库……") })
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
	s.exclusive(paths, func(ctx context.Context, im *importer.Importer, opts importer.Options) {
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
// options that report progress to the UI. A call made while another runs (a second
// browser tab) waits for it, and its files' rows say so.
func (s *ImportService) exclusive(paths []string, fn func(context.Context, *importer.Importer, importer.Options)) {
	if !s.mu.TryLock() {
		s.cancelMu.Lock()
		other := s.running
		s.cancelMu.Unlock()
		s.waiting(paths, "等待另一个导入完成："+other)
		s.mu.Lock()
	}
	defer s.mu.Unlock()
	ctx, cancel := context.WithCancel(s.env.ctx)
	defer cancel()
	s.setCancel(cancel, "正在导入“"+filename.Base(first(paths))+"”")
	defer s.setCancel(nil, "")
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
	ctx, done := s.env.write("撤销导入")
	defer done()
	res, err := importer.New(s.env.db).Undo(ctx, batchID)
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
	ctx, done := s.env.write("保存导入模板")
	defer done()
	return importer.New(s.env.db).SaveTemplate(ctx, in)
}

// ListTemplates returns the saved templates, newest first.
func (s *ImportService) ListTemplates() ([]importer.Template, error) {
	return importer.New(s.env.db).Templates(s.env.ctx)
}

// RenameTemplate gives a template another name.
func (s *ImportService) RenameTemplate(id int64, name string) (importer.Template, error) {
	ctx, done := s.env.write("修改导入模板")
	defer done()
	return importer.New(s.env.db).RenameTemplate(ctx, id, name)
}

// DeleteTemplate removes a template (the orders imported with it stay).
func (s *ImportService) DeleteTemplate(id int64) error {
	ctx, done := s.env.write("删除导入模板")
	defer done()
	return importer.New(s.env.db).DeleteTemplate(ctx, id)
}

// ListShopChoices returns the remembered shops of files without 店铺名称.
func (s *ImportService) ListShopChoices() ([]importer.ShopChoice, error) {
	return importer.New(s.env.db).ShopChoices(s.env.ctx)
}

// ForgetShopChoice drops a remembered shop: such files ask again.
func (s *ImportService) ForgetShopChoice(id int64) error {
	ctx, done := s.env.write("忘记店铺选择")
	defer done()
	return importer.New(s.env.db).ForgetShopChoice(ctx, id)
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

func (s *ImportService) setCancel(c context.CancelFunc, running string) {
	s.cancelMu.Lock()
	s.cancel, s.running = c, running
	s.cancelMu.Unlock()
}

// waiting shows text on the progress rows of paths (the UI's rows match them by name).
func (s *ImportService) waiting(paths []string, text string) {
	for i, p := range paths {
		s.env.shell.Emit(importer.ProgressEvent, importer.Progress{File: filename.Base(p), Index: i, Files: len(paths), Waiting: text})
	}
}

func first(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	return paths[0]
}
