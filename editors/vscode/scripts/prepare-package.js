// Before `vsce package`: start from an empty out/ (no stale build in the package), and copy the
// whosaid program into bin/ so the .vsix works with no separate install.
// Source: $WHOSAID_BIN, else the workspace's newest build of what users install: the `dist`
// profile (`cargo build --profile dist`), else the release build. Missing is fine: the extension
// then looks for `whosaid` on PATH.
const fs = require('fs');
const path = require('path');

const exe = process.platform === 'win32' ? 'whosaid.exe' : 'whosaid';
const root = path.resolve(__dirname, '..', '..', '..');
const built = ['dist', 'release']
  .map((profile) => path.join(root, 'target', profile, exe))
  .filter((p) => fs.existsSync(p))
  .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
const from = process.env.WHOSAID_BIN || built[0] || path.join(root, 'target', 'dist', exe);
const binDir = path.resolve(__dirname, '..', 'bin');
fs.rmSync(path.resolve(__dirname, '..', 'out'), { recursive: true, force: true });
fs.rmSync(binDir, { recursive: true, force: true });
if (!fs.existsSync(from)) {
  console.log(`prepare-package: ${from} not found; packaging without a bundled server (run \`cargo build --profile dist\` first to bundle it)`);
  process.exit(0);
}
fs.mkdirSync(binDir, { recursive: true });
fs.copyFileSync(from, path.join(binDir, exe));
fs.chmodSync(path.join(binDir, exe), 0o755);
console.log(`prepare-package: bundled ${from} (${fs.statSync(from).size} bytes)`);
