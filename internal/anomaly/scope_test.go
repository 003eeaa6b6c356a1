package anomaly_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"shopdesk/db"
	"shopdesk/db/sqldb"
	"shopdesk/internal/anomaly"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/settings"
)

// scopeEnv is the fixture database with what the steps of a scenario need.
type scopeEnv struct {
	t       *testing.T
	d       *db.DB
	s       *anomaly.Store
	dir     string
	batches map[string]int64 // step name -> the batch it imported
}

func (env *scopeEnv) importFile(name, path string, opts importer.Options) {
	env.t.Helper()
	env.batches[name] = importFile(env.t, env.d, path, opts).BatchID
}

func (env *scopeEnv) undo(name string) {
	env.t.Helper()
	if _, err := importer.New(env.d).Undo(context.Background(), env.batches[name]); err != nil {
		env.t.Fatalf("undo %s: %v", name, err)
	}
}

func (env *scopeEnv) pdd(name string, orders ...exportfile.PDDOrder) {
	env.t.Helper()
	env.importFile(name, pddFile(env.t, env.dir, name+".csv", orders...), importer.Options{ShopName: pddShop})
}

// pddOrder is a fixture order of the 拼多多 shop, changed by edit.
func pddOrder(no string, edit func(*exportfile.PDDOrder)) exportfile.PDDOrder {
	for _, o := range pddOrders() {
		if o.OrderNo == no {
			edit(&o)
			return o
		}
	}
	panic("no fixture order " + no)
}

// The scoped runs (after imports, undos, complaints and as the time passes) leave what a
// full evaluation of the same data finds: each step's run is followed by a full one in a
// transaction rolled back, which must find nothing to add, change or clear, the same
// notices and the same kept numbers. The clocks cross the rules' boundaries (see
// TestRules) and a month's end.
func TestScopedRunsMatchFull(t *testing.T) {
	ctx := context.Background()
	d := fixture(t)
	env := &scopeEnv{t: t, d: d, s: anomaly.New(d), dir: t.TempDir(), batches: map[string]int64{}}
	var noteID int64
	steps := []struct {
		name, at string
		do       func()
		full     bool
	}{
		{"first run", "2026-11-22 02:59:59", nil, true},
		{"nothing changed", "2026-11-22 02:59:59", nil, false},
		{"due soon: exactly 6 h before", "2026-11-22 03:00:00", nil, false},
		{"unpaid: exactly 2 h", "2026-11-22 08:00:00", nil, false},
		{"unpaid: 2 h and 1 s", "2026-11-22 08:00:01", nil, false},
		{"overdue and stalled: exactly", "2026-11-22 09:00:00", nil, false},
		{"overdue and stalled: 1 s past", "2026-11-22 09:00:01", func() {
			// A note and an owner on an anomaly the later steps clear and bring back.
			p, err := env.s.List(ctx, anomaly.Query{Search: "P-OVER48"})
			if err != nil || len(p.Rows) != 1 {
				t.Fatalf("P-OVER48: %v %+v", err, p.Rows)
			}
			noteID = p.Rows[0].ID
			if err := env.s.AddNote(ctx, noteID, "下午发", 0); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"import: shipped, paid, new orders and a new shop", "2026-11-22 09:30:00", func() {
			env.pdd("ship",
				pddOrder("P-OVER48", func(o *exportfile.PDDOrder) {
					o.Status, o.ShippedAt, o.Carrier, o.TrackingNo = "已发货，待收货", "2026-11-22 09:10:00", "中通快递", "7312345678999"
				}),
				pddOrder("P-UNPAID", func(o *exportfile.PDDOrder) { o.Status, o.PaidAt = "待发货", "2026-11-22 09:05:00" }),
				exportfile.PDDOrder{OrderNo: "P-NEW", Status: "待发货", Title: "宝宝辅食碗", PayFen: 5100, Quantity: 1,
					CreatedAt: "2026-11-20 09:20:00", PaidAt: "2026-11-20 09:21:00", Message: "加急"},
				exportfile.PDDOrder{OrderNo: "P-NEW-BIG", Status: "待发货", Title: "宝宝辅食碗", PayFen: 90000, Quantity: 1,
					CreatedAt: "2026-11-22 09:25:00", PaidAt: "2026-11-22 09:26:00"},
			)
			env.importFile("new shop", douyinFile(t, env.dir, "抖店二店.csv", exportfile.DouyinOrder{OrderNo: "D2-1",
				SubOrderNo: "D2-1-1", Title: "儿童防蚊手环", PriceFen: 1990, PayFen: 1990, Receiver: "王**", Province: "广东省",
				City: "深圳市", District: "南山区", Street: "科技园", Detail: "1 号", Status: "待发货",
				CreatedAt: "2026-11-19 22:00:00", PaidAt: "2026-11-19 22:01:00", PromisedShipAt: "2026-11-21 22:01:00"}),
				importer.Options{ShopName: "抖店二店"})
		}, false},
		{"refund finished", "2026-11-22 09:40:00", func() {
			env.importFile("refund done", writeRefunds(t, t.TempDir(), exportfile.TaobaoRefund{OrderNo: "T-RETURN", RefundNo: "R-0001",
				Title: "珊瑚绒毛毯", Status: "退款成功", GoodsStatus: "买家已发货", ReturnTrackingNo: "SF1234567890123",
				ReturnCarrier: "顺丰速运", Reason: "不喜欢", Shop: taobaoShop, PayFen: 6800, RefundFen: 6800, NeedReturn: true,
				AfterSale: true, PaidAt: "2026-11-18 09:01:00", AppliedAt: "2026-11-21 10:00:00", DeadlineAt: "2026-11-24 10:00:00"}),
				importer.Options{})
		}, false},
		{"undo the finished refund", "2026-11-22 09:41:00", func() { env.undo("refund done") }, false},
		{"undo the shipping", "2026-11-22 09:42:00", func() { env.undo("ship") }, false},
		{"undo the new shop", "2026-11-22 09:43:00", func() { env.undo("new shop") }, false},
		{"a shop imported and undone, another one imported: ids used again", "2026-11-22 09:44:00", func() {
			dy := func(no, status string) exportfile.DouyinOrder {
				return exportfile.DouyinOrder{OrderNo: no, SubOrderNo: no + "-1", Title: "儿童防蚊手环", PriceFen: 1990,
					PayFen: 1990, Receiver: "王**", Province: "广东省", City: "深圳市", District: "南山区", Street: "科技园",
					Detail: "1 号", Status: status, CreatedAt: "2026-11-19 22:00:00", PaidAt: "2026-11-19 22:01:00"}
			}
			env.importFile("shop a", douyinFile(t, env.dir, "新店A.csv", dy("A-1", "待发货"), dy("A-2", "已发货")),
				importer.Options{ShopName: "新店A"})
			evaluate(t, env.s, "2026-11-22 09:43:30")
			env.undo("shop a")
			env.importFile("shop b", douyinFile(t, env.dir, "新店B.csv", dy("B-1", "已发货"), dy("B-2", "待发货"), dy("B-3", "待发货")),
				importer.Options{ShopName: "新店B"})
		}, false},
		{"complaint", "2026-11-22 10:00:00", func() {
			shops, err := d.Queries().RuleShops(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := env.s.AddComplaint(ctx, anomaly.Complaint{ShopID: shops[0].ID, OrderNo: "P-MESSAGE", Channel: "chat",
				Severity: "serious", Content: "还没发货", ReceivedAt: "2026-11-22 09:50:00"}, 0, time.Now()); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"complaint deleted", "2026-11-22 10:01:00", func() {
			p, err := env.s.List(ctx, anomaly.Query{Kind: anomaly.KindComplaint})
			if err != nil || len(p.Rows) != 1 {
				t.Fatalf("complaints: %v %+v", err, p.Rows)
			}
			id := strings.TrimPrefix(p.Rows[0].Subject, "complaint:")
			var cid int64
			fmt.Sscan(id, &cid)
			if err := env.s.DeleteComplaint(ctx, cid); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"the median moves: P-BIG is no longer big", "2026-11-22 10:10:00", func() {
			var dear []exportfile.PDDOrder
			for i := range 12 {
				dear = append(dear, exportfile.PDDOrder{OrderNo: fmt.Sprintf("P-DEAR-%d", i), Status: "已签收", Title: "实木餐椅",
					PayFen: 20000 + int64(i), Quantity: 1, CreatedAt: "2026-11-18 10:00:00", PaidAt: "2026-11-18 10:01:00",
					ShippedAt: "2026-11-18 18:00:00", ConfirmedAt: "2026-11-19 18:00:00"})
			}
			env.pdd("dear", dear...)
		}, false},
		{"the median moves back", "2026-11-22 10:11:00", func() { env.undo("dear") }, false},
		{"closed and late compensation age out", "2026-11-27 10:00:01", nil, false},
		{"across the month's end", "2026-12-01 00:00:00", nil, false},
		{"other thresholds: a full run", "2026-12-01 00:00:00", func() {
			if err := d.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
				return settings.Save(ctx, q, map[string]float64{settings.ShipHours: 24})
			}); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"a clock set back: a full run", "2026-11-25 00:00:00", nil, true},
	}
	for _, st := range steps {
		if st.do != nil {
			st.do()
		}
		res := evaluate(t, env.s, st.at)
		// The median windows' amounts: of the shops there are, adding up to their windows.
		var stray int64
		if err := d.SQL.QueryRow(`SELECT count(*) FROM anomaly_amount WHERE shop_id NOT IN (SELECT id FROM shop)
			OR n <> 0 AND shop_id NOT IN (SELECT s.shop_id FROM anomaly_shop s
			WHERE s.window_n = (SELECT sum(m.n) FROM anomaly_amount m WHERE m.shop_id = s.shop_id))`).Scan(&stray); err != nil {
			t.Fatal(err)
		}
		if stray != 0 {
			t.Errorf("%s: %d amounts of no shop's window", st.name, stray)
		}
		if res.Full != st.full {
			t.Errorf("%s: full run %v, want %v (%+v)", st.name, res.Full, st.full, res)
		}
		full, shops, err := env.s.FullRecheck(ctx, wall(t, st.at))
		if err != nil {
			t.Fatalf("%s: full evaluation: %v", st.name, err)
		}
		if !full.Full || full.New+full.Changed+full.Cleared+full.Reopened != 0 || full.Found != res.Found {
			t.Errorf("%s: the full evaluation finds more to do after the scoped run %+v: %+v", st.name, res, full)
		}
		if !reflect.DeepEqual(full.Notices, res.Notices) {
			t.Errorf("%s: notices\n scoped %+v\n full   %+v", st.name, res.Notices, full.Notices)
		}
		kept, err := d.Queries().AnomalyShops(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !sameShops(kept, shops) {
			t.Errorf("%s: kept numbers\n scoped %+v\n full   %+v", st.name, kept, shops)
		}
	}
	// The note stayed through the shipping, its undo and the full runs.
	got, err := env.s.Get(ctx, noteID)
	if err != nil {
		t.Fatal(err)
	}
	if n := notes(got); !slices.Equal(n, []string{"下午发"}) {
		t.Errorf("notes of P-OVER48 %q", n)
	}
}

// sameShops compares the numbers kept per shop (not the clocks: a run that looked at
// nothing leaves the clock where it was).
func sameShops(a, b []sqldb.AnomalyShop) bool {
	norm := func(rows []sqldb.AnomalyShop) []sqldb.AnomalyShop {
		out := slices.Clone(rows)
		for i := range out {
			out[i].Wall = 0
		}
		slices.SortFunc(out, func(x, y sqldb.AnomalyShop) int { return int(x.ShopID - y.ShopID) })
		return out
	}
	return reflect.DeepEqual(norm(a), norm(b))
}

// A run that finds nothing to do writes nothing: not the anomalies, their history, the
// counts, nor what the rules keep for the next run. SQLite's data_version, read on a
// connection of its own, moves only when another connection commits a change.
func TestNothingChangedWritesNothing(t *testing.T) {
	ctx := context.Background()
	d := fixture(t)
	s := anomaly.New(d)
	conn, err := d.SQL.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	version := func() int64 {
		var v int64
		if err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	evaluate(t, s, "2026-11-22 02:59:00") // the first run: every anomaly new
	cases := []struct {
		name, at string
		do       func()
		writes   bool
	}{
		{"the same time", "2026-11-22 02:59:00", nil, false},
		{"the same time again", "2026-11-22 02:59:00", nil, false},
		{"30 s later, no rule's turning point passed", "2026-11-22 02:59:30", nil, false},
		{"P-OVER48 is due soon", "2026-11-22 03:00:00", nil, true},
		{"then nothing again", "2026-11-22 03:00:00", nil, false},
		{"the same file again: no import", "2026-11-22 03:00:00", func() {
			importFile(t, d, pddFile(t, t.TempDir(), "拼多多订单.csv", pddOrders()...), importer.Options{ShopName: pddShop})
		}, false},
		{"a re-export of the same orders", "2026-11-22 03:00:00", func() {
			rows := make([][]string, 0)
			for _, o := range pddOrders() {
				if o.Quantity == 0 {
					o.Quantity = 1
				}
				if o.GoodsFen == 0 {
					o.GoodsFen = o.PayFen
				}
				rows = append(rows, o.Row())
			}
			p := filepath.Join(t.TempDir(), "拼多多订单-2.csv")
			if err := exportfile.WriteCSV(p, exportfile.PDDOrderHeader, rows, exportfile.CSVOptions{BOM: true, Footer: []string{""}}); err != nil {
				t.Fatal(err)
			}
			if r := importFile(t, d, p, importer.Options{ShopName: pddShop}); r.Unchanged != len(rows) {
				t.Fatalf("re-export: %+v", r)
			}
		}, true}, // the run takes the import's note off its list, and writes nothing else
		{"and after it", "2026-11-22 03:00:00", nil, false},
	}
	for _, c := range cases {
		if c.do != nil {
			c.do()
		}
		before := version()
		res := evaluate(t, s, c.at)
		wrote := version() != before
		if wrote != c.writes {
			t.Errorf("%s: wrote %v, want %v (%+v)", c.name, wrote, c.writes, res)
		}
		if !c.writes && res.New+res.Changed+res.Cleared+res.Reopened+res.Checked != 0 {
			t.Errorf("%s: %+v", c.name, res)
		}
	}
}
