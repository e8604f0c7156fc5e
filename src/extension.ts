import * as vscode from 'vscode';
import { registerCommands, ReportExporter } from './vscode/commands';
import { Configuration } from './vscode/configuration';
import { DIAGRAM_VIEW_TYPE, DiagramPanel, DiagramSerializer } from './vscode/diagramPanel';
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

/** What activate() returns outside production (the integration tests drive the diagram through it). */
export interface TestApi {
  readonly diagram: DiagramPanel;
}

/** Composition root: builds the services and registers the providers. Data and parsers load at first use. */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const configuration = new Configuration();
  const knowledge = new Lazy(() => loadKnowledge(context.extensionUri));
  const index = new DocumentIndex(new Lazy(() => loadHclParser(context.extensionUri)));
  const exporter = new ReportExporter(index, knowledge, String(context.extension.packageJSON.version ?? ''));
  const diagram = new DiagramPanel(context.extensionUri, index, knowledge, (uri) => exporter.export(uri));
  context.subscriptions.push(
    configuration,
    index,
    diagram,
    vscode.languages.registerHoverProvider(SELECTOR, new ResponsibilityHoverProvider(index, knowledge, configuration)),
    vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, new DiagramSerializer(diagram)),
    ...registerCommands(diagram, exporter),
  );
  return context.extensionMode === vscode.ExtensionMode.Production ? undefined : { diagram };
}

export function deactivate(): void {}
