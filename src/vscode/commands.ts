import * as vscode from 'vscode';
import type { Knowledge } from '../core/knowledge/knowledge';
import { renderReportMarkdown } from '../core/render/reportMarkdown';
import type { Finding } from '../core/rules/types';
import type { Template } from '../core/template/model';
import { commandLinkArguments } from './diagramMessages';
import type { DiagramPanel } from './diagramPanel';
import type { DocumentIndex } from './documentIndex';
import type { Lazy } from './lazy';

/** The extension's command ids (package.json contributes.commands lists the same). */
export const COMMANDS = {
  showDiagram: 'srmLens.showDiagram',
  exportReport: 'srmLens.exportReport',
  scanWorkspace: 'srmLens.scanWorkspace',
} as const;

/** The arguments of a `command:srmLens.showDiagram?…` link in a hover. */
export interface ShowDiagramArgs {
  readonly uri: string;
  readonly resource?: string;
}

/** A command link (for a trusted MarkdownString) that opens the diagram on a resource. */
export function showDiagramLink(uri: vscode.Uri, resource: string): string {
  const args: ShowDiagramArgs = { uri: uri.toString(), resource };
  return `command:${COMMANDS.showDiagram}?${commandLinkArguments([args])}`;
}

/** `Show Responsibility Diagram`: from the palette (active editor), a menu (the file's URI) or a hover link. */
export function showDiagram(panel: DiagramPanel, arg?: unknown): Promise<void> {
  if (arg instanceof vscode.Uri) return panel.show(arg);
  if (typeof arg === 'object' && arg !== null && typeof (arg as ShowDiagramArgs).uri === 'string') {
    const { uri, resource } = arg as ShowDiagramArgs;
    return panel.show(vscode.Uri.parse(uri, true), typeof resource === 'string' ? resource : undefined);
  }
  return panel.show();
}

/** Writes the Markdown responsibility report of a template (`Export Responsibility Report`). */
export class ReportExporter {
  constructor(
    private readonly index: DocumentIndex,
    private readonly knowledge: Lazy<Knowledge>,
    private readonly version: string,
    private readonly findings: (document: vscode.TextDocument, template: Template) => Promise<readonly Finding[]>,
  ) {}

  /**
   * Exports the report of `source` (default: the active editor's document) to `target` (default: asks, proposing
   * `<name>.responsibility.md` beside the template). Resolves to the written file, or undefined when cancelled.
   */
  async export(source?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
    const uri = source instanceof vscode.Uri ? source : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showWarningMessage('Open a CloudFormation, SAM or Terraform template to export its responsibility report.');
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const template = await this.index.get(document);
    if (!template) {
      void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri, false)} is not a CloudFormation, SAM or Terraform template.`);
      return undefined;
    }
    const markdown = renderReportMarkdown(
      await this.knowledge.get(),
      [{ path: vscode.workspace.asRelativePath(uri, false), template, findings: await this.findings(document, template) }],
      { generator: `AWS Shared Responsibility Lens ${this.version}` },
    );
    let destination = target instanceof vscode.Uri ? target : undefined;
    if (!destination) {
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1).replace(/\.(ya?ml|json|template|tf|tf\.json)$/i, '');
      destination = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(uri, '..', `${name}.responsibility.md`),
        filters: { Markdown: ['md'] },
        title: 'Export Responsibility Report',
      });
      if (!destination) return undefined;
    }
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(markdown));
    if (!(target instanceof vscode.Uri)) {
      const written = destination;
      void vscode.window.showInformationMessage(`Responsibility report written to ${vscode.workspace.asRelativePath(written, false)}.`, 'Open').then((choice) => {
        if (choice === 'Open') void vscode.window.showTextDocument(written);
      });
    }
    return destination;
  }
}

/** Registers the commands; the returned disposables go to context.subscriptions. */
export function registerCommands(panel: DiagramPanel, exporter: ReportExporter): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.showDiagram, (arg?: unknown) => showDiagram(panel, arg)),
    vscode.commands.registerCommand(COMMANDS.exportReport, (source?: unknown, target?: unknown) => exporter.export(source, target)),
  ];
}
