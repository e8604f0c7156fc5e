import type { Knowledge } from '../knowledge/knowledge';
import { SRM_PAGE_URL } from '../knowledge/knowledge';
import type { Finding } from '../rules/types';
import { escapeControlCharacters } from '../syntax/encoding';
import { severityRank } from '../rules/types';
import type { Resource, Template } from '../template/model';
import { buildResourceDiagram, CATEGORY_TEXT, modelLayers } from './diagramModel';
import type { DiagramDefault, DiagramItem, DiagramLink, DiagramShift, DomainCell, ResourceDiagram } from './diagramTypes';
import { DEFAULTS_NOTE, escapeMarkdown } from './hoverMarkdown';

/** One analysed file for the report. */
export interface ReportFile {
  /** As shown in the report: a workspace-relative path or the path given on the command line. */
  readonly path: string;
  readonly template: Template;
  /** The findings of the rules on this file (rules/engine.ts); listed per resource. */
  readonly findings?: readonly Finding[];
}

export interface ReportOptions {
  /** Who wrote the report, e.g. `srm-lens 0.1.0`. */
  readonly generator: string;
  /** Files and folders that could not be read, and why: listed at the end. */
  readonly notRead?: readonly { readonly path: string; readonly message: string }[];
}

const FORMAT_LABEL: Record<Template['format'], string> = {
  'cloudformation-yaml': 'CloudFormation YAML',
  'cloudformation-json': 'CloudFormation JSON',
  'terraform-hcl': 'Terraform',
  'terraform-json': 'Terraform JSON',
};

/**
 * The responsibility report of one or more templates as Markdown, for a pull request or an audit: per resource its
 * category, AWS's side, your side with what this template addresses, and the duties it leaves unaddressed. What the
 * `Export Responsibility Report` command writes and what `srm-lens scan --format markdown` prints. No command links
 * and no HTML: every string from a template is escaped.
 */
export function renderReportMarkdown(knowledge: Knowledge, files: readonly ReportFile[], options: ReportOptions): string {
  const out: string[] = [];
  out.push('# Shared responsibility report', '');
  out.push(
    `Who secures what for each AWS resource, read from the template as written, by ${options.generator} ` +
      `(AWS Shared Responsibility Lens). **AWS** secures the cloud itself; **you** secure what you put in it. ` +
      `"Not addressed in this template" marks a duty of yours whose setting the template does not contain: ` +
      `worth a look, not necessarily a problem. "Depends on" marks a value the template cannot fix (a parameter or variable). ` +
      `An AWS default is not an AWS responsibility: where a resource relies on one, the report says so.`,
  );
  out.push('', `Model: [AWS Shared Responsibility Model](${SRM_PAGE_URL}) · layers: ${modelLayers(knowledge).map((l) => l.shortLabel).join(', ')}.`);
  if (files.length === 0) out.push('', '*No CloudFormation, SAM or Terraform templates found.*');
  for (const file of files) fileSection(knowledge, file, out);
  if (options.notRead && options.notRead.length > 0) {
    out.push('', '## Not read', '');
    for (const entry of options.notRead) out.push(`- ${code(entry.path)}: ${inline(entry.message)}`);
  }
  return `${out.join('\n')}\n`;
}

/** Appends the section of one file to `out` (thousands of resources make more lines than a spread may hold). */
function fileSection(knowledge: Knowledge, file: ReportFile, out: string[]): void {
  const { template } = file;
  const isSam = template.resources.some((r) => r.type.startsWith('AWS::Serverless::'));
  const format = isSam ? `SAM (${FORMAT_LABEL[template.format]})` : FORMAT_LABEL[template.format];
  out.push('', `## ${code(file.path)} (${format})`, '');
  const diagrams = template.resources.map((resource) => buildResourceDiagram(knowledge, template, resource, file.findings ?? []));
  for (const problem of template.problems) {
    const at = template.lines.positionAt(problem.span.start);
    out.push(`> **Problem** line ${at.line + 1}: ${inline(problem.message)}`, '');
  }
  if (diagrams.length === 0) {
    out.push('*No resources.*');
    return;
  }
  const totals = { unaddressed: 0, undecidable: 0 };
  for (const diagram of diagrams) {
    totals.unaddressed += findings(diagram).length;
    totals.undecidable += dependencies(diagram).length;
  }
  const byCategory = new Map<string, number>();
  for (const diagram of diagrams) {
    const key = diagram.category && diagram.kind === 'resource' ? `${diagram.category}` : diagram.kind === 'resource' ? 'unknown' : diagram.kind === 'data' ? 'data source' : 'module';
    byCategory.set(key, (byCategory.get(key) ?? 0) + 1);
  }
  out.push(
    `${plural(diagrams.length, 'resource')} (${[...byCategory].map(([key, count]) => `${count} ${key}`).join(', ')}); ` +
      `${plural(totals.unaddressed, 'duty')} not addressed in this template, ${totals.undecidable} depending on a value the template does not fix.`,
    '',
  );
  // Grouped once, by resource (not by ID, which a broken file may repeat): a filter per resource would make the report
  // quadratic in the resources. The diagrams are in the order of the template's resources.
  const findingsByResource = new Map<Resource, Finding[]>();
  for (const finding of file.findings ?? []) {
    let list = findingsByResource.get(finding.resource);
    if (!list) findingsByResource.set(finding.resource, (list = []));
    list.push(finding);
  }
  const findingsOf = (index: number) => findingsByResource.get(template.resources[index]!) ?? [];
  // The duty counts are the `duties` of `scan --format json`: met (a rule passes), open, depends, AWS default.
  out.push('| Resource | Type | Category | Met | Open | Depends on a value | AWS default | Findings |');
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
  diagrams.forEach((diagram, index) => {
    const { met, open, depends } = diagram.counts;
    out.push(
      `| ${cell(inline(diagram.id))} | ${cell(code(diagram.type))} | ${cell(categoryText(diagram))} | ${met} | ${open} | ${depends} | ${diagram.counts.default} | ${severityCounts(findingsOf(index).filter((finding) => !finding.suppressed))} |`,
    );
  });
  diagrams.forEach((diagram, index) => out.push('', ...resourceSection(diagram, findingsOf(index))));
}

function severityCounts(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  const order = ['error', 'warning', 'information', 'hint'];
  return order.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`).join(', ') || '–';
}

function findingSection(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  const out = ['', '**Findings**', ''];
  const sorted = [...findings].sort((a, b) => Number(Boolean(a.suppressed)) - Number(Boolean(b.suppressed)) || severityRank(b.severity) - severityRank(a.severity));
  for (const finding of sorted) {
    const controls = finding.rule.controls.length > 0 ? ` (Security Hub: ${finding.rule.controls.join(', ')})` : '';
    const suppressed = finding.suppressed ? ` *Suppressed (${finding.suppressed.by})${finding.suppressed.reason ? `: ${inline(finding.suppressed.reason)}` : ''}.*` : '';
    out.push(`- **${finding.severity}** ${code(finding.rule.id)}: ${inline(finding.message)}${controls}${suppressed}`);
  }
  return out;
}

function resourceSection(diagram: ResourceDiagram, ruleFindings: readonly Finding[]): string[] {
  const out = [`### ${inline(diagram.id)} · ${code(diagram.type)}`, ''];
  const headline = [diagram.service, categoryText(diagram)].filter(Boolean).join(' · ');
  out.push(headline + (diagram.categoryBasis === 'derived' ? ' (our classification)' : ''));
  if (diagram.note) {
    out.push('', inline(diagram.note));
    out.push('', diagram.links.map(link).join(' · '));
    return out;
  }
  out.push(...findingSection(ruleFindings));
  if (diagram.shifts.length > 0) {
    out.push('', '**As written**', '');
    for (const shift of diagram.shifts) out.push(`- ${shiftText(shift)}`);
  }

  const awsItems = diagram.layers.flatMap((layer) => layer.items.filter((item) => item.side === 'aws' && !item.general));
  out.push('', "**AWS's side** (security *of* the cloud)", '');
  if (awsItems.length === 0) out.push('- Facilities, hardware and the software that runs the service (the generic model).');
  for (const item of awsItems) out.push(`- ${item.text} ${basisLink(item)}`);

  if (diagram.defaults.length > 0) {
    out.push('', `**AWS defaults** (${DEFAULTS_NOTE})`, '');
    for (const item of diagram.defaults) out.push(`- ${defaultText(item)}`);
  }

  out.push('', '**Your side** (security *in* the cloud)', '');
  const items = customerItems(diagram);
  if (items.length > 0) {
    out.push('| Domain | Duty | In this template | Basis |', '| --- | --- | --- | --- |');
    for (const item of items) out.push(`| ${cell(item.domainLabel)} | ${cell(item.text)} | ${cell(evidenceText(item))} | ${cell(basisLink(item))} |`);
  } else {
    out.push('- No duty of yours is listed for this type beyond the generic model.');
  }
  const notYours = diagram.domains.filter((d) => d.status === 'aws' || d.status === 'not_applicable');
  if (notYours.length > 0) {
    const aws = notYours.filter((d) => d.status === 'aws').map((d) => d.shortLabel);
    const na = notYours.filter((d) => d.status === 'not_applicable').map((d) => d.shortLabel);
    const parts = [aws.length > 0 ? `AWS alone: ${aws.join(', ')}` : '', na.length > 0 ? `not applicable: ${na.join(', ')}` : ''].filter(Boolean);
    out.push('', `*${parts.join(' · ')}.*`);
  }

  out.push('', '**Not addressed in this template**', '');
  const open = findings(diagram);
  if (open.length === 0) out.push('- None.');
  for (const item of open) out.push(`- ${item.domainLabel}: ${item.text}${item.controls.length > 0 ? ` (Security Hub: ${item.controls.join(', ')})` : ''}`);
  const depends = dependencies(diagram);
  if (depends.length > 0) {
    out.push('', '**Depends on a value the template does not fix**', '');
    for (const line of depends) out.push(`- ${line}`);
  }
  if (diagram.runtimeChecks.length > 0) {
    out.push('', `*Checked only at runtime by Security Hub (a template cannot prove them): ${diagram.runtimeChecks.map((c) => c.control).join(', ')}.*`);
  }
  out.push('', diagram.links.map(link).join(' · '));
  return out;
}

/** The customer's items of the service itself (not the general split), in domain order. */
function customerItems(diagram: ResourceDiagram): DiagramItem[] {
  const items = diagram.layers.flatMap((layer) => layer.items.filter((item) => item.side === 'customer' && !item.general));
  const order = new Map(diagram.domains.map((d: DomainCell, i) => [d.domain, i]));
  return items.sort((a, b) => (order.get(a.domain) ?? 99) - (order.get(b.domain) ?? 99));
}

/** The duties this template leaves open: not addressed, or a rule finds them undone. */
function findings(diagram: ResourceDiagram): DiagramItem[] {
  return customerItems(diagram).filter((item) => (item.evidence?.state === 'not_set' || item.evidence?.state === 'finding') && !item.dependsOn);
}

function dependencies(diagram: ResourceDiagram): string[] {
  const lines: string[] = [];
  for (const item of customerItems(diagram)) {
    if (item.dependsOn) lines.push(`${item.domainLabel}: ${item.text} (applies depending on ${inline(item.dependsOn)})`);
    else if (item.evidence?.state === 'undecided') {
      lines.push(`${item.domainLabel}: ${item.text} (${code(item.evidence.path ?? '')} depends on ${inline(item.evidence.because ?? 'a parameter')})`);
    }
  }
  for (const shift of diagram.shifts) {
    if (shift.state === 'undecided') lines.push(`${shift.title}: ${shift.possible.join(' or ')} (depends on ${inline(shift.because ?? 'a value')})`);
  }
  return lines;
}

function categoryText(diagram: ResourceDiagram): string {
  if (!diagram.category || diagram.kind !== 'resource') return diagram.categoryLabel;
  const text = CATEGORY_TEXT[diagram.category].toLowerCase();
  return diagram.categoryShift ? `${text} as configured (${diagram.categoryShift})` : text;
}

function shiftText(shift: DiagramShift): string {
  if (shift.state === 'undecided') {
    return `*${shift.title}*: depends on ${inline(shift.because ?? 'a value the template does not fix')}: ${shift.possible.map((p) => `**${p}**`).join(' or ')}.`;
  }
  const aws = shift.aws.length > 0 ? ` AWS: ${shift.aws.join(' ')}` : '';
  const you = shift.customer.length > 0 ? ` You: ${shift.customer.join(' ')}` : '';
  const prefix = shift.relyingOnDefault && !/relying on/i.test(shift.label ?? '') ? 'relying on an AWS default, ' : '';
  return `*${shift.title}*: ${prefix}**${shift.label ?? ''}**.${aws}${you}`;
}

function defaultText(item: DiagramDefault): string {
  const status = item.status;
  const here = !status
    ? ''
    : status.state === 'relied_on'
      ? ' Relied on here.'
      : status.state === 'replaced'
        ? ` ${code(status.path ?? '')} set here instead.`
        : ` ${code(status.path ?? '')} depends on ${inline(status.because ?? 'a parameter')}.`;
  const keep = item.keep ? ` ${item.keep}` : '';
  return `*Since ${item.since}:* ${item.text}${here} ${basisLink(item)}${keep}`;
}

function evidenceText(item: DiagramItem): string {
  if (item.dependsOn) return `? applies depending on ${inline(item.dependsOn)}`;
  const evidence = item.evidence;
  if (!evidence) return 'yours beyond the template';
  switch (evidence.state) {
    case 'met': return `✓ met (${code(evidence.rule ?? '')} passes)`;
    case 'finding': return `${evidence.finding?.severity === 'error' ? '✗' : '⚠'} ${inline(evidence.finding?.message ?? '')}${evidence.finding?.suppressed ? ` (suppressed: ${inline(evidence.finding.suppressed)})` : ''}`;
    case 'default': return '▣ relies on an AWS default';
    case 'set': return `◇ ${code(evidence.path ?? '')} set here, not checked by a rule`;
    case 'undecided': return `? ${evidence.path ? `${code(evidence.path)} depends on ` : ''}${inline(evidence.because ?? 'a parameter')}`;
    default: return '○ not addressed in this template';
  }
}

function basisLink(item: DiagramItem | DiagramDefault): string {
  const label = item.basis === 'stated' ? 'AWS states this' : 'derived';
  const source = item.sources[0];
  return source ? `[${label}](${source.url})` : `*(${label})*`;
}

function link(target: DiagramLink): string {
  return `[${escapeMarkdown(target.title)}](${target.url})`;
}

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/** Text from a template inside a line (a heading, a list item): escaped, line breaks made spaces, controls shown. */
function inline(text: string): string {
  return escapeMarkdown(escapeControlCharacters(text.replace(LINE_BREAKS, ' ')));
}

/** A Markdown table cell: no line breaks, pipes escaped (also inside code spans, as tables require). */
function cell(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/\|/g, '\\|');
}

/**
 * An inline code span whatever the text holds: its fence is one backtick longer than the longest run of backticks
 * inside, padded with spaces, so `` `` `` in a type or a file name cannot close it early. On one line.
 */
function code(text: string): string {
  const clean = escapeControlCharacters(text.replace(LINE_BREAKS, ' '));
  const longest = (clean.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
  if (longest === 0) return `\`${clean}\``;
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${clean} ${fence}`;
}

function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : word === 'duty' ? 'duties' : `${word}s`}`;
}
