import * as vscode from 'vscode';
import { analyzeDocument, OVERSIZED_SNIFF_LENGTH, oversizedTemplate } from '../core/analysis/document';
import { decodeText } from '../core/syntax/encoding';
import type { HclParser } from '../core/syntax/hcl';
import type { Template } from '../core/template/model';
import { terraformFormatOf } from '../core/template/terraform';
import type { Configuration } from './configuration';
import type { Lazy } from './lazy';

/**
 * How long one analysis may keep the extension host busy: past it the Terraform parser stops (the other parsers are
 * bounded by the size limits and linear) and the file is reported as not analysed until it changes.
 */
export const ANALYSIS_TIME_BUDGET_MS = 2000;

const MB = 1024 * 1024;

/** Caches each open document's analysis by version, so a hover on an analysed document costs a lookup. */
export class DocumentIndex implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; template: Template | undefined }>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly hcl: Lazy<HclParser>,
    private readonly configuration: Configuration,
  ) {
    this.subscription = vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString()));
  }

  /** The analysis of an open document; undefined when it is no template, or when `token` cancelled it (not cached). */
  async get(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Template | undefined> {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.template;
    const version = document.version;
    const maxSize = this.maxSize(document.uri);
    // The size from the line index, without copying the text: an oversized document is only read at its start.
    const size = document.offsetAt(new vscode.Position(document.lineCount, 0));
    const template =
      size > maxSize
        ? oversizedTemplate(document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(OVERSIZED_SNIFF_LENGTH))), document.uri.path, size, maxSize)
        : await this.analyze(document.getText(), document.uri.path, token, maxSize, cached?.template);
    if (token?.isCancellationRequested) return undefined;
    this.cache.set(key, { version, template });
    return template;
  }

  /** Analyses text that is not an open document (or, with `previous`, a new version of one); not cached. */
  async analyze(text: string, fileName: string, token?: vscode.CancellationToken, maxSize = this.maxSize(undefined), previous?: Template): Promise<Template | undefined> {
    const parser = terraformFormatOf(fileName) === 'terraform-hcl' ? await this.hcl.get() : undefined;
    await parser?.ready(); // after a file that made the parser fail, its replacement
    return analyzeDocument(text, fileName, parser, {
      maxSize,
      previous,
      deadline: Date.now() + ANALYSIS_TIME_BUDGET_MS,
      isCancelled: () => token?.isCancellationRequested === true,
    });
  }

  /**
   * A file of the workspace read from disk (the workspace scan), with its text: decoded as the editor decodes it;
   * over the size limit, not read at all (only a Terraform file is then known to be a template, by its name).
   * Undefined when it cannot be read or is no template.
   */
  async readAndAnalyze(uri: vscode.Uri): Promise<{ text: string; template: Template } | undefined> {
    const maxSize = this.maxSize(uri);
    try {
      const { size } = await vscode.workspace.fs.stat(uri);
      if (size > maxSize) {
        const template = oversizedTemplate('', uri.path, size, maxSize);
        return template && { text: '', template };
      }
      const text = decodeText(await vscode.workspace.fs.readFile(uri));
      const template = await this.analyze(text, uri.path, undefined, maxSize);
      return template && { text, template };
    } catch {
      return undefined;
    }
  }

  private maxSize(uri: vscode.Uri | undefined): number {
    return this.configuration.for(uri).maxFileSizeMB * MB;
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }
}
