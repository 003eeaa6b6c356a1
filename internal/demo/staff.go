package demo

import (
	"context"
	"fmt"
	"time"

	"shopdesk/db"
	"shopdesk/internal/staff"
)

// The demo team's pay levels, PINs (shown in each person's note, so a first-time user can
// try the clock) and sub-accounts. 张老板 is not on the payroll (no level).
var demoTeam = []struct {
	name, role, level, pin, account string
	joinedDay                       int // day of this month they joined (0: before it)
}{
	{"张老板", "owner", "", "8888", "", 0},
	{"小王", "operations", "高级", "1111", "", 0},
	{"小李", "cs_aftersale", "中级", "2222", tmallShop + ":小李", 0},
	{"阿强", "warehouse", "初级", "3333", "", 0},
	{"小陈", "cs_presale", "初级", "4444", tmallShop + ":小陈", 0},
	{"小周", "cs_insale", "初级", "5555", taobaoShop + ":小周", 8},
}

// StaffResult says what the demo's staff part made.
type StaffResult struct {
	People, Shifts, Punches int
}

// addStaff gives the demo team levels, PINs and sub-accounts, adds two agents (one who
// joined this month), last month's rota and punches (closed by the owner) and this month's
// so far (each with a few lates, one early leave, one absence and a sick day), and last
// night's handover note, so that the rota, attendance and payroll pages are never empty on
// a first run.
func addStaff(ctx context.Context, d *db.DB, now time.Time) (StaffResult, error) {
	var res StaffResult
	store := staff.New(d, nil).WithClock(func() time.Time { return now })
	list, err := store.List(ctx)
	if err != nil {
		return res, err
	}
	levels, err := store.Levels(ctx)
	if err != nil {
		return res, err
	}
	wall := time.Date(now.Year(), now.Month(), now.Day(), now.Hour(), now.Minute(), now.Second(), 0, time.UTC)
	month := staff.MonthOf(wall)
	ids := map[string]int64{}
	for _, m := range demoTeam {
		st := staff.Staff{Name: m.name, Role: m.role, Active: true, Note: "演示账号，打卡 PIN " + m.pin}
		for _, p := range list {
			if p.Name == m.name {
				st = p
				st.Note = "演示账号，打卡 PIN " + m.pin + noteSep(p.Note)
			}
		}
		for _, l := range levels {
			if l.Name == m.level {
				st.LevelID = l.ID
			}
		}
		if m.account != "" {
			st.Accounts = []string{m.account}
		}
		if m.joinedDay > 0 {
			st.JoinedOn = month.Day(m.joinedDay).Format("2006-01-02")
		}
		pin := m.pin
		if st.HasPIN {
			pin = ""
		}
		saved, err := store.Save(ctx, st, pin)
		if err != nil {
			return res, fmt.Errorf("demo staff %s: %w", m.name, err)
		}
		ids[m.name] = saved.ID
		res.People++
	}

	shifts, err := store.Shifts(ctx)
	if err != nil {
		return res, err
	}
	// Last month, closed by the owner, and this month so far.
	var rota []demoCell
	for _, m := range []staff.Month{month.Prev(), month} {
		cells, shiftsDone, punches, err := demoMonth(ctx, store, m, ids, shifts, wall)
		if err != nil {
			return res, err
		}
		rota = cells
		res.Shifts += shiftsDone
		res.Punches += punches
	}
	if _, err := store.CloseMonth(ctx, month.Prev().String(), staff.Auth{StaffID: ids["张老板"], PIN: "8888"}); err != nil {
		return res, fmt.Errorf("demo: close %s: %w", month.Prev(), err)
	}

	// Last night's evening shift wrote the handover book before leaving.
	yesterday := wall.Truncate(24*time.Hour).AddDate(0, 0, -1).Format("2006-01-02")
	writer := "小李"
	for _, c := range rota {
		if c.day == yesterday && c.text == "晚" {
			writer = c.name
		}
	}
	pdd := PDDOrders(now)
	at := wall.Truncate(24 * time.Hour).Add(-5 * time.Minute) // 23:55 yesterday, shop-local
	night := store.WithClock(func() time.Time {
		return time.Date(at.Year(), at.Month(), at.Day(), at.Hour(), at.Minute(), 0, 0, now.Location())
	})
	pin := ""
	for _, m := range demoTeam {
		if m.name == writer {
			pin = m.pin
		}
	}
	if _, err := night.WriteHandover(ctx, staff.Handover{
		Orders:    "拼多多 " + pdd[24].OrderNo + " 已过承诺发货时间，买家催了两次；阿强说缺货，明早第一个发，请白班盯一下",
		Buyers:    "“森林里的鹿”投诉四件套起球要退一半货款，已安抚，等售后给方案后回复她",
		Anomalies: "订单异常里还有 2 个退款申请等同意，金额都不大",
		Note:      "打印机没纸了",
	}, staff.Auth{StaffID: ids[writer], PIN: pin}); err != nil {
		return res, fmt.Errorf("demo handover: %w", err)
	}
	return res, nil
}

// demoMonth plans a month and records the punches of its shifts started by wall (shop-local):
// a few minutes early and late to leave, except the lates and the early leave below; 阿强
// misses one shift entirely; 小王 is on sick leave one day. It returns the month's cells.
func demoMonth(ctx context.Context, store *staff.Store, month staff.Month, ids map[string]int64, shifts []staff.Shift,
	wall time.Time) ([]demoCell, int, int, error) {
	byShort := map[string]staff.Shift{}
	for _, sh := range shifts {
		byShort[sh.Short] = sh
	}
	rota := demoRota(month, ids, month == staff.MonthOf(wall))
	var cells []staff.RotaCell
	for _, c := range rota {
		cell := staff.RotaCell{StaffID: c.staffID, Day: c.day}
		if c.text == staff.RestShort {
			cell.Rest = true
		} else {
			cell.ShiftIDs = []int64{byShort[c.text].ID}
		}
		cells = append(cells, cell)
	}
	if _, err := store.SetRota(ctx, month.String(), cells); err != nil {
		return nil, 0, 0, fmt.Errorf("demo rota: %w", err)
	}
	type key struct {
		name string
		nth  int
	}
	lates := map[key]int{{"小陈", 2}: 5, {"小陈", 4}: 7, {"小陈", 7}: 4, {"小李", 3}: 12, {"小周", 2}: 3}
	early := map[key]int{{"小李", 6}: 8}
	absent := key{"阿强", 5}
	sick := key{"小王", 4}
	nth := map[string]int{}
	done := 0
	var punches []staff.PunchRow
	for _, c := range rota {
		if c.text == staff.RestShort {
			continue
		}
		day, _ := time.Parse("2006-01-02", c.day)
		sh := byShort[c.text]
		start := day.Add(time.Duration(sh.StartMin) * time.Minute)
		end := day.Add(time.Duration(sh.EndMin) * time.Minute)
		if start.After(wall) {
			continue
		}
		nth[c.name]++
		k := key{c.name, nth[c.name]}
		done++
		switch k {
		case absent:
			continue
		case sick:
			if _, err := store.AddLeave(ctx, staff.Leave{StaffID: c.staffID, Type: staff.LeaveSick, From: c.day, To: c.day,
				ApprovedBy: ids["张老板"], Note: "发烧，医院证明已交"}); err != nil {
				return nil, 0, 0, fmt.Errorf("demo leave: %w", err)
			}
			continue
		}
		jitter := time.Duration((len(c.name)*7+nth[c.name]*13)%11+1) * time.Minute
		in := start.Add(-jitter)
		if m, ok := lates[k]; ok {
			in = start.Add(time.Duration(m)*time.Minute + 20*time.Second)
		}
		punches = append(punches, staff.PunchRow{StaffID: c.staffID, At: in.Format("2006-01-02 15:04:05"), Kind: staff.PunchIn})
		out := end.Add(jitter)
		if m, ok := early[k]; ok {
			out = end.Add(-time.Duration(m) * time.Minute)
		}
		if !out.After(wall) {
			punches = append(punches, staff.PunchRow{StaffID: c.staffID, At: out.Format("2006-01-02 15:04:05"), Kind: staff.PunchOut})
		}
	}
	if err := store.DemoPunches(ctx, punches); err != nil {
		return nil, 0, 0, err
	}
	return rota, done, len(punches), nil
}

func noteSep(note string) string {
	if note == "" {
		return ""
	}
	return "；" + note
}

type demoCell struct {
	staffID int64
	name    string
	day     string
	text    string
}

// demoRota plans the month: 小王, 小李 and 小陈 take turns so that every day has one 晚班
// and at least one 白班, each with four rest days (one of the two day-shift people of a
// day may rest, never both); 阿强 and 小周 (from the day they joined) work 白班 with their
// rest days (four a month, pro rata) spread over the month.
func demoRota(m staff.Month, ids map[string]int64, newcomer bool) []demoCell {
	var out []demoCell
	add := func(name string, day int, text string) {
		out = append(out, demoCell{ids[name], name, m.Day(day).Format("2006-01-02"), text})
	}
	n := m.Days()
	// spaced picks k of the days, evenly spread.
	spaced := func(days []int, k int) map[int]bool {
		out := map[int]bool{}
		for j := 0; j < k && len(days) > 0; j++ {
			out[days[(2*j+1)*len(days)/(2*k)]] = true
		}
		return out
	}
	cycle := []string{"小王", "小李", "小陈"}
	rest := map[string]map[int]bool{}
	for i, name := range cycle {
		var firstOnDay []int // days this person is the first of the two day-shift people
		for d := 1; d <= n; d++ {
			if (d+1)%3 == i {
				firstOnDay = append(firstOnDay, d)
			}
		}
		rest[name] = spaced(firstOnDay, 4)
	}
	for d := 1; d <= n; d++ {
		for _, name := range cycle {
			switch {
			case cycle[d%3] == name:
				add(name, d, "晚")
			case rest[name][d]:
				add(name, d, staff.RestShort)
			default:
				add(name, d, "白")
			}
		}
	}
	for _, p := range []struct {
		name string
		from int
	}{{"阿强", 1}, {"小周", 8}} {
		if p.name == "小周" && !newcomer {
			continue // joined this month
		}
		var days []int
		for d := p.from; d <= n; d++ {
			days = append(days, d)
		}
		off := spaced(days, (4*len(days)*2+n)/(2*n)) // 4 a month, pro rata, rounded
		for _, d := range days {
			if off[d] {
				add(p.name, d, staff.RestShort)
			} else {
				add(p.name, d, "白")
			}
		}
	}
	return out
}
