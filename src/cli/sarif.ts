import type { Knowledge } from '../core/knowledge/knowledge';
import type { FileReport } from '../core/report';
import type { Rule } from '../core/rules/types';
import { escapeControlCharacters } from '../core/syntax/encoding';
import type { Unreadable } from './output';

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** GitHub code scanning ranks security results by this number: critical ≥ 9, high ≥ 7, medium ≥ 4, low below. */
const SECURITY_SEVERITY = { error: '8.0', warning: '5.5', information: '3.0', hint: '1.0' } as const;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: rules with help, results with fingerprints and suppressions. Template
 * text in messages shows its control characters and bidirectional marks as escapes; URIs are percent-encoded.
 */
export function toSarif(reports: readonly FileReport[], toolVersion: string, knowledge: Knowledge, unreadable: readonly Unreadable[] = []): object {
  const used = new Map<string, Rule>();
  for (const report of reports) {
    for (const finding of report.findings) {
      const rule = knowledge.rules.get(finding.ruleId);
      if (rule) used.set(rule.id, rule);
    }
  }
  // Rule ids are lowercase letters, digits and hyphens (data/schema/rules.schema.json): in the same order by code unit
  // as by the default collation of localeCompare, without the start of ICU's collator (about 10 ms of a run).
  const rules = [...used.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = reports.flatMap((report) =>
    report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
      level: SARIF_LEVEL[finding.severity],
      message: { text: escapeControlCharacters(finding.message) },
      locations: [location(report.path, finding.range)],
      partialFingerprints: { 'srmLens/v1': fingerprint(`${finding.ruleId}|${report.path}|${finding.resource}`) },
      ...(finding.suppressed
        ? { suppressions: [{ kind: finding.suppressed.by === 'config' ? 'external' : 'inSource', justification: escapeControlCharacters(finding.suppressed.reason) }] }
        : {}),
      properties: { resource: escapeControlCharacters(finding.resource), domain: finding.domain, controls: finding.controls },
    })),
  );
  const notifications = [
    ...reports.flatMap((report) =>
      report.errors.map((error) => ({
        level: 'error',
        message: { text: escapeControlCharacters(error.message) },
        locations: [location(report.path, error.range)],
      })),
    ),
    ...unreadable.map((entry) => ({
      level: 'error',
      message: { text: entry.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(entry.path) } } }],
    })),
  ];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'srm-lens', version: toolVersion, informationUri: 'https://aws.amazon.com/compliance/shared-responsibility-model/', rules: rules.map((rule) => sarifRule(rule, knowledge)) } },
        invocations: [{ executionSuccessful: unreadable.length === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
}

function sarifRule(rule: Rule, knowledge: Knowledge): object {
  const helpUri = knowledge.source(rule.sources[0]?.ref ?? '')?.url;
  const controls = rule.controls.length > 0 ? ` Security Hub: ${rule.controls.join(', ')}.` : '';
  const help = `${rule.rationale.aws} ${rule.rationale.customer}${controls}`;
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, ch: string) => ch.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.message },
    help: { text: help, markdown: `**AWS:** ${rule.rationale.aws}\n\n**You:** ${rule.rationale.customer}${controls ? `\n\n${controls.trim()}` : ''}` },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'aws', 'shared-responsibility', rule.domain],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      ...(rule.controls.length > 0 ? { controls: rule.controls } : {}),
    },
  };
}

/** FNV-1a, hex: a stable fingerprint so code scanning tracks a finding across commits that move its line. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A relative path as a SARIF URI: `/`-separated, each segment percent-encoded. */
export function sarifUri(path: string): string {
  return path.split(/[\\/]/).map((segment) => encodeURIComponent(segment)).join('/');
}

function location(path: string, range: FileReport['errors'][number]['range']): object {
  return {
    physicalLocation: {
      artifactLocation: { uri: sarifUri(path) },
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
  };
}
