#!/usr/bin/env bash
# The HTML reading view of the sample digest as a PNG, to look at: bash bench/screenshot.sh [OUT.png]
# Needs Chromium (Debian: apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench/results/digest.png}
mkdir -p "$(dirname "$out")"
page=$(mktemp -d)
kzfacts extract samples/kazakhstan_digest.txt --format html > "$page/digest.html"
for width in 1280 390; do
    shot="${out%.png}-$width.png"
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$page/profile" --window-size=$width,2400 \
        --screenshot="$shot" "file://$page/digest.html" 2>/dev/null
    echo "$shot"
done
