#!/usr/bin/env bash
# Installs everything Shopdesk needs to build, run and test on Debian 12, idempotently.
# Safe to run again: each step checks first. Usage: scripts/setup.sh [apt|go|npm|all]
set -euo pipefail
cd "$(dirname "$0")/.."

WAILS_VERSION=v2.16.0
SQLC_VERSION=v1.31.1
GOBIN="$(go env GOPATH)/bin"
export PATH="$GOBIN:$PATH"

APT_PACKAGES=(
  build-essential pkg-config            # cgo for the Wails window and sqlc
  libgtk-3-dev libwebkit2gtk-4.1-dev    # the Linux window (wails -tags webkit2_41)
  chromium                              # end-to-end tests and print-to-PDF (never a downloaded browser)
  xvfb xauth x11-apps imagemagick       # native smoke test: window under Xvfb, screenshot
  dbus-daemon                           # native smoke test: dbus-run-session (the single instance lock)
  unzip                                 # e2e: reads the cells of an exported xlsx
  poppler-utils                         # PDF -> PNG for print checks
  fonts-noto-cjk                        # Chinese glyphs in screenshots and PDFs
  sqlite3                               # reference figure for the import benchmark
  file                                  # checks the Windows exe is a PE32+ binary
  nsis                                  # Windows installer (wails build -nsis)
)

need_apt() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing apt packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

need_go_tools() {
  if ! "$GOBIN/wails" version 2>/dev/null | grep -q "${WAILS_VERSION}"; then
    echo "setup: installing wails ${WAILS_VERSION}"
    go install "github.com/wailsapp/wails/v2/cmd/wails@${WAILS_VERSION}"
  fi
  if ! "$GOBIN/sqlc" version 2>/dev/null | grep -q "${SQLC_VERSION}"; then
    echo "setup: installing sqlc ${SQLC_VERSION} (compiles the PostgreSQL parser once: a few minutes)"
    go install "github.com/sqlc-dev/sqlc/cmd/sqlc@${SQLC_VERSION}"
  fi
}

need_npm() {
  # npm ci only when the lock changed since the last install.
  local stamp=frontend/node_modules/.shopdesk-lock
  if [ ! -f "$stamp" ] || ! cmp -s frontend/package-lock.json "$stamp"; then
    echo "setup: npm ci in frontend/"
    (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
    cp frontend/package-lock.json "$stamp"
  fi
}

case "${1:-all}" in
  apt) need_apt ;;
  go) need_go_tools ;;
  npm) need_npm ;;
  all) need_apt; need_go_tools; need_npm ;;
  *) echo "usage: $0 [apt|go|npm|all]" >&2; exit 2 ;;
esac
