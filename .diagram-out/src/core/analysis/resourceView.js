"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.viewResource = viewResource;
const conditions_1 = require("../template/conditions");
const model_1 = require("../template/model");
const engine_1 = require("../rules/engine");
const references_1 = require("../template/references");
const NO_TEMPLATE = { parameters: new Set(), resourceIds: new Set() };
/**
 * Applies a type's profile to a resource (or to no resource, for `explain`): decides shifts, hides items whose
 * `applies_when` is false, and checks evidence. Undecidable values never hide anything; they are reported.
 */
function viewResource(knowledge, type, resource, template, findings = []) {
    const profile = knowledge.profile(type, resource?.kind === 'data');
    if (!profile)
        return undefined;
    const dialect = template ? (0, model_1.dialectOf)(template.format) : profile.dialect;
    const context = template && resource ? contextFor(template, resource) : NO_TEMPLATE;
    const properties = resource?.properties;
    const hasResource = resource !== undefined && !profile.dataSource;
    const shiftApplies = (shift) => {
        const condition = shift.applies_when && (0, conditions_1.conditionFor)(shift.applies_when, dialect);
        return !condition || (0, conditions_1.evaluate)(condition, properties, context).value !== false;
    };
    const shifts = hasResource
        ? profile.shifts.filter(shiftApplies).map((shift) => decideShift(shift, type, dialect, properties, context))
        : [];
    const categoryShift = shifts.find((outcome) => outcome.state?.category !== undefined);
    const conditional = new Map();
    const applies = (item) => {
        if (!item.applies_when)
            return true;
        const condition = (0, conditions_1.conditionFor)(item.applies_when, dialect);
        if (!condition || !hasResource)
            return true;
        const truth = (0, conditions_1.evaluate)(condition, properties, context);
        if (truth.value === undefined)
            conditional.set(item.id, truth.because ?? 'a value the template does not fix');
        return truth.value !== false;
    };
    const evidence = new Map();
    const judged = hasResource && template && resource ? judgedItems(knowledge, template, resource, findings) : new Map();
    const customer = profile.customer.map(({ domain, entry }) => {
        if (!Array.isArray(entry)) {
            const marker = 'aws_only' in entry ? { awsOnly: true } : { notApplicable: entry.not_applicable };
            return { domain, items: [], marker };
        }
        const items = entry.filter(applies);
        if (hasResource) {
            for (const item of items) {
                const status = judged.get(item.id) ?? firstSetting(item.evidence?.[dialect], dialect, properties, context, profile.properties);
                if (status)
                    evidence.set(item.id, status);
            }
        }
        return { domain, items };
    });
    const defaults = profile.defaults.filter(applies);
    const defaultStatus = new Map();
    if (hasResource) {
        for (const item of defaults) {
            const setting = firstSetting(item.overridden_by?.[dialect], dialect, properties, context, profile.properties);
            if (!setting)
                continue;
            const { state, ...rest } = setting;
            defaultStatus.set(item.id, { state: state === 'set' ? 'replaced' : state === 'undecided' ? 'undecided' : 'relied_on', ...rest });
        }
    }
    return {
        profile,
        resource,
        category: categoryShift?.state?.category ?? profile.category.value,
        categoryShift,
        shifts,
        aws: profile.aws.filter(applies),
        defaults,
        defaultStatus,
        customer,
        evidence,
        conditional,
    };
}
/**
 * The value context of one resource. In Terraform, settings often live in satellite resources that point at it
 * (`aws_s3_bucket_versioning { bucket = aws_s3_bucket.logs.id }`): conditions on a satellite read the one that
 * references this resource, or find it absent.
 */
function contextFor(template, resource) {
    return {
        parameters: template.parameters,
        resourceIds: template.resourceIds,
        satelliteProperties: (type) => (0, references_1.referenceIndex)(template).referrers(resource, type)[0]?.properties,
    };
}
const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'];
/**
 * The customer items that rules judge on this resource, with their state. Rules on the resources that refer to
 * this one count too: an ingress rule judges its security group, a bucket policy its bucket. The worst outcome
 * wins: a finding, then a parameter, then an AWS default, then met.
 */
function judgedItems(knowledge, template, resource, findings) {
    const outcomes = [resource, ...(0, references_1.referenceIndex)(template).referrersOf(resource)].flatMap((r) => (0, engine_1.ruleOutcomes)(knowledge.rules, template, r));
    const byItem = new Map();
    for (const { rule, outcome } of outcomes) {
        if (!rule.responsibility_item || outcome === 'not_applicable')
            continue;
        const list = byItem.get(rule.responsibility_item) ?? [];
        byItem.set(rule.responsibility_item, [...list, outcome]);
    }
    const reported = (finding) => reportedAs(findings, finding);
    const result = new Map();
    for (const [item, list] of byItem) {
        const failed = list.filter((o) => typeof o === 'object');
        const violations = failed.filter((f) => f.kind !== 'depends' && f.severity !== 'hint');
        violations.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
        const depends = failed.find((f) => f.kind === 'depends');
        const relying = failed.find((f) => f.kind !== 'depends' && f.severity === 'hint');
        const passed = list.find((o) => o === 'pass');
        if (violations[0])
            result.set(item, { state: 'finding', finding: reported(violations[0]) });
        else if (depends)
            result.set(item, { state: 'undecided', finding: depends, because: depends.message });
        else if (relying)
            result.set(item, { state: 'default', finding: reported(relying) });
        else if (passed)
            result.set(item, { state: 'met', rule: outcomes.find((o) => o.outcome === 'pass' && o.rule.responsibility_item === item)?.rule.id ?? '' });
    }
    return result;
}
/** The findings of a file by resource, rule and position, indexed once: a scan per item made the views quadratic. */
const findingIndexes = new WeakMap();
/** The finding as the file reports it (suppressed or not), or the finding itself. */
function reportedAs(findings, finding) {
    let index = findingIndexes.get(findings);
    if (!index) {
        index = new Map();
        for (const f of findings) {
            let byRule = index.get(f.resource);
            if (!byRule)
                index.set(f.resource, (byRule = new Map()));
            const key = `${f.rule.id}@${f.span.start}`;
            if (!byRule.has(key))
                byRule.set(key, f);
        }
        findingIndexes.set(findings, index);
    }
    return index.get(finding.resource)?.get(`${finding.rule.id}@${finding.span.start}`) ?? finding;
}
function decideShift(shift, type, dialect, own, context) {
    const trigger = shift.trigger[dialect];
    const triggerPath = trigger?.path ?? '';
    // A trigger on a Terraform satellite is read on the satellite, unless the satellite itself is hovered.
    const satellite = trigger && 'satellite' in trigger ? trigger.satellite : undefined;
    const properties = satellite && satellite !== type ? context.satelliteProperties?.(satellite) : own;
    const fallback = shift.states.find((state) => state.default);
    // First matching state wins; an undecidable state before it keeps both possible.
    const possible = [];
    let because;
    let matched = false;
    for (const state of shift.states) {
        const condition = (0, conditions_1.conditionFor)(state.when, dialect);
        if (!condition)
            continue;
        const truth = (0, conditions_1.evaluate)(condition, properties, context, triggerPath);
        if (truth.value === true) {
            possible.push(state);
            matched = true;
            break;
        }
        if (truth.value === undefined) {
            possible.push(state);
            because ??= truth.because;
        }
    }
    if (!matched && fallback && possible.length > 0 && !possible.includes(fallback))
        possible.push(fallback);
    if (possible.length === 0)
        return { shift, state: fallback, possible: [] };
    if (possible.length === 1 && matched)
        return { shift, state: possible[0], possible: [] };
    return { shift, state: undefined, possible, ...(because ? { because } : {}) };
}
/**
 * The first of some settings (evidence of a duty, or what replaces a default) that this resource sets: configured,
 * not set, or undecided; undefined when none of the paths can exist on the hovered type.
 */
function firstSetting(settings, dialect, properties, context, typeProperties) {
    // Settings are written for the service's main type: only paths the hovered type has (or resource types that
    // refer to it: Terraform satellites, a CloudFormation bucket policy) apply to it.
    const isSatellite = (path) => (dialect === 'tf' ? path.startsWith('aws_') : /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(path));
    const paths = settings?.filter((path) => isSatellite(path) || typeProperties.has(path.split(/[.[]/)[0]));
    if (!paths || paths.length === 0)
        return undefined;
    let undecided;
    for (const path of paths) {
        const condition = isSatellite(path) ? { satellite: path, op: 'exists' } : { path, op: 'exists' };
        const truth = (0, conditions_1.evaluate)(condition, properties, context);
        if (truth.value === true)
            return { state: 'set', path };
        if (truth.value === undefined)
            undecided ??= { state: 'undecided', path, ...(truth.because ? { because: truth.because } : {}) };
    }
    return undecided ?? { state: 'not_set' };
}
//# sourceMappingURL=resourceView.js.map