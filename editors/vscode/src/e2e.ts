// Test-only: when WHOSAID_E2E_OUT is set, write what VS Code itself knows about each open article
// (diagnostics, hovers over quotes, inlay hints, code lenses, sources) as JSON, so the end-to-end test can check
// the editor's own view next to what it reads off the screen. Never active for users.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Sources } from './extension';

type Fetch = (uri: vscode.Uri) => Promise<Sources | undefined>;

const range = (r: vscode.Range) => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});

function hoverText(h: vscode.Hover): string {
  return h.contents
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

function labelText(l: string | vscode.InlayHintLabelPart[]): string {
  return typeof l === 'string' ? l : l.map((p) => p.value).join('');
}

/** Offsets just inside each opening quotation mark (straight quotes pair up in order). */
function quoteStarts(text: string): number[] {
  const out: number[] = [];
  let straightOpen = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\u201c') out.push(i + 1);
    else if (ch === '"') {
      if (!straightOpen) out.push(i + 1);
      straightOpen = !straightOpen;
    } else if (ch === '\n' && text[i + 1] === '\n') straightOpen = false; // a paragraph ends
  }
  return out;
}

async function snapshot(doc: vscode.TextDocument, fetchSources: Fetch) {
  const text = doc.getText();
  const diagnostics = vscode.languages.getDiagnostics(doc.uri).map((d) => ({
    code: typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? null : String(d.code),
    source: d.source ?? null,
    severity: vscode.DiagnosticSeverity[d.severity],
    message: d.message,
    range: range(d.range),
  }));
  const full = new vscode.Range(doc.positionAt(0), doc.positionAt(text.length));
  const hints =
    (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, full)) ?? [];
  const hovers = [];
  for (const offset of quoteStarts(text)) {
    const pos = doc.positionAt(offset);
    const hs = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
    hovers.push({ position: { line: pos.line, character: pos.character }, texts: hs.map(hoverText) });
  }
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];
  return {
    codeLenses: lenses.map((l) => ({ range: range(l.range), title: l.command?.title ?? null, command: l.command?.command ?? null })),
    uri: doc.uri.toString(),
    languageId: doc.languageId,
    version: doc.version,
    diagnostics,
    inlayHints: hints.map((h) => ({
      position: { line: h.position.line, character: h.position.character },
      label: labelText(h.label),
    })),
    hovers,
    sources: (await fetchSources(doc.uri)) ?? null,
  };
}

export function startE2eHook(outDir: string, fetchSources: Fetch, log: vscode.OutputChannel): vscode.Disposable {
  fs.mkdirSync(outDir, { recursive: true });
  let timer: NodeJS.Timeout | undefined;
  let seq = 0;
  const write = async () => {
    const docs = vscode.workspace.textDocuments.filter(
      (d) => (d.languageId === 'plaintext' || d.languageId === 'markdown') && d.uri.scheme === 'file',
    );
    const result = { seq: ++seq, documents: [] as unknown[] };
    for (const doc of docs) result.documents.push(await snapshot(doc, fetchSources));
    const file = path.join(outDir, 'vscode-api.json');
    fs.writeFileSync(file + '.tmp', JSON.stringify(result, null, 2));
    fs.renameSync(file + '.tmp', file);
    log.appendLine(`e2e: wrote ${file} (#${seq})`);
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => write().catch((e) => log.appendLine(`e2e: ${String(e)}`)), 800);
  };
  const subs = [vscode.languages.onDidChangeDiagnostics(schedule), vscode.workspace.onDidOpenTextDocument(schedule)];
  return { dispose: () => subs.forEach((s) => s.dispose()) };
}
