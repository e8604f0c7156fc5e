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
  return evaluatorOf(condition)(properties, context, defaultPath);
}

type Evaluator = (properties: MapNode | undefined, context: ValueContext, defaultPath: string) => Truth;

const evaluators = new WeakMap<Condition, Evaluator>();

/**
 * A condition made into a function once: every resource of a type evaluates the same conditions, and reading a
 * condition's keys afresh each time (every condition object has its own shape) costs more than the evaluation.
 */
function evaluatorOf(condition: Condition): Evaluator {
  let evaluator = evaluators.get(condition);
  if (!evaluator) evaluators.set(condition, (evaluator = evaluatorFor(condition)));
  return evaluator;
}

function evaluatorFor(condition: Condition): Evaluator {
  // Another resource first: `{related: …, any: […]}` evaluates the whole rest of the condition there.
  if (condition.related) {
    const { related, ...rest } = condition;
    const onRelated = evaluatorOf(rest);
    return (_properties, context, defaultPath) => {
      const resources = context.related?.(related.type, related.link) ?? [];
      if (resources.length === 0) return onRelated(undefined, context, defaultPath);
      // As `any` over the related resources: the first that makes it true, else the first undecided.
      let undecided: Truth | undefined;
      for (const resource of resources) {
        const truth = onRelated(resource.properties, context, defaultPath);
        if (truth.value === true) return truth;
        if (truth.value === undefined) undecided ??= truth;
      }
      return undecided ?? FALSE;
    };
  }
  if (condition.satellite) {
    const { satellite, ...rest } = condition;
    const onSatellite = evaluatorOf(rest);
    return (_properties, context, defaultPath) => {
      if (!context.satelliteProperties) return { value: undefined, because: `a separate ${satellite} resource` };
      return onSatellite(context.satelliteProperties(satellite), context, defaultPath);
    };
  }
  if (condition.all) {
    const parts = condition.all.map(evaluatorOf);
    return (properties, context, defaultPath) => {
      // False when any is false; otherwise the first undecided, else the first that names a node.
      let undecided: Truth | undefined;
      let withNode: Truth | undefined;
      for (const part of parts) {
        const truth = part(properties, context, defaultPath);
        if (truth.value === false) return FALSE;
        if (truth.value === undefined) undecided ??= truth;
        else if (truth.node) withNode ??= truth;
      }
      return undecided ?? withNode ?? TRUE;
    };
  }
  if (condition.any) {
    const parts = condition.any.map(evaluatorOf);
    return (properties, context, defaultPath) => {
      // The first that is true; otherwise the first undecided.
      let undecided: Truth | undefined;
      for (const part of parts) {
        const truth = part(properties, context, defaultPath);
        if (truth.value === true) return truth;
        if (truth.value === undefined) undecided ??= truth;
      }
      return undecided ?? FALSE;
    };
  }
  if (condition.not) {
    const inner = evaluatorOf(condition.not);
    return (properties, context, defaultPath) => {
      const truth = inner(properties, context, defaultPath);
      return truth.value === undefined ? truth : truth.value ? FALSE : TRUE;
    };
  }
  const [combine, test] = leafOf(condition.op ?? 'exists');
  const path = condition.path;
  return (properties, context, defaultPath) => combine(selectPath(properties, path ?? defaultPath, context), test, condition, context);
}

type Combine = typeof anyOf;

/** How a leaf's selected values are combined (any passes, or none does) and what each is tested with. */
function leafOf(op: ConditionOp): readonly [Combine, Test] {
  switch (op) {
    case 'absent': return [noneOf, isPresent];
    case 'not_equals': return [noneOf, equalsTest];
    case 'not_in': return [noneOf, inTest];
    case 'falsy': return [noneOf, truthyTest];
    case 'exists': return [anyOf, isPresent];
    case 'equals': return [anyOf, equalsTest];
    case 'in': return [anyOf, inTest];
    case 'truthy': return [anyOf, truthyTest];
    case 'matches': return [anyOf, matchesTest];
    case 'check': return [anyOf, checkTest];
  }
}

/** A test of one selected value against a leaf condition (its `value`, `check` and `args`). */
type Test = (value: Resolved, condition: Condition, context: ValueContext) => Truth;

/** True when any selected value passes, unknown when none passes but some cannot be decided. */
function anyOf(values: readonly Resolved[], test: Test, condition: Condition, context: ValueContext): Truth {
  let unknown: Truth | undefined;
  for (const value of values) {
    const result = value.kind === 'alternatives' ? agree(value.options.map((option) => anyOf(option, test, condition, context)), value.condition) : test(value, condition, context);
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
function noneOf(values: readonly Resolved[], test: Test, condition: Condition, context: ValueContext): Truth {
  const truth = anyOf(values, test, condition, context);
  if (truth.value !== false) return truth.value === undefined ? truth : FALSE;
  const written = values.find((v): v is Extract<Resolved, { node: SyntaxNode }> => 'node' in v);
  return written ? { value: true, node: written.node } : TRUE;
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

function equalsTest(value: Resolved, condition: Condition): Truth {
  const actual = scalarOf(value);
  if (typeof actual !== 'string') return actual ?? FALSE;
  return same(actual, condition.value) ? TRUE : FALSE;
}

function inTest(value: Resolved, condition: Condition): Truth {
  const actual = scalarOf(value);
  if (typeof actual !== 'string') return actual ?? FALSE;
  const expected = condition.value;
  const options = Array.isArray(expected) ? expected : [expected];
  return options.some((option) => same(actual, option)) ? TRUE : FALSE;
}

function truthyTest(value: Resolved): Truth {
  const actual = scalarOf(value);
  if (typeof actual !== 'string') return actual ?? FALSE;
  return actual.toLowerCase() === 'true' ? TRUE : FALSE;
}

const NO_ARGS: CheckArgs = {};

function checkTest(value: Resolved, condition: Condition, context: ValueContext): Truth {
  return runCheck(condition.check, value, condition.args ?? NO_ARGS, context);
}

const patterns = new Map<string, RegExp>();

function matchesTest(value: Resolved, condition: Condition): Truth {
  const actual = scalarOf(value);
  if (typeof actual !== 'string') return actual ?? FALSE;
  const source = String(condition.value);
  let regex = patterns.get(source);
  if (!regex) patterns.set(source, (regex = new RegExp(source)));
  return regex.test(actual) ? TRUE : FALSE;
}
