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
exports.DocumentIndex = exports.ANALYSIS_TIME_BUDGET_MS = void 0;
const vscode = __importStar(require("vscode"));
const document_1 = require("../core/analysis/document");
const encoding_1 = require("../core/syntax/encoding");
const terraform_1 = require("../core/template/terraform");
/**
 * How long one analysis may keep the extension host busy: past it the Terraform parser stops (the other parsers are
 * bounded by the size limits and linear) and the file is reported as not analysed until it changes.
 */
exports.ANALYSIS_TIME_BUDGET_MS = 2000;
const MB = 1024 * 1024;
/** Caches each open document's analysis by version, so a hover on an analysed document costs a lookup. */
class DocumentIndex {
    hcl;
    configuration;
    cache = new Map();
    subscription;
    constructor(hcl, configuration) {
        this.hcl = hcl;
        this.configuration = configuration;
        this.subscription = vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString()));
    }
    /** The analysis of an open document; undefined when it is no template, or when `token` cancelled it (not cached). */
    async get(document, token) {
        const key = document.uri.toString();
        const cached = this.cache.get(key);
        if (cached && cached.version === document.version)
            return cached.template;
        const version = document.version;
        const maxSize = this.maxSize(document.uri);
        // The size from the line index, without copying the text: an oversized document is only read at its start.
        const size = document.offsetAt(new vscode.Position(document.lineCount, 0));
        const template = size > maxSize
            ? (0, document_1.oversizedTemplate)(document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(document_1.OVERSIZED_SNIFF_LENGTH))), document.uri.path, size, maxSize)
            : await this.analyze(document.getText(), document.uri.path, token, maxSize);
        if (token?.isCancellationRequested)
            return undefined;
        this.cache.set(key, { version, template });
        return template;
    }
    /** Analyses text that is not an open document; not cached. */
    async analyze(text, fileName, token, maxSize = this.maxSize(undefined)) {
        const parser = (0, terraform_1.terraformFormatOf)(fileName) === 'terraform-hcl' ? await this.hcl.get() : undefined;
        await parser?.ready(); // after a file that made the parser fail, its replacement
        return (0, document_1.analyzeDocument)(text, fileName, parser, {
            maxSize,
            deadline: Date.now() + exports.ANALYSIS_TIME_BUDGET_MS,
            isCancelled: () => token?.isCancellationRequested === true,
        });
    }
    /**
     * A file of the workspace read from disk (the workspace scan), with its text: decoded as the editor decodes it;
     * over the size limit, not read at all (only a Terraform file is then known to be a template, by its name).
     * Undefined when it cannot be read or is no template.
     */
    async readAndAnalyze(uri) {
        const maxSize = this.maxSize(uri);
        try {
            const { size } = await vscode.workspace.fs.stat(uri);
            if (size > maxSize) {
                const template = (0, document_1.oversizedTemplate)('', uri.path, size, maxSize);
                return template && { text: '', template };
            }
            const text = (0, encoding_1.decodeText)(await vscode.workspace.fs.readFile(uri));
            const template = await this.analyze(text, uri.path, undefined, maxSize);
            return template && { text, template };
        }
        catch {
            return undefined;
        }
    }
    maxSize(uri) {
        return this.configuration.for(uri).maxFileSizeMB * MB;
    }
    dispose() {
        this.subscription.dispose();
        this.cache.clear();
    }
}
exports.DocumentIndex = DocumentIndex;
//# sourceMappingURL=documentIndex.js.map