import * as vscode from 'vscode';
import type { Span } from '../core/syntax/tree';

/** A core span as a VS Code range in the given document. */
export function toRange(document: Pick<vscode.TextDocument, 'positionAt'>, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
