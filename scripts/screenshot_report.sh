#!/usr/bin/env bash
# Screenshot an HTML report with headless Chromium, to see what a reader sees.
#   scripts/screenshot_report.sh REPORT.html OUT.png [WIDTH]
# WIDTH defaults to 390 (a phone); the height is 3 screens so more than the header shows.
# Uses a fresh profile in a temp dir and no network features, so it runs offline.
set -euo pipefail

if [ "$#" -lt 2 ] || [ "$#" -gt 3 ]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTH]" >&2
  exit 2
fi
report=$1
out=$2
width=${3:-390}
case $width in
  '' | *[!0-9]*) echo "$0: WIDTH must be a number of pixels, got '$width'" >&2; exit 2 ;;
esac
if [ ! -f "$report" ]; then
  echo "$0: no such report file: $report" >&2
  exit 1
fi
browser=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$browser" ]; then
  echo "$0: $browser not found; install Debian's chromium (scripts/install_browser.sh)" \
       "or set CHROMIUM=/path/to/chromium" >&2
  exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
report_url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
out_abs="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
height=$((width < 800 ? 2532 : 1600))

"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
  --user-data-dir="$profile" --window-size="${width},${height}" \
  --screenshot="$out_abs" "$report_url" >/dev/null 2>&1
if [ ! -s "$out_abs" ]; then
  echo "$0: chromium wrote no screenshot to $out" >&2
  exit 1
fi
echo "$out"
