package staff_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"shopdesk/internal/staff"
)

func TestStaffList(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	q := f.d.Queries()
	wang, err := staff.Save(ctx, q, staff.Staff{Name: " 小王 ", Role: "cs_aftersale", Active: true, LevelID: f.levelID("中级"),
		Accounts: []string{" 暖暖家居:小王 ", "暖暖家居:小王", ""}, JoinedOn: "2026-03-01"})
	if err != nil || wang.Name != "小王" || wang.LevelName != "中级" || wang.BaseFen != 180000 || len(wang.Accounts) != 1 {
		t.Fatalf("create: %+v %v", wang, err)
	}
	bad := []struct {
		s    staff.Staff
		want string
	}{
		{staff.Staff{Name: "  ", Role: "owner"}, "员工姓名不能为空"},
		{staff.Staff{Name: "小王", Role: "owner"}, "已经有一位叫“小王”的员工了"},
		{staff.Staff{Name: "小张", Role: "boss"}, "岗位“boss”不是已知的岗位"},
		{staff.Staff{Name: strings.Repeat("名", 31), Role: "owner"}, "最多 30 个字"},
		{staff.Staff{ID: 99, Name: "小赵", Role: "owner"}, "没有编号为 99 的员工"},
		{staff.Staff{Name: "小赵", Role: "designer", JoinedOn: "2026-13-01"}, "入职日期：“2026-13-01”不是日期"},
		{staff.Staff{Name: "小赵", Role: "designer", JoinedOn: "2026-11-10", LeftOn: "2026-11-01"}, "离职日期 2026-11-01 早于入职日期 2026-11-10"},
		{staff.Staff{Name: "小赵", Role: "designer", Accounts: []string{"暖暖家居:小王"}}, "子账号“暖暖家居:小王”已经属于员工“小王”"},
		{staff.Staff{Name: "小赵", Role: "designer", LevelID: 99}, "没有编号为 99 的工资级别"},
	}
	for _, b := range bad {
		if _, err := staff.Save(ctx, q, b.s); err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%+v: error %v, want %q", b.s, err, b.want)
		}
	}
	// Deactivate (never delete) and rename keeps the id; the account finds the person.
	wang.Active, wang.Name = false, "王师傅"
	if _, err := staff.Save(ctx, q, wang); err != nil {
		t.Fatal(err)
	}
	list, err := staff.List(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Name != "张老板" || list[1].ID != wang.ID || list[1].Active || list[1].Name != "王师傅" {
		t.Fatalf("list %+v", list)
	}
	if id, err := staff.FindByAccount(ctx, q, "暖暖家居:小王"); err != nil || id != wang.ID {
		t.Fatalf("account: %d %v", id, err)
	}
	for _, r := range staff.Roles {
		if staff.RoleName[r] == "" {
			t.Errorf("role %s has no name", r)
		}
	}
}

// PIN misuse at the clock: a wrong PIN, someone else's PIN, and repeated failures are
// refused and record nothing; the PIN is stored as a salted hash only.
func TestClockPINMisuse(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	a := f.person(staff.Staff{Name: "小李", Role: "cs_presale", Active: true}, "1234")
	b := f.person(staff.Staff{Name: "小陈", Role: "cs_presale", Active: true}, "5678")
	nopin := f.person(staff.Staff{Name: "阿强", Role: "warehouse", Active: true}, "")
	gone := f.person(staff.Staff{Name: "老周", Role: "warehouse", Active: false}, "4321")
	f.setNow("2026-11-05 08:20")
	cases := []struct {
		name string
		auth staff.Auth
		want string
	}{
		{"wrong PIN", staff.Auth{StaffID: a.ID, PIN: "1235"}, "PIN 不对：请“小李”重新输入自己的 PIN（再错 4 次将锁定 5 分钟）"},
		{"someone else's PIN", staff.Auth{StaffID: a.ID, PIN: "5678"}, "PIN 不对：请“小李”重新输入自己的 PIN（再错 3 次"},
		{"no name chosen", staff.Auth{PIN: "1234"}, "请先选择姓名"},
		{"no PIN set yet", staff.Auth{StaffID: nopin.ID, PIN: "0000"}, "“阿强”还没有 PIN"},
		{"a person no longer here", staff.Auth{StaffID: gone.ID, PIN: "4321"}, "员工“老周”已停用"},
		{"an empty PIN", staff.Auth{StaffID: b.ID, PIN: ""}, "PIN 不对"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.s.Clock(ctx, c.auth, staff.PunchIn)
			errContains(t, err, c.want)
		})
	}
	// 小李 has failed twice; three more and the PIN locks, the right one refused too.
	for i := 0; i < 3; i++ {
		_, err := f.s.Clock(ctx, staff.Auth{StaffID: a.ID, PIN: "0000"}, staff.PunchIn)
		errContains(t, err, "PIN 不对")
	}
	_, err := f.s.Clock(ctx, staff.Auth{StaffID: a.ID, PIN: "1234"}, staff.PunchIn)
	errContains(t, err, "“小李”的 PIN 连续输错 5 次，请 5 分钟后再试")
	// 小陈's own PIN still works: the lock is per person.
	if _, err := f.s.Clock(ctx, staff.Auth{StaffID: b.ID, PIN: "5678"}, staff.PunchIn); err != nil {
		t.Fatal(err)
	}
	f.now = f.now.Add(5*time.Minute + time.Second)
	res, err := f.s.Clock(ctx, staff.Auth{StaffID: a.ID, PIN: "1234"}, staff.PunchIn)
	if err != nil || res.Name != "小李" || res.Punch.At != "2026-11-05 08:25:01" {
		t.Fatalf("after the lock: %+v %v", res, err)
	}
	// Nothing refused was recorded: 小李 has the one punch, 小陈 one.
	var n int
	if err := f.d.SQL.QueryRow(`SELECT count(*) FROM punch`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("%d punches recorded, want 2 (%v)", n, err)
	}
	// A second clock-in within two minutes is a double press.
	_, err = f.s.Clock(ctx, staff.Auth{StaffID: a.ID, PIN: "1234"}, staff.PunchIn)
	errContains(t, err, "小李 刚刚（08:25）已经打过上班卡了")

	// Stored: a salted hash only, different for the same PIN.
	c := f.person(staff.Staff{Name: "小周", Role: "cs_presale", Active: true}, "1234")
	var ha, hc string
	if err := f.d.SQL.QueryRow(`SELECT pin_hash FROM staff WHERE id = ?`, a.ID).Scan(&ha); err != nil {
		t.Fatal(err)
	}
	if err := f.d.SQL.QueryRow(`SELECT pin_hash FROM staff WHERE id = ?`, c.ID).Scan(&hc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ha, "pbkdf2-sha256$") || strings.Contains(ha, "1234") || ha == hc {
		t.Fatalf("stored PINs %q %q", ha, hc)
	}

	// Changing a PIN needs the owner; a PIN is 4 to 8 digits.
	_, err = f.s.Save(ctx, a, "2222")
	errContains(t, err, "已经有 PIN：更改 PIN 需要老板确认")
	errContains(t, f.s.ResetPIN(ctx, a.ID, "2222", staff.Auth{StaffID: b.ID, PIN: "5678"}), "这一步只有老板能做：“小陈”的岗位是客服（售前）")
	errContains(t, f.s.ResetPIN(ctx, a.ID, "22", f.owner), "PIN 必须是 4 到 8 位数字")
	if err := f.s.ResetPIN(ctx, a.ID, "2222", f.owner); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Verify(ctx, staff.Auth{StaffID: a.ID, PIN: "2222"}); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Save(ctx, staff.Staff{Name: "小吴", Role: "cs_presale", Active: true}, "12a4")
	errContains(t, err, "PIN 必须是 4 到 8 位数字")
}

// Clocking in late through the app: the result says which shift and how late.
func TestClockInLate(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	p := f.person(staff.Staff{Name: "小李", Role: "cs_presale", Active: true, LevelID: f.levelID("初级")}, "1234")
	f.rota(p.ID, map[string]string{"2026-11-05": "白"})
	f.setNow("2026-11-05 08:42:30")
	res, err := f.s.Clock(ctx, staff.Auth{StaffID: p.ID, PIN: "1234"}, staff.PunchIn)
	if err != nil {
		t.Fatal(err)
	}
	if res.Record == nil || res.Record.ShiftName != "白班" || res.Record.LateMin != 12 || res.Punch.Source != "clock" {
		t.Fatalf("clock result %+v %+v", res, res.Record)
	}
	f.setNow("2026-11-05 17:35")
	if _, err := f.s.Clock(ctx, staff.Auth{StaffID: p.ID, PIN: "1234"}, staff.PunchOut); err != nil {
		t.Fatal(err)
	}
	f.setNow("2026-12-01 10:00")
	ps := f.payslip("2026-11", p.ID)
	// 12 minutes late: 20. 1500 + living 200 - 20 = 1680.
	if ps.Lates != 1 || ps.DeductionFen != 2000 || ps.NetFen != 168000 {
		t.Fatalf("payslip lates %d deductions %d net %d", ps.Lates, ps.DeductionFen, ps.NetFen)
	}
}
