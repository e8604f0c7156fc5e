// The typed checks of the rule language (`op: check`): what a property path cannot say on its own. Each is written
// once for CloudFormation and Terraform. Like every condition they are three-valued: a value the template cannot
// know makes them undecided, never true.
import { isMap, stringValue } from '../syntax/tree';
import type { MapEntry, MapNode, SyntaxNode } from '../syntax/tree';
import type { Truth } from '../template/conditions';
import { intrinsicOf, resolveNode } from '../template/values';
import type { Resolved, ValueContext } from '../template/values';

export type CheckName =
  | 'policy_admin' | 'policy_service_wildcard' | 'policy_public' | 'policy_denies_insecure_transport'
  | 'world_open_ingress' | 'literal_secret' | 'contains_access_key' | 'secret_in_environment';

export interface CheckArgs {
  readonly ports?: readonly number[];
  readonly any_port?: boolean;
}

const TRUE: Truth = { value: true };
const FALSE: Truth = { value: false };

export function runCheck(name: CheckName | undefined, value: Resolved, args: CheckArgs, context: ValueContext): Truth {
  if (value.kind === 'absent') return FALSE;
  if (name === 'contains_access_key') return containsAccessKey(value);
  if (name === 'literal_secret') return literalSecret(value);
  if (value.kind === 'unknown') return policyOrUnknown(name, value, context);
  if (value.kind !== 'value' && value.kind !== 'present') return FALSE;
  switch (name) {
    case 'policy_admin':
    case 'policy_service_wildcard':
    case 'policy_public':
    case 'policy_denies_insecure_transport':
      return policyCheck(name, intrinsicOf(value.node) ? referencedPolicy(value.node, context) : readPolicy(value.node, context));
    case 'world_open_ingress':
      return worldOpenIngress(value.node, args, context);
    case 'secret_in_environment':
      return secretInEnvironment(value.node, context);
    default:
      return { value: undefined, because: `an unknown check ${String(name)}` };
  }
}

function policyOrUnknown(name: CheckName | undefined, value: Extract<Resolved, { kind: 'unknown' }>, context: ValueContext): Truth {
  if (name?.startsWith('policy_')) return policyCheck(name as PolicyCheck, referencedPolicy(value.node, context));
  return { value: undefined, because: value.reason };
}

/** A reference to a policy document data source of the file (`data.aws_iam_policy_document.x.json`): its statements. */
function referencedPolicy(node: SyntaxNode, context: ValueContext): Statement[] | typeof UNKNOWN {
  const document = context.referenced?.(node);
  return document ? statementsOfDataSource(document, context) : UNKNOWN;
}

// ---- IAM policy documents -------------------------------------------------------------------------------------

type PolicyCheck = Extract<CheckName, `policy_${string}`>;

/** A value that the template cannot determine inside a policy (a parameter, an expression). */
const UNKNOWN = Symbol('unknown');
/** A value that is not known but cannot be `*`: another resource's ARN, `arn:aws:iam::${AWS::AccountId}:root`. */
const REFERENCE = '(a reference)';

/** The literal text of a `!Sub` or a quoted Terraform template, without its variables (empty for anything else). */
function substitutionText(node: SyntaxNode): string {
  const source = node.tag === '!Expr' ? stringValue(node) ?? '' : '';
  if (source.startsWith('"')) return source.slice(1, -1).replace(/\$\{[^}]*\}/g, '');
  const intrinsic = intrinsicOf(node);
  if (intrinsic?.name !== 'Fn::Sub') return '';
  const argument = intrinsic.argument;
  const template = argument?.kind === 'seq' ? stringValue(argument.items[0]) : stringValue(argument);
  return (template ?? '').replace(/\$\{[^}]*\}/g, '');
}
type Plain = string | number | boolean | null | typeof UNKNOWN | Plain[] | { [key: string]: Plain };

interface Statement {
  readonly effect: Plain;
  readonly actions: Plain;
  readonly notActions: boolean;
  readonly resources: Plain;
  readonly principal: Plain;
  readonly condition: Plain;
}

/** The statements of a policy document, `UNKNOWN` when the document itself cannot be read. */
function readPolicy(node: SyntaxNode, context: ValueContext): Statement[] | typeof UNKNOWN {
  const document = plainOf(node, context, { left: 5000 });
  const parsed = typeof document === 'string' ? parseJsonPolicy(document) : document;
  if (parsed === UNKNOWN || parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return UNKNOWN;
  const raw = parsed['Statement'];
  if (raw === UNKNOWN) return UNKNOWN;
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : [];
  return list.map((statement) => {
    const s = statement && typeof statement === 'object' && !Array.isArray(statement) ? statement : {};
    return {
      effect: s['Effect'] ?? null,
      actions: s['Action'] ?? s['NotAction'] ?? null,
      notActions: s['Action'] === undefined && s['NotAction'] !== undefined,
      resources: s['Resource'] ?? (s['NotResource'] !== undefined ? '*' : null),
      principal: s['Principal'] ?? null,
      condition: s['Condition'] ?? null,
    };
  });
}

function parseJsonPolicy(text: string): Plain {
  try {
    return JSON.parse(text) as Plain;
  } catch {
    return null;
  }
}

/** `data "aws_iam_policy_document"`: `statement` blocks with `actions`, `resources`, `principals`, `condition`. */
function statementsOfDataSource(document: MapNode, context: ValueContext): Statement[] {
  const blocks = plainOf(document, context, { left: 5000 });
  if (!blocks || typeof blocks !== 'object' || Array.isArray(blocks) || blocks === null) return [];
  const statements = Array.isArray(blocks['statement']) ? blocks['statement'] : [];
  return statements.map((statement) => {
    const s = statement && typeof statement === 'object' && !Array.isArray(statement) ? statement : {};
    const principals = Array.isArray(s['principals']) ? s['principals'] : [];
    const principal: Plain = principals.length === 0 ? null : { AWS: principals.flatMap(identifiersOf) };
    const conditions = Array.isArray(s['condition']) ? s['condition'] : [];
    return {
      effect: s['effect'] ?? 'Allow',
      actions: s['actions'] ?? s['not_actions'] ?? null,
      notActions: s['actions'] === undefined && s['not_actions'] !== undefined,
      resources: s['resources'] ?? (s['not_resources'] !== undefined ? '*' : null),
      principal,
      condition: conditions.length === 0 ? null : conditionOfBlocks(conditions),
    };
  });
}

function identifiersOf(principal: Plain): Plain[] {
  if (!principal || typeof principal !== 'object' || Array.isArray(principal)) return [];
  const identifiers = principal['identifiers'];
  return Array.isArray(identifiers) ? identifiers : identifiers === UNKNOWN ? [UNKNOWN] : [];
}

/** `condition { test = "Bool" variable = "aws:SecureTransport" values = ["false"] }` as a policy Condition map. */
function conditionOfBlocks(blocks: Plain[]): Plain {
  // Keyed by the template's text (`test = "__proto__"`): no prototype to reach.
  const condition: { [key: string]: Plain } = Object.create(null) as { [key: string]: Plain };
  for (const block of blocks) {
    if (!block || typeof block !== 'object' || Array.isArray(block)) continue;
    const test = typeof block['test'] === 'string' ? block['test'] : 'Unknown';
    const variable = typeof block['variable'] === 'string' ? block['variable'] : 'unknown';
    const operator = (condition[test] ??= Object.create(null) as { [key: string]: Plain }) as { [key: string]: Plain };
    operator[variable] = block['values'] ?? UNKNOWN;
  }
  return condition;
}

function policyCheck(name: PolicyCheck, statements: Statement[] | typeof UNKNOWN): Truth {
  if (statements === UNKNOWN) return { value: undefined, because: 'a policy document the template does not fix' };
  let undecided: Truth | undefined;
  if (name === 'policy_denies_insecure_transport') {
    for (const statement of statements) {
      if (statement.effect === 'Deny' && deniesInsecureTransport(statement.condition)) return TRUE;
    }
    return FALSE;
  }
  for (const statement of statements) {
    if (statement.effect === UNKNOWN) {
      undecided ??= { value: undefined, because: 'a policy statement the template does not fix' };
      continue;
    }
    if (statement.effect !== 'Allow') continue;
    const result = statementMatches(name, statement);
    if (result.value === true) return result;
    if (result.value === undefined) undecided ??= result;
  }
  return undecided ?? FALSE;
}

function statementMatches(name: PolicyCheck, statement: Statement): Truth {
  if (name === 'policy_public') {
    // A condition (source account, organization, VPC endpoint…) restricts the statement, whatever the principal.
    if (statement.condition !== null) return FALSE;
    const principal = isPublicPrincipal(statement.principal);
    return principal === undefined ? { value: undefined, because: 'a principal the template does not fix' } : principal ? TRUE : FALSE;
  }
  const onAll = anyString(statement.resources, (resource) => resource === '*');
  if (onAll !== true) return onAll === undefined ? { value: undefined, because: 'a resource the template does not fix' } : FALSE;
  if (statement.notActions) return name === 'policy_admin' ? FALSE : TRUE;
  const wildcard = name === 'policy_admin' ? (action: string) => action === '*' || action === '*:*' : (action: string) => action === '*' || /^[A-Za-z0-9-]+:\*$/.test(action);
  const matches = anyString(statement.actions, wildcard);
  return matches === undefined ? { value: undefined, because: 'an action the template does not fix' } : matches ? TRUE : FALSE;
}

/** True if any string of a string-or-list matches; undefined when none matches but some cannot be known. */
function anyString(value: Plain, test: (text: string) => boolean): boolean | undefined {
  const values = Array.isArray(value) ? value : [value];
  let unknown = false;
  for (const item of values) {
    if (item === UNKNOWN) unknown = true;
    else if (typeof item === 'string' && test(item)) return true;
  }
  return unknown ? undefined : false;
}

function isPublicPrincipal(principal: Plain): boolean | undefined {
  if (principal === '*') return true;
  if (principal === UNKNOWN) return undefined;
  if (!principal || typeof principal !== 'object' || Array.isArray(principal)) return false;
  let unknown = false;
  for (const key of ['AWS', 'CanonicalUser', '*']) {
    if (!Object.prototype.hasOwnProperty.call(principal, key)) continue;
    const result = anyString(principal[key]!, (identifier) => identifier === '*');
    if (result === true) return true;
    if (result === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

function deniesInsecureTransport(condition: Plain): boolean {
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) return false;
  for (const [operator, tests] of Object.entries(condition)) {
    if (!/^Bool(IfExists)?$/i.test(operator) || !tests || typeof tests !== 'object' || Array.isArray(tests)) continue;
    for (const [key, value] of Object.entries(tests)) {
      if (key.toLowerCase() !== 'aws:securetransport') continue;
      if (anyString(Array.isArray(value) ? value : [String(value)], (text) => text.toLowerCase() === 'false')) return true;
    }
  }
  return false;
}

/**
 * A syntax node as a plain value (maps, lists, scalars), with what the template cannot determine as UNKNOWN.
 * Bounded: a YAML alias bomb or a huge document stops at the budget instead of exhausting memory.
 */
function plainOf(node: SyntaxNode | null, context: ValueContext, budget: { left: number }): Plain {
  if (node === null) return null;
  if (budget.left-- <= 0) return UNKNOWN;
  // A node that calls no intrinsic function resolves to itself: read as it is.
  return intrinsicOf(node) ? plainOfIntrinsic(node, context, budget) : plainOfNode(node, context, budget);
}

function plainOfIntrinsic(node: SyntaxNode, context: ValueContext, budget: { left: number }): Plain {
  const resolved = resolveNode(node, context);
  if (resolved.length !== 1) return UNKNOWN;
  const only = resolved[0]!;
  if (only.kind === 'value') return only.value;
  if (only.kind === 'absent') return null;
  // The ARN of another resource, or a substitution with text of its own, is some value, and never a wildcard.
  if (only.kind === 'present' && intrinsicOf(only.node)) return REFERENCE;
  if (only.kind === 'unknown' && /[^*]/.test(substitutionText(only.node))) return REFERENCE;
  if (only.kind !== 'present') return UNKNOWN;
  return plainOfNode(only.node, context, budget);
}

function plainOfNode(node: SyntaxNode, context: ValueContext, budget: { left: number }): Plain {
  if (node.kind === 'seq') return node.items.map((item) => plainOf(item, context, budget));
  if (node.kind === 'map') {
    const result: { [key: string]: Plain } = Object.create(null) as { [key: string]: Plain };
    for (const entry of node.entries) result[String(entry.key.value)] = plainOf(entry.value, context, budget);
    return result;
  }
  return node.value;
}

// ---- Security group rules -------------------------------------------------------------------------------------

const WORLD = new Set(['0.0.0.0/0', '::/0']);

/** One rule (a map) or a list of them, in CloudFormation or Terraform names. */
function worldOpenIngress(node: SyntaxNode, args: CheckArgs, context: ValueContext): Truth {
  const rules = node.kind === 'seq' ? node.items : [node];
  let undecided: Truth | undefined;
  for (const rule of rules) {
    if (!isMap(rule)) continue;
    const result = ruleIsWorldOpen(rule, args, context);
    if (result.value === true) return { value: true, node: rule };
    if (result.value === undefined) undecided ??= result;
  }
  return undecided ?? FALSE;
}

/** The first of `names` the rule has (its first entry of that name), resolved; absent when it has none. */
function field(rule: MapNode, context: ValueContext, names: readonly string[]): Resolved[] {
  for (const name of names) {
    const entry = firstEntry(rule, name);
    if (entry) return resolveNode(entry.value, context);
  }
  return [{ kind: 'absent' }];
}

function firstEntry(map: MapNode, name: string): MapEntry | undefined {
  for (const entry of map.entries) if (entry.key.value === name) return entry;
  return undefined;
}

const IPV4_SOURCE = ['CidrIp', 'cidr_ipv4'];
const IPV6_SOURCE = ['CidrIpv6', 'cidr_ipv6'];
const PROTOCOL = ['IpProtocol', 'protocol', 'ip_protocol'];
const FROM_PORT = ['FromPort', 'from_port'];
const TO_PORT = ['ToPort', 'to_port'];
const ALL_TRAFFIC = new Set(['-1', 'all']);
const PORT_PROTOCOLS = new Set(['tcp', '6', 'udp', '17']);

function ruleIsWorldOpen(rule: MapNode, args: CheckArgs, context: ValueContext): Truth {
  // Open when any source is the whole internet; undecided when none is but one cannot be known.
  let open = openTo(field(rule, context, IPV4_SOURCE), false);
  if (open !== true) open = openTo(field(rule, context, IPV6_SOURCE), open);
  if (open !== true) open = listOpenTo(rule, context, 'cidr_blocks', open);
  if (open !== true) open = listOpenTo(rule, context, 'ipv6_cidr_blocks', open);
  if (open === false) return FALSE;
  const ports = coversPorts(rule, args, context);
  if (ports === false) return FALSE;
  if (open === undefined || ports === undefined) return { value: undefined, because: 'a source or port range the template does not fix' };
  return TRUE;
}

/** True when one of the sources is the whole internet; otherwise undefined when one cannot be known, else `open`. */
function openTo(sources: readonly Resolved[], open: boolean | undefined): boolean | undefined {
  for (const source of sources) {
    if (source.kind === 'value' && WORLD.has(String(source.value))) return true;
    if (source.kind === 'unknown' || source.kind === 'alternatives') open = undefined;
  }
  return open;
}

/** openTo for a list of sources (`cidr_blocks`), item by item. */
function listOpenTo(rule: MapNode, context: ValueContext, name: string, open: boolean | undefined): boolean | undefined {
  const list = firstEntry(rule, name)?.value;
  if (!list) return open;
  if (list.kind !== 'seq') return openTo(resolveNode(list, context), open);
  for (const item of list.items) {
    open = openTo(resolveNode(item, context), open);
    if (open === true) return true;
  }
  return open;
}

function scalarOf(values: Resolved[]): string | number | undefined | null {
  const [first] = values;
  if (!first || first.kind === 'absent') return null;
  if (first.kind !== 'value' || typeof first.value === 'boolean') return undefined;
  return first.value;
}

function coversPorts(rule: MapNode, args: CheckArgs, context: ValueContext): boolean | undefined {
  const protocol = scalarOf(field(rule, context, PROTOCOL));
  if (protocol === undefined) return undefined;
  const allTraffic = protocol !== null && ALL_TRAFFIC.has(String(protocol).toLowerCase());
  if (args.any_port) return true;
  if (!allTraffic && protocol !== null && !PORT_PROTOCOLS.has(String(protocol).toLowerCase())) return false;
  if (allTraffic) return true;
  const from = scalarOf(field(rule, context, FROM_PORT));
  const to = scalarOf(field(rule, context, TO_PORT));
  if (from === undefined || to === undefined) return undefined;
  const low = from === null ? 0 : Number(from);
  const high = to === null ? 65535 : Number(to);
  if (Number.isNaN(low) || Number.isNaN(high)) return undefined;
  if (low === -1 && high === -1) return true;
  return (args.ports ?? []).some((port) => port >= low && port <= high);
}

// ---- Secrets --------------------------------------------------------------------------------------------------

const ACCESS_KEY = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/;
const DYNAMIC_REFERENCE = /\{\{resolve:(secretsmanager|ssm-secure):/;
const SECRET_NAME = /PASSW(OR)?D|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|ECS_ENGINE_AUTH_DATA/i;

/** A literal where a secret belongs: not a parameter, not a dynamic reference, not another resource. */
function literalSecret(value: Resolved): Truth {
  if (value.kind === 'unknown') {
    // `!Sub '{{resolve:secretsmanager:${Secret}:SecretString:password}}'` is a dynamic reference, not a guess.
    const text = stringValue(value.node) ?? '';
    return DYNAMIC_REFERENCE.test(text) ? FALSE : { value: undefined, because: value.reason };
  }
  if (value.kind === 'alternatives') return { value: undefined, because: `condition ${value.condition}` };
  if (value.kind !== 'value' || value.value === null || typeof value.value === 'boolean') return FALSE;
  const text = String(value.value);
  return text.length > 0 && !DYNAMIC_REFERENCE.test(text) ? { value: true, node: value.node } : FALSE;
}

/** An access key id written anywhere inside the value: in a string, a `!Sub`, a `!Join` or a heredoc. */
function containsAccessKey(value: Resolved): Truth {
  if (value.kind === 'alternatives') {
    for (const option of value.options) for (const inner of option) if (containsAccessKey(inner).value) return containsAccessKey(inner);
    return FALSE;
  }
  if (!('node' in value)) return FALSE;
  const budget = { left: 5000 };
  const stack: SyntaxNode[] = [value.node];
  while (stack.length > 0 && budget.left-- > 0) {
    const node = stack.pop()!;
    if (node.kind === 'scalar') {
      if (typeof node.value === 'string' && ACCESS_KEY.test(node.value)) return { value: true, node };
    } else if (node.kind === 'seq') for (const item of node.items) stack.push(item);
    else for (const entry of node.entries) if (entry.value) stack.push(entry.value);
  }
  return FALSE;
}

/** A map of names to values, or a list of `{Name, Value}` / `{name, value}`: a literal under a secret's name. */
function secretInEnvironment(node: SyntaxNode, context: ValueContext): Truth {
  const pairs: { name: string; value: SyntaxNode | null }[] = [];
  if (isMap(node)) for (const entry of node.entries) pairs.push({ name: String(entry.key.value), value: entry.value });
  else if (node.kind === 'seq') {
    for (const item of node.items) {
      if (!isMap(item)) continue;
      const name = item.entries.find((e) => e.key.value === 'Name' || e.key.value === 'name');
      const value = item.entries.find((e) => e.key.value === 'Value' || e.key.value === 'value');
      if (name && value) pairs.push({ name: stringValue(name.value) ?? '', value: value.value });
    }
  }
  for (const { name, value } of pairs) {
    if (value === null) continue;
    const resolved = resolveNode(value, context);
    const keyed = resolved.map(containsAccessKey).find((t) => t.value === true);
    if (keyed) return keyed;
    if (!SECRET_NAME.test(name)) continue;
    for (const one of resolved) {
      if (one.kind !== 'value' || typeof one.value !== 'string') continue;
      const text = one.value;
      if (text.length > 0 && !DYNAMIC_REFERENCE.test(text) && !text.startsWith('arn:')) return { value: true, node: one.node };
    }
  }
  return FALSE;
}
