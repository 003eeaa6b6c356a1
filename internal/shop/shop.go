// Package shop keeps the seller's shops: a shop is a platform plus a name, and every
// imported row belongs to one. Shops are renamed (the old name stays an alias, so files
// exported before still find the shop), merged into another shop of their platform
// (undoable) and deleted with their data. Everything that refers to a shop is listed in
// refs.go.
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
	// OldNames are the names imports still match to this shop: its names before a rename
	// and the names of shops merged into it.
	OldNames []OldName `json:"oldNames"`
}

// OldName is a name a shop was known by.
type OldName struct {
	Name string `json:"name"`
	// FromMerge: the name of a shop merged into this one; it goes when the merge is
	// undone, and cannot be forgotten before.
	FromMerge bool `json:"fromMerge"`
}

// maxNameRunes bounds a shop name (the platforms allow far fewer; the UI input has the same).
const maxNameRunes = 100
