// whosaid for VS Code: starts the `whosaid` language server for plain text and Markdown,
// and adds a sources list and a status bar summary on top of what the server publishes.
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { startE2eHook } from './e2e';
import { findServer } from './server';
import { OPEN_QUOTE, SourcesView, VIEW_ID, openQuote } from './sourcesView';

export const LANGUAGES = ['plaintext', 'markdown'];

type LspRange = { start: { line: number; character: number }; end: { line: number; character: number } };

/** What the server's `whosaid/sources` request answers (README: "Sources"). */
export interface Sources {
  uri: string;
  version: number;
  sources: {
    id: number;
    name: string;
    role?: string | null;
    kind: string;
    gender: string | null;
    genderNote: string;
    direct: number;
    reported: number;
    quotedWords: number;
    firstMention: LspRange;
    lastMention: LspRange;
    quotes: { id: number; kind: string; text: string; range: LspRange }[];
  }[];
  summary: {
    sources: number;
    people: { women: number; men: number; nonBinary: number; notStated: number };
    anonymous: number;
    unattributed: number;
    quotedWords: number;
    topSource: string | null;
    topShare: number;
    text: string;
  };
  speakers: { id: number; name: string; role?: string | null; kind: string; quotes: number; line: number }[];
  quotes: number;
  unattributed: number;
  unsourcedClaims: number;
}

/** Keys of the `whosaid` section the server reads (the rest belong to the extension). */
export const SERVER_SETTINGS = ['rules', 'inlayHints', 'sourcesLens', 'reportingVerbs', 'speakers', 'maxFileSize', 'rulesUrl'];

/**
 * The whosaid settings the user actually set (user, workspace or folder), without VS Code's
 * defaults: a default must not override the project's .whosaid.toml, which the server layers
 * under the editor's settings.
 */
export function userSettings(scope?: vscode.Uri): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration('whosaid', scope);
  const out: Record<string, unknown> = {};
  for (const key of SERVER_SETTINGS) {
    const i = cfg.inspect(key);
    const value = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
const sourcesView = new SourcesView();

function isArticle(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && LANGUAGES.includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const found = findServer(context.extensionPath);
  if (!found.path) {
    output.appendLine(found.explanation);
    const open = 'Open Settings';
    void vscode.window
      .showErrorMessage(`whosaid: ${found.explanation}`, open)
      .then((choice) => {
        if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'whosaid.server.path');
      });
    return;
  }
  output.appendLine(`Starting ${found.path} (${found.explanation})`);
  const serverOptions: ServerOptions = {
    command: found.path,
    args: ['lsp'],
    transport: TransportKind.stdio,
  };
  const documentSelector = LANGUAGES.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    // The server asks for section "whosaid" through workspace/configuration; this also tells it
    // when any whosaid setting changes.
    synchronize: { configurationSection: 'whosaid' },
    initializationOptions: userSettings(),
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) =>
            item.section === 'whosaid' ? userSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : answers[i],
          );
        },
        // Instead of pushing the whole section (defaults included), tell the server to ask again.
        didChangeConfiguration: async () => {
          await client?.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
        },
      },
    },
  };
  client = new LanguageClient('whosaid', 'whosaid', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    void vscode.window.showErrorMessage(`whosaid: the server at ${found.path} did not start: ${String(err)}`);
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.state !== State.Stopped) {
    try {
      await c.stop(2000);
    } catch {
      // A server that died already cannot be stopped; a new one starts anyway.
    }
  }
}

/** Ask the server for the article's speakers and counts; undefined when there is no server. */
export async function fetchSources(uri: vscode.Uri): Promise<Sources | undefined> {
  if (!client || client.state !== State.Running) return undefined;
  try {
    const result = await client.sendRequest<Sources | null>('whosaid/sources', { textDocument: { uri: uri.toString() } });
    return result ?? undefined;
  } catch (err) {
    output.appendLine(`whosaid/sources failed: ${String(err)}`);
    return undefined;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summary(s: Sources): string {
  return [
    plural(s.speakers.length, 'speaker', 'speakers'),
    plural(s.quotes, 'quote', 'quotes'),
    `${s.unsourcedClaims} unsourced`,
  ].join(' · ');
}

async function showSources(fromLens?: unknown): Promise<void> {
  // A click on the sources line at the top of the article: show the Sources view.
  if (typeof fromLens === 'string') {
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    return;
  }
  const editor = vscode.window.activeTextEditor;
  if (!isArticle(editor?.document)) {
    void vscode.window.showInformationMessage('whosaid: open a plain text or Markdown article first.');
    return;
  }
  const doc = editor!.document;
  const sources = await fetchSources(doc.uri);
  if (!sources) {
    void vscode.window.showWarningMessage('whosaid: the server is not running; try "whosaid: Restart Server".');
    return;
  }
  output.appendLine(`Sources in ${doc.uri.fsPath || doc.uri.toString()}: ${summary(sources)}`);
  for (const sp of sources.speakers) {
    output.appendLine(`  ${sp.name}${sp.role ? `, ${sp.role}` : ''} — ${plural(sp.quotes, 'quote', 'quotes')} (line ${sp.line + 1})`);
  }
  if (sources.unattributed > 0) output.appendLine(`  ${plural(sources.unattributed, 'quote', 'quotes')} with no speaker`);
  type Item = vscode.QuickPickItem & { line: number };
  const items: Item[] = sources.speakers.map((sp) => ({
    label: sp.name,
    description: [sp.role, plural(sp.quotes, 'quote', 'quotes')].filter(Boolean).join(' · '),
    detail: `first named on line ${sp.line + 1}`,
    line: sp.line,
  }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(`whosaid: no speakers found (${summary(sources)}).`);
    return;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: `Sources: ${summary(sources)}`,
    placeHolder: 'Pick a speaker to go to where they are first named',
  });
  if (picked) {
    const pos = new vscode.Position(picked.line, 0);
    const shown = await vscode.window.showTextDocument(doc, editor!.viewColumn);
    shown.selection = new vscode.Selection(pos, pos);
    shown.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
  }
}

let statusTimer: NodeJS.Timeout | undefined;
let statusSeq = 0;

function refreshStatus(delay = 300): void {
  if (statusTimer) clearTimeout(statusTimer);
  statusTimer = setTimeout(() => void updateStatus(), delay);
}

/** Status bar and Sources view, from one answer for the active article. */
async function updateStatus(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!isArticle(doc)) {
    status.hide();
    // Another kind of editor (or none): keep the last article's sources unless it was closed.
    if (!vscode.window.activeTextEditor) sourcesView.show(undefined, undefined, 'Open a plain text or Markdown article to see who it quotes.');
    return;
  }
  const seq = ++statusSeq;
  const sources = await fetchSources(doc.uri);
  if (seq !== statusSeq) return; // a newer refresh is on its way
  sourcesView.show(doc.uri, sources, sources ? undefined : 'whosaid is not running; try "whosaid: Restart Server".');
  if (!sources) {
    status.text = '$(person) whosaid';
    status.tooltip = 'whosaid is not running. Click for the sources list, or run "whosaid: Restart Server".';
  } else {
    status.text = `$(person) ${summary(sources)}`;
    status.tooltip = new vscode.MarkdownString(
      `**whosaid** — ${plural(sources.speakers.length, 'speaker', 'speakers')}, ` +
        `${plural(sources.quotes, 'quote', 'quotes')} (${sources.unattributed} with no speaker), ` +
        `${plural(sources.unsourcedClaims, 'claim', 'claims')} with no source.\n\nClick to list the sources.`,
    );
  }
  status.show();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('whosaid', { log: true });
  status = vscode.window.createStatusBarItem('whosaid.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'whosaid';
  status.command = 'whosaid.showSources';
  context.subscriptions.push(output, status);

  context.subscriptions.push(
    vscode.commands.registerCommand('whosaid.restartServer', async () => {
      await stopClient();
      await startClient(context);
      refreshStatus(0);
    }),
    vscode.commands.registerCommand('whosaid.showSources', showSources),
    vscode.commands.registerCommand(OPEN_QUOTE, openQuote),
    (sourcesView.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: sourcesView, showCollapseAll: true })),
    // The view follows the reporter's typing (debounced; the server answers for the new text).
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && e.document === vscode.window.activeTextEditor?.document) refreshStatus(400);
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) refreshStatus();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => refreshStatus(0)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('whosaid.server.path')) void vscode.commands.executeCommand('whosaid.restartServer');
    }),
    { dispose: () => void stopClient() },
  );

  await startClient(context);
  refreshStatus(0);

  const e2eOut = process.env.WHOSAID_E2E_OUT;
  if (e2eOut) context.subscriptions.push(startE2eHook(path.resolve(e2eOut), fetchSources, output));
}

export function deactivate(): Thenable<void> | undefined {
  return stopClient();
}
