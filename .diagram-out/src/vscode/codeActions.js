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
exports.RuleCodeActions = exports.SUPPRESS_COMMAND = void 0;
exports.suppressFinding = suppressFinding;
const vscode = __importStar(require("vscode"));
const fixes_1 = require("../core/rules/fixes");
const convert_1 = require("./convert");
const diagnostics_1 = require("./diagnostics");
exports.SUPPRESS_COMMAND = 'srmLens.suppressFinding';
/**
 * Quick fixes for the rules that have one (the missing property or block, written in the document's own style)
 * and "Suppress with a reason…" for every finding.
 */
class RuleCodeActions {
    diagnostics;
    static kinds = [vscode.CodeActionKind.QuickFix];
    constructor(diagnostics) {
        this.diagnostics = diagnostics;
    }
    provideCodeActions(document, _range, context) {
        const analysed = this.diagnostics.current(document);
        if (!analysed)
            return [];
        const actions = [];
        for (const diagnostic of context.diagnostics) {
            if (diagnostic.source !== diagnostics_1.DIAGNOSTIC_SOURCE)
                continue;
            const finding = findingOf(document, analysed, diagnostic);
            if (!finding)
                continue;
            const fix = finding.kind !== 'depends' ? (0, fixes_1.fixEdits)(finding.rule, analysed.template, finding.resource, analysed.text) : undefined;
            const title = (0, fixes_1.fixTitle)(finding.rule, analysed.template);
            if (fix && fix.length > 0 && title) {
                const action = new vscode.CodeAction(`${title} (${finding.rule.id})`, vscode.CodeActionKind.QuickFix);
                action.edit = workspaceEdit(document, fix);
                action.diagnostics = [diagnostic];
                action.isPreferred = true;
                actions.push(action);
            }
            if (analysed.template.format !== 'terraform-json') {
                const suppress = new vscode.CodeAction(`Suppress ${finding.rule.id} with a reason…`, vscode.CodeActionKind.QuickFix);
                const args = { uri: document.uri.toString(), version: document.version, ruleId: finding.rule.id, resourceId: finding.resource.id, start: finding.span.start };
                suppress.command = { command: exports.SUPPRESS_COMMAND, title: suppress.title, arguments: [args] };
                suppress.diagnostics = [diagnostic];
                actions.push(suppress);
            }
        }
        return actions;
    }
}
exports.RuleCodeActions = RuleCodeActions;
function findingOf(document, analysed, diagnostic) {
    const id = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return analysed.findings.find((finding) => finding.rule.id === id && (0, convert_1.toRange)(document, finding.span).isEqual(diagnostic.range));
}
function workspaceEdit(document, edits) {
    const edit = new vscode.WorkspaceEdit();
    for (const { span, newText } of edits)
        edit.replace(document.uri, (0, convert_1.toRange)(document, span), newText);
    return edit;
}
/**
 * Asks for the reason, then writes the suppression. The reason may also come as the second argument (tests, keybindings).
 * Nothing is written when the document changed meanwhile or the prompt is dismissed.
 */
async function suppressFinding(diagnostics, args, givenReason) {
    const { uri, version, ruleId, resourceId, start } = (args ?? {});
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (!document || document.version !== version || typeof ruleId !== 'string')
        return false;
    const reason = typeof givenReason === 'string'
        ? givenReason
        : await vscode.window.showInputBox({
            title: `Suppress ${ruleId}`,
            prompt: 'Why is this duty handled elsewhere, or accepted? The reason stays in the template for the next reader.',
            placeHolder: 'for example: encrypted by the application before upload',
            validateInput: (value) => (value.trim() ? undefined : 'A reason helps the next reader; without one the suppression is flagged.'),
        });
    if (reason === undefined)
        return false;
    const analysed = diagnostics.current(document);
    const finding = analysed?.findings.find((f) => f.rule.id === ruleId && f.resource.id === resourceId && f.span.start === start);
    if (!analysed || !finding)
        return false;
    const edits = (0, fixes_1.suppressionEdits)(analysed.template, finding.resource, ruleId, reason, finding.span, analysed.text);
    if (!edits)
        return false;
    return vscode.workspace.applyEdit(workspaceEdit(document, edits));
}
//# sourceMappingURL=codeActions.js.map