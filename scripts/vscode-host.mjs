// Shared helpers for running the extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3 web
// workbench + Node extension host) without touching anything but the npm registry and Debian apt.
// Used by scripts/test.mjs (integration + UI tests) and scripts/start.mjs (`npm start`).
//
// Every code-server gets fresh user-data and extensions folders and a free port, and runs in its own process
// group; stop() (and Ctrl-C, SIGTERM, a crash) kill that whole group: code-server, its extension host and its
// file watcher. Nothing here sleeps for a fixed time: it waits for conditions, with timeouts that say what failed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CS_VERSION = process.env.CS_VERSION || '4.100.3';
export const EXTENSION_ID = 'srm-lens.srm-lens';
export const RESULTS_DIR = path.join(ROOT, 'test-results');

export const clock = () => {
  const start = Date.now();
  return () => `${((Date.now() - start) / 1000).toFixed(1)}s`;
};

// ---------------------------------------------------------------------------------------------------------
// Cleanup: every started process group and temp folder is registered here and released in reverse order on
// normal exit, on failure and on SIGINT/SIGTERM/SIGHUP.
const cleanups = [];
const liveGroups = new Set();
const liveTempDirs = new Set();
let handlersInstalled = false;
let signalExitCode; // undefined: 128 + signal number

/** Exit code used when a signal stops the process (npm start: 0, Ctrl-C is how it is meant to stop). */
export function setSignalExitCode(code) {
  signalExitCode = code;
  installHandlers();
}

export function onCleanup(fn) {
  installHandlers();
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

export async function cleanupAll() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (e) {
      console.error(`cleanup: ${e.message}`);
    }
  }
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(signals)) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping everything this run started`);
      const force = setTimeout(() => process.exit(signalExitCode ?? code), 10000);
      force.unref();
      cleanupAll().finally(() => process.exit(signalExitCode ?? code));
    });
  }
  // Last resort (process.exit from elsewhere, uncaught error): synchronous kill of the groups still alive.
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
    for (const dir of liveTempDirs) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
  });
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}

const groupAlive = (pgid) => killGroup(pgid, 0);

/** Polls `condition` (sync or async) until it returns a truthy value; throws `message` after `timeout` ms. */
export async function waitFor(condition, { timeout = 30000, interval = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout / 1000}s waiting for ${message}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Stops a process group: SIGTERM, then SIGKILL if any member is still there after `grace` ms. */
export async function stopGroup(pgid, grace = 5000) {
  if (!groupAlive(pgid)) {
    liveGroups.delete(pgid);
    return;
  }
  killGroup(pgid, 'SIGTERM');
  try {
    await waitFor(() => !groupAlive(pgid), { timeout: grace, interval: 50, message: `process group ${pgid} to exit` });
  } catch {
    killGroup(pgid, 'SIGKILL');
    await waitFor(() => !groupAlive(pgid), { timeout: 5000, interval: 50, message: `process group ${pgid} to die` });
  }
  liveGroups.delete(pgid);
}

/** Spawns a command in its own process group (so it can be stopped with all its children) and tracks it. */
export function spawnGroup(command, args, options = {}) {
  installHandlers();
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid) liveGroups.add(child.pid); // removed by stopGroup once no member is left
  return child;
}

export function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `srm-lens-${prefix}-`));
  liveTempDirs.add(dir);
  onCleanup(() => {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    liveTempDirs.delete(dir);
  });
  return dir;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// System packages and code-server

export function findChromium() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => p && fs.existsSync(p));
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const hasCommand = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** The Debian packages the harness needs, with a presence test each. */
export function systemRequirements({ chromium = true, build = true } = {}) {
  const reqs = [];
  if (chromium) reqs.push({ pkg: 'chromium', present: () => Boolean(findChromium()) });
  if (build) {
    reqs.push(
      { pkg: 'ripgrep', present: () => hasCommand('rg') },
      { pkg: 'build-essential', present: () => hasCommand('g++') && hasCommand('make') },
      { pkg: 'python3', present: () => hasCommand('python3') },
      { pkg: 'pkg-config', present: () => hasCommand('pkg-config') },
      { pkg: 'libkrb5-dev', present: () => fs.existsSync('/usr/include/gssapi/gssapi.h') },
    );
  }
  return reqs;
}

/**
 * Installs the missing Debian packages with apt-get when running as root; otherwise throws one clear message
 * saying what to install.
 */
export function ensureSystemPackages(reqs) {
  const missing = reqs.filter((r) => !r.present()).map((r) => r.pkg);
  if (missing.length === 0) return;
  if (!isRoot() || !hasCommand('apt-get')) {
    throw new Error(
      `Missing system packages: ${missing.join(' ')}.\n` +
        `Install them, then run again:  sudo apt-get install -y ${missing.join(' ')}\n` +
        '(set CHROMIUM=/path/to/chromium to use another Chromium or Chrome)',
    );
  }
  const t = clock();
  console.log(`apt-get install ${missing.join(' ')} ...`);
  const opts = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  let r = spawnSync('apt-get', ['update', '-qq'], opts);
  if (r.status !== 0) throw new Error('apt-get update failed');
  r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], opts);
  if (r.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed`);
  const still = reqs.filter((q) => !q.present()).map((q) => q.pkg);
  if (still.length) throw new Error(`still missing after apt-get install: ${still.join(' ')}`);
  console.log(`apt-get install done in ${t()}`);
}

export const codeServerDir = () => process.env.CODE_SERVER_DIR || path.join(ROOT, 'node_modules', '.cache', `code-server-${CS_VERSION}`);
/** The VS Code version inside the installed code-server (e.g. 1.100.3). */
export function vscodeVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(codeServerDir(), 'node_modules', 'code-server', 'lib', 'vscode', 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}
const codeServerBin = () => path.join(codeServerDir(), 'node_modules', '.bin', 'code-server');
const codeServerMarker = () => path.join(codeServerDir(), `.installed-${CS_VERSION}-node-abi${process.versions.modules}`);
export const codeServerInstalled = () => fs.existsSync(codeServerMarker()) && fs.existsSync(codeServerBin());

/**
 * Returns the code-server executable, installing it first (scripts/install-code-server.sh) when it is not in
 * the cache folder. Installs the Debian packages needed for that (and Chromium when `chromium` is set).
 */
export function ensureCodeServer({ chromium = true } = {}) {
  ensureSystemPackages(systemRequirements({ chromium, build: !codeServerInstalled() }));
  if (codeServerInstalled()) return codeServerBin();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = path.join(RESULTS_DIR, 'install-code-server.log');
  const t = clock();
  console.log(`installing code-server ${CS_VERSION} into ${path.relative(ROOT, codeServerDir())} (one time; log: ${path.relative(ROOT, logFile)})`);
  const log = fs.openSync(logFile, 'w');
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-code-server.sh'), codeServerDir(), CS_VERSION], {
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  if (r.status !== 0 || !codeServerInstalled()) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`installing code-server failed (exit ${r.status}); last lines of ${logFile}:\n${tail}`);
  }
  console.log(`code-server ${CS_VERSION} installed in ${t()}`);
  return codeServerBin();
}

// ---------------------------------------------------------------------------------------------------------
// The extension

/**
 * Packages the built extension (dist/ must exist: run `npm run build` first) into `outDir`, for a local install:
 * no prompts, no repository needed (README links are left relative).
 */
export function packageVsix(outDir) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first');
  }
  const out = path.join(outDir, 'srm-lens.vsix');
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0 || !fs.existsSync(out)) {
    throw new Error(`vsce package failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// code-server

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
};

/**
 * Starts code-server on a free 127.0.0.1 port with fresh user-data and extensions folders.
 * Options: name (for folder and log names), vsix (installed first), env (extra environment: it reaches the
 * extension host), settings (extra user settings), logDir (where code-server.log goes; default: the temp dir),
 * port (default: a free one).
 * Resolves to { url, port, pid, dir, logFile, stop() } once the server answers /healthz.
 */
export async function startCodeServer(options = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startCodeServerOnce(options);
    } catch (e) {
      // A free port can be taken between our probe and code-server's bind: try another one.
      if (options.port || attempt >= 3 || !/EADDRINUSE/.test(e.message)) throw e;
      console.log(`code-server: port taken meanwhile (EADDRINUSE), retrying on another port`);
    }
  }
}

async function startCodeServerOnce({ name = 'vscode', vsix, env = {}, settings = {}, logDir, port } = {}) {
  const bin = ensureCodeServer({ chromium: false });
  const dir = tempDir(name);
  const userDir = path.join(dir, 'user-data');
  const extDir = path.join(dir, 'extensions');
  fs.mkdirSync(path.join(userDir, 'User'), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2));
  const common = ['--config', path.join(dir, 'config.yaml'), '--user-data-dir', userDir, '--extensions-dir', extDir];

  if (vsix) {
    const r = spawnSync(bin, [...common, '--install-extension', vsix], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 });
    if (r.status !== 0 || !/successfully installed/.test(r.stdout)) {
      throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
  }

  port = port || (await freePort());
  if (logDir) fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir || dir, `${name}-code-server.log`);
  const log = fs.createWriteStream(logFile);
  const child = spawnGroup(
    bin,
    [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pid = child.pid;
  let output = '';
  let exited = null;
  let onExit;
  const exitedPromise = new Promise((resolve) => (onExit = resolve));
  const collect = (chunk) => {
    output += chunk;
    log.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let stopped = false;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
    if (!stopped) onExit(exited); // an exit we did not ask for
  });

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopGroup(pid);
    await new Promise((r) => log.end(r));
  };
  onCleanup(stop);

  const url = `http://127.0.0.1:${port}`;
  try {
    // Our own process must say it listens on our port (a stale server on the port would also answer /healthz).
    await waitFor(
      () => {
        if (exited) throw new Error(`code-server exited (${JSON.stringify(exited)}) before listening:\n${output.slice(-3000)}`);
        return output.includes(`HTTP server listening on ${url}`);
      },
      { timeout: 60000, message: `code-server to listen on ${url} (log: ${logFile})` },
    );
    await waitFor(
      async () => {
        try {
          return (await fetch(`${url}/healthz`)).ok;
        } catch {
          return false;
        }
      },
      { timeout: 20000, message: `${url}/healthz to answer` },
    );
  } catch (e) {
    await stop();
    throw e;
  }
  // `exited` resolves when code-server itself exits (not when we stop it: callers await stop() instead).
  return { url, port, pid, dir, userDir, extDir, logFile, stop, exited: exitedPromise, output: () => output };
}

// ---------------------------------------------------------------------------------------------------------
// Chromium (playwright-core drives Debian's Chromium; no browser download)

export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found (apt-get install chromium, or set CHROMIUM=/path/to/chrome)');
  const profile = tempDir('chromium-profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const close = async () => {
    await context.close().catch(() => {});
  };
  onCleanup(close);
  const page = context.pages()[0] || (await context.newPage());
  return { context, page, close };
}

/** `vscode-remote://` URI of a local path, as the web workbench of a code-server at `url` expects it. */
export const remoteUri = (url, p) => `vscode-remote://${new URL(url).host}${p}`;

/** The workbench URL for a folder, optionally with a development payload (extensionDevelopmentPath, ...). */
export function workbenchUrl(url, folder, payload) {
  let u = `${url}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
  if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return u;
}

/** Copies a folder into a fresh temp folder (so tests never change files in the repository). */
export function copyToTemp(src, name) {
  const dir = path.join(tempDir(name), path.basename(src));
  fs.cpSync(src, dir, { recursive: true });
  return dir;
}
