"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.scanText = scanText;
exports.messages = messages;
exports.cli = cli;
// Runs one text through everything a scan does in-process: the analysis, the rules, and all four output formats of
// the CLI. Hostile-input and fuzz tests use it, so each input is checked end to end, not only at the parser.
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const document_1 = require("../../../src/core/analysis/document");
const report_1 = require("../../../src/core/report");
const engine_1 = require("../../../src/core/rules/engine");
const output_1 = require("../../../src/cli/output");
const helpers_1 = require("../helpers");
/** Analyses `text` as the file `fileName` and renders the result in every CLI output format. */
function scanText(text, fileName, hcl, options) {
    const template = (0, document_1.analyzeDocument)(text, fileName, hcl, options);
    const k = (0, helpers_1.knowledge)();
    const findings = template ? (0, engine_1.findingsOf)(k.rules, template, text) : [];
    const result = {
        reports: template ? [(0, report_1.fileReport)(k, fileName, template, findings)] : [],
        analysed: template ? [{ path: fileName, template, findings }] : [],
        unreadable: [],
    };
    const outputs = Object.fromEntries(output_1.SCAN_FORMATS.map((format) => [format, (0, output_1.renderScan)(format, result, helpers_1.knowledge, '0.0.0')]));
    return { template, outputs };
}
/** The problems of a template, as messages. */
function messages(template) {
    return template?.problems.map((problem) => problem.message) ?? [];
}
/** Runs the built CLI (dist/cli.js) in `cwd`, with extra Node options when given. */
function cli(args, options = {}) {
    const command = [...(options.as ?? []), process.execPath, ...(options.nodeOptions ?? []), (0, node_path_1.join)(helpers_1.ROOT, 'dist', 'cli.js'), ...args];
    return (0, node_child_process_1.spawnSync)(command[0], command.slice(1), { cwd: options.cwd ?? helpers_1.ROOT, encoding: 'utf8', timeout: 120000 });
}
//# sourceMappingURL=run.js.map