package checklist

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"shopdesk/db/sqldb"
)

// Repeats of a recurring item.
const (
	RepeatDaily   = "daily"
	RepeatWeekly  = "weekly"
	RepeatMonthly = "monthly"
)

// Repeats lists them (the UI's copy is checked against it).
var Repeats = []string{RepeatDaily, RepeatWeekly, RepeatMonthly}

// Task is a recurring item the seller defines ("check 直通车 spend", "call the supplier").
type Task struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Repeat   string `json:"repeat"`
	Weekday  int    `json:"weekday"`  // weekly: 0 Sunday .. 6 Saturday
	MonthDay int    `json:"monthDay"` // monthly: 1..31 (a shorter month has it on its last day)
	OwnerID  int64  `json:"ownerId"`  // 0: anyone
	Owner    string `json:"owner"`
	Active   bool   `json:"active"`
	// Created is the day it was added: it is not on the lists of days before.
	Created string `json:"created"`
}

// DueOn says whether the task is on the list of day.
func (t Task) DueOn(day time.Time) bool {
	switch t.Repeat {
	case RepeatDaily:
		return true
	case RepeatWeekly:
		return int(day.Weekday()) == t.Weekday
	case RepeatMonthly:
		// The 31st in a 30-day month (or the 29th-31st in February) falls on the month's last day.
		last := time.Date(day.Year(), day.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
		return day.Day() == min(t.MonthDay, last)
	}
	return false
}

var weekdayNames = []string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// ScheduleText says when a task comes, in Chinese ("每周一", "每月 31 日（小月为月末）").
func (t Task) ScheduleText() string {
	switch t.Repeat {
	case RepeatWeekly:
		return "每" + weekdayNames[t.Weekday]
	case RepeatMonthly:
		if t.MonthDay > 28 {
			return fmt.Sprintf("每月 %d 日（没有这天的月份为月末）", t.MonthDay)
		}
		return fmt.Sprintf("每月 %d 日", t.MonthDay)
	}
	return "每天"
}

func taskOf(r sqldb.ListChecklistTasksRow) Task {
	t := Task{ID: r.ID, Title: r.Title, Repeat: r.Repeat, Weekday: int(r.Weekday), MonthDay: int(r.MonthDay),
		Owner: r.OwnerName, Active: r.Active == 1, Created: r.CreatedAt}
	if len(t.Created) > 10 {
		t.Created = t.Created[:10]
	}
	if r.OwnerID != nil {
		t.OwnerID = *r.OwnerID
	}
	return t
}

// Tasks lists the recurring items.
func (s *Store) Tasks(ctx context.Context) ([]Task, error) {
	rows, err := s.db.Queries().ListChecklistTasks(ctx)
	if err != nil {
		return nil, fmt.Errorf("checklist: recurring items: %w", err)
	}
	out := make([]Task, 0, len(rows))
	for _, r := range rows {
		out = append(out, taskOf(r))
	}
	return out, nil
}

const maxTaskRunes = 60

// checkTask tidies and checks a task the user wrote.
func checkTask(t Task) (Task, error) {
	t.Title = strings.TrimSpace(t.Title)
	switch {
	case t.Title == "":
		return t, fmt.Errorf("请写上事项内容")
	case utf8.RuneCountInString(t.Title) > maxTaskRunes:
		return t, fmt.Errorf("事项内容最多 %d 个字", maxTaskRunes)
	}
	switch t.Repeat {
	case RepeatDaily:
	case RepeatWeekly:
		if t.Weekday < 0 || t.Weekday > 6 {
			return t, fmt.Errorf("每周的哪一天？“%d”不是星期几（0 周日 … 6 周六）", t.Weekday)
		}
	case RepeatMonthly:
		if t.MonthDay < 1 || t.MonthDay > 31 {
			return t, fmt.Errorf("每月的哪一天？“%d”不在 1-31 之间", t.MonthDay)
		}
	default:
		return t, fmt.Errorf("未知的重复方式“%s”（每天、每周、每月）", t.Repeat)
	}
	if t.Repeat != RepeatWeekly {
		t.Weekday = 0
	}
	if t.Repeat != RepeatMonthly || t.MonthDay == 0 {
		t.MonthDay = max(t.MonthDay, 1)
	}
	return t, nil
}

// SaveTask adds (ID 0) or changes a recurring item. Lines already on a kept list keep
// their title: a past day shows what it said then.
func (s *Store) SaveTask(ctx context.Context, t Task) (Task, error) {
	t, err := checkTask(t)
	if err != nil {
		return Task{}, err
	}
	var owner *int64
	if t.OwnerID != 0 {
		owner = &t.OwnerID
	}
	active := int64(0)
	if t.Active || t.ID == 0 {
		active = 1
	}
	err = s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		if t.ID == 0 {
			id, err := q.CreateChecklistTask(ctx, sqldb.CreateChecklistTaskParams{Title: t.Title, Repeat: t.Repeat,
				Weekday: int64(t.Weekday), MonthDay: int64(t.MonthDay), OwnerID: owner, Active: active,
				Now: s.wallNow().Format(wallLayout)})
			t.ID = id
			return err
		}
		n, err := q.UpdateChecklistTask(ctx, sqldb.UpdateChecklistTaskParams{ID: t.ID, Title: t.Title, Repeat: t.Repeat,
			Weekday: int64(t.Weekday), MonthDay: int64(t.MonthDay), OwnerID: owner, Active: active})
		if err == nil && n == 0 {
			return fmt.Errorf("没有编号为 %d 的例行事项", t.ID)
		}
		return err
	})
	if err != nil {
		return Task{}, fmt.Errorf("checklist: save recurring item: %w", err)
	}
	all, err := s.Tasks(ctx)
	if err != nil {
		return Task{}, err
	}
	for _, x := range all {
		if x.ID == t.ID {
			return x, nil
		}
	}
	return t, nil
}

// DeleteTask removes a recurring item; the days it was on keep their line.
func (s *Store) DeleteTask(ctx context.Context, id int64) error {
	return s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		n, err := q.DeleteChecklistTask(ctx, id)
		if err != nil {
			return fmt.Errorf("checklist: delete recurring item %d: %w", id, err)
		}
		if n == 0 {
			return fmt.Errorf("没有编号为 %d 的例行事项", id)
		}
		return nil
	})
}

// taskLines are the recurring items due on the moment's day.
func (s *Store) taskLines(ctx context.Context, m moment) ([]Line, error) {
	tasks, err := s.Tasks(ctx)
	if err != nil {
		return nil, err
	}
	var out []Line
	for _, t := range tasks {
		if !t.Active || t.Created > m.dayText() || !t.DueOn(m.day) {
			continue
		}
		out = append(out, Line{Key: "task." + strconv.FormatInt(t.ID, 10), Section: SectionRoutine, Kind: KindTask,
			Source: "manual", Title: t.Title, Detail: t.ScheduleText(), Owner: t.Owner,
			Params: map[string]string{"repeat": t.Repeat, "weekday": strconv.Itoa(t.Weekday), "monthDay": strconv.Itoa(t.MonthDay)}})
	}
	return out, nil
}
