import * as vscode from 'vscode';
import { RuleCodeActions, SUPPRESS_COMMAND, suppressFinding } from './vscode/codeActions';
import { COMMANDS, registerCommands, ReportExporter } from './vscode/commands';
import { Configuration } from './vscode/configuration';
import { DIAGRAM_VIEW_TYPE, DiagramPanel, DiagramSerializer } from './vscode/diagramPanel';
import { loadHclParser, loadKnowledge } from './vscode/distFiles';
import { DiagnosticsController } from './vscode/diagnostics';
import { DocumentIndex } from './vscode/documentIndex';
import { ResponsibilityHoverProvider } from './vscode/hoverProvider';
import { Lazy } from './vscode/lazy';
import { LensConfigFiles } from './vscode/lensConfig';

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
  readonly diagnostics: DiagnosticsController;
}

/** Composition root: builds the services and registers the providers. Data and parsers load at first use. */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const configuration = new Configuration();
  const knowledge = new Lazy(() => loadKnowledge(context.extensionUri));
  const index = new DocumentIndex(new Lazy(() => loadHclParser(context.extensionUri)), configuration);
  const log = vscode.window.createOutputChannel('SRM Lens');
  const configFiles = new LensConfigFiles(log);
  const diagnostics = new DiagnosticsController(index, knowledge, configuration, configFiles);
  const exporter = new ReportExporter(index, knowledge, String(context.extension.packageJSON.version ?? ''), (document, template) => diagnostics.findings(document, template));
  const diagram = new DiagramPanel(context.extensionUri, index, knowledge, (uri) => exporter.export(uri), (document, template) => diagnostics.findings(document, template));
  const hover = new ResponsibilityHoverProvider(index, knowledge, configuration, diagnostics);
  context.subscriptions.push(
    configuration,
    index,
    diagram,
    log,
    configFiles,
    diagnostics,
    vscode.languages.registerHoverProvider(SELECTOR, hover),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new RuleCodeActions(diagnostics), { providedCodeActionKinds: RuleCodeActions.kinds }),
    vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, new DiagramSerializer(diagram)),
    ...registerCommands(diagram, exporter),
    vscode.commands.registerCommand(SUPPRESS_COMMAND, (args: unknown, reason?: unknown) => suppressFinding(diagnostics, args, reason)),
    vscode.commands.registerCommand(COMMANDS.scanWorkspace, () => scanWorkspace(diagnostics)),
  );
  return context.extensionMode === vscode.ExtensionMode.Production ? undefined : { diagram, diagnostics };
}

/** `Scan Workspace`: every template of the workspace into the Problems panel, with a cancellable progress. */
async function scanWorkspace(diagnostics: DiagnosticsController): Promise<number> {
  const templates = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'SRM Lens: scanning the workspace', cancellable: true },
    (progress, token) => diagnostics.scanWorkspace(progress, token),
  );
  void vscode.window.showInformationMessage(`SRM Lens scanned ${templates} template${templates === 1 ? '' : 's'}: see the Problems panel.`);
  return templates;
}

export function deactivate(): void {}
