// `npm test`: build, unit tests, integration tests inside a real VS Code extension host, UI tests in the
// real workbench. Installs what it needs (code-server into node_modules/.cache; Debian packages with apt-get
// when missing and running as root). Ends with one line for the whole run: `N passed, N failed`.
//
//   node scripts/test.mjs [unit] [integration] [e2e] [--no-build]     (no stage named: all three)
//
// Each stage runs as a child process with a mocha reporter that writes its counts to test-results/<stage>.json;
// a stage that dies without counts, or exits non-zero without a failed test, counts as one failure.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, RESULTS_DIR, clock, ensureCodeServer } from './vscode-host.mjs';

const STAGES = ['unit', 'integration', 'e2e'];
const args = process.argv.slice(2);
const unknown = args.filter((a) => !STAGES.includes(a) && a !== '--no-build');
if (unknown.length) {
  console.error(`usage: node scripts/test.mjs [${STAGES.join('] [')}] [--no-build]   (unknown: ${unknown.join(' ')})`);
  process.exit(2);
}
const wanted = args.filter((a) => STAGES.includes(a));
const stages = wanted.length ? STAGES.filter((s) => wanted.includes(s)) : STAGES;
const build = !args.includes('--no-build');

const REPORTER = path.join(ROOT, 'scripts', 'mocha-count-reporter.cjs');
const MOCHA = path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const results = []; // { name, passed, failed, pending, seconds, note }
const children = new Set();

// Children share our process group, so Ctrl-C reaches them from the terminal; forward SIGTERM/SIGHUP (CI
// cancellation) too, and let each child stop what it started before we exit.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    const force = setTimeout(() => process.exit(code), 15000);
    force.unref();
    Promise.all([...children].map((c) => new Promise((r) => c.once('exit', r)))).then(() => process.exit(code));
  });
}

function run(command, argv, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    children.add(child);
    child.on('error', (e) => console.error(`${command}: ${e.message}`));
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const banner = (text) => console.log(`\n=== ${text} ${'='.repeat(Math.max(0, 100 - text.length))}`);

function readCounts(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { passed: r.passed | 0, failed: r.failed | 0, pending: r.pending | 0, failures: r.failures || [] };
  } catch {
    return undefined;
  }
}

/** Runs a mocha-based stage and records its counts. */
async function stage(name, command, argv, resultFile, env = {}) {
  banner(name);
  const t = clock();
  fs.rmSync(resultFile, { force: true });
  const code = await run(command, argv, env);
  const counts = readCounts(resultFile) || { passed: 0, failed: 0, pending: 0, failures: [] };
  let note = '';
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    note = fs.existsSync(resultFile) ? `exited with ${code}` : `exited with ${code} before reporting results`;
  }
  results.push({ name, ...counts, time: t(), note });
}

/** A step that is not a test suite (build, setup): 1 failure when it fails, nothing counted otherwise. */
async function step(name, fn) {
  banner(name);
  const t = clock();
  try {
    await fn();
    results.push({ name, passed: 0, failed: 0, pending: 0, failures: [], time: t(), note: 'ok' });
    return true;
  } catch (e) {
    console.error(e.message);
    results.push({ name, passed: 0, failed: 1, pending: 0, failures: [{ title: name, error: e.message }], time: t(), note: 'failed' });
    return false;
  }
}

const total = clock();
fs.mkdirSync(RESULTS_DIR, { recursive: true });

let ok = true;
if (build) {
  ok = await step('build (npm run build)', async () => {
    const code = await run(npm, ['run', 'build']);
    if (code !== 0) throw new Error(`npm run build exited with ${code}`);
  });
}

if (stages.includes('unit')) {
  // The lead's script (build, compile-tests, mocha --config test/.mocharc.json); our reporter appended.
  await stage('unit', npm, ['run', 'test:unit', '--', '--reporter', REPORTER, '--reporter-option', `resultFile=${path.join(RESULTS_DIR, 'unit.json')}`], path.join(RESULTS_DIR, 'unit.json'));
}

const needsVscode = stages.some((s) => s !== 'unit');
if (ok && needsVscode) {
  ok = await step(`setup (code-server, Chromium)`, async () => {
    const bin = ensureCodeServer({ chromium: true });
    console.log(`code-server: ${path.relative(ROOT, bin)}`);
  });
}

if (stages.includes('integration')) {
  if (ok) {
    await stage('integration', process.execPath, [path.join(ROOT, 'test', 'integration', 'run.mjs')], path.join(RESULTS_DIR, 'integration.json'));
  } else {
    results.push({ name: 'integration', passed: 0, failed: 0, pending: 0, failures: [], time: '-', note: 'not run (see above)' });
  }
}

if (stages.includes('e2e')) {
  if (ok) {
    const resultFile = path.join(RESULTS_DIR, 'e2e.json');
    fs.rmSync(path.join(RESULTS_DIR, 'screenshots'), { recursive: true, force: true }); // only this run's
    const specs = fs.readdirSync(path.join(ROOT, 'test', 'e2e')).filter((f) => f.endsWith('.e2e.mjs')).sort().map((f) => path.join('test', 'e2e', f));
    await stage('e2e (UI)', process.execPath, [MOCHA, '--no-config', '--exit', '--timeout', '120000', '--reporter', REPORTER, '--reporter-option', `resultFile=${resultFile}`, ...specs], resultFile);
  } else {
    results.push({ name: 'e2e (UI)', passed: 0, failed: 0, pending: 0, failures: [], time: '-', note: 'not run (see above)' });
  }
}

banner(`summary (${total()})`);
for (const r of results) {
  const counts = r.note === 'ok' || r.note === 'failed' || r.time === '-' ? r.note : `${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} pending` : ''}${r.note ? ` (${r.note})` : ''}`;
  console.log(`  ${r.name.padEnd(34)} ${String(counts).padEnd(44)} ${r.time}`);
  for (const f of r.failures.slice(0, 20)) console.log(`      x ${f.title}: ${String(f.error).split('\n')[0]}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
