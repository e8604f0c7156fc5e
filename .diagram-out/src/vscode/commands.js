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
exports.ReportExporter = exports.COMMANDS = void 0;
exports.showDiagramLink = showDiagramLink;
exports.showDiagram = showDiagram;
exports.registerCommands = registerCommands;
const vscode = __importStar(require("vscode"));
const reportMarkdown_1 = require("../core/render/reportMarkdown");
const diagramMessages_1 = require("./diagramMessages");
/** The extension's command ids (package.json contributes.commands lists the same). */
exports.COMMANDS = {
    showDiagram: 'srmLens.showDiagram',
    exportReport: 'srmLens.exportReport',
    scanWorkspace: 'srmLens.scanWorkspace',
};
/** A command link (for a trusted MarkdownString) that opens the diagram on a resource. */
function showDiagramLink(uri, resource) {
    const args = { uri: uri.toString(), resource };
    return `command:${exports.COMMANDS.showDiagram}?${(0, diagramMessages_1.commandLinkArguments)([args])}`;
}
/** `Show Responsibility Diagram`: from the palette (active editor), a menu (the file's URI) or a hover link. */
function showDiagram(panel, arg) {
    if (arg instanceof vscode.Uri)
        return panel.show(arg);
    if (typeof arg === 'object' && arg !== null && typeof arg.uri === 'string') {
        const { uri, resource } = arg;
        return panel.show(vscode.Uri.parse(uri, true), typeof resource === 'string' ? resource : undefined);
    }
    return panel.show();
}
/** Writes the Markdown responsibility report of a template (`Export Responsibility Report`). */
class ReportExporter {
    index;
    knowledge;
    version;
    findings;
    constructor(index, knowledge, version, findings) {
        this.index = index;
        this.knowledge = knowledge;
        this.version = version;
        this.findings = findings;
    }
    /**
     * Exports the report of `source` (default: the active editor's document) to `target` (default: asks, proposing
     * `<name>.responsibility.md` beside the template). Resolves to the written file, or undefined when cancelled.
     */
    async export(source, target) {
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
        const markdown = (0, reportMarkdown_1.renderReportMarkdown)(await this.knowledge.get(), [{ path: vscode.workspace.asRelativePath(uri, false), template, findings: await this.findings(document, template) }], { generator: `AWS Shared Responsibility Lens ${this.version}` });
        let destination = target instanceof vscode.Uri ? target : undefined;
        if (!destination) {
            const name = uri.path.slice(uri.path.lastIndexOf('/') + 1).replace(/\.(ya?ml|json|template|tf|tf\.json)$/i, '');
            destination = await vscode.window.showSaveDialog({
                defaultUri: vscode.Uri.joinPath(uri, '..', `${name}.responsibility.md`),
                filters: { Markdown: ['md'] },
                title: 'Export Responsibility Report',
            });
            if (!destination)
                return undefined;
        }
        await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(markdown));
        if (!(target instanceof vscode.Uri)) {
            const written = destination;
            void vscode.window.showInformationMessage(`Responsibility report written to ${vscode.workspace.asRelativePath(written, false)}.`, 'Open').then((choice) => {
                if (choice === 'Open')
                    void vscode.window.showTextDocument(written);
            });
        }
        return destination;
    }
}
exports.ReportExporter = ReportExporter;
/** Registers the commands; the returned disposables go to context.subscriptions. */
function registerCommands(panel, exporter) {
    return [
        vscode.commands.registerCommand(exports.COMMANDS.showDiagram, (arg) => showDiagram(panel, arg)),
        vscode.commands.registerCommand(exports.COMMANDS.exportReport, (source, target) => exporter.export(source, target)),
    ];
}
//# sourceMappingURL=commands.js.map