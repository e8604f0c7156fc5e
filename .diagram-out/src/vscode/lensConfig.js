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
exports.LensConfigFiles = void 0;
const vscode = __importStar(require("vscode"));
const config_1 = require("../core/rules/config");
/**
 * `.srm-lens.yaml` at the root of each workspace folder, read through workspace.fs (desktop and web alike),
 * cached, and read again when it changes. Its problems are logged to the output channel, once per change.
 */
class LensConfigFiles {
    log;
    cache = new Map();
    changed = new vscode.EventEmitter();
    watcher = vscode.workspace.createFileSystemWatcher(`**/${config_1.CONFIG_FILE_NAME}`);
    onDidChange = this.changed.event;
    constructor(log) {
        this.log = log;
        const reset = () => {
            this.cache.clear();
            this.changed.fire();
        };
        this.watcher.onDidChange(reset);
        this.watcher.onDidCreate(reset);
        this.watcher.onDidDelete(reset);
    }
    /** The configuration that governs a document, with the document's path relative to it. */
    async for(uri) {
        const folder = vscode.workspace.getWorkspaceFolder(uri);
        if (!folder)
            return { config: config_1.EMPTY_CONFIG, relativePath: uri.path.slice(uri.path.lastIndexOf('/') + 1) };
        const key = folder.uri.toString();
        let pending = this.cache.get(key);
        if (!pending) {
            pending = this.read(vscode.Uri.joinPath(folder.uri, config_1.CONFIG_FILE_NAME));
            this.cache.set(key, pending);
        }
        return { config: await pending, relativePath: vscode.workspace.asRelativePath(uri, false) };
    }
    async read(file) {
        let bytes;
        try {
            bytes = await vscode.workspace.fs.readFile(file);
        }
        catch {
            return config_1.EMPTY_CONFIG;
        }
        const config = (0, config_1.parseLensConfig)(new TextDecoder().decode(bytes));
        for (const problem of config.problems)
            this.log.appendLine(`${vscode.workspace.asRelativePath(file, false)}: ${problem}`);
        return config;
    }
    dispose() {
        this.watcher.dispose();
        this.changed.dispose();
    }
}
exports.LensConfigFiles = LensConfigFiles;
//# sourceMappingURL=lensConfig.js.map