import * as vscode from 'vscode';
import { analyzeDocument } from '../core/analysis/document';
import type { Template } from '../core/template/model';

/** Caches each open document's analysis by version, so a hover on an analysed document costs a lookup. */
export class DocumentIndex implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; template: Template | undefined }>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString()));
  }

  get(document: vscode.TextDocument): Template | undefined {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.template;
    const template = analyzeDocument(document.getText());
    this.cache.set(key, { version: document.version, template });
    return template;
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }
}
