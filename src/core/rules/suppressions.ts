// Suppressions: our own (`# srm-lens:ignore <rule> <reason>`, `Metadata.srm-lens`), the configuration file's, and
// those people already wrote for other tools (checkov, cfn_nag, trivy/tfsec) for rules whose `matches` name that
// check. A suppressed finding is kept, marked, so JSON and SARIF still show it.
import { getValue, isMap, stringValue } from '../syntax/tree';
import type { MapNode, Span, SyntaxNode } from '../syntax/tree';
import type { Resource, Template } from '../template/model';
import type { Finding, Rule, SuppressedBy } from './types';

interface Directive {
  readonly by: SuppressedBy;
  readonly ids: readonly string[];
  readonly reason: string;
  readonly span: Span;
}

const MARKERS = /srm-lens:ignore|checkov:skip=|trivy:ignore:|tfsec:ignore:/;
const COMMENT_DIRECTIVE =
  /(?:#|\/\/)\s*(?:srm-lens:ignore[ \t]+(?<ours>[A-Za-z0-9_,.-]+)(?:[ \t]+(?<ourReason>[^\r\n]*))?|checkov:skip=(?<checkov>[A-Za-z0-9_]+)(?::(?<checkovReason>[^\r\n]*))?|(?:trivy|tfsec):ignore:(?<trivy>[A-Za-z0-9_-]+))/g;

/**
 * Marks each finding that a suppression covers. A comment applies to the findings of the resource it sits in (or
 * of the resource right below it); `config` maps rule ids to the configuration file's reasons for this file.
 */
export function applySuppressions(findings: readonly Finding[], template: Template, text: string, config: ReadonlyMap<string, string>): Finding[] {
  if (findings.length === 0) return []; // nothing to suppress: the text (perhaps a file too large to analyse) is not read
  const comments = MARKERS.test(text) ? commentDirectives(text) : [];
  const byResource = new Map<Resource, Directive[]>();
  const directivesOf = (resource: Resource): Directive[] => {
    let list = byResource.get(resource);
    if (!list) {
      const first = template.lines.positionAt(resource.span.start).line;
      const last = template.lines.positionAt(resource.span.end).line;
      // Comments come in line order: find the resource's first by bisection, not by a scan per resource.
      list = [];
      for (let i = firstAtOrAfter(comments, first - 1); i < comments.length && comments[i]!.line <= last; i++) list.push(comments[i]!.directive);
      for (const directive of metadataDirectives(resource.metadata)) list.push(directive);
      byResource.set(resource, list);
    }
    return list;
  };
  return findings.map((finding) => {
    const configReason = config.get(finding.rule.id);
    if (configReason !== undefined) return { ...finding, suppressed: { by: 'config', reason: configReason, span: finding.span } };
    const directive = directivesOf(finding.resource).find((d) => covers(d, finding.rule));
    return directive ? { ...finding, suppressed: { by: directive.by, reason: directive.reason, span: directive.span } } : finding;
  });
}

/** The index of the first comment on `line` or after it. */
function firstAtOrAfter(comments: readonly { readonly line: number }[], line: number): number {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (comments[mid]!.line < line) low = mid + 1;
    else high = mid;
  }
  return low;
}

function covers(directive: Directive, rule: Rule): boolean {
  const ids = directive.by === 'inline' || directive.by === 'metadata' ? [rule.id] : rule.matches?.[directive.by === 'trivy' ? 'trivy' : directive.by === 'checkov' ? 'checkov' : 'cfn_nag'] ?? [];
  return directive.ids.some((id) => ids.some((known) => known.toLowerCase() === id.toLowerCase()));
}

function commentDirectives(text: string): { line: number; directive: Directive }[] {
  const result: { line: number; directive: Directive }[] = [];
  let line = 0;
  let lineStart = 0;
  for (const match of text.matchAll(COMMENT_DIRECTIVE)) {
    // Count lines up to the match (matches come in order, so this is one pass over the text).
    for (let i = lineStart; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
    lineStart = match.index;
    const groups = match.groups ?? {};
    const span = { start: match.index, end: match.index + match[0].length };
    if (groups['ours']) result.push({ line, directive: { by: 'inline', ids: groups['ours'].split(','), reason: (groups['ourReason'] ?? '').trim(), span } });
    else if (groups['checkov']) result.push({ line, directive: { by: 'checkov', ids: [groups['checkov']], reason: (groups['checkovReason'] ?? '').trim(), span } });
    else if (groups['trivy']) result.push({ line, directive: { by: 'trivy', ids: [groups['trivy']], reason: '', span } });
  }
  return result;
}

/** `Metadata: {srm-lens: {ignore: [...]}, checkov: {skip: [...]}, cfn_nag: {rules_to_suppress: [...]}}`. */
function metadataDirectives(metadata: MapNode | undefined): Directive[] {
  if (!metadata) return [];
  const read = (tool: string, list: string, reasonKey: string, by: SuppressedBy): Directive[] => {
    const section = getValue(metadata, tool);
    const entries = isMap(section) ? getValue(section, list) : undefined;
    if (entries?.kind !== 'seq') return [];
    return entries.items.flatMap((item: SyntaxNode) => {
      if (!isMap(item)) return [];
      const id = stringValue(getValue(item, 'id'));
      return id ? [{ by, ids: [id], reason: stringValue(getValue(item, reasonKey)) ?? '', span: item }] : [];
    });
  };
  return [
    ...read('srm-lens', 'ignore', 'reason', 'metadata'),
    ...read('checkov', 'skip', 'comment', 'checkov'),
    ...read('cfn_nag', 'rules_to_suppress', 'reason', 'cfn_nag'),
  ];
}
