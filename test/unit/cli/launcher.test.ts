import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** dist/cli.js and the bundle it runs, copied into a folder of their own, without the cache the build wrote. */
function launcherCopy(): { folder: string; bundle: string; cache: string; run: (...args: string[]) => ReturnType<typeof spawnSync> } {
  const folder = mkdtempSync(join(tmpdir(), 'srm-launcher-'));
  for (const file of ['cli.js', 'cli-main.js']) copyFileSync(join(ROOT, 'dist', file), join(folder, file));
  return {
    folder,
    bundle: join(folder, 'cli-main.js'),
    cache: join(folder, 'cli-main.js.cache'),
    run: (...args) => spawnSync(process.execPath, [join(folder, 'cli.js'), ...args], { encoding: 'utf8' }),
  };
}

describe('the srm-lens command (dist/cli.js) and the code cache of its bundle', () => {
  it('the build wrote a cache of the bundle beside it', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'cli-main.js'));
    const cache = readFileSync(join(ROOT, 'dist', 'cli-main.js.cache'));
    assert.ok(cache.length > bundle.length);
    assert.ok(cache.subarray(0, bundle.length).equals(bundle), 'the cache starts with the bundle it was made from');
  });

  it('writes the cache when there is none, and the next run uses it without writing it again', () => {
    const copy = launcherCopy();
    assert.equal(copy.run('--version').stdout, `${packageJson.version}\n`);
    const written = statSync(copy.cache);
    assert.ok(readFileSync(copy.cache).subarray(0, statSync(copy.bundle).size).equals(readFileSync(copy.bundle)));
    const again = copy.run('--version');
    assert.equal(again.status, 0, String(again.stderr));
    assert.equal(again.stdout, `${packageJson.version}\n`);
    // A refused cache is replaced by renaming a new file over it: the same inode means V8 took it.
    assert.equal(statSync(copy.cache).ino, written.ino);
  });

  it('never runs the cache of another bundle, even one of the same length, and replaces it', () => {
    const copy = launcherCopy();
    copy.run('--version');
    // V8 checks only the length of the source its cache was made from: this edit keeps the length.
    const original = readFileSync(copy.bundle, 'utf8');
    const edited = Buffer.from(original.replace(`var version = "${packageJson.version}";`, 'var version = "9.9.9";'));
    assert.equal(edited.length, statSync(copy.bundle).size);
    assert.notEqual(edited.toString(), original);
    writeFileSync(copy.bundle, edited);
    assert.equal(copy.run('--version').stdout, '9.9.9\n');
    assert.ok(readFileSync(copy.cache).subarray(0, edited.length).equals(edited), 'the cache is of the edited bundle now');
    assert.equal(copy.run('--version').stdout, '9.9.9\n');
  });

  it('refuses a damaged cache, runs the bundle all the same and writes a sound one', () => {
    const copy = launcherCopy();
    writeFileSync(copy.cache, Buffer.concat([readFileSync(copy.bundle), Buffer.from('not what V8 wrote'.repeat(100))]));
    const result = copy.run('--version');
    assert.equal(result.status, 0, String(result.stderr));
    assert.equal(result.stdout, `${packageJson.version}\n`);
    const again = statSync(copy.cache);
    assert.equal(copy.run('--version').stdout, `${packageJson.version}\n`);
    assert.equal(statSync(copy.cache).ino, again.ino, 'the rewritten cache is taken');
  });

  it('runs, and leaves nothing behind, when the cache cannot be written', () => {
    const copy = launcherCopy();
    mkdirSync(copy.cache); // a folder where the cache file should be: reading and renaming onto it both fail
    for (let i = 0; i < 2; i++) {
      const result = copy.run('--help');
      assert.equal(result.status, 0, String(result.stderr));
      assert.match(String(result.stdout), /srm-lens scan <file-or-folder>/);
    }
    assert.deepEqual(readdirSync(copy.folder).sort(), ['cli-main.js', 'cli-main.js.cache', 'cli.js']);
  });

  it('writes all of a long report into a pipe read slowly, before it exits', function () {
    if (process.platform === 'win32') this.skip();
    const fixtures = join(ROOT, 'test', 'fixtures', 'cfn');
    const cli = join(ROOT, 'dist', 'cli.js');
    const whole = spawnSync(process.execPath, [cli, 'scan', fixtures, fixtures, '--format', 'markdown'], { encoding: 'utf8' });
    assert.ok(whole.stdout.length > 128 * 1024, 'more than a pipe holds (64 KB on Linux)');
    // The reader starts after the CLI has written all it could: the rest waits in Node's buffer for the pipe.
    const slow = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" scan "${fixtures}" "${fixtures}" --format markdown | (sleep 1; cat)`], { encoding: 'utf8' });
    assert.equal(slow.status, 0, slow.stderr);
    assert.equal(slow.stdout, whole.stdout);
  });
});
