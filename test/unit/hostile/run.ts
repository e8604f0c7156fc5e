// Runs one text through everything a scan does in-process: the analysis, the rules, and all four output formats of
// the CLI. Hostile-input and fuzz tests use it, so each input is checked end to end, not only at the parser.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { analyzeDocument } from '../../../src/core/analysis/document';
import type { AnalysisOptions } from '../../../src/core/analysis/document';
import { fileReport } from '../../../src/core/report';
import { findingsOf } from '../../../src/core/rules/engine';
import type { HclParser } from '../../../src/core/syntax/hcl';
import type { Template } from '../../../src/core/template/model';
import { renderScan, SCAN_FORMATS } from '../../../src/cli/output';
import type { ScanFormat } from '../../../src/cli/output';
import { knowledge, ROOT } from '../helpers';

export interface Scanned {
  readonly template: Template | undefined;
  readonly outputs: Readonly<Record<ScanFormat, string>>;
}

/** Analyses `text` as the file `fileName` and renders the result in every CLI output format. */
export function scanText(text: string, fileName: string, hcl?: HclParser, options?: AnalysisOptions): Scanned {
  const template = analyzeDocument(text, fileName, hcl, options);
  const k = knowledge();
  const findings = template ? findingsOf(k.rules, template, text) : [];
  const result = {
    reports: template ? [fileReport(k, fileName, template, findings)] : [],
    analysed: template ? [{ path: fileName, template, findings }] : [],
    unreadable: [],
  };
  const outputs = Object.fromEntries(SCAN_FORMATS.map((format) => [format, renderScan(format, result, knowledge, '0.0.0')])) as Record<ScanFormat, string>;
  return { template, outputs };
}

/** The problems of a template, as messages. */
export function messages(template: Template | undefined): string[] {
  return template?.problems.map((problem) => problem.message) ?? [];
}

/** Runs the built CLI (dist/cli.js) in `cwd`, with extra Node options when given. */
export function cli(args: readonly string[], options: { cwd?: string; nodeOptions?: readonly string[]; as?: readonly string[] } = {}) {
  const command = [...(options.as ?? []), process.execPath, ...(options.nodeOptions ?? []), join(ROOT, 'dist', 'cli.js'), ...args];
  return spawnSync(command[0]!, command.slice(1), { cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: 120000 });
}
