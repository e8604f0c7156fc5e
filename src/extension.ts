import * as vscode from 'vscode';
import { Configuration } from './vscode/configuration';
import { loadHclParser, loadKnowledge } from './vscode/distFiles';
import { DocumentIndex } from './vscode/documentIndex';
import { ResponsibilityHoverProvider } from './vscode/hoverProvider';
import { Lazy } from './vscode/lazy';

/**
 * Documents the extension reads: CloudFormation/SAM templates are YAML or JSON whatever their name; Terraform is
 * `.tf` (the `terraform` language, ours or HashiCorp's) and `.tf.json` (JSON).
 */
const SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml' },
  { language: 'json' },
  { language: 'jsonc' },
  { language: 'terraform' },
  { pattern: '**/*.tf' },
];

/** Composition root: builds the services and registers the providers. Data and parsers load at first use. */
export function activate(context: vscode.ExtensionContext): void {
  const configuration = new Configuration();
  const knowledge = new Lazy(() => loadKnowledge(context.extensionUri));
  const index = new DocumentIndex(new Lazy(() => loadHclParser(context.extensionUri)));
  context.subscriptions.push(
    configuration,
    index,
    vscode.languages.registerHoverProvider(SELECTOR, new ResponsibilityHoverProvider(index, knowledge, configuration)),
  );
}

export function deactivate(): void {}
