// `srm-lens`: the command line over the analysis core (contract: ../shared/docs/cli-contract.md).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { version } from '../../package.json';
import { analyzeDocument, oversizedTemplate } from '../core/analysis/document';
import { viewResource } from '../core/analysis/resourceView';
import type { Knowledge } from '../core/knowledge/knowledge';
import { renderHoverMarkdown } from '../core/render/hoverMarkdown';
import type { ReportFile } from '../core/render/reportMarkdown';
import { explainReport, fileReport } from '../core/report';
import { CONFIG_FILE_NAME, configSuppressionsFor, EMPTY_CONFIG, isIgnored, parseLensConfig } from '../core/rules/config';
import type { LensConfig } from '../core/rules/config';
import { findingsOf } from '../core/rules/engine';
import type { FileReport } from '../core/report';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../core/settings';
import { escapeControlCharacters } from '../core/syntax/encoding';
import type { HclParser } from '../core/syntax/hcl';
import { parseTerraformJson, terraformFormatOf } from '../core/template/terraform';
import { loadHclParser, loadKnowledge } from '../node/loadKnowledge';
import { candidatesOf, readText } from './input';
import { exitWhenWritten, quietOnBrokenPipe, renderScan, SCAN_FORMATS } from './output';
import type { ScanFormat, Unreadable } from './output';

const USAGE = `srm-lens ${version}: the AWS Shared Responsibility Model for CloudFormation, SAM and Terraform files

Usage:
  srm-lens scan <file-or-folder>... [--format text|json|sarif|markdown] [--fail-on error|warning|information]
                [--config .srm-lens.yaml] [--max-size <MB>]
  srm-lens explain <resource-type> [--format markdown|json]
  srm-lens --help | --version

scan     analyses templates (folders are walked; node_modules, .git, .terraform and cdk.out are skipped);
         --format markdown writes the responsibility report (per resource: category, AWS's side,
         your side, what the template leaves unaddressed), for a pull request or an audit
         .srm-lens.yaml in the current folder (or --config) sets rule severities, ignored paths and suppressions;
         a file over --max-size (default ${DEFAULT_MAX_FILE_SIZE_MB} MB) is reported, not analysed; pipes and devices are not read
explain  prints what the hover shows for a resource type, e.g. AWS::S3::Bucket, or a Terraform data source,
         e.g. data.aws_iam_policy_document

Exit status: 0 success; 1 a finding at or above --fail-on; 2 bad usage, unreadable path or unknown type.`;

const SEVERITY_RANK = { hint: 0, information: 1, warning: 2, error: 3 } as const;

class UsageError extends Error {}

interface Options {
  readonly positional: string[];
  readonly format: string | undefined;
  readonly failOn: string | undefined;
  readonly config: string | undefined;
  readonly maxSize: string | undefined;
}

function parseArguments(args: readonly string[]): Options {
  const positional: string[] = [];
  let format: string | undefined;
  let failOn: string | undefined;
  let config: string | undefined;
  let maxSize: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    if (flag === '--format' || flag === '--fail-on' || flag === '--config' || flag === '--max-size') {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      if (flag === '--format') format = value;
      else if (flag === '--config') config = value;
      else if (flag === '--max-size') maxSize = value;
      else failOn = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, format, failOn, config, maxSize };
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
  const written = options.positional[0]!;
  // `data.aws_iam_policy_document`, as Terraform addresses a data source: explained like its hover.
  const dataSource = written.startsWith('data.');
  const type = dataSource ? written.slice('data.'.length) : written;
  const k = knowledge();
  const declared = dataSource ? parseTerraformJson(JSON.stringify({ data: { [type]: { explain: {} } } })).resources[0] : undefined;
  const view = viewResource(k, type, declared);
  if (!view) {
    const unknown = k.unknownType(type, dataSource);
    if (unknown?.namespace) {
      const { service, category } = unknown.namespace;
      const typo = unknown.closest.length > 0 ? `, or a typo of ${unknown.closest.join(', ')}` : ', or a typo';
      throw new UsageError(`'${written}' is not in the catalog (${unknown.catalog}): newer than this version${typo}; its namespace is ${service} (${category})`);
    }
    const hint = unknown?.typoOf ? `; did you mean ${unknown.typoOf}?` : unknown && unknown.closest.length > 0 ? `; closest known: ${unknown.closest.join(', ')}` : '';
    throw new UsageError(`unknown resource type '${written}'${hint}`);
  }
  if (format === 'json') {
    if (dataSource) throw new UsageError('explain --format json takes resource types; a data source is explained as Markdown');
    process.stdout.write(`${JSON.stringify(explainReport(k, type), null, 2)}\n`);
  } else process.stdout.write(`${renderHoverMarkdown(k, view)}\n`);
  return 0;
}

async function scan(options: Options): Promise<number> {
  const format = options.format ?? 'text';
  if (!(SCAN_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be text, json, sarif or markdown for scan, not '${format}'`);
  const failOn = options.failOn;
  if (failOn !== undefined && !['error', 'warning', 'information'].includes(failOn)) {
    throw new UsageError(`--fail-on must be error, warning or information, not '${failOn}'`);
  }
  if (options.positional.length === 0) throw new UsageError('scan needs at least one file or folder');
  const { config, base } = readConfig(options.config);
  for (const problem of config.problems) process.stderr.write(`srm-lens: ${escapeControlCharacters(problem)}\n`);

  const { reports, analysed, unreadable } = await scanFiles(options.positional, config, base, maxSizeBytes(options.maxSize));
  process.stdout.write(renderScan(format as ScanFormat, { reports, analysed, unreadable }, knowledge, version));
  if (unreadable.length > 0) return 2;
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

/** --max-size in MB as bytes (default DEFAULT_MAX_FILE_SIZE_MB). */
function maxSizeBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_FILE_SIZE_MB * 1024 * 1024;
  const megabytes = Number(value);
  if (!(megabytes > 0) || !Number.isFinite(megabytes)) throw new UsageError(`--max-size must be a positive number of megabytes, not '${value}'`);
  return Math.floor(megabytes * 1024 * 1024);
}

/**
 * Reads and analyses every file the arguments name. A file or folder that cannot be read, or is not a regular file,
 * becomes an entry of `unreadable` and the scan goes on; a file over the size limit is reported from its first bytes.
 */
async function scanFiles(argumentsGiven: readonly string[], config: LensConfig, base: string, maxSize: number): Promise<{ reports: FileReport[]; analysed: ReportFile[]; unreadable: Unreadable[] }> {
  const reports: FileReport[] = [];
  const analysed: ReportFile[] = [];
  const unreadable: Unreadable[] = [];
  for (const argument of argumentsGiven) {
    let candidates;
    try {
      candidates = candidatesOf(argument);
    } catch {
      throw new UsageError(`cannot read '${escapeControlCharacters(argument)}': no such file or folder`);
    }
    for (const candidate of candidates) {
      const file = candidate.path;
      const relativePath = relative(base, resolve(file)).split(sep).join('/');
      if (isIgnored(config, relativePath)) continue;
      if (candidate.error !== undefined) {
        unreadable.push({ path: file, message: candidate.error });
        continue;
      }
      const read = readText(file, maxSize);
      if (read.kind === 'error') {
        unreadable.push({ path: file, message: read.error });
        continue;
      }
      const hcl = read.kind === 'text' && terraformFormatOf(file) === 'terraform-hcl' ? await hclParser() : undefined;
      await hcl?.ready(); // after a file that made the parser fail, its replacement
      const text = read.kind === 'text' ? read.text : '';
      const template = read.kind === 'text' ? analyzeDocument(text, file, hcl, { maxSize }) : oversizedTemplate(read.head, file, read.size, maxSize);
      if (!template) continue;
      const k = knowledge();
      const findings = findingsOf(k.rules, template, text, { overrides: config.rules, suppress: configSuppressionsFor(config, relativePath) });
      reports.push(fileReport(k, file, template, findings));
      analysed.push({ path: file, template, findings });
    }
  }
  return { reports, analysed, unreadable };
}

quietOnBrokenPipe(process.stdout);
main(process.argv.slice(2)).then(
  (code) => exitWhenWritten(code),
  (error: unknown) => {
    process.stderr.write(`srm-lens: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    exitWhenWritten(2);
  },
);
