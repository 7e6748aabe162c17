#!/usr/bin/env bash
# Open the demo report in a real browser (headless Chromium) and save what it
# shows as docs/rapport.png, the screenshot in the README.
#
#   make demo && scripts/screenshot.sh [target/demo/rapport.html] [docs/rapport.png]
#
# Needs Chromium (Debian: apt-get install -y chromium). Not part of `make test`.
set -euo pipefail
html="${1:-target/demo/rapport.html}"
png="${2:-docs/rapport.png}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    echo "screenshot: Chromium is not installed (apt-get install -y chromium)" >&2
    exit 1
fi
[ -f "$html" ] || { echo "screenshot: $html not found; run 'make demo' first" >&2; exit 1; }
mkdir -p "$(dirname "$png")"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=1280,2000 --screenshot="$png" "file://$(realpath "$html")" 2>/dev/null
echo "screenshot: $png"
