package staff

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"shopdesk/db/sqldb"
)

// Level is a pay level with its monthly base pay (初级 1500, 中级 1800, 高级 2200, 客户经理
// 2700 by default: migration 00014).
type Level struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	BaseFen    int64  `json:"baseFen"`
	StaffCount int    `json:"staffCount"` // read-only: how many people have it
}

// maxBaseFen is 1,000,000 yuan: a base above it is a typo.
const maxBaseFen = 100_000_000

// Levels lists the pay levels in their order.
func (s *Store) Levels(ctx context.Context) ([]Level, error) { return listLevels(ctx, s.db.Queries()) }

func listLevels(ctx context.Context, q *sqldb.Queries) ([]Level, error) {
	rows, err := q.ListLevels(ctx)
	if err != nil {
		return nil, fmt.Errorf("list pay levels: %w", err)
	}
	out := make([]Level, 0, len(rows))
	for _, r := range rows {
		out = append(out, Level{ID: r.ID, Name: r.Name, BaseFen: r.BaseFen, StaffCount: int(r.StaffCount)})
	}
	return out, nil
}

func levelByID(ctx context.Context, q *sqldb.Queries, id int64) (Level, error) {
	levels, err := listLevels(ctx, q)
	if err != nil {
		return Level{}, err
	}
	for _, l := range levels {
		if l.ID == id {
			return l, nil
		}
	}
	return Level{}, fmt.Errorf("没有编号为 %d 的工资级别", id)
}

// SaveLevel adds (ID 0) or changes a level, confirmed by the owner. Closed months keep the
// base they were closed with.
func (s *Store) SaveLevel(ctx context.Context, l Level, owner Auth) (Level, error) {
	l.Name = strings.TrimSpace(l.Name)
	switch {
	case l.Name == "":
		return Level{}, errors.New("工资级别的名称不能为空")
	case utf8.RuneCountInString(l.Name) > 20:
		return Level{}, fmt.Errorf("工资级别“%s”的名称太长：最多 20 个字", l.Name)
	case l.BaseFen < 0 || l.BaseFen > maxBaseFen:
		return Level{}, fmt.Errorf("工资级别“%s”的底薪 %s 元不在 0 到 1000000 元之间", l.Name, yuan(l.BaseFen))
	}
	if _, err := s.Owner(ctx, owner); err != nil {
		return Level{}, err
	}
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if id, err := q.FindLevelByName(ctx, l.Name); err == nil && id != l.ID {
			return fmt.Errorf("已经有名为“%s”的工资级别了", l.Name)
		} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("find level %s: %w", l.Name, err)
		}
		if l.ID == 0 {
			id, err := q.CreateLevel(ctx, sqldb.CreateLevelParams{Name: l.Name, BaseFen: l.BaseFen, Now: utcNow()})
			if err != nil {
				return fmt.Errorf("create level %s: %w", l.Name, err)
			}
			l.ID = id
			return nil
		}
		n, err := q.UpdateLevel(ctx, sqldb.UpdateLevelParams{ID: l.ID, Name: l.Name, BaseFen: l.BaseFen, Now: utcNow()})
		if err != nil {
			return fmt.Errorf("update level %d: %w", l.ID, err)
		}
		if n == 0 {
			return fmt.Errorf("没有编号为 %d 的工资级别", l.ID)
		}
		return nil
	})
	if err != nil {
		return Level{}, err
	}
	return levelByID(ctx, s.db.Queries(), l.ID)
}

// DeleteLevel removes a level nobody has.
func (s *Store) DeleteLevel(ctx context.Context, id int64, owner Auth) error {
	if _, err := s.Owner(ctx, owner); err != nil {
		return err
	}
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		l, err := levelByID(ctx, q, id)
		if err != nil {
			return err
		}
		n, err := q.DeleteLevel(ctx, id)
		if err != nil {
			return fmt.Errorf("delete level %d: %w", id, err)
		}
		if n == 0 {
			return fmt.Errorf("还有 %d 位员工是“%s”，不能删除这个级别：先给他们换级别", l.StaffCount, l.Name)
		}
		return nil
	})
}
