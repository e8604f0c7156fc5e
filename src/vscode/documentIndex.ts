import * as vscode from 'vscode';
import { analyzeDocument } from '../core/analysis/document';
import type { HclParser } from '../core/syntax/hcl';
import type { Template } from '../core/template/model';
import { terraformFormatOf } from '../core/template/terraform';
import type { Lazy } from './lazy';

/** Caches each open document's analysis by version, so a hover on an analysed document costs a lookup. */
export class DocumentIndex implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; template: Template | undefined }>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly hcl: Lazy<HclParser>) {
    this.subscription = vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString()));
  }

  async get(document: vscode.TextDocument): Promise<Template | undefined> {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.template;
    const version = document.version;
    const template = await this.analyze(document.getText(), document.uri.path);
    this.cache.set(key, { version, template });
    return template;
  }

  /** Analyses text that is not an open document (a file on disk, for the workspace scan); not cached. */
  async analyze(text: string, fileName: string): Promise<Template | undefined> {
    const parser = terraformFormatOf(fileName) === 'terraform-hcl' ? await this.hcl.get() : undefined;
    return analyzeDocument(text, fileName, parser);
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }
}
