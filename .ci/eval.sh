#!/usr/bin/env bash
# Accuracy floor: score the release build on PolNeAR dev and fail if any figure in
# .ci/eval-floor.json fell below its floor. Skips (exit 0) when the data is not on this machine.
# After an improvement, raise the floors (they never go down) with:
#   ./target/release/whosaid eval ../shared/data/polnear/dev.jsonl --raise-floor .ci/eval-floor.json
set -euo pipefail
cd "$(dirname "$0")/.."
gold=../shared/data/polnear/dev.jsonl
if [ ! -f "$gold" ]; then
    echo "eval: $gold not found; skipping the accuracy floor check"
    exit 0
fi
cargo build --release --quiet
# The comparison is done by the binary itself (--floor); it names every metric that fell.
./target/release/whosaid eval "$gold" --floor .ci/eval-floor.json
