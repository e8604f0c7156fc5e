import { runCheck } from '../rules/checks';
import type { CheckArgs, CheckName } from '../rules/checks';
import type { MapNode, SyntaxNode } from '../syntax/tree';
import type { Dialect } from './model';
import { selectPath } from './values';
import type { Resolved, ValueContext } from './values';

/** The condition language of data/ (srm-content.md 7.2): leaves test a property path, `all`/`any`/`not` combine. */
export interface Condition {
  readonly all?: readonly Condition[];
  readonly any?: readonly Condition[];
  readonly not?: Condition;
  readonly path?: string;
  readonly satellite?: string;
  /** Evaluate the rest of this condition on the resources of `type` that refer to this one (T2 rules). */
  readonly related?: { readonly type: string; readonly link?: string };
  readonly op?: ConditionOp;
  readonly value?: unknown;
  /** With `op: check`: the typed check to run on the selected values (src/core/rules/checks.ts). */
  readonly check?: CheckName;
  readonly args?: CheckArgs;
}

export type ConditionOp =
  | 'exists' | 'absent' | 'equals' | 'not_equals' | 'in' | 'not_in' | 'truthy' | 'falsy' | 'matches' | 'check';

/** A condition that may differ between CloudFormation and Terraform. */
export type SidedCondition = Condition | { readonly cfn?: Condition; readonly tf?: Condition };

/** Three-valued truth: undefined means the template cannot decide, and `because` says on what it depends. */
export interface Truth {
  readonly value: boolean | undefined;
  readonly because?: string;
  /** The value that made the condition true (where a finding points), when there is one. */
  readonly node?: SyntaxNode;
}

const TRUE: Truth = { value: true };
const FALSE: Truth = { value: false };

export function conditionFor(condition: SidedCondition, dialect: Dialect): Condition | undefined {
  if ('cfn' in condition || 'tf' in condition) return (condition as { cfn?: Condition; tf?: Condition })[dialect];
  return condition as Condition;
}

/**
 * Evaluates a condition on a resource's properties. `defaultPath` is used by leaves without a `path` (a shift's
 * trigger). A leaf on a Terraform satellite resource (`satellite`) is evaluated on that resource when the
 * context can find it, and is undecided otherwise.
 */
export function evaluate(condition: Condition, properties: MapNode | undefined, context: ValueContext, defaultPath = ''): Truth {
  // Another resource first: `{related: …, any: […]}` evaluates the whole rest of the condition there.
  if (condition.related) {
    const { related, ...onRelated } = condition;
    const resources = context.related?.(related.type, related.link) ?? [];
    if (resources.length === 0) return evaluate(onRelated, undefined, context, defaultPath);
    return combineAny(resources.map((resource) => evaluate(onRelated, resource.properties, context, defaultPath)));
  }
  if (condition.satellite) {
    if (!context.satelliteProperties) return { value: undefined, because: `a separate ${condition.satellite} resource` };
    const { satellite: _satellite, ...onSatellite } = condition;
    return evaluate(onSatellite, context.satelliteProperties(condition.satellite), context, defaultPath);
  }
  if (condition.all) return combineAll(condition.all.map((c) => evaluate(c, properties, context, defaultPath)));
  if (condition.any) return combineAny(condition.any.map((c) => evaluate(c, properties, context, defaultPath)));
  if (condition.not) {
    const inner = evaluate(condition.not, properties, context, defaultPath);
    return inner.value === undefined ? inner : { value: !inner.value };
  }
  const values = selectPath(properties, condition.path ?? defaultPath, context);
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
    case 'check': return anyOf(values, (v) => runCheck(condition.check, v, condition.args ?? {}, context));
  }
}

type Test = (value: Resolved) => Truth;

/** True when any selected value passes, unknown when none passes but some cannot be decided. */
function anyOf(values: readonly Resolved[], test: Test): Truth {
  let unknown: Truth | undefined;
  for (const value of values) {
    const result = value.kind === 'alternatives' ? agree(value.options.map((option) => anyOf(option, test)), value.condition) : test(value);
    if (result.value === true) return result.node || !('node' in value) ? result : { value: true, node: value.node };
    if (result.value === undefined) unknown ??= result;
  }
  return unknown ?? FALSE;
}

/** The branches of an `Fn::If` decide only when they agree; otherwise the answer depends on its condition. */
function agree(results: readonly Truth[], condition: string): Truth {
  const first = results[0]?.value;
  if (first !== undefined && results.every((r) => r.value === first)) return first ? results[0]! : FALSE;
  return results.find((r) => r.value === undefined && r.because) ?? { value: undefined, because: `condition ${condition}` };
}

/** True when no selected value passes; the first value written is where a finding points. */
function noneOf(values: readonly Resolved[], test: Test): Truth {
  const truth = anyOf(values, test);
  if (truth.value !== false) return truth.value === undefined ? truth : FALSE;
  const written = values.find((v): v is Extract<Resolved, { node: SyntaxNode }> => 'node' in v);
  return written ? { value: true, node: written.node } : TRUE;
}

function combineAll(results: readonly Truth[]): Truth {
  if (results.some((r) => r.value === false)) return FALSE;
  return results.find((r) => r.value === undefined) ?? results.find((r) => r.node) ?? TRUE;
}

function combineAny(results: readonly Truth[]): Truth {
  const found = results.find((r) => r.value === true);
  if (found) return found;
  return results.find((r) => r.value === undefined) ?? FALSE;
}

function unknown(value: Resolved): Truth | undefined {
  return value.kind === 'unknown' ? { value: undefined, because: value.reason } : undefined;
}

function isPresent(value: Resolved): Truth {
  return value.kind === 'absent' ? FALSE : TRUE;
}

function scalarOf(value: Resolved): Truth | string | undefined {
  if (value.kind === 'unknown') return unknown(value);
  if (value.kind !== 'value' || value.value === null) return undefined;
  return String(value.value);
}

/** CloudFormation accepts "true"/"True" for booleans and numbers as strings, so comparisons are on strings. */
function same(actual: string, expected: unknown): boolean {
  const wanted = String(expected);
  if (typeof expected === 'boolean') return actual.toLowerCase() === wanted;
  return actual === wanted;
}

function equalsTest(value: Resolved, expected: unknown): Truth {
  const actual = scalarOf(value);
  if (typeof actual !== 'string') return actual ?? FALSE;
  return same(actual, expected) ? TRUE : FALSE;
}

function inTest(value: Resolved, expected: unknown): Truth {
  const actual = scalarOf(value);
  if (typeof actual !== 'string') return actual ?? FALSE;
  const options = Array.isArray(expected) ? expected : [expected];
  return options.some((option) => same(actual, option)) ? TRUE : FALSE;
}

function truthyTest(value: Resolved): Truth {
  const actual = scalarOf(value);
  if (typeof actual !== 'string') return actual ?? FALSE;
  return actual.toLowerCase() === 'true' ? TRUE : FALSE;
}

const patterns = new Map<string, RegExp>();

function matchesTest(value: Resolved, pattern: unknown): Truth {
  const actual = scalarOf(value);
  if (typeof actual !== 'string') return actual ?? FALSE;
  const source = String(pattern);
  let regex = patterns.get(source);
  if (!regex) patterns.set(source, (regex = new RegExp(source)));
  return regex.test(actual) ? TRUE : FALSE;
}
