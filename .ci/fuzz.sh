#!/usr/bin/env bash
# Run each fuzz target briefly (FUZZ_SECONDS, default 60) from its seeds; fail on a crash.
# Skips (exit 0, with a message) when cargo-fuzz or libFuzzer cannot be built here, e.g. offline.
set -u
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-60}"
TARGETS="engine documents config"
export RUSTC_BOOTSTRAP=1

skip() {
    echo "fuzz.sh: SKIPPED — $1. The fuzz targets were not run." >&2
    exit 0
}

if ! cargo fuzz --help >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked >/dev/null 2>&1 || skip "cargo-fuzz is not installed and cannot be installed (no network?)"
fi
mkdir -p fuzz/corpus
if ! (cd fuzz && nice -n 19 cargo fuzz build -O) >fuzz/corpus/build.log 2>&1; then
    # A compile error in our code is a failure; a missing toolchain piece or crate is a skip.
    if grep -qE "^error\[E[0-9]+\]|could not compile \`(whosaid|whosaid-fuzz)\`" fuzz/corpus/build.log; then
        tail -n 30 fuzz/corpus/build.log >&2
        echo "fuzz.sh: FAILED: the fuzz targets do not compile" >&2
        exit 1
    fi
    tail -n 5 fuzz/corpus/build.log >&2
    skip "the fuzz targets cannot be built on this machine (libFuzzer needs a C++ compiler, crates need the network)"
fi

failed=""
for t in $TARGETS; do
    mkdir -p "fuzz/corpus/$t"
    cp -n fuzz/seeds/"$t"/* "fuzz/corpus/$t/" 2>/dev/null
    echo "fuzz.sh: $t for ${SECONDS_EACH}s" >&2
    log="fuzz/corpus/$t.log"
    if (cd fuzz && nice -n 19 cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$SECONDS_EACH" -max_len=4096 >"../$log" 2>&1); then
        grep -E "^Done [0-9]+ runs" "$log" >&2 || tail -n 1 "$log" >&2
    else
        echo "fuzz.sh: $t FOUND A CRASH:" >&2
        grep -E "panicked|ERROR|artifact_prefix|Test unit written" "$log" >&2
        failed="$failed $t"
    fi
done
if [ -n "$failed" ]; then
    echo "fuzz.sh: FAILED:$failed (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz.sh: all targets ran ${SECONDS_EACH}s without a crash" >&2
