#!/usr/bin/env bash
# whosaid report's page as a reader sees it: rendered in headless Chromium, a screenshot kept
# (tests/e2e/out/report.png, the CI artifact), and its tables and charts checked against the JSON
# output for the same articles. The archive is the BBC set when ../shared is present, otherwise the
# fictional test archive. Needs chromium (installed by .ci/editors.sh on CI); skipped, and said so,
# when there is none.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${WHOSAID_BIN:-./target/release/whosaid}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "report-page: SKIPPED: no chromium on this machine (apt-get install chromium)"
    exit 0
fi
if [ -f ../shared/data/bbc/articles.jsonl ]; then
    set -- --group-by category ../shared/data/bbc/articles.jsonl
else
    echo "report-page: ../shared is absent; using the fictional archive tests/fixtures/report"
    set -- tests/fixtures/report
fi
out=tests/e2e/out
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" report --format json --html "$tmp/report.html" "$@" > "$tmp/report.json"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$tmp/profile")
"$browser" "${flags[@]}" --window-size=1100,1800 --screenshot="$PWD/$out/report.png" "file://$tmp/report.html" 2>"$tmp/chromium.log" ||
    { cat "$tmp/chromium.log"; exit 1; }
"$browser" "${flags[@]}" --dump-dom "file://$tmp/report.html" > "$tmp/rendered.html" 2>>"$tmp/chromium.log"
test -s "$out/report.png" || { cat "$tmp/chromium.log"; echo "report-page: Chromium wrote no screenshot"; exit 1; }
python3 scripts/report/check_page.py "$tmp/rendered.html" "$tmp/report.json"
echo "report-page: screenshot in $out/report.png"
