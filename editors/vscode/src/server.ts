// Where the whosaid program is: the setting, else the copy bundled in the extension, else PATH.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

const EXE = process.platform === 'win32' ? 'whosaid.exe' : 'whosaid';

function isExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, EXE);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

// Plain text: notifications do not render Markdown.
const WHAT_TO_DO =
  'Install the whosaid program (for example with: cargo install whosaid) so that it is on your PATH, ' +
  'or set "whosaid.server.path" to where it is, then run "whosaid: Restart Server".';

export function findServer(extensionPath: string): { path?: string; explanation: string } {
  const configured = (vscode.workspace.getConfiguration('whosaid').get<string>('server.path') ?? '').trim();
  if (configured) {
    let file = configured.replace(/^~(?=$|[\\/])/, os.homedir());
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!path.isAbsolute(file) && folder) file = path.join(folder, file);
    if (isExecutable(file)) return { path: file, explanation: 'from the whosaid.server.path setting' };
    return {
      explanation: `the setting "whosaid.server.path" is ${configured}, but there is no program there. Fix the setting or clear it to use the bundled one.`,
    };
  }
  const bundled = path.join(extensionPath, 'bin', EXE);
  if (isExecutable(bundled)) return { path: bundled, explanation: 'bundled with the extension' };
  const fromPath = onPath();
  if (fromPath) return { path: fromPath, explanation: 'found on PATH' };
  return { explanation: `the whosaid program was not found, so articles are not checked. ${WHAT_TO_DO}` };
}
