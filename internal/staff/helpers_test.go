package staff_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/db/sqldb"
	"shopdesk/internal/staff"
)

var shanghai = time.FixedZone("CST", 8*3600)

// at is a shop-local wall time as the instant it is.
func at(t *testing.T, wall string) time.Time {
	t.Helper()
	w, err := staff.ParseWall(wall)
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, shanghai)
}

func openDB(t *testing.T) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "staff.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// fixture is a database with an owner (PIN 9999) and the store at a settable time.
type fixture struct {
	t     *testing.T
	d     *db.DB
	s     *staff.Store
	now   time.Time
	owner staff.Auth
}

func newFixture(t *testing.T, credits staff.CreditSource) *fixture {
	t.Helper()
	f := &fixture{t: t, d: openDB(t)}
	f.s = staff.New(f.d, credits).WithClock(func() time.Time { return f.now })
	f.now = at(t, "2026-11-01 09:00")
	boss := f.person(staff.Staff{Name: "张老板", Role: "owner", Active: true}, "9999")
	f.owner = staff.Auth{StaffID: boss.ID, PIN: "9999"}
	return f
}

func (f *fixture) setNow(wall string) { f.now = at(f.t, wall) }

// person adds a person (with a PIN when pin is not empty).
func (f *fixture) person(s staff.Staff, pin string) staff.Staff {
	f.t.Helper()
	saved, err := f.s.Save(context.Background(), s, pin)
	if err != nil {
		f.t.Fatal(err)
	}
	return saved
}

// levelID is the id of a pay level by name.
func (f *fixture) levelID(name string) int64 {
	f.t.Helper()
	levels, err := f.s.Levels(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	for _, l := range levels {
		if l.Name == name {
			return l.ID
		}
	}
	f.t.Fatalf("no level %s", name)
	return 0
}

// rota sets cells written as the rota grid writes them: day -> 白 / 休 / 白+晚.
func (f *fixture) rota(staffID int64, cells map[string]string) {
	f.t.Helper()
	ctx := context.Background()
	shifts, err := f.s.Shifts(ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	byMonth := map[string][]staff.RotaCell{}
	for day, text := range cells {
		rest, ids, err := staff.ParseCell(shifts, text)
		if err != nil {
			f.t.Fatal(err)
		}
		byMonth[day[:7]] = append(byMonth[day[:7]], staff.RotaCell{StaffID: staffID, Day: day, Rest: rest, ShiftIDs: ids})
	}
	for m, list := range byMonth {
		if _, err := f.s.SetRota(ctx, m, list); err != nil {
			f.t.Fatal(err)
		}
	}
}

// batch makes an import batch row, as the import engine does before writing rows.
func (f *fixture) batch(name string) int64 {
	f.t.Helper()
	res, err := f.d.SQL.Exec(`INSERT INTO import_batch (file_name, file_sha256, file_size, platform, format, started_at, finished_at)
		VALUES (?, ?, 0, '', 'punches', '2026-11-30 00:00:00', '2026-11-30 00:00:00')`, name, name)
	if err != nil {
		f.t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	return id
}

// punches writes punches "2026-11-02 08:35 in" ("... out", or no kind: a raw punch)
// through the import path.
func (f *fixture) punches(staffID int64, list ...string) {
	f.t.Helper()
	if len(list) == 0 {
		return
	}
	var rows []staff.PunchRow
	for _, p := range list {
		fields := strings.Fields(p)
		kind := ""
		if len(fields) == 3 {
			kind = fields[2]
		}
		rows = append(rows, staff.PunchRow{StaffID: staffID, At: fields[0] + " " + fields[1], Kind: kind})
	}
	// The batch is written before the transaction: a write on another connection inside
	// it would wait for it (write transactions begin IMMEDIATE, db.InTx).
	batch := f.batch("punches.xlsx")
	f.inTx(func(q *sqldb.Queries) error {
		_, _, err := staff.AddPunches(context.Background(), q, batch, rows)
		return err
	})
}

func (f *fixture) inTx(fn func(q *sqldb.Queries) error) {
	f.t.Helper()
	if err := f.d.InTx(context.Background(), func(_ *sql.Tx, q *sqldb.Queries) error { return fn(q) }); err != nil {
		f.t.Fatal(err)
	}
}

// payslip is one person's payslip of a month, computed at the fixture's time.
func (f *fixture) payslip(month string, staffID int64) staff.Payslip {
	f.t.Helper()
	pm, err := f.s.Payroll(context.Background(), month)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, p := range pm.Payslips {
		if p.StaffID == staffID {
			return p
		}
	}
	f.t.Fatalf("no payslip for %d in %s: %+v", staffID, month, pm.Payslips)
	return staff.Payslip{}
}

func errContains(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error %v, want one saying %q", err, want)
	}
}
