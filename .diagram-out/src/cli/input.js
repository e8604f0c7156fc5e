"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.candidatesOf = candidatesOf;
exports.readText = readText;
// What `srm-lens scan` reads, and how: regular files only (a FIFO would block the scan forever), no more than the
// size limit needs, decoded as the editor decodes them. A file or folder that cannot be read is one entry with its
// reason, and the scan goes on.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const document_1 = require("../core/analysis/document");
const encoding_1 = require("../core/syntax/encoding");
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform', 'cdk.out']);
const CANDIDATE_FILE = /\.(ya?ml|json|template|cfn|tf)$/i;
/**
 * The files of one command-line argument: the file itself, or the candidate files below a folder, in name order.
 * Throws only when the argument does not exist (a typo in the command, reported as bad usage).
 */
function candidatesOf(argument) {
    let stats;
    try {
        stats = (0, node_fs_1.statSync)(argument);
    }
    catch (error) {
        const code = errorCode(error);
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw error;
        return [{ path: argument, error: `cannot read this path (${code})` }];
    }
    if (stats.isDirectory())
        return walk(argument);
    return [stats.isFile() ? { path: argument } : { path: argument, error: NOT_REGULAR }];
}
const NOT_REGULAR = 'not a regular file (a pipe, a device or a socket): not read';
function* walk(folder) {
    let entries;
    try {
        entries = (0, node_fs_1.readdirSync)(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    }
    catch (error) {
        yield { path: folder, error: `cannot read this folder (${errorCode(error)}): its files were not scanned` };
        return;
    }
    for (const entry of entries) {
        const path = (0, node_path_1.join)(folder, entry.name);
        if (entry.isDirectory()) {
            if (!SKIPPED_FOLDERS.has(entry.name))
                yield* walk(path);
        }
        else if (entry.isFile() && CANDIDATE_FILE.test(entry.name)) {
            yield { path };
        }
    }
}
function readText(path, maxSize) {
    let fd;
    try {
        // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
        fd = (0, node_fs_1.openSync)(path, node_fs_1.constants.O_RDONLY | (node_fs_1.constants.O_NONBLOCK ?? 0));
    }
    catch (error) {
        return { kind: 'error', error: `cannot read this file (${errorCode(error)})` };
    }
    try {
        const stats = (0, node_fs_1.fstatSync)(fd);
        if (!stats.isFile())
            return { kind: 'error', error: NOT_REGULAR };
        if (stats.size > maxSize)
            return { kind: 'oversized', head: (0, encoding_1.decodeText)(readUpTo(fd, document_1.OVERSIZED_SNIFF_LENGTH)), size: stats.size };
        // One byte more than allowed tells a file that grew since fstat from one that did not.
        const bytes = readUpTo(fd, maxSize + 1);
        if (bytes.length > maxSize)
            return { kind: 'oversized', head: (0, encoding_1.decodeText)(bytes.subarray(0, document_1.OVERSIZED_SNIFF_LENGTH)), size: bytes.length };
        return { kind: 'text', text: (0, encoding_1.decodeText)(bytes) };
    }
    catch (error) {
        return { kind: 'error', error: `cannot read this file (${errorCode(error)})` };
    }
    finally {
        (0, node_fs_1.closeSync)(fd);
    }
}
function readUpTo(fd, limit) {
    const chunks = [];
    let total = 0;
    while (total < limit) {
        const chunk = Buffer.allocUnsafe(Math.min(limit - total, 1024 * 1024));
        const read = (0, node_fs_1.readSync)(fd, chunk, 0, chunk.length, null);
        if (read === 0)
            break;
        chunks.push(chunk.subarray(0, read));
        total += read;
    }
    return Buffer.concat(chunks, total);
}
function errorCode(error) {
    return error.code ?? String(error);
}
//# sourceMappingURL=input.js.map