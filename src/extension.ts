import * as vscode from 'vscode';
import { Configuration } from './vscode/configuration';
import { DocumentIndex } from './vscode/documentIndex';
import { ResponsibilityHoverProvider } from './vscode/hoverProvider';
import { KnowledgeLoader } from './vscode/knowledgeLoader';

/** Documents the extension reads: CloudFormation/SAM templates are YAML or JSON whatever their name. */
const TEMPLATE_SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'json' }, { language: 'jsonc' }];

/** Composition root: builds the services and registers the providers. Data loads lazily, at the first hover. */
export function activate(context: vscode.ExtensionContext): void {
  const configuration = new Configuration();
  const index = new DocumentIndex();
  const knowledge = new KnowledgeLoader(context.extensionUri);
  context.subscriptions.push(
    configuration,
    index,
    vscode.languages.registerHoverProvider(TEMPLATE_SELECTOR, new ResponsibilityHoverProvider(index, knowledge, configuration)),
  );
}

export function deactivate(): void {}
