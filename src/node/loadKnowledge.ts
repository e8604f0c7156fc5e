import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knowledge } from '../core/knowledge/knowledge';
import { HclParser } from '../core/syntax/hcl';
import { DATA_FILES, knowledgeFromJson } from '../core/knowledge/load';
import type { DataTexts } from '../core/knowledge/load';

/** Reads the data files from a folder (dist/data) on disk: for the CLI, the unit tests and the bench. */
export function loadKnowledge(dataDir: string): Knowledge {
  const texts = Object.fromEntries(
    Object.entries(DATA_FILES).map(([key, file]) => [key, readFileSync(join(dataDir, file), 'utf8')]),
  ) as unknown as DataTexts;
  return knowledgeFromJson(texts);
}

/** Creates the HCL parser from the two wasm files the build copies beside the bundles (dist/). */
export function loadHclParser(distDir: string): Promise<HclParser> {
  return HclParser.create(readFileSync(join(distDir, 'web-tree-sitter.wasm')), readFileSync(join(distDir, 'tree-sitter-terraform.wasm')));
}
