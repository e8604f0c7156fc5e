"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.activate = activate;
exports.deactivate = deactivate;
const vscode = __importStar(require("vscode"));
const codeActions_1 = require("./vscode/codeActions");
const commands_1 = require("./vscode/commands");
const configuration_1 = require("./vscode/configuration");
const diagramPanel_1 = require("./vscode/diagramPanel");
const distFiles_1 = require("./vscode/distFiles");
const diagnostics_1 = require("./vscode/diagnostics");
const documentIndex_1 = require("./vscode/documentIndex");
const hoverProvider_1 = require("./vscode/hoverProvider");
const lazy_1 = require("./vscode/lazy");
const lensConfig_1 = require("./vscode/lensConfig");
/**
 * Documents the extension reads: CloudFormation/SAM templates are YAML or JSON whatever their name; Terraform is
 * `.tf` (the `terraform` language, ours or HashiCorp's) and `.tf.json` (JSON).
 */
const SELECTOR = [
    { language: 'yaml' },
    { language: 'json' },
    { language: 'jsonc' },
    { language: 'terraform' },
    { pattern: '**/*.tf' },
];
/** Composition root: builds the services and registers the providers. Data and parsers load at first use. */
function activate(context) {
    const configuration = new configuration_1.Configuration();
    const knowledge = new lazy_1.Lazy(() => (0, distFiles_1.loadKnowledge)(context.extensionUri));
    const index = new documentIndex_1.DocumentIndex(new lazy_1.Lazy(() => (0, distFiles_1.loadHclParser)(context.extensionUri)), configuration);
    const log = vscode.window.createOutputChannel('SRM Lens');
    const configFiles = new lensConfig_1.LensConfigFiles(log);
    const diagnostics = new diagnostics_1.DiagnosticsController(index, knowledge, configuration, configFiles);
    const exporter = new commands_1.ReportExporter(index, knowledge, String(context.extension.packageJSON.version ?? ''), (document, template) => diagnostics.findings(document, template));
    const diagram = new diagramPanel_1.DiagramPanel(context.extensionUri, index, knowledge, (uri) => exporter.export(uri), (document, template) => diagnostics.findings(document, template));
    const hover = new hoverProvider_1.ResponsibilityHoverProvider(index, knowledge, configuration, diagnostics);
    context.subscriptions.push(configuration, index, diagram, log, configFiles, diagnostics, vscode.languages.registerHoverProvider(SELECTOR, hover), vscode.languages.registerCodeActionsProvider(SELECTOR, new codeActions_1.RuleCodeActions(diagnostics), { providedCodeActionKinds: codeActions_1.RuleCodeActions.kinds }), vscode.window.registerWebviewPanelSerializer(diagramPanel_1.DIAGRAM_VIEW_TYPE, new diagramPanel_1.DiagramSerializer(diagram)), ...(0, commands_1.registerCommands)(diagram, exporter), vscode.commands.registerCommand(codeActions_1.SUPPRESS_COMMAND, (args, reason) => (0, codeActions_1.suppressFinding)(diagnostics, args, reason)), vscode.commands.registerCommand(commands_1.COMMANDS.scanWorkspace, () => scanWorkspace(diagnostics)));
    return context.extensionMode === vscode.ExtensionMode.Production ? undefined : { diagram, diagnostics };
}
/** `Scan Workspace`: every template of the workspace into the Problems panel, with a cancellable progress. */
async function scanWorkspace(diagnostics) {
    const templates = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'SRM Lens: scanning the workspace', cancellable: true }, (progress, token) => diagnostics.scanWorkspace(progress, token));
    void vscode.window.showInformationMessage(`SRM Lens scanned ${templates} template${templates === 1 ? '' : 's'}: see the Problems panel.`);
    return templates;
}
function deactivate() { }
//# sourceMappingURL=extension.js.map