import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, parseLensConfig } from '../core/rules/config';
import type { LensConfig } from '../core/rules/config';

/**
 * `.srm-lens.yaml` at the root of each workspace folder, read through workspace.fs (desktop and web alike),
 * cached, and read again when it changes. Its problems are logged to the output channel, once per change.
 */
export class LensConfigFiles implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<LensConfig>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.OutputChannel) {
    const reset = () => {
      this.cache.clear();
      this.changed.fire();
    };
    this.watcher.onDidChange(reset);
    this.watcher.onDidCreate(reset);
    this.watcher.onDidDelete(reset);
  }

  /** The configuration that governs a document, with the document's path relative to it. */
  async for(uri: vscode.Uri): Promise<{ config: LensConfig; relativePath: string }> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return { config: EMPTY_CONFIG, relativePath: uri.path.slice(uri.path.lastIndexOf('/') + 1) };
    const key = folder.uri.toString();
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.read(vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME));
      this.cache.set(key, pending);
    }
    return { config: await pending, relativePath: vscode.workspace.asRelativePath(uri, false) };
  }

  private async read(file: vscode.Uri): Promise<LensConfig> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(file);
    } catch {
      return EMPTY_CONFIG;
    }
    const config = parseLensConfig(new TextDecoder().decode(bytes));
    for (const problem of config.problems) this.log.appendLine(`${vscode.workspace.asRelativePath(file, false)}: ${problem}`);
    return config;
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
