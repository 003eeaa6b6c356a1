package importer

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"shopdesk/internal/shop"
)

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
	ID   string `json:"id"`
	Name string `json:"name"`
	// NameEn is the name the UI shows in English (importDefs.json carries it).
	NameEn    string   `json:"name_en"`
	Platform  string   `json:"platform"`
	Level     string   `json:"level"` // "order", "sub_order" or "refund"
	Signature []string `json:"signature"`
	// SignatureAny are groups of headers of which the file must have at least one each: a
	// layout the seller's own sheets match however they name a column (a stock sheet: 商家编码
	// or 货号 or SKU编码, and 库存 or 可用库存 or …). Checked like Signature at load time.
	SignatureAny [][]string `json:"signature_any"`
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
	// Placeholders are the words back offices write in an empty number or time cell, by
	// platform ("*": every platform). Such a cell reads as empty (rowParser.empty).
	Placeholders map[string][]string `json:"placeholders"`
	// FooterWords start the summary lines after the data ("合计", "共 300 条记录"; footer.go).
	FooterWords []string `json:"footer_words"`
	// PreambleShop are the labels that name the file's shop on a line above its header
	// (店铺：…; preamble.go).
	PreambleShop []string `json:"preamble_shop"`

	byPlatform map[string]map[string]bool // placeholders folded by platform, lower-case
}

// placeholders is the set of placeholder words of a platform: its own and the shared
// ones, lower-case.
func (lf *layoutFile) placeholders(platform string) map[string]bool {
	if m, ok := lf.byPlatform[platform]; ok {
		return m
	}
	return lf.byPlatform[anyPlatform]
}

// The layouts are layouts.json and any layouts_<kind>.json beside it (a file kind may keep
// its layouts in a file of its own): read in name order and merged, then checked as one.
//
//go:embed layouts*.json
var layoutFiles embed.FS

var registry = mustLoadLayouts(layoutFiles)

func mustLoadLayouts(files fs.FS) layoutFile {
	lf, err := readLayouts(files)
	if err == nil {
		err = checkLayouts(&lf)
	}
	if err != nil {
		panic(fmt.Sprintf("layouts: %v", err))
	}
	return lf
}

// readLayouts reads and merges the layout files (unchecked).
func readLayouts(files fs.FS) (layoutFile, error) {
	names, err := fs.Glob(files, "layouts*.json")
	if err != nil {
		return layoutFile{}, err
	}
	var all layoutFile
	for _, name := range names { // fs.Glob sorts: layouts.json first
		data, err := fs.ReadFile(files, name)
		if err != nil {
			return all, err
		}
		var lf layoutFile
		if err := json.Unmarshal(data, &lf); err != nil {
			return all, fmt.Errorf("%s: %w", name, err)
		}
		all.Layouts = append(all.Layouts, lf.Layouts...)
		all.FooterWords = append(all.FooterWords, lf.FooterWords...)
		all.PreambleShop = append(all.PreambleShop, lf.PreambleShop...)
		for _, m := range []struct{ dst, src *map[string][][2]string }{{&all.Statuses, &lf.Statuses}, {&all.RefundStatuses, &lf.RefundStatuses}} {
			for p, rules := range *m.src {
				if *m.dst == nil {
					*m.dst = map[string][][2]string{}
				}
				(*m.dst)[p] = append((*m.dst)[p], rules...)
			}
		}
		for p, words := range lf.Placeholders {
			if all.Placeholders == nil {
				all.Placeholders = map[string][]string{}
			}
			all.Placeholders[p] = append(all.Placeholders[p], words...)
		}
	}
	return all, nil
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
		if strings.TrimSpace(l.Name) == "" || strings.TrimSpace(l.NameEn) == "" {
			return fmt.Errorf("layout %s: name and name_en must not be empty", l.ID)
		}
		ids[l.ID] = true
		k := kindOfLevel(l.Level)
		if k == nil {
			return fmt.Errorf("layout %s: level %q is no kind's (kind.go)", l.ID, l.Level)
		}
		if k == ordersKind && len(lf.Statuses[l.Platform]) == 0 {
			return fmt.Errorf("layout %s: no statuses for platform %s", l.ID, l.Platform)
		}
		if err := checkLevel(lf, &l); err != nil {
			return err
		}
		if len(l.Signature) == 0 && len(l.SignatureAny) == 0 {
			return fmt.Errorf("layout %s has no signature", l.ID)
		}
		for _, group := range l.SignatureAny {
			if len(group) == 0 || slices.Contains(group, "") {
				return fmt.Errorf("layout %s: an empty signature_any group or header", l.ID)
			}
		}
		if err := checkPlatform(k, &l); err != nil {
			return err
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
		if m := k.missing(func(f string) bool { return len(l.Columns[f]) > 0 }); m != "" {
			return fmt.Errorf("layout %s lacks required field %s", l.ID, m)
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
			if i == j || !carriedBy(a, knownHeaders(b)) {
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
	if err := checkRefundStatuses(lf); err != nil {
		return err
	}
	if err := checkPreambleShop(lf); err != nil {
		return err
	}
	return foldPlaceholders(lf)
}

// foldPlaceholders checks the placeholder words and folds them by platform: each
// platform's set holds the shared words too.
func foldPlaceholders(lf *layoutFile) error {
	if len(lf.Placeholders[anyPlatform]) == 0 || len(lf.FooterWords) == 0 {
		return fmt.Errorf("placeholders[%q] and footer_words must not be empty", anyPlatform)
	}
	lf.byPlatform = map[string]map[string]bool{}
	for p, words := range lf.Placeholders {
		if !platforms[p] && p != anyPlatform {
			return fmt.Errorf("placeholders: unknown platform %q", p)
		}
		for _, w := range words {
			if strings.TrimSpace(w) == "" {
				return fmt.Errorf("placeholders %s: an empty word", p)
			}
		}
	}
	for _, p := range append([]string{anyPlatform}, shop.Platforms...) {
		set := map[string]bool{}
		for _, w := range append(lf.Placeholders[anyPlatform], lf.Placeholders[p]...) {
			set[strings.ToLower(strings.TrimSpace(w))] = true
		}
		lf.byPlatform[p] = set
	}
	return nil
}

// knownHeaders is every header a layout names (signature and aliases), normalised.
func knownHeaders(l *Layout) map[string]bool {
	known := map[string]bool{}
	for _, s := range l.Signature {
		known[normalizeHeader(s)] = true
	}
	for _, group := range l.SignatureAny {
		for _, s := range group {
			known[normalizeHeader(s)] = true
		}
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

// carriedBy reports whether a file whose headers are set would carry a's signature: every
// Signature header, and one header of each SignatureAny group.
func carriedBy(a *Layout, set map[string]bool) bool {
	if !subset(a.Signature, set) {
		return false
	}
	for _, group := range a.SignatureAny {
		if !slices.ContainsFunc(group, func(h string) bool { return set[normalizeHeader(h)] }) {
			return false
		}
	}
	return true
}

// checkPlatform: a layout of a kind that belongs to a platform's shops names a known
// platform; a layout of a kind without one (a stock sheet is the seller's own) names none.
func checkPlatform(k *fileKind, l *Layout) error {
	switch {
	case k.NoPlatform && l.Platform != "":
		return fmt.Errorf("layout %s: %s files belong to no platform, but it names %q", l.ID, k.ID, l.Platform)
	case !k.NoPlatform && !platforms[l.Platform]:
		return fmt.Errorf("layout %s: unknown platform %q", l.ID, l.Platform)
	}
	return nil
}

// excludes reports whether a's "not" list holds a header of b's signature: a file of b
// then never matches a.
func excludes(a, b *Layout) bool {
	not := map[string]bool{}
	for _, n := range a.Not {
		not[normalizeHeader(n)] = true
	}
	for _, s := range b.Signature {
		if not[normalizeHeader(s)] {
			return true
		}
	}
	// b's file has one header of each SignatureAny group: a group a rules out whole
	// (the penalty sheet's 日期/统计日期/月份 for the rota grid) tells them apart too.
	for _, group := range b.SignatureAny {
		all := len(group) > 0
		for _, s := range group {
			all = all && not[normalizeHeader(s)]
		}
		if all {
			return true
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
	// preambleShop is the shop a line above the header names (preamble.go), on line
	// preambleRow; "" for none.
	preambleShop string
	preambleRow  int
	// preamble are the lines above the header (a rota's title 2026年11月排班表 says its month).
	preamble []tableRow
}

// has reports whether the file has a column for field.
func (b *boundLayout) has(field string) bool { _, ok := b.col[field]; return ok }

// namesShop reports whether the file says which shop it is of: a 店铺名称 column, or a
// line above the header. Files that do not are the ones whose shop the seller picks.
func (b *boundLayout) namesShop() bool { return b.has("shop_name") || b.preambleShop != "" }

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

// carries reports whether a header (as headerIndex) has every signature header of l, one
// of each SignatureAny group, and none of its "not" headers.
func carries(l *Layout, index map[string]int) bool {
	for _, s := range l.Signature {
		if _, found := index[normalizeHeader(s)]; !found {
			return false
		}
	}
	for _, group := range l.SignatureAny {
		if !slices.ContainsFunc(group, func(h string) bool { _, found := index[normalizeHeader(h)]; return found }) {
			return false
		}
	}
	for _, s := range l.Not {
		if _, found := index[normalizeHeader(s)]; found {
			return false
		}
	}
	if k := kindOfLevel(l.Level); k != nil && k.dayGrid {
		days := 0
		for h := range index {
			if _, ok := dayHeader(h); ok {
				days++
			}
		}
		return days >= minDayColumns
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

// statusCode maps a platform's status text to a normalised code (orders.Status*); a
// derived status text (deriveStatus) to its code on every platform.
func statusCode(platform, text string) string {
	for _, d := range derivedStatuses {
		if d.text == text {
			return d.code
		}
	}
	t := strings.ReplaceAll(text, "，", ",")
	for _, rule := range registry.Statuses[platform] {
		if strings.Contains(t, rule[0]) {
			return rule[1]
		}
	}
	return "unknown"
}
