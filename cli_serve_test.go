package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run this very binary as the shopdesk command (SHOPDESK_RUN_MAIN=1),
// to send it real signals.
func TestMain(m *testing.M) {
	if os.Getenv("SHOPDESK_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// servedLine is the line `serve` prints: the address with this run's token.
var servedLine = regexp.MustCompile(`serving on (http://[0-9.:]+/)\?token=([0-9a-f]{32}) `)

// browser opens the printed address as a browser does (the token becomes a cookie) and
// returns a client that carries it, and the base address.
func browser(t *testing.T, line string) (*http.Client, string) {
	t.Helper()
	m := servedLine.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("no address with a token in %q", line)
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	resp, err := c.Get(m[1] + "?token=" + m[2])
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// 503: the UI is not built in this checkout (go test does not need it); the server answered
	if (resp.StatusCode != 200 && resp.StatusCode != 503) || resp.Request.URL.RawQuery != "" {
		t.Fatalf("opening the printed address: HTTP %d at %s", resp.StatusCode, resp.Request.URL)
	}
	return c, m[1]
}

func upload(t *testing.T, c *http.Client, base, name string, data []byte) []string {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	w, _ := mw.CreateFormFile("files", name)
	w.Write(data)
	mw.Close()
	resp, err := c.Post(base+"api/upload", mw.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var up struct{ Handles []string }
	json.NewDecoder(resp.Body).Decode(&up)
	if resp.StatusCode != 200 || len(up.Handles) != 1 {
		t.Fatalf("upload: HTTP %d %+v", resp.StatusCode, up)
	}
	return up.Handles
}

func post(t *testing.T, c *http.Client, base, name string, args []any, out any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"name": name, "args": args})
	resp, err := c.Post(base+"api/call", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatal(err)
	}
}

// serve answers the bound services over HTTP to the browser holding the token: upload a
// file, import it, list the orders.
func TestServeCommand(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--db", filepath.Join(dir, "s.db"), "serve", "--addr", "127.0.0.1:0"}, pw, io.Discard, noWindow(t))
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	c, base := browser(t, line)
	if resp, err := http.Get(base); err != nil || resp.StatusCode != 401 {
		t.Fatalf("without the token: %v %v", resp, err)
	}

	data, _ := os.ReadFile(taobaoFile(t, dir, "x.csv", "交易成功", "买家已付款，等待卖家发货", "交易关闭"))
	handles := upload(t, c, base, "ExportOrderList.csv", data)
	var imported struct {
		Result []struct {
			File  string
			New   int
			Error string
		}
	}
	post(t, c, base, "app.ImportService.ImportFiles", []any{handles, []int64{0}}, &imported)
	if len(imported.Result) != 1 || imported.Result[0].New != 3 || imported.Result[0].File != "ExportOrderList.csv" {
		t.Fatalf("import over HTTP: %+v", imported)
	}
	var page struct {
		Result struct {
			Rows  []struct{ OrderNo, Status string }
			Total int
		}
	}
	post(t, c, base, "app.OrderService.List", []any{map[string]any{"status": "to_ship", "limit": 10}}, &page)
	if page.Result.Total != 1 || len(page.Result.Rows) != 1 || page.Result.Rows[0].Status != "to_ship" {
		t.Fatalf("list over HTTP: %+v", page)
	}
	var info struct{ Result struct{ Mode string } }
	post(t, c, base, "app.SystemService.Info", []any{}, &info)
	if info.Result.Mode != "browser" {
		t.Fatalf("info: %+v", info)
	}
	var picked struct{ Error string }
	post(t, c, base, "app.ImportService.PickFiles", []any{}, &picked)
	if !strings.Contains(picked.Error, "浏览器模式") {
		t.Fatalf("PickFiles in browser mode: %+v", picked)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve exit %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// An address other computers can reach needs --lan; with it the addresses and the token
// are printed.
func TestServeLAN(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "s.db")
	for _, addr := range []string{"0.0.0.0:0", ":0"} {
		code, out, errOut := runCLI(t, "--db", dbPath, "serve", "--addr", addr)
		if code != 2 || !strings.Contains(errOut, "--lan") || !strings.Contains(errOut, "局域网") || out != "" {
			t.Fatalf("serve --addr %s without --lan: %d %q %q", addr, code, out, errOut)
		}
	}
	if _, err := os.Stat(dbPath); err == nil {
		t.Fatal("the refused serve opened the database")
	}

	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--db", dbPath, "serve", "--addr", "0.0.0.0:0", "--lan"}, pw, io.Discard, noWindow(t))
		pw.Close()
	}()
	r := bufio.NewReader(pr)
	first, _ := r.ReadString('\n')
	second, _ := r.ReadString('\n')
	go io.Copy(io.Discard, r)
	if !servedLine.MatchString(first) || !strings.Contains(second, "局域网模式") || !strings.Contains(second, "令牌") {
		t.Fatalf("serve --lan printed %q %q", first, second)
	}
	c, base := browser(t, first)
	var info struct{ Result struct{ Mode string } }
	post(t, c, base, "app.SystemService.Info", []any{}, &info)
	if info.Result.Mode != "browser" {
		t.Fatalf("info over the LAN address: %+v", info)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("serve --lan exit %d", code)
	}
}

// The uploads go on any way serve ends (SIGINT, SIGTERM, SIGHUP), and a run that died
// (kill -9) leaves a folder the next run removes.
func TestServeRemovesUploads(t *testing.T) {
	tmp := t.TempDir()
	csv, _ := os.ReadFile(taobaoFile(t, t.TempDir(), "x.csv", "交易成功"))
	uploadFolders := func() []string {
		m, _ := filepath.Glob(filepath.Join(tmp, "shopdesk-uploads-*"))
		return m
	}
	startServe := func(t *testing.T) (*exec.Cmd, *http.Client, string) {
		t.Helper()
		cmd := exec.Command(os.Args[0], "--db", filepath.Join(tmp, "s.db"), "serve", "--addr", "127.0.0.1:0")
		cmd.Env = append(os.Environ(), "SHOPDESK_RUN_MAIN=1", "TMPDIR="+tmp)
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil {
			t.Fatalf("serve printed nothing: %v", err)
		}
		go io.Copy(io.Discard, stdout)
		c, base := browser(t, line)
		upload(t, c, base, "ExportOrderList.csv", csv)
		return cmd, c, base
	}

	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd, _, _ := startServe(t)
			if n := len(uploadFolders()); n != 1 {
				t.Fatalf("%d upload folders while serving, want 1", n)
			}
			cmd.Process.Signal(sig)
			if err := cmd.Wait(); err != nil {
				t.Fatalf("serve after %v: %v", sig, err)
			}
			if left := uploadFolders(); len(left) != 0 {
				t.Fatalf("uploads left after %v: %v", sig, left)
			}
		})
	}

	t.Run("killed", func(t *testing.T) {
		cmd, _, _ := startServe(t)
		cmd.Process.Kill() // SIGKILL: nothing runs
		cmd.Wait()
		left := uploadFolders()
		if len(left) != 1 || !strings.Contains(left[0], "-"+strconv.Itoa(cmd.Process.Pid)+"-") {
			t.Fatalf("after kill -9: %v", left)
		}
		next, _, _ := startServe(t)
		for _, f := range uploadFolders() {
			if f == left[0] {
				t.Fatalf("the dead run's uploads are still there: %s", f)
			}
		}
		next.Process.Signal(syscall.SIGTERM)
		next.Wait()
	})
}
