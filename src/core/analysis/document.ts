import { DEFAULT_MAX_FILE_SIZE_MB } from '../settings';
import type { HclParser } from '../syntax/hcl';
import { LineIndex } from '../syntax/lineIndex';
import { looksLikeJson, mightBeCloudFormation, parseCloudFormation } from '../template/cloudformation';
import type { Template, TemplateFormat } from '../template/model';
import { parseTerraformHcl, parseTerraformJson, terraformFormatOf } from '../template/terraform';

const MB = 1024 * 1024;

/** How much of an oversized file is read to tell whether it is a template at all. */
export const OVERSIZED_SNIFF_LENGTH = 64 * 1024;

export interface AnalysisOptions {
  /** Larger texts (in UTF-16 code units, bytes for ASCII) are not analysed: one problem says so. */
  readonly maxSize?: number;
  /** `Date.now()` after which the HCL parser stops (the file is then reported as not analysed). */
  readonly deadline?: number;
  /** Polled while parsing HCL: true stops it. */
  readonly isCancelled?: () => boolean;
  /**
   * The analysis of the previous version of the same document: an edit inside one CloudFormation resource then
   * parses that resource again and reuses the rest (the rules' outcomes included).
   */
  readonly previous?: Template;
}

/**
 * Parses a document if it is infrastructure as code the core understands: Terraform by file name (`.tf`,
 * `.tf.json`; `.tf` needs the HCL parser, which the host creates once), otherwise a CloudFormation or SAM
 * template recognised by content, in YAML or JSON, whatever the name. Returns undefined for anything else.
 * The size is checked first: nothing proportional to an oversized text is built. Never throws: an unexpected
 * internal failure becomes a problem on an empty template.
 */
export function analyzeDocument(text: string, fileName = '', hcl?: HclParser, options: AnalysisOptions = {}): Template | undefined {
  const maxSize = options.maxSize ?? DEFAULT_MAX_FILE_SIZE_MB * MB;
  if (text.length > maxSize) return oversizedTemplate(text.slice(0, OVERSIZED_SNIFF_LENGTH), fileName, text.length, maxSize);
  const terraform = terraformFormatOf(fileName);
  try {
    if (terraform === 'terraform-hcl') return hcl ? parseTerraformHcl(text, hcl, options) : undefined;
    if (terraform === 'terraform-json') return parseTerraformJson(text);
    return parseCloudFormation(text, options.previous);
  } catch (error) {
    const format = formatOf(text, fileName);
    return format ? problemOnly(format, `Internal error while analysing this file: ${String(error)}`) : undefined;
  }
}

const oversized = new WeakSet<Template>();

/**
 * The template of a file over the size limit, from its first bytes only (`head`): one problem that says so, or
 * undefined when the file is not a template at all. For hosts that check a file's size before reading it.
 */
export function oversizedTemplate(head: string, fileName: string, size: number, maxSize: number): Template | undefined {
  const format = formatOf(head, fileName);
  if (!format) return undefined;
  const template = problemOnly(
    format,
    `This file is ${sizeText(size)}, over the analysis limit of ${sizeText(maxSize)}: it was not analysed ` +
      '(the setting srmLens.analysis.maxFileSize, or --max-size on the command line, raises the limit)',
  );
  oversized.add(template);
  return template;
}

/** True for the template of a file that was not analysed for its size (see oversizedTemplate). */
export function isOversized(template: Template): boolean {
  return oversized.has(template);
}

function formatOf(text: string, fileName: string): TemplateFormat | undefined {
  return terraformFormatOf(fileName) ?? (mightBeCloudFormation(text) ? (looksLikeJson(text) ? 'cloudformation-json' : 'cloudformation-yaml') : undefined);
}

function problemOnly(format: TemplateFormat, message: string): Template {
  return {
    format,
    resources: [],
    problems: [{ message, span: { start: 0, end: 0 } }],
    parameters: new Set(),
    resourceIds: new Set(),
    lines: new LineIndex(''),
  };
}

/** `250 MB`, `7.3 MB`, `2 KB`: rounded up below a megabyte, so a file over a limit never reads as equal to it. */
function sizeText(bytes: number): string {
  if (bytes < MB) return `${Math.ceil(bytes / 1024)} KB`;
  const megabytes = bytes / MB;
  return `${megabytes >= 10 ? Math.round(megabytes) : Number(megabytes.toFixed(1))} MB`;
}

/** True for a line that declares a resource type (`Type: AWS::S3::Bucket`, `resource "aws_s3_bucket" "x" {`). */
export function mayDeclareResourceType(line: string): boolean {
  return /^\s*["']?Type["']?\s*:\s*["']?[A-Za-z0-9]+::/.test(line) || /^\s*(resource|data)\s+"/.test(line);
}
