"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SCAN_FORMATS = void 0;
exports.renderScan = renderScan;
exports.quietOnBrokenPipe = quietOnBrokenPipe;
const reportMarkdown_1 = require("../core/render/reportMarkdown");
const report_1 = require("../core/report");
const encoding_1 = require("../core/syntax/encoding");
const sarif_1 = require("./sarif");
exports.SCAN_FORMATS = ['text', 'json', 'sarif', 'markdown'];
function renderScan(format, result, knowledge, version) {
    switch (format) {
        case 'json':
            // JSON.stringify escapes control characters: the JSON carries template text as written.
            return `${JSON.stringify({ version: report_1.REPORT_VERSION, tool: { name: 'srm-lens', version }, files: result.reports, errors: result.unreadable }, null, 2)}\n`;
        case 'markdown':
            // The report escapes template text itself (code spans, headings, table cells).
            return (0, reportMarkdown_1.renderReportMarkdown)(knowledge(), result.analysed, { generator: `srm-lens ${version}`, notRead: result.unreadable });
        case 'sarif':
            return `${JSON.stringify((0, sarif_1.toSarif)(result.reports, version, knowledge(), result.unreadable), null, 2)}\n`;
        case 'text':
            return textReport(result);
    }
}
function textReport({ reports, unreadable }) {
    const lines = [];
    let resources = 0;
    let known = 0;
    let errors = 0;
    let findings = 0;
    const at = (range) => `${range.start.line + 1}:${range.start.character + 1}`.padEnd(8);
    for (const report of reports) {
        lines.push(`${(0, encoding_1.escapeControlCharacters)(report.path)} (${report.format})`);
        for (const resource of report.resources) {
            const what = resource.known ? `${resource.service} · ${resource.category}` : 'unknown type';
            lines.push(`  ${at(resource.range)} ${(0, encoding_1.escapeControlCharacters)(resource.id)}  ${(0, encoding_1.escapeControlCharacters)(resource.type)}  ${what}`);
            resources++;
            if (resource.known)
                known++;
        }
        for (const finding of report.findings) {
            const reason = finding.suppressed?.reason ? `: ${(0, encoding_1.escapeControlCharacters)(finding.suppressed.reason)}` : '';
            const suppressed = finding.suppressed ? `  (suppressed by ${finding.suppressed.by}${reason})` : '';
            lines.push(`  ${at(finding.range)} ${finding.severity}  ${(0, encoding_1.escapeControlCharacters)(finding.resource)}: ${(0, encoding_1.escapeControlCharacters)(finding.message)}  [${finding.ruleId}]${suppressed}`);
            findings++;
        }
        for (const error of report.errors) {
            lines.push(`  ${at(error.range)} error  ${(0, encoding_1.escapeControlCharacters)(error.message)}`);
            errors++;
        }
    }
    for (const entry of unreadable)
        lines.push(`${(0, encoding_1.escapeControlCharacters)(entry.path)}: error  ${(0, encoding_1.escapeControlCharacters)(entry.message)}`);
    const notRead = unreadable.length > 0 ? `, ${unreadable.length} not read` : '';
    lines.push(`${reports.length} template(s), ${resources} resource(s), ${known} known, ${findings} finding(s), ${errors} error(s)${notRead}`);
    return `${lines.join('\n')}\n`;
}
/**
 * A reader that stops reading (`srm-lens scan . | head`) closes the pipe: the CLI then ends quietly, with the exit
 * status it would have had, instead of dying of an unhandled EPIPE.
 */
function quietOnBrokenPipe(stream) {
    stream.on('error', (error) => {
        if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED')
            throw error;
    });
}
//# sourceMappingURL=output.js.map