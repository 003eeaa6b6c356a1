package settings

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"shopdesk/db/sqldb"
)

// Roles are the staff roles of a small shop team, stored as these codes.
var Roles = []string{"owner", "operations", "cs_presale", "cs_insale", "cs_aftersale", "warehouse", "designer"}

// RoleName is the Chinese name of a role, for messages and exports (the UI has its own).
var RoleName = map[string]string{
	"owner": "老板", "operations": "运营", "cs_presale": "客服（售前）", "cs_insale": "客服（售中）",
	"cs_aftersale": "客服（售后）", "warehouse": "仓库/发货", "designer": "美工",
}

// Staff is one person of the shop. The staff module (rota, attendance, pay) adds to it.
type Staff struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Role   string `json:"role"`
	Active bool   `json:"active"`
	Note   string `json:"note"`
}

func staffOf(r sqldb.Staff) Staff {
	return Staff{ID: r.ID, Name: r.Name, Role: r.Role, Active: r.Active == 1, Note: r.Note}
}

// ListStaff returns everyone, active people first, by name.
func ListStaff(ctx context.Context, q *sqldb.Queries) ([]Staff, error) {
	rows, err := q.ListStaff(ctx)
	if err != nil {
		return nil, fmt.Errorf("list staff: %w", err)
	}
	out := make([]Staff, 0, len(rows))
	for _, r := range rows {
		out = append(out, staffOf(r))
	}
	return out, nil
}

// GetStaff returns one person; an unknown id is an error naming it.
func GetStaff(ctx context.Context, q *sqldb.Queries, id int64) (Staff, error) {
	r, err := q.GetStaff(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Staff{}, fmt.Errorf("没有编号为 %d 的员工", id)
	}
	if err != nil {
		return Staff{}, fmt.Errorf("get staff %d: %w", id, err)
	}
	return staffOf(r), nil
}

const maxNameRunes = 30

// SaveStaff adds a person (ID 0) or changes one. Names are trimmed and unique; people are
// made inactive rather than deleted, so that what they did keeps their name.
func SaveStaff(ctx context.Context, q *sqldb.Queries, s Staff) (Staff, error) {
	s.Name = strings.TrimSpace(s.Name)
	s.Note = strings.TrimSpace(s.Note)
	switch {
	case s.Name == "":
		return Staff{}, errors.New("员工姓名不能为空")
	case utf8.RuneCountInString(s.Name) > maxNameRunes:
		return Staff{}, fmt.Errorf("员工姓名“%s”太长：最多 %d 个字", s.Name, maxNameRunes)
	case !slices.Contains(Roles, s.Role):
		return Staff{}, fmt.Errorf("员工“%s”的岗位“%s”不是已知的岗位", s.Name, s.Role)
	}
	if id, err := q.FindStaffByName(ctx, s.Name); err == nil && id != s.ID {
		return Staff{}, fmt.Errorf("已经有一位叫“%s”的员工了", s.Name)
	} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Staff{}, fmt.Errorf("find staff %s: %w", s.Name, err)
	}
	active := int64(0)
	if s.Active {
		active = 1
	}
	now := time.Now().UTC().Format("2006-01-02 15:04:05")
	if s.ID == 0 {
		id, err := q.CreateStaff(ctx, sqldb.CreateStaffParams{Name: s.Name, Role: s.Role, Active: active, Note: s.Note, Now: now})
		if err != nil {
			return Staff{}, fmt.Errorf("create staff %s: %w", s.Name, err)
		}
		s.ID = id
		return s, nil
	}
	n, err := q.UpdateStaff(ctx, sqldb.UpdateStaffParams{ID: s.ID, Name: s.Name, Role: s.Role, Active: active, Note: s.Note, Now: now})
	if err != nil {
		return Staff{}, fmt.Errorf("update staff %d: %w", s.ID, err)
	}
	if n == 0 {
		return Staff{}, fmt.Errorf("没有编号为 %d 的员工", s.ID)
	}
	return s, nil
}
