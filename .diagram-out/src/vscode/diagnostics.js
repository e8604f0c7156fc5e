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
exports.DiagnosticsController = exports.SKIPPED_GLOB = exports.TEMPLATE_GLOB = exports.DIAGNOSTIC_SOURCE = void 0;
const vscode = __importStar(require("vscode"));
const unknownTypes_1 = require("../core/analysis/unknownTypes");
const config_1 = require("../core/rules/config");
const engine_1 = require("../core/rules/engine");
const types_1 = require("../core/rules/types");
const convert_1 = require("./convert");
/** `source` of every diagnostic, as the Problems panel shows it. */
exports.DIAGNOSTIC_SOURCE = 'SRM Lens';
/** Files the workspace scan reads: what CloudFormation, SAM and Terraform are written in. */
exports.TEMPLATE_GLOB = '**/*.{yaml,yml,json,template,tf}';
exports.SKIPPED_GLOB = '{**/node_modules/**,**/.git/**,**/.terraform/**,**/cdk.out/**}';
const SEVERITY = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    information: vscode.DiagnosticSeverity.Information,
    hint: vscode.DiagnosticSeverity.Hint,
};
/** Edits come in bursts: analyse once the typing pauses. */
const DEBOUNCE_MS = 250;
/**
 * The Problems panel: the findings of the rules on every template open in an editor (or, with the `workspace`
 * scope or after **Scan Workspace**, every template of the workspace). Updated on open and on edit (debounced;
 * a result for an older version is dropped), cleared on close.
 */
class DiagnosticsController {
    index;
    knowledge;
    configuration;
    configFiles;
    collection = vscode.languages.createDiagnosticCollection('srm-lens');
    timers = new Map();
    analysed = new Map();
    /** Files the workspace scan covered: closing them reads them from disk instead of clearing them. */
    scanned = new Set();
    /** Documents whose last tab closed: VS Code may still hold them open, but their diagnostics are cleared. */
    tabClosed = new Set();
    subscriptions = [];
    constructor(index, knowledge, configuration, configFiles) {
        this.index = index;
        this.knowledge = knowledge;
        this.configuration = configuration;
        this.configFiles = configFiles;
        this.subscriptions.push(vscode.workspace.onDidOpenTextDocument((document) => {
            this.tabClosed.delete(document.uri.toString());
            this.schedule(document, 0);
        }), vscode.workspace.onDidChangeTextDocument((event) => {
            if (event.contentChanges.length > 0)
                this.schedule(event.document, DEBOUNCE_MS);
        }), vscode.workspace.onDidCloseTextDocument((document) => this.closed(document.uri)), 
        // VS Code may keep a document open long after its last editor tab closed: a closed tab is the user's signal.
        vscode.window.tabGroups.onDidChangeTabs((event) => {
            for (const tab of event.closed) {
                if (tab.input instanceof vscode.TabInputText && !isInATab(tab.input.uri)) {
                    this.tabClosed.add(tab.input.uri.toString());
                    this.closed(tab.input.uri);
                }
            }
            for (const tab of event.opened) {
                if (!(tab.input instanceof vscode.TabInputText) || !this.tabClosed.delete(tab.input.uri.toString()))
                    continue;
                const uri = tab.input.uri.toString();
                const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
                if (document)
                    this.schedule(document, 0);
            }
        }), vscode.workspace.onDidChangeConfiguration((event) => {
            if (event.affectsConfiguration('srmLens'))
                this.refreshAll();
        }), configFiles.onDidChange(() => this.refreshAll()));
        for (const document of vscode.workspace.textDocuments)
            this.schedule(document, 0);
        if (configuration.for(undefined).scope === 'workspace')
            void this.scanWorkspace();
    }
    /** The findings of the last analysis of an open document, if it is current. */
    current(document) {
        const analysed = this.analysed.get(document.uri.toString());
        return analysed && analysed.version === document.version ? analysed : undefined;
    }
    /**
     * The findings of a document's current version, as the Problems panel shows them (settings and the configuration
     * file applied): from the last analysis, or computed now when the debounced one has not run yet.
     */
    async findings(document, template) {
        const current = this.current(document);
        if (current?.template === template)
            return current.findings;
        const settings = this.configuration.for(document.uri);
        if (!settings.diagnosticsEnabled)
            return [];
        const { config, relativePath } = await this.configFiles.for(document.uri);
        const knowledge = await this.knowledge.get();
        return (0, engine_1.findingsOf)(knowledge.rules, template, document.getText(), this.options(config, settings, relativePath));
    }
    options(config, settings, relativePath) {
        return { overrides: new Map([...config.rules, ...settings.ruleSeverities]), suppress: (0, config_1.configSuppressionsFor)(config, relativePath) };
    }
    /** Resolves once the document's diagnostics are computed for its current version (the tests wait on this). */
    async refresh(document) {
        const key = document.uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.delete(key);
        if (this.tabClosed.has(key))
            return;
        const version = document.version;
        const diagnostics = await this.diagnose(document.uri, document.getText(), () => this.index.get(document), version);
        // A newer edit arrived while this one was analysed (its own run will publish), or the document was closed.
        if (document.isClosed || document.version !== version || this.tabClosed.has(key))
            return;
        if (diagnostics === undefined)
            this.collection.delete(document.uri);
        else
            this.collection.set(document.uri, diagnostics);
    }
    /**
     * Fills the Problems panel for every template of the workspace. Cancellable; resolves to the number of templates
     * found. Open documents keep their editor text, the rest is read from disk.
     */
    async scanWorkspace(progress, token) {
        const files = await vscode.workspace.findFiles(exports.TEMPLATE_GLOB, exports.SKIPPED_GLOB, undefined, token);
        let templates = 0;
        for (const [i, uri] of files.entries()) {
            if (token?.isCancellationRequested)
                break;
            progress?.report({ message: `${i + 1} of ${files.length}: ${vscode.workspace.asRelativePath(uri, false)}`, increment: 100 / files.length });
            const key = uri.toString();
            // A document in an editor is read as edited; one whose tabs are closed, from disk like the rest.
            const open = this.tabClosed.has(key) ? undefined : vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
            if (open) {
                await this.refresh(open);
                if (this.analysed.has(key))
                    templates++;
                continue;
            }
            if (await this.scanFile(uri))
                templates++;
        }
        return templates;
    }
    async scanFile(uri) {
        const read = await this.index.readAndAnalyze(uri);
        if (!read)
            return false;
        const diagnostics = await this.diagnose(uri, read.text, async () => read.template);
        if (diagnostics === undefined) {
            this.collection.delete(uri);
            return false;
        }
        this.scanned.add(uri.toString());
        this.collection.set(uri, diagnostics);
        return true;
    }
    /** The diagnostics of a text, or undefined when it is not a template (or diagnostics are off for it). */
    async diagnose(uri, text, analyse, version) {
        const key = uri.toString();
        const settings = this.configuration.for(uri);
        if (!settings.diagnosticsEnabled) {
            this.analysed.delete(key);
            return undefined;
        }
        const template = await analyse();
        if (!template) {
            this.analysed.delete(key);
            return undefined;
        }
        const { config, relativePath } = await this.configFiles.for(uri);
        if ((0, config_1.isIgnored)(config, relativePath))
            return undefined;
        const knowledge = await this.knowledge.get();
        const findings = (0, engine_1.findingsOf)(knowledge.rules, template, text, this.options(config, settings, relativePath));
        if (version !== undefined)
            this.analysed.set(key, { version, text, template, findings });
        const minimum = Math.max((0, types_1.severityRank)(settings.minimumSeverity), (0, types_1.severityRank)(config.minimumSeverity ?? 'hint'));
        const document = { positionAt: (offset) => toPosition(template, offset) };
        const diagnostics = findings
            .filter((finding) => !finding.suppressed && (0, types_1.severityRank)(finding.severity) >= minimum)
            .map((finding) => this.toDiagnostic(knowledge, finding, uri, document));
        for (const problem of (0, unknownTypes_1.unknownTypeProblems)(knowledge, template)) {
            if ((0, types_1.severityRank)(problem.severity) < minimum)
                continue;
            const diagnostic = new vscode.Diagnostic((0, convert_1.toRange)(document, problem.span), problem.message, SEVERITY[problem.severity]);
            diagnostic.source = exports.DIAGNOSTIC_SOURCE;
            diagnostic.code = 'unknown-type';
            diagnostics.push(diagnostic);
        }
        return diagnostics;
    }
    toDiagnostic(knowledge, finding, uri, document) {
        const { rule } = finding;
        const domain = knowledge.domain(rule.domain)?.label ?? rule.domain;
        const controls = rule.controls.length > 0 ? `; Security Hub ${rule.controls.join(', ')}` : '';
        const diagnostic = new vscode.Diagnostic((0, convert_1.toRange)(document, finding.span), `${finding.message} (${domain}${controls})`, SEVERITY[finding.severity]);
        diagnostic.source = exports.DIAGNOSTIC_SOURCE;
        const help = knowledge.source(rule.sources[0]?.ref ?? '')?.url;
        diagnostic.code = help ? { value: rule.id, target: vscode.Uri.parse(help) } : rule.id;
        if (finding.related && finding.related.length > 0) {
            diagnostic.relatedInformation = finding.related.map((related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, (0, convert_1.toRange)(document, related.resource.idSpan)), related.message));
        }
        return diagnostic;
    }
    schedule(document, delay) {
        if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-scm')
            return;
        const key = document.uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.set(key, setTimeout(() => void this.refresh(document), delay));
    }
    closed(uri) {
        const key = uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.delete(key);
        this.analysed.delete(key);
        if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && !d.isClosed) && !this.tabClosed.has(key))
            return;
        if (this.scanned.has(key) || this.configuration.for(uri).scope === 'workspace')
            void this.scanFile(uri);
        else
            this.collection.delete(uri);
    }
    refreshAll() {
        for (const document of vscode.workspace.textDocuments)
            this.schedule(document, 0);
        if (this.configuration.for(undefined).scope === 'workspace')
            void this.scanWorkspace();
    }
    dispose() {
        for (const timer of this.timers.values())
            clearTimeout(timer);
        for (const subscription of this.subscriptions)
            subscription.dispose();
        this.collection.dispose();
    }
}
exports.DiagnosticsController = DiagnosticsController;
function isInATab(uri) {
    const key = uri.toString();
    return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key));
}
function toPosition(template, offset) {
    const { line, character } = template.lines.positionAt(offset);
    return new vscode.Position(line, character);
}
//# sourceMappingURL=diagnostics.js.map