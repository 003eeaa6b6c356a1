package importer

import "testing"

// The INSERT of new orders binds only the columns the file has and writes the others as ”
// or 0 (boundColumns): for every order layout, a row with every column filled must read as
// empty in each column it leaves out, or those orders would be written wrong (flush checks
// it too, and binds such a column after all).
func TestUnboundOrderColumnsAreEmpty(t *testing.T) {
	cellOf := map[fieldKind]string{kindText: "x", kindID: "1234567890", kindMoney: "12.34", kindInt: "3",
		kindTime: "2025-01-02 03:04:05", kindDate: "2025-01-02", kindBool: "是", kindFlag: "是"}
	layouts := 0
	for i := range registry.Layouts {
		l := &registry.Layouts[i]
		if l.Level != "order" && l.Level != "sub_order" {
			continue
		}
		layouts++
		b := &boundLayout{Layout: l, col: map[string][]int{}}
		var row []string
		for field := range l.Columns {
			def, ok := fields[field]
			if !ok {
				t.Fatalf("%s: field %s is not a known field", l.ID, field)
			}
			cell, ok := cellOf[def.kind]
			if !ok {
				t.Fatalf("%s: no cell for kind %s", l.ID, def.kind)
			}
			b.col[field] = []int{len(row)}
			b.headers = append(b.headers, field)
			row = append(row, cell)
		}
		p := newRowParser(b, "t.csv", fileFacts{})
		pr := p.parse(2, row)
		if pr.orderNoErr != nil || pr.valsErr != nil {
			t.Fatalf("%s: %v %v", l.ID, pr.orderNoErr, pr.valsErr)
		}
		po := pendingOrder{key: orderKey{1, pr.orderNo}, v: pr.vals}
		bound := boundColumns(b)
		for c, v := range po.values() {
			if !bound[c] && v != "" && v != int64(0) {
				t.Errorf("%s: column %s is not bound but reads %v", l.ID, orderInsertColumns[c].name, v)
			}
		}
	}
	if layouts < 5 {
		t.Fatalf("only %d order layouts", layouts)
	}
}
