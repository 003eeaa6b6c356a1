package anomaly

import (
	"bytes"
	"context"
	"fmt"

	"github.com/xuri/excelize/v2"

	"shopdesk/db/sqldb"
	"shopdesk/internal/mask"
	"shopdesk/internal/settings"
	"shopdesk/internal/shop"
)

// exportHeader is the first row of the Excel export.
var exportHeader = []string{"异常类型", "店铺", "平台", "订单号", "处理状态", "负责人", "开始时间", "截止时间",
	"说明", "金额（元）", "买家", "商品", "订单状态", "发现时间", "备注"}

// ExportXLSX writes every anomaly lq selects (all pages) as an Excel workbook. Order
// numbers are text cells: as numbers Excel would show 18-19 digits as 2.16544E+18 and
// lose the last ones. It returns the file and the number of rows.
//
// The file leaves the PC (mailed, forwarded, put on a shared drive), so buyers are hidden
// unless the seller turned that off in 设置: the nickname keeps its first character, and
// addresses and mobile numbers in what buyers wrote (买家留言, complaints) keep only their
// region and the ends of the number (package mask). The app's own screens show them whole.
func (s *Store) ExportXLSX(ctx context.Context, lq Query) ([]byte, int, error) {
	lq.Page, lq.PageSize = 1, -1
	rows, err := listRows(ctx, s.db.Queries(), lq)
	if err != nil {
		return nil, 0, err
	}
	hide, err := settings.MaskBuyers(ctx, s.db.Queries())
	if err != nil {
		return nil, 0, fmt.Errorf("export anomalies: %w", err)
	}
	notes, err := exportNotes(ctx, s.db.Queries(), hide)
	if err != nil {
		return nil, 0, fmt.Errorf("export anomalies: %w", err)
	}
	if hide {
		for i := range rows {
			rows[i] = masked(rows[i])
		}
	}
	data, err := writeXLSX(rows, notes)
	if err != nil {
		return nil, 0, fmt.Errorf("export anomalies: %w", err)
	}
	return data, len(rows), nil
}

// exportNotes is the text of every anomaly's notes, one line each, oldest first:
// "2026-11-22 09:00 张三：已联系买家" (the time in the shop's zone, like every time of the
// export). With buyers hidden, addresses and mobile numbers in them are masked too: notes
// often repeat what the buyer wrote.
func exportNotes(ctx context.Context, q *sqldb.Queries, hide bool) (map[int64]string, error) {
	z, err := loadZones(ctx, q)
	if err != nil {
		return nil, err
	}
	rows, err := q.AnomalyNotes(ctx)
	if err != nil {
		return nil, fmt.Errorf("notes: %w", err)
	}
	out := map[int64]string{}
	for _, r := range rows {
		at := show(r.At, z.of(r.ShopID))
		if len(at) >= 16 {
			at = at[:16]
		}
		who := r.ActorName
		if who == "" {
			who = "未署名"
		}
		note := r.Note
		if hide {
			note = mask.Text(note)
		}
		line := at + " " + who + "：" + note
		if prev := out[r.AnomalyID]; prev != "" {
			line = prev + "\n" + line
		}
		out[r.AnomalyID] = line
	}
	return out, nil
}

// masked is the anomaly as an export shows it with buyers hidden.
func masked(a Anomaly) Anomaly {
	a.Buyer = mask.Name(a.Buyer)
	switch a.Kind {
	case KindBuyerMessage, KindComplaint: // text the buyer wrote, or what they said
		a.Detail = mask.Text(a.Detail)
	}
	return a
}

func writeXLSX(rows []Anomaly, notes map[int64]string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "订单异常"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, err
	}
	moneyFmt, err := f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	if err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	widths := []float64{13, 18, 10, 24, 9, 9, 19, 19, 48, 11, 14, 36, 14, 19, 48}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	head := make([]any, len(exportHeader))
	for i, h := range exportHeader {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return nil, err
	}
	for i, a := range rows {
		amount := a.AmountFen
		if amount == 0 {
			amount = a.PayFen
		}
		var money any = ""
		if amount != 0 {
			money = excelize.Cell{StyleID: moneyFmt, Value: float64(amount) / 100}
		}
		owner := a.OwnerName
		if owner == "" {
			owner = "未分配"
		}
		cells := []any{
			KindName[a.Kind], a.ShopName, shop.PlatformName[a.Platform],
			excelize.Cell{StyleID: text, Value: a.OrderNo}, // always a string: see above
			StateName[a.State], owner, a.Since, a.Deadline, Describe(a), money, a.Buyer, a.Title,
			a.OrderStatusText, a.DetectedAt, "",
		}
		if n := notes[a.ID]; n != "" {
			cells[len(cells)-1] = excelize.Cell{StyleID: wrap, Value: n}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, cells); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
