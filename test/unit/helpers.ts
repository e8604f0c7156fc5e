import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knowledge } from '../../src/core/knowledge/knowledge';
import type { HclParser } from '../../src/core/syntax/hcl';
import { loadHclParser, loadKnowledge } from '../../src/node/loadKnowledge';

/** The repository root (tests run from out/test/unit/…). */
export const ROOT = join(__dirname, '..', '..', '..');

let cached: Knowledge | undefined;
/** The knowledge built by `npm run build` into dist/data: the same files the extension and the CLI load. */
export function knowledge(): Knowledge {
  cached ??= loadKnowledge(join(ROOT, 'dist', 'data'));
  return cached;
}

let parser: Promise<HclParser> | undefined;
/** The HCL parser from the wasm files the build copies into dist/, as the CLI creates it. */
export function hclParser(): Promise<HclParser> {
  parser ??= loadHclParser(join(ROOT, 'dist'));
  return parser;
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8');
}

/** The text between two offsets, to assert that a span covers exactly what it should. */
export function slice(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

/**
 * `../shared` (the corpus, reference schemas) sits beside the clone on the team's machines and in CI, never in a
 * clone from GitHub: tests that read it skip, saying why, when it is absent.
 */
export function skipWithoutShared(context: Mocha.Context, path: string): void {
  if (existsSync(path)) return;
  console.log(`      skipped: ${path} is absent (../shared sits beside the clone on the team's machines and in CI only)`);
  context.skip();
}
