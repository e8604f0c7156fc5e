// Suppressions: our own (`# srm-lens:ignore <rule> <reason>`, `Metadata.srm-lens`), the configuration file's, and
// those people already wrote for other tools (checkov, cfn_nag, trivy/tfsec) for rules whose `matches` name that
// check. A suppressed finding is kept, marked, so JSON and SARIF still show it.
import { getValue, isMap, stringValue } from '../syntax/tree';
import type { MapNode, Span } from '../syntax/tree';
import type { Resource, Template } from '../template/model';
import type { Finding, Rule, SuppressedBy } from './types';

interface Directive {
  readonly by: SuppressedBy;
  readonly ids: readonly string[];
  readonly reason: string;
  readonly span: Span;
}

/** A marker right after a comment's opener (sticky: tested where an opener ends). */
const MARKER_AFTER_OPENER = /\s*(?:srm-lens:ignore|checkov:skip=|trivy:ignore:|tfsec:ignore:)/y;
const COMMENT_DIRECTIVE =
  /(?:#|\/\/)\s*(?:srm-lens:ignore[ \t]+(?<ours>[A-Za-z0-9_,.-]+)(?:[ \t]+(?<ourReason>[^\r\n]*))?|checkov:skip=(?<checkov>[A-Za-z0-9_]+)(?::(?<checkovReason>[^\r\n]*))?|(?:trivy|tfsec):ignore:(?<trivy>[A-Za-z0-9_-]+))/g;

/**
 * Marks each finding that a suppression covers. A comment applies to the findings of the resource it sits in (or
 * of the resource right below it); `config` maps rule ids to the configuration file's reasons for this file.
 */
export function applySuppressions(findings: readonly Finding[], template: Template, text: string, config: ReadonlyMap<string, string>): Finding[] {
  if (findings.length === 0) return []; // nothing to suppress: the text (perhaps a file too large to analyse) is not read
  const comments = mayHoldCommentDirective(text) ? commentDirectives(text) : [];
  const byResource = new Map<Resource, Directive[]>();
  const directivesOf = (resource: Resource): Directive[] => {
    let list = byResource.get(resource);
    if (!list) {
      list = [];
      if (comments.length > 0) {
        const first = template.lines.positionAt(resource.span.start).line;
        const last = template.lines.positionAt(resource.span.end).line;
        // Comments come in line order: find the resource's first by bisection, not by a scan per resource.
        for (let i = firstAtOrAfter(comments, first - 1); i < comments.length && comments[i]!.line <= last; i++) list.push(comments[i]!.directive);
      }
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

/**
 * True when a comment opener (`#`, `//`) is followed by a marker, as every comment directive is. A quick look
 * (openers are found by a plain string search) before the full expression runs over the text.
 */
function mayHoldCommentDirective(text: string): boolean {
  for (const opener of ['#', '//']) {
    for (let at = text.indexOf(opener); at >= 0; at = text.indexOf(opener, at + 1)) {
      MARKER_AFTER_OPENER.lastIndex = at + opener.length;
      if (MARKER_AFTER_OPENER.test(text)) return true;
    }
  }
  return false;
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

/** Where each tool keeps its suppressions in a resource's Metadata, in the order they are read. */
const METADATA_SUPPRESSIONS = [
  { tool: 'srm-lens', list: 'ignore', reasonKey: 'reason', by: 'metadata' },
  { tool: 'checkov', list: 'skip', reasonKey: 'comment', by: 'checkov' },
  { tool: 'cfn_nag', list: 'rules_to_suppress', reasonKey: 'reason', by: 'cfn_nag' },
] as const;

/** `Metadata: {srm-lens: {ignore: [...]}, checkov: {skip: [...]}, cfn_nag: {rules_to_suppress: [...]}}`. */
function metadataDirectives(metadata: MapNode | undefined): Directive[] {
  const directives: Directive[] = [];
  if (!metadata) return directives;
  for (const { tool, list, reasonKey, by } of METADATA_SUPPRESSIONS) {
    const section = getValue(metadata, tool);
    const entries = isMap(section) ? getValue(section, list) : undefined;
    if (entries?.kind !== 'seq') continue;
    for (const item of entries.items) {
      if (!isMap(item)) continue;
      const id = stringValue(getValue(item, 'id'));
      if (id) directives.push({ by, ids: [id], reason: stringValue(getValue(item, reasonKey)) ?? '', span: item });
    }
  }
  return directives;
}
