import * as vscode from 'vscode';
import type { Knowledge } from '../core/knowledge/knowledge';
import { DATA_FILES, knowledgeFromJson } from '../core/knowledge/load';

/**
 * Loads the data files on first use, not at activation, through workspace.fs so the same code works on the
 * desktop and on the web. The promise is shared: concurrent hovers wait for one load.
 */
export class KnowledgeLoader {
  private loading: Promise<Knowledge> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  get(): Promise<Knowledge> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<Knowledge> {
    const read = async (name: string) => {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'data', name));
      return new TextDecoder().decode(bytes);
    };
    const [content, cfnCatalog] = await Promise.all([read(DATA_FILES.content), read(DATA_FILES.cfnCatalog)]);
    return knowledgeFromJson({ content, cfnCatalog });
  }
}
