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
const vscode = __importStar(require("vscode"));
const load_1 = require("../core/knowledge/load");
const hcl_1 = require("../core/syntax/hcl");
const loadKnowledge_1 = require("../node/loadKnowledge");
// Files shipped in dist/, read through workspace.fs so the same code works on the desktop and on the web.
function readDist(extensionUri, ...path) {
    return vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', ...path));
}
/** The knowledge (content and catalogs) from dist/data. */
async function loadKnowledge(extensionUri) {
    const decoder = new TextDecoder();
    const entries = await Promise.all(Object.entries(load_1.DATA_FILES).map(async ([key, file]) => [key, decoder.decode(await readDist(extensionUri, 'data', file))]));
    const texts = Object.fromEntries(entries);
    return (0, load_1.knowledgeFromJson)((file) => texts[file]);
}
/** The HCL parser, from the two wasm files and web-tree-sitter beside the bundle (the extension host is Node). */
async function loadHclParser(extensionUri) {
    const [runtimeWasm, languageWasm] = await Promise.all([
        readDist(extensionUri, 'web-tree-sitter.wasm'),
        readDist(extensionUri, 'tree-sitter-terraform.wasm'),
    ]);
    const loadModule = (0, loadKnowledge_1.freshModuleLoader)(vscode.Uri.joinPath(extensionUri, 'dist', 'web-tree-sitter.cjs').fsPath);
    return hcl_1.HclParser.create({ runtimeWasm, languageWasm, loadModule });
}
//# sourceMappingURL=distFiles.js.map