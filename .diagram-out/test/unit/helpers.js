"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROOT = void 0;
exports.knowledge = knowledge;
exports.hclParser = hclParser;
exports.fixture = fixture;
exports.slice = slice;
exports.skipWithoutShared = skipWithoutShared;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const loadKnowledge_1 = require("../../src/node/loadKnowledge");
/** The repository root (tests run from out/test/unit/…). */
exports.ROOT = (0, node_path_1.join)(__dirname, '..', '..', '..');
let cached;
/** The knowledge built by `npm run build` into dist/data: the same files the extension and the CLI load. */
function knowledge() {
    cached ??= (0, loadKnowledge_1.loadKnowledge)((0, node_path_1.join)(exports.ROOT, 'dist', 'data'));
    return cached;
}
let parser;
/** The HCL parser from the wasm files the build copies into dist/, as the CLI creates it. */
function hclParser() {
    parser ??= (0, loadKnowledge_1.loadHclParser)((0, node_path_1.join)(exports.ROOT, 'dist'));
    return parser;
}
function fixture(name) {
    return (0, node_fs_1.readFileSync)((0, node_path_1.join)(exports.ROOT, 'test', 'fixtures', name), 'utf8');
}
/** The text between two offsets, to assert that a span covers exactly what it should. */
function slice(text, span) {
    return text.slice(span.start, span.end);
}
/**
 * `../shared` (the corpus, reference schemas) sits beside the clone on the team's machines and in CI, never in a
 * clone from GitHub: tests that read it skip, saying why, when it is absent.
 */
function skipWithoutShared(context, path) {
    if ((0, node_fs_1.existsSync)(path))
        return;
    console.log(`      skipped: ${path} is absent (../shared sits beside the clone on the team's machines and in CI only)`);
    context.skip();
}
//# sourceMappingURL=helpers.js.map