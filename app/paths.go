package app

// PathArgs names the bound methods that take paths of files on this computer, with the
// indexes of those arguments. In the window the paths come from the native dialog or a
// drop; over HTTP (`shopdesk serve`) the browser cannot name files on this PC, so such an
// argument must be the handle of a file it uploaded (webserve refuses anything else).
// A new method that takes a path belongs here: TestPathArgsListsEveryPathParameter finds
// parameters named path, paths, file, files, dir or folder.
var PathArgs = map[string][]int{
	"app.ImportService.ImportFiles":  {0},
	"app.ImportService.PreviewFiles": {0},
	"app.ImportService.SheetHeader":  {0},
	"app.BackupService.SetFolder":    {0},
}
