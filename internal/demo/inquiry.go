package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"shopdesk/db"
	"shopdesk/internal/inquiry"
	"shopdesk/internal/shop"
	"shopdesk/internal/staff"
)

// inquiryAgents are the demo's customer service, with how many of the inquiries each takes
// and how well they close (so that the ranking and the conversion by agent say something).
var inquiryAgents = []struct {
	person staff.Staff
	share  int // of 10
	close  float64
}{
	{staff.Staff{Name: "小美", Role: "cs_presale", Active: true}, 4, 0.42},
	{staff.Staff{Name: "阿杰", Role: "cs_presale", Active: true}, 3, 0.30},
	{staff.Staff{Name: "小李", Role: "cs_aftersale", Active: true}, 2, 0.25},
	{staff.Staff{Name: "小王", Role: "operations", Active: true}, 1, 0.35},
}

// inquiryChannels, weighted: most questions come through 千牛, then WeChat.
var inquiryChannels = []struct {
	name   string
	weight int
	close  float64 // how much more (or less) this channel closes than the agent's rate
}{
	{"旺旺/千牛", 45, 1.1}, {"微信", 22, 1.2}, {"电话", 8, 0.9}, {"QQ", 4, 0.7}, {"1688询盘", 13, 0.6}, {"抖音", 8, 0.8},
}

var (
	inquiryReasons = []struct {
		name   string
		weight int
	}{{"价格", 30}, {"运费", 12}, {"发货时间", 8}, {"缺货", 7}, {"质量顾虑", 9}, {"只是问问", 22}, {"选了别家", 12}}
	inquiryTypes   = []string{"零售", "零售", "零售", "零售", "批发", "分销", "代理"}
	inquiryRegions = []string{"浙江", "广东", "江苏", "上海", "北京", "四川", "湖北", "山东", "福建", "河南"}
	wechatNames    = []string{"王姐-宝妈团购", "Lily", "杭州小陈", "吴老板(批发)", "阿May", "佛山家居-刘", "张小姐", "春天里", "老周", "Coco酱"}
	followNotes    = []string{"发了优惠券", "说再看看", "等发工资", "问了尺寸，发了实物图", "嫌运费贵，说凑单", "要样品", "已加微信"}
)

func weighted[T any](rng *rand.Rand, items []T, weight func(T) int) T {
	total := 0
	for _, it := range items {
		total += weight(it)
	}
	n := rng.IntN(total)
	for _, it := range items {
		if n -= weight(it); n < 0 {
			return it
		}
	}
	return items[len(items)-1]
}

// addInquiries fills the register with the month before now: 10 to 25 inquiries a day
// across the channels and agents, deals, no-deals with their reasons, follow-ups still to
// do (some overdue), then matches the imported orders to them (the Taobao buyers who asked
// before ordering) and confirms some, so the proposals, credits and analysis all show.
func addInquiries(ctx context.Context, d *db.DB, now time.Time) (int, error) {
	rng := rand.New(rand.NewPCG(20261122, 10))
	agents := make([]int64, len(inquiryAgents))
	for i, a := range inquiryAgents {
		id, err := d.Queries().FindStaffByName(ctx, a.person.Name)
		if errors.Is(err, sql.ErrNoRows) {
			saved, err := staff.Save(ctx, d.Queries(), a.person)
			if err != nil {
				return 0, err
			}
			id = saved.ID
		} else if err != nil {
			return 0, err
		}
		agents[i] = id
	}
	shops, err := shop.New(d).List(ctx)
	if err != nil {
		return 0, err
	}
	shopOf := map[string]int64{}
	for _, s := range shops {
		shopOf[s.Name] = s.ID
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	var rows []inquiry.Inquiry
	for day := 30; day >= 0; day-- {
		date := today.AddDate(0, 0, -day)
		n := 10 + rng.IntN(16)
		if date.Weekday() == time.Saturday || date.Weekday() == time.Sunday {
			n += 6
		}
		if day == 0 {
			n = min(n, 3+now.Hour()) // today: only what was asked so far
		}
		for k := 0; k < n; k++ {
			ag := weighted(rng, []int{0, 1, 2, 3}, func(i int) int { return inquiryAgents[i].share })
			ch := weighted(rng, inquiryChannels, func(c struct {
				name   string
				weight int
				close  float64
			}) int {
				return c.weight
			})
			p := pick(rng, products)
			hour := 9 + rng.IntN(13)
			if day == 0 {
				hour = min(hour, max(0, now.Hour()-1)) // today: asked before now
			}
			in := inquiry.Inquiry{
				AskedOn: date.Format("2006-01-02"), AskedTime: fmt.Sprintf("%02d:%02d", hour, rng.IntN(60)),
				Channel: ch.name, AgentID: agents[ag], CustomerType: pick(rng, inquiryTypes),
				Region: pick(rng, inquiryRegions), Products: []string{p.title},
			}
			if rng.IntN(6) == 0 {
				in.Products = append(in.Products, pick(rng, products).title)
			}
			switch ch.name {
			case "旺旺/千牛":
				// A third are buyers of the demo's orders (their orders become proposed deals).
				in.Customer, in.ShopID = "tb"+digits(rng, 8), shopOf[pick(rng, []string{tmallShop, taobaoShop})]
				if rng.IntN(3) == 0 {
					in.Customer = pick(rng, buyers)
				}
			case "微信", "电话", "QQ":
				in.Customer = pick(rng, wechatNames)
			case "1688询盘":
				in.Customer, in.CustomerType = "1688_"+pick(rng, []string{"义乌小商品", "永康五金", "广州童装", "临沂百货"}), pick(rng, []string{"批发", "分销", "代理"})
			default:
				in.Customer = "抖音用户" + digits(rng, 6)
			}
			rate := inquiryAgents[ag].close * ch.close
			switch r := rng.Float64(); {
			case day <= 2 && r < 0.45:
				in.Outcome = inquiry.OutcomePending
			case r < rate:
				in.Outcome = inquiry.OutcomeDeal
				qty := int64(1 + rng.IntN(2))
				if in.CustomerType != "零售" {
					qty = int64(10 + rng.IntN(40))
				}
				in.AmountFen, in.DealType = p.fen*qty, map[bool]string{true: "零售", false: "批发"}[qty < 10]
			case r < rate+0.12:
				in.Outcome = inquiry.OutcomePending
			default:
				in.Outcome = inquiry.OutcomeNoDeal
				in.Reason = weighted(rng, inquiryReasons, func(r struct {
					name   string
					weight int
				}) int {
					return r.weight
				}).name
			}
			if in.Outcome != inquiry.OutcomeDeal && rng.IntN(3) == 0 {
				in.FollowNote = pick(rng, followNotes)
			}
			// The last week's pending ones are followed up in the next days (some overdue now).
			if day <= 6 && (in.Outcome == inquiry.OutcomePending || (in.Outcome == inquiry.OutcomeNoDeal && in.Reason == "价格" && rng.IntN(3) == 0)) {
				in.NextFollowOn = date.AddDate(0, 0, 1+rng.IntN(4)).Format("2006-01-02")
			}
			rows = append(rows, in)
		}
	}
	store := inquiry.New(d)
	if err := store.AddAll(ctx, rows); err != nil {
		return 0, err
	}
	// Orders of buyers who asked first become proposals; the older half are confirmed.
	if _, err := store.MatchOrders(ctx); err != nil {
		return 0, err
	}
	proposed, err := store.Matches(ctx, "proposed")
	if err != nil {
		return 0, err
	}
	for i, m := range proposed {
		if i%4 != 0 { // three in four confirmed: a few wait for the agent
			if err := store.Confirm(ctx, m.ID, 0, agents[0]); err != nil {
				return 0, err
			}
		}
	}
	return len(rows), nil
}
