// Package staff is the shop's people and their month: the staff list (设置 → 员工), pay
// levels, shift templates, the monthly rota (排班表), clocking in and out with a PIN,
// owner corrections, leave and shift swaps, the handover book (交接本), the pay rules and
// the monthly payslips (工资条), closed and reopened by the owner.
//
// Times of attendance are shop-local wall times (Asia/Shanghai by default) like the exports
// they will also come from; a shift belongs to the day it starts on, and a punch after
// midnight belongs to a shift that crosses midnight or ends at 24:00 (attendance.go).
// Money is integer fen; a payslip is computed exactly and rounded once, at the end
// (payroll.go).
//
// The later rota and punch import kinds write through WriteRota and AddPunches with their
// import batch, and undo with UndoRota and UndoPunches (imports.go).
package staff

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"shopdesk/db"
	"shopdesk/db/sqldb"
	"shopdesk/internal/shop"
)

// Roles are the staff roles of a small shop team, stored as these codes.
var Roles = []string{RoleOwner, "operations", "cs_presale", "cs_insale", "cs_aftersale", "warehouse", "designer"}

// RoleOwner may correct punches, enter team scores, change the pay rules and close a month.
const RoleOwner = "owner"

// RoleName is the Chinese name of a role, for messages and exports (the UI has its own).
var RoleName = map[string]string{
	"owner": "老板", "operations": "运营", "cs_presale": "客服（售前）", "cs_insale": "客服（售中）",
	"cs_aftersale": "客服（售后）", "warehouse": "仓库/发货", "designer": "美工",
}

// CreditSource tells how much each person sold in a period: the sales credited to them by
// the inquiry register's credit rules and the imported orders (issue 10), in fen, keyed by
// staff id. from and to are shop-local dates 'YYYY-MM-DD', both included. It is defined
// here, where commission consumes it; the register implements it.
type CreditSource interface {
	CreditedSales(ctx context.Context, from, to string) (map[int64]int64, error)
}

// Store is the staff feature over one database. credits may be nil: no credited sales yet,
// so commission is 0 and the payslip says where commission will come from.
type Store struct {
	db      *db.DB
	credits CreditSource
	now     func() time.Time
	loc     *time.Location
}

// New returns the store over d.
func New(d *db.DB, credits CreditSource) *Store {
	loc, err := time.LoadLocation(shop.DefaultTimezone)
	if err != nil {
		loc = time.FixedZone("UTC+8", 8*3600) // no tzdata on the PC: the shops' zone has no DST
	}
	return &Store{db: d, credits: credits, now: time.Now, loc: loc}
}

// WithClock returns a store that takes the time from now (tests, the demo).
func (s *Store) WithClock(now func() time.Time) *Store {
	c := *s
	c.now = now
	return &c
}

// Now is the shop-local time now, 'YYYY-MM-DD HH:MM:SS'.
func (s *Store) Now() string { return fmtWall(s.wallNow()) }

// wallNow is now as a shop-local wall time.
func (s *Store) wallNow() time.Time { return naive(s.now().In(s.loc)) }

// Staff is one person of the shop.
type Staff struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Role   string `json:"role"`
	Active bool   `json:"active"`
	Note   string `json:"note"`
	// LevelID is the pay level (0: not on the payroll); LevelName and BaseFen are read-only.
	LevelID   int64  `json:"levelId"`
	LevelName string `json:"levelName"`
	BaseFen   int64  `json:"baseFen"`
	// Accounts are platform sub-account names (淘宝 子账号, 咚咚, ...).
	Accounts []string `json:"accounts"`
	JoinedOn string   `json:"joinedOn"` // 'YYYY-MM-DD' or ''
	LeftOn   string   `json:"leftOn"`
	HasPIN   bool     `json:"hasPin"` // read-only: the PIN itself is never stored or returned
}

// staffOf turns a row into a Staff (GetStaffRow has the same columns: convert it first).
func staffOf(r sqldb.ListStaffRow) Staff {
	s := Staff{ID: r.ID, Name: r.Name, Role: r.Role, Active: r.Active == 1, Note: r.Note, LevelName: r.LevelName,
		BaseFen: r.BaseFen, JoinedOn: r.JoinedOn, LeftOn: r.LeftOn, HasPIN: r.PinHash != "", Accounts: []string{}}
	if r.LevelID != nil {
		s.LevelID = *r.LevelID
	}
	return s
}

// List returns everyone, active people first, by name.
func List(ctx context.Context, q *sqldb.Queries) ([]Staff, error) {
	rows, err := q.ListStaff(ctx)
	if err != nil {
		return nil, fmt.Errorf("list staff: %w", err)
	}
	accounts, err := q.ListStaffAccounts(ctx)
	if err != nil {
		return nil, fmt.Errorf("list staff accounts: %w", err)
	}
	byStaff := map[int64][]string{}
	for _, a := range accounts {
		byStaff[a.StaffID] = append(byStaff[a.StaffID], a.Account)
	}
	out := make([]Staff, 0, len(rows))
	for _, r := range rows {
		s := staffOf(r)
		if a := byStaff[s.ID]; a != nil {
			s.Accounts = a
		}
		out = append(out, s)
	}
	return out, nil
}

// Get returns one person; an unknown id is an error naming it. It takes the caller's
// queries so that other features (the anomaly workflow) use it inside their transactions.
func Get(ctx context.Context, q *sqldb.Queries, id int64) (Staff, error) {
	r, err := q.GetStaff(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Staff{}, fmt.Errorf("没有编号为 %d 的员工", id)
	}
	if err != nil {
		return Staff{}, fmt.Errorf("get staff %d: %w", id, err)
	}
	s := staffOf(sqldb.ListStaffRow(r))
	accounts, err := q.ListAccountsOfStaff(ctx, id)
	if err != nil {
		return Staff{}, fmt.Errorf("accounts of staff %d: %w", id, err)
	}
	if accounts != nil {
		s.Accounts = accounts
	}
	return s, nil
}

const (
	maxNameRunes    = 30
	maxAccountRunes = 60
)

// Save adds a person (ID 0) or changes one, with their sub-accounts. Names are trimmed and
// unique; people are made inactive rather than deleted, so that what they did keeps their
// name. The PIN is set apart (SetPIN).
func Save(ctx context.Context, q *sqldb.Queries, s Staff) (Staff, error) {
	return save(ctx, q, s, nil)
}

func save(ctx context.Context, q *sqldb.Queries, s Staff, batchID *int64) (Staff, error) {
	s.Name = strings.TrimSpace(s.Name)
	s.Note = strings.TrimSpace(s.Note)
	s.JoinedOn, s.LeftOn = strings.TrimSpace(s.JoinedOn), strings.TrimSpace(s.LeftOn)
	switch {
	case s.Name == "":
		return Staff{}, errors.New("员工姓名不能为空")
	case utf8.RuneCountInString(s.Name) > maxNameRunes:
		return Staff{}, fmt.Errorf("员工姓名“%s”太长：最多 %d 个字", s.Name, maxNameRunes)
	case !slices.Contains(Roles, s.Role):
		return Staff{}, fmt.Errorf("员工“%s”的岗位“%s”不是已知的岗位", s.Name, s.Role)
	}
	for _, d := range []struct{ label, v string }{{"入职日期", s.JoinedOn}, {"离职日期", s.LeftOn}} {
		if d.v != "" {
			if _, err := parseDay(d.v); err != nil {
				return Staff{}, fmt.Errorf("员工“%s”的%s：%w", s.Name, d.label, err)
			}
		}
	}
	if s.JoinedOn != "" && s.LeftOn != "" && s.LeftOn < s.JoinedOn {
		return Staff{}, fmt.Errorf("员工“%s”的离职日期 %s 早于入职日期 %s", s.Name, s.LeftOn, s.JoinedOn)
	}
	accounts, err := cleanAccounts(s.Name, s.Accounts)
	if err != nil {
		return Staff{}, err
	}
	if id, err := q.FindStaffByName(ctx, s.Name); err == nil && id != s.ID {
		return Staff{}, fmt.Errorf("已经有一位叫“%s”的员工了", s.Name)
	} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Staff{}, fmt.Errorf("find staff %s: %w", s.Name, err)
	}
	if err := checkAccounts(ctx, q, s, accounts); err != nil {
		return Staff{}, err
	}
	var level *int64
	if s.LevelID != 0 {
		level = &s.LevelID
		if _, err := levelByID(ctx, q, s.LevelID); err != nil {
			return Staff{}, err
		}
	}
	active := int64(0)
	if s.Active {
		active = 1
	}
	now := utcNow()
	if s.ID == 0 {
		id, err := q.CreateStaff(ctx, sqldb.CreateStaffParams{Name: s.Name, Role: s.Role, Active: active, Note: s.Note,
			LevelID: level, JoinedOn: s.JoinedOn, LeftOn: s.LeftOn, BatchID: batchID, Now: now})
		if err != nil {
			return Staff{}, fmt.Errorf("create staff %s: %w", s.Name, err)
		}
		s.ID = id
	} else {
		n, err := q.UpdateStaff(ctx, sqldb.UpdateStaffParams{ID: s.ID, Name: s.Name, Role: s.Role, Active: active,
			Note: s.Note, LevelID: level, JoinedOn: s.JoinedOn, LeftOn: s.LeftOn, Now: now})
		if err != nil {
			return Staff{}, fmt.Errorf("update staff %d: %w", s.ID, err)
		}
		if n == 0 {
			return Staff{}, fmt.Errorf("没有编号为 %d 的员工", s.ID)
		}
	}
	if err := saveAccounts(ctx, q, s, accounts); err != nil {
		return Staff{}, err
	}
	return Get(ctx, q, s.ID)
}

// cleanAccounts trims the sub-account names and drops blanks and repeats.
func cleanAccounts(name string, in []string) ([]string, error) {
	var out []string
	for _, a := range in {
		a = strings.TrimSpace(a)
		if a == "" || slices.Contains(out, a) {
			continue
		}
		if utf8.RuneCountInString(a) > maxAccountRunes {
			return nil, fmt.Errorf("员工“%s”的子账号“%s”太长：最多 %d 个字", name, a, maxAccountRunes)
		}
		out = append(out, a)
	}
	return out, nil
}

// checkAccounts refuses sub-accounts that belong to someone else.
func checkAccounts(ctx context.Context, q *sqldb.Queries, s Staff, accounts []string) error {
	for _, a := range accounts {
		owner, err := q.FindStaffByAccount(ctx, a)
		if err == nil && owner != s.ID {
			other, gErr := Get(ctx, q, owner)
			if gErr != nil {
				return gErr
			}
			return fmt.Errorf("子账号“%s”已经属于员工“%s”", a, other.Name)
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("find account %s: %w", a, err)
		}
	}
	return nil
}

func saveAccounts(ctx context.Context, q *sqldb.Queries, s Staff, accounts []string) error {
	if err := q.DeleteStaffAccounts(ctx, s.ID); err != nil {
		return fmt.Errorf("accounts of %s: %w", s.Name, err)
	}
	for _, a := range accounts {
		if err := q.InsertStaffAccount(ctx, sqldb.InsertStaffAccountParams{Account: a, StaffID: s.ID}); err != nil {
			return fmt.Errorf("account %s of %s: %w", a, s.Name, err)
		}
	}
	return nil
}

// FindByAccount returns the person a platform sub-account belongs to (0 when nobody), for
// imported chat and credit data.
func FindByAccount(ctx context.Context, q *sqldb.Queries, account string) (int64, error) {
	id, err := q.FindStaffByAccount(ctx, strings.TrimSpace(account))
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("find account %s: %w", account, err)
	}
	return id, nil
}

// List returns everyone.
func (s *Store) List(ctx context.Context) ([]Staff, error) { return List(ctx, s.db.Queries()) }

// Save adds or changes a person; pin, when not empty, becomes the PIN of a person who has
// none yet (changing a PIN needs the owner: ResetPIN).
func (s *Store) Save(ctx context.Context, st Staff, pin string) (Staff, error) {
	var out Staff
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if st.ID != 0 && pin != "" {
			old, err := Get(ctx, q, st.ID)
			if err != nil {
				return err
			}
			if old.HasPIN {
				return fmt.Errorf("员工“%s”已经有 PIN：更改 PIN 需要老板确认（重设 PIN）", old.Name)
			}
		}
		if pin != "" {
			if err := checkPINFormat(pin); err != nil {
				return err
			}
		}
		saved, err := Save(ctx, q, st)
		if err != nil {
			return err
		}
		if pin != "" {
			if err := setPIN(ctx, q, saved.ID, pin); err != nil {
				return err
			}
		}
		out, err = Get(ctx, q, saved.ID)
		return err
	})
	return out, err
}

// ResetPIN gives a person a new PIN, confirmed by the owner.
func (s *Store) ResetPIN(ctx context.Context, staffID int64, pin string, owner Auth) error {
	if err := checkPINFormat(pin); err != nil {
		return err
	}
	if _, err := s.Owner(ctx, owner); err != nil {
		return err
	}
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if _, err := Get(ctx, q, staffID); err != nil {
			return err
		}
		return setPIN(ctx, q, staffID, pin)
	})
}

// employed tells whether the person worked for the shop on day (joined/left dates given).
func (s Staff) employed(day string) bool {
	return (s.JoinedOn == "" || day >= s.JoinedOn) && (s.LeftOn == "" || day <= s.LeftOn)
}
