package importer

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
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
	kindFlag // a yes/no column or a text column whose mere content means yes (修改后的收货地址)
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
	"promised_ship_at":      {kindTime, "承诺发货时间"},
	"address_changed":       {kindFlag, "是否修改过地址"},
	"close_reason":          {kindText, "关闭原因"},
	"after_sale":            {kindText, "售后状态"},
	"item_title":            {kindText, "商品标题"},
	"item_price":            {kindMoney, "价格"},
	"item_quantity":         {kindInt, "购买数量"},
	"item_sku_code":         {kindText, "商家编码"},
	"item_pay_amount":       {kindMoney, "实付金额"},
	"item_refund_status":    {kindText, "退款状态"},
	"item_refund_amount":    {kindMoney, "退款金额"},
	// Read only to derive an item key (item_key) where the export has no sub-order number.
	"item_spec":       {kindText, "商品属性"},
	"item_product_id": {kindID, "商品ID"},
	// Refund layouts (level "refund", see refund_layout.go) also read order_no,
	// sub_order_no, refund_amount, item_title, item_sku_code and shop_name.
	"refund_no":                 {kindID, "退款编号"},
	"refund_status":             {kindText, "退款状态"},
	"refund_kind":               {kindText, "售后类型"},
	"refund_applied_at":         {kindTime, "退款申请时间"},
	"refund_deadline_at":        {kindTime, "超时时间"},
	"refund_goods_status":       {kindText, "货物状态"},
	"refund_return_tracking_no": {kindText, "退货物流单号"},
	"refund_return_carrier":     {kindText, "退货物流公司"},
	"refund_reason":             {kindText, "退款原因"},
	"refund_finished_at":        {kindTime, "退款完结时间"},
}

// requiredFields must be mapped by every orders layout. created_at is not among them: the
// Taobao 宝贝报表 has no time column (its orders get their time from the 订单报表 exported
// with it); a layout that maps created_at needs it on every row.
var requiredFields = []string{"order_no", "status"}

// platforms are the shop.platform values (the CHECK in the schema).
var platforms = map[string]bool{"taobao": true, "jd": true, "pdd": true, "douyin": true, "kuaishou": true, "1688": true}

// statusCodes are the normalised codes a status rule may map to (orders.Status*).
var statusCodes = map[string]bool{"unpaid": true, "to_ship": true, "shipped": true, "completed": true, "closed": true, "unknown": true}

// alias is where a field is read from: one header, or several whose cells are joined
// with a space (拼多多 writes the address as 省, 市, 区, 街道). In the JSON a string or an
// array of strings.
type alias []string

func (a *alias) UnmarshalJSON(data []byte) error {
	var one string
	if err := json.Unmarshal(data, &one); err == nil {
		*a = alias{one}
		return nil
	}
	var parts []string
	if err := json.Unmarshal(data, &parts); err != nil {
		return fmt.Errorf("a header alias is a string or an array of strings: %w", err)
	}
	*a = parts
	return nil
}

// Layout is one export format of one platform (and one generation of it).
type Layout struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Platform  string   `json:"platform"`
	Level     string   `json:"level"` // "order", "sub_order" or "refund"
	Signature []string `json:"signature"`
	// Not lists headers whose presence rules the layout out: another platform's file that
	// happens to carry this signature (抖店 and 千牛 both have 主订单编号/子订单编号).
	Not     []string           `json:"not"`
	Columns map[string][]alias `json:"columns"`
	// ItemKey names the item fields whose cells make a row's item key when a sub-order
	// layout has no sub-order number column.
	ItemKey []string `json:"item_key"`
	// InheritOrderNo: a row with an empty order number belongs to the order above it
	// (1688 writes 订单编号 only on the first row of a multi-item order).
	InheritOrderNo bool `json:"inherit_order_no"`
	// Values translates a text field's cells (refund layouts: 是否需要退货 是/否 -> 退货退款/仅退款);
	// a cell not listed is kept as written.
	Values map[string]map[string]string `json:"values"`
}

type layoutFile struct {
	Layouts  []Layout               `json:"layouts"`
	Statuses map[string][][2]string `json:"statuses"`
	// RefundStatuses map refund status texts to refundStatusCodes, as Statuses do for orders.
	RefundStatuses map[string][][2]string `json:"refund_statuses"`
}

//go:embed layouts.json
var layoutsJSON []byte

var registry = mustLoadLayouts(layoutsJSON)

func mustLoadLayouts(data []byte) layoutFile {
	var lf layoutFile
	if err := json.Unmarshal(data, &lf); err != nil {
		panic(fmt.Sprintf("layouts.json: %v", err))
	}
	if err := checkLayouts(&lf); err != nil {
		panic(fmt.Sprintf("layouts.json: %v", err))
	}
	return lf
}

// checkLayouts validates the layouts at load time, so that a mistake in the data fails
// every test instead of misreading a seller's file. It also folds the full-width commas
// of status texts (拼多多 writes 未发货，退款成功) the way statusCode folds the cell.
func checkLayouts(lf *layoutFile) error {
	ids := map[string]bool{}
	for _, l := range lf.Layouts {
		if l.ID == "" || ids[l.ID] {
			return fmt.Errorf("layout id %q is empty or used twice", l.ID)
		}
		ids[l.ID] = true
		if !platforms[l.Platform] {
			return fmt.Errorf("layout %s: unknown platform %q", l.ID, l.Platform)
		}
		if l.Level != levelRefund && len(lf.Statuses[l.Platform]) == 0 {
			return fmt.Errorf("layout %s: no statuses for platform %s", l.ID, l.Platform)
		}
		if l.Level != "order" && l.Level != "sub_order" && l.Level != levelRefund {
			return fmt.Errorf("layout %s: level %q is neither order, sub_order nor refund", l.ID, l.Level)
		}
		if err := checkLevel(lf, &l); err != nil {
			return err
		}
		if len(l.Signature) == 0 {
			return fmt.Errorf("layout %s has no signature", l.ID)
		}
		for f, aliases := range l.Columns {
			if _, ok := fields[f]; !ok {
				return fmt.Errorf("layout %s maps unknown field %q", l.ID, f)
			}
			for _, a := range aliases {
				if len(a) == 0 || slices.Contains(a, "") {
					return fmt.Errorf("layout %s field %s: empty header alias", l.ID, f)
				}
				if len(a) > 1 && fields[f].kind != kindText {
					return fmt.Errorf("layout %s field %s: only text fields may join several columns", l.ID, f)
				}
			}
		}
		for _, f := range requiredFieldsOf(l.Level) {
			if len(l.Columns[f]) == 0 {
				return fmt.Errorf("layout %s lacks required field %q", l.ID, f)
			}
		}
		for _, f := range l.ItemKey {
			if !strings.HasPrefix(f, "item_") || len(l.Columns[f]) == 0 {
				return fmt.Errorf("layout %s: item_key field %q is not a mapped item field", l.ID, f)
			}
		}
		if l.Level == "sub_order" && len(l.Columns["sub_order_no"]) == 0 && len(l.ItemKey) == 0 {
			return fmt.Errorf("sub-order layout %s has neither sub_order_no nor item_key", l.ID)
		}
		known := knownHeaders(&l)
		for _, h := range l.Not {
			if known[normalizeHeader(h)] {
				return fmt.Errorf("layout %s excludes header %q that it reads itself", l.ID, h)
			}
		}
	}
	// A layout whose signature another layout's file carries (every signature header is a
	// header that layout reads) would match that file too: the data must tell them apart
	// with a "not" header that is in the other's signature.
	for i := range lf.Layouts {
		for j := range lf.Layouts {
			a, b := &lf.Layouts[i], &lf.Layouts[j]
			if i == j || !subset(a.Signature, knownHeaders(b)) {
				continue
			}
			if !excludes(a, b) && !excludes(b, a) {
				return fmt.Errorf("layout %s would also match a %s file: give one of them a \"not\" header from the other's signature", a.ID, b.ID)
			}
		}
	}
	for p, rules := range lf.Statuses {
		for i := range rules {
			if !statusCodes[rules[i][1]] {
				return fmt.Errorf("statuses %s: %q maps to unknown code %q", p, rules[i][0], rules[i][1])
			}
			rules[i][0] = strings.ReplaceAll(rules[i][0], "，", ",")
		}
	}
	return checkRefundStatuses(lf)
}

// knownHeaders is every header a layout names (signature and aliases), normalised.
func knownHeaders(l *Layout) map[string]bool {
	known := map[string]bool{}
	for _, s := range l.Signature {
		known[normalizeHeader(s)] = true
	}
	for _, aliases := range l.Columns {
		for _, a := range aliases {
			for _, h := range a {
				known[normalizeHeader(h)] = true
			}
		}
	}
	return known
}

func subset(headers []string, set map[string]bool) bool {
	for _, h := range headers {
		if !set[normalizeHeader(h)] {
			return false
		}
	}
	return true
}

// excludes reports whether a's "not" list holds a header of b's signature: a file of b
// then never matches a.
func excludes(a, b *Layout) bool {
	for _, n := range a.Not {
		for _, s := range b.Signature {
			if normalizeHeader(n) == normalizeHeader(s) {
				return true
			}
		}
	}
	return false
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

// boundLayout is a layout matched to one file's header: field -> column indexes (one, or
// several joined).
type boundLayout struct {
	*Layout
	col     map[string][]int
	headers []string // the file's header cells, normalised
}

// has reports whether the file has a column for field.
func (b *boundLayout) has(field string) bool { _, ok := b.col[field]; return ok }

// MatchHeader returns the id of the layout a header row is recognised as, "" for none.
func MatchHeader(header []string) string {
	if b := matchLayout(header); b != nil {
		return b.ID
	}
	return ""
}

// matchLayout finds the layout whose signature the header row carries and none of whose
// "not" headers it has; with several, the one that maps the most columns. nil when none.
func matchLayout(header []string) *boundLayout {
	index, norm := headerIndex(header)
	var best *boundLayout
	for i := range registry.Layouts {
		l := &registry.Layouts[i]
		if !carries(l, index) {
			continue
		}
		b := bind(l, index, norm)
		if best == nil || len(b.col) > len(best.col) {
			best = b
		}
	}
	return best
}

// headerIndex maps each normalised header cell to its first column; norm is the row
// normalised.
func headerIndex(header []string) (index map[string]int, norm []string) {
	index = make(map[string]int, len(header))
	norm = make([]string, len(header))
	for i, h := range header {
		n := normalizeHeader(h)
		norm[i] = n
		if _, dup := index[n]; !dup && n != "" {
			index[n] = i
		}
	}
	return index, norm
}

// carries reports whether a header (as headerIndex) has every signature header of l and
// none of its "not" headers.
func carries(l *Layout, index map[string]int) bool {
	for _, s := range l.Signature {
		if _, found := index[normalizeHeader(s)]; !found {
			return false
		}
	}
	for _, s := range l.Not {
		if _, found := index[normalizeHeader(s)]; found {
			return false
		}
	}
	return true
}

// bind matches each field of l to the columns of its first alias the header has.
func bind(l *Layout, index map[string]int, norm []string) *boundLayout {
	b := &boundLayout{Layout: l, col: map[string][]int{}, headers: norm}
	for field, aliases := range l.Columns {
	alias:
		for _, a := range aliases {
			cols := make([]int, 0, len(a))
			for _, h := range a {
				i, found := index[normalizeHeader(h)]
				if !found {
					continue alias
				}
				cols = append(cols, i)
			}
			b.col[field] = cols
			break
		}
	}
	return b
}

// checkDuplicates refuses a header row in which a column the layout reads appears twice
// (an export edited by hand, or two exports pasted side by side): which of the two holds
// the value cannot be known, and taking the first would be a silent guess.
func (b *boundLayout) checkDuplicates(headerRow int) error {
	fields := make([]string, 0, len(b.col))
	for f := range b.col {
		fields = append(fields, f)
	}
	slices.Sort(fields) // the same message every time
	for _, f := range fields {
		for _, i := range b.col[f] {
			for j := i + 1; j < len(b.headers); j++ {
				if b.headers[j] == b.headers[i] {
					return fmt.Errorf("第 %d 行的表头里“%s”出现了两次（第 %d 列和第 %d 列），不知道该用哪一列：请删掉多余的一列后再导入",
						headerRow, b.headers[i], i+1, j+1)
				}
			}
		}
	}
	return nil
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
