import * as vscode from 'vscode';
import { isOversized, mayDeclareResourceType } from '../core/analysis/document';
import { viewResource } from '../core/analysis/resourceView';
import type { Knowledge } from '../core/knowledge/knowledge';
import { renderHoverMarkdown, renderModuleMarkdown, renderUnknownTypeMarkdown } from '../core/render/hoverMarkdown';
import { resourceTypeAt } from '../core/template/model';
import { COMMANDS, showDiagramLink } from './commands';
import type { Configuration } from './configuration';
import { toRange } from './convert';
import type { DiagnosticsController } from './diagnostics';
import type { DocumentIndex } from './documentIndex';
import type { Lazy } from './lazy';

/** The responsibility hover on a resource type token; everything it shows is rendered by the core. */
export class ResponsibilityHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly index: DocumentIndex,
    private readonly knowledge: Lazy<Knowledge>,
    private readonly configuration: Configuration,
    private readonly diagnostics: DiagnosticsController,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.configuration.for(document.uri).hoverEnabled) return undefined;
    const template = await this.index.get(document, token);
    if (!template) return undefined;
    // A file over the size limit was not analysed: where a resource type is declared, one line says so.
    if (isOversized(template)) {
      return mayDeclareResourceType(document.lineAt(position.line).text) ? new vscode.Hover(template.problems[0]?.message ?? '') : undefined;
    }
    const resource = resourceTypeAt(template, document.offsetAt(position));
    if (!resource) return undefined;
    const knowledge = await this.knowledge.get();
    let markdown: string | undefined;
    if (resource.kind === 'module') markdown = renderModuleMarkdown(knowledge, resource.type);
    else {
      const findings = (await this.diagnostics.findings(document, template)).filter((finding) => finding.resource === resource);
      const view = viewResource(knowledge, resource.type, resource, template, findings);
      // The general split is shortened, with a link to the diagram on this resource for the rest.
      const options = { moreLink: showDiagramLink(document.uri, resource.id) };
      markdown = view ? renderHoverMarkdown(knowledge, view, findings, options) : renderUnknownTypeMarkdown(knowledge, resource.type, resource.kind === 'data');
    }
    if (!markdown) return undefined;
    // The core's Markdown has no command links (the CLI prints it); the link to the diagram is added here, on the
    // first line so a long hover still shows it, and only this one command is trusted.
    const link = `[Show in diagram](${showDiagramLink(document.uri, resource.id)} "Open the responsibility diagram on this resource")`;
    const [header = '', ...rest] = markdown.split('\n');
    const hover = new vscode.MarkdownString([`${header} · ${link}`, ...rest].join('\n'));
    hover.isTrusted = { enabledCommands: [COMMANDS.showDiagram] };
    return new vscode.Hover(hover, toRange(document, resource.typeSpan));
  }
}
