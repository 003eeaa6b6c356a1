package staff

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"strconv"

	"shopdesk/db/sqldb"
	"shopdesk/internal/settings"
)

// Keys of the pay rules (kept in the setting table beside the anomaly thresholds; a rule at
// its default has no row). The defaults are the house rules of the domain brief.
const (
	RuleRestDays        = "pay.rest_days"          // rest days a month (rota check, base pro rata)
	RuleLateFree        = "pay.late_free"          // small lates a month that cost nothing
	RuleLateSmallFen    = "pay.late_small_fen"     // each further small late
	RuleLateBigMinutes  = "pay.late_big_minutes"   // a late of this many minutes or more is big
	RuleLateBigFen      = "pay.late_big_fen"       // each big late (never free)
	RuleAbsenceFen      = "pay.absence_fen"        // a rostered shift with no punch and no leave
	RuleMissingPunchFen = "pay.missing_punch_fen"  // a shift with one punch of two
	RulePunchWindow     = "pay.punch_window_hours" // how far from a shift a punch still belongs to it
	RuleSlowReplyFree   = "pay.slow_reply_free"    // missed 2-minute replies a month that cost nothing
	RuleSlowReplyFen    = "pay.slow_reply_fen"     // once, when a month has more
	RuleNoReply30Fen    = "pay.no_reply_30m_fen"   // each buyer with no reply in 30 minutes
	RuleNoReply2hFen    = "pay.no_reply_2h_fen"    // each buyer with no reply in 2 hours
	RuleAway2hFen       = "pay.away_2h_fen"        // each time away while online for 2 hours or more
	RuleCommissionPct   = "pay.commission_percent" // of the credited sales
	RuleTeamMaxPct      = "pay.team_max_percent"   // team score 100 = this % of base
	RuleFullAttendFen   = "pay.full_attendance_fen"
	RuleLivingFen       = "pay.living_allowance_fen"
)

// Rule groups (how the rules page groups them).
const (
	GroupRota    = "rota"
	GroupLate    = "attendance"
	GroupService = "service"
	GroupPay     = "pay"
)

// RuleDefs lists the pay rules in the order the rules page shows them.
var RuleDefs = []settings.Def{
	{Key: RuleRestDays, Name: "每月休息天数", Default: 4, Min: 0, Max: 15, Step: 1, Unit: settings.UnitDays, Rule: GroupRota},
	{Key: RuleLateFree, Name: "每月免扣的 10 分钟以内迟到次数", Default: 2, Min: 0, Max: 31, Step: 1, Unit: settings.UnitCount, Rule: GroupLate},
	{Key: RuleLateSmallFen, Name: "超出免扣次数后每次迟到扣款", Default: 2000, Min: 0, Max: 1e6, Step: 1, Unit: settings.UnitFen, Rule: GroupLate},
	{Key: RuleLateBigMinutes, Name: "迟到多少分钟算严重迟到（不免扣）", Default: 10, Min: 1, Max: 240, Step: 1, Unit: settings.UnitMinutes, Rule: GroupLate},
	{Key: RuleLateBigFen, Name: "每次严重迟到扣款", Default: 2000, Min: 0, Max: 1e6, Step: 1, Unit: settings.UnitFen, Rule: GroupLate},
	{Key: RuleAbsenceFen, Name: "旷工（排了班、没打卡、没请假）每次扣款", Default: 20000, Min: 0, Max: 1e7, Step: 1, Unit: settings.UnitFen, Rule: GroupLate},
	{Key: RuleMissingPunchFen, Name: "缺卡（只打了上班或下班卡）每次扣款", Default: 0, Min: 0, Max: 1e6, Step: 1, Unit: settings.UnitFen, Rule: GroupLate},
	{Key: RulePunchWindow, Name: "班次开始前、结束后多久内的打卡算这个班", Default: 4, Min: 1, Max: 8, Step: 1, Unit: settings.UnitHours, Rule: GroupLate},
	{Key: RuleSlowReplyFree, Name: "每月允许的 2 分钟内未回复次数", Default: 3, Min: 0, Max: 1000, Step: 1, Unit: settings.UnitCount, Rule: GroupService},
	{Key: RuleSlowReplyFen, Name: "2 分钟内未回复超过允许次数：扣款（每月一次）", Default: 5000, Min: 0, Max: 1e6, Step: 1, Unit: settings.UnitFen, Rule: GroupService},
	{Key: RuleNoReply30Fen, Name: "30 分钟未回复：每次扣款", Default: 10000, Min: 0, Max: 1e6, Step: 1, Unit: settings.UnitFen, Rule: GroupService},
	{Key: RuleNoReply2hFen, Name: "2 小时未回复：每次扣款", Default: 20000, Min: 0, Max: 1e6, Step: 1, Unit: settings.UnitFen, Rule: GroupService},
	{Key: RuleAway2hFen, Name: "挂机离开 2 小时以上：每次扣款", Default: 20000, Min: 0, Max: 1e6, Step: 1, Unit: settings.UnitFen, Rule: GroupService},
	{Key: RuleCommissionPct, Name: "提成比例（计入本人的成交额）", Default: 0.5, Min: 0, Max: 20, Step: 0.01, Unit: settings.UnitPercent, Rule: GroupPay},
	{Key: RuleTeamMaxPct, Name: "团队评分奖：100 分时为底薪的百分之几", Default: 10, Min: 0, Max: 100, Step: 0.5, Unit: settings.UnitPercent, Rule: GroupPay},
	{Key: RuleFullAttendFen, Name: "全勤奖（没有迟到、早退、旷工）", Default: 10000, Min: 0, Max: 1e6, Step: 1, Unit: settings.UnitFen, Rule: GroupPay},
	{Key: RuleLivingFen, Name: "生活补贴", Default: 20000, Min: 0, Max: 1e6, Step: 1, Unit: settings.UnitFen, Rule: GroupPay},
}

// Rules are the pay rules in force.
type Rules struct {
	RestDays        int
	LateFree        int
	LateSmallFen    int64
	LateBigMinutes  int
	LateBigFen      int64
	AbsenceFen      int64
	MissingPunchFen int64
	PunchWindowH    int
	SlowReplyFree   int
	SlowReplyFen    int64
	NoReply30Fen    int64
	NoReply2hFen    int64
	Away2hFen       int64
	// Percentages as written ("0.5"): exact decimals, never a float in the arithmetic.
	CommissionPct string
	TeamMaxPct    string
	FullAttendFen int64
	LivingFen     int64
}

// DefaultRules are the rules with nothing changed.
func DefaultRules() Rules {
	v := map[string]float64{}
	for _, d := range RuleDefs {
		v[d.Key] = d.Default
	}
	return rulesOf(v)
}

func rulesOf(v map[string]float64) Rules {
	i := func(k string) int { return int(v[k]) }
	f := func(k string) int64 { return int64(v[k]) }
	pct := func(k string) string { return strconv.FormatFloat(v[k], 'f', -1, 64) }
	return Rules{
		RestDays: i(RuleRestDays), LateFree: i(RuleLateFree), LateSmallFen: f(RuleLateSmallFen),
		LateBigMinutes: i(RuleLateBigMinutes), LateBigFen: f(RuleLateBigFen), AbsenceFen: f(RuleAbsenceFen),
		MissingPunchFen: f(RuleMissingPunchFen), PunchWindowH: i(RulePunchWindow), SlowReplyFree: i(RuleSlowReplyFree),
		SlowReplyFen: f(RuleSlowReplyFen), NoReply30Fen: f(RuleNoReply30Fen), NoReply2hFen: f(RuleNoReply2hFen),
		Away2hFen: f(RuleAway2hFen), CommissionPct: pct(RuleCommissionPct), TeamMaxPct: pct(RuleTeamMaxPct),
		FullAttendFen: f(RuleFullAttendFen), LivingFen: f(RuleLivingFen),
	}
}

// rat reads a percentage written by rulesOf exactly.
func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return new(big.Rat)
	}
	return r
}

func loadRules(ctx context.Context, q *sqldb.Queries) (Rules, error) {
	v, err := settings.ValuesOf(ctx, q, RuleDefs)
	if err != nil {
		return Rules{}, fmt.Errorf("pay rules: %w", err)
	}
	return rulesOf(v), nil
}

// RuleList returns every pay rule with its value, default and range.
func (s *Store) RuleList(ctx context.Context) ([]settings.Setting, error) {
	return settings.ListOf(ctx, s.db.Queries(), RuleDefs)
}

// SaveRules changes pay rules (key -> value, all or none), confirmed by the owner. Closed
// months keep the payslips they were closed with.
func (s *Store) SaveRules(ctx context.Context, changes map[string]float64, owner Auth) ([]settings.Setting, error) {
	if err := settings.CheckOf(RuleDefs, changes); err != nil {
		return nil, err
	}
	if _, err := s.Owner(ctx, owner); err != nil {
		return nil, err
	}
	if err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		return settings.SaveOf(ctx, q, RuleDefs, changes)
	}); err != nil {
		return nil, err
	}
	return s.RuleList(ctx)
}
