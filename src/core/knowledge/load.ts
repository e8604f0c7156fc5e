import { Knowledge } from './knowledge';
import type { CfnCatalog, ContentBundle } from './types';

/** The data files every host loads, relative to the data folder (dist/data). */
export const DATA_FILES = { content: 'content.json', cfnCatalog: 'cfn-catalog.json' } as const;

/** Builds the Knowledge from the texts of the data files, however the host read them (fs, workspace.fs, fetch). */
export function knowledgeFromJson(texts: { readonly content: string; readonly cfnCatalog: string }): Knowledge {
  return new Knowledge(JSON.parse(texts.content) as ContentBundle, JSON.parse(texts.cfnCatalog) as CfnCatalog);
}
