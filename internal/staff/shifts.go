package staff

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"shopdesk/db/sqldb"
)

// RestShort and RestName are how the rota writes a rest day (休). They are not a shift.
const (
	RestShort = "休"
	RestName  = "休息"
)

// Shift is a shift template: 白班 08:30-17:30, 晚班 17:00-24:00, 值班 17:00-02:00 by default.
// Start and End are 'HH:MM'; an End not after Start is on the next day (02:00), and 24:00
// is midnight at the end of the start day. StartMin/EndMin count minutes from the start
// day's midnight (EndMin > 1440 crosses midnight). Need is how many people the rota check
// wants on it each day (0: optional).
type Shift struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Short    string `json:"short"`
	Start    string `json:"start"`
	End      string `json:"end"`
	StartMin int    `json:"startMin"`
	EndMin   int    `json:"endMin"`
	Need     int    `json:"need"`
	Active   bool   `json:"active"`
}

// clock reads 'HH:MM' (00:00 to 24:00) as minutes.
func clock(s string) (int, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse("15:04", s)
	if err == nil {
		return t.Hour()*60 + t.Minute(), nil
	}
	if s == "24:00" {
		return 1440, nil
	}
	return 0, fmt.Errorf("“%s”不是时间：请写成 08:30 这样", s)
}

func fmtClock(min int) string {
	if min == 1440 {
		return "24:00"
	}
	min %= 1440
	return fmt.Sprintf("%02d:%02d", min/60, min%60)
}

func shiftOf(r sqldb.ListShiftsRow) Shift {
	return Shift{ID: r.ID, Name: r.Name, Short: r.Short, StartMin: int(r.StartMin), EndMin: int(r.EndMin),
		Start: fmtClock(int(r.StartMin)), End: fmtClock(int(r.EndMin)), Need: int(r.Need), Active: r.Active == 1}
}

// Hours tells the shift's times as the rota prints them: 17:00-次日02:00.
func (sh Shift) Hours() string {
	end := fmtClock(sh.EndMin)
	if sh.EndMin > 1440 {
		end = "次日" + end
	}
	return fmtClock(sh.StartMin) + "-" + end
}

// at is the shift's start and end on day (midnight of its start day).
func (sh Shift) at(day time.Time) (time.Time, time.Time) {
	return day.Add(time.Duration(sh.StartMin) * time.Minute), day.Add(time.Duration(sh.EndMin) * time.Minute)
}

// Shifts lists the shift templates, active ones first.
func (s *Store) Shifts(ctx context.Context) ([]Shift, error) { return listShifts(ctx, s.db.Queries()) }

func listShifts(ctx context.Context, q *sqldb.Queries) ([]Shift, error) {
	rows, err := q.ListShifts(ctx)
	if err != nil {
		return nil, fmt.Errorf("list shifts: %w", err)
	}
	out := make([]Shift, 0, len(rows))
	for _, r := range rows {
		out = append(out, shiftOf(r))
	}
	return out, nil
}

// SaveShift adds (ID 0) or changes a shift template. Shifts are deactivated, never deleted:
// old rotas keep them. A changed time applies to every month not closed.
func (s *Store) SaveShift(ctx context.Context, sh Shift) (Shift, error) {
	sh.Name, sh.Short = strings.TrimSpace(sh.Name), strings.TrimSpace(sh.Short)
	switch {
	case sh.Name == "":
		return Shift{}, errors.New("班次名称不能为空")
	case utf8.RuneCountInString(sh.Name) > 10:
		return Shift{}, fmt.Errorf("班次名称“%s”太长：最多 10 个字", sh.Name)
	case sh.Short == "":
		return Shift{}, fmt.Errorf("班次“%s”要有一个简称（排班表里显示的一个字）", sh.Name)
	case utf8.RuneCountInString(sh.Short) > 2:
		return Shift{}, fmt.Errorf("班次“%s”的简称“%s”太长：最多 2 个字", sh.Name, sh.Short)
	case sh.Short == RestShort || sh.Name == RestName || sh.Name == RestShort:
		return Shift{}, fmt.Errorf("“%s”是休息日的写法，不能用作班次", RestShort)
	case strings.ContainsAny(sh.Name+sh.Short, "+,，、/ "):
		return Shift{}, fmt.Errorf("班次“%s”的名称或简称里不能有 + , / 或空格（排班表用它们分隔两个班次）", sh.Name)
	case sh.Need < 0 || sh.Need > 50:
		return Shift{}, fmt.Errorf("班次“%s”每天需要的人数 %d 不在 0 到 50 之间", sh.Name, sh.Need)
	}
	start, err := clock(sh.Start)
	if err != nil {
		return Shift{}, fmt.Errorf("班次“%s”的开始时间：%w", sh.Name, err)
	}
	end, err := clock(sh.End)
	if err != nil {
		return Shift{}, fmt.Errorf("班次“%s”的结束时间：%w", sh.Name, err)
	}
	if start == 1440 {
		return Shift{}, fmt.Errorf("班次“%s”的开始时间不能是 24:00：请写 00:00", sh.Name)
	}
	if end <= start {
		end += 1440 // ends on the next day
	}
	if end == start+1440 {
		return Shift{}, fmt.Errorf("班次“%s”的开始和结束时间相同", sh.Name)
	}
	active := int64(0)
	if sh.Active {
		active = 1
	}
	err = s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		n, err := q.ShiftNameTaken(ctx, sqldb.ShiftNameTakenParams{ID: sh.ID, Name: sh.Name, Short: sh.Short})
		if err != nil {
			return fmt.Errorf("check shift %s: %w", sh.Name, err)
		}
		if n > 0 {
			return fmt.Errorf("已经有名为“%s”或简称“%s”的班次了", sh.Name, sh.Short)
		}
		if sh.ID == 0 {
			sh.ID, err = q.CreateShift(ctx, sqldb.CreateShiftParams{Name: sh.Name, Short: sh.Short, StartMin: int64(start),
				EndMin: int64(end), Need: int64(sh.Need), Active: active, Now: utcNow()})
			if err != nil {
				return fmt.Errorf("create shift %s: %w", sh.Name, err)
			}
			return nil
		}
		c, err := q.UpdateShift(ctx, sqldb.UpdateShiftParams{ID: sh.ID, Name: sh.Name, Short: sh.Short, StartMin: int64(start),
			EndMin: int64(end), Need: int64(sh.Need), Active: active, Now: utcNow()})
		if err != nil {
			return fmt.Errorf("update shift %d: %w", sh.ID, err)
		}
		if c == 0 {
			return fmt.Errorf("没有编号为 %d 的班次", sh.ID)
		}
		return nil
	})
	if err != nil {
		return Shift{}, err
	}
	shifts, err := s.Shifts(ctx)
	if err != nil {
		return Shift{}, err
	}
	for _, x := range shifts {
		if x.ID == sh.ID {
			return x, nil
		}
	}
	return Shift{}, fmt.Errorf("没有编号为 %d 的班次", sh.ID)
}
