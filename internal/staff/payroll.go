package staff

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"
)

// Line rules of a payslip: deductions and bonuses. Every deduction line points at its day
// and rule.
const (
	LineLate         = "late"          // arrived late (Tier: free, small, big)
	LineEarly        = "early"         // left early, counted like lateness (Tier: free, small, big)
	LineAbsence      = "absence"       // a rostered shift with no punch and no leave
	LineMissingPunch = "missing_punch" // a shift with a clock-in or a clock-out only
	LineSlowReply    = "slow_reply"    // missed 2-minute replies beyond the month's allowance
	LineNoReply30m   = "no_reply_30m"
	LineNoReply2h    = "no_reply_2h"
	LineAway2h       = "away_2h"
	LineTeam         = "team"            // team score bonus
	LineFullAttend   = "full_attendance" // no late, early leave or absence
	LineLiving       = "living"          // living allowance
)

// LineRules lists the line rules: deductions, then bonuses.
var LineRules = []string{LineLate, LineEarly, LineAbsence, LineMissingPunch, LineSlowReply, LineNoReply30m, LineNoReply2h,
	LineAway2h, LineTeam, LineFullAttend, LineLiving}

// Tiers of a late or an early leave.
const (
	TierFree  = "free"  // a small one within the month's free count
	TierSmall = "small" // a small one beyond it
	TierBig   = "big"   // LateBigMinutes or more: never free
)

// Tiers lists the tiers.
var Tiers = []string{TierFree, TierSmall, TierBig}

// Line is one bonus or deduction of a payslip.
type Line struct {
	Rule      string `json:"rule"`
	Tier      string `json:"tier"`
	Day       string `json:"day"` // '' for a bonus of the month
	ShiftName string `json:"shiftName"`
	Minutes   int    `json:"minutes"`
	Nth       int    `json:"nth"`   // the how-manieth small late/early leave of the month
	Count     int    `json:"count"` // incidents (service penalties)
	AmountFen int64  `json:"amountFen"`
	Text      string `json:"text"` // the line in Chinese (CLI, Excel)
	exact     *big.Rat
}

// Prorata says how a base paid for part of a month was found.
type Prorata struct {
	JoinedOn     string `json:"joinedOn"` // '' when joined before the month
	LeftOn       string `json:"leftOn"`   // '' when still there after it
	RosteredDays int    `json:"rosteredDays"`
	StandardDays int    `json:"standardDays"` // days of the month less its rest days
}

// Payslip is one person's pay for a month. Amounts are fen: each line exact until the net,
// which is rounded once (half up); the components are shown rounded to the fen, so when
// they do not add up to the net to the fen Rounded says so.
type Payslip struct {
	Month        string   `json:"month"`
	StaffID      int64    `json:"staffId"`
	Name         string   `json:"name"`
	Role         string   `json:"role"`
	Level        string   `json:"level"`
	LevelBaseFen int64    `json:"levelBaseFen"`
	BaseFen      int64    `json:"baseFen"`
	Prorata      *Prorata `json:"prorata"` // nil: the whole month's base
	// Commission: CommissionPct % of CreditedFen; CreditSource false means credited sales
	// are not connected yet (commission 0).
	CommissionFen int64  `json:"commissionFen"`
	CreditedFen   int64  `json:"creditedFen"`
	CommissionPct string `json:"commissionPct"`
	CreditSource  bool   `json:"creditSource"`
	TeamScore     *int   `json:"teamScore"` // nil: not entered yet
	Bonuses       []Line `json:"bonuses"`
	BonusFen      int64  `json:"bonusFen"`
	Deductions    []Line `json:"deductions"`
	DeductionFen  int64  `json:"deductionFen"`
	NetFen        int64  `json:"netFen"`
	Rounded       bool   `json:"rounded"`
	// Attendance figures: Lates counts late arrivals and early leaves (free ones too).
	Lates          int           `json:"lates"`
	EarlyLeaves    int           `json:"earlyLeaves"`
	Absences       int           `json:"absences"`
	MissingPunches int           `json:"missingPunches"`
	LeaveShifts    int           `json:"leaveShifts"`
	Rostered       int           `json:"rostered"`
	Worked         int           `json:"worked"`
	Pending        int           `json:"pending"` // shifts not over yet (a month still running)
	Attendance     []ShiftRecord `json:"attendance"`
}

// Incident is a service penalty entry (客服考核): a kind, a day and a count.
type Incident struct {
	ID        int64  `json:"id"`
	StaffID   int64  `json:"staffId"`
	StaffName string `json:"staffName"`
	Day       string `json:"day"`
	Kind      string `json:"kind"`
	Count     int    `json:"count"`
	Note      string `json:"note"`
	Imported  bool   `json:"imported"`
}

// IncidentKinds are the service penalty kinds, in the order the entry form offers them.
var IncidentKinds = []string{LineSlowReply, LineNoReply30m, LineNoReply2h, LineAway2h}

// payInput is everything a month's payslips depend on.
type payInput struct {
	month        Month
	now          time.Time // wall: shifts not over by then are pending
	rules        Rules
	people       []Staff // on the payroll: with a level, employed during the month
	shifts       map[int64]Shift
	cells        map[int64]map[string]cell // staff -> day -> cell, the month and the day before
	punches      map[int64][]Punch
	leaves       map[int64][]leaveSpan
	incidents    map[int64][]Incident
	scores       map[int64]int // team scores entered
	credited     map[int64]int64
	creditSource bool
}

// rosterOf lists a person's rostered shifts from the day before the month (its night shift
// may end in the month; it is not paid here) to the month's end.
func (in payInput) rosterOf(id int64) []rostered {
	var out []rostered
	for day, c := range in.cells[id] {
		d, err := parseDay(day)
		if err != nil {
			continue
		}
		for _, sid := range c.shifts {
			sh, ok := in.shifts[sid]
			if !ok {
				continue
			}
			start, end := sh.at(d)
			out = append(out, rostered{day: d, shift: sh, start: start, end: end})
		}
	}
	return out
}

// computePayslips computes the month's payslips.
func computePayslips(in payInput) []Payslip {
	out := make([]Payslip, 0, len(in.people))
	for _, p := range in.people {
		out = append(out, computePayslip(in, p))
	}
	return out
}

func computePayslip(in payInput, p Staff) Payslip {
	r := in.rules
	ps := Payslip{Month: in.month.String(), StaffID: p.ID, Name: p.Name, Role: p.Role, Level: p.LevelName,
		LevelBaseFen: p.BaseFen, CommissionPct: r.CommissionPct, CreditSource: in.creditSource,
		Bonuses: []Line{}, Deductions: []Line{}}
	window := time.Duration(r.PunchWindowH) * time.Hour
	records, _ := attend(p.ID, in.rosterOf(p.ID), in.punches[p.ID], in.leaves[p.ID], in.now, window)
	// Only the shifts of this month, while employed, are this month's pay.
	records = slices.DeleteFunc(records, func(x ShiftRecord) bool { return !in.month.Contains(x.Day) || !p.employed(x.Day) })
	ps.Attendance = records

	// Base: the whole month, or pro rata by rostered days for part of a month.
	base := new(big.Rat).SetInt64(p.BaseFen)
	first, last := fmtDay(in.month.First()), fmtDay(in.month.Last())
	if (p.JoinedOn != "" && p.JoinedOn > first) || (p.LeftOn != "" && p.LeftOn < last) {
		days := map[string]bool{}
		for _, x := range records {
			days[x.Day] = true
		}
		standard := in.month.Days() - r.RestDays
		if standard <= 0 {
			standard = in.month.Days()
		}
		pr := &Prorata{RosteredDays: len(days), StandardDays: standard}
		if p.JoinedOn > first {
			pr.JoinedOn = p.JoinedOn
		}
		if p.LeftOn != "" && p.LeftOn < last {
			pr.LeftOn = p.LeftOn
		}
		ps.Prorata = pr
		base.Mul(base, big.NewRat(int64(min(pr.RosteredDays, standard)), int64(standard)))
	}
	ps.BaseFen = roundFen(base)

	// Commission on the credited sales.
	ps.CreditedFen = in.credited[p.ID]
	commission := new(big.Rat).Mul(new(big.Rat).SetInt64(ps.CreditedFen), rat(r.CommissionPct))
	commission.Quo(commission, big.NewRat(100, 1))
	ps.CommissionFen = roundFen(commission)

	// Attendance: lates and early leaves in the order they happened share the free count.
	type incident struct {
		at   time.Time
		rule string
		rec  ShiftRecord
		min  int
	}
	var incs []incident
	for _, x := range records {
		switch x.Status {
		case StatusPending:
			ps.Pending++
			continue
		case StatusLeave:
			ps.LeaveShifts++
			continue
		case StatusAbsent:
			ps.Absences++
			ps.Deductions = append(ps.Deductions, line(Line{Rule: LineAbsence, Day: x.Day, ShiftName: x.ShiftName,
				Text: fmt.Sprintf("%s %s 旷工（排了班，没有打卡，没有请假）", x.Day, x.ShiftName)}, r.AbsenceFen))
			continue
		}
		ps.Worked++
		if x.LateMin > 0 {
			incs = append(incs, incident{x.inAt, LineLate, x, x.LateMin})
		}
		if x.EarlyMin > 0 {
			incs = append(incs, incident{x.outAt, LineEarly, x, x.EarlyMin})
		}
		if x.MissingIn || x.MissingOut {
			ps.MissingPunches++
			what := "上班"
			if x.MissingOut {
				what = "下班"
			}
			ps.Deductions = append(ps.Deductions, line(Line{Rule: LineMissingPunch, Day: x.Day, ShiftName: x.ShiftName,
				Text: fmt.Sprintf("%s %s 缺%s卡（请老板核实后补卡）", x.Day, x.ShiftName, what)}, r.MissingPunchFen))
		}
	}
	ps.Rostered = len(records)
	slices.SortStableFunc(incs, func(a, b incident) int { return a.at.Compare(b.at) })
	small := 0
	for _, c := range incs {
		l := Line{Rule: c.rule, Day: c.rec.Day, ShiftName: c.rec.ShiftName, Minutes: c.min}
		what := "迟到"
		if c.rule == LineEarly {
			what = "早退"
			ps.EarlyLeaves++
		}
		ps.Lates++
		var fen int64
		if c.min >= r.LateBigMinutes {
			l.Tier, fen = TierBig, r.LateBigFen
			l.Text = fmt.Sprintf("%s %s %s %d 分钟（%d 分钟及以上，不免扣）", l.Day, l.ShiftName, what, c.min, r.LateBigMinutes)
		} else {
			small++
			l.Nth = small
			if small <= r.LateFree {
				l.Tier = TierFree
				l.Text = fmt.Sprintf("%s %s %s %d 分钟（本月第 %d 次 %d 分钟以内，免扣）", l.Day, l.ShiftName, what, c.min, small, r.LateBigMinutes)
			} else {
				l.Tier, fen = TierSmall, r.LateSmallFen
				l.Text = fmt.Sprintf("%s %s %s %d 分钟（本月第 %d 次 %d 分钟以内，超过免扣的 %d 次）", l.Day, l.ShiftName, what,
					c.min, small, r.LateBigMinutes, r.LateFree)
			}
		}
		ps.Deductions = append(ps.Deductions, line(l, fen))
	}

	// Service penalties.
	incidents := slices.Clone(in.incidents[p.ID])
	slices.SortStableFunc(incidents, func(a, b Incident) int { return strings.Compare(a.Day, b.Day) })
	slow, slowLine := 0, -1
	for _, i := range incidents {
		if !in.month.Contains(i.Day) {
			continue
		}
		switch i.Kind {
		case LineSlowReply:
			slow += i.Count
			if slow > r.SlowReplyFree && slowLine < 0 {
				slowLine = len(ps.Deductions)
				ps.Deductions = append(ps.Deductions, line(Line{Rule: LineSlowReply, Day: i.Day}, r.SlowReplyFen))
			}
		case LineNoReply30m, LineNoReply2h, LineAway2h:
			fen := map[string]int64{LineNoReply30m: r.NoReply30Fen, LineNoReply2h: r.NoReply2hFen, LineAway2h: r.Away2hFen}[i.Kind]
			what := map[string]string{LineNoReply30m: "30 分钟未回复买家", LineNoReply2h: "2 小时未回复买家", LineAway2h: "在线挂机离开 2 小时以上"}[i.Kind]
			l := line(Line{Rule: i.Kind, Day: i.Day, Count: i.Count, Text: fmt.Sprintf("%s %s %d 次", i.Day, what, i.Count)}, fen*int64(i.Count))
			ps.Deductions = append(ps.Deductions, l)
		}
	}
	if slowLine >= 0 {
		l := &ps.Deductions[slowLine]
		l.Count = slow
		l.Text = fmt.Sprintf("%s 起 2 分钟内未回复本月共 %d 次，超过允许的 %d 次", l.Day, slow, r.SlowReplyFree)
	}

	// Deductions read in the order of the month's days.
	slices.SortStableFunc(ps.Deductions, func(a, b Line) int { return strings.Compare(a.Day, b.Day) })

	// Bonuses.
	team := new(big.Rat)
	if score, ok := in.scores[p.ID]; ok {
		ps.TeamScore = &score
		team.Mul(base, rat(r.TeamMaxPct))
		team.Mul(team, big.NewRat(int64(score), 100*100))
	}
	teamLine := Line{Rule: LineTeam, AmountFen: roundFen(team), exact: team}
	if ps.TeamScore != nil {
		teamLine.Count = *ps.TeamScore
		teamLine.Text = fmt.Sprintf("团队评分 %d 分（100 分为底薪的 %s%%）", *ps.TeamScore, r.TeamMaxPct)
	} else {
		teamLine.Text = "团队评分：老板还没有评分"
	}
	ps.Bonuses = append(ps.Bonuses, teamLine)
	full := Line{Rule: LineFullAttend, Text: "全勤奖：本月没有迟到、早退、旷工"}
	if ps.Lates > 0 || ps.Absences > 0 {
		full.Text = "全勤奖：本月有迟到、早退或旷工，没有全勤奖"
		ps.Bonuses = append(ps.Bonuses, line(full, 0))
	} else {
		ps.Bonuses = append(ps.Bonuses, line(full, r.FullAttendFen))
	}
	ps.Bonuses = append(ps.Bonuses, line(Line{Rule: LineLiving, Text: "生活补贴"}, r.LivingFen))

	// Totals, exact; the net rounded once.
	bonus, deduction := new(big.Rat), new(big.Rat)
	for _, l := range ps.Bonuses {
		bonus.Add(bonus, l.exact)
	}
	for _, l := range ps.Deductions {
		deduction.Add(deduction, l.exact)
	}
	ps.BonusFen, ps.DeductionFen = roundFen(bonus), roundFen(deduction)
	net := new(big.Rat).Add(base, commission)
	net.Add(net, bonus)
	net.Sub(net, deduction)
	ps.NetFen = roundFen(net)
	ps.Rounded = ps.BaseFen+ps.CommissionFen+ps.BonusFen-ps.DeductionFen != ps.NetFen
	return ps
}

// line sets a line's amount (a whole number of fen).
func line(l Line, fen int64) Line {
	l.AmountFen, l.exact = fen, new(big.Rat).SetInt64(fen)
	return l
}

// roundFen rounds an exact amount of fen to a whole fen, halves away from zero (四舍五入).
func roundFen(r *big.Rat) int64 {
	num, den := new(big.Int).Set(r.Num()), r.Denom()
	neg := num.Sign() < 0
	num.Abs(num)
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	if m.Mul(m, big.NewInt(2)).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return q.Int64()
}

// yuan shows fen as yuan with two decimals: 24000 -> "240.00", -5 -> "-0.05".
func yuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return fmt.Sprintf("%s%d.%02d", sign, fen/100, fen%100)
}

// Yuan is yuan for other packages (the payroll command).
func Yuan(fen int64) string { return yuan(fen) }
