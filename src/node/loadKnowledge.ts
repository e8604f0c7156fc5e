import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Knowledge } from '../core/knowledge/knowledge';
import type { HclParser, TreeSitterModule } from '../core/syntax/hcl';
import { DATA_FILES, knowledgeFromJson } from '../core/knowledge/load';

/** Reads the data files from a folder (dist/data) on disk, each at its first use: for the CLI, the unit tests and the bench. */
export function loadKnowledge(dataDir: string): Knowledge {
  return knowledgeFromJson((file) => readFileSync(join(dataDir, DATA_FILES[file]), 'utf8'));
}

/**
 * Creates the HCL parser from the files the build copies beside the bundles (dist/): the two wasm files and
 * web-tree-sitter itself. The parser's code is imported here, not at startup, so a run without a `.tf` file never
 * loads web-tree-sitter.
 */
export async function loadHclParser(distDir: string): Promise<HclParser> {
  const { HclParser } = await import('../core/syntax/hcl');
  return HclParser.create({
    runtimeWasm: readFileSync(join(distDir, 'web-tree-sitter.wasm')),
    languageWasm: readFileSync(join(distDir, 'tree-sitter-terraform.wasm')),
    loadModule: freshModuleLoader(join(distDir, 'web-tree-sitter.cjs')),
  });
}

/**
 * Loads a new copy of web-tree-sitter at each call, evicting the last one from `require`'s cache: a copy whose
 * WebAssembly runtime aborted never works again (src/core/syntax/hcl.ts replaces it).
 */
export function freshModuleLoader(modulePath: string): () => TreeSitterModule {
  const load = createRequire(modulePath);
  const cacheKey = load.resolve(modulePath); // the real path, symbolic links resolved, as `require` caches it
  return () => {
    delete load.cache[cacheKey];
    return load(cacheKey) as TreeSitterModule;
  };
}
