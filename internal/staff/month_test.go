package staff_test

import (
	"context"
	"testing"

	"shopdesk/internal/settings"
	"shopdesk/internal/staff"
)

// Owner corrections: a late punch moved with a reason, a missed punch added, a wrong one
// voided; each kept in the history; others than the owner refused.
func TestCorrections(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	p := f.person(staff.Staff{Name: "小李", Role: "cs_presale", Active: true, LevelID: f.levelID("初级")}, "1234")
	f.rota(p.ID, map[string]string{"2026-11-02": "白", "2026-11-03": "白"})
	f.punches(p.ID, "2026-11-02 08:45 in", "2026-11-02 17:30 out", "2026-11-03 08:20 in", "2026-11-03 12:00 out")
	f.setNow("2026-12-01 09:00")
	before := f.payslip("2026-11", p.ID)
	// 15 minutes late on the 2nd (20), 5.5 hours early on the 3rd (20).
	if before.DeductionFen != 4000 {
		t.Fatalf("before: deductions %d", before.DeductionFen)
	}
	att, err := f.s.Attendance(ctx, "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	var lateIn, earlyOut int64
	for _, r := range att.People[0].Records {
		if r.Day == "2026-11-02" {
			lateIn = r.InID
		} else {
			earlyOut = r.OutID
		}
	}
	refused := []struct {
		name  string
		c     staff.Correction
		owner staff.Auth
		want  string
	}{
		{"no reason", staff.Correction{Action: "change", PunchID: lateIn, At: "2026-11-02 08:29", Kind: "in"}, f.owner, "请写明更正的原因"},
		{"not the owner", staff.Correction{Action: "change", PunchID: lateIn, At: "2026-11-02 08:29", Kind: "in", Reason: "打卡机慢"},
			staff.Auth{StaffID: p.ID, PIN: "1234"}, "这一步只有老板能做"},
		{"the owner's wrong PIN", staff.Correction{Action: "change", PunchID: lateIn, At: "2026-11-02 08:29", Kind: "in", Reason: "打卡机慢"},
			staff.Auth{StaffID: f.owner.StaffID, PIN: "0000"}, "PIN 不对"},
		{"in the future", staff.Correction{Action: "add", StaffID: p.ID, At: "2026-12-05 08:29", Kind: "in", Reason: "补卡"}, f.owner, "不能补将来的卡"},
		{"not a time", staff.Correction{Action: "add", StaffID: p.ID, At: "11月2日", Kind: "in", Reason: "补卡"}, f.owner, "不是时间"},
	}
	for _, c := range refused {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.s.Correct(ctx, c.c, c.owner)
			errContains(t, err, c.want)
		})
	}
	if _, err := f.s.Correct(ctx, staff.Correction{Action: "change", PunchID: lateIn, At: "2026-11-02 08:29", Kind: "in",
		Reason: "停电，打卡机 8:45 才开"}, f.owner); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Correct(ctx, staff.Correction{Action: "change", PunchID: lateIn, At: "2026-11-02 08:28", Kind: "in", Reason: "再改"}, f.owner)
	errContains(t, err, "已经更正过了")
	if _, err := f.s.Correct(ctx, staff.Correction{Action: "delete", PunchID: earlyOut, Reason: "中午误按了下班"}, f.owner); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Correct(ctx, staff.Correction{Action: "add", StaffID: p.ID, At: "2026-11-03 17:40", Kind: "out",
		Reason: "忘记打下班卡，监控核实 17:40 离开"}, f.owner); err != nil {
		t.Fatal(err)
	}
	after := f.payslip("2026-11", p.ID)
	if after.DeductionFen != 0 || after.Lates != 0 || after.NetFen != 180000 {
		t.Fatalf("after: deductions %d lates %d net %d", after.DeductionFen, after.Lates, after.NetFen)
	}
	att, err = f.s.Attendance(ctx, "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	var history []string
	for _, c := range att.Corrections {
		history = append(history, c.Action+" "+c.OldAt+" → "+c.NewAt+" "+c.Reason+" "+c.OwnerName)
	}
	want := []string{
		"add  → 2026-11-03 17:40:00 忘记打下班卡，监控核实 17:40 离开 张老板",
		"delete 2026-11-03 12:00:00 →  中午误按了下班 张老板",
		"change 2026-11-02 08:45:00 → 2026-11-02 08:29:00 停电，打卡机 8:45 才开 张老板",
	}
	if len(history) != len(want) {
		t.Fatalf("history %q", history)
	}
	for i := range want {
		if history[i] != want[i] {
			t.Errorf("history[%d] = %q, want %q", i, history[i], want[i])
		}
	}
	// The voided punches are kept in the database, not deleted.
	var n int
	if err := f.d.SQL.QueryRow(`SELECT count(*) FROM punch WHERE voided_at <> ''`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("voided punches kept: %d %v", n, err)
	}
}

// Closing freezes a month; changes to it are refused until the owner reopens it with a
// reason, and both are in its history.
func TestCloseAndReopen(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	p := f.person(staff.Staff{Name: "小李", Role: "cs_presale", Active: true, LevelID: f.levelID("初级")}, "1234")
	f.rota(p.ID, map[string]string{"2026-11-02": "白"})
	f.punches(p.ID, "2026-11-02 08:35 in", "2026-11-02 17:30 out")
	f.setNow("2026-12-01 09:00")
	_, err := f.s.CloseMonth(ctx, "2026-11", staff.Auth{StaffID: p.ID, PIN: "1234"})
	errContains(t, err, "这一步只有老板能做")
	pm, err := f.s.CloseMonth(ctx, "2026-11", f.owner)
	if err != nil || !pm.Closed || pm.ClosedBy != "张老板" || len(pm.Payslips) != 1 || pm.Payslips[0].NetFen != 180000-10000 {
		t.Fatalf("closed: %+v %v", pm, err)
	}
	_, err = f.s.CloseMonth(ctx, "2026-11", f.owner)
	errContains(t, err, "2026年11月已经结账了")
	// Frozen: a rule change does not touch it, changes to its days are refused.
	if _, err := f.s.SaveRules(ctx, map[string]float64{staff.RuleLivingFen: 30000}, f.owner); err != nil {
		t.Fatal(err)
	}
	if got := f.payslip("2026-11", p.ID); got.NetFen != 170000 {
		t.Fatalf("closed month changed with the rules: net %d", got.NetFen)
	}
	shifts, _ := f.s.Shifts(ctx)
	_, err = f.s.SetRota(ctx, "2026-11", []staff.RotaCell{{StaffID: p.ID, Day: "2026-11-03", ShiftIDs: []int64{shifts[0].ID}}})
	errContains(t, err, "2026年11月已经结账，不能再改")
	_, err = f.s.AddLeave(ctx, staff.Leave{StaffID: p.ID, Type: "sick", From: "2026-11-20", To: "2026-11-20", ApprovedBy: f.owner.StaffID})
	errContains(t, err, "已经结账")
	score := 80
	errContains(t, f.s.SetTeamScore(ctx, "2026-11", p.ID, &score, f.owner), "已经结账")
	_, err = f.s.AddIncident(ctx, staff.Incident{StaffID: p.ID, Day: "2026-11-09", Kind: "away_2h", Count: 1})
	errContains(t, err, "已经结账")
	att, _ := f.s.Attendance(ctx, "2026-11")
	_, err = f.s.Correct(ctx, staff.Correction{Action: "delete", PunchID: att.People[0].Records[0].InID, Reason: "x"}, f.owner)
	errContains(t, err, "已经结账")
	// December is open.
	if _, err := f.s.SetRota(ctx, "2026-12", []staff.RotaCell{{StaffID: p.ID, Day: "2026-12-01", ShiftIDs: []int64{shifts[0].ID}}}); err != nil {
		t.Fatal(err)
	}

	_, err = f.s.ReopenMonth(ctx, "2026-11", " ", f.owner)
	errContains(t, err, "请写明重新打开的原因")
	pm, err = f.s.ReopenMonth(ctx, "2026-11", "小李的迟到是打卡机坏了", f.owner)
	if err != nil || pm.Closed {
		t.Fatalf("reopened: %+v %v", pm, err)
	}
	// Live again, with the rule changed since: living allowance 300.
	if pm.Payslips[0].NetFen != 180000 {
		t.Fatalf("reopened net %d", pm.Payslips[0].NetFen)
	}
	if len(pm.Events) != 2 || pm.Events[0].Action != "close" || pm.Events[1].Action != "reopen" ||
		pm.Events[1].Reason != "小李的迟到是打卡机坏了" || pm.Events[1].ActorName != "张老板" {
		t.Fatalf("history %+v", pm.Events)
	}
	var kept string
	if err := f.d.SQL.QueryRow(`SELECT payslips FROM pay_month_event WHERE action = 'reopen'`).Scan(&kept); err != nil || len(kept) < 100 {
		t.Fatalf("the payslips set aside at reopening: %q %v", kept, err)
	}
	_, err = f.s.ReopenMonth(ctx, "2026-11", "again", f.owner)
	errContains(t, err, "没有结账")
}

// The pay rules: defaults from the domain brief, changed only by the owner within range.
func TestPayRules(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	list, err := f.s.RuleList(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{staff.RuleRestDays: 4, staff.RuleLateFree: 2, staff.RuleLateSmallFen: 2000, staff.RuleLateBigMinutes: 10,
		staff.RuleLateBigFen: 2000, staff.RuleAbsenceFen: 20000, staff.RuleSlowReplyFree: 3, staff.RuleSlowReplyFen: 5000,
		staff.RuleNoReply30Fen: 10000, staff.RuleNoReply2hFen: 20000, staff.RuleAway2hFen: 20000, staff.RuleCommissionPct: 0.5,
		staff.RuleTeamMaxPct: 10, staff.RuleFullAttendFen: 10000, staff.RuleLivingFen: 20000}
	for _, s := range list {
		if w, ok := want[s.Key]; ok && s.Value != w {
			t.Errorf("%s = %v, want %v", s.Key, s.Value, w)
		}
	}
	p := f.person(staff.Staff{Name: "小李", Role: "cs_presale", Active: true}, "1234")
	cases := []struct {
		name    string
		changes map[string]float64
		owner   staff.Auth
		want    string
	}{
		{"not the owner", map[string]float64{staff.RuleLateFree: 3}, staff.Auth{StaffID: p.ID, PIN: "1234"}, "这一步只有老板能做"},
		{"out of range", map[string]float64{staff.RuleLateFree: 40}, f.owner, "不在 0 到 31 之间"},
		{"a rate in hundredths", map[string]float64{staff.RuleCommissionPct: 0.505}, f.owner, "必须是 0.01 的整数倍"},
		{"an anomaly threshold is not a pay rule", map[string]float64{settings.ShipHours: 24}, f.owner, "没有名为“ship_hours”的设置"},
		{"three free lates, 0.8 %", map[string]float64{staff.RuleLateFree: 3, staff.RuleCommissionPct: 0.8}, f.owner, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.s.SaveRules(ctx, c.changes, c.owner)
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			errContains(t, err, c.want)
		})
	}
	list, _ = f.s.RuleList(ctx)
	for _, s := range list {
		if (s.Key == staff.RuleLateFree && s.Value != 3) || (s.Key == staff.RuleCommissionPct && s.Value != 0.8) {
			t.Errorf("%s = %v after saving", s.Key, s.Value)
		}
	}
	// The anomaly thresholds did not see the pay rules.
	if th, err := settings.Load(ctx, f.d.Queries()); err != nil || th != settings.Defaults() {
		t.Fatalf("anomaly thresholds %+v %v", th, err)
	}
}

// A shift swap exchanges two people's cells of a day; the rota history keeps the cells.
func TestSwapAndLeave(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	a := f.person(staff.Staff{Name: "小李", Role: "cs_presale", Active: true}, "")
	b := f.person(staff.Staff{Name: "小陈", Role: "cs_presale", Active: true}, "")
	f.rota(a.ID, map[string]string{"2026-11-05": "白"})
	f.rota(b.ID, map[string]string{"2026-11-05": "晚"})
	w, err := f.s.SwapShifts(ctx, staff.Swap{Day: "2026-11-05", StaffA: a.ID, StaffB: b.ID, ApprovedBy: f.owner.StaffID, Note: "小李晚上有课"})
	if err != nil || w.CellA != "白" || w.CellB != "晚" || w.NameA != "小李" || w.ApprovedName != "张老板" {
		t.Fatalf("swap %+v %v", w, err)
	}
	r, _ := f.s.Rota(ctx, "2026-11")
	got := map[int64]int64{}
	for _, c := range r.Cells {
		got[c.StaffID] = c.ShiftIDs[0]
	}
	if got[a.ID] != 2 || got[b.ID] != 1 {
		t.Fatalf("cells after the swap %v", got)
	}
	_, err = f.s.SwapShifts(ctx, staff.Swap{Day: "2026-11-06", StaffA: a.ID, StaffB: b.ID, ApprovedBy: f.owner.StaffID})
	errContains(t, err, "排班一样，不用调班")
	_, err = f.s.SwapShifts(ctx, staff.Swap{Day: "2026-11-05", StaffA: a.ID, StaffB: a.ID, ApprovedBy: f.owner.StaffID})
	errContains(t, err, "两位不同的员工")

	leaveCases := []struct {
		name string
		l    staff.Leave
		want string
	}{
		{"no approver", staff.Leave{StaffID: a.ID, Type: "sick", From: "2026-11-10", To: "2026-11-10"}, "请选择批准人"},
		{"self-approved", staff.Leave{StaffID: a.ID, Type: "sick", From: "2026-11-10", To: "2026-11-10", ApprovedBy: a.ID}, "不能自己批准"},
		{"backwards", staff.Leave{StaffID: a.ID, Type: "annual", From: "2026-11-10", To: "2026-11-09", ApprovedBy: f.owner.StaffID}, "早于开始日期"},
		{"unknown type", staff.Leave{StaffID: a.ID, Type: "holiday", From: "2026-11-10", To: "2026-11-10", ApprovedBy: f.owner.StaffID}, "请假类型“holiday”不对"},
	}
	for _, c := range leaveCases {
		_, err := f.s.AddLeave(ctx, c.l)
		errContains(t, err, c.want)
	}
	l, err := f.s.AddLeave(ctx, staff.Leave{StaffID: a.ID, Type: "personal", From: "2026-11-10", To: "2026-11-11", ApprovedBy: f.owner.StaffID, Note: "回老家"})
	if err != nil || l.ApprovedName != "张老板" || l.StaffName != "小李" {
		t.Fatalf("leave %+v %v", l, err)
	}
	if err := f.s.CancelLeave(ctx, l.ID); err != nil {
		t.Fatal(err)
	}
	errContains(t, f.s.CancelLeave(ctx, l.ID), "已经取消了")
}

// The handover book: written with the writer's PIN, acknowledged by someone else.
func TestHandoverBook(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	a := f.person(staff.Staff{Name: "小李", Role: "cs_presale", Active: true}, "1234")
	b := f.person(staff.Staff{Name: "小陈", Role: "cs_presale", Active: true}, "5678")
	f.rota(a.ID, map[string]string{"2026-11-05": "晚"})
	f.setNow("2026-11-06 00:02")
	_, err := f.s.WriteHandover(ctx, staff.Handover{}, staff.Auth{StaffID: a.ID, PIN: "1234"})
	errContains(t, err, "交接本是空的")
	_, err = f.s.WriteHandover(ctx, staff.Handover{Orders: "x"}, staff.Auth{StaffID: a.ID, PIN: "1111"})
	errContains(t, err, "PIN 不对")
	h, err := f.s.WriteHandover(ctx, staff.Handover{Orders: "3958016620317840000 买家要求改地址，已改，明早确认快递",
		Buyers: "森林里的鹿 问四件套起球，等售后回复"}, staff.Auth{StaffID: a.ID, PIN: "1234"})
	if err != nil || h.WriterName != "小李" || h.ShiftName != "晚班" || h.Day != "2026-11-05" || h.AckAt != "" {
		t.Fatalf("written %+v %v", h, err)
	}
	_, err = f.s.AckHandover(ctx, h.ID, staff.Auth{StaffID: a.ID, PIN: "1234"})
	errContains(t, err, "自己写的交接要由下一班的同事确认")
	f.setNow("2026-11-06 08:31")
	res, err := f.s.Clock(ctx, staff.Auth{StaffID: b.ID, PIN: "5678"}, staff.PunchIn)
	if err != nil || res.OpenHandovers != 1 {
		t.Fatalf("clock-in shows the open handover: %+v %v", res, err)
	}
	h, err = f.s.AckHandover(ctx, h.ID, staff.Auth{StaffID: b.ID, PIN: "5678"})
	if err != nil || h.AckName != "小陈" || h.AckAt != "2026-11-06 08:31:00" {
		t.Fatalf("acknowledged %+v %v", h, err)
	}
	_, err = f.s.AckHandover(ctx, h.ID, staff.Auth{StaffID: b.ID, PIN: "5678"})
	errContains(t, err, "已经有人确认过了")
}
