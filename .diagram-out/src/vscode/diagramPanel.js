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
exports.DiagramSerializer = exports.DiagramPanel = exports.DIAGRAM_VIEW_TYPE = void 0;
const node_crypto_1 = require("node:crypto");
const vscode = __importStar(require("vscode"));
const knowledge_1 = require("../core/knowledge/knowledge");
const diagramModel_1 = require("../core/render/diagramModel");
const model_1 = require("../core/template/model");
const convert_1 = require("./convert");
const diagramMessages_1 = require("./diagramMessages");
exports.DIAGRAM_VIEW_TYPE = 'srmLens.diagram';
/** How long the diagram waits after a keystroke or a cursor move before it follows (ms). */
const EDIT_DELAY = 300;
const CURSOR_DELAY = 120;
/**
 * The single responsibility-diagram panel. It follows one template document: the active editor's, when that is a
 * template; the cursor in it selects a resource; edits redraw. All data goes to the webview as ToWebview messages
 * after it says `ready`; what it sends back is validated first.
 */
class DiagramPanel {
    extensionUri;
    index;
    knowledge;
    exportReport;
    findings;
    panel;
    panelDisposables = [];
    disposables = [];
    target;
    selectedId;
    /** The user asked to see a resource (the command, a hover's link): the next model brings its details into view. */
    revealNext = false;
    ready = false;
    generation = 0;
    sentLinks = new Set();
    editTimer;
    cursorTimer;
    renderedEmitter = new vscode.EventEmitter();
    lastRendered;
    postedMessages = [];
    /** Fires when the webview reports a render (tests wait on it). */
    onDidRender = this.renderedEmitter.event;
    constructor(extensionUri, index, knowledge, exportReport, 
    /** The findings of the rules on a document, as the Problems panel shows them (settings and suppressions applied). */
    findings) {
        this.extensionUri = extensionUri;
        this.index = index;
        this.knowledge = knowledge;
        this.exportReport = exportReport;
        this.findings = findings;
        this.disposables.push(this.renderedEmitter, vscode.window.onDidChangeActiveTextEditor((editor) => void this.followEditor(editor)), vscode.window.onDidChangeTextEditorSelection((event) => this.followCursor(event)), vscode.workspace.onDidChangeTextDocument((event) => {
            if (this.panel && this.target && event.document.uri.toString() === this.target.toString())
                this.schedule('edit');
        }));
    }
    /** Opens the panel (or brings it forward) on a document, selecting a resource: the given one, or the one at the cursor. */
    async show(uri, resourceId) {
        const editor = vscode.window.activeTextEditor;
        const document = uri ? await this.openDocument(uri) : editor?.document;
        const template = document ? await this.templateOf(document) : undefined;
        if (document && template) {
            this.target = document.uri;
            this.selectedId = resourceId ?? this.resourceAtCursor(document, template) ?? this.selectedIfPresent(template) ?? template.resources[0]?.id;
        }
        this.revealNext = true;
        if (this.panel) {
            this.panel.reveal(undefined, true);
        }
        else {
            const panel = vscode.window.createWebviewPanel(exports.DIAGRAM_VIEW_TYPE, 'Shared responsibility', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.webviewOptions());
            this.attach(panel);
        }
        await this.refresh();
    }
    /** The serializer's half: takes over a panel VS Code restored after a reload, with the webview's saved state. */
    async restore(panel, rawState) {
        const state = (0, diagramMessages_1.parseDiagramState)(rawState);
        if (this.panel) {
            // Only one diagram: a second restored panel is closed.
            panel.dispose();
            return;
        }
        this.attach(panel);
        if (state.uri)
            this.target = vscode.Uri.parse(state.uri);
        this.selectedId = state.selectedId;
        if (!this.target && vscode.window.activeTextEditor)
            this.target = vscode.window.activeTextEditor.document.uri;
        await this.refresh();
    }
    get isOpen() {
        return this.panel !== undefined;
    }
    /** The document the diagram follows. */
    get document() {
        return this.target;
    }
    get selected() {
        return this.selectedId;
    }
    get rendered() {
        return this.lastRendered;
    }
    /** The messages sent to the webview, oldest first (the last 50). */
    get posted() {
        return this.postedMessages;
    }
    /** Handles a message as if the webview sent it (the same validation applies). */
    receive(raw) {
        return this.onMessage(raw);
    }
    close() {
        this.panel?.dispose();
    }
    dispose() {
        this.panel?.dispose();
        this.clearTimers();
        for (const disposable of this.disposables)
            disposable.dispose();
    }
    webviewOptions() {
        return {
            enableScripts: true,
            enableCommandUris: false,
            localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
        };
    }
    attach(panel) {
        this.panel = panel;
        this.ready = false;
        this.lastRendered = undefined;
        panel.webview.options = this.webviewOptions();
        panel.iconPath = {
            light: vscode.Uri.joinPath(this.extensionUri, 'media', 'diagram-icon-light.svg'),
            dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'diagram-icon-dark.svg'),
        };
        panel.webview.html = this.html(panel.webview);
        this.panelDisposables.push(panel.webview.onDidReceiveMessage((message) => void this.onMessage(message)), panel.onDidDispose(() => {
            this.panel = undefined;
            this.ready = false;
            this.clearTimers();
            for (const disposable of this.panelDisposables)
                disposable.dispose();
            this.panelDisposables = [];
        }));
    }
    /** The static page: styles and the script from our own folders, under a strict Content-Security-Policy. */
    html(webview) {
        const nonce = (0, node_crypto_1.randomBytes)(16).toString('base64');
        const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'diagram.css'));
        const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'main.js'));
        const csp = [
            "default-src 'none'",
            `img-src ${webview.cspSource} data:`,
            `style-src ${webview.cspSource}`,
            `font-src ${webview.cspSource}`,
            `script-src 'nonce-${nonce}'`,
        ].join('; ');
        return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Shared responsibility</title>
</head>
<body>
<div id="app"><p class="empty">Loading the responsibility diagram…</p></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
    }
    async onMessage(raw) {
        const message = (0, diagramMessages_1.parseToHost)(raw);
        if (!message)
            return; // not ours, or malformed: ignored
        await this.handle(message);
    }
    async handle(message) {
        switch (message.type) {
            case 'ready':
                this.ready = true;
                await this.refresh();
                return;
            case 'select':
                await this.select(message.id);
                return;
            case 'reveal':
                await this.select(message.id);
                await this.reveal(message.id);
                return;
            case 'openLink':
                if ((0, diagramMessages_1.isOpenableLink)(message.url, this.sentLinks))
                    await vscode.env.openExternal(vscode.Uri.parse(message.url, true));
                return;
            case 'exportReport':
                if (this.target)
                    await this.exportReport(this.target);
                return;
            case 'rendered':
                this.lastRendered = { resources: message.resources, ...(message.selectedId !== undefined ? { selectedId: message.selectedId } : {}) };
                this.renderedEmitter.fire(this.lastRendered);
                return;
        }
    }
    /** Sends the whole model of the followed document (or `empty`). Stale results are dropped. */
    async refresh() {
        if (!this.panel || !this.ready)
            return;
        const generation = ++this.generation;
        const knowledge = await this.knowledge.get();
        const document = this.target ? await this.openDocument(this.target) : undefined;
        let template;
        let failure;
        try {
            template = document ? await this.index.get(document) : undefined;
        }
        catch (error) {
            failure = error instanceof Error ? error.message : String(error);
        }
        if (generation !== this.generation || !this.panel)
            return;
        if (failure !== undefined) {
            this.post({ type: 'empty', reason: `This file could not be analysed: ${failure}`, layers: (0, diagramModel_1.modelLayers)(knowledge), srmUrl: knowledge_1.SRM_PAGE_URL });
            return;
        }
        if (!document || !template) {
            this.panel.title = 'Shared responsibility';
            const reason = this.target
                ? 'The followed file is no longer a CloudFormation, SAM or Terraform template.'
                : 'Open a CloudFormation, SAM or Terraform template to see who secures what for each of its resources.';
            this.post({ type: 'empty', reason, layers: (0, diagramModel_1.modelLayers)(knowledge), srmUrl: knowledge_1.SRM_PAGE_URL });
            return;
        }
        if (this.selectedId !== undefined && !template.resources.some((r) => r.id === this.selectedId)) {
            this.selectedId = this.resourceAtCursor(document, template) ?? template.resources[0]?.id;
        }
        const findings = await this.findingsOf(document, template);
        if (generation !== this.generation || !this.panel)
            return;
        const fileName = vscode.workspace.asRelativePath(document.uri, false);
        const model = (0, diagramModel_1.buildDiagramModel)(knowledge, template, { fileName, findings, ...(this.selectedId !== undefined ? { selectedId: this.selectedId } : {}) });
        this.panel.title = `Responsibility: ${baseName(document.uri)}`;
        const reveal = this.revealNext;
        this.revealNext = false;
        this.post({ type: 'model', model, uri: document.uri.toString(), ...(reveal ? { reveal } : {}) });
    }
    /** Selects a resource of the followed document and sends its diagram. */
    async select(id) {
        if (!this.panel || !this.target)
            return;
        const document = await this.openDocument(this.target);
        const template = document ? await this.templateOf(document) : undefined;
        const resource = template?.resources.find((r) => r.id === id);
        if (!document || !template || !resource)
            return;
        this.selectedId = id;
        const knowledge = await this.knowledge.get();
        this.postSelection((0, diagramModel_1.buildResourceDiagram)(knowledge, template, resource, await this.findingsOf(document, template)));
    }
    /** The rules' findings on the document; none when they cannot be computed (the diagram still shows the rest). */
    async findingsOf(document, template) {
        try {
            return await this.findings(document, template);
        }
        catch {
            return [];
        }
    }
    postSelection(resource) {
        this.post({ type: 'select', id: resource?.id, resource });
    }
    /** Shows the resource in an editor beside the panel, its logical ID or address selected. */
    async reveal(id) {
        if (!this.target)
            return;
        const document = await this.openDocument(this.target);
        const template = document ? await this.templateOf(document) : undefined;
        const resource = template?.resources.find((r) => r.id === id);
        if (!document || !resource)
            return;
        const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
        const column = visible?.viewColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
        const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, preview: false });
        const range = (0, convert_1.toRange)(document, resource.idSpan);
        editor.selection = new vscode.Selection(range.start, range.start);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    async followEditor(editor) {
        if (!this.panel || !editor)
            return; // the panel itself, or the output panel, took focus: keep the last template
        const document = editor.document;
        if (this.target && document.uri.toString() === this.target.toString())
            return;
        const template = await this.templateOf(document);
        if (!template || !this.panel)
            return; // not a template: keep showing the last one
        this.target = document.uri;
        this.selectedId = this.resourceAtCursor(document, template, editor) ?? template.resources[0]?.id;
        await this.refresh();
    }
    followCursor(event) {
        if (!this.panel || !this.target || event.textEditor.document.uri.toString() !== this.target.toString())
            return;
        this.schedule('cursor', event.textEditor);
    }
    schedule(kind, editor) {
        if (kind === 'edit') {
            if (this.editTimer)
                clearTimeout(this.editTimer);
            this.editTimer = setTimeout(() => {
                this.editTimer = undefined;
                void this.refresh();
            }, EDIT_DELAY);
            return;
        }
        if (this.cursorTimer)
            clearTimeout(this.cursorTimer);
        this.cursorTimer = setTimeout(() => {
            this.cursorTimer = undefined;
            if (editor)
                void this.selectAtCursor(editor);
        }, CURSOR_DELAY);
    }
    async selectAtCursor(editor) {
        if (this.editTimer)
            return; // an edit is pending: its refresh selects from the cursor
        const template = await this.templateOf(editor.document);
        if (!template)
            return;
        const id = this.resourceAtCursor(editor.document, template, editor);
        if (id === undefined || id === this.selectedId)
            return; // outside any resource: keep the selection
        await this.select(id);
    }
    resourceAtCursor(document, template, editor = vscode.window.activeTextEditor) {
        if (!editor || editor.document.uri.toString() !== document.uri.toString())
            return undefined;
        return (0, model_1.resourceAt)(template, document.offsetAt(editor.selection.active))?.id;
    }
    /** The document's analysis, or undefined when it is not a template or cannot be analysed. */
    async templateOf(document) {
        try {
            return await this.index.get(document);
        }
        catch {
            return undefined;
        }
    }
    selectedIfPresent(template) {
        return template.resources.some((r) => r.id === this.selectedId) ? this.selectedId : undefined;
    }
    async openDocument(uri) {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open)
            return open;
        try {
            return await vscode.workspace.openTextDocument(uri);
        }
        catch {
            return undefined;
        }
    }
    post(message) {
        if (!this.panel)
            return;
        if (message.type === 'model') {
            this.rememberLinks(message.model);
        }
        else if (message.type === 'select' && message.resource) {
            for (const link of linksOf(message.resource))
                this.sentLinks.add(link.url);
        }
        else if (message.type === 'empty') {
            this.sentLinks.add(message.srmUrl);
        }
        this.postedMessages.push(message);
        if (this.postedMessages.length > 50)
            this.postedMessages.shift();
        void this.panel.webview.postMessage(message);
    }
    rememberLinks(model) {
        this.sentLinks.add(model.srmUrl);
        if (model.selected)
            for (const link of linksOf(model.selected))
                this.sentLinks.add(link.url);
    }
    clearTimers() {
        if (this.editTimer)
            clearTimeout(this.editTimer);
        if (this.cursorTimer)
            clearTimeout(this.cursorTimer);
        this.editTimer = undefined;
        this.cursorTimer = undefined;
    }
}
exports.DiagramPanel = DiagramPanel;
/** Every link a resource diagram shows: its documentation and the sources of its items and shifts. */
function linksOf(resource) {
    return [
        ...resource.links,
        ...resource.layers.flatMap((layer) => layer.items.flatMap((item) => item.sources)),
        ...resource.shifts.flatMap((shift) => shift.sources),
    ];
}
function baseName(uri) {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
/** Restores the diagram after a reload (activation event onWebviewPanel:srmLens.diagram). */
class DiagramSerializer {
    diagram;
    constructor(diagram) {
        this.diagram = diagram;
    }
    deserializeWebviewPanel(panel, state) {
        return this.diagram.restore(panel, state);
    }
}
exports.DiagramSerializer = DiagramSerializer;
//# sourceMappingURL=diagramPanel.js.map