// `npm start` smoke test: starts scripts/start.mjs as a person would (no build: scripts/test.mjs built
// already), opens the URL it prints, hovers over AWS::S3::Bucket, then stops it with SIGINT (Ctrl-C) and checks
// that it exits 0 and leaves no process, port or temp folder behind.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, cleanupAll, launchBrowser, onCleanup, stopGroup, waitFor } from '../../scripts/vscode-host.mjs';
import { Workbench } from './workbench.mjs';

/** PIDs whose command line mentions `text` (Linux /proc). */
function processesMentioning(text) {
  const found = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text)) found.push(Number(pid));
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

describe('npm start', function () {
  this.timeout(120000);
  let child;
  let output = '';
  let url;
  let tempFolder;
  let exit;

  before(async () => {
    // Own process group, so the SIGINT below reaches only it (as Ctrl-C reaches npm start's foreground group).
    child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--no-build'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    onCleanup(() => stopGroup(child.pid)); // only if the test fails before stopping it
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let exited;
    exit.then((e) => (exited = e));
    url = await waitFor(() => {
      if (exited) throw new Error(`npm start exited (${JSON.stringify(exited)}) before printing a URL`);
      return /Open:\s+(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output)?.[1];
    }, {
      timeout: 90000,
      message: 'npm start to print "Open: http://127.0.0.1:..."',
    }).catch((e) => {
      throw new Error(`${e.message}\noutput so far:\n${output}`);
    });
    tempFolder = /code-server log: (\/\S+)\//.exec(output)?.[1];
  });

  after(async () => {
    await cleanupAll();
  });

  it('serves the sample workspace at the printed URL, with the hover on AWS::S3::Bucket', async () => {
    const { page, close } = await launchBrowser();
    const wb = new Workbench(page);
    try {
      await wb.open(url, 'cloudformation');
      await wb.openFromExplorer('cloudformation', 'web-app.yaml', 'AWSTemplateFormatVersion');
      const text = await wb.hover('AWS::S3::Bucket', 'You secure');
      assert.ok(text.includes('Amazon S3'), text);
      await wb.screenshot('10-npm-start-hover');
    } finally {
      await close();
    }
  });

  it('stops on Ctrl-C (SIGINT) and leaves nothing running', async () => {
    assert.ok(tempFolder && tempFolder.includes('srm-lens-start-'), `no temp folder in the output:\n${output}`);
    process.kill(child.pid, 'SIGINT');
    const result = await Promise.race([exit, new Promise((r) => setTimeout(() => r('timeout'), 20000))]);
    assert.deepEqual(result, { code: 0, signal: null }, `npm start did not exit cleanly:\n${output}`);
    assert.deepEqual(processesMentioning(tempFolder), [], 'processes of that code-server are still running');
    assert.equal(fs.existsSync(tempFolder), false, `${tempFolder} was not removed`);
    const stillServing = await fetch(new URL('/healthz', url)).then(() => true, () => false);
    assert.equal(stillServing, false, `${url} still answers`);
  });
});
