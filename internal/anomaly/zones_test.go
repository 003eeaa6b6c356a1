package anomaly_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shopdesk/internal/anomaly"
	"shopdesk/internal/importer"
	"shopdesk/internal/staff"
)

// Times Shopdesk records (found, history, the last run) are shown in the shop's zone, as
// its deadlines are, whatever zone the PC is set to: a PC in New York still reads Beijing
// time for a Shanghai shop.
func TestTimesInTheShopsZone(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	sh, _ := time.LoadLocation("Asia/Shanghai")
	saved := time.Local
	time.Local = ny
	t.Cleanup(func() { time.Local = saved })

	ctx := context.Background()
	d := openDB(t)
	s := anomaly.New(d)
	importFile(t, d, taobaoFile(t, t.TempDir(), "ExportOrderList.csv", workflowOrder("Z1", "买家已付款，等待卖家发货", "连体衣")), importer.Options{})
	res := evaluate(t, s, "2026-11-22 09:00:00")
	wang, err := staff.Save(ctx, d.Queries(), staff.Staff{Name: "小王", Role: "warehouse", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	id := find(t, s, "Z1", anomaly.KindOverdueShipment).Anomaly.ID
	if err := s.AddNote(ctx, id, "已联系仓库", wang.ID); err != nil {
		t.Fatal(err)
	}

	var detectedUTC, noteUTC string
	if err := d.SQL.QueryRowContext(ctx, `SELECT detected_at FROM anomaly WHERE id = ?`, id).Scan(&detectedUTC); err != nil {
		t.Fatal(err)
	}
	if err := d.SQL.QueryRowContext(ctx, `SELECT at FROM anomaly_event WHERE anomaly_id = ? AND action = 'note'`, id).Scan(&noteUTC); err != nil {
		t.Fatal(err)
	}
	in := func(utc string, loc *time.Location) string {
		u, err := time.ParseInLocation("2006-01-02 15:04:05", utc, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		return u.In(loc).Format("2006-01-02 15:04:05")
	}

	page, err := s.List(ctx, anomaly.Query{Search: "Z1", State: anomaly.StateAll})
	if err != nil || len(page.Rows) == 0 {
		t.Fatalf("list: %v %+v", err, page)
	}
	det := find(t, s, "Z1", anomaly.KindOverdueShipment)
	tests := []struct{ what, got, want string }{
		{"list 发现时间", page.Rows[0].DetectedAt, in(detectedUTC, sh)},
		{"detail 发现时间", det.Anomaly.DetectedAt, in(detectedUTC, sh)},
		{"history", det.Events[len(det.Events)-1].At, in(noteUTC, sh)},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q (Beijing time; New York would be %q)", tc.what, tc.got, tc.want, in(detectedUTC, ny))
		}
	}
	// The last run: Beijing time of about now, not New York's.
	checked, err := time.ParseInLocation("2006-01-02 15:04:05", res.CheckedAt, sh)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(checked); d < 0 || d > time.Hour {
		t.Errorf("checkedAt %q is %v from now read as Beijing time", res.CheckedAt, d)
	}
	if page.Checked != res.CheckedAt {
		t.Errorf("the list's checkedAt %q, the run's %q", page.Checked, res.CheckedAt)
	}
}

// The Excel export carries the notes' text (who wrote what, when), not their number.
func TestExportNotes(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := anomaly.New(d)
	importFile(t, d, taobaoFile(t, t.TempDir(), "ExportOrderList.csv",
		workflowOrder("N1", "买家已付款，等待卖家发货", "连体衣"), workflowOrder("N2", "买家已付款，等待卖家发货", "围兜")), importer.Options{})
	evaluate(t, s, "2026-11-22 09:00:00")
	wang, err := staff.Save(ctx, d.Queries(), staff.Staff{Name: "小王", Role: "warehouse", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	id := find(t, s, "N1", anomaly.KindOverdueShipment).Anomaly.ID
	if _, err := s.SetState(ctx, []int64{id}, anomaly.StateInProgress, wang.ID, "已联系仓库"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddNote(ctx, id, "明早第一个发", 0); err != nil {
		t.Fatal(err)
	}
	data, _, err := s.ExportXLSX(ctx, anomaly.Query{State: anomaly.StateAll, Kind: anomaly.KindOverdueShipment})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("订单异常")
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "备注" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no 备注 column in %q", rows[0])
	}
	got := map[string]string{}
	for _, r := range rows[1:] {
		v := ""
		if col < len(r) {
			v = r[col]
		}
		got[r[3]] = v
	}
	lines := strings.Split(got["N1"], "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[0], " 小王：已联系仓库") || !strings.HasSuffix(lines[1], " 未署名：明早第一个发") {
		t.Fatalf("N1 notes %q", got["N1"])
	}
	if _, err := time.Parse("2006-01-02 15:04", lines[0][:16]); err != nil {
		t.Fatalf("note line %q does not start with its time: %v", lines[0], err)
	}
	if got["N2"] != "" {
		t.Fatalf("N2 has no notes, got %q", got["N2"])
	}
}
