import * as vscode from 'vscode';
import type { Knowledge } from '../core/knowledge/knowledge';
import { DATA_FILES, knowledgeFromJson } from '../core/knowledge/load';
import type { DataFile } from '../core/knowledge/load';
import { HclParser } from '../core/syntax/hcl';
import { freshModuleLoader } from '../node/loadKnowledge';

// Files shipped in dist/, read through workspace.fs so the same code works on the desktop and on the web.

function readDist(extensionUri: vscode.Uri, ...path: string[]): Thenable<Uint8Array> {
  return vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', ...path));
}

/** The knowledge (content and catalogs) from dist/data. */
export async function loadKnowledge(extensionUri: vscode.Uri): Promise<Knowledge> {
  const decoder = new TextDecoder();
  const entries = await Promise.all(
    Object.entries(DATA_FILES).map(async ([key, file]) => [key, decoder.decode(await readDist(extensionUri, 'data', file))]),
  );
  const texts = Object.fromEntries(entries) as Record<DataFile, string>;
  return knowledgeFromJson((file) => texts[file]);
}

/** The HCL parser, from the two wasm files and web-tree-sitter beside the bundle (the extension host is Node). */
export async function loadHclParser(extensionUri: vscode.Uri): Promise<HclParser> {
  const [runtimeWasm, languageWasm] = await Promise.all([
    readDist(extensionUri, 'web-tree-sitter.wasm'),
    readDist(extensionUri, 'tree-sitter-terraform.wasm'),
  ]);
  const loadModule = freshModuleLoader(vscode.Uri.joinPath(extensionUri, 'dist', 'web-tree-sitter.cjs').fsPath);
  return HclParser.create({ runtimeWasm, languageWasm, loadModule });
}
