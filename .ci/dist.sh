#!/usr/bin/env bash
# What a user installs stays lean: the README's install, `cargo install --path . --locked
# --profile dist`, gives a binary within its size budget (so does the plain release build), and
# `cargo package` holds the sources the crate needs and nothing else (no tests, editors,
# benchmarks or samples). Builds the `dist` profile into target/dist, which the editor tests and
# the VS Code package then use.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN_MAX=$((6 * 1024 * 1024))
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

start=$(date +%s)
# Builds in the workspace's target/dist (reused by .ci/editors.sh).
cargo install --path . --locked --profile dist --root "$root" --quiet
bytes=$(stat -c %s "$root/bin/whosaid")
"$root/bin/whosaid" --version
echo "installed binary (dist profile): $bytes bytes, built in $(($(date +%s) - start)) s (budget $BIN_MAX)"
release=$(stat -c %s target/release/whosaid 2>/dev/null || echo 0)
echo "release build: $release bytes"
for b in "$bytes" "$release"; do
  if [ "$b" -gt "$BIN_MAX" ]; then
    echo "dist.sh: a whosaid binary is $b bytes, over the $BIN_MAX-byte budget" >&2
    exit 1
  fi
done

list=$(cargo package --list --locked --allow-dirty 2>/dev/null)
echo "cargo package holds $(echo "$list" | wc -l) files"
fail=0
# Here-strings, not `echo | grep -q`: grep -q exits at its first match, and under pipefail the
# echo it cut off (SIGPIPE) failed the check now and then.
for needed in Cargo.toml Cargo.lock README.md LICENSE src/main.rs src/lib.rs src/analysis/lexicon/NOTICE.md docs/rules.md; do
  grep -qx "$needed" <<<"$list" || { echo "dist.sh: the package lacks $needed" >&2; fail=1; }
done
grep -q '^src/analysis/lexicon/.*\.tsv$' <<<"$list" || { echo "dist.sh: the package lacks the lexicon word lists" >&2; fail=1; }
unwanted=$(grep -E '^(tests|editors|benches|examples|fuzz|samples|scripts|\.ci)/' <<<"$list" || true)
if [ -n "$unwanted" ]; then
  echo "dist.sh: the package holds files the crate does not need:" >&2
  echo "$unwanted" | head -20 >&2
  fail=1
fi
exit "$fail"
