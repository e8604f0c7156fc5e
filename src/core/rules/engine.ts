// Runs the rules of data/rules on a template: one evaluator for every rule, CloudFormation and Terraform alike.
import { conditionFor, evaluate } from '../template/conditions';
import type { Truth } from '../template/conditions';
import type { Dialect, Resource, Template } from '../template/model';
import { dialectOf } from '../template/model';
import { lineageOf } from '../template/cloudformation';
import type { TemplateLineage } from '../template/cloudformation';
import { referenceIndex, resourceContext } from '../template/references';
import { movedOffset } from '../template/reparse';
import type { TextEdit } from '../template/reparse';
import { selectPath } from '../template/values';
import type { ValueContext } from '../template/values';
import type { Span, SyntaxNode } from '../syntax/tree';
import { applySuppressions } from './suppressions';
import type { Finding, Rule, Severity } from './types';
import { severityRank } from './types';

/** Rules found by resource type and by id: a RuleIndex over a list, or a store that reads each rule at its first use. */
export interface RuleLookup {
  readonly all: readonly Rule[];
  forType(type: string): readonly Rule[];
  get(id: string): Rule | undefined;
}

/** The rules by id and by resource type (`provider.aws` for a Terraform provider block). */
export class RuleIndex implements RuleLookup {
  private readonly byType = new Map<string, Rule[]>();
  private readonly byId = new Map<string, Rule>();

  constructor(readonly all: readonly Rule[]) {
    for (const rule of all) {
      this.byId.set(rule.id, rule);
      for (const type of [...(rule.resource_types.cfn ?? []), ...(rule.resource_types.tf ?? [])]) {
        let list = this.byType.get(type);
        if (!list) this.byType.set(type, (list = []));
        list.push(rule);
      }
    }
  }

  forType(type: string): readonly Rule[] {
    return this.byType.get(type) ?? [];
  }

  get(id: string): Rule | undefined {
    return this.byId.get(id);
  }
}

export interface RuleOptions {
  /** Severity per rule id, or `off`: from settings and the configuration file. */
  readonly overrides?: ReadonlyMap<string, Severity | 'off'>;
  /** Rule ids the configuration file suppresses for this file, with the reason. */
  readonly suppress?: ReadonlyMap<string, string>;
}

/** The meta-rule that flags a suppression written without a reason (it is still honoured). */
const SUPPRESSION_WITHOUT_REASON_ID = 'suppression-without-reason';

/** Every finding of the rules on the template's resources, suppressed ones marked; never throws on odd input. */
export function findingsOf(rules: RuleLookup, template: Template, text: string, options: RuleOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const targets = [...template.resources.filter((r) => r.kind === 'resource'), ...(template.providers ?? [])];
  for (const resource of targets) {
    for (const { rule, outcome } of ruleOutcomes(rules, template, resource)) {
      const override = options.overrides?.get(rule.id);
      if (override === 'off') continue;
      if (typeof outcome === 'object' && !outcome.quiet) findings.push(override ? { ...outcome, severity: override } : outcome);
    }
  }
  const marked = applySuppressions(findings, template, text, options.suppress ?? new Map());
  return [...marked, ...marked.flatMap(reasonlessSuppression)];
}

/** What one rule finds on one resource: it passes, does not apply (another configuration), or a finding. */
export type RuleOutcome = 'pass' | 'not_applicable' | Finding;

type Outcomes = readonly { readonly rule: Rule; readonly outcome: RuleOutcome }[];

/** A resource's outcomes, and the other resources read to reach them (a bucket's policy, a role's document). */
interface Evaluated {
  readonly outcomes: Outcomes;
  readonly reads: ReadonlySet<Resource>;
}

/** Outcomes by template and resource: the findings, the hover and every diagram row read the same ones. */
const outcomeCache = new WeakMap<RuleLookup, WeakMap<Template, Map<Resource, Evaluated>>>();

/**
 * Every rule of a resource's type with its outcome, before settings and suppressions: what the findings report and
 * what the hover and the diagram mark as met (✓), failing, relying on a default or depending on a parameter.
 * Computed once per template and resource, and carried over from the previous version of the text when an edit
 * elsewhere cannot have changed them.
 */
export function ruleOutcomes(rules: RuleLookup, template: Template, resource: Resource): Outcomes {
  const byResource = outcomesOf(rules, template);
  let evaluated = byResource.get(resource);
  if (!evaluated) {
    evaluated = carriedOver(rules, template, resource) ?? evaluateRules(rules, template, resource);
    byResource.set(resource, evaluated);
  }
  return evaluated.outcomes;
}

function outcomesOf(rules: RuleLookup, template: Template): Map<Resource, Evaluated> {
  let byTemplate = outcomeCache.get(rules);
  if (!byTemplate) outcomeCache.set(rules, (byTemplate = new WeakMap()));
  let byResource = byTemplate.get(template);
  if (!byResource) byTemplate.set(template, (byResource = new Map()));
  return byResource;
}

function evaluateRules(rules: RuleLookup, template: Template, resource: Resource): Evaluated {
  const dialect = dialectOf(template.format);
  const key = resource.kind === 'provider' ? `provider.${resource.type}` : resource.type;
  const reads = new Set<Resource>();
  const context = resourceContext(template, resource, (other) => reads.add(other));
  const outcomes = rules.forType(key).map((rule) => ({ rule, outcome: checkRule(rule, dialect, resource, template, context) }));
  return { outcomes, reads };
}

/**
 * The previous version's outcomes of a resource the edit did not touch, moved with the text, unless they may have
 * changed: when they read the edited resource, or the edited resource refers (or referred) to this one, which
 * changes what reads its referrers.
 */
function carriedOver(rules: RuleLookup, template: Template, resource: Resource): Evaluated | undefined {
  const lineage = lineageOf(template);
  const before = lineage?.before.get(resource);
  const { now: editedNow, before: editedBefore } = lineage?.edited ?? {};
  if (!lineage || !before || !editedNow || !editedBefore) return undefined;
  const previous = outcomesOf(rules, lineage.previous).get(before);
  if (!previous || previous.reads.has(editedBefore)) return undefined;
  if (referenceIndex(lineage.previous).refersTo(editedBefore, before) || referenceIndex(template).refersTo(editedNow, resource)) return undefined;
  // Even the outcomes of a resource before the edit name the resources they read, which may have moved since.
  const now = nowOf(lineage);
  const outcomes = previous.outcomes.map(({ rule, outcome }) => ({ rule, outcome: movedOutcome(outcome, lineage.edit, now) }));
  return { outcomes, reads: new Set([...previous.reads].map(now)) };
}

const currentResources = new WeakMap<TemplateLineage, Map<Resource, Resource>>();

/** The resource of the new template for one of the previous template's (other than the edited one). */
function nowOf(lineage: TemplateLineage): (before: Resource) => Resource {
  let map = currentResources.get(lineage);
  if (!map) {
    map = new Map();
    for (const [now, before] of lineage.before) map.set(before, now);
    currentResources.set(lineage, map);
  }
  const current = map;
  return (before) => current.get(before) ?? before;
}

function movedOutcome(outcome: RuleOutcome, edit: TextEdit, now: (before: Resource) => Resource): RuleOutcome {
  if (typeof outcome !== 'object') return outcome;
  const related = outcome.related?.map((entry) => ({ ...entry, resource: now(entry.resource) }));
  return { ...outcome, resource: now(outcome.resource), span: movedSpan(outcome.span, edit), ...(related ? { related } : {}) };
}

function movedSpan(span: Span, edit: TextEdit): Span {
  return span.end <= edit.start ? span : { start: movedOffset(span.start, edit), end: movedOffset(span.end, edit) };
}

function checkRule(rule: Rule, dialect: Dialect, resource: Resource, template: Template, context: ValueContext): RuleOutcome {
  const violation = conditionFor(rule.violation, dialect);
  if (!violation) return 'not_applicable';
  const properties = resource.properties;
  const applies = rule.applies_when && conditionFor(rule.applies_when, dialect);
  if (applies && evaluate(applies, properties, context).value === false) return 'not_applicable';
  const truth = evaluate(violation, properties, context);
  if (truth.value === false) return 'pass';
  const subject = subjectOf(rule, dialect, resource, context);
  // A value found on another resource (the bucket policy of a bucket) is named there; the finding stays here.
  const elsewhere = truth.node && (truth.node.start < resource.span.start || truth.node.end > resource.span.end) ? truth.node : undefined;
  const at = (elsewhere ? undefined : truth.node) ?? subject ?? resource.idSpan;
  if (truth.value === undefined) return dependsFinding(rule, resource, template, context, truth, subject ?? resource.idSpan);
  if (rule.absent && subject === undefined && subjectAbsent(rule, dialect, resource, context)) {
    if (rule.absent.severity === 'off') return 'not_applicable';
    return { rule, severity: rule.absent.severity, message: rule.absent.message, resource, span: resource.idSpan, kind: 'absent' };
  }
  const other = elsewhere && template.resources.find((r) => r !== resource && elsewhere.start >= r.span.start && elsewhere.end <= r.span.end);
  const related = other ? [{ resource: other, message: `${other.id} (${other.type}) is where this is set` }] : undefined;
  return { rule, severity: rule.severity, message: rule.message, resource, span: at, kind: 'violation', ...(related ? { related } : {}) };
}

/** The node of the rule's subject property as written, or undefined when it is absent or lives elsewhere. */
function subjectOf(rule: Rule, dialect: Dialect, resource: Resource, context: ValueContext): SyntaxNode | undefined {
  const path = rule.subject?.[dialect];
  if (!path || isOtherResource(path, dialect)) return undefined;
  for (const value of selectPath(resource.properties, path, context)) {
    if ('node' in value) return value.node;
    if (value.kind === 'alternatives') return undefined;
  }
  return undefined;
}

/** A Terraform subject may name a satellite resource type (`aws_s3_bucket_public_access_block`). */
function isOtherResource(path: string, dialect: Dialect): boolean {
  return dialect === 'tf' && path.startsWith('aws_');
}

function subjectAbsent(rule: Rule, dialect: Dialect, resource: Resource, context: ValueContext): boolean {
  const path = rule.subject?.[dialect];
  if (!path) return false;
  if (isOtherResource(path, dialect)) return (context.related?.(path) ?? []).length === 0;
  return selectPath(resource.properties, path, context).every((value) => value.kind === 'absent');
}

/**
 * A value the template cannot know never makes a problem: a `warning` or `error` rule says what it depends on, as
 * information, and what the parameters' defaults would give.
 */
function dependsFinding(rule: Rule, resource: Resource, template: Template, context: ValueContext, truth: Truth, span: { start: number; end: number }): RuleOutcome {
  // Low-severity rules say nothing when a parameter decides; the markers still show "depends".
  const quiet = severityRank(rule.severity) < severityRank('warning');
  const because = truth.because ?? 'a value the template does not fix';
  let withDefaults = '';
  const defaults = template.parameterDefaults;
  if (defaults && defaults.size > 0) {
    const violation = conditionFor(rule.violation, dialectOf(template.format))!;
    const assumed = evaluate(violation, resource.properties, { ...context, assumeDefaults: defaults });
    if (assumed.value === true) withDefaults = ` With ${describeDefault(because, defaults)}, it would be flagged: ${lowerFirst(rule.title)}.`;
  }
  const message = `Depends on ${because}: ${lowerFirst(rule.title)} when it is set that way.${withDefaults}`;
  return { rule, severity: 'information', message, resource, span, kind: 'depends', ...(quiet ? { quiet } : {}) };
}

function describeDefault(because: string, defaults: ReadonlyMap<string, SyntaxNode>): string {
  const match = /^(parameter|variable) (\S+)/.exec(because);
  const name = match ? (match[1] === 'variable' ? `var.${match[2]}` : match[2]!) : undefined;
  const node = name ? defaults.get(name) : undefined;
  if (node?.kind === 'scalar' && node.value !== null && String(node.value).length <= 60) return `the default \`${String(node.value)}\``;
  return 'the defaults';
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function reasonlessSuppression(finding: Finding): Finding[] {
  const suppression = finding.suppressed;
  if (!suppression || suppression.reason.trim() !== '' || suppression.by === 'config') return [];
  const rule: Rule = { ...finding.rule, id: SUPPRESSION_WITHOUT_REASON_ID, title: 'Suppression without a reason', controls: [], matches: { checkov: [], cfn_nag: [], trivy: [] } };
  return [{
    rule,
    severity: 'hint',
    message: `${finding.rule.id} is suppressed without a reason: say why, so the next reader knows the duty was considered.`,
    resource: finding.resource,
    span: suppression.span,
    kind: 'violation',
  }];
}
