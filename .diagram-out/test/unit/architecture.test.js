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
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const helpers_1 = require("./helpers");
function* sources(folder) {
    for (const name of (0, node_fs_1.readdirSync)(folder)) {
        const path = (0, node_path_1.join)(folder, name);
        if ((0, node_fs_1.statSync)(path).isDirectory())
            yield* sources(path);
        else if (path.endsWith('.ts'))
            yield path;
    }
}
function imports(file) {
    const text = (0, node_fs_1.readFileSync)(file, 'utf8');
    return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
}
const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|crypto$|url$|util$|module$|http$|https$|net$|stream$|zlib$)/;
describe('layers', () => {
    it('src/core imports neither vscode, nor Node built-ins, nor outer layers', () => {
        const offenders = [];
        for (const file of sources((0, node_path_1.join)(helpers_1.ROOT, 'src', 'core'))) {
            for (const specifier of imports(file)) {
                if (specifier === 'vscode' || NODE_BUILTINS.test(specifier) || /\/(vscode|webview|shared|cli|node)\//.test(`${specifier}/`)) {
                    offenders.push(`${(0, node_path_1.relative)(helpers_1.ROOT, file)} imports ${specifier}`);
                }
            }
        }
        assert.deepEqual(offenders, []);
    });
    it('only src/vscode and the composition root import vscode', () => {
        const offenders = [];
        for (const file of sources((0, node_path_1.join)(helpers_1.ROOT, 'src'))) {
            const path = (0, node_path_1.relative)((0, node_path_1.join)(helpers_1.ROOT, 'src'), file);
            if (path.startsWith('vscode/') || path === 'extension.ts')
                continue;
            if (imports(file).some((specifier) => specifier === 'vscode'))
                offenders.push(path);
        }
        assert.deepEqual(offenders, []);
    });
});
//# sourceMappingURL=architecture.test.js.map