package staff

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"shopdesk/db/sqldb"
)

// What the rota and punch import kinds (added on the import engine later) call, inside the
// import's own transaction (q) and with its batch id, so that the import stays all or
// nothing and its undo puts everything back:
//
//	names   ResolveNames: the people of the file; names not in the list are added as
//	        客服（售前）, 初级, without a joined date (paid for the whole month), marked with
//	        the batch (or the handler offers them for adding first and calls it after).
//	rota    ParseCell for each grid cell (a shift's short or full name, 休, '' or 白+晚),
//	        then WriteRota with the cells: the values before are kept per batch.
//	punches AddPunches with the parsed rows: a punch already there (same person, time
//	        and kind) is counted as a duplicate, not added again.
//	undo    UndoImport: the rota cells back to their values before, the batch's punches,
//	        service penalties and added people removed.
//
// Writing and undoing refuse a day of a closed month, naming it.

// ResolveNames returns the staff id of each name, adding the names not in the list (see
// above). added lists the names added.
func ResolveNames(ctx context.Context, q *sqldb.Queries, batchID int64, names []string) (ids map[string]int64, added []string, err error) {
	people, err := List(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	byName := map[string]int64{}
	for _, p := range people {
		byName[p.Name] = p.ID
	}
	junior, err := juniorLevel(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	ids = map[string]int64{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if id, ok := byName[n]; ok {
			ids[n] = id
			continue
		}
		if id, err := FindByAccount(ctx, q, n); err != nil {
			return nil, nil, err
		} else if id != 0 {
			ids[n] = id
			continue
		}
		b := batchID
		st, err := save(ctx, q, Staff{Name: n, Role: "cs_presale", Active: true, LevelID: junior}, &b)
		if err != nil {
			return nil, nil, err
		}
		ids[n], byName[n] = st.ID, st.ID
		added = append(added, n)
	}
	return ids, added, nil
}

// MatchNames returns the staff id of each name (a person's name or one of their platform
// sub-accounts) without adding anyone: chat statistics must not guess who an unknown agent
// is. missing lists the names nobody has, in the order given, once each.
func MatchNames(ctx context.Context, q *sqldb.Queries, names []string) (ids map[string]int64, missing []string, err error) {
	people, err := List(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	byName := map[string]int64{}
	for _, p := range people {
		byName[p.Name] = p.ID
	}
	ids = map[string]int64{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if _, done := ids[n]; done || n == "" || slices.Contains(missing, n) {
			continue
		}
		if id, ok := byName[n]; ok {
			ids[n] = id
			continue
		}
		id, err := FindByAccount(ctx, q, n)
		if err != nil {
			return nil, nil, err
		}
		if id == 0 {
			missing = append(missing, n)
			continue
		}
		ids[n] = id
	}
	return ids, missing, nil
}

// juniorLevel is the level imports give new people: 初级, else the first level.
func juniorLevel(ctx context.Context, q *sqldb.Queries) (int64, error) {
	levels, err := listLevels(ctx, q)
	if err != nil {
		return 0, err
	}
	for _, l := range levels {
		if l.Name == "初级" {
			return l.ID, nil
		}
	}
	if len(levels) > 0 {
		return levels[0].ID, nil
	}
	return 0, nil
}

// ParseCell reads a rota grid cell: empty (not planned), 休 (rest), a shift's short or full
// name, or two joined by + , / 、 (白+晚).
func ParseCell(shifts []Shift, text string) (rest bool, shiftIDs []int64, err error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return false, nil, nil
	}
	if text == RestShort || text == RestName || text == "休息日" {
		return true, nil, nil
	}
	parts := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("+,，、/ ", r) })
	for _, p := range parts {
		found := false
		for _, sh := range shifts {
			if sh.Active && (p == sh.Short || p == sh.Name) {
				shiftIDs, found = append(shiftIDs, sh.ID), true
				break
			}
		}
		if !found {
			var known []string
			for _, sh := range shifts {
				if sh.Active {
					known = append(known, sh.Short+"/"+sh.Name)
				}
			}
			return false, nil, fmt.Errorf("“%s”不是班次：可以写 %s 或 %s", p, strings.Join(known, "、"), RestShort)
		}
	}
	return false, shiftIDs, nil
}

// Shifts lists the shift templates for ParseCell.
func Shifts(ctx context.Context, q *sqldb.Queries) ([]Shift, error) { return listShifts(ctx, q) }

// WriteRota writes imported rota cells (an empty cell clears the day) with the batch, and
// returns how many cells changed.
func WriteRota(ctx context.Context, q *sqldb.Queries, batchID int64, cells []RotaCell) (int, error) {
	b := batchID
	return setCells(ctx, q, cells, "import", &b)
}

// PunchRow is one punch of an attendance export.
type PunchRow struct {
	StaffID int64
	At      string // shop-local 'YYYY-MM-DD HH:MM[:SS]'
	Kind    string // in, out, or '' (raw: decided by the shift it falls in)
	Note    string // e.g. 打卡结果 / 打卡地址
}

// AddPunches writes imported punches with the batch; a punch already there is a duplicate.
func AddPunches(ctx context.Context, q *sqldb.Queries, batchID int64, rows []PunchRow) (added, duplicates int, err error) {
	recorded := time.Now().UTC().Format(wallLayout)
	checked := map[string]bool{}
	for _, r := range rows {
		t, err := ParseWall(r.At)
		if err != nil {
			return 0, 0, err
		}
		if r.Kind != PunchIn && r.Kind != PunchOut && r.Kind != PunchRaw {
			return 0, 0, fmt.Errorf("打卡类型“%s”不对", r.Kind)
		}
		if _, err := Get(ctx, q, r.StaffID); err != nil {
			return 0, 0, err
		}
		at := fmtWall(t)
		if m := at[:7]; !checked[m] {
			if err := closedError(ctx, q, at); err != nil {
				return 0, 0, err
			}
			checked[m] = true
		}
		if _, err := q.FindPunch(ctx, sqldb.FindPunchParams{StaffID: r.StaffID, At: at, Kind: r.Kind}); err == nil {
			duplicates++
			continue
		}
		b := batchID
		if _, err := q.InsertPunch(ctx, sqldb.InsertPunchParams{StaffID: r.StaffID, At: at, Kind: r.Kind, Source: SourceImport,
			Note: strings.TrimSpace(r.Note), RecordedAt: recorded, BatchID: &b}); err != nil {
			return 0, 0, fmt.Errorf("punch %s: %w", at, err)
		}
		added++
	}
	return added, duplicates, nil
}

// AddIncidents writes imported service penalties (chat statistics) with the batch.
func AddIncidents(ctx context.Context, q *sqldb.Queries, batchID int64, list []Incident) (int, error) {
	b := batchID
	ids, err := addIncidents(ctx, q, &b, list)
	return len(ids), err
}

// IncidentTotal is the count a person already has of a penalty kind on a day, entered or
// imported: chat statistics imported again (another export of the same days) must not
// deduct twice.
func IncidentTotal(ctx context.Context, q *sqldb.Queries, staffID int64, day, kind string) (int, error) {
	n, err := q.IncidentTotal(ctx, sqldb.IncidentTotalParams{StaffID: staffID, Day: day, Kind: kind})
	if err != nil {
		return 0, fmt.Errorf("service penalties of %s: %w", day, err)
	}
	return int(n), nil
}

// UndoImport takes back what an import wrote here: its rota cells get their values before
// (refused when a later change touched them), its punches and service penalties go, and
// the people it added go unless something else refers to them. Refused when an owner
// corrected one of its punches, or when it touched a closed month.
func UndoImport(ctx context.Context, q *sqldb.Queries, batchID int64) error {
	b := &batchID
	n, err := q.CorrectionsOfBatch(ctx, b)
	if err != nil {
		return fmt.Errorf("undo import %d: %w", batchID, err)
	}
	if n > 0 {
		return fmt.Errorf("导入 #%d 的打卡记录已经被老板更正过 %d 次，不能撤销", batchID, n)
	}
	changes, err := q.ListRotaChangesOfBatch(ctx, b)
	if err != nil {
		return fmt.Errorf("undo import %d: %w", batchID, err)
	}
	if len(changes) > 0 {
		later, err := q.LaterRotaChange(ctx, sqldb.LaterRotaChangeParams{AfterID: changes[len(changes)-1].ID, BatchID: b})
		if err != nil {
			return fmt.Errorf("undo import %d: %w", batchID, err)
		}
		if later > 0 {
			return fmt.Errorf("导入 #%d 之后排班表又改过 %d 处，不能撤销这次导入（先改回，或直接在排班表里修改）", batchID, later)
		}
	}
	added, err := q.ListStaffOfBatch(ctx, b)
	if err != nil {
		return fmt.Errorf("undo import %d: %w", batchID, err)
	}
	for _, c := range changes {
		if err := closedError(ctx, q, c.Day); err != nil {
			return err
		}
		if slices.Contains(added, c.StaffID) {
			// A person the import added goes with it, history and all.
			if err := q.DeleteRotaCell(ctx, sqldb.DeleteRotaCellParams{StaffID: c.StaffID, Day: c.Day}); err != nil {
				return fmt.Errorf("undo import %d: %w", batchID, err)
			}
			continue
		}
		if _, err := writeCell(ctx, q, c.StaffID, c.Day, decodeCell(c.OldValue), "undo", nil); err != nil {
			return err
		}
	}
	for _, id := range added {
		if err := q.DeleteRotaChangesOfStaff(ctx, id); err != nil {
			return fmt.Errorf("undo import %d: %w", batchID, err)
		}
	}
	if err := q.DeleteRotaChangesOfBatch(ctx, b); err != nil {
		return fmt.Errorf("undo import %d: %w", batchID, err)
	}
	if _, err := q.DeletePunchesOfBatch(ctx, b); err != nil {
		return fmt.Errorf("undo import %d: %w", batchID, err)
	}
	days, err := q.ListIncidentDaysOfBatch(ctx, b)
	if err != nil {
		return fmt.Errorf("undo import %d: %w", batchID, err)
	}
	for _, day := range days {
		if err := closedError(ctx, q, day); err != nil {
			return err
		}
	}
	// Before the people: a person the import added is deleted only when nothing refers to them.
	if _, err := q.DeleteIncidentsOfBatch(ctx, b); err != nil {
		return fmt.Errorf("undo import %d: %w", batchID, err)
	}
	if _, err := q.DeleteStaffOfBatch(ctx, b); err != nil {
		return fmt.Errorf("undo import %d: %w", batchID, err)
	}
	return nil
}

// DemoPunches records punches as if clocked at the shop PC at their times: the demo's
// month so far (no import batch, source clock).
func (s *Store) DemoPunches(ctx context.Context, rows []PunchRow) error {
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		for _, r := range rows {
			t, err := ParseWall(r.At)
			if err != nil {
				return err
			}
			if _, err := q.InsertPunch(ctx, sqldb.InsertPunchParams{StaffID: r.StaffID, At: fmtWall(t), Kind: r.Kind,
				Source: SourceClock, RecordedAt: utcNow()}); err != nil {
				return fmt.Errorf("demo punch: %w", err)
			}
		}
		return nil
	})
}
