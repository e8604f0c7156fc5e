// Runs the integration suite (test/integration/index.js) INSIDE the extension host of a real VS Code:
// code-server 4.100.3 (VS Code 1.100.3, Node extension host), opened in headless Chromium with the workbench
// `payload` that carries extensionDevelopmentPath + extensionTestsPath (the @vscode/test-electron pattern, the
// way VS Code's own browser integration tests do it). When run() settles the workbench calls
// window.codeAutomationExit(code); the extension-host console is forwarded through window.codeAutomationLog.
//
//   node test/integration/run.mjs          (scripts/test.mjs integration builds first and totals the counts)
// Env: SRM_IT_GREP=pattern, SRM_IT_TIMEOUT_MS (default 240000), VERBOSE=1 (browser console too).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ROOT, RESULTS_DIR, cleanupAll, clock, copyToTemp, launchBrowser, remoteUri, startCodeServer, workbenchUrl,
} from '../../scripts/vscode-host.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// Workbench chatter forwarded with the extension-host console; offline marketplace errors are expected.
const NOISE = /ENOTFOUND|open-vsx|gallery|vsda|connection token|Creating a socket|builtin extensions cache|Service Worker|ChatSessionStore/;

/** Resolves to { passed, failed, pending, failures, exitCode }. Never leaves a process behind. */
export async function runIntegrationTests({ timeout = +(process.env.SRM_IT_TIMEOUT_MS || 240000) } = {}) {
  const total = clock();
  const resultFile = path.join(RESULTS_DIR, 'integration.json');
  fs.rmSync(resultFile, { force: true });
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');

  const workspace = copyToTemp(path.join(HERE, 'workspace'), 'it-workspace');
  const env = { SRM_IT_RESULT_FILE: resultFile };
  if (process.env.SRM_IT_GREP) env.SRM_IT_GREP = process.env.SRM_IT_GREP;
  const server = await startCodeServer({ name: 'integration', env, logDir: path.join(RESULTS_DIR, 'logs') });
  console.log(`code-server ${server.url} ready in ${total()} (log: ${path.relative(ROOT, server.logFile)})`);

  const { page, close } = await launchBrowser();
  let exitCode;
  try {
    let finish;
    const done = new Promise((resolve) => (finish = resolve));
    if (process.env.VERBOSE) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
    page.on('crash', () => finish('the browser page crashed'));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      if (!Array.isArray(args) || args.length === 0) return;
      let [format, ...rest] = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a)));
      if (NOISE.test(format)) return;
      format = format.replace(/%[sdifoOc]/g, () => (rest.length ? rest.shift() : ''));
      console.log([format, ...rest].join(' '));
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));

    const payload = [
      ['extensionDevelopmentPath', remoteUri(server.url, ROOT)],
      ['extensionTestsPath', remoteUri(server.url, path.join(HERE, 'index.js'))],
      ['skipWelcome', 'true'],
    ];
    await page.goto(workbenchUrl(server.url, workspace, payload));
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeout);
    });
    exitCode = await Promise.race([done, timedOut]);
    clearTimeout(timer);
    if (exitCode === 'timeout') {
      const title = await page.title().catch(() => '?');
      console.log(
        `integration: no result after ${timeout / 1000}s (window title ${JSON.stringify(title)}; ` +
          `"[Extension Development Host]" means the payload was honoured). code-server log: ${server.logFile}`,
      );
    } else if (typeof exitCode !== 'number') {
      console.log(`integration: ${exitCode}`);
    }
  } finally {
    await close();
    await server.stop();
  }

  let counts = { passed: 0, failed: 0, pending: 0, failures: [] };
  if (fs.existsSync(resultFile)) counts = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  // A run that did not finish, or failed outside any test (e.g. in a hook before mocha counted it), must fail.
  if (exitCode !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.failures.push({ title: 'integration run', error: `did not complete (exit: ${exitCode})` });
  }
  console.log(`integration: ${counts.passed} passed, ${counts.failed} failed, ${counts.pending} pending in ${total()}`);
  return { ...counts, exitCode };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runIntegrationTests()
    .then((r) => cleanupAll().then(() => process.exit(r.failed > 0 ? 1 : 0)))
    .catch((e) => {
      console.error(e.stack || e.message);
      cleanupAll().then(() => process.exit(1));
    });
}
