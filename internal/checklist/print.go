package checklist

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"time"
)

// HTML is a day's list as one self-contained print file (A4 portrait, Chinese, boxes to tick
// by hand): `shopdesk checklist --html FILE` and the app's "导出 HTML", for a scheduled task
// that prints it. The app's own print view (frontend/src/pages/checklist/ChecklistPrint.tsx)
// lays out the same things on the print foundation; both are checked as PDF in tests.
func HTML(d Day) ([]byte, error) {
	var b bytes.Buffer
	if err := printTemplate.Execute(&b, printData(d)); err != nil {
		return nil, fmt.Errorf("checklist: print %s: %w", d.Date, err)
	}
	return b.Bytes(), nil
}

type printSection struct {
	Name  string
	Items []Item
}

type printPage struct {
	Date, Weekday, Shops, Made string
	Sections                   []printSection
	Empty                      bool
}

// Weekday is the Chinese weekday of a "YYYY-MM-DD" day ("" when it is not a date).
func Weekday(day string) string {
	t, err := time.Parse(dayLayout, day)
	if err != nil {
		return ""
	}
	return weekdayNames[t.Weekday()]
}

func printData(d Day) printPage {
	p := printPage{Date: d.Date, Weekday: Weekday(d.Date), Shops: strings.Join(d.Shops, "、"), Made: d.Now, Empty: len(d.Items) == 0}
	for _, sec := range Sections {
		var items []Item
		for _, it := range d.Items {
			if it.Section == sec {
				items = append(items, it)
			}
		}
		if len(items) > 0 {
			p.Sections = append(p.Sections, printSection{Name: SectionName[sec], Items: items})
		}
	}
	return p
}

var printTemplate = template.Must(template.New("print").Funcs(template.FuncMap{
	"hm": func(wall string) string { return short(wall) },
}).Parse(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>今日清单 {{.Date}}</title>
<style>
@page { size: A4 portrait; margin: 12mm 12mm 14mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
  font-size: 9.5pt; line-height: 1.25; color: #000; }
.sheet { max-width: 186mm; margin: 0 auto; }
header { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 1.5pt solid #000;
  padding-bottom: 2mm; margin-bottom: 2mm; }
h1 { font-size: 16pt; margin: 0; }
.meta { text-align: right; font-size: 9pt; }
h2 { font-size: 10.5pt; margin: 1.8mm 0 0.6mm; padding: 0.3mm 1.5mm; background: #eee; break-after: avoid; }
.item { display: flex; gap: 2mm; padding: 0.5mm 0 0.5mm 1mm; line-height: 1.3; border-bottom: 0.5pt solid #ccc; break-inside: avoid; }
.box { flex: none; width: 3.8mm; height: 3.8mm; border: 1pt solid #000; margin-top: 0.4mm; font-size: 8pt;
  line-height: 3.4mm; text-align: center; }
.body { flex: 1; min-width: 0; }
.title { font-weight: bold; }
.count { font-weight: bold; margin-left: 1.5mm; }
.detail, .owner { color: #333; margin-left: 1.5mm; }
.top { font-size: 7.5pt; color: #333; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.done { font-size: 8.5pt; color: #333; }
.empty { margin: 10mm 0; font-size: 12pt; }
footer { margin-top: 3mm; display: flex; justify-content: space-between; font-size: 9pt; }
</style></head>
<body><div class="sheet">
<header><h1>今日清单 · {{.Date}} {{.Weekday}}</h1>
<div class="meta">{{if .Shops}}<div>店铺：{{.Shops}}</div>{{end}}<div>生成于 {{.Made}}</div></div></header>
{{if .Empty}}<p class="empty">今天没有要处理的事项。</p>{{end}}
{{range .Sections}}<h2>{{.Name}}</h2>
{{range .Items}}<div class="item"><div class="box">{{if eq .State "done" "auto"}}✓{{else if eq .State "skipped"}}—{{end}}</div>
<div class="body"><span class="title">{{.Title}}</span>{{if .Count}}<span class="count">{{.Count}}</span>{{end}}{{if .Detail}}<span class="detail">{{.Detail}}</span>{{end}}{{if .Owner}}<span class="owner">负责：{{.Owner}}</span>{{end}}
{{if .Top}}<div class="top">{{range $i, $t := .Top}}{{if $i}}；{{end}}{{$t.Text}}{{end}}</div>{{end}}
{{if eq .State "done"}}<div class="done">{{if .DoneBy}}{{.DoneBy}} {{end}}{{hm .DoneAt}} 完成</div>{{else if eq .State "auto"}}<div class="done">{{.Note}}</div>{{else if eq .State "skipped"}}<div class="done">跳过（{{.DoneBy}} {{hm .DoneAt}}）：{{.Note}}</div>{{end}}
</div></div>
{{end}}{{end}}
<footer><span>完成人签字：______________</span><span>复核：______________</span></footer>
</div></body></html>
`))
