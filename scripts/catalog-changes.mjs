// What a regeneration changed in a generated catalog (types added, removed, renamed, with a changed availability
// note), printed by scripts/generate-cfn-catalog.mjs and scripts/generate-tf-catalog.mjs so a refresh says what it
// brought, and the counts can go into CHANGELOG.md.
import { existsSync, readFileSync } from 'node:fs';

/** The committed catalog at `file`, or undefined when there is none yet (or it does not parse). */
export function previousCatalog(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The names a type declares (properties, attributes and blocks), to recognise a rename by an identical shape. */
function shapeOf(entry) {
  const names = [...(entry.properties ?? []), ...(entry.attributes ?? []), ...Object.keys(entry.blocks ?? {})];
  // `region` is the per-resource Region argument provider 6.0 added to nearly every type: not part of a shape.
  return names.length > 0 ? `${entry.namespace}|${names.filter((name) => name !== 'region').sort().join(',')}` : undefined;
}

/**
 * Compares two maps of type -> entry: added and removed types, renames (a removed and an added type of the same
 * namespace with the same non-empty set of names) and changed availability notes.
 */
export function typeChanges(before = {}, after = {}) {
  const added = Object.keys(after).filter((type) => !(type in before));
  const removed = Object.keys(before).filter((type) => !(type in after));
  const addedByShape = new Map();
  for (const type of added) {
    const shape = shapeOf(after[type]);
    if (shape) addedByShape.set(shape, [...(addedByShape.get(shape) ?? []), type]);
  }
  const renamed = [];
  for (const type of removed) {
    const candidates = addedByShape.get(shapeOf(before[type]));
    if (candidates?.length === 1) renamed.push([type, candidates[0]]);
  }
  const renamedFrom = new Set(renamed.map(([from]) => from));
  const renamedTo = new Set(renamed.map(([, to]) => to));
  const availability = Object.keys(after)
    .filter((type) => type in before && (before[type].availability ?? '') !== (after[type].availability ?? ''))
    .map((type) => [type, after[type].availability ?? 'in the pinned version']);
  return {
    added: added.filter((type) => !renamedTo.has(type)),
    removed: removed.filter((type) => !renamedFrom.has(type)),
    renamed,
    availability,
  };
}

/** Lines for the console: one count line per kind of change, then the names. */
export function changeLines(label, changes) {
  const { added, removed, renamed, availability } = changes;
  if (added.length + removed.length + renamed.length + availability.length === 0) return [`  ${label}: no change`];
  const lines = [`  ${label}: ${added.length} added, ${removed.length} removed, ${renamed.length} renamed, ${availability.length} with a new availability note`];
  if (added.length > 0) lines.push(`    added: ${added.join(', ')}`);
  if (removed.length > 0) lines.push(`    removed: ${removed.join(', ')}`);
  if (renamed.length > 0) lines.push(`    renamed: ${renamed.map(([from, to]) => `${from} -> ${to}`).join(', ')}`);
  if (availability.length > 0) lines.push(`    availability: ${availability.map(([type, note]) => `${type} [${note}]`).join(', ')}`);
  return lines;
}
