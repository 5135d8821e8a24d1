#!/usr/bin/env bash
# The HTML views of the samples as PNGs, to look at: bash bench/screenshot.sh [OUT_DIR]
# Writes index-1280.png, index-390.png (the folder's index) and article-1280.png, article-390.png
# (the sample digest's page, down to the end of its first article's fact tables, or 9,999 pixels,
# the tallest window Chromium takes) into OUT_DIR
# (default bench/results). Needs Chromium (Debian: apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench/results}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kzfacts extract samples/ --format html --output-dir "$work/pages" --quiet
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile")

# where the page's second article starts at a width: the first article with its tables ends there
first_article_height() {
    cat > "$work/pages/measure.html" <<EOF
<!DOCTYPE html><body style="margin:0"><iframe id="f" src="kazakhstan_digest.html" width="$1" height="844"></iframe>
<script>f.onload = () => { const next = f.contentDocument.getElementById("article-1");
document.body.dataset.height = Math.ceil(next ? next.getBoundingClientRect().top : f.contentDocument.documentElement.scrollHeight); };
</script></body>
EOF
    chromium "${flags[@]}" --allow-file-access-from-files --virtual-time-budget=3000 --dump-dom \
        "file://$work/pages/measure.html" 2>/dev/null | sed -n 's/.*data-height="\([0-9]*\)".*/\1/p'
}

for width in 1280 390; do
    height=$([ "$width" = 390 ] && echo 844 || echo 800)  # a phone's screen; a laptop's
    chromium "${flags[@]}" --window-size="$width,$height" --screenshot="$out/index-$width.png" \
        "file://$work/pages/index.html" 2>/dev/null
    article=$(first_article_height "$width")
    chromium "${flags[@]}" --window-size="$width,$((article < 9999 ? article : 9999))" \
        --screenshot="$out/article-$width.png" "file://$work/pages/kazakhstan_digest.html" 2>/dev/null
    echo "$out/index-$width.png $out/article-$width.png"
done
