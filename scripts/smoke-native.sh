#!/usr/bin/env bash
# Native smoke test: run the real desktop binary under Xvfb on a fresh demo database,
# screenshot the screen and check the window is there and not blank. Then start it a
# second time on the same database with an export file: the second start must hand the
# file to the first window and exit (single instance lock, over the D-Bus session bus),
# and the first window must preview the file (a second screenshot).
# Usage: scripts/smoke-native.sh build/bin/shopdesk [out.png]
set -euo pipefail
bin=$(realpath "$1")
out=${2:-build/bin/smoke-native.png}
second_out=${out%.png}-second-start.png
csv=$(realpath "$(dirname "$0")/../testdata/exports/ExportOrderList202611211800.csv")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"
cp "$csv" "$work/"

# Xvfb + the app + a screenshot after the UI had time to load. WebKit's sandbox and GPU
# paths do not work in Xvfb as root; these switches are for this test only. The single
# instance lock needs a D-Bus session bus: dbus-run-session gives the test one.
export WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS=1
export LIBGL_ALWAYS_SOFTWARE=1 NO_AT_BRIDGE=1
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -u
  "$1" --db "$2/smoke.db" --demo >"$2/app.log" 2>&1 &
  app=$!
  for i in $(seq 1 40); do
    sleep 1
    if ! kill -0 $app 2>/dev/null; then echo "the app exited early:"; cat "$2/app.log"; exit 1; fi
    # wait until the window shows (Wails starts hidden and shows on DOM ready) and has drawn
    if [ $i -ge 8 ] && xwininfo -root -tree 2>/dev/null | grep -q "店务台"; then break; fi
  done
  sleep 3
  import -window root "$3"

  # The second start, from the folder of the file, with a relative path.
  ( cd "$2" && timeout 30 "$1" --db "$2/smoke.db" ExportOrderList202611211800.csv >"$2/second.log" 2>&1 ); code=$?
  if [ $code -eq 124 ]; then echo "the second start did not exit (a second window?):"; cat "$2/second.log"; kill $app; exit 1; fi
  if ! kill -0 $app 2>/dev/null; then echo "the first window went away:"; cat "$2/app.log"; exit 1; fi
  for i in $(seq 1 20); do
    sleep 1
    grep -q "界面接过 1 个从外面交来的文件" "$2/app.log" && break
  done
  sleep 3
  import -window root "$4"
  windows=$(xwininfo -root -tree 2>/dev/null | grep -c "\"店务台 Shopdesk\"" || true)
  kill $app; wait $app 2>/dev/null || true
  grep -q "又启动了一次（同一个数据库），交来 1 个文件" "$2/app.log" || { echo "the first window was not told of the second start:"; cat "$2/app.log"; exit 1; }
  grep -q "界面接过 1 个从外面交来的文件：\[$2/ExportOrderList202611211800.csv\]" "$2/app.log" || { echo "the UI did not take the file:"; cat "$2/app.log"; exit 1; }
  [ "$windows" -eq 1 ] || { echo "$windows windows after the second start, want 1"; exit 1; }
  echo "native smoke: the second start exited (code $code) and handed its file to the first window"
' _ "$bin" "$work" "$out" "$second_out"

for png in "$out" "$second_out"; do
  colours=$(/usr/bin/convert "$png" -format %k info:)
  echo "native smoke: screenshot $png has $colours colours"
  if [ "$colours" -lt 50 ]; then
    echo "native smoke: the window looks blank (fewer than 50 colours)" >&2
    exit 1
  fi
done
