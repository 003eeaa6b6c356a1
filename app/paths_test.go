package app_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"shopdesk/app"
	"shopdesk/internal/webserve"
)

// Every bound method's parameter that names a file on this computer is in app.PathArgs,
// and every entry there is such a parameter: over HTTP these are what webserve must not
// take as paths. Parameters are found by name in the source (path, paths, file, files,
// dir, folder, any case, at the end of the name).
func TestPathArgsListsEveryPathParameter(t *testing.T) {
	bound := map[string]bool{}
	for _, svc := range app.NewServices(nil, &app.BrowserShell{}).All() {
		bound[strings.TrimPrefix(webserve.BindingName(svc), "app.")] = true
	}
	pathLike := regexp.MustCompile(`(?i)(path|paths|file|files|dir|folder)$`)
	fset := token.NewFileSet()
	sources, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range sources {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	found := map[string][]int{}
	for _, f := range files {
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || !fn.Name.IsExported() {
				continue
			}
			recv := fn.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			typ, ok := recv.(*ast.Ident)
			if !ok || !bound[typ.Name] {
				continue
			}
			i := 0
			for _, field := range fn.Type.Params.List {
				names := field.Names
				if len(names) == 0 {
					names = []*ast.Ident{{Name: ""}}
				}
				for _, n := range names {
					if pathLike.MatchString(n.Name) {
						key := "app." + typ.Name + "." + fn.Name.Name
						found[key] = append(found[key], i)
					}
					i++
				}
			}
		}
	}
	if len(found) == 0 {
		t.Fatal("no path parameter found: the scan is broken")
	}
	for m, idx := range found {
		if !slices.Equal(app.PathArgs[m], idx) {
			t.Errorf("%s takes paths as arguments %v, app.PathArgs says %v", m, idx, app.PathArgs[m])
		}
	}
	for m := range app.PathArgs {
		if _, ok := found[m]; !ok {
			t.Errorf("app.PathArgs lists %s, which has no path parameter", m)
		}
	}
}
