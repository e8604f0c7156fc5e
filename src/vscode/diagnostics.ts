import * as vscode from 'vscode';
import { unknownTypeProblems } from '../core/analysis/unknownTypes';
import type { Knowledge } from '../core/knowledge/knowledge';
import { configSuppressionsFor, isIgnored } from '../core/rules/config';
import type { LensConfig } from '../core/rules/config';
import { findingsOf } from '../core/rules/engine';
import type { RuleOptions } from '../core/rules/engine';
import type { Settings } from '../core/settings';
import type { Finding, Severity } from '../core/rules/types';
import { severityRank } from '../core/rules/types';
import type { Template } from '../core/template/model';
import type { Configuration } from './configuration';
import { toRange } from './convert';
import type { DocumentIndex } from './documentIndex';
import type { Lazy } from './lazy';
import type { LensConfigFiles } from './lensConfig';

/** `source` of every diagnostic, as the Problems panel shows it. */
export const DIAGNOSTIC_SOURCE = 'SRM Lens';

/** Files the workspace scan reads: what CloudFormation, SAM and Terraform are written in. */
export const TEMPLATE_GLOB = '**/*.{yaml,yml,json,template,tf}';
export const SKIPPED_GLOB = '{**/node_modules/**,**/.git/**,**/.terraform/**,**/cdk.out/**}';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Edits come in bursts: analyse once the typing pauses. */
const DEBOUNCE_MS = 250;

/** What the last analysis of a document found, for the code actions on its diagnostics. */
export interface AnalysedDocument {
  readonly version: number;
  readonly text: string;
  readonly template: Template;
  readonly findings: readonly Finding[];
}

/**
 * The Problems panel: the findings of the rules on every template open in an editor (or, with the `workspace`
 * scope or after **Scan Workspace**, every template of the workspace). Updated on open and on edit (debounced;
 * a result for an older version is dropped), cleared on close.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('srm-lens');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly analysed = new Map<string, AnalysedDocument>();
  /** Files the workspace scan covered: closing them reads them from disk instead of clearing them. */
  private readonly scanned = new Set<string>();
  /** Documents whose last tab closed: VS Code may still hold them open, but their diagnostics are cleared. */
  private readonly tabClosed = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly index: DocumentIndex,
    private readonly knowledge: Lazy<Knowledge>,
    private readonly configuration: Configuration,
    private readonly configFiles: LensConfigFiles,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => {
        this.tabClosed.delete(document.uri.toString());
        this.schedule(document, 0);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.closed(document.uri)),
      // VS Code may keep a document open long after its last editor tab closed: a closed tab is the user's signal.
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.closed) {
          if (tab.input instanceof vscode.TabInputText && !isInATab(tab.input.uri)) {
            this.tabClosed.add(tab.input.uri.toString());
            this.closed(tab.input.uri);
          }
        }
        for (const tab of event.opened) {
          if (!(tab.input instanceof vscode.TabInputText) || !this.tabClosed.delete(tab.input.uri.toString())) continue;
          const uri = tab.input.uri.toString();
          const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
          if (document) this.schedule(document, 0);
        }
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('srmLens')) this.refreshAll();
      }),
      configFiles.onDidChange(() => this.refreshAll()),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
    if (configuration.for(undefined).scope === 'workspace') void this.scanWorkspace();
  }

  /** The findings of the last analysis of an open document, if it is current. */
  current(document: vscode.TextDocument): AnalysedDocument | undefined {
    const analysed = this.analysed.get(document.uri.toString());
    return analysed && analysed.version === document.version ? analysed : undefined;
  }

  /**
   * The findings of a document's current version, as the Problems panel shows them (settings and the configuration
   * file applied): from the last analysis, or computed now when the debounced one has not run yet.
   */
  async findings(document: vscode.TextDocument, template: Template): Promise<readonly Finding[]> {
    const current = this.current(document);
    if (current?.template === template) return current.findings;
    const settings = this.configuration.for(document.uri);
    if (!settings.diagnosticsEnabled) return [];
    const { config, relativePath } = await this.configFiles.for(document.uri);
    const knowledge = await this.knowledge.get();
    return findingsOf(knowledge.rules, template, document.getText(), this.options(config, settings, relativePath));
  }

  private options(config: LensConfig, settings: Settings, relativePath: string): RuleOptions {
    return { overrides: new Map([...config.rules, ...settings.ruleSeverities]), suppress: configSuppressionsFor(config, relativePath) };
  }

  /** Resolves once the document's diagnostics are computed for its current version (the tests wait on this). */
  async refresh(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (this.tabClosed.has(key)) return;
    const version = document.version;
    const diagnostics = await this.diagnose(document.uri, document.getText(), () => this.index.get(document), version);
    // A newer edit arrived while this one was analysed (its own run will publish), or the document was closed.
    if (document.isClosed || document.version !== version || this.tabClosed.has(key)) return;
    if (diagnostics === undefined) this.collection.delete(document.uri);
    else this.collection.set(document.uri, diagnostics);
  }

  /**
   * Fills the Problems panel for every template of the workspace. Cancellable; resolves to the number of templates
   * found. Open documents keep their editor text, the rest is read from disk.
   */
  async scanWorkspace(progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<number> {
    const files = await vscode.workspace.findFiles(TEMPLATE_GLOB, SKIPPED_GLOB, undefined, token);
    let templates = 0;
    for (const [i, uri] of files.entries()) {
      if (token?.isCancellationRequested) break;
      progress?.report({ message: `${i + 1} of ${files.length}: ${vscode.workspace.asRelativePath(uri, false)}`, increment: 100 / files.length });
      const key = uri.toString();
      // A document in an editor is read as edited; one whose tabs are closed, from disk like the rest.
      const open = this.tabClosed.has(key) ? undefined : vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
      if (open) {
        await this.refresh(open);
        if (this.analysed.has(key)) templates++;
        continue;
      }
      if (await this.scanFile(uri)) templates++;
    }
    return templates;
  }

  private async scanFile(uri: vscode.Uri): Promise<boolean> {
    const read = await this.index.readAndAnalyze(uri);
    if (!read) return false;
    const diagnostics = await this.diagnose(uri, read.text, async () => read.template);
    if (diagnostics === undefined) {
      this.collection.delete(uri);
      return false;
    }
    this.scanned.add(uri.toString());
    this.collection.set(uri, diagnostics);
    return true;
  }

  /** The diagnostics of a text, or undefined when it is not a template (or diagnostics are off for it). */
  private async diagnose(uri: vscode.Uri, text: string, analyse: () => Promise<Template | undefined>, version?: number): Promise<vscode.Diagnostic[] | undefined> {
    const key = uri.toString();
    const settings = this.configuration.for(uri);
    if (!settings.diagnosticsEnabled) {
      this.analysed.delete(key);
      return undefined;
    }
    const template = await analyse();
    if (!template) {
      this.analysed.delete(key);
      return undefined;
    }
    const { config, relativePath } = await this.configFiles.for(uri);
    if (isIgnored(config, relativePath)) return undefined;
    const knowledge = await this.knowledge.get();
    const findings = findingsOf(knowledge.rules, template, text, this.options(config, settings, relativePath));
    if (version !== undefined) this.analysed.set(key, { version, text, template, findings });
    const minimum = Math.max(severityRank(settings.minimumSeverity), severityRank(config.minimumSeverity ?? 'hint'));
    const document = { positionAt: (offset: number) => toPosition(template, offset) };
    const diagnostics = findings
      .filter((finding) => !finding.suppressed && severityRank(finding.severity) >= minimum)
      .map((finding) => this.toDiagnostic(knowledge, finding, uri, document));
    for (const problem of unknownTypeProblems(knowledge, template)) {
      if (severityRank(problem.severity) < minimum) continue;
      const diagnostic = new vscode.Diagnostic(toRange(document, problem.span), problem.message, SEVERITY[problem.severity]);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = 'unknown-type';
      diagnostics.push(diagnostic);
    }
    return diagnostics;
  }

  private toDiagnostic(knowledge: Knowledge, finding: Finding, uri: vscode.Uri, document: Pick<vscode.TextDocument, 'positionAt'>): vscode.Diagnostic {
    const { rule } = finding;
    const domain = knowledge.domain(rule.domain)?.label ?? rule.domain;
    const controls = rule.controls.length > 0 ? `; Security Hub ${rule.controls.join(', ')}` : '';
    const diagnostic = new vscode.Diagnostic(toRange(document, finding.span), `${finding.message} (${domain}${controls})`, SEVERITY[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    const help = knowledge.source(rule.sources[0]?.ref ?? '')?.url;
    diagnostic.code = help ? { value: rule.id, target: vscode.Uri.parse(help) } : rule.id;
    if (finding.related && finding.related.length > 0) {
      diagnostic.relatedInformation = finding.related.map(
        (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(document, related.resource.idSpan)), related.message),
      );
    }
    return diagnostic;
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-scm') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.refresh(document), delay));
  }

  private closed(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.analysed.delete(key);
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && !d.isClosed) && !this.tabClosed.has(key)) return;
    if (this.scanned.has(key) || this.configuration.for(uri).scope === 'workspace') void this.scanFile(uri);
    else this.collection.delete(uri);
  }

  private refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
    if (this.configuration.for(undefined).scope === 'workspace') void this.scanWorkspace();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }
}

function isInATab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key));
}

function toPosition(template: Template, offset: number): vscode.Position {
  const { line, character } = template.lines.positionAt(offset);
  return new vscode.Position(line, character);
}
