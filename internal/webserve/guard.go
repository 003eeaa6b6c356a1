package webserve

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"html"
	"io"
	"log"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// What stands between the services and any web page the seller's browser opens (issue 15):
//
//   - a secret token per run, in the URL `shopdesk serve` prints, kept in a cookie and
//     required on every request (pages, calls, events, uploads, downloads): a page on
//     another site cannot know it;
//   - Host must be the address served (or localhost when serving on loopback): a name of
//     the attacker's that resolves to 127.0.0.1 (DNS rebinding) is refused;
//   - Origin, when the browser sends one, must be the served origin: a page on another
//     port of this PC (same site, so it gets the cookie) is refused;
//   - calls only by POST with a JSON body (see handleCall): a form cannot send one.

// NewToken returns a fresh random token (128 bits, hex).
func NewToken() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b[:])
}

// TokenParam is the query parameter of the printed URL that carries the token.
const TokenParam = "token"

// allowedHosts lists the Host values (host:port, lower case) that name the served address.
// On loopback also localhost and the other loopback address; on every interface (--lan
// with 0.0.0.0) each address of this PC.
func allowedHosts(addr string) (map[string]bool, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	hosts := map[string]bool{}
	add := func(h string) { hosts[strings.ToLower(net.JoinHostPort(h, port))] = true }
	ip := net.ParseIP(host)
	switch {
	case ip == nil:
		add(host)
	case ip.IsLoopback():
		add(ip.String())
		add("localhost")
		add("127.0.0.1")
		add("::1")
	case ip.IsUnspecified():
		add("localhost")
		addrs, err := net.InterfaceAddrs()
		if err != nil {
			return nil, err
		}
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok {
				add(n.IP.String())
			}
		}
	default:
		add(ip.String())
	}
	return hosts, nil
}

// cookieName is per port: cookies do not tell ports apart, and two servers on one PC
// (a test run beside the seller's) must not overwrite each other's token.
func cookieName(addr string) string {
	_, port, _ := net.SplitHostPort(addr)
	return "shopdesk_token_" + port
}

// guard checks Host, Origin and the token before next sees a request, and sets the
// headers every answer carries.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY") // no page may frame the app (clickjacking)
		h.Set("Content-Security-Policy", "frame-ancestors 'none'")
		h.Set("Referrer-Policy", "no-referrer")
		if !s.hosts[strings.ToLower(r.Host)] {
			s.refuse(w, r, http.StatusForbidden, "这个地址不是店务台服务的地址：请用 shopdesk serve 打印的地址打开")
			return
		}
		if o := r.Header.Get("Origin"); o != "" && !strings.EqualFold(o, "http://"+r.Host) {
			s.refuse(w, r, http.StatusForbidden, "拒绝了来自其他网页的请求：请直接打开 shopdesk serve 打印的地址")
			return
		}
		if t := r.URL.Query().Get(TokenParam); t != "" && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			if !s.tokenOK(t) {
				s.refuse(w, r, http.StatusUnauthorized, "访问令牌不对：请用这次运行 shopdesk serve 时打印的完整地址打开（每次启动令牌都会变）")
				return
			}
			// Keep the token in a cookie and take it out of the address bar (and history).
			http.SetCookie(w, &http.Cookie{Name: s.cookie, Value: t, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			q := r.URL.Query()
			q.Del(TokenParam)
			to := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
			http.Redirect(w, r, to.String(), http.StatusSeeOther)
			return
		}
		c, err := r.Cookie(s.cookie)
		if err != nil || !s.tokenOK(c.Value) {
			s.refuse(w, r, http.StatusUnauthorized, "需要访问令牌：请用 shopdesk serve 打印的完整地址（带 ?token=…）打开")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) tokenOK(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
}

// refuse answers a refused request: JSON for the API (the shim shows the message), a
// small Chinese page for anything a person opens.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, status int, msg string) {
	log.Printf("serve: refused %s %s (Host %q, Origin %q): %d", r.Method, r.URL.Path, r.Host, r.Header.Get("Origin"), status)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeError(w, status, msg)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, refusalPage, html.EscapeString(msg))
}

// isJSON tells whether the request body is declared JSON. A cross-origin page can send
// text/plain, form or multipart bodies without asking; JSON it cannot, without a CORS
// preflight this server never answers.
func isJSON(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == "application/json"
}

// onlyMethod refuses other methods with a Chinese 405 (ServeMux's own is English).
func onlyMethod(method string, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != method && !(method == http.MethodGet && r.Method == http.MethodHead) {
			w.Header().Set("Allow", method)
			writeError(w, http.StatusMethodNotAllowed, "这个地址只接受 "+method+" 请求")
			io.Copy(io.Discard, io.LimitReader(r.Body, 1<<16))
			return
		}
		next(w, r)
	}
}

// refusalPage is what a person sees when the server refuses to open: the reason, and where
// the right address is.
const refusalPage = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>店务台</title>
<style>body{margin:0;background:#f5f6f8;font:15px/1.7 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f1f1f}
main{max-width:560px;margin:12vh auto;background:#fff;border-radius:8px;padding:28px 32px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:20px;margin:0 0 12px;color:#1677ff}p{margin:8px 0}.hint{color:#666;font-size:13px}</style>
<main><h1>店务台</h1><p>%s</p>
<p class="hint">完整地址在运行 shopdesk serve 的窗口里，形如 http://127.0.0.1:34115/?token=…；每次启动都会变。</p></main></html>`
