import * as vscode from 'vscode';
import { fixEdits, fixTitle, suppressionEdits } from '../core/rules/fixes';
import type { TextEdit } from '../core/rules/fixes';
import type { Finding } from '../core/rules/types';
import { toRange } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { AnalysedDocument, DiagnosticsController } from './diagnostics';

export const SUPPRESS_COMMAND = 'srmLens.suppressFinding';

/** The arguments of the suppress command that a code action carries. */
interface SuppressArgs {
  readonly uri: string;
  readonly version: number;
  readonly ruleId: string;
  readonly resourceId: string;
  readonly start: number;
}

/**
 * Quick fixes for the rules that have one (the missing property or block, written in the document's own style)
 * and "Suppress with a reason…" for every finding.
 */
export class RuleCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysed = this.diagnostics.current(document);
    if (!analysed) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findingOf(document, analysed, diagnostic);
      if (!finding) continue;
      const fix = finding.kind !== 'depends' ? fixEdits(finding.rule, analysed.template, finding.resource, analysed.text) : undefined;
      const title = fixTitle(finding.rule, analysed.template);
      if (fix && fix.length > 0 && title) {
        const action = new vscode.CodeAction(`${title} (${finding.rule.id})`, vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEdit(document, fix);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      if (analysed.template.format !== 'terraform-json') {
        const suppress = new vscode.CodeAction(`Suppress ${finding.rule.id} with a reason…`, vscode.CodeActionKind.QuickFix);
        const args: SuppressArgs = { uri: document.uri.toString(), version: document.version, ruleId: finding.rule.id, resourceId: finding.resource.id, start: finding.span.start };
        suppress.command = { command: SUPPRESS_COMMAND, title: suppress.title, arguments: [args] };
        suppress.diagnostics = [diagnostic];
        actions.push(suppress);
      }
    }
    return actions;
  }
}

function findingOf(document: vscode.TextDocument, analysed: AnalysedDocument, diagnostic: vscode.Diagnostic): Finding | undefined {
  const id = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return analysed.findings.find((finding) => finding.rule.id === id && toRange(document, finding.span).isEqual(diagnostic.range));
}

function workspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const { span, newText } of edits) edit.replace(document.uri, toRange(document, span), newText);
  return edit;
}

/**
 * Asks for the reason, then writes the suppression. The reason may also come as the second argument (tests, keybindings).
 * Nothing is written when the document changed meanwhile or the prompt is dismissed.
 */
export async function suppressFinding(diagnostics: DiagnosticsController, args: unknown, givenReason?: unknown): Promise<boolean> {
  const { uri, version, ruleId, resourceId, start } = (args ?? {}) as Partial<SuppressArgs>;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (!document || document.version !== version || typeof ruleId !== 'string') return false;
  const reason = typeof givenReason === 'string'
    ? givenReason
    : await vscode.window.showInputBox({
        title: `Suppress ${ruleId}`,
        prompt: 'Why is this duty handled elsewhere, or accepted? The reason stays in the template for the next reader.',
        placeHolder: 'for example: encrypted by the application before upload',
        validateInput: (value) => (value.trim() ? undefined : 'A reason helps the next reader; without one the suppression is flagged.'),
      });
  if (reason === undefined) return false;
  const analysed = diagnostics.current(document);
  const finding = analysed?.findings.find((f) => f.rule.id === ruleId && f.resource.id === resourceId && f.span.start === start);
  if (!analysed || !finding) return false;
  const edits = suppressionEdits(analysed.template, finding.resource, ruleId, reason, finding.span, analysed.text);
  if (!edits) return false;
  return vscode.workspace.applyEdit(workspaceEdit(document, edits));
}
