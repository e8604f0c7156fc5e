"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEVERITIES = void 0;
exports.severityRank = severityRank;
exports.SEVERITIES = ['hint', 'information', 'warning', 'error'];
function severityRank(severity) {
    return exports.SEVERITIES.indexOf(severity);
}
//# sourceMappingURL=types.js.map