// The "Sources" view in the Explorer: each source of the article in the active editor, with
// their quotes as children; a click on a quote opens the article there. Filled from the server's
// `whosaid/sources` answer, which the extension fetches as the reporter types.
import * as vscode from 'vscode';
import type { Sources } from './extension';

type Source = Sources['sources'][number];
type Quote = Source['quotes'][number];
type Node = { source: Source } | { quote: Quote; source: Source };

export const VIEW_ID = 'whosaid.sources';
export const OPEN_QUOTE = 'whosaid.openQuote';

const KIND_ICONS: Record<string, string> = {
  person: 'person',
  organization: 'organization',
  group: 'organization',
  anonymous: 'eye-closed',
  document: 'file-text',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function quoteLabel(q: Quote): string {
  const text = shorten(q.text, 90);
  return q.kind === 'indirect' || q.kind === 'mixed' ? `(reported) ${text}` : `“${text}”`;
}

function genderText(s: Source): string | undefined {
  if (s.kind !== 'person') return undefined;
  return s.gender ?? 'gender not stated';
}

export class SourcesView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private sources: Sources | undefined;
  private uri: vscode.Uri | undefined;
  view: vscode.TreeView<Node> | undefined;

  /** Show these sources (of the article at `uri`), or a message when there are none to show. */
  show(uri: vscode.Uri | undefined, sources: Sources | undefined, message?: string): void {
    this.uri = uri;
    this.sources = sources;
    if (this.view) {
      this.view.message = message ?? (sources && sources.sources.length === 0 ? sources.summary.text : undefined);
      this.view.description = sources && sources.sources.length > 0 ? sources.summary.text : undefined;
    }
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!this.sources) return [];
    if (!node) return this.sources.sources.map((source) => ({ source }));
    if ('quote' in node) return [];
    return node.source.quotes.map((quote) => ({ quote, source: node.source }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('quote' in node) {
      const item = new vscode.TreeItem(quoteLabel(node.quote), vscode.TreeItemCollapsibleState.None);
      item.id = `${node.source.id}/${node.quote.id}`;
      item.description = `line ${node.quote.range.start.line + 1}`;
      item.tooltip = node.quote.text;
      item.iconPath = new vscode.ThemeIcon('quote');
      item.contextValue = 'whosaidQuote';
      if (this.uri) item.command = { command: OPEN_QUOTE, title: 'Open the quote', arguments: [this.uri, node.quote.range] };
      return item;
    }
    const s = node.source;
    const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${s.id}`;
    const quotes = plural(s.quotes.length, 'quote', 'quotes');
    item.description = [s.role, genderText(s), quotes].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(KIND_ICONS[s.kind] ?? 'person');
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escape(s.name)}**${s.role ? `, ${escape(s.role)}` : ''} (${s.kind})\n\n`);
    md.appendMarkdown(
      `${plural(s.direct, 'quote', 'quotes')} in quotation marks, ${s.reported} reported, ` +
        `${plural(s.quotedWords, 'quoted word', 'quoted words')}\n\n`,
    );
    if (s.kind === 'person') md.appendMarkdown(`Gender: ${s.gender ? `${s.gender} — ` : ''}${escape(s.genderNote)}\n\n`);
    md.appendMarkdown(`First mentioned on line ${s.firstMention.start.line + 1}, last on line ${s.lastMention.start.line + 1}`);
    item.tooltip = md;
    item.contextValue = 'whosaidSource';
    if (this.uri) item.command = { command: OPEN_QUOTE, title: 'Go to the first mention', arguments: [this.uri, s.firstMention] };
    return item;
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

/** Open the article with the quote selected (cursor at its start) and in view. */
export async function openQuote(uri: vscode.Uri, range: Parameters<typeof toRange>[0]): Promise<void> {
  const r = toRange(range);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: visible?.viewColumn, preserveFocus: false });
  editor.selection = new vscode.Selection(r.end, r.start);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
