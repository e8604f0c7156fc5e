// Quick fixes: the text edits that write a rule's `fix` into a document, in its own language (YAML, JSON, HCL)
// and with its own indentation. Pure: the host turns the edits into a WorkspaceEdit.
import { getEntry, isMap } from '../syntax/tree';
import type { MapEntry, MapNode, Span, SyntaxNode } from '../syntax/tree';
import type { Resource, Template } from '../template/model';
import type { Rule } from './types';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** The edits that apply the rule's fix to the resource, or undefined when the rule has none for this language. */
export function fixEdits(rule: Rule, template: Template, resource: Resource, text: string): TextEdit[] | undefined {
  switch (template.format) {
    case 'cloudformation-yaml': {
      const properties = rule.fix?.cfn?.properties;
      return properties ? yamlEdits(text, resource, properties) : undefined;
    }
    case 'cloudformation-json': {
      const properties = rule.fix?.cfn?.properties;
      return properties ? jsonEdits(text, resource, properties, 'Properties') : undefined;
    }
    case 'terraform-json': {
      const attributes = rule.fix?.tf?.attributes;
      return attributes && resource.properties ? jsonEdits(text, resource, attributes, undefined) : undefined;
    }
    case 'terraform-hcl':
      return rule.fix?.tf ? hclEdits(text, resource, rule.fix.tf) : undefined;
  }
}

/** A short description of what the fix writes, for the code action's title. */
export function fixTitle(rule: Rule, template: Template): string | undefined {
  const fix = template.format.startsWith('cloudformation') ? rule.fix?.cfn?.properties : rule.fix?.tf?.attributes;
  if (fix) return `Set ${Object.keys(fix).join(', ')}`;
  if (template.format === 'terraform-hcl' && rule.fix?.tf?.blocks) return `Add ${/^\s*([a-z_]+)/.exec(rule.fix.tf.blocks)?.[1] ?? 'the missing'} block`;
  if (template.format === 'terraform-hcl' && rule.fix?.tf?.resource) return `Add ${/resource\s+"([a-z0-9_]+)"/.exec(rule.fix.tf.resource)?.[1] ?? 'the missing'} resource`;
  return undefined;
}

// ---- shared helpers -------------------------------------------------------------------------------------------

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The document's indentation step: the smallest indentation of a line, 2 when none is found. */
function indentUnit(text: string): string {
  const match = /\n( +|\t+)\S/.exec(text);
  if (!match) return '  ';
  return match[1]!.startsWith('\t') ? '\t' : ' '.repeat(Math.min(match[1]!.length, 8));
}

/**
 * Splits a fix's values into edits for the keys the map already has (`replace` writes the new value over the old)
 * and the keys still missing, which each language inserts in its own way.
 */
function replaceWritten(
  map: MapNode | undefined,
  values: Readonly<Record<string, unknown>>,
  replace: (entry: MapEntry & { readonly value: SyntaxNode }, value: unknown) => TextEdit,
): { edits: TextEdit[]; missing: [string, unknown][] } {
  const edits: TextEdit[] = [];
  const missing: [string, unknown][] = [];
  for (const [key, value] of Object.entries(values)) {
    const entry = map && getEntry(map, key);
    if (entry?.value) edits.push(replace({ key: entry.key, value: entry.value }, value));
    else missing.push([key, value]);
  }
  return { edits, missing };
}

// ---- YAML ----------------------------------------------------------------------------------------------------

function yamlEdits(text: string, resource: Resource, values: Readonly<Record<string, unknown>>): TextEdit[] | undefined {
  const properties = resource.properties;
  if (properties && text[properties.start] === '{') return jsonEdits(text, resource, values, 'Properties');
  const unit = indentUnit(text);
  const nl = newlineOf(text);
  const { edits, missing } = replaceWritten(properties, values, (entry, value) => {
    const indent = ' '.repeat(columnOf(text, entry.key.start));
    const rendered = yamlValue(value, indent + unit, unit, nl);
    // A block value replaces everything after the key's colon; a scalar replaces the old value only.
    const colon = text.indexOf(':', entry.key.end);
    const span = rendered.startsWith(nl) && colon >= 0 ? { start: colon + 1, end: entry.value.end } : entry.value;
    return { span, newText: rendered.startsWith(nl) ? rendered : rendered.trimStart() };
  });
  if (missing.length === 0) return edits;
  if (properties && properties.entries.length > 0) {
    const indent = ' '.repeat(columnOf(text, properties.entries[0]!.key.start));
    const at = lineEndOf(text, Math.max(properties.start, properties.end - 1));
    edits.push({ span: { start: at, end: at }, newText: missing.map(([k, v]) => `${nl}${indent}${k}:${yamlValue(v, indent + unit, unit, nl)}`).join('') });
    return edits;
  }
  const typeEntry = resource.declaration && getEntry(resource.declaration, 'Type');
  if (!typeEntry) return undefined;
  const indent = ' '.repeat(columnOf(text, typeEntry.key.start));
  const inner = indent + unit;
  const body = missing.map(([k, v]) => `${nl}${inner}${k}:${yamlValue(v, inner + unit, unit, nl)}`).join('');
  const existing = resource.declaration && getEntry(resource.declaration, 'Properties');
  if (existing) {
    // `Properties:` written with nothing (or `{}`) after it: replace that value.
    const at = existing.value ?? existing.key;
    return [{ span: existing.value ? at : { start: existing.key.end + 1, end: existing.key.end + 1 }, newText: body }];
  }
  const at = lineEndOf(text, typeEntry.value?.end ?? typeEntry.key.end);
  return [{ span: { start: at, end: at }, newText: `${nl}${indent}Properties:${body}` }];
}

/** A value after `Key:` in block style: ` scalar`, or a nested block on the following lines. */
function yamlValue(value: unknown, indent: string, unit: string, nl: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    return value
      .map((item) => {
        if (isPlainObject(item)) {
          const [first = '', ...rest] = Object.entries(item).map(([k, v]) => `${k}:${yamlValue(v, `${indent}  ${unit}`, unit, nl)}`);
          return `${nl}${indent}- ${first}${rest.map((line) => `${nl}${indent}  ${line}`).join('')}`;
        }
        return `${nl}${indent}- ${yamlScalar(item)}`;
      })
      .join('');
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return ' {}';
    return entries.map(([k, v]) => `${nl}${indent}${k}:${yamlValue(v, indent + unit, unit, nl)}`).join('');
  }
  return ` ${yamlScalar(value)}`;
}

function yamlScalar(value: unknown): string {
  if (typeof value === 'string') {
    const plain = /^[A-Za-z0-9_./@-][A-Za-z0-9_./@:-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+)$/i.test(value);
    return plain ? value : JSON.stringify(value);
  }
  return JSON.stringify(value ?? null);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---- JSON (CloudFormation and .tf.json) -----------------------------------------------------------------------

function jsonEdits(text: string, resource: Resource, values: Readonly<Record<string, unknown>>, wrapper: 'Properties' | 'Metadata' | undefined): TextEdit[] | undefined {
  const target: MapNode | undefined = resource.properties;
  const unit = indentUnit(text);
  const nl = newlineOf(text);
  const { edits, missing } = replaceWritten(target, values, (entry, value) => ({
    span: entry.value,
    newText: jsonValue(value, ' '.repeat(columnOf(text, entry.key.start)), unit, nl),
  }));
  if (missing.length === 0) return edits;
  const member = (indent: string) => ([k, v]: [string, unknown]) => `${indent}${JSON.stringify(k)}: ${jsonValue(v, indent, unit, nl)}`;
  if (target && target.entries.length > 0) {
    const indent = ' '.repeat(columnOf(text, target.entries[0]!.key.start));
    const last = target.entries[target.entries.length - 1]!;
    const at = last.value?.end ?? last.key.end;
    edits.push({ span: { start: at, end: at }, newText: missing.map((m) => `,${nl}${member(indent)(m)}`).join('') });
    return edits;
  }
  if (target) {
    // An empty object `{}`: write inside it.
    const indent = ' '.repeat(columnOf(text, target.start));
    const body = missing.map(member(indent + unit)).join(`,${nl}`);
    return [{ span: { start: target.start, end: target.end }, newText: `{${nl}${body}${nl}${indent}}` }];
  }
  if (!wrapper || !resource.declaration || !isMap(resource.declaration)) return undefined;
  const entries = resource.declaration.entries;
  const typeEntry = getEntry(resource.declaration, 'Type') ?? entries[entries.length - 1];
  if (!typeEntry) return undefined;
  const indent = ' '.repeat(columnOf(text, typeEntry.key.start));
  const body = missing.map(member(indent + unit)).join(`,${nl}`);
  const at = typeEntry.value?.end ?? typeEntry.key.end;
  return [{ span: { start: at, end: at }, newText: `,${nl}${indent}"${wrapper}": {${nl}${body}${nl}${indent}}` }];
}

function jsonValue(value: unknown, indent: string, unit: string, nl: string): string {
  return JSON.stringify(value, null, unit).split('\n').join(`${nl}${indent}`);
}

// ---- HCL ------------------------------------------------------------------------------------------------------

function hclEdits(text: string, resource: Resource, fix: NonNullable<NonNullable<Rule['fix']>['tf']>): TextEdit[] | undefined {
  const nl = newlineOf(text);
  const unit = indentUnit(text);
  const close = resource.span.end - 1;
  if (text[close] !== '}') return undefined;
  const blockIndent = ' '.repeat(columnOf(text, resource.span.start));
  const body = resource.properties;
  const indent = body && body.entries.length > 0 ? ' '.repeat(columnOf(text, body.entries[0]!.key.start)) : blockIndent + unit;
  if (fix.resource) {
    const name = resource.id.slice(resource.type.length + 1);
    const block = fix.resource.trim().replace(/\$\{name\}/g, name).replace(/\$\{address\}/g, resource.id);
    const reindented = block.split('\n').map((line) => (line ? blockIndent + line : line)).join(nl);
    return [{ span: { start: resource.span.end, end: resource.span.end }, newText: `${nl}${nl}${reindented}` }];
  }
  const { edits, missing } = replaceWritten(body, fix.attributes ?? {}, (entry, value) => ({ span: withQuotes(text, entry.value), newText: hclValue(value) }));
  const lines = missing.map(([key, value]) => `${indent}${key} = ${hclValue(value)}`);
  if (fix.blocks) {
    const raw = fix.blocks.replace(/\s+$/, '').split('\n');
    const common = Math.min(...raw.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
    lines.push(...raw.map((line) => (line.trim() ? indent + line.slice(common) : '')));
  }
  if (lines.length === 0) return edits;
  const lineStart = lineStartOf(text, close);
  const braceOnOwnLine = text.slice(lineStart, close).trim() === '';
  const insertion = braceOnOwnLine
    ? { span: { start: lineStart, end: lineStart }, newText: `${lines.join(nl)}${nl}` }
    : { span: { start: close, end: close }, newText: `${nl}${lines.join(nl)}${nl}${blockIndent}` };
  return [...edits, insertion];
}

/** HCL string values are read without their quotes; a replacement replaces the quotes too. */
function withQuotes(text: string, span: Span): Span {
  return text[span.start - 1] === '"' && text[span.end] === '"' ? { start: span.start - 1, end: span.end + 1 } : span;
}

function hclValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(hclValue).join(', ')}]`;
  if (isPlainObject(value)) return `{ ${Object.entries(value).map(([k, v]) => `${k} = ${hclValue(v)}`).join(', ')} }`;
  return JSON.stringify(value ?? null);
}

/** Applies non-overlapping edits to a text, last first so offsets stay valid (the unit tests check fixes with it). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

/**
 * The edits that suppress a rule on a resource with a reason: a `# srm-lens:ignore` comment above the finding's
 * line (YAML, HCL), or `Metadata.srm-lens.ignore` on the resource (CloudFormation JSON, which has no comments).
 * Undefined for Terraform JSON, where the configuration file is the way.
 */
export function suppressionEdits(template: Template, resource: Resource, ruleId: string, reason: string, at: Span, text: string): TextEdit[] | undefined {
  const oneLine = reason.replace(/[\r\n]+/g, ' ').trim();
  if (template.format === 'cloudformation-yaml' || template.format === 'terraform-hcl') {
    const start = lineStartOf(text, at.start);
    const indent = /^[ \t]*/.exec(text.slice(start, lineEndOf(text, start)))![0];
    return [{ span: { start, end: start }, newText: `${indent}# srm-lens:ignore ${ruleId} ${oneLine}${newlineOf(text)}` }];
  }
  if (template.format !== 'cloudformation-json' || !resource.declaration) return undefined;
  const entry = { id: ruleId, reason: oneLine };
  const metadata = resource.metadata;
  if (metadata && getEntry(metadata, 'srm-lens')) return undefined; // already has our section: edited by hand
  return jsonEdits(text, { ...resource, properties: metadata }, { 'srm-lens': { ignore: [entry] } }, 'Metadata');
}
