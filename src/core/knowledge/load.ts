import { Knowledge, own } from './knowledge';
import type { CfnCatalog, ContentBundle, ServiceDoc, TfCatalog } from './types';
import type { RuleLookup } from '../rules/engine';
import type { Rule } from '../rules/types';

/** The data files every host loads, relative to the data folder (dist/data; scripts/build.mjs writes them). */
export const DATA_FILES = {
  content: 'content.jsonl',
  services: 'services.jsonl',
  rules: 'rules.jsonl',
  cfnCatalog: 'cfn-catalog.jsonl',
  tfCatalog: 'tf-catalog.jsonl',
} as const;

export type DataFile = keyof typeof DATA_FILES;

/**
 * Builds the Knowledge over the data files, however the host reads them (fs, workspace.fs, fetch). Only the first line
 * of content.jsonl is parsed at once; the rest of the content, a service, a rule, a catalog and each of its entries are
 * read and parsed at their first use.
 */
export function knowledgeFromJson(read: (file: DataFile) => string): Knowledge {
  let serviceLines: string[] | undefined;
  return new Knowledge(contentFromLines(read('content')), {
    service: (position) => JSON.parse((serviceLines ??= read('services').split('\n'))[position]!) as ServiceDoc,
    rules: () => rulesFromLines(read('rules')),
    cfnCatalog: () => catalogFromLines<CfnCatalog>(read('cfnCatalog')),
    tfCatalog: () => catalogFromLines<TfCatalog>(read('tfCatalog')),
  });
}

/**
 * The content from its JSON lines (scripts/build.mjs writeData): the first line holds what every run reads (the
 * services' index, the domains, the model, the Terraform data), the second the sources and the third the categories,
 * each parsed at its first read: only the texts (hover, report, explain) cite sources, only uncurated types need the
 * categories.
 */
export function contentFromLines(text: string): ContentBundle {
  const [first, sourcesLine, categoriesLine] = text.split('\n');
  let sources: ContentBundle['sources'] | undefined;
  let categories: ContentBundle['categories'] | undefined;
  return {
    ...(JSON.parse(first!) as Omit<ContentBundle, 'sources' | 'categories'>),
    get sources() {
      sources ??= JSON.parse(sourcesLine!) as ContentBundle['sources'];
      return sources;
    },
    get categories() {
      categories ??= JSON.parse(categoriesLine!) as ContentBundle['categories'];
      return categories;
    },
  };
}

/**
 * The rules from their JSON lines (scripts/build.mjs ruleLines): the first line holds the line numbers of the rules
 * by resource type and by id, each further line one rule. A rule is parsed at its first use, so a run parses the rules
 * of the types it meets (5 of 171 for the largest template of the corpus).
 */
function rulesFromLines(text: string): RuleLookup {
  const lines = text.split('\n');
  const { types, ids } = JSON.parse(lines[0]!) as { types: Record<string, readonly number[]>; ids: Record<string, number> };
  const parsed = new Map<number, Rule>();
  const ruleAt = (line: number): Rule => {
    let rule = parsed.get(line);
    if (!rule) parsed.set(line, (rule = JSON.parse(lines[line]!) as Rule));
    return rule;
  };
  const byType = new Map<string, readonly Rule[]>();
  let all: readonly Rule[] | undefined;
  return {
    get all() {
      all ??= lines.slice(1).map((_, index) => ruleAt(index + 1));
      return all;
    },
    forType(type) {
      let rules = byType.get(type);
      if (!rules) byType.set(type, (rules = (own(types, type) ?? []).map(ruleAt)));
      return rules;
    },
    get(id) {
      const line = own(ids, id);
      return line === undefined ? undefined : ruleAt(line);
    },
  };
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
