// End-to-end test of the whosaid VS Code extension in real VS Code (code-server) and Debian's
// headless Chromium, driven with playwright-core (never a downloaded browser).
//
//   CODE_SERVER=.ci/.cache/code-server/node_modules/.bin/code-server \
//   VSIX=editors/vscode/whosaid.vsix node tests/e2e/vscode/drive.mjs
//
// Installs the packaged extension, opens the fixture article and checks what a person sees: the
// Problems count, the hover over a quote, the inlay hints naming speakers, the status bar summary,
// the sources lens, and the Sources view (its sources and quotes; a click opens the quote).
// The extension's test hook (WHOSAID_E2E_OUT) writes VS Code's own view as JSON; the test checks
// the screen against it. Saves a screenshot to tests/e2e/out/vscode.png. Exits non-zero on a
// mismatch; always stops code-server and the browser.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const env = process.env;
const CODE_SERVER = path.resolve(env.CODE_SERVER || path.join(root, '.ci/.cache/code-server/node_modules/.bin/code-server'));
const VSIX = path.resolve(env.VSIX || path.join(root, 'editors/vscode/whosaid.vsix'));
const FIXTURE = path.resolve(env.WHOSAID_FIXTURE || path.join(root, 'tests/e2e/fixtures/article.txt'));
const OUT = path.resolve(env.WHOSAID_E2E_OUTDIR || path.join(root, 'tests/e2e/out'));
const CHROMIUM = env.CHROMIUM || '/usr/bin/chromium';
const WAIT = Number(env.WHOSAID_E2E_WAIT_MS || 60000);
const SCREENSHOT = path.join(OUT, 'vscode.png');

let passed = 0;
const log = (m) => console.log(m);
class Mismatch extends Error {}
function check(cond, msg) {
  if (!cond) throw new Mismatch(msg);
}
function ok(what) {
  passed += 1;
  log(`ok ${passed} - ${what}`);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, fn, ms = WAIT, every = 250) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await sleep(every);
  }
  throw new Mismatch(`timed out after ${ms} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ---- workspace, profile, extension -------------------------------------------------------

const work = path.join(OUT, 'vscode-work');
fs.rmSync(work, { recursive: true, force: true });
const dirs = {
  userData: path.join(work, 'user-data'),
  extensions: path.join(work, 'extensions'),
  workspace: path.join(work, 'newsroom'),
  api: path.join(work, 'api'),
  xdg: path.join(work, 'xdg'),
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
const article = path.join(dirs.workspace, 'article.txt');
fs.copyFileSync(FIXTURE, article);
// A quiet editor: no welcome page, tips, trust prompts, update checks or AI panels.
fs.writeFileSync(
  path.join(dirs.userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'chat.commandCenter.enabled': false,
      'chat.disableAIFeatures': true,
      'editor.inlayHints.enabled': 'on',
      'editor.hover.delay': 200,
      'editor.minimap.enabled': false,
      'editor.wordWrap': 'on',
      'editor.fontSize': 15,
      'workbench.colorTheme': 'Default Light Modern',
      'window.zoomLevel': 0,
      // A whosaid setting, to prove settings reach the server through workspace/configuration.
      'whosaid.speakers': [{ name: 'Elena Vasquez', role: 'mayor of Riverbend' }],
      'git.enabled': false,
      'git.openRepositoryInParentFolders': 'never',
      'editor.autoClosingQuotes': 'never',
      'editor.autoClosingBrackets': 'never',
      'editor.autoSurround': 'never',
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'editor.wordBasedSuggestions': 'off',
    },
    null,
    2,
  ),
);
const childEnv = {
  ...env,
  XDG_CONFIG_HOME: dirs.xdg,
  XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
  XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
  WHOSAID_E2E_OUT: dirs.api,
};
delete childEnv.VSCODE_IPC_HOOK_CLI; // never talk to an editor this test did not start
const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', path.join(work, 'config.yaml')];
fs.writeFileSync(path.join(work, 'config.yaml'), 'auth: none\ncert: false\n');

let server; // code-server, in its own process group
let browser;
async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  if (server && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
    const t = Date.now();
    while (server.exitCode === null && server.signalCode === null && Date.now() - t < 5000) await sleep(100);
    try {
      process.kill(-server.pid, 'SIGKILL'); // the extension host and whosaid too
    } catch {}
    fs.rmSync(path.join(OUT, 'code-server.pgid'), { force: true });
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => cleanup().finally(() => process.exit(130)));
}

async function main() {
  check(fs.existsSync(CODE_SERVER), `code-server not found at ${CODE_SERVER}`);
  check(fs.existsSync(VSIX), `extension package not found at ${VSIX} (run npm run package in editors/vscode)`);
  check(fs.existsSync(CHROMIUM), `no browser at ${CHROMIUM} (apt-get install chromium)`);
  const version = spawnSync(CODE_SERVER, ['--version'], { env: childEnv, encoding: 'utf8' }).stdout.trim();
  log(`vscode-e2e: code-server ${version}`);

  const inst = spawnSync(CODE_SERVER, [...common, '--install-extension', VSIX], { env: childEnv, encoding: 'utf8' });
  log(inst.stdout.trim());
  check(inst.status === 0, `--install-extension failed: ${inst.stderr}`);
  const installed = fs.readdirSync(dirs.extensions).filter((d) => d.startsWith('whosaid.whosaid-'));
  check(installed.length === 1, `extension not in ${dirs.extensions}: ${fs.readdirSync(dirs.extensions)}`);
  ok(`--install-extension installed ${installed[0]}`);

  const port = await freePort();
  const serverLog = fs.openSync(path.join(OUT, 'code-server.log'), 'w');
  server = spawn(
    CODE_SERVER,
    [
      ...common,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      dirs.workspace,
    ],
    { env: childEnv, detached: true, stdio: ['ignore', serverLog, serverLog] },
  );
  // Lets .ci/editors.sh stop code-server and its children if this script dies.
  fs.writeFileSync(path.join(OUT, 'code-server.pgid'), String(server.pid));
  const base = `http://127.0.0.1:${port}`;
  await until('code-server to answer', async () => (await fetch(`${base}/healthz`)).ok, 60000, 300);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  await page.goto(`${base}/?folder=${encodeURIComponent(dirs.workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: WAIT });

  // Open the article from the Explorer, as a person would.
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'article.txt' });
  await row.waitFor({ timeout: WAIT });
  await row.dblclick();
  await page.locator('.editor-instance .view-lines').first().waitFor({ timeout: WAIT });
  await page.locator('.view-lines', { hasText: 'Harlow Street' }).waitFor({ timeout: WAIT });
  ok('opened article.txt from the Explorer');

  await checks(page);
}

// ---- what VS Code knows (the extension's test hook) ----------------------------------------

const fixtureText = fs.readFileSync(FIXTURE, 'utf8');
const fixtureLines = fixtureText.split('\n');

/** Where `needle` is in the fixture: 0-based line, start and end character (ASCII lines). */
function find(needle, lines = fixtureLines) {
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i].indexOf(needle);
    if (c >= 0) return { line: i, col: c, endCol: c + needle.length };
  }
  throw new Mismatch(`fixture text not found: ${needle}`);
}

const covers = (d, at) =>
  (d.range.start.line < at.line || (d.range.start.line === at.line && d.range.start.character <= at.col)) &&
  (d.range.end.line > at.line || (d.range.end.line === at.line && d.range.end.character >= at.endCol));
const fmt = (d) =>
  `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${JSON.stringify(d.message)}`;

// Set in whosaid.speakers, so it can only show up if settings reach the server.
const ROLE = 'mayor of Riverbend';

const QUOTES = {
  vasquez: '"We cannot keep sending school buses over a bridge that is failing,"',
  brennan: '"This will cut my business in half,"',
  nair: '"We should have acted sooner,"',
  detour: '"The detour is a disaster for everyone on the east bank."',
};

// The hint after each quote; one attributed through a pronoun may read "he → Brennan".
const HINTS = [
  [['— Vasquez'], QUOTES.vasquez, ' said Mayor'],
  [['— Brennan', 'he → Brennan'], QUOTES.brennan, ' he said'],
  [['— Nair'], QUOTES.nair, ' Nair said'],
  [['— ?'], QUOTES.detour, ''],
];

function readApi(pred) {
  const file = path.join(dirs.api, 'vscode-api.json');
  if (!fs.existsSync(file)) return false;
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')).documents.find((x) => x.uri.endsWith('/article.txt'));
  return doc && pred(doc) ? doc : false;
}

function checkApi(api) {
  const all = api.diagnostics.map(fmt).join('\n  ');
  log(`diagnostics (VS Code API):\n  ${all}`);
  check(api.languageId === 'plaintext', `article opened as ${api.languageId}`);
  check(api.diagnostics.every((d) => d.source === 'whosaid'), `a diagnostic without source whosaid:\n  ${all}`);
  const has = (code, needle) => api.diagnostics.find((d) => d.code === code && covers(d, find(needle)));
  const exact = (code, needle) => {
    const at = find(needle);
    return api.diagnostics.find(
      (d) => d.code === code && d.range.start.line === at.line && d.range.end.line === at.line &&
        d.range.start.character === at.col && d.range.end.character === at.endCol,
    );
  };
  check(exact('unattributed-quote', QUOTES.detour), `no unattributed-quote on exactly the detour quote:\n  ${all}`);
  const passive = exact('agentless-passive', 'is widely seen as');
  check(passive, `no agentless-passive on exactly "is widely seen as":\n  ${all}`);
  check(exact('loaded-verb', 'admitted'), `no loaded-verb on exactly "admitted":\n  ${all}`);
  for (const q of [QUOTES.vasquez, QUOTES.brennan, QUOTES.nair]) {
    check(!has('unattributed-quote', q), `attributed quote flagged as unattributed: ${q}\n  ${all}`);
  }
  ok('VS Code has the diagnostics: unattributed-quote, agentless-passive, loaded-verb, where they belong');

  const hints = api.inlayHints.map((h) => `${h.position.line}:${h.position.character} ${h.label}`);
  log(`inlay hints (VS Code API): ${hints.join(', ')}`);
  for (const [labels, q] of HINTS) {
    const at = find(q);
    check(
      api.inlayHints.some((h) => labels.includes(h.label.trim()) && h.position.line === at.line && h.position.character === at.endCol),
      `no "${labels.join('" or "')}" inlay hint right after ${q}: ${hints.join(', ')}`,
    );
  }
  ok('VS Code has an inlay hint after each quote naming its speaker');

  const hv = api.hovers.find((h) => h.position.line === find(QUOTES.vasquez).line);
  check(hv && hv.texts.some((t) => t.includes('Vasquez') && t.includes('said')), `hover over the first quote: ${JSON.stringify(hv)}`);
  check(hv.texts.some((t) => t.includes(ROLE)), `hover lacks the role from the whosaid.speakers setting: ${JSON.stringify(hv)}`);
  ok('VS Code hover provider names the speaker, the role from whosaid.speakers, and the cue');

  const s = api.sources;
  check(s && s.unattributed === 1, `whosaid/sources: ${JSON.stringify(s)}`);
  const attributed = s.speakers.reduce((n, sp) => n + sp.quotes, 0);
  check(s.quotes === attributed + s.unattributed, `whosaid.sources counts do not add up: ${JSON.stringify(s)}`);
  const names = s.speakers.map((sp) => sp.name).sort();
  for (const n of ['Elena Vasquez', 'Priya Nair', 'Tom Brennan']) check(names.includes(n), `whosaid.sources lacks ${n}: ${names}`);
}

// ---- what a person sees --------------------------------------------------------------------

/** The editor's text as shown, view lines in screen order, inlay hints included. */
async function shownText(page) {
  const rows = await page.locator('.editor-instance .view-lines .view-line').evaluateAll((els) =>
    els.map((e) => ({ top: parseFloat(e.style.top) || 0, text: e.textContent.replace(/[\u00a0\u200a]/g, ' ') })),
  );
  return rows
    .sort((a, b) => a.top - b.top)
    .map((r) => r.text)
    .join('');
}

async function problemsCount(page) {
  const label = (await page.locator('[id="status.problems"]').getAttribute('aria-label')) || '';
  const nums = [...label.matchAll(/\d+/g)].map((m) => Number(m[0]));
  return { label, total: nums.reduce((a, b) => a + b, 0) };
}

async function checks(page) {
  let pane;
  // Wait for the whosaid.speakers setting to be applied too (it may come after the first
  // analysis); if it never is, check whatever arrived, for a precise message.
  const ready = (d) => d.diagnostics.length > 0 && d.inlayHints.length > 0 && d.sources;
  const api = await until(
    'the extension hook to report diagnostics and inlay hints',
    () => readApi((d) => ready(d) && d.sources.speakers.some((sp) => sp.role === ROLE)),
    WAIT,
  ).catch((e) => readApi(ready) || Promise.reject(e));
  checkApi(api);

  // Problems: the status bar count equals what VS Code holds, and the panel lists the rules.
  const problems = await until('the Problems count in the status bar', async () => {
    const p = await problemsCount(page);
    return p.total === api.diagnostics.length ? p : false;
  }, 15000).catch(async () => {
    throw new Mismatch(`status bar Problems "${(await problemsCount(page)).label}" != ${api.diagnostics.length} diagnostics`);
  });
  await page.locator('[id="status.problems"]').click();
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ timeout: WAIT });
  const rows = await until('the Problems panel rows', async () => {
    const t = await panel.locator('.monaco-list-row').allTextContents();
    return t.length >= api.diagnostics.length ? t : false;
  }, 15000);
  const panelText = rows.join('\n');
  for (const code of ['unattributed-quote', 'agentless-passive', 'loaded-verb']) {
    check(panelText.includes(code), `Problems panel does not show ${code}:\n${panelText}`);
  }
  ok(`Problems: ${problems.label} (${problems.total}), panel lists unattributed-quote, agentless-passive, loaded-verb`);

  // Inlay hints on screen, right after the closing quotation marks.
  const shown = await until('inlay hints on screen', async () => {
    const t = await shownText(page);
    return t.includes('— Vasquez') ? t : false;
  }, 15000);
  for (const [labels, q, after] of HINTS) {
    const expected = labels.map((label) => `${q.slice(-12)} ${label}${after ? ` ${after.trim()}` : ''}`);
    check(
      expected.some((e) => shown.replace(/ +/g, ' ').includes(e)),
      `the editor does not show «${expected.join('» or «')}»; it shows:\n${shown}`,
    );
  }
  ok('the editor shows the speakers\' names (and "— ?") right after the quotes');

  // Status bar summary from whosaid.sources.
  const statusItem = page.locator('[id="whosaid.whosaid.whosaid.status"]');
  const statusText = await until('the whosaid status bar item', async () => {
    const t = ((await statusItem.textContent()) || '').trim();
    return t.includes('speakers') ? t : false;
  }, 15000);
  const n = api.sources.speakers.length;
  const want = `${n} speaker${n === 1 ? '' : 's'} · ${api.sources.quotes} quotes · ${api.sources.unsourcedClaims} unsourced`;
  check(statusText === want, `status bar shows "${statusText}", expected "${want}"`);
  ok(`status bar: ${statusText}`);

  // Hover over the first quote, as a mouse would.
  const word = page.locator('.editor-instance .view-lines .view-line span span', { hasText: 'school' }).first();
  const box = await word.boundingBox();
  check(box, 'the first quote is not on screen');
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content');
  const hoverText = await until('the hover widget', async () => {
    await page.mouse.move(box.x + 5, box.y + box.height / 2);
    await sleep(150);
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
    const texts = await hover.allInnerTexts().catch(() => []);
    const t = texts.join('\n');
    return t.includes('Vasquez') ? t : false;
  }, 20000, 600);
  check(/said/.test(hoverText), `hover does not show the cue "said": ${hoverText}`);
  check(hoverText.includes(ROLE), `hover does not show the role set in whosaid.speakers: ${hoverText}`);
  log(`hover: ${hoverText.replace(/\s+/g, ' ').trim()}`);
  ok('hovering the first quote shows who said it and the cue');
  await sleep(300);
  await page.screenshot({ path: SCREENSHOT });
  log(`screenshot: ${SCREENSHOT}`);

  // "whosaid: Show Sources" from the Command Palette.
  await page.mouse.move(5, 400);
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: WAIT });
  await input.fill('>whosaid: Show Sources');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Sources' }).first().waitFor({ timeout: WAIT });
  await page.keyboard.press('Enter');
  const picks = await until('the sources list', async () => {
    const t = await page.locator('.quick-input-list .monaco-list-row').allTextContents();
    return t.some((x) => x.includes('Elena Vasquez')) ? t : false;
  }, 15000);
  for (const sp of api.sources.speakers) {
    const count = `${sp.quotes} quote${sp.quotes === 1 ? '' : 's'}`;
    check(picks.some((x) => x.includes(sp.name) && x.includes(count)), `sources list lacks "${sp.name} … ${count}": ${picks}`);
  }
  for (const n of ['Elena Vasquez', 'Tom Brennan', 'Priya Nair']) check(picks.some((x) => x.includes(n)), `sources list lacks ${n}: ${picks}`);
  const title = (await page.locator('.quick-input-widget .quick-input-title').textContent()) || '';
  check(title.includes(`${api.sources.quotes} quotes`), `sources list title: ${title}`);
  await page.keyboard.press('Escape');
  ok(`"whosaid: Show Sources" lists the speakers with their quote counts (${title.trim()})`);

  // The sources line (a code lens) above the headline.
  const lensText = await until('the sources lens above the article', async () => {
    const t = (await page.locator('.editor-instance .codelens-decoration').allTextContents()).join(' ');
    return t.includes(api.sources.summary.text) ? t : false;
  }, 15000).catch(async () => {
    throw new Mismatch(`no lens "${api.sources.summary.text}" on screen: ${(await page.locator('.codelens-decoration').allTextContents()).join(' | ')}; VS Code has ${JSON.stringify(api.codeLenses)}`);
  });
  check(/^3 sources · .* not stated · 0 anonymous/.test(api.sources.summary.text), `sources line: ${api.sources.summary.text}`);
  ok(`the lens above the article reads "${lensText.trim()}"`);

  // The Sources view in the Explorer: each source with their quotes; a click opens the quote.
  pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*Sources/i }) });
  await pane.waitFor({ timeout: WAIT });
  if ((await pane.locator('.pane-header').getAttribute('aria-expanded')) !== 'true') await pane.locator('.pane-header').click();
  // Room for every row (the tree draws only the rows in view): fold the folder's file list.
  const folder = page.locator('.pane-header', { hasText: /newsroom/i }).first();
  if ((await folder.getAttribute('aria-expanded')) === 'true') await folder.click();
  const viewRows = await until('the Sources view to list the sources and their quotes', async () => {
    const t = await pane.locator('.monaco-list-row').allTextContents();
    return ['Elena Vasquez', 'Tom Brennan', 'Priya Nair', 'We should have acted sooner'].every((x) => t.some((r) => r.includes(x))) ? t : false;
  }, 20000).catch(async () => {
    throw new Mismatch(`Sources view rows: ${(await pane.locator('.monaco-list-row').allTextContents()).join(' | ')}`);
  });
  log(`Sources view:\n  ${viewRows.join('\n  ')}`);
  check(!viewRows.some((r) => r.includes('The detour')), `the quote with no source is listed under a source: ${viewRows}`);
  for (const src of api.sources.sources) {
    const at = viewRows.findIndex((r) => r.startsWith(src.name));
    check(at >= 0, `the Sources view lacks ${src.name}`);
    for (const q of src.quotes) {
      check(viewRows.some((r) => r.includes(q.text.slice(0, 20))), `the Sources view lacks ${src.name}'s quote "${q.text}"`);
    }
  }
  ok(`the Sources view lists ${api.sources.sources.length} sources with their quotes`);
  // Click Nair's quote: the editor selects it, cursor at its start (it was elsewhere).
  const nair = find(QUOTES.nair);
  const selection = page.locator('[id="status.editor.selection"]');
  const wantAt = `Ln ${nair.line + 1}, Col ${nair.col + 1}`;
  check(!((await selection.textContent()) || '').trim().startsWith(wantAt), `the cursor is already at ${wantAt}`);
  await pane.locator('.monaco-list-row', { hasText: 'We should have acted sooner' }).click();
  const sel = await until(`the cursor at the quote (${wantAt})`, async () => {
    const t = ((await selection.textContent()) || '').trim();
    return t.startsWith(wantAt) ? t : false;
  }, 15000).catch(async () => {
    throw new Mismatch(`after the click the status bar shows "${(await selection.textContent())?.trim()}", expected ${wantAt}`);
  });
  check(sel.includes(`(${QUOTES.nair.length} selected)`), `the quote is not selected: ${sel}`);
  await page.screenshot({ path: path.join(OUT, 'vscode-sources.png') });
  ok(`a click on Nair's quote in the Sources view opens the article there (${sel})`);
  // Back to the top of the article (the editor has the focus after the click).
  await page.mouse.move(700, 450);
  await page.keyboard.press('Control+Home');
  await sleep(300);
  await page.screenshot({ path: path.join(OUT, 'vscode-lens.png') });

  // Edit: remove the attribution from the first quote; the squiggle, count and hint follow.
  const line = find(QUOTES.vasquez).line;
  // Into the editor's text (the sources line sits above the first line, so not its top corner).
  await page.locator('.editor-instance .view-line', { hasText: 'Harlow Street bridge' }).first().click();
  await page.keyboard.press('Control+G');
  await input.waitFor({ timeout: WAIT });
  await page.keyboard.type(String(line + 1));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Shift+End');
  const replacement = '"We cannot keep sending school buses over a bridge that is failing."';
  await page.keyboard.insertText(replacement);
  const edited = await until('diagnostics after the edit', () =>
    readApi((d) => d.version > api.version && d.diagnostics.some((x) => x.code === 'unattributed-quote' && covers(x, find(replacement, [...Array(line).fill(''), replacement])))),
  );
  log(`diagnostics after the edit:\n  ${edited.diagnostics.map(fmt).join('\n  ')}`);
  const after = await until('the Problems count to go up by one', async () => {
    const p = await problemsCount(page);
    return p.total === edited.diagnostics.length && p.total === api.diagnostics.length + 1 ? p : false;
  }, 15000).catch(async () => {
    throw new Mismatch(`after the edit the status bar shows "${(await problemsCount(page)).label}", expected ${api.diagnostics.length + 1}`);
  });
  await until('"— ?" after the edited quote', async () => (await shownText(page)).includes(`failing." — ?`), 15000);
  ok(`removing the attribution adds an unattributed-quote (Problems: ${after.label}) and the hint becomes "— ?"`);
  const rowsAfter = await until('the Sources view to follow the edit', async () => {
    const t = await pane.locator('.monaco-list-row').allTextContents();
    return t.some((r) => r.startsWith('Tom Brennan')) && !t.some((r) => r.includes('Elena Vasquez')) ? t : false;
  }, 15000).catch(async () => {
    throw new Mismatch(`after the edit the Sources view still shows: ${(await pane.locator('.monaco-list-row').allTextContents()).join(' | ')}`);
  });
  ok(`the Sources view follows the edit: Elena Vasquez, no longer quoted, is gone (${rowsAfter.length} rows)`);
}

try {
  await main();
  log(`vscode-e2e: ${passed} passed, 0 failed`);
  await cleanup();
  process.exit(0);
} catch (e) {
  console.error(`vscode-e2e: FAIL: ${e instanceof Mismatch ? e.message : e.stack}`);
  console.error(`vscode-e2e: ${passed} passed, 1 failed`);
  try {
    if (browser) {
      const pages = browser.contexts().flatMap((c) => c.pages());
      if (pages[0]) await pages[0].screenshot({ path: path.join(OUT, 'vscode-failure.png') });
    }
  } catch {}
  await cleanup();
  process.exit(1);
}
