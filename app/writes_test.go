package app_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"shopdesk/app"
	"shopdesk/db"
	"shopdesk/db/sqldb"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
)

// recorder is a Shell that keeps the events the services emit.
type recorder struct {
	app.BrowserShell
	mu     sync.Mutex
	events []event
	on     func(event)
}

type event struct {
	name string
	data any
}

func (r *recorder) Emit(name string, data any) {
	r.mu.Lock()
	e := event{name, data}
	r.events = append(r.events, e)
	on := r.on
	r.mu.Unlock()
	if on != nil {
		on(e)
	}
}

func services(t *testing.T) (*app.Services, *db.DB, *recorder) {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "shopdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	rec := &recorder{}
	return app.NewServices(d, rec), d, rec
}

// A settings save during another write (an import) waits for it and tells the UI what it
// waits for, then saves; the notice is closed after.
func TestSaveWaitsWithANotice(t *testing.T) {
	s, d, rec := services(t)
	ctx := context.Background()
	holding, letGo := make(chan struct{}), make(chan struct{})
	held := make(chan error, 1)
	go func() {
		held <- d.InTx(db.WithOp(ctx, "导入“ExportOrderList.csv”"), func(*sql.Tx, *sqldb.Queries) error {
			close(holding)
			<-letGo
			return nil
		})
	}()
	<-holding
	var once sync.Once
	rec.on = func(e event) {
		if e.name == app.WaitingEvent {
			once.Do(func() { close(letGo) })
		}
	}
	list, err := s.Settings.Save(map[string]float64{"ship_hours": 72})
	if err != nil || <-held != nil {
		t.Fatalf("save: %v", err)
	}
	for _, st := range list {
		if st.Key == "ship_hours" && st.Value != 72 {
			t.Fatalf("ship_hours = %v", st.Value)
		}
	}
	var waits []app.Waiting
	for _, e := range rec.events {
		if e.name == app.WaitingEvent {
			waits = append(waits, e.data.(app.Waiting))
		}
	}
	if len(waits) != 2 || !strings.HasPrefix(waits[0].Text, "等待另一个导入完成：正在导入“ExportOrderList.csv”") || waits[0].Done ||
		!waits[1].Done || waits[1].ID != waits[0].ID {
		t.Fatalf("notices %+v", waits)
	}
}

// A second ImportFiles call (another browser tab) waits for the first; its rows say so.
func TestSecondImportWaitsForTheFirst(t *testing.T) {
	s, _, rec := services(t)
	dir := t.TempDir()
	write := func(name string, first int) string {
		var rows [][]string
		for i := range 50 {
			rows = append(rows, exportfile.TaobaoOrder{OrderNo: fmt.Sprintf("3%018d", first+i), Buyer: "买家", Status: "交易成功",
				Title: "宝贝", Shop: "小米粒母婴旗舰店", PayFen: 1000, Items: 1, CreatedAt: "2026-11-21 10:00:00"}.Row())
		}
		p := filepath.Join(dir, name)
		if err := exportfile.WriteCSV(p, exportfile.TaobaoOrderHeader, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, b := write("ExportOrderList-a.csv", 0), write("ExportOrderList-b.csv", 1000)

	// The first import is held in its first progress report until the second one waits.
	firstRunning, secondWaiting := make(chan struct{}), make(chan struct{})
	var once1, once2 sync.Once
	rec.on = func(e event) {
		p, ok := e.data.(importer.Progress)
		if !ok {
			return
		}
		switch {
		case p.File == "ExportOrderList-b.csv" && strings.HasPrefix(p.Waiting, "等待另一个导入完成"):
			once2.Do(func() { close(secondWaiting) })
		case p.File == "ExportOrderList-a.csv" && p.Waiting == "":
			once1.Do(func() {
				close(firstRunning)
				<-secondWaiting
			})
		}
	}
	done := make(chan []importer.FileResult, 2)
	go func() { r, _ := s.Import.ImportFiles([]string{a}, nil); done <- r }()
	<-firstRunning
	go func() { r, _ := s.Import.ImportFiles([]string{b}, nil); done <- r }()
	for range 2 {
		if r := <-done; len(r) != 1 || r[0].Error != "" || r[0].New != 50 {
			t.Fatalf("import: %+v", r)
		}
	}
	// It waited for the first, then (the data having changed since: there was no backup)
	// was backed up before it ran.
	var said []string
	for _, e := range rec.events {
		if p, ok := e.data.(importer.Progress); ok && p.File == "ExportOrderList-b.csv" && p.Waiting != "" {
			said = append(said, p.Waiting)
		}
	}
	// After the first import, what the app runs after every import (the anomaly rules, the
	// inquiry matching, the stock) may hold the writer a moment: the row names it too.
	var others []string
	for _, w := range said[min(1, len(said)):] {
		if w == "导入前先备份数据库……" {
			continue
		}
		if !strings.HasPrefix(w, "等待另一项操作完成：") || strings.Contains(w, "正在保存数据") {
			others = append(others, w)
		}
	}
	if len(said) < 2 || said[0] != "等待另一个导入完成：正在导入“ExportOrderList-a.csv”" || !slices.Contains(said, "导入前先备份数据库……") || len(others) > 0 {
		t.Fatalf("the second file's row said %q", said)
	}
}
