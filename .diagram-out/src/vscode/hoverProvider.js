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
exports.ResponsibilityHoverProvider = void 0;
const vscode = __importStar(require("vscode"));
const document_1 = require("../core/analysis/document");
const resourceView_1 = require("../core/analysis/resourceView");
const hoverMarkdown_1 = require("../core/render/hoverMarkdown");
const model_1 = require("../core/template/model");
const commands_1 = require("./commands");
const convert_1 = require("./convert");
/** The responsibility hover on a resource type token; everything it shows is rendered by the core. */
class ResponsibilityHoverProvider {
    index;
    knowledge;
    configuration;
    diagnostics;
    constructor(index, knowledge, configuration, diagnostics) {
        this.index = index;
        this.knowledge = knowledge;
        this.configuration = configuration;
        this.diagnostics = diagnostics;
    }
    async provideHover(document, position, token) {
        if (!this.configuration.for(document.uri).hoverEnabled)
            return undefined;
        const template = await this.index.get(document, token);
        if (!template)
            return undefined;
        // A file over the size limit was not analysed: where a resource type is declared, one line says so.
        if ((0, document_1.isOversized)(template)) {
            return (0, document_1.mayDeclareResourceType)(document.lineAt(position.line).text) ? new vscode.Hover(template.problems[0]?.message ?? '') : undefined;
        }
        const resource = (0, model_1.resourceTypeAt)(template, document.offsetAt(position));
        if (!resource)
            return undefined;
        const knowledge = await this.knowledge.get();
        let markdown;
        if (resource.kind === 'module')
            markdown = (0, hoverMarkdown_1.renderModuleMarkdown)(knowledge, resource.type);
        else {
            const findings = (await this.diagnostics.findings(document, template)).filter((finding) => finding.resource === resource);
            const view = (0, resourceView_1.viewResource)(knowledge, resource.type, resource, template, findings);
            // The general split is shortened, with a link to the diagram on this resource for the rest.
            const options = { moreLink: (0, commands_1.showDiagramLink)(document.uri, resource.id) };
            markdown = view ? (0, hoverMarkdown_1.renderHoverMarkdown)(knowledge, view, findings, options) : (0, hoverMarkdown_1.renderUnknownTypeMarkdown)(knowledge, resource.type, resource.kind === 'data');
        }
        if (!markdown)
            return undefined;
        // The core's Markdown has no command links (the CLI prints it); the link to the diagram is added here, on the
        // first line so a long hover still shows it, and only this one command is trusted.
        const link = `[Show in diagram](${(0, commands_1.showDiagramLink)(document.uri, resource.id)} "Open the responsibility diagram on this resource")`;
        const [header = '', ...rest] = markdown.split('\n');
        const hover = new vscode.MarkdownString([`${header} · ${link}`, ...rest].join('\n'));
        hover.isTrusted = { enabledCommands: [commands_1.COMMANDS.showDiagram] };
        return new vscode.Hover(hover, (0, convert_1.toRange)(document, resource.typeSpan));
    }
}
exports.ResponsibilityHoverProvider = ResponsibilityHoverProvider;
//# sourceMappingURL=hoverProvider.js.map