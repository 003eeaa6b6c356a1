package staff_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"

	"shopdesk/internal/staff"
)

// The rules at their defaults (domain brief): two small lates (under 10 minutes) a month
// free, each further one 20.00; a late of 10 minutes or more 20.00 and never free; leaving
// early counted like lateness (one tally with the lates); absent 200.00; full attendance
// 100.00 with no late, early leave or absence; living allowance 200.00; team score 100 =
// 10 % of base; commission 0.5 %. 白班 08:30-17:30, 晚班 17:00-24:00, 值班 17:00-02:00.
// Every expected payslip below is computed by hand in its comment.

type slip struct {
	base, commission, bonus, deductions, net string // yuan
	lates, absences                          int
	lines                                    []string // deductions: "day rule tier amount"
}

type payCase struct {
	name      string
	month     string
	now       string // shop-local time the payslip is computed at
	level     string
	joined    string
	rota      map[string]string
	punches   []string // "day hh:mm[:ss] [in|out]"
	leave     []staff.Leave
	incidents []staff.Incident
	score     int // team score; -1 not entered
	credited  int64
	want      slip
	// prorata: "rostered/standard" days of a part-month base ('' the whole month);
	// rounded: the components shown do not add up to the net to the fen.
	prorata string
	rounded bool
}

func days(from, to int, month, text string) map[string]string {
	out := map[string]string{}
	for d := from; d <= to; d++ {
		out[fmt.Sprintf("%s-%02d", month, d)] = text
	}
	return out
}

func merge(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// whiteDays are the days of a rota with 白班, in order.
func whiteDays(rota map[string]string) []string {
	var out []string
	for d, v := range rota {
		if v == "白" {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out
}

// onTime is a clock-in and clock-out on time for 白班 on each day.
func onTime(daysList ...string) []string {
	var out []string
	for _, d := range daysList {
		out = append(out, d+" 08:29 in", d+" 17:31 out")
	}
	return out
}

func TestPayslips(t *testing.T) {
	dec31 := merge(days(1, 31, "2026-12", "白"), map[string]string{"2026-12-06": "休", "2026-12-13": "休", "2026-12-20": "休", "2026-12-27": "休"})
	decPunches := onTime(slices.DeleteFunc(whiteDays(dec31), func(d string) bool { return d == "2026-12-31" })...)
	cases := []payCase{
		{
			// Lates of 5, 9 (08:39:59 is minute 08:39) and 1 minute: the first two are free,
			// the third costs 20. 1500 + living 200 - 20 = 1680 (no full attendance).
			name: "the third small late", month: "2026-11", now: "2026-12-01 09:00", level: "初级",
			rota: days(2, 5, "2026-11", "白"),
			punches: []string{"2026-11-02 08:35:10 in", "2026-11-02 17:30 out", "2026-11-03 08:39:59 in", "2026-11-03 17:31 out",
				"2026-11-04 08:31:00 in", "2026-11-04 17:30 out", "2026-11-05 08:30:59 in", "2026-11-05 17:30 out"},
			score: -1,
			want: slip{"1500.00", "0.00", "200.00", "20.00", "1680.00", 3, 0, []string{
				"2026-11-02 late free 0.00", "2026-11-03 late free 0.00", "2026-11-04 late small 20.00"}},
		},
		{
			// 08:40:00 is 10 minutes: 20, not one of the free ones; the 6-minute late after
			// it is the month's first small one, free. 1500 + 200 - 20 = 1680.
			name: "a 10-minute late", month: "2026-11", now: "2026-12-01 09:00", level: "初级",
			rota:    days(2, 3, "2026-11", "白"),
			punches: []string{"2026-11-02 08:40:00 in", "2026-11-02 17:30 out", "2026-11-03 08:36 in", "2026-11-03 17:30 out"},
			score:   -1,
			want: slip{"1500.00", "0.00", "200.00", "20.00", "1680.00", 2, 0, []string{
				"2026-11-02 late big 20.00", "2026-11-03 late free 0.00"}},
		},
		{
			// 值班 17:00-02:00 on the 10th, clocked out at 02:03 on the 11th: that punch is
			// the 10th's clock-out (nothing is rostered on the 11th), on time. 1500 + full
			// attendance 100 + 200 = 1800.
			name: "a shift across midnight", month: "2026-11", now: "2026-12-01 09:00", level: "初级",
			rota:    map[string]string{"2026-11-10": "值"},
			punches: []string{"2026-11-10 16:55 in", "2026-11-11 02:03 out"},
			score:   -1,
			want:    slip{"1500.00", "0.00", "300.00", "0.00", "1800.00", 0, 0, nil},
		},
		{
			// The same with a raw punch (an export's, no in/out) at 01:58 on the 11th, and
			// 白班 on the 11th: 01:58 is 2 minutes before the 值班's end and 6.5 hours
			// before the 白班, so it is the 10th's clock-out, 2 minutes early (a small early
			// leave, free). 1500 + 200 = 1700 (early leave: no full attendance).
			name: "a clock-out at 01:58 belongs to the shift of the day before", month: "2026-11", now: "2026-12-01 09:00",
			level: "初级", rota: map[string]string{"2026-11-10": "值", "2026-11-11": "白"},
			punches: []string{"2026-11-10 16:58", "2026-11-11 01:58", "2026-11-11 08:29", "2026-11-11 17:30"},
			score:   -1,
			want:    slip{"1500.00", "0.00", "200.00", "0.00", "1700.00", 1, 0, []string{"2026-11-10 early free 0.00"}},
		},
		{
			// 晚班 17:00-24:00 on the 12th clocked out at 00:05 on the 13th: on time, not a
			// punch of the 13th (and no missing clock-out). 1500 + 100 + 200 = 1800.
			name: "a 24:00 shift end", month: "2026-11", now: "2026-12-01 09:00", level: "初级",
			rota:    map[string]string{"2026-11-12": "晚", "2026-11-13": "休"},
			punches: []string{"2026-11-12 16:50 in", "2026-11-13 00:05 out"},
			score:   -1,
			want:    slip{"1500.00", "0.00", "300.00", "0.00", "1800.00", 0, 0, nil},
		},
		{
			// December: 27 白班 and 4 rest days; every shift on time but the 31st, not
			// punched at all: absent, 200. Full base (the whole month). 1500 + 200 - 200 = 1500.
			name: "a month with 31 days", month: "2026-12", now: "2027-01-02 09:00", level: "初级",
			rota: dec31, punches: decPunches, score: -1,
			want: slip{"1500.00", "0.00", "200.00", "200.00", "1500.00", 0, 1, []string{"2026-12-31 absence  200.00"}},
		},
		{
			// 中级 1800, joined on the 16th, rostered 13 days (16th-30th less 2 rest days):
			// 1800 x 13 / 26 (30 days less 4 rest days) = 900. On time: 900 + 100 + 200 = 1200.
			name: "joining mid-month", month: "2026-11", now: "2026-12-01 09:00", level: "中级", joined: "2026-11-16",
			rota:    merge(days(16, 30, "2026-11", "白"), map[string]string{"2026-11-22": "休", "2026-11-29": "休"}),
			punches: onTime(whiteDays(merge(days(16, 30, "2026-11", "白"), map[string]string{"2026-11-22": "休", "2026-11-29": "休"}))...),
			score:   -1,
			want:    slip{"900.00", "0.00", "300.00", "0.00", "1200.00", 0, 0, nil}, prorata: "13/26",
		},
		{
			// 初级 1500, joined on the 30th, one shift: 1500 x 1/26 = 57.692307...; team score
			// 50: 57.692307 x 10 % x 50 % = 2.884615...; + 100 + 200. Net exact 360.576923 ->
			// 360.58, while the components shown (57.69 + 302.88) add up to 360.57.
			name: "joining on the last day, rounded once", month: "2026-11", now: "2026-12-01 09:00", level: "初级",
			joined: "2026-11-30", rota: map[string]string{"2026-11-30": "白"}, punches: onTime("2026-11-30"), score: 50,
			want: slip{"57.69", "0.00", "302.88", "0.00", "360.58", 0, 0, nil}, prorata: "1/26", rounded: true,
		},
		{
			// Sick leave on the 3rd, a rostered day with no punch: not an absence.
			// 1500 + 100 + 200 = 1800.
			name: "leave on a rostered day", month: "2026-11", now: "2026-12-01 09:00", level: "初级",
			rota: days(2, 3, "2026-11", "白"), punches: onTime("2026-11-02"), score: -1,
			leave: []staff.Leave{{Type: staff.LeaveSick, From: "2026-11-03", To: "2026-11-03"}},
			want:  slip{"1500.00", "0.00", "300.00", "0.00", "1800.00", 0, 0, nil},
		},
		{
			// 休 on the 3rd and nothing planned on the 4th, no punch either day: nothing.
			name: "a rest day with no punch", month: "2026-11", now: "2026-12-01 09:00", level: "初级",
			rota: map[string]string{"2026-11-02": "白", "2026-11-03": "休"}, punches: onTime("2026-11-02"), score: -1,
			want: slip{"1500.00", "0.00", "300.00", "0.00", "1800.00", 0, 0, nil},
		},
		{
			// Out at 17:25 (5 min early, free), 17:28 (2, free), in at 08:33 (3 min late:
			// the third small one, 20), out at 17:15 (15 min early: big, 20).
			// 1500 + 200 - 40 = 1660.
			name: "leaving early like lateness", month: "2026-11", now: "2026-12-01 09:00", level: "初级",
			rota: days(2, 5, "2026-11", "白"),
			punches: []string{"2026-11-02 08:30 in", "2026-11-02 17:25 out", "2026-11-03 08:30 in", "2026-11-03 17:28 out",
				"2026-11-04 08:33 in", "2026-11-04 17:30 out", "2026-11-05 08:30 in", "2026-11-05 17:15 out"},
			score: -1,
			want: slip{"1500.00", "0.00", "200.00", "40.00", "1660.00", 4, 0, []string{
				"2026-11-02 early free 0.00", "2026-11-03 early free 0.00", "2026-11-04 late small 20.00", "2026-11-05 early big 20.00"}},
		},
		{
			// 白班 on the 2nd with no punch and no leave: absent, 200. 1500 + 200 - 200 = 1500.
			name: "absence", month: "2026-11", now: "2026-12-01 09:00", level: "初级",
			rota: days(2, 3, "2026-11", "白"), punches: onTime("2026-11-03"), score: -1,
			want: slip{"1500.00", "0.00", "200.00", "200.00", "1500.00", 0, 1, []string{"2026-11-02 absence  200.00"}},
		},
		{
			// The same shift judged at 10:00 that day: not over yet, not an absence.
			name: "a shift not over yet is not an absence", month: "2026-11", now: "2026-11-02 10:00", level: "初级",
			rota: days(2, 3, "2026-11", "白"), score: -1,
			want: slip{"1500.00", "0.00", "300.00", "0.00", "1800.00", 0, 0, nil},
		},
		{
			// Only a clock-in on the 2nd: a missing clock-out (0.00 by default, shown).
			name: "a missing clock-out", month: "2026-11", now: "2026-12-01 09:00", level: "初级",
			rota: days(2, 2, "2026-11", "白"), punches: []string{"2026-11-02 08:20 in"}, score: -1,
			want: slip{"1500.00", "0.00", "300.00", "0.00", "1800.00", 0, 0, []string{"2026-11-02 missing_punch  0.00"}},
		},
		{
			// Missed 2-minute replies 2 + 2 (the 4th is beyond the 3 allowed: 50 once, on the
			// 5th), no reply in 30 minutes once (100), away 2 hours once (200).
			// 1500 + 100 + 200 - 350 = 1450.
			name: "service penalties", month: "2026-11", now: "2026-12-01 09:00", level: "初级", score: -1,
			incidents: []staff.Incident{{Day: "2026-11-03", Kind: "slow_reply", Count: 2}, {Day: "2026-11-05", Kind: "slow_reply", Count: 2},
				{Day: "2026-11-07", Kind: "no_reply_30m", Count: 1}, {Day: "2026-11-08", Kind: "away_2h", Count: 1}},
			want: slip{"1500.00", "0.00", "300.00", "350.00", "1450.00", 0, 0, []string{
				"2026-11-05 slow_reply  50.00", "2026-11-07 no_reply_30m  100.00", "2026-11-08 away_2h  200.00"}},
		},
		{
			// 高级 2200, credited 12,345.67: commission 0.5 % = 61.72835; team score 80:
			// 2200 x 10 % x 80 % = 176. 2200 + 61.72835 + 176 + 100 + 200 = 2737.72835 -> 2737.73.
			name: "commission and team score", month: "2026-11", now: "2026-12-01 09:00", level: "高级", score: 80,
			credited: 1234567,
			want:     slip{"2200.00", "61.73", "476.00", "0.00", "2737.73", 0, 0, nil},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			credits := &tableCredits{}
			f := newFixture(t, credits)
			credits.db = f.d.SQL
			p := f.person(staff.Staff{Name: "小张", Role: "cs_presale", Active: true, LevelID: f.levelID(c.level), JoinedOn: c.joined}, "")
			f.rota(p.ID, c.rota)
			f.punches(p.ID, c.punches...)
			for _, l := range c.leave {
				l.StaffID, l.ApprovedBy = p.ID, f.owner.StaffID
				if _, err := f.s.AddLeave(ctx, l); err != nil {
					t.Fatal(err)
				}
			}
			for _, i := range c.incidents {
				i.StaffID = p.ID
				if _, err := f.s.AddIncident(ctx, i); err != nil {
					t.Fatal(err)
				}
			}
			if c.score >= 0 {
				score := c.score
				if err := f.s.SetTeamScore(ctx, c.month, p.ID, &score, f.owner); err != nil {
					t.Fatal(err)
				}
			}
			credits.add(t, p.ID, c.month+"-15", c.credited)
			f.setNow(c.now)
			ps := f.payslip(c.month, p.ID)
			got := slip{staff.Yuan(ps.BaseFen), staff.Yuan(ps.CommissionFen), staff.Yuan(ps.BonusFen), staff.Yuan(ps.DeductionFen),
				staff.Yuan(ps.NetFen), ps.Lates, ps.Absences, nil}
			for _, l := range ps.Deductions {
				got.lines = append(got.lines, fmt.Sprintf("%s %s %s %s", l.Day, l.Rule, l.Tier, staff.Yuan(l.AmountFen)))
			}
			if c.want.lines == nil {
				c.want.lines = slices.DeleteFunc(got.lines, func(string) bool { return true })
			}
			prorata := ""
			if ps.Prorata != nil {
				prorata = fmt.Sprintf("%d/%d", ps.Prorata.RosteredDays, ps.Prorata.StandardDays)
			}
			if prorata != c.prorata || ps.Rounded != c.rounded {
				t.Errorf("pro rata %q rounded %v, want %q %v", prorata, ps.Rounded, c.prorata, c.rounded)
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("payslip\n got %+v\nwant %+v", got, c.want)
				for _, x := range ps.Attendance {
					t.Logf("  %s %s in %q out %q late %d early %d status %s", x.Day, x.ShiftName, x.In, x.Out, x.LateMin, x.EarlyMin, x.Status)
				}
			}
		})
	}
}

// The midnight cases as the attendance shows them: which punch is whose clock-out.
func TestPunchesAfterMidnight(t *testing.T) {
	f := newFixture(t, nil)
	p := f.person(staff.Staff{Name: "小夜", Role: "cs_insale", Active: true, LevelID: f.levelID("初级")}, "")
	f.rota(p.ID, map[string]string{"2026-11-10": "值", "2026-11-11": "白", "2026-11-12": "晚", "2026-11-13": "白"})
	f.punches(p.ID, "2026-11-10 16:58", "2026-11-11 01:58", "2026-11-11 08:29", "2026-11-11 17:30",
		"2026-11-12 16:50 in", "2026-11-13 00:05 out", "2026-11-13 08:30 in", "2026-11-13 17:30 out")
	f.setNow("2026-12-01 09:00")
	ps := f.payslip("2026-11", p.ID)
	var got []string
	for _, x := range ps.Attendance {
		got = append(got, fmt.Sprintf("%s %s %s-%s", x.Day, x.ShiftName, x.In, x.Out))
	}
	want := []string{
		"2026-11-10 值班 2026-11-10 16:58:00-2026-11-11 01:58:00",
		"2026-11-11 白班 2026-11-11 08:29:00-2026-11-11 17:30:00",
		"2026-11-12 晚班 2026-11-12 16:50:00-2026-11-13 00:05:00",
		"2026-11-13 白班 2026-11-13 08:30:00-2026-11-13 17:30:00",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("attendance\n got %q\nwant %q", got, want)
	}
}

// tableCredits is a credit source over a table of the test database: what the inquiry
// register will answer, sales credited per person and day.
type tableCredits struct{ db *sql.DB }

func (c *tableCredits) add(t *testing.T, staffID int64, day string, fen int64) {
	t.Helper()
	if _, err := c.db.Exec(`CREATE TABLE IF NOT EXISTS test_credit (staff_id INTEGER, day TEXT, fen INTEGER)`); err != nil {
		t.Fatal(err)
	}
	if _, err := c.db.Exec(`INSERT INTO test_credit VALUES (?, ?, ?)`, staffID, day, fen); err != nil {
		t.Fatal(err)
	}
}

func (c *tableCredits) CreditedSales(ctx context.Context, from, to string) (map[int64]int64, error) {
	rows, err := c.db.QueryContext(ctx, `SELECT staff_id, sum(fen) FROM test_credit WHERE day >= ? AND day <= ? GROUP BY staff_id`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var id, fen int64
		if err := rows.Scan(&id, &fen); err != nil {
			return nil, err
		}
		out[id] = fen
	}
	return out, rows.Err()
}
