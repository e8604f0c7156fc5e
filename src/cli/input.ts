// What `srm-lens scan` reads, and how: regular files only (a FIFO would block the scan forever), no more than the
// size limit needs, decoded as the editor decodes them. A file or folder that cannot be read is one entry with its
// reason, and the scan goes on.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OVERSIZED_SNIFF_LENGTH } from '../core/analysis/document';
import { decodeText } from '../core/syntax/encoding';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform', 'cdk.out']);
const CANDIDATE_FILE = /\.(ya?ml|json|template|cfn|tf)$/i;

/** A path the scan found: a file to read, or what went wrong with it. */
export type Candidate = { readonly path: string; readonly error?: undefined } | { readonly path: string; readonly error: string };

/**
 * The files of one command-line argument: the file itself, or the candidate files below a folder, in name order.
 * Throws only when the argument does not exist (a typo in the command, reported as bad usage).
 */
export function candidatesOf(argument: string): Iterable<Candidate> {
  let stats;
  try {
    stats = statSync(argument);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw error;
    return [{ path: argument, error: `cannot read this path (${code})` }];
  }
  if (stats.isDirectory()) return walk(argument);
  return [stats.isFile() ? { path: argument } : { path: argument, error: NOT_REGULAR }];
}

const NOT_REGULAR = 'not a regular file (a pipe, a device or a socket): not read';

function* walk(folder: string): Generator<Candidate> {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    yield { path: folder, error: `cannot read this folder (${errorCode(error)}): its files were not scanned` };
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield* walk(path);
    } else if (entry.isFile() && CANDIDATE_FILE.test(entry.name)) {
      yield { path };
    }
  }
}

/** A file's text, or its size and first bytes when it is over `maxSize` bytes, or why it could not be read. */
export type FileText =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'oversized'; readonly head: string; readonly size: number }
  | { readonly kind: 'error'; readonly error: string };

export function readText(path: string, maxSize: number): FileText {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { kind: 'error', error: `cannot read this file (${errorCode(error)})` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'error', error: NOT_REGULAR };
    if (stats.size > maxSize) return { kind: 'oversized', head: decodeText(readUpTo(fd, OVERSIZED_SNIFF_LENGTH, OVERSIZED_SNIFF_LENGTH)), size: stats.size };
    // One byte more than allowed tells a file that grew since fstat from one that did not.
    const bytes = readUpTo(fd, maxSize + 1, stats.size);
    if (bytes.length > maxSize) return { kind: 'oversized', head: decodeText(bytes.subarray(0, OVERSIZED_SNIFF_LENGTH)), size: bytes.length };
    return { kind: 'text', text: decodeText(bytes) };
  } catch (error) {
    return { kind: 'error', error: `cannot read this file (${errorCode(error)})` };
  } finally {
    closeSync(fd);
  }
}

/**
 * At most `limit` bytes of a file, read into one buffer of the size fstat gave (and a byte more, to see the end): a
 * buffer per file as large as the limit would cost more than the reading. A file that grew, or one whose size the
 * system does not tell (/proc), gets a larger buffer as it goes.
 */
function readUpTo(fd: number, limit: number, expectedSize: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(limit, expectedSize + 1));
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (total >= limit) break;
      const larger = Buffer.allocUnsafe(Math.min(limit, Math.max(2 * buffer.length, 64 * 1024)));
      buffer.copy(larger, 0, 0, total);
      buffer = larger;
    }
    const read = readSync(fd, buffer, total, buffer.length - total, null);
    if (read === 0) break;
    total += read;
  }
  return buffer.subarray(0, total);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
