// Package mask hides buyers' personal data in files that leave the PC (Excel exports):
// the nickname keeps its first character, an address keeps its province, city and
// district, a phone number its first three and last four digits. The seller still sees
// which order and which region a row is about; a file forwarded to a supplier or left on
// a shared drive does not carry who the buyer is and where they live. Every export that
// names buyers uses these functions (the anomaly worklist today).
package mask

import (
	"regexp"
	"strings"
	"unicode"
)

// hidden stands for the hidden part; always the same length, so it does not tell how
// long the hidden text was.
const hidden = "**"

// Name hides a buyer's nickname or name but its first character: 张三 -> 张**,
// tb_8812abc -> t**. A one-character name is hidden whole.
func Name(s string) string {
	r := []rune(strings.TrimSpace(s))
	switch len(r) {
	case 0:
		return ""
	case 1:
		return "*"
	}
	return string(r[0]) + hidden
}

// Phone hides the middle of a phone number: 13812345678 -> 138****5678. Only digits
// count; fewer than seven are hidden whole.
func Phone(s string) string {
	var d []rune
	for _, r := range s {
		if r >= '0' && r <= '9' {
			d = append(d, r)
		}
	}
	if len(d) == 0 {
		return ""
	}
	if len(d) < 7 {
		return strings.Repeat("*", len(d))
	}
	return string(d[:3]) + strings.Repeat("*", len(d)-7) + string(d[len(d)-4:])
}

// addressHidden replaces the street, building and room of an address.
const addressHidden = "****"

// Address keeps an address's administrative divisions and hides the rest:
// 浙江省杭州市西湖区文三路 100 号 -> 浙江省杭州市西湖区****. An address whose divisions it
// cannot read is hidden whole.
func Address(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	prefix, rest := divisions(s)
	switch {
	case prefix == "":
		return addressHidden
	case strings.TrimSpace(rest) == "":
		return prefix
	}
	return prefix + addressHidden
}

// provinces are the short names of the provincial-level divisions: an export may write
// 北京 北京市 朝阳区 (no suffix on the first level), and free text is searched for them.
var provinces = []string{
	"北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
	"江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
	"台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
}

// The suffixes that end a division's name, by level. Within the list a longer suffix
// comes before a shorter one it ends with (自治区 before 区).
var suffixes = []struct {
	suffix   string
	district bool // the last level: what follows is the street
}{
	{"特别行政区", false}, {"自治区", false}, {"省", false},
	{"自治州", false}, {"地区", false}, {"市", false}, {"州", false}, {"盟", false},
	{"自治县", true}, {"区", true}, {"县", true}, {"旗", true},
}

// maxDivision is the longest division name read, in characters (克孜勒苏柯尔克孜自治州: 11).
const maxDivision = 12

// notDivision are characters no division name holds but streets, towns and buildings do:
// a candidate containing one is the street already.
const notDivision = "路街道镇乡村号弄巷楼栋幢室单元组队屯里社"

// divisions splits an address into its leading divisions (province, city, district; at most
// four names, spaces between them dropped) and the rest. Each division is the shortest run
// ending in a division suffix, so a 小区 (residential compound) after a district is not
// taken for one.
func divisions(s string) (prefix, rest string) {
	r := []rune(s)
	pos, levels := 0, 0
	var out strings.Builder
	for levels < 4 {
		for pos < len(r) && unicode.IsSpace(r[pos]) {
			pos++
		}
		end, district := division(r[pos:], levels == 0)
		if end == 0 {
			break
		}
		out.WriteString(string(r[pos : pos+end]))
		pos += end
		levels++
		if district {
			break
		}
	}
	if levels == 0 {
		return "", s
	}
	return out.String(), string(r[pos:])
}

// division reads one division name at the start of r: its length in characters (0: none)
// and whether it is a district (the last level read).
func division(r []rune, first bool) (int, bool) {
	for n := 2; n <= len(r) && n <= maxDivision; n++ {
		c := r[n-1]
		if unicode.IsSpace(c) || unicode.IsDigit(c) || strings.ContainsRune(notDivision, c) || !unicode.Is(unicode.Han, c) {
			break
		}
		name := string(r[:n])
		if first && n < len(r) && unicode.IsSpace(r[n]) && isProvince(name) {
			return n, false // 北京 北京市 …
		}
		if ok, district := divisionName(name); ok {
			// 杭州 ends with 州, but 杭州市 is the name; 沙市 ends with 市, but 沙市区 is.
			for n < len(r) && n < maxDivision {
				longer, d := divisionName(string(r[:n+1]))
				if !longer {
					break
				}
				n, district = n+1, d
			}
			return n, district
		}
	}
	return 0, false
}

// divisionName tells whether name ends with a division suffix (and is more than it), and
// whether that makes it a district.
func divisionName(name string) (ok, district bool) {
	for _, sf := range suffixes {
		if strings.HasSuffix(name, sf.suffix) && len([]rune(name)) > len([]rune(sf.suffix)) {
			return true, sf.district
		}
	}
	return false, false
}

func isProvince(name string) bool {
	for _, p := range provinces {
		if name == p {
			return true
		}
	}
	return false
}

// addressInText finds an address written into free text: a province's name with its
// suffix (or a space), up to the next punctuation or line end.
var addressInText = regexp.MustCompile(`(?:` + strings.Join(provinces, "|") + `)(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|\s)[^，,。；;！!？?\n]*`)

// digits finds runs of digits; a run of exactly 11 starting 13-19 is a mainland mobile
// number (longer runs are order or tracking numbers and are kept).
var digits = regexp.MustCompile(`[0-9]+`)

// Text hides what a buyer wrote about themselves into free text (a 买家留言 or a
// complaint): addresses as Address does and mobile numbers as Phone does. Other text is
// kept, so the message still says what the buyer wants.
func Text(s string) string {
	s = addressInText.ReplaceAllStringFunc(s, Address)
	return digits.ReplaceAllStringFunc(s, func(m string) string {
		if len(m) == 11 && m[0] == '1' && m[1] >= '3' {
			return Phone(m)
		}
		return m
	})
}
