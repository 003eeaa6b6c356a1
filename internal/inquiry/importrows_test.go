package inquiry_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"shopdesk/db/sqldb"
	"shopdesk/internal/inquiry"
)

// How the import engine's handler writes a register sheet: rows with a batch, 否 without
// a reason kept as 未填写 and listed for completion, an error naming row, column, value,
// and undo by batch.
func TestImportSheetRows(t *testing.T) {
	ctx := context.Background()
	d := openDB(t)
	s := inquiry.New(d)
	staff(t, d, "小美")
	header := []string{"日期", "客户的ID", "客户类型", "询盘渠道", "是否成交", "交易的类型", "未交易的原因", "未成交后期的跟进情况", "客服", "地区", "备注栏"}
	fields := make([]string, len(header))
	for i, h := range header {
		fields[i] = inquiry.HeaderField(h)
	}
	if fields[1] != inquiry.FieldCustomer || fields[6] != inquiry.FieldReason || fields[7] != inquiry.FieldFollowNote || fields[10] != "" {
		t.Fatalf("header fields %v", fields)
	}
	sheet := func(cells ...[]string) []inquiry.SheetRow {
		var out []inquiry.SheetRow
		for i, c := range cells {
			m := map[string]string{}
			for j, v := range c {
				if fields[j] != "" {
					m[fields[j]] = v
				}
			}
			out = append(out, inquiry.SheetRow{Row: i + 3, Cells: m})
		}
		return out
	}
	batch := func(q *sqldb.Queries) int64 {
		var id int64
		err := d.SQL.QueryRowContext(ctx, `INSERT INTO import_batch (file_name, file_sha256, file_size, platform, format, started_at, finished_at)
			VALUES ('登记表.xlsx', 'x', 1, '', 'inquiry', '', '') RETURNING id`).Scan(&id)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	good := sheet(
		[]string{"46346", "tb_小鱼儿", "零售", "旺旺/千牛", "是", "零售", "", "", "小美", "浙江"}, // Excel serial 46346: 2026-11-20
		[]string{"2026/11/21", "南风", "批发", "1688询盘", "否", "", "", "问了价格没回", "小美", "广东"},
		[]string{"2026-11-21", "阳光下的猫", "", "微信", "否", "", "运费", "", "", ""},
	)
	id := batch(d.Queries())
	var res inquiry.ImportResult
	err := d.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		var err error
		res, err = s.ImportSheetRows(ctx, q, id, good, inquiry.PasteDefaults{})
		return err
	})
	if err != nil || res.Added != 3 || res.Incomplete != 1 {
		t.Fatalf("import %+v %v", res, err)
	}
	p, err := s.List(ctx, inquiry.Query{Incomplete: true})
	if err != nil || p.Total != 1 || p.Incomplete != 1 || p.Rows[0].Customer != "南风" || p.Rows[0].Reason != inquiry.ReasonMissing || p.Rows[0].BatchID != id {
		t.Fatalf("to complete: %+v %v", p, err)
	}
	all, _ := s.List(ctx, inquiry.Query{})
	if all.Rows[2].AskedOn != "2026-11-20" {
		t.Fatalf("serial day read as %s", all.Rows[2].AskedOn)
	}
	// Editing the imported row may keep 未填写 (changing another cell), but not choose it anew.
	row := p.Rows[0]
	row.Note = "电话没人接"
	if _, err := s.Update(ctx, row); err != nil {
		t.Fatalf("edit keeping 未填写: %v", err)
	}

	bad := sheet([]string{"2026-11-21", "某人", "", "微信", "也许", "", "", "", "", ""})
	err = d.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		_, err := s.ImportSheetRows(ctx, q, id, bad, inquiry.PasteDefaults{})
		return err
	})
	var re *inquiry.RowError
	if !errors.As(err, &re) || re.Row != 3 || re.Column != "是否成交" || re.Value != "也许" ||
		err.Error() != "第 3 行“是否成交”列的值“也许”不是“是”“否”或“跟进中”" {
		t.Fatalf("error %v", err)
	}

	var removed, edited int64
	err = d.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		var err error
		removed, edited, err = s.UndoBatch(ctx, q, id)
		return err
	})
	if err != nil || removed != 3 || edited != 1 {
		t.Fatalf("undo: %d removed, %d edited, %v", removed, edited, err)
	}
}
