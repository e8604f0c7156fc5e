"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadKnowledge = loadKnowledge;
exports.loadHclParser = loadHclParser;
exports.freshModuleLoader = freshModuleLoader;
const node_fs_1 = require("node:fs");
const node_module_1 = require("node:module");
const node_path_1 = require("node:path");
const load_1 = require("../core/knowledge/load");
/** Reads the data files from a folder (dist/data) on disk, each at its first use: for the CLI, the unit tests and the bench. */
function loadKnowledge(dataDir) {
    return (0, load_1.knowledgeFromJson)((file) => (0, node_fs_1.readFileSync)((0, node_path_1.join)(dataDir, load_1.DATA_FILES[file]), 'utf8'));
}
/**
 * Creates the HCL parser from the files the build copies beside the bundles (dist/): the two wasm files and
 * web-tree-sitter itself. The parser's code is imported here, not at startup, so a run without a `.tf` file never
 * loads web-tree-sitter.
 */
async function loadHclParser(distDir) {
    const { HclParser } = await Promise.resolve().then(() => __importStar(require('../core/syntax/hcl')));
    return HclParser.create({
        runtimeWasm: (0, node_fs_1.readFileSync)((0, node_path_1.join)(distDir, 'web-tree-sitter.wasm')),
        languageWasm: (0, node_fs_1.readFileSync)((0, node_path_1.join)(distDir, 'tree-sitter-terraform.wasm')),
        loadModule: freshModuleLoader((0, node_path_1.join)(distDir, 'web-tree-sitter.cjs')),
    });
}
/**
 * Loads a new copy of web-tree-sitter at each call, evicting the last one from `require`'s cache: a copy whose
 * WebAssembly runtime aborted never works again (src/core/syntax/hcl.ts replaces it).
 */
function freshModuleLoader(modulePath) {
    const load = (0, node_module_1.createRequire)(modulePath);
    const cacheKey = load.resolve(modulePath); // the real path, symbolic links resolved, as `require` caches it
    return () => {
        delete load.cache[cacheKey];
        return load(cacheKey);
    };
}
//# sourceMappingURL=loadKnowledge.js.map