import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knowledge } from '../core/knowledge/knowledge';
import type { HclParser } from '../core/syntax/hcl';
import { DATA_FILES, knowledgeFromJson } from '../core/knowledge/load';

/** Reads the data files from a folder (dist/data) on disk, each at its first use: for the CLI, the unit tests and the bench. */
export function loadKnowledge(dataDir: string): Knowledge {
  return knowledgeFromJson((file) => readFileSync(join(dataDir, DATA_FILES[file]), 'utf8'));
}

/**
 * Creates the HCL parser from the two wasm files the build copies beside the bundles (dist/). The parser's code is
 * imported here, not at startup, so a run without a `.tf` file never loads web-tree-sitter.
 */
export async function loadHclParser(distDir: string): Promise<HclParser> {
  const { HclParser } = await import('../core/syntax/hcl');
  return HclParser.create(readFileSync(join(distDir, 'web-tree-sitter.wasm')), readFileSync(join(distDir, 'tree-sitter-terraform.wasm')));
}
