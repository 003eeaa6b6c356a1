package webserve_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shopdesk/app"
	"shopdesk/db"
	"shopdesk/internal/exportfile"
	"shopdesk/internal/importer"
	"shopdesk/internal/settings"
	"shopdesk/internal/webserve"
)

// The attacks of issue 15 §1, each against the real handler serving the real services
// over a real database of 500 imported orders: every one is refused and changes nothing;
// the seller's own browser still does everything.

// shopPC is `shopdesk serve` on a seller's PC, as an attacker finds it.
type shopPC struct {
	*served
	d     *db.DB
	batch int64  // the import of the 500 orders
	csv   string // an export file on this PC's disk, never uploaded
}

func newShopPC(t *testing.T) *shopPC {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	d, err := db.Open(ctx, filepath.Join(dir, "shopdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	csv := writeOrders(t, dir, "ExportOrderList202611211800.csv", 500, 0)
	r := importer.New(d).ImportFile(ctx, csv, importer.Options{})
	if r.Error != "" || r.New != 500 {
		t.Fatalf("import: %+v", r)
	}
	hub := webserve.NewHub()
	shell := &app.BrowserShell{Events: hub}
	services := app.NewServices(d, shell)
	s := start(t, services.All(), hub, app.PathArgs, func(srv *webserve.Server) { shell.Files = srv })
	return &shopPC{served: s, d: d, batch: r.BatchID, csv: csv}
}

// writeOrders writes a Taobao 订单报表 of n orders waiting to ship, numbered from first.
func writeOrders(t *testing.T, dir, name string, n, first int) string {
	t.Helper()
	rows := make([][]string, n)
	for i := range rows {
		o := exportfile.TaobaoOrder{OrderNo: fmt.Sprintf("2165437890%09d", first+i), Buyer: "张三丰",
			Status: "买家已付款，等待卖家发货", Title: "连体衣", Shop: "小米粒母婴旗舰店", PayFen: 5900, Items: 1,
			Address: "浙江省杭州市西湖区文三路100号", CreatedAt: "2026-11-21 09:59:00", PaidAt: "2026-11-21 10:00:00"}
		rows[i] = o.Row()
	}
	p := filepath.Join(dir, name)
	if err := exportfile.WriteCSV(p, exportfile.TaobaoOrderHeader, rows, exportfile.CSVOptions{GBK: true, ExcelText: true}); err != nil {
		t.Fatal(err)
	}
	return p
}

func (pc *shopPC) orders(t *testing.T) int {
	t.Helper()
	var n int
	if err := pc.d.SQL.QueryRow(`SELECT count(*) FROM orders`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (pc *shopPC) shipHours(t *testing.T) float64 {
	t.Helper()
	list, err := settings.List(context.Background(), pc.d.Queries())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if s.Key == settings.ShipHours {
			return s.Value
		}
	}
	t.Fatal("no ship_hours setting")
	return 0
}

func callBody(name string, args ...any) string {
	b, _ := json.Marshal(map[string]any{"name": name, "args": args})
	return string(b)
}

// A page on another origin POSTs to /api/call: it changed a setting, undid an import and
// ran an export. Now each is refused, whichever way the page tries.
func TestAttackCrossOriginCalls(t *testing.T) {
	pc := newShopPC(t)
	calls := map[string]string{
		"change a setting": callBody("app.SettingsService.Save", map[string]float64{settings.ShipHours: 72}),
		"undo the import":  callBody("app.ImportService.UndoBatch", pc.batch),
		"run an export":    callBody("app.AnomalyService.Export", map[string]any{}),
	}
	ways := []struct {
		name   string
		r      req
		status int
	}{
		// another site: the browser withholds the SameSite=Strict cookie
		{"text/plain form from another site", req{ctype: "text/plain", origin: "http://evil.example", noCookie: true}, 403},
		// another port of this PC is the same site: the cookie goes along, Origin gives it away
		{"text/plain from another port of this PC", req{ctype: "text/plain", origin: "http://127.0.0.1:8080"}, 403},
		{"JSON from another port of this PC", req{ctype: "application/json", origin: "http://localhost:3000"}, 403},
		// a client that sends no Origin (an old browser, a plugin): still no JSON, no call
		{"text/plain without Origin", req{ctype: "text/plain"}, 415},
		{"form without Origin", req{ctype: "application/x-www-form-urlencoded"}, 415},
		{"multipart without Origin", req{ctype: "multipart/form-data; boundary=x"}, 415},
		// no token at all
		{"JSON without the token", req{ctype: "application/json", noCookie: true}, 401},
		{"JSON with a guessed token", req{ctype: "application/json", cookie: nil, noCookie: false}, 401},
	}
	for what, body := range calls {
		for _, w := range ways {
			t.Run(what+"/"+w.name, func(t *testing.T) {
				r := w.r
				r.method, r.path, r.body = "POST", "/api/call", body
				if w.name == "JSON with a guessed token" {
					c := *pc.cookie
					c.Value = webserve.NewToken()
					r.cookie = &c
				}
				resp, out := pc.send(t, r)
				if resp.StatusCode != w.status || strings.Contains(out, `"result"`) {
					t.Fatalf("HTTP %d %s, want %d and no result", resp.StatusCode, out, w.status)
				}
				chineseRefusal(t, w.name, out)
			})
		}
	}
	if n := pc.orders(t); n != 500 {
		t.Fatalf("%d orders left, want 500: the import was undone", n)
	}
	if h := pc.shipHours(t); h != 48 {
		t.Fatalf("ship_hours = %v: the setting was changed", h)
	}

	// the seller's own page does all three
	for _, what := range []string{"change a setting", "undo the import", "run an export"} {
		resp, out := pc.send(t, req{method: "POST", path: "/api/call", body: calls[what], ctype: "application/json", origin: "http://" + pc.host})
		if resp.StatusCode != 200 || !strings.Contains(out, `"result"`) {
			t.Fatalf("%s from the app itself: %d %s", what, resp.StatusCode, out)
		}
	}
	if n, h := pc.orders(t), pc.shipHours(t); n != 0 || h != 72 {
		t.Fatalf("after the seller's calls: %d orders, ship_hours %v", n, h)
	}
}

// DNS rebinding: a name of the attacker's resolves to 127.0.0.1, so their page talks to
// the server as its own origin. Host gives it away: nothing is served under that name,
// even with the token (which such a page would not have anyway).
func TestAttackDNSRebinding(t *testing.T) {
	pc := newShopPC(t)
	_, out := pc.send(t, req{method: "POST", path: "/api/call", ctype: "application/json",
		body: callBody("app.AnomalyService.Export", map[string]any{})})
	var exported struct{ Result struct{ URL string } }
	if err := json.Unmarshal([]byte(out), &exported); err != nil || !strings.HasPrefix(exported.Result.URL, "/api/download/") {
		t.Fatalf("export: %s", out)
	}
	list := callBody("app.OrderService.List", map[string]any{"limit": 50})
	_, port, _ := strings.Cut(pc.host, ":")
	for _, host := range []string{"evil.example:" + port, "evil.example", "127.0.0.1.nip.io:" + port, "localhost.evil.example:" + port} {
		for _, r := range []req{
			{path: "/"},
			{method: "POST", path: "/api/call", body: list, ctype: "application/json"},
			{path: "/api/events"},
			{path: exported.Result.URL},
			{path: "/?token=" + pc.token},
		} {
			r.host, r.origin = host, "http://"+host
			for _, withCookie := range []bool{true, false} {
				r.noCookie = !withCookie
				resp, body := pc.send(t, r)
				if resp.StatusCode != 403 || strings.Contains(body, "张三丰") || strings.Contains(body, "2165437890") {
					t.Fatalf("Host %s %s %s (cookie %v): HTTP %d %.200s", host, r.method, r.path, withCookie, resp.StatusCode, body)
				}
				chineseRefusal(t, "Host "+host+" "+r.path, body)
			}
		}
	}
	// under its own address the same requests are served
	for _, r := range []req{{path: "/"}, {method: "POST", path: "/api/call", body: list, ctype: "application/json"}, {path: "/api/events"}, {path: exported.Result.URL}} {
		for _, host := range []string{pc.host, "localhost:" + port} {
			r.host = host
			if resp, body := pc.send(t, r); resp.StatusCode != 200 {
				t.Fatalf("Host %s %s: HTTP %d %.200s", host, r.path, resp.StatusCode, body)
			}
		}
	}
}

// ImportFiles, PreviewFiles and SheetHeader took paths on the server: /etc/passwd's first
// line came back in an error, any CSV's header and rows came back, and a missing file
// answered differently from an existing one. Over HTTP they take only upload handles now.
func TestAttackServerPaths(t *testing.T) {
	pc := newShopPC(t)
	_, up := pc.upload(t, map[string]string{"ExportOrderList.csv": "x"})
	var uploaded struct{ Handles []string }
	json.Unmarshal([]byte(up), &uploaded)
	realPath := filepath.Join(pc.uploads.Dir(), filepath.FromSlash(uploaded.Handles[0]))
	if _, err := os.Stat(realPath); err != nil {
		t.Fatalf("the upload is not where the test expects it: %v", err)
	}
	secret := []string{"root:", "订单编号", "2165437890", "张三丰"}
	var refusals []string
	for _, tt := range []struct{ name, body string }{
		{"ImportFiles /etc/passwd", callBody("app.ImportService.ImportFiles", []string{"/etc/passwd"}, []int64{0})},
		{"PreviewFiles /etc/passwd", callBody("app.ImportService.PreviewFiles", []string{"/etc/passwd"}, []int64{0})},
		{"SheetHeader /etc/passwd", callBody("app.ImportService.SheetHeader", "/etc/passwd", "Sheet1")},
		{"PreviewFiles an export on this PC", callBody("app.ImportService.PreviewFiles", []string{pc.csv}, []int64{0})},
		{"ImportFiles an export on this PC", callBody("app.ImportService.ImportFiles", []string{pc.csv}, []int64{0})},
		{"PreviewFiles a missing file", callBody("app.ImportService.PreviewFiles", []string{filepath.Join(filepath.Dir(pc.csv), "missing.csv")}, []int64{0})},
		{"PreviewFiles an upload by its path", callBody("app.ImportService.PreviewFiles", []string{realPath}, []int64{0})},
		{"PreviewFiles a forged handle", callBody("app.ImportService.PreviewFiles", []string{webserve.NewToken() + "/ExportOrderList.csv"}, []int64{0})},
		{"a handle then a path", callBody("app.ImportService.PreviewFiles", []string{uploaded.Handles[0], pc.csv}, []int64{0})},
		{"SheetHeader a relative path", callBody("app.ImportService.SheetHeader", "../../etc/passwd", "Sheet1")},
	} {
		resp, out := pc.send(t, req{method: "POST", path: "/api/call", body: tt.body, ctype: "application/json"})
		if resp.StatusCode != 403 {
			t.Errorf("%s: HTTP %d %.300s", tt.name, resp.StatusCode, out)
		}
		for _, s := range secret {
			if strings.Contains(out, s) {
				t.Errorf("%s: the answer shows %q: %.300s", tt.name, s, out)
			}
		}
		chineseRefusal(t, tt.name, out)
		refusals = append(refusals, out)
	}
	for i, r := range refusals {
		if r != refusals[0] { // existing, missing, forged: one answer, nothing to tell them apart
			t.Errorf("refusal %d differs: %s vs %s", i, r, refusals[0])
		}
	}
	if n := pc.orders(t); n != 500 {
		t.Fatalf("%d orders after the attempts, want 500", n)
	}
}

// Uploads had no size limit. Now a file over the limit (设置) is refused, and nothing of
// the upload stays on disk.
func TestAttackUploadSize(t *testing.T) {
	pc := newShopPC(t)
	pc.limit = 1 << 20
	status, out := pc.upload(t, map[string]string{"a.csv": "small", "big.csv": strings.Repeat("x", 2<<20)})
	if status != 413 || !strings.Contains(out, "超过了上传大小上限 1 MB") {
		t.Fatalf("2 MB over a 1 MB limit: HTTP %d %s", status, out)
	}
	chineseRefusal(t, "upload over the limit", out)
	if left, _ := os.ReadDir(pc.uploads.Dir()); len(left) != 0 {
		t.Fatalf("%d uploads left on disk after a refused upload", len(left))
	}
	if status, out := pc.upload(t, map[string]string{"ok.csv": strings.Repeat("x", 1<<20)}); status != 200 {
		t.Fatalf("a file of exactly the limit: HTTP %d %s", status, out)
	}
}

// Without the token nothing is served; a wrong token is refused; the right one sets the
// cookie and takes itself out of the address.
func TestTokenRequired(t *testing.T) {
	pc := newShopPC(t)
	wrong := *pc.cookie
	wrong.Value = webserve.NewToken()
	for _, r := range []req{
		{path: "/"}, {path: "/assets/app.js"}, {path: "/shopdesk-shim.js"}, {path: "/orders"},
		{method: "POST", path: "/api/call", body: callBody("app.OrderService.List", map[string]any{}), ctype: "application/json"},
		{path: "/api/events"}, {path: "/api/download/x"},
		{method: "POST", path: "/api/upload", body: "--x--", ctype: "multipart/form-data; boundary=x"},
	} {
		for _, c := range []*http.Cookie{nil, &wrong} {
			r.noCookie, r.cookie = c == nil, c
			resp, out := pc.send(t, r)
			if resp.StatusCode != 401 || strings.Contains(out, "2165437890") {
				t.Errorf("%s %s (cookie %v): HTTP %d %.100s", r.method, r.path, c != nil, resp.StatusCode, out)
			}
			chineseRefusal(t, r.path, out)
		}
	}
	resp, out := pc.send(t, req{path: "/?token=" + webserve.NewToken(), noCookie: true})
	if resp.StatusCode != 401 || len(resp.Cookies()) != 0 {
		t.Fatalf("wrong token in the address: HTTP %d, cookies %v", resp.StatusCode, resp.Cookies())
	}
	chineseRefusal(t, "wrong token in the address", out)
	resp, _ = pc.send(t, req{path: "/orders?x=1&token=" + pc.token, noCookie: true})
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/orders?x=1" || len(resp.Cookies()) != 1 {
		t.Fatalf("right token: HTTP %d, Location %q, cookies %v", resp.StatusCode, resp.Header.Get("Location"), resp.Cookies())
	}
	// calls are POST only; the mux's English 405 is not what the seller sees
	resp, out = pc.send(t, req{path: "/api/call"})
	if resp.StatusCode != 405 {
		t.Fatalf("GET /api/call: HTTP %d", resp.StatusCode)
	}
	chineseRefusal(t, "GET /api/call", out)
}

// What the seller's browser does still works end to end: upload, preview, import (the
// answers name the files by their handles), another sheet of an xlsx, the order list, the
// event stream and an export's download.
func TestBrowserImportsThroughHandles(t *testing.T) {
	pc := newShopPC(t)
	dir := t.TempDir()
	csv, _ := os.ReadFile(writeOrders(t, dir, "x.csv", 3, 1000))
	xlsx := excelize.NewFile()
	xlsx.SetSheetRow("Sheet1", "A1", &[]any{"汇总"})
	xlsx.NewSheet("订单")
	xlsx.SetSheetRow("订单", "A1", &[]any{"单号", "状态", "下单时间"})
	xlsx.SetSheetRow("订单", "A2", &[]any{"X1", "已发货", "2026-11-21 10:00:00"})
	var xb bytes.Buffer
	xlsx.Write(&xb)
	status, out := pc.upload(t, map[string]string{"ExportOrderList202611221800.csv": string(csv), "ERP导出.xlsx": xb.String()})
	var up struct{ Handles []string }
	if err := json.Unmarshal([]byte(out), &up); status != 200 || err != nil || len(up.Handles) != 2 {
		t.Fatalf("upload: %d %s", status, out)
	}
	handles := map[string]string{}
	for _, h := range up.Handles {
		handles[filepath.Ext(h)] = h
	}
	callOK := func(body string, v any) string {
		t.Helper()
		resp, out := pc.send(t, req{method: "POST", path: "/api/call", body: body, ctype: "application/json"})
		if resp.StatusCode != 200 || strings.Contains(out, pc.uploads.Dir()) {
			t.Fatalf("HTTP %d %s", resp.StatusCode, out)
		}
		if err := json.Unmarshal([]byte(out), v); err != nil {
			t.Fatal(err)
		}
		return out
	}
	var preview struct {
		Result []struct {
			Result struct{ File, Path, Error string }
			Rows   [][]string
		}
	}
	callOK(callBody("app.ImportService.PreviewFiles", []string{handles[".csv"]}, []int64{0}), &preview)
	if len(preview.Result) != 1 || preview.Result[0].Result.Path != handles[".csv"] || preview.Result[0].Result.File != "ExportOrderList202611221800.csv" || preview.Result[0].Result.Error != "" {
		t.Fatalf("preview: %+v", preview)
	}
	var imported struct {
		Result []struct {
			File, Path, Error string
			New               int
		}
	}
	callOK(callBody("app.ImportService.ImportFiles", []string{preview.Result[0].Result.Path}, []int64{0}), &imported)
	if len(imported.Result) != 1 || imported.Result[0].New != 3 || imported.Result[0].Path != handles[".csv"] {
		t.Fatalf("import: %+v", imported)
	}
	if n := pc.orders(t); n != 503 {
		t.Fatalf("%d orders, want 503", n)
	}
	var sheet struct {
		Result struct {
			Path   string
			Sheet  string
			Header []string
			Error  string
		}
	}
	callOK(callBody("app.ImportService.SheetHeader", handles[".xlsx"], "订单"), &sheet)
	if sheet.Result.Path != handles[".xlsx"] || sheet.Result.Sheet != "订单" || len(sheet.Result.Header) == 0 || sheet.Result.Header[0] != "单号" {
		t.Fatalf("another sheet: %+v", sheet.Result)
	}
	var exported struct{ Result struct{ URL string } }
	callOK(callBody("app.AnomalyService.Export", map[string]any{}), &exported)
	if resp, body := pc.send(t, req{path: exported.Result.URL}); resp.StatusCode != 200 || !strings.HasPrefix(body, "PK") {
		t.Fatalf("download: HTTP %d", resp.StatusCode)
	}
	if resp, body := pc.send(t, req{path: "/api/events"}); resp.StatusCode != 200 || !strings.HasPrefix(body, ": connected") {
		t.Fatalf("events: HTTP %d %q", resp.StatusCode, body)
	}
}
