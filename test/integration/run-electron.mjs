// The same integration suite through @vscode/test-electron (desktop VS Code + Electron), for machines that can
// download VS Code from update.code.visualstudio.com (it cannot work offline: see docs/vscode-testing.md).
//   npm run test:electron        (VSCODE_VERSION=1.100.3 by default: the version code-server 4.100.3 embeds)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const resultFile = path.join(ROOT, 'test-results', 'integration-electron.json');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-lens-electron-'));
const workspace = path.join(scratch, 'workspace');
fs.cpSync(path.join(HERE, 'workspace'), workspace, { recursive: true });

let code = 0;
try {
  await runTests({
    version: process.env.VSCODE_VERSION || '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(HERE, 'index.js'),
    extensionTestsEnv: { SRM_IT_RESULT_FILE: resultFile, ...(process.env.SRM_IT_GREP ? { SRM_IT_GREP: process.env.SRM_IT_GREP } : {}) },
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay off; the development extension still loads
      `--user-data-dir=${path.join(scratch, 'user-data')}`,
      `--extensions-dir=${path.join(scratch, 'extensions')}`,
    ],
  });
} catch (e) {
  console.error(`test:electron failed: ${e.message || e}`);
  if (/ENOTFOUND|ECONNREFUSED|EAI_AGAIN|fetch failed/.test(String(e.message || e))) {
    console.error('(@vscode/test-electron downloads VS Code; without that network, run `npm run test:integration`, the same suite in code-server)');
  }
  code = 1;
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
if (fs.existsSync(resultFile)) {
  const r = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  console.log(`\n${r.passed} passed, ${r.failed} failed`);
}
process.exit(code);
