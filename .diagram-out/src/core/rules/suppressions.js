"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.applySuppressions = applySuppressions;
// Suppressions: our own (`# srm-lens:ignore <rule> <reason>`, `Metadata.srm-lens`), the configuration file's, and
// those people already wrote for other tools (checkov, cfn_nag, trivy/tfsec) for rules whose `matches` name that
// check. A suppressed finding is kept, marked, so JSON and SARIF still show it.
const tree_1 = require("../syntax/tree");
const MARKERS = /srm-lens:ignore|checkov:skip=|trivy:ignore:|tfsec:ignore:/;
const COMMENT_DIRECTIVE = /(?:#|\/\/)\s*(?:srm-lens:ignore[ \t]+(?<ours>[A-Za-z0-9_,.-]+)(?:[ \t]+(?<ourReason>[^\r\n]*))?|checkov:skip=(?<checkov>[A-Za-z0-9_]+)(?::(?<checkovReason>[^\r\n]*))?|(?:trivy|tfsec):ignore:(?<trivy>[A-Za-z0-9_-]+))/g;
/**
 * Marks each finding that a suppression covers. A comment applies to the findings of the resource it sits in (or
 * of the resource right below it); `config` maps rule ids to the configuration file's reasons for this file.
 */
function applySuppressions(findings, template, text, config) {
    if (findings.length === 0)
        return []; // nothing to suppress: the text (perhaps a file too large to analyse) is not read
    const comments = MARKERS.test(text) ? commentDirectives(text) : [];
    const byResource = new Map();
    const directivesOf = (resource) => {
        let list = byResource.get(resource);
        if (!list) {
            const first = template.lines.positionAt(resource.span.start).line;
            const last = template.lines.positionAt(resource.span.end).line;
            // Comments come in line order: find the resource's first by bisection, not by a scan per resource.
            list = [];
            for (let i = firstAtOrAfter(comments, first - 1); i < comments.length && comments[i].line <= last; i++)
                list.push(comments[i].directive);
            for (const directive of metadataDirectives(resource.metadata))
                list.push(directive);
            byResource.set(resource, list);
        }
        return list;
    };
    return findings.map((finding) => {
        const configReason = config.get(finding.rule.id);
        if (configReason !== undefined)
            return { ...finding, suppressed: { by: 'config', reason: configReason, span: finding.span } };
        const directive = directivesOf(finding.resource).find((d) => covers(d, finding.rule));
        return directive ? { ...finding, suppressed: { by: directive.by, reason: directive.reason, span: directive.span } } : finding;
    });
}
/** The index of the first comment on `line` or after it. */
function firstAtOrAfter(comments, line) {
    let low = 0;
    let high = comments.length;
    while (low < high) {
        const mid = (low + high) >> 1;
        if (comments[mid].line < line)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}
function covers(directive, rule) {
    const ids = directive.by === 'inline' || directive.by === 'metadata' ? [rule.id] : rule.matches?.[directive.by === 'trivy' ? 'trivy' : directive.by === 'checkov' ? 'checkov' : 'cfn_nag'] ?? [];
    return directive.ids.some((id) => ids.some((known) => known.toLowerCase() === id.toLowerCase()));
}
function commentDirectives(text) {
    const result = [];
    let line = 0;
    let lineStart = 0;
    for (const match of text.matchAll(COMMENT_DIRECTIVE)) {
        // Count lines up to the match (matches come in order, so this is one pass over the text).
        for (let i = lineStart; i < match.index; i++)
            if (text.charCodeAt(i) === 10)
                line++;
        lineStart = match.index;
        const groups = match.groups ?? {};
        const span = { start: match.index, end: match.index + match[0].length };
        if (groups['ours'])
            result.push({ line, directive: { by: 'inline', ids: groups['ours'].split(','), reason: (groups['ourReason'] ?? '').trim(), span } });
        else if (groups['checkov'])
            result.push({ line, directive: { by: 'checkov', ids: [groups['checkov']], reason: (groups['checkovReason'] ?? '').trim(), span } });
        else if (groups['trivy'])
            result.push({ line, directive: { by: 'trivy', ids: [groups['trivy']], reason: '', span } });
    }
    return result;
}
/** `Metadata: {srm-lens: {ignore: [...]}, checkov: {skip: [...]}, cfn_nag: {rules_to_suppress: [...]}}`. */
function metadataDirectives(metadata) {
    if (!metadata)
        return [];
    const read = (tool, list, reasonKey, by) => {
        const section = (0, tree_1.getValue)(metadata, tool);
        const entries = (0, tree_1.isMap)(section) ? (0, tree_1.getValue)(section, list) : undefined;
        if (entries?.kind !== 'seq')
            return [];
        return entries.items.flatMap((item) => {
            if (!(0, tree_1.isMap)(item))
                return [];
            const id = (0, tree_1.stringValue)((0, tree_1.getValue)(item, 'id'));
            return id ? [{ by, ids: [id], reason: (0, tree_1.stringValue)((0, tree_1.getValue)(item, reasonKey)) ?? '', span: item }] : [];
        });
    };
    return [
        ...read('srm-lens', 'ignore', 'reason', 'metadata'),
        ...read('checkov', 'skip', 'comment', 'checkov'),
        ...read('cfn_nag', 'rules_to_suppress', 'reason', 'cfn_nag'),
    ];
}
//# sourceMappingURL=suppressions.js.map