import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knowledge } from '../core/knowledge/knowledge';
import { DATA_FILES, knowledgeFromJson } from '../core/knowledge/load';

/** Reads the data files from a folder (dist/data) on disk: for the CLI and the unit tests. */
export function loadKnowledge(dataDir: string): Knowledge {
  return knowledgeFromJson({
    content: readFileSync(join(dataDir, DATA_FILES.content), 'utf8'),
    cfnCatalog: readFileSync(join(dataDir, DATA_FILES.cfnCatalog), 'utf8'),
  });
}
