import { Knowledge } from './knowledge';
import type { CfnCatalog, ContentBundle, TfCatalog } from './types';

/** The data files every host loads, relative to the data folder (dist/data). */
export const DATA_FILES = { content: 'content.json', cfnCatalog: 'cfn-catalog.json', tfCatalog: 'tf-catalog.json' } as const;

export type DataFile = keyof typeof DATA_FILES;

/**
 * Builds the Knowledge over the data files, however the host reads them (fs, workspace.fs, fetch). Each catalog is
 * read and parsed at its first use, so a run pays only for the language it meets.
 */
export function knowledgeFromJson(read: (file: DataFile) => string): Knowledge {
  return new Knowledge(
    JSON.parse(read('content')) as ContentBundle,
    () => JSON.parse(read('cfnCatalog')) as CfnCatalog,
    () => JSON.parse(read('tfCatalog')) as TfCatalog,
  );
}
