// Before `vsce package`: start from an empty out/ (no stale build in the package), and copy the
// whosaid program into bin/ so the .vsix works with no separate install.
// Source: $WHOSAID_BIN, else the workspace's release build. Missing is fine: the extension then
// looks for `whosaid` on PATH.
const fs = require('fs');
const path = require('path');

const exe = process.platform === 'win32' ? 'whosaid.exe' : 'whosaid';
const root = path.resolve(__dirname, '..', '..', '..');
const from = process.env.WHOSAID_BIN || path.join(root, 'target', 'release', exe);
const binDir = path.resolve(__dirname, '..', 'bin');
fs.rmSync(path.resolve(__dirname, '..', 'out'), { recursive: true, force: true });
fs.rmSync(binDir, { recursive: true, force: true });
if (!fs.existsSync(from)) {
  console.log(`prepare-package: ${from} not found; packaging without a bundled server (run \`cargo build --release\` first to bundle it)`);
  process.exit(0);
}
fs.mkdirSync(binDir, { recursive: true });
fs.copyFileSync(from, path.join(binDir, exe));
fs.chmodSync(path.join(binDir, exe), 0o755);
console.log(`prepare-package: bundled ${from}`);
