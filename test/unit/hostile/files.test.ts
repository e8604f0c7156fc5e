import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { cli } from './run';

const TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n';

/** A folder every user may enter (mkdtemp makes it private), for runs as another user. */
function sharedFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/**
 * How to run the CLI where permissions apply: as root, whom no mode bit stops, as `nobody` through setpriv;
 * undefined when that is not possible here.
 */
function unprivileged(): readonly string[] | undefined {
  if (process.getuid?.() !== 0) return [];
  const setpriv = ['--reuid=65534', '--regid=65534', '--clear-groups'];
  const probe = spawnSync('setpriv', [...setpriv, process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(join(ROOT, 'dist', 'cli.js'))})`]);
  return probe.status === 0 ? ['setpriv', ...setpriv] : undefined;
}

describe('hostile input: files that are not files', () => {
  it('refuses a FIFO named on the command line instead of waiting on it, and scans the rest', function () {
    if (process.platform === 'win32') this.skip();
    const dir = sharedFolder('srm-fifo-');
    const fifo = join(dir, 'pipe.yaml');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    writeFileSync(join(dir, 'app.yaml'), TEMPLATE);
    const result = cli(['scan', fifo, join(dir, 'app.yaml'), '--format', 'json']);
    assert.equal(result.status, 2, result.stderr);
    const output = JSON.parse(result.stdout);
    assert.deepEqual(output.files.map((f: { resources: { id: string }[] }) => f.resources.map((r) => r.id)), [['B']]);
    assert.deepEqual(output.errors, [{ path: fifo, message: 'not a regular file (a pipe, a device or a socket): not read' }]);
  });

  it('an unreadable file and an unreadable folder are one error entry each, and the scan goes on', function () {
    const as = unprivileged();
    if (as === undefined) {
      console.log('      skipped: running as root without setpriv, no file is unreadable');
      this.skip();
    }
    const dir = sharedFolder('srm-unreadable-');
    writeFileSync(join(dir, 'a.yaml'), TEMPLATE);
    writeFileSync(join(dir, 'b-secret.yaml'), TEMPLATE);
    chmodSync(join(dir, 'b-secret.yaml'), 0o000);
    mkdirSync(join(dir, 'c-locked'));
    writeFileSync(join(dir, 'c-locked', 'inside.yaml'), TEMPLATE);
    chmodSync(join(dir, 'c-locked'), 0o000);
    writeFileSync(join(dir, 'd.yaml'), TEMPLATE);
    for (const format of ['json', 'text', 'sarif', 'markdown']) {
      const result = cli(['scan', dir, '--format', format], { cwd: dir, as });
      assert.equal(result.status, 2, `${format}: ${result.stderr}`);
      assert.doesNotMatch(result.stderr, /at .*\.js:\d+/, 'no stack trace');
      if (format === 'json') {
        const output = JSON.parse(result.stdout);
        assert.deepEqual(output.files.map((f: { path: string }) => f.path.slice(dir.length + 1)), ['a.yaml', 'd.yaml']);
        assert.deepEqual(output.errors, [
          { path: join(dir, 'b-secret.yaml'), message: 'cannot read this file (EACCES)' },
          { path: join(dir, 'c-locked'), message: 'cannot read this folder (EACCES): its files were not scanned' },
        ]);
      } else {
        assert.match(result.stdout, /b-secret\.yaml/, format);
        assert.match(result.stdout, /c-locked/, format);
      }
    }
    chmodSync(join(dir, 'c-locked'), 0o755); // so the temporary folder can be removed
  });

  it('`scan … | head` ends quietly when the reader closes the pipe', async () => {
    const dir = sharedFolder('srm-pipe-');
    const many = Array.from({ length: 3000 }, (_, i) => `  Bucket${i}:\n    Type: AWS::S3::Bucket\n`).join('');
    writeFileSync(join(dir, 'many.yaml'), `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${many}`);
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'scan', join(dir, 'many.yaml')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read the first chunk, then close the pipe as `head` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });
});
