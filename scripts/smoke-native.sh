#!/usr/bin/env bash
# Native smoke test: run the real desktop binary under Xvfb on a fresh demo database,
# screenshot the screen and check the window is there and not blank.
# Usage: scripts/smoke-native.sh build/bin/shopdesk [out.png]
set -euo pipefail
bin=$(realpath "$1")
out=${2:-build/bin/smoke-native.png}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"

# Xvfb + the app + a screenshot after the UI had time to load. WebKit's sandbox and GPU
# paths do not work in Xvfb as root; these switches are for this test only.
export WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS=1
export LIBGL_ALWAYS_SOFTWARE=1 NO_AT_BRIDGE=1
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
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
  kill $app; wait $app 2>/dev/null || true
' _ "$bin" "$work" "$out"

colours=$(/usr/bin/convert "$out" -format %k info:)
echo "native smoke: screenshot $out has $colours colours"
if [ "$colours" -lt 50 ]; then
  echo "native smoke: the window looks blank (fewer than 50 colours)" >&2
  exit 1
fi
