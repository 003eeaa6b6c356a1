// Package settings keeps what the user sets in 设置: the thresholds the order anomaly rules
// use, and the storage of other features' numbers (ValuesOf, SaveOf: the pay rules of
// internal/staff). The staff list itself is internal/staff. Every threshold is a default the user can change (the numbers
// are the common practice of the shops, see the domain brief); a threshold at its default
// has no row in the database.
package settings

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"time"

	"shopdesk/db/sqldb"
)

// Units say how the UI shows and edits a value.
const (
	UnitHours    = "hours"
	UnitDays     = "days"
	UnitTimes    = "times"  // a multiple, e.g. 3 × the median
	UnitFen      = "fen"    // money: stored in fen, edited in yuan
	UnitOrders   = "orders" // a number of orders
	UnitItems    = "items"  // a number of pieces
	UnitDisabled = ""       // not used
	// Units of the pay rules (internal/staff).
	UnitMinutes = "minutes"
	UnitPercent = "percent" // 0.5 means 0.5 %
	UnitCount   = "count"   // a number of times (lates, missed replies)
)

// Def describes one threshold. Zero means "off" where Min is 0.
type Def struct {
	Key     string
	Name    string // Chinese name for messages (the UI has its own labels)
	Default float64
	Min     float64
	Max     float64
	Step    float64 // the smallest change; 1 for whole numbers
	Unit    string
	Rule    string // the anomaly rule it belongs to (its group on the settings page)
}

// Keys of the thresholds.
const (
	ShipHours          = "ship_hours"
	DueSoonHours       = "due_soon_hours"
	StalledDays        = "stalled_days"
	UnpaidAfterHours   = "unpaid_after_hours"
	UnpaidCloseHours   = "unpaid_close_hours"
	BigOrderMultiple   = "big_order_multiple"
	BigOrderMedianDays = "big_order_median_days"
	BigOrderMinOrders  = "big_order_min_orders"
	BigOrderFixedFen   = "big_order_fixed_fen"
	BigOrderQuantity   = "big_order_quantity"
	LookbackDays       = "lookback_days"
	ComplaintHours     = "complaint_hours"
)

// Keys of the inquiry register (询盘成交登记, internal/inquiry; read with LoadInquiry).
const (
	InquiryMatchDays    = "inquiry_match_days"
	InquiryAutoConfirm  = "inquiry_auto_confirm"
	InquiryCreditFlag   = "inquiry_credit_flagger"
	InquiryCreditChase  = "inquiry_credit_chase"
	InquiryChaseHours   = "inquiry_chase_hours"
	InquiryCreditReturn = "inquiry_credit_return"
	InquiryRevisitPlan  = "inquiry_revisit_plan"
)

// Defs lists every threshold in the order the settings page shows them.
var Defs = []Def{
	{ShipHours, "付款后多久内发货（导出文件没有承诺发货时间时）", 48, 1, 720, 1, UnitHours, "overdue_shipment"},
	{DueSoonHours, "发货截止前多久提醒“即将超时”", 6, 0, 72, 1, UnitHours, "overdue_shipment"},
	{StalledDays, "发货后多少天还没签收算物流异常", 4, 1, 60, 1, UnitDays, "logistics_stalled"},
	{UnpaidAfterHours, "下单后多久未付款开始催付", 2, 0, 72, 1, UnitHours, "unpaid"},
	{UnpaidCloseHours, "下单后多久不再催付（平台自动关闭未付款订单）", 24, 1, 720, 1, UnitHours, "unpaid"},
	{BigOrderMultiple, "大额订单：超过店铺近期订单金额中位数的倍数", 3, 0, 100, 0.5, UnitTimes, "big_order"},
	{BigOrderMedianDays, "大额订单：中位数按最近多少天的订单计算", 30, 1, 365, 1, UnitDays, "big_order"},
	{BigOrderMinOrders, "大额订单：至少有多少笔订单才计算中位数", 10, 1, 10000, 1, UnitOrders, "big_order"},
	{BigOrderFixedFen, "大额订单：超过固定金额（0 = 不用）", 0, 0, 1e10, 1, UnitFen, "big_order"},
	{BigOrderQuantity, "大额订单：超过多少件（0 = 不用）", 10, 0, 100000, 1, UnitItems, "big_order"},
	{LookbackDays, "付款后关闭、延迟发货赔付、大额订单：回看最近多少天", 7, 1, 90, 1, UnitDays, ""},
	{ComplaintHours, "投诉登记后多久内必须处理", 24, 1, 720, 1, UnitHours, "complaint"},

	// The stock figures (库存表, see stock.go); the stock page edits them.
	{StockWindowDays, "可售天数按最近多少天的日均销量算", 14, 1, 90, 1, UnitDays, GroupStock},
	{StockCoverDays, "补货量：货到之后还要够卖多少天", 14, 0, 180, 1, UnitDays, GroupStock},
	{StockLeadDays, "采购周期（商品没有单独填写时）", 7, 0, 180, 1, UnitDays, GroupStock},
	{StockOverstockDays, "可售天数超过多少天算积压", 90, 1, 730, 1, UnitDays, GroupStock},
	{StockSlowDays, "多少天没有卖出算滞销", 30, 1, 365, 1, UnitDays, GroupStock},
	{StockRankDays, "商品排名按最近多少天算", 30, 1, 365, 1, UnitDays, GroupStock},
	{StockRankBestPct, "畅销款：销量（或毛利）累计占比前多少", 50, 1, 99, 1, UnitPercent, GroupStock},
	{StockRankSecondPct, "次畅销款：累计占比到多少", 80, 1, 99, 1, UnitPercent, GroupStock},
	{StockRankAveragePct, "一般款：累计占比到多少（其余是差）", 95, 1, 100, 1, UnitPercent, GroupStock},

	// Privacy and the browser mode (see privacy.go); not anomaly rules, their own card.
	{MaskBuyersInExports, "导出 Excel 时隐藏买家昵称和地址", 1, 0, 1, 1, UnitSwitch, GroupPrivacy},
	{UploadMaxMB, "浏览器模式：单个上传文件的大小上限", 200, 1, 4096, 1, UnitMB, GroupServe},
	// The inquiry register (group "inquiry": its own panel on the register page).
	{InquiryMatchDays, "询盘后多少天内买家下单算这次询盘成交", 7, 1, 90, 1, UnitDays, "inquiry"},
	{InquiryAutoConfirm, "匹配到的订单自动确认为成交（否则由客服确认）", 0, 0, 1, 1, UnitSwitch, "inquiry"},
	{InquiryCreditFlag, "多位客服接待过同一买家时，业绩归插旗的客服", 1, 0, 1, 1, UnitSwitch, "inquiry"},
	{InquiryCreditChase, "客服不在线时，别的客服催付成功的订单业绩归催付的客服", 1, 0, 1, 1, UnitSwitch, "inquiry"},
	{InquiryChaseHours, "下单后超过多少小时未付款才算催付", 24, 1, 720, 1, UnitHours, "inquiry"},
	{InquiryCreditReturn, "非质量原因退货扣除业绩", 1, 0, 1, 1, UnitSwitch, "inquiry"},
	{InquiryRevisitPlan, "新客户成交后自动安排 1-3-10-30 天回访", 0, 0, 1, 1, UnitSwitch, "inquiry"},

	// Automatic backups (see backup.go); their own card too.
	{BackupKeepDaily, "自动备份：保留最近几天的每日备份", 7, 1, 90, 1, UnitCount, GroupBackup},
	{BackupKeepWeekly, "自动备份：另外保留最近几周的每周备份", 4, 0, 104, 1, UnitCount, GroupBackup},
}

func def(key string) (Def, bool) { return defOf(Defs, key) }

func defOf(defs []Def, key string) (Def, bool) {
	for _, d := range defs {
		if d.Key == key {
			return d, true
		}
	}
	return Def{}, false
}

// Setting is one threshold as the settings page edits it.
type Setting struct {
	Key     string  `json:"key"`
	Value   float64 `json:"value"`
	Default float64 `json:"default"`
	Min     float64 `json:"min"`
	Max     float64 `json:"max"`
	Step    float64 `json:"step"`
	Unit    string  `json:"unit"`
	Rule    string  `json:"rule"`
}

// Thresholds are the values the anomaly rules read.
type Thresholds struct {
	ShipHours          int
	DueSoonHours       int
	StalledDays        int
	UnpaidAfterHours   int
	UnpaidCloseHours   int
	BigOrderMultiple   float64
	BigOrderMedianDays int
	BigOrderMinOrders  int
	BigOrderFixedFen   int64
	BigOrderQuantity   int
	LookbackDays       int
	ComplaintHours     int
}

// Defaults are the thresholds with no setting changed.
func Defaults() Thresholds {
	v := map[string]float64{}
	for _, d := range Defs {
		v[d.Key] = d.Default
	}
	return fromValues(v)
}

func fromValues(v map[string]float64) Thresholds {
	i := func(k string) int { return int(v[k]) }
	return Thresholds{
		ShipHours: i(ShipHours), DueSoonHours: i(DueSoonHours), StalledDays: i(StalledDays),
		UnpaidAfterHours: i(UnpaidAfterHours), UnpaidCloseHours: i(UnpaidCloseHours),
		BigOrderMultiple: v[BigOrderMultiple], BigOrderMedianDays: i(BigOrderMedianDays),
		BigOrderMinOrders: i(BigOrderMinOrders), BigOrderFixedFen: int64(v[BigOrderFixedFen]),
		BigOrderQuantity: i(BigOrderQuantity), LookbackDays: i(LookbackDays), ComplaintHours: i(ComplaintHours),
	}
}

// values reads the stored values over the defaults.
func values(ctx context.Context, q *sqldb.Queries) (map[string]float64, error) {
	return ValuesOf(ctx, q, Defs)
}

// ValuesOf reads the stored values of defs over their defaults: the thresholds here, or
// another feature's own set kept in the same table (the pay rules of internal/staff). A
// stored value that no longer passes the checks (a hand-edited database) falls back to the
// default rather than breaking the rules.
func ValuesOf(ctx context.Context, q *sqldb.Queries, defs []Def) (map[string]float64, error) {
	rows, err := q.ListSettings(ctx)
	if err != nil {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	v := map[string]float64{}
	for _, d := range defs {
		v[d.Key] = d.Default
	}
	for _, r := range rows {
		d, ok := defOf(defs, r.Key)
		if !ok {
			continue // a setting of a later version, or of another feature
		}
		f, err := strconv.ParseFloat(r.Value, 64)
		if err != nil || check(d, f) != nil {
			continue
		}
		v[d.Key] = f
	}
	return v, nil
}

// Load returns the thresholds in force.
func Load(ctx context.Context, q *sqldb.Queries) (Thresholds, error) {
	v, err := values(ctx, q)
	if err != nil {
		return Thresholds{}, err
	}
	return fromValues(v), nil
}

// List returns every threshold with its value, default and range.
func List(ctx context.Context, q *sqldb.Queries) ([]Setting, error) { return ListOf(ctx, q, Defs) }

// ListOf returns every setting of defs with its value, default and range.
func ListOf(ctx context.Context, q *sqldb.Queries, defs []Def) ([]Setting, error) {
	v, err := ValuesOf(ctx, q, defs)
	if err != nil {
		return nil, err
	}
	out := make([]Setting, 0, len(defs))
	for _, d := range defs {
		out = append(out, Setting{Key: d.Key, Value: v[d.Key], Default: d.Default, Min: d.Min, Max: d.Max,
			Step: d.Step, Unit: d.Unit, Rule: d.Rule})
	}
	return out, nil
}

func check(d Def, f float64) error {
	if math.IsNaN(f) || math.IsInf(f, 0) || f < d.Min || f > d.Max {
		return fmt.Errorf("“%s”的值 %s 不在 %s 到 %s 之间", d.Name, show(d, f), show(d, d.Min), show(d, d.Max))
	}
	if steps := f / d.Step; math.Abs(steps-math.Round(steps)) > 1e-9 {
		return fmt.Errorf("“%s”的值 %s 必须是 %s 的整数倍", d.Name, show(d, f), show(d, d.Step))
	}
	return nil
}

func show(d Def, f float64) string {
	if d.Unit == UnitFen {
		return strconv.FormatFloat(f/100, 'f', 2, 64) + " 元"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// Save checks and stores the values given (key -> value); keys not given keep theirs. A
// value equal to its default removes the row, so a later change of the default applies.
// Nothing is stored when any value is refused.
func Save(ctx context.Context, q *sqldb.Queries, changes map[string]float64) error {
	if err := CheckOf(Defs, changes); err != nil {
		return err
	}
	v, err := values(ctx, q)
	if err != nil {
		return err
	}
	for k, f := range changes {
		v[k] = f
	}
	if t := fromValues(v); t.UnpaidCloseHours <= t.UnpaidAfterHours {
		return fmt.Errorf("“%s”（%d 小时）必须大于“%s”（%d 小时）", mustDef(UnpaidCloseHours).Name,
			t.UnpaidCloseHours, mustDef(UnpaidAfterHours).Name, t.UnpaidAfterHours)
	}
	if err := checkStock(v); err != nil {
		return err
	}
	return SaveOf(ctx, q, Defs, changes)
}

// CheckOf refuses a change to a key defs do not have, or a value out of its range or step.
func CheckOf(defs []Def, changes map[string]float64) error {
	for k, f := range changes {
		d, ok := defOf(defs, k)
		if !ok {
			return fmt.Errorf("没有名为“%s”的设置", k)
		}
		if err := check(d, f); err != nil {
			return err
		}
	}
	return nil
}

// SaveOf checks and stores changes to defs' values (all or none, in the caller's
// transaction); a value equal to its default removes the row.
func SaveOf(ctx context.Context, q *sqldb.Queries, defs []Def, changes map[string]float64) error {
	if err := CheckOf(defs, changes); err != nil {
		return err
	}
	now := time.Now().UTC().Format("2006-01-02 15:04:05")
	for _, d := range defs {
		f, ok := changes[d.Key]
		if !ok {
			continue
		}
		var err error
		if f == d.Default {
			err = q.DeleteSetting(ctx, d.Key)
		} else {
			err = q.PutSetting(ctx, sqldb.PutSettingParams{Key: d.Key, Value: strconv.FormatFloat(f, 'f', -1, 64), UpdatedAt: now})
		}
		if err != nil {
			return fmt.Errorf("save setting %s: %w", d.Key, err)
		}
	}
	return nil
}

func mustDef(key string) Def {
	d, _ := def(key)
	return d
}
