import { Knowledge } from './knowledge';
import type { CfnCatalog, ContentBundle, ServiceDoc, TfCatalog } from './types';
import type { Rule } from '../rules/types';

/** The data files every host loads, relative to the data folder (dist/data; scripts/build.mjs writes them). */
export const DATA_FILES = {
  content: 'content.json',
  services: 'services.jsonl',
  rules: 'rules.json',
  cfnCatalog: 'cfn-catalog.jsonl',
  tfCatalog: 'tf-catalog.jsonl',
} as const;

export type DataFile = keyof typeof DATA_FILES;

/**
 * Builds the Knowledge over the data files, however the host reads them (fs, workspace.fs, fetch). Only content.json
 * is parsed at once; a service, the rules, a catalog and each of its entries are read and parsed at their first use.
 */
export function knowledgeFromJson(read: (file: DataFile) => string): Knowledge {
  let serviceLines: string[] | undefined;
  return new Knowledge(JSON.parse(read('content')) as ContentBundle, {
    service: (position) => JSON.parse((serviceLines ??= read('services').split('\n'))[position]!) as ServiceDoc,
    rules: () => JSON.parse(read('rules')) as Rule[],
    cfnCatalog: () => catalogFromLines<CfnCatalog>(read('cfnCatalog')),
    tfCatalog: () => catalogFromLines<TfCatalog>(read('tfCatalog')),
  });
}

/**
 * A catalog from its JSON lines (scripts/build.mjs catalogLines): the first line holds the catalog with each entry
 * of a record replaced by the number of its line. An entry is parsed when it is first read, so a run that meets ten
 * types parses ten of the catalog's thousands of entries; the keys read as they always do.
 */
function catalogFromLines<T>(text: string): T {
  const lines = text.split('\n');
  const { catalog, records } = JSON.parse(lines[0]!) as { catalog: Record<string, unknown>; records: readonly string[] };
  for (const field of records) {
    const lineOf = catalog[field] as Record<string, number>;
    const parsed = new Map<string, unknown>();
    catalog[field] = new Proxy(lineOf, {
      get: (target, key) => {
        if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(target, key)) return undefined;
        if (!parsed.has(key)) parsed.set(key, JSON.parse(lines[target[key]!]!));
        return parsed.get(key);
      },
    });
  }
  return catalog as T;
}
