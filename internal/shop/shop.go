// Package shop keeps the seller's shops: a shop is a platform plus a name, and every
// imported row belongs to one.
package shop

// Platform ids are stable: they are stored in the database and used by the import layouts.
const (
	Taobao   = "taobao"   // 淘宝/天猫
	JD       = "jd"       // 京东
	PDD      = "pdd"      // 拼多多
	Douyin   = "douyin"   // 抖店
	Kuaishou = "kuaishou" // 快手
	Alibaba  = "1688"     // 1688
)

// Platforms lists every platform id in display order.
var Platforms = []string{Taobao, JD, PDD, Douyin, Kuaishou, Alibaba}

// PlatformName is the Chinese name used in messages from the Go side (the UI has its own i18n).
var PlatformName = map[string]string{
	Taobao: "淘宝/天猫", JD: "京东", PDD: "拼多多", Douyin: "抖店", Kuaishou: "快手", Alibaba: "1688",
}

// DefaultTimezone is the zone of export times when a shop does not say otherwise.
// Export files carry shop-local wall times with no zone; Shopdesk stores them as they
// are ("YYYY-MM-DD HH:MM:SS") and the shop's Timezone says which zone they are in.
const DefaultTimezone = "Asia/Shanghai"

// Shop is one seller shop on one platform.
type Shop struct {
	ID         int64  `json:"id"`
	Platform   string `json:"platform"`
	Name       string `json:"name"`
	Timezone   string `json:"timezone"`
	OrderCount int64  `json:"orderCount"`
}
