package importer

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
)

// A field is one thing Shopdesk reads from an export. Its kind says how a cell is read.
type fieldKind int

const (
	kindText  fieldKind = iota
	kindID              // exact text, no scientific notation
	kindMoney           // yuan -> fen
	kindInt
	kindTime // shop-local wall time
	kindBool
)

// fields is every field a layout may map, with how to read it and its Chinese name for
// messages. Order-level fields feed the orders table, item_* fields the order_item table.
var fields = map[string]struct {
	kind fieldKind
	name string
}{
	"order_no":              {kindID, "订单编号"},
	"sub_order_no":          {kindID, "子订单编号"},
	"buyer":                 {kindText, "买家"},
	"status":                {kindText, "订单状态"},
	"pay_amount":            {kindMoney, "实付金额"},
	"refund_amount":         {kindMoney, "退款金额"},
	"address":               {kindText, "收货地址"},
	"created_at":            {kindTime, "订单创建时间"},
	"paid_at":               {kindTime, "付款时间"},
	"shipped_at":            {kindTime, "发货时间"},
	"title":                 {kindText, "商品标题"},
	"item_count":            {kindInt, "商品数量"},
	"tracking_no":           {kindText, "物流单号"},
	"carrier":               {kindText, "物流公司"},
	"shop_name":             {kindText, "店铺名称"},
	"buyer_message":         {kindText, "买家留言"},
	"seller_memo":           {kindText, "卖家备注"},
	"late_ship_comp":        {kindBool, "是否赔付"},
	"late_ship_comp_amount": {kindMoney, "延迟发货赔付金额"},
	"item_title":            {kindText, "商品标题"},
	"item_price":            {kindMoney, "价格"},
	"item_quantity":         {kindInt, "购买数量"},
	"item_sku_code":         {kindText, "商家编码"},
	"item_pay_amount":       {kindMoney, "实付金额"},
	"item_refund_status":    {kindText, "退款状态"},
	"item_refund_amount":    {kindMoney, "退款金额"},
}

// requiredFields must be mapped by every orders layout.
var requiredFields = []string{"order_no", "status", "created_at"}

// Layout is one export format of one platform (and one generation of it).
type Layout struct {
	ID        string              `json:"id"`
	Name      string              `json:"name"`
	Platform  string              `json:"platform"`
	Level     string              `json:"level"` // "order" or "sub_order"
	Signature []string            `json:"signature"`
	Columns   map[string][]string `json:"columns"`
}

type layoutFile struct {
	Layouts  []Layout               `json:"layouts"`
	Statuses map[string][][2]string `json:"statuses"`
}

//go:embed layouts.json
var layoutsJSON []byte

var registry = mustLoadLayouts(layoutsJSON)

func mustLoadLayouts(data []byte) layoutFile {
	var lf layoutFile
	if err := json.Unmarshal(data, &lf); err != nil {
		panic(fmt.Sprintf("layouts.json: %v", err))
	}
	for _, l := range lf.Layouts {
		for f := range l.Columns {
			if _, ok := fields[f]; !ok {
				panic(fmt.Sprintf("layouts.json: layout %s maps unknown field %q", l.ID, f))
			}
		}
		for _, f := range requiredFields {
			if len(l.Columns[f]) == 0 {
				panic(fmt.Sprintf("layouts.json: layout %s lacks required field %q", l.ID, f))
			}
		}
		if l.Level == "sub_order" && len(l.Columns["sub_order_no"]) == 0 {
			panic(fmt.Sprintf("layouts.json: sub-order layout %s lacks sub_order_no", l.ID))
		}
	}
	return lf
}

// LayoutName is the display name of a layout id ("" if unknown).
func LayoutName(id string) string {
	for _, l := range registry.Layouts {
		if l.ID == id {
			return l.Name
		}
	}
	return ""
}

// boundLayout is a layout matched to one file's header: field -> column index.
type boundLayout struct {
	*Layout
	col     map[string]int
	headers []string // the file's header cells, normalised
}

// has reports whether the file has a column for field.
func (b *boundLayout) has(field string) bool { _, ok := b.col[field]; return ok }

// matchLayout finds the layout whose signature the header row carries; with several, the
// one that maps the most columns. nil when none does.
func matchLayout(header []string) *boundLayout {
	index := make(map[string]int, len(header))
	norm := make([]string, len(header))
	for i, h := range header {
		n := normalizeHeader(h)
		norm[i] = n
		if _, dup := index[n]; !dup && n != "" {
			index[n] = i
		}
	}
	var best *boundLayout
	for i := range registry.Layouts {
		l := &registry.Layouts[i]
		ok := true
		for _, s := range l.Signature {
			if _, found := index[normalizeHeader(s)]; !found {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		b := &boundLayout{Layout: l, col: map[string]int{}, headers: norm}
		for field, aliases := range l.Columns {
			for _, a := range aliases {
				if i, found := index[normalizeHeader(a)]; found {
					b.col[field] = i
					break
				}
			}
		}
		if best == nil || len(b.col) > len(best.col) {
			best = b
		}
	}
	return best
}

// statusCode maps a platform's status text to a normalised code (orders.Status*).
func statusCode(platform, text string) string {
	t := strings.ReplaceAll(text, "，", ",")
	for _, rule := range registry.Statuses[platform] {
		if strings.Contains(t, rule[0]) {
			return rule[1]
		}
	}
	return "unknown"
}
