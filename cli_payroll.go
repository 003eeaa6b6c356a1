package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"shopdesk/db"
	"shopdesk/internal/inquiry"
	"shopdesk/internal/staff"
)

// jsonPayslip is the --json shape of one payslip: keys are a public interface for scripts.
// Amounts are yuan as strings with two decimals ("240.00"); lates counts late arrivals and
// early leaves (free ones too), absences the rostered shifts with no punch and no leave.
type jsonPayslip struct {
	Staff      string `json:"staff"`
	Base       string `json:"base"`
	Commission string `json:"commission"`
	Bonus      string `json:"bonus"`
	Deductions string `json:"deductions"`
	Net        string `json:"net"`
	Lates      int    `json:"lates"`
	Absences   int    `json:"absences"`
}

// cmdPayroll prints a month's payslips: frozen if the month is closed, else computed now
// (a month still running counts the shifts over so far).
func cmdPayroll(ctx context.Context, g globalFlags, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("payroll", flag.ContinueOnError)
	fs.SetOutput(stderr)
	month := fs.String("month", "", "the month, e.g. 2026-11 (default: this month)")
	asJSON := fs.Bool("json", false, "a JSON array, one object per staff member")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "用法：shopdesk payroll [--month 2026-11] [--json]")
		return 2
	}
	return withDB(ctx, g, stderr, func(d *db.DB) error {
		// Commission is on the sales the inquiry register credits to each agent, as in the app.
		s := staff.New(d, inquiry.New(d))
		m := *month
		if m == "" {
			m = s.Now()[:7]
		}
		pm, err := s.Payroll(ctx, m)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]jsonPayslip, 0, len(pm.Payslips))
			for _, p := range pm.Payslips {
				out = append(out, jsonPayslip{Staff: p.Name, Base: staff.Yuan(p.BaseFen), Commission: staff.Yuan(p.CommissionFen),
					Bonus: staff.Yuan(p.BonusFen), Deductions: staff.Yuan(p.DeductionFen), Net: staff.Yuan(p.NetFen),
					Lates: p.Lates, Absences: p.Absences})
			}
			enc := json.NewEncoder(stdout)
			enc.SetEscapeHTML(false)
			return enc.Encode(out)
		}
		printPayroll(stdout, pm)
		return nil
	})
}

func printPayroll(w io.Writer, pm staff.PayMonth) {
	mo, _ := staff.ParseMonth(pm.Month)
	state := "未结账，按现在的数据计算"
	switch {
	case pm.Closed:
		state = fmt.Sprintf("已结账（%s %s）", pm.ClosedBy, pm.ClosedAt)
	case pm.Running:
		state = "本月还没有结束，未到的班次不计"
	}
	fmt.Fprintf(w, "%s工资：%s\n", mo.Name(), state)
	if len(pm.Payslips) == 0 {
		fmt.Fprintln(w, "没有要发工资的员工：在 设置 → 员工 里给员工设置工资级别。")
		return
	}
	fmt.Fprintf(w, "%s %s %s %s %s %s  %s  %s\n", pad("姓名", 10), lpad("底薪", 10), lpad("提成", 10), lpad("奖金", 10),
		lpad("扣款", 10), lpad("实发", 10), "迟到/早退", "旷工")
	var total int64
	for _, p := range pm.Payslips {
		fmt.Fprintf(w, "%s %10s %10s %10s %10s %10s  %9d  %4d\n", pad(p.Name, 10), staff.Yuan(p.BaseFen), staff.Yuan(p.CommissionFen),
			staff.Yuan(p.BonusFen), staff.Yuan(p.DeductionFen), staff.Yuan(p.NetFen), p.Lates, p.Absences)
		total += p.NetFen
		var notes []string
		if p.Prorata != nil {
			notes = append(notes, fmt.Sprintf("底薪按排班 %d/%d 天计", min(p.Prorata.RosteredDays, p.Prorata.StandardDays), p.Prorata.StandardDays))
		}
		for _, l := range p.Deductions {
			if l.AmountFen != 0 {
				notes = append(notes, l.Text+" -"+staff.Yuan(l.AmountFen))
			}
		}
		for _, n := range notes {
			fmt.Fprintf(w, "         · %s\n", n)
		}
	}
	fmt.Fprintf(w, "实发合计 %s 元\n", staff.Yuan(total))
	if pm.CreditSource {
		fmt.Fprintln(w, "提示：提成来自询盘登记：按成交归属规则计入本人的销售额。")
	} else {
		fmt.Fprintln(w, "提示：提成来自询盘登记按成交归属计入本人的销售额，还没有接入，本月按 0 计。")
	}
}

// lpad right-aligns s in width terminal columns.
func lpad(s string, width int) string {
	p := pad(s, width)
	return strings.Repeat(" ", len(p)-len(strings.TrimRight(p, " "))) + s
}

// pad fills s to width terminal columns (a Chinese character takes two).
func pad(s string, width int) string {
	cols := 0
	for _, r := range s {
		cols++
		if r >= 0x2E80 {
			cols++
		}
	}
	return s + strings.Repeat(" ", max(0, width-cols))
}
