// The four output formats of `srm-lens scan`. Template text (file names, logical IDs, types, messages quoting the
// template) reaches a terminal, a Markdown renderer or code scanning: each format neutralises it.
import type { Knowledge } from '../core/knowledge/knowledge';
import { renderReportMarkdown } from '../core/render/reportMarkdown';
import type { ReportFile } from '../core/render/reportMarkdown';
import { REPORT_VERSION } from '../core/report';
import { escapeControlCharacters } from '../core/syntax/encoding';
import type { FileReport } from '../core/report';
import { toSarif } from './sarif';

export const SCAN_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** A file or folder the scan could not read (a JSON `errors[]` entry), and why. */
export interface Unreadable {
  readonly path: string;
  readonly message: string;
}

/** What one scan found: the reports of the JSON contract, the analysed templates for the Markdown report, what could not be read. */
export interface ScanResult {
  readonly reports: readonly FileReport[];
  readonly analysed: readonly ReportFile[];
  readonly unreadable: readonly Unreadable[];
}

export function renderScan(format: ScanFormat, result: ScanResult, knowledge: () => Knowledge, version: string): string {
  switch (format) {
    case 'json':
      // JSON.stringify escapes control characters: the JSON carries template text as written.
      return `${JSON.stringify({ version: REPORT_VERSION, tool: { name: 'srm-lens', version }, files: result.reports, errors: result.unreadable }, null, 2)}\n`;
    case 'markdown':
      // The report escapes template text itself (code spans, headings, table cells).
      return renderReportMarkdown(knowledge(), result.analysed, { generator: `srm-lens ${version}`, notRead: result.unreadable });
    case 'sarif':
      return `${JSON.stringify(toSarif(result.reports, version, knowledge(), result.unreadable), null, 2)}\n`;
    case 'text':
      return textReport(result);
  }
}

function textReport({ reports, unreadable }: ScanResult): string {
  const lines: string[] = [];
  let resources = 0;
  let known = 0;
  let errors = 0;
  let findings = 0;
  const at = (range: FileReport['errors'][number]['range']) => `${range.start.line + 1}:${range.start.character + 1}`.padEnd(8);
  for (const report of reports) {
    lines.push(`${escapeControlCharacters(report.path)} (${report.format})`);
    for (const resource of report.resources) {
      const what = resource.known ? `${resource.service} · ${resource.category}` : 'unknown type';
      lines.push(`  ${at(resource.range)} ${escapeControlCharacters(resource.id)}  ${escapeControlCharacters(resource.type)}  ${what}`);
      resources++;
      if (resource.known) known++;
    }
    for (const finding of report.findings) {
      const reason = finding.suppressed?.reason ? `: ${escapeControlCharacters(finding.suppressed.reason)}` : '';
      const suppressed = finding.suppressed ? `  (suppressed by ${finding.suppressed.by}${reason})` : '';
      lines.push(`  ${at(finding.range)} ${finding.severity}  ${escapeControlCharacters(finding.resource)}: ${escapeControlCharacters(finding.message)}  [${finding.ruleId}]${suppressed}`);
      findings++;
    }
    for (const error of report.errors) {
      lines.push(`  ${at(error.range)} error  ${escapeControlCharacters(error.message)}`);
      errors++;
    }
  }
  for (const entry of unreadable) lines.push(`${escapeControlCharacters(entry.path)}: error  ${escapeControlCharacters(entry.message)}`);
  const notRead = unreadable.length > 0 ? `, ${unreadable.length} not read` : '';
  lines.push(`${reports.length} template(s), ${resources} resource(s), ${known} known, ${findings} finding(s), ${errors} error(s)${notRead}`);
  return `${lines.join('\n')}\n`;
}

/**
 * A reader that stops reading (`srm-lens scan . | head`) closes the pipe: the CLI then ends quietly, with the exit
 * status it would have had, instead of dying of an unhandled EPIPE.
 */
export function quietOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

/**
 * Ends the process with `code` once stdout and stderr have taken all that was written to them (a pipe takes writes
 * asynchronously on POSIX). Node would otherwise, before exiting, wait for the work V8 left to background threads
 * (optimising compilations of the functions a scan made hot), which no longer serves: tens of milliseconds of a short run.
 */
export function exitWhenWritten(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const written = () => {
    if (--pending === 0) process.exit();
  };
  // An empty write calls back once everything written before it has been handed to the system (or has failed).
  process.stdout.write('', written);
  process.stderr.write('', written);
}
