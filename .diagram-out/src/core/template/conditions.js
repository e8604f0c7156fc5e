"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.conditionFor = conditionFor;
exports.evaluate = evaluate;
const checks_1 = require("../rules/checks");
const values_1 = require("./values");
const TRUE = { value: true };
const FALSE = { value: false };
function conditionFor(condition, dialect) {
    if ('cfn' in condition || 'tf' in condition)
        return condition[dialect];
    return condition;
}
/**
 * Evaluates a condition on a resource's properties. `defaultPath` is used by leaves without a `path` (a shift's
 * trigger). A leaf on a Terraform satellite resource (`satellite`) is evaluated on that resource when the
 * context can find it, and is undecided otherwise.
 */
function evaluate(condition, properties, context, defaultPath = '') {
    // Another resource first: `{related: …, any: […]}` evaluates the whole rest of the condition there.
    if (condition.related) {
        const { related, ...onRelated } = condition;
        const resources = context.related?.(related.type, related.link) ?? [];
        if (resources.length === 0)
            return evaluate(onRelated, undefined, context, defaultPath);
        return combineAny(resources.map((resource) => evaluate(onRelated, resource.properties, context, defaultPath)));
    }
    if (condition.satellite) {
        if (!context.satelliteProperties)
            return { value: undefined, because: `a separate ${condition.satellite} resource` };
        const { satellite: _satellite, ...onSatellite } = condition;
        return evaluate(onSatellite, context.satelliteProperties(condition.satellite), context, defaultPath);
    }
    if (condition.all)
        return combineAll(condition.all.map((c) => evaluate(c, properties, context, defaultPath)));
    if (condition.any)
        return combineAny(condition.any.map((c) => evaluate(c, properties, context, defaultPath)));
    if (condition.not) {
        const inner = evaluate(condition.not, properties, context, defaultPath);
        return inner.value === undefined ? inner : { value: !inner.value };
    }
    const values = (0, values_1.selectPath)(properties, condition.path ?? defaultPath, context);
    const op = condition.op ?? 'exists';
    switch (op) {
        case 'absent': return noneOf(values, isPresent);
        case 'not_equals': return noneOf(values, (v) => equalsTest(v, condition.value));
        case 'not_in': return noneOf(values, (v) => inTest(v, condition.value));
        case 'falsy': return noneOf(values, truthyTest);
        case 'exists': return anyOf(values, isPresent);
        case 'equals': return anyOf(values, (v) => equalsTest(v, condition.value));
        case 'in': return anyOf(values, (v) => inTest(v, condition.value));
        case 'truthy': return anyOf(values, truthyTest);
        case 'matches': return anyOf(values, (v) => matchesTest(v, condition.value));
        case 'check': return anyOf(values, (v) => (0, checks_1.runCheck)(condition.check, v, condition.args ?? {}, context));
    }
}
/** True when any selected value passes, unknown when none passes but some cannot be decided. */
function anyOf(values, test) {
    let unknown;
    for (const value of values) {
        const result = value.kind === 'alternatives' ? agree(value.options.map((option) => anyOf(option, test)), value.condition) : test(value);
        if (result.value === true)
            return result.node || !('node' in value) ? result : { value: true, node: value.node };
        if (result.value === undefined)
            unknown ??= result;
    }
    return unknown ?? FALSE;
}
/** The branches of an `Fn::If` decide only when they agree; otherwise the answer depends on its condition. */
function agree(results, condition) {
    const first = results[0]?.value;
    if (first !== undefined && results.every((r) => r.value === first))
        return first ? results[0] : FALSE;
    return results.find((r) => r.value === undefined && r.because) ?? { value: undefined, because: `condition ${condition}` };
}
/** True when no selected value passes; the first value written is where a finding points. */
function noneOf(values, test) {
    const truth = anyOf(values, test);
    if (truth.value !== false)
        return truth.value === undefined ? truth : FALSE;
    const written = values.find((v) => 'node' in v);
    return written ? { value: true, node: written.node } : TRUE;
}
function combineAll(results) {
    if (results.some((r) => r.value === false))
        return FALSE;
    return results.find((r) => r.value === undefined) ?? results.find((r) => r.node) ?? TRUE;
}
function combineAny(results) {
    const found = results.find((r) => r.value === true);
    if (found)
        return found;
    return results.find((r) => r.value === undefined) ?? FALSE;
}
function unknown(value) {
    return value.kind === 'unknown' ? { value: undefined, because: value.reason } : undefined;
}
function isPresent(value) {
    return value.kind === 'absent' ? FALSE : TRUE;
}
function scalarOf(value) {
    if (value.kind === 'unknown')
        return unknown(value);
    if (value.kind !== 'value' || value.value === null)
        return undefined;
    return String(value.value);
}
/** CloudFormation accepts "true"/"True" for booleans and numbers as strings, so comparisons are on strings. */
function same(actual, expected) {
    const wanted = String(expected);
    if (typeof expected === 'boolean')
        return actual.toLowerCase() === wanted;
    return actual === wanted;
}
function equalsTest(value, expected) {
    const actual = scalarOf(value);
    if (typeof actual !== 'string')
        return actual ?? FALSE;
    return same(actual, expected) ? TRUE : FALSE;
}
function inTest(value, expected) {
    const actual = scalarOf(value);
    if (typeof actual !== 'string')
        return actual ?? FALSE;
    const options = Array.isArray(expected) ? expected : [expected];
    return options.some((option) => same(actual, option)) ? TRUE : FALSE;
}
function truthyTest(value) {
    const actual = scalarOf(value);
    if (typeof actual !== 'string')
        return actual ?? FALSE;
    return actual.toLowerCase() === 'true' ? TRUE : FALSE;
}
const patterns = new Map();
function matchesTest(value, pattern) {
    const actual = scalarOf(value);
    if (typeof actual !== 'string')
        return actual ?? FALSE;
    const source = String(pattern);
    let regex = patterns.get(source);
    if (!regex)
        patterns.set(source, (regex = new RegExp(source)));
    return regex.test(actual) ? TRUE : FALSE;
}
//# sourceMappingURL=conditions.js.map