"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_SETTINGS = exports.DEFAULT_MAX_FILE_SIZE_MB = void 0;
exports.parseSettings = parseSettings;
const types_1 = require("./rules/types");
/** The default of `srmLens.analysis.maxFileSize` and `srm-lens scan --max-size`, in MB. */
exports.DEFAULT_MAX_FILE_SIZE_MB = 5;
exports.DEFAULT_SETTINGS = Object.freeze({
    hoverEnabled: true,
    diagnosticsEnabled: true,
    minimumSeverity: 'hint',
    ruleSeverities: new Map(),
    scope: 'open',
    maxFileSizeMB: exports.DEFAULT_MAX_FILE_SIZE_MB,
});
const isSeverity = (value) => typeof value === 'string' && types_1.SEVERITIES.includes(value);
/** Reads raw configuration values (any shape) into Settings, falling back to defaults for anything invalid. */
function parseSettings(raw) {
    const hover = raw.get('hover.enabled');
    const diagnostics = raw.get('diagnostics.enabled');
    const minimum = raw.get('diagnostics.minimumSeverity');
    const scope = raw.get('diagnostics.scope');
    const rules = raw.get('diagnostics.rules');
    const maxFileSize = raw.get('analysis.maxFileSize');
    const ruleSeverities = new Map();
    if (typeof rules === 'object' && rules !== null && !Array.isArray(rules)) {
        for (const [id, value] of Object.entries(rules)) {
            if (value === 'off' || isSeverity(value))
                ruleSeverities.set(id, value);
        }
    }
    return {
        hoverEnabled: typeof hover === 'boolean' ? hover : exports.DEFAULT_SETTINGS.hoverEnabled,
        diagnosticsEnabled: typeof diagnostics === 'boolean' ? diagnostics : exports.DEFAULT_SETTINGS.diagnosticsEnabled,
        minimumSeverity: isSeverity(minimum) ? minimum : exports.DEFAULT_SETTINGS.minimumSeverity,
        ruleSeverities,
        scope: scope === 'workspace' ? 'workspace' : 'open',
        maxFileSizeMB: typeof maxFileSize === 'number' && maxFileSize > 0 && Number.isFinite(maxFileSize) ? maxFileSize : exports.DEFAULT_MAX_FILE_SIZE_MB,
    };
}
//# sourceMappingURL=settings.js.map