import { Knowledge } from './knowledge';
import type { CfnCatalog, ContentBundle, TfCatalog } from './types';

/** The data files every host loads, relative to the data folder (dist/data). */
export const DATA_FILES = { content: 'content.json', cfnCatalog: 'cfn-catalog.json', tfCatalog: 'tf-catalog.json' } as const;

export type DataTexts = { readonly [K in keyof typeof DATA_FILES]: string };

/** Builds the Knowledge from the texts of the data files, however the host read them (fs, workspace.fs, fetch). */
export function knowledgeFromJson(texts: DataTexts): Knowledge {
  return new Knowledge(
    JSON.parse(texts.content) as ContentBundle,
    JSON.parse(texts.cfnCatalog) as CfnCatalog,
    JSON.parse(texts.tfCatalog) as TfCatalog,
  );
}
