// The `srm-lens` command (dist/cli.js): runs the CLI bundle (dist/cli-main.js) with V8's code cache of it
// (dist/cli-main.js.cache), so that a run does not compile the bundle's functions again: Node 20 has no compile cache
// of its own (module.enableCompileCache is Node 22). The build writes the cache; a run that finds it missing, stale or
// refused by V8 (another Node version, other V8 flags) writes a new one when it ends, if it can. Any failure of the
// cache only costs the compile time it would have saved.
import { accessSync, constants, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Runs a CommonJS bundle as Node runs a module, from `cachePath` when that holds the bundle's compiled code. */
function runCached(bundlePath: string, cachePath: string): void {
  const bytes = readFileSync(bundlePath);
  const cached = readCache(cachePath, bytes);
  // Node's own module wrapper, on the bundle's first line: line numbers in stack traces stay the bundle's.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`, {
    filename: bundlePath,
    cachedData: cached,
  });
  if ((cached === undefined || script.cachedDataRejected === true) && writable(dirname(cachePath))) {
    process.once('exit', () => writeCache(cachePath, bytes, script));
  }
  const moduleFunction = script.runInThisContext() as (...args: unknown[]) => void;
  moduleFunction.call(module.exports, module.exports, require, module, bundlePath, dirname(bundlePath));
}

/**
 * The cache file holds the bundle it was made from, then V8's data. V8 checks its own version and flags, but of the
 * source only its length: a cache of another bundle of the same length would run stale code. (Comparing the bytes
 * costs less than loading node:crypto to compare digests.)
 */
function readCache(cachePath: string, bundle: Buffer): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(cachePath);
  } catch {
    return undefined;
  }
  return file.length > bundle.length && bundle.equals(file.subarray(0, bundle.length)) ? file.subarray(bundle.length) : undefined;
}

function writable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Written whole under another name, then renamed: a run reading the cache meanwhile sees the old file or the new one. */
function writeCache(cachePath: string, bundle: Buffer, script: Script): void {
  const temporary = `${cachePath}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([bundle, script.createCachedData()]));
    renameSync(temporary, cachePath);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // a temporary file left behind in an unwritable folder: nothing more can be done
    }
  }
}

const bundle = join(__dirname, 'cli-main.js');
// Node maps stack traces to the sources (--enable-source-maps, for debugging) only in the modules it loads itself.
if (process.sourceMapsEnabled) require(bundle);
else runCached(bundle, `${bundle}.cache`);
