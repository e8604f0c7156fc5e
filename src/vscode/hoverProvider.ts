import * as vscode from 'vscode';
import { viewResource } from '../core/analysis/resourceView';
import { renderHoverMarkdown, renderUnknownTypeMarkdown } from '../core/render/hoverMarkdown';
import { resourceTypeAt } from '../core/template/model';
import type { Configuration } from './configuration';
import { toRange } from './convert';
import type { DocumentIndex } from './documentIndex';
import type { KnowledgeLoader } from './knowledgeLoader';

/** The responsibility hover on a resource type token; everything it shows is rendered by the core. */
export class ResponsibilityHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly index: DocumentIndex,
    private readonly knowledge: KnowledgeLoader,
    private readonly configuration: Configuration,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!this.configuration.for(document.uri).hoverEnabled) return undefined;
    const template = this.index.get(document);
    if (!template) return undefined;
    const resource = resourceTypeAt(template, document.offsetAt(position));
    if (!resource) return undefined;
    const knowledge = await this.knowledge.get();
    const view = viewResource(knowledge, resource.type, resource, template);
    const markdown = view ? renderHoverMarkdown(knowledge, view) : renderUnknownTypeMarkdown(knowledge, resource.type);
    if (!markdown) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(markdown), toRange(document, resource.typeSpan));
  }
}
