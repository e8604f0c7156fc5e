import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './helpers';

function* sources(folder: string): Generator<string> {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|crypto$|url$|util$|module$|http$|https$|net$|stream$|zlib$)/;

describe('layers', () => {
  it('src/core imports neither vscode, nor Node built-ins, nor outer layers', () => {
    const offenders: string[] = [];
    for (const file of sources(join(ROOT, 'src', 'core'))) {
      for (const specifier of imports(file)) {
        if (specifier === 'vscode' || NODE_BUILTINS.test(specifier) || /\/(vscode|webview|shared|cli|node)\//.test(`${specifier}/`)) {
          offenders.push(`${relative(ROOT, file)} imports ${specifier}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('only src/vscode and the composition root import vscode', () => {
    const offenders: string[] = [];
    for (const file of sources(join(ROOT, 'src'))) {
      const path = relative(join(ROOT, 'src'), file);
      if (path.startsWith('vscode/') || path === 'extension.ts') continue;
      if (imports(file).some((specifier) => specifier === 'vscode')) offenders.push(path);
    }
    assert.deepEqual(offenders, []);
  });
});
