"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SUPPRESSION_WITHOUT_REASON_ID = exports.RuleIndex = void 0;
exports.findingsOf = findingsOf;
exports.ruleOutcomes = ruleOutcomes;
// Runs the rules of data/rules on a template: one evaluator for every rule, CloudFormation and Terraform alike.
const conditions_1 = require("../template/conditions");
const model_1 = require("../template/model");
const references_1 = require("../template/references");
const values_1 = require("../template/values");
const suppressions_1 = require("./suppressions");
const types_1 = require("./types");
/** The rules by id and by resource type (`provider.aws` for a Terraform provider block). */
class RuleIndex {
    all;
    byType = new Map();
    byId = new Map();
    constructor(all) {
        this.all = all;
        for (const rule of all) {
            this.byId.set(rule.id, rule);
            for (const type of [...(rule.resource_types.cfn ?? []), ...(rule.resource_types.tf ?? [])]) {
                let list = this.byType.get(type);
                if (!list)
                    this.byType.set(type, (list = []));
                list.push(rule);
            }
        }
    }
    forType(type) {
        return this.byType.get(type) ?? [];
    }
    get(id) {
        return this.byId.get(id);
    }
}
exports.RuleIndex = RuleIndex;
/** The meta-rule that flags a suppression written without a reason (it is still honoured). */
exports.SUPPRESSION_WITHOUT_REASON_ID = 'suppression-without-reason';
/** Every finding of the rules on the template's resources, suppressed ones marked; never throws on odd input. */
function findingsOf(rules, template, text, options = {}) {
    const dialect = (0, model_1.dialectOf)(template.format);
    const findings = [];
    const targets = [...template.resources.filter((r) => r.kind === 'resource'), ...(template.providers ?? [])];
    for (const resource of targets) {
        const key = resource.kind === 'provider' ? `provider.${resource.type}` : resource.type;
        for (const rule of rules.forType(key)) {
            const override = options.overrides?.get(rule.id);
            if (override === 'off')
                continue;
            const outcome = checkRule(rule, dialect, resource, template);
            if (typeof outcome === 'object' && !outcome.quiet)
                findings.push(override ? { ...outcome, severity: override } : outcome);
        }
    }
    const marked = (0, suppressions_1.applySuppressions)(findings, template, text, options.suppress ?? new Map());
    return [...marked, ...marked.flatMap(reasonlessSuppression)];
}
function contextOf(template, resource) {
    const index = (0, references_1.referenceIndex)(template);
    return {
        parameters: template.parameters,
        resourceIds: template.resourceIds,
        satelliteProperties: (type) => index.referrers(resource, type)[0]?.properties,
        related: (type, link) => index.referrers(resource, type, link),
        referenced: (node) => index.resolve(node)?.properties,
    };
}
/**
 * Every rule of a resource's type with its outcome, before settings and suppressions: what the hover and the
 * diagram mark as met (✓), failing, relying on a default or depending on a parameter.
 */
function ruleOutcomes(rules, template, resource) {
    const dialect = (0, model_1.dialectOf)(template.format);
    return rules.forType(resource.type).map((rule) => ({ rule, outcome: checkRule(rule, dialect, resource, template) }));
}
function checkRule(rule, dialect, resource, template) {
    const violation = (0, conditions_1.conditionFor)(rule.violation, dialect);
    if (!violation)
        return 'not_applicable';
    const context = contextOf(template, resource);
    const properties = resource.properties;
    const applies = rule.applies_when && (0, conditions_1.conditionFor)(rule.applies_when, dialect);
    if (applies && (0, conditions_1.evaluate)(applies, properties, context).value === false)
        return 'not_applicable';
    const truth = (0, conditions_1.evaluate)(violation, properties, context);
    if (truth.value === false)
        return 'pass';
    const subject = subjectOf(rule, dialect, resource, context);
    // A value found on another resource (the bucket policy of a bucket) is named there; the finding stays here.
    const elsewhere = truth.node && (truth.node.start < resource.span.start || truth.node.end > resource.span.end) ? truth.node : undefined;
    const at = (elsewhere ? undefined : truth.node) ?? subject ?? resource.idSpan;
    if (truth.value === undefined)
        return dependsFinding(rule, resource, template, context, truth, subject ?? resource.idSpan);
    if (rule.absent && subject === undefined && subjectAbsent(rule, dialect, resource, context)) {
        if (rule.absent.severity === 'off')
            return 'not_applicable';
        return { rule, severity: rule.absent.severity, message: rule.absent.message, resource, span: resource.idSpan, kind: 'absent' };
    }
    const other = elsewhere && template.resources.find((r) => r !== resource && elsewhere.start >= r.span.start && elsewhere.end <= r.span.end);
    const related = other ? [{ resource: other, message: `${other.id} (${other.type}) is where this is set` }] : undefined;
    return { rule, severity: rule.severity, message: rule.message, resource, span: at, kind: 'violation', ...(related ? { related } : {}) };
}
/** The node of the rule's subject property as written, or undefined when it is absent or lives elsewhere. */
function subjectOf(rule, dialect, resource, context) {
    const path = rule.subject?.[dialect];
    if (!path || isOtherResource(path, dialect))
        return undefined;
    for (const value of (0, values_1.selectPath)(resource.properties, path, context)) {
        if ('node' in value)
            return value.node;
        if (value.kind === 'alternatives')
            return undefined;
    }
    return undefined;
}
/** A Terraform subject may name a satellite resource type (`aws_s3_bucket_public_access_block`). */
function isOtherResource(path, dialect) {
    return dialect === 'tf' && path.startsWith('aws_');
}
function subjectAbsent(rule, dialect, resource, context) {
    const path = rule.subject?.[dialect];
    if (!path)
        return false;
    if (isOtherResource(path, dialect))
        return (context.related?.(path) ?? []).length === 0;
    return (0, values_1.selectPath)(resource.properties, path, context).every((value) => value.kind === 'absent');
}
/**
 * A value the template cannot know never makes a problem: a `warning` or `error` rule says what it depends on, as
 * information, and what the parameters' defaults would give.
 */
function dependsFinding(rule, resource, template, context, truth, span) {
    // Low-severity rules say nothing when a parameter decides; the markers still show "depends".
    const quiet = (0, types_1.severityRank)(rule.severity) < (0, types_1.severityRank)('warning');
    const because = truth.because ?? 'a value the template does not fix';
    let withDefaults = '';
    const defaults = template.parameterDefaults;
    if (defaults && defaults.size > 0) {
        const violation = (0, conditions_1.conditionFor)(rule.violation, (0, model_1.dialectOf)(template.format));
        const assumed = (0, conditions_1.evaluate)(violation, resource.properties, { ...context, assumeDefaults: defaults });
        if (assumed.value === true)
            withDefaults = ` With ${describeDefault(because, defaults)}, it would be flagged: ${lowerFirst(rule.title)}.`;
    }
    const message = `Depends on ${because}: ${lowerFirst(rule.title)} when it is set that way.${withDefaults}`;
    return { rule, severity: 'information', message, resource, span, kind: 'depends', ...(quiet ? { quiet } : {}) };
}
function describeDefault(because, defaults) {
    const match = /^(parameter|variable) (\S+)/.exec(because);
    const name = match ? (match[1] === 'variable' ? `var.${match[2]}` : match[2]) : undefined;
    const node = name ? defaults.get(name) : undefined;
    if (node?.kind === 'scalar' && node.value !== null && String(node.value).length <= 60)
        return `the default \`${String(node.value)}\``;
    return 'the defaults';
}
function lowerFirst(text) {
    return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}
function reasonlessSuppression(finding) {
    const suppression = finding.suppressed;
    if (!suppression || suppression.reason.trim() !== '' || suppression.by === 'config')
        return [];
    const rule = { ...finding.rule, id: exports.SUPPRESSION_WITHOUT_REASON_ID, title: 'Suppression without a reason', controls: [], matches: { checkov: [], cfn_nag: [], trivy: [] } };
    return [{
            rule,
            severity: 'hint',
            message: `${finding.rule.id} is suppressed without a reason: say why, so the next reader knows the duty was considered.`,
            resource: finding.resource,
            span: suppression.span,
            kind: 'violation',
        }];
}
//# sourceMappingURL=engine.js.map