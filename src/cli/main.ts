// `srm-lens`: the command line over the analysis core (contract: ../shared/docs/cli-contract.md).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { version } from '../../package.json';
import { analyzeDocument } from '../core/analysis/document';
import { viewResource } from '../core/analysis/resourceView';
import type { Knowledge } from '../core/knowledge/knowledge';
import { renderHoverMarkdown } from '../core/render/hoverMarkdown';
import { renderReportMarkdown } from '../core/render/reportMarkdown';
import type { ReportFile } from '../core/render/reportMarkdown';
import { explainReport, fileReport, REPORT_VERSION } from '../core/report';
import { CONFIG_FILE_NAME, configSuppressionsFor, EMPTY_CONFIG, isIgnored, parseLensConfig } from '../core/rules/config';
import type { LensConfig } from '../core/rules/config';
import { findingsOf } from '../core/rules/engine';
import type { FileReport } from '../core/report';
import type { HclParser } from '../core/syntax/hcl';
import { terraformFormatOf } from '../core/template/terraform';
import { loadHclParser, loadKnowledge } from '../node/loadKnowledge';
import { toSarif } from './sarif';

const USAGE = `srm-lens ${version}: the AWS Shared Responsibility Model for CloudFormation, SAM and Terraform files

Usage:
  srm-lens scan <file-or-folder>... [--format text|json|sarif|markdown] [--fail-on error|warning|information]
                [--config .srm-lens.yaml]
  srm-lens explain <resource-type> [--format markdown|json]
  srm-lens --help | --version

scan     analyses templates (folders are walked; node_modules, .git, .terraform and cdk.out are skipped);
         --format markdown writes the responsibility report (per resource: category, AWS's side,
         your side, what the template leaves unaddressed), for a pull request or an audit
         .srm-lens.yaml in the current folder (or --config) sets rule severities, ignored paths and suppressions
explain  prints what the hover shows for a resource type, e.g. AWS::S3::Bucket

Exit status: 0 success; 1 a finding at or above --fail-on; 2 bad usage, unreadable path or unknown type.`;

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform', 'cdk.out']);
const CANDIDATE_FILE = /\.(ya?ml|json|template|cfn|tf)$/i;
const SEVERITY_RANK = { hint: 0, information: 1, warning: 2, error: 3 } as const;

class UsageError extends Error {}

interface Options {
  readonly positional: string[];
  readonly format: string | undefined;
  readonly failOn: string | undefined;
  readonly config: string | undefined;
}

function parseArguments(args: readonly string[]): Options {
  const positional: string[] = [];
  let format: string | undefined;
  let failOn: string | undefined;
  let config: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    if (flag === '--format' || flag === '--fail-on' || flag === '--config') {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      if (flag === '--format') format = value;
      else if (flag === '--config') config = value;
      else failOn = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, format, failOn, config };
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  try {
    const options = parseArguments(rest);
    if (command === 'scan') return await scan(options);
    if (command === 'explain') return explain(options);
    throw new UsageError(`unknown command '${command}' (try srm-lens --help)`);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`srm-lens: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

let knowledgeCache: Knowledge | undefined;
function knowledge(): Knowledge {
  knowledgeCache ??= loadKnowledge(join(__dirname, 'data'));
  return knowledgeCache;
}

let hclCache: Promise<HclParser> | undefined;
function hclParser(): Promise<HclParser> {
  hclCache ??= loadHclParser(__dirname);
  return hclCache;
}

function explain(options: Options): number {
  const format = options.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') throw new UsageError(`--format must be markdown or json for explain, not '${format}'`);
  if (options.failOn !== undefined) throw new UsageError('--fail-on applies to scan only');
  if (options.positional.length !== 1) throw new UsageError('explain needs exactly one resource type, e.g. srm-lens explain AWS::S3::Bucket');
  const type = options.positional[0]!;
  const k = knowledge();
  const view = viewResource(k, type);
  if (!view) {
    const suggestions = k.suggest(type);
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '';
    throw new UsageError(`unknown resource type '${type}'${hint}`);
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify(explainReport(k, type), null, 2)}\n`);
  else process.stdout.write(`${renderHoverMarkdown(k, view)}\n`);
  return 0;
}

async function scan(options: Options): Promise<number> {
  const format = options.format ?? 'text';
  if (!['text', 'json', 'sarif', 'markdown'].includes(format)) throw new UsageError(`--format must be text, json, sarif or markdown for scan, not '${format}'`);
  const failOn = options.failOn;
  if (failOn !== undefined && !['error', 'warning', 'information'].includes(failOn)) {
    throw new UsageError(`--fail-on must be error, warning or information, not '${failOn}'`);
  }
  if (options.positional.length === 0) throw new UsageError('scan needs at least one file or folder');
  const { config, base } = readConfig(options.config);
  for (const problem of config.problems) process.stderr.write(`srm-lens: ${problem}\n`);

  const files: string[] = [];
  for (const argument of options.positional) {
    let stats;
    try {
      stats = statSync(argument);
    } catch {
      throw new UsageError(`cannot read '${argument}': no such file or folder`);
    }
    if (stats.isDirectory()) {
      for (const file of walk(argument)) files.push(file);
    } else {
      files.push(argument);
    }
  }

  const reports: FileReport[] = [];
  const analysed: ReportFile[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read '${file}': ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const relativePath = relative(base, resolve(file)).split(sep).join('/');
    if (isIgnored(config, relativePath)) continue;
    const hcl = terraformFormatOf(file) === 'terraform-hcl' ? await hclParser() : undefined;
    const template = analyzeDocument(text, file, hcl);
    if (template) {
      const k = knowledge();
      const findings = findingsOf(k.rules, template, text, { overrides: config.rules, suppress: configSuppressionsFor(config, relativePath) });
      reports.push(fileReport(k, file, template, findings));
      analysed.push({ path: file, template, findings });
    }
  }

  if (format === 'json') {
    const output = { version: REPORT_VERSION, tool: { name: 'srm-lens', version }, files: reports };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else if (format === 'markdown') {
    process.stdout.write(renderReportMarkdown(knowledge(), analysed, { generator: `srm-lens ${version}` }));
  } else if (format === 'sarif') {
    process.stdout.write(`${JSON.stringify(toSarif(reports, version, knowledge()), null, 2)}\n`);
  } else {
    process.stdout.write(textReport(reports));
  }
  if (failOn === undefined) return 0;
  const threshold = SEVERITY_RANK[failOn as keyof typeof SEVERITY_RANK];
  const failing = reports.some((report) => report.findings.some((finding) => !finding.suppressed && SEVERITY_RANK[finding.severity] >= threshold));
  return failing ? 1 : 0;
}

/** The configuration file named by --config, or `.srm-lens.yaml` in the current folder; paths are relative to it. */
function readConfig(path: string | undefined): { config: LensConfig; base: string } {
  const file = path ?? CONFIG_FILE_NAME;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (path !== undefined) throw new UsageError(`cannot read the configuration '${path}': ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return { config: EMPTY_CONFIG, base: process.cwd() };
  }
  return { config: parseLensConfig(text), base: dirname(resolve(file)) };
}

function* walk(folder: string): Generator<string> {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield* walk(path);
    } else if (entry.isFile() && CANDIDATE_FILE.test(entry.name)) {
      yield path;
    }
  }
}

function textReport(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  let resources = 0;
  let known = 0;
  let errors = 0;
  let findings = 0;
  for (const report of reports) {
    lines.push(`${report.path} (${report.format})`);
    for (const resource of report.resources) {
      const where = `${resource.range.start.line + 1}:${resource.range.start.character + 1}`;
      const what = resource.known ? `${resource.service} · ${resource.category}` : 'unknown type';
      lines.push(`  ${where.padEnd(8)} ${resource.id}  ${resource.type}  ${what}`);
      resources++;
      if (resource.known) known++;
    }
    for (const finding of report.findings) {
      const where = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      const suppressed = finding.suppressed ? `  (suppressed by ${finding.suppressed.by}${finding.suppressed.reason ? `: ${finding.suppressed.reason}` : ''})` : '';
      lines.push(`  ${where.padEnd(8)} ${finding.severity}  ${finding.resource}: ${finding.message}  [${finding.ruleId}]${suppressed}`);
      findings++;
    }
    for (const error of report.errors) {
      lines.push(`  ${`${error.range.start.line + 1}:${error.range.start.character + 1}`.padEnd(8)} error  ${error.message}`);
      errors++;
    }
  }
  lines.push(`${reports.length} template(s), ${resources} resource(s), ${known} known, ${findings} finding(s), ${errors} error(s)`);
  return `${lines.join('\n')}\n`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`srm-lens: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
