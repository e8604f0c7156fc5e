import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knowledge } from '../core/knowledge/knowledge';
import { DATA_FILES, knowledgeFromJson } from '../core/knowledge/load';
import type { DataTexts } from '../core/knowledge/load';

/** Reads the data files from a folder (dist/data) on disk: for the CLI and the unit tests. */
export function loadKnowledge(dataDir: string): Knowledge {
  const texts = Object.fromEntries(
    Object.entries(DATA_FILES).map(([key, file]) => [key, readFileSync(join(dataDir, file), 'utf8')]),
  ) as unknown as DataTexts;
  return knowledgeFromJson(texts);
}
